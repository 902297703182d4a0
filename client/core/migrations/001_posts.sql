-- The local copy of what the user has seen, and the sync cursor.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER,
    author_id INTEGER NOT NULL,
    author_username TEXT NOT NULL,
    author_name TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    likes INTEGER NOT NULL DEFAULT 0,
    replies INTEGER NOT NULL DEFAULT 0,
    liked_by_me INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX posts_feed ON posts (parent_id, id);
