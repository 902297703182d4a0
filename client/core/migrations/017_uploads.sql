-- Files attached to a post, a reply or a chat message while they upload (client/core/files).
-- Each row is one upload, queued in the outbox (kind file.upload) before the write that
-- carries it, in the same lane; the row keeps where it stands, so that an upload goes on
-- from the server's offset after a dropped connection or a restart. `modified_ms` and `size`
-- are the local file's when it was attached: a file that changed since is not sent. A row
-- goes when the write that carries it has left the outbox (delivered or discarded).
CREATE TABLE uploads (
    client_id TEXT PRIMARY KEY,
    carrier_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    type TEXT NOT NULL DEFAULT '',
    modified_ms INTEGER NOT NULL,
    upload_id TEXT NOT NULL DEFAULT '',
    sent INTEGER NOT NULL DEFAULT 0,
    file_id TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'waiting',
    error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX uploads_by_carrier ON uploads (carrier_id, position);
