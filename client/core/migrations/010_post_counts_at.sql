-- The position in the server's log that a post's reply count is as of (0: not known), so that
-- a reply applied again after a rebuild is not counted on its parent a second time.
ALTER TABLE posts ADD COLUMN counts_at INTEGER NOT NULL DEFAULT 0;
