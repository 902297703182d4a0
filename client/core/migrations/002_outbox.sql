-- Writes made on this machine that the server has not confirmed yet, in the order they were made.
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    parent_id INTEGER,
    body TEXT,
    state TEXT NOT NULL DEFAULT 'pending',
    error_code TEXT,
    error_message TEXT,
    created_at TEXT NOT NULL
);

ALTER TABLE posts ADD COLUMN mentions_me INTEGER NOT NULL DEFAULT 0;
