-- Whether a write has been sent at least once: such a write may have reached the server even
-- when its answer was lost, so it can no longer be edited or discarded, only settled by the
-- server's answer to its resend.
ALTER TABLE outbox ADD COLUMN sent INTEGER NOT NULL DEFAULT 0;
