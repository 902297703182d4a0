-- The company feed: posts and replies, likes, mentions, and the ledger of client writes that
-- makes every write idempotent.
CREATE TABLE posts (
    id %ID%,
    author_id %BIGINT% NOT NULL REFERENCES users(id),
    parent_id %BIGINT% REFERENCES posts(id),
    group_id %BIGINT% REFERENCES user_groups(id),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted %BOOL% NOT NULL DEFAULT 0,
    like_count INTEGER NOT NULL DEFAULT 0,
    reply_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX posts_feed ON posts (group_id, parent_id, id);
CREATE INDEX posts_thread ON posts (parent_id, id);

CREATE TABLE likes (
    post_id %BIGINT% NOT NULL REFERENCES posts(id),
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (post_id, user_id)
);

CREATE TABLE mentions (
    post_id %BIGINT% NOT NULL REFERENCES posts(id),
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    PRIMARY KEY (post_id, user_id)
);
CREATE INDEX mentions_user ON mentions (user_id, post_id);

-- A write's client id, a hash of its request and the result it got. The same id again returns
-- the stored result; with another request it is a conflict. Kept for client_write_retention_days.
CREATE TABLE client_writes (
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    client_id TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    result TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, client_id)
);
CREATE INDEX client_writes_age ON client_writes (created_at);
