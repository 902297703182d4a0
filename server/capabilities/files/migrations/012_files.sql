-- Files: content stored once by its SHA-256 (file_blobs, the bytes in <files_path>/ab/cd/<sha>),
-- each upload of it a file with its own unguessable id, name and uploader (files), uploads in
-- progress (file_uploads: the bytes so far in <files_path>/uploads/<id>.part, and the SHA-256
-- state after them, so any node continues the hash where the last chunk left it), what a file
-- is attached to (file_attachments: a post, a chat message; the capability that owns the kind
-- says who may see it) and each user's quota and use (file_quotas).
CREATE TABLE file_blobs (
    sha256 TEXT PRIMARY KEY,
    size %BIGINT% NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE files (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES file_blobs(sha256),
    uploader_id %BIGINT% NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    size %BIGINT% NOT NULL,
    type TEXT NOT NULL,
    declared_type TEXT NOT NULL DEFAULT '',
    width INTEGER,
    height INTEGER,
    created_at TEXT NOT NULL
);
CREATE INDEX files_uploader ON files (uploader_id, sha256);

CREATE TABLE file_uploads (
    id TEXT PRIMARY KEY,
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    size %BIGINT% NOT NULL,
    declared_type TEXT NOT NULL DEFAULT '',
    received %BIGINT% NOT NULL DEFAULT 0,
    hash_state %BLOB% NOT NULL,
    file_id TEXT REFERENCES files(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX file_uploads_user ON file_uploads (user_id);

CREATE TABLE file_attachments (
    file_id TEXT NOT NULL REFERENCES files(id),
    owner_kind TEXT NOT NULL,
    owner_id %BIGINT% NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    PRIMARY KEY (file_id, owner_kind, owner_id)
);
CREATE INDEX file_attachments_owner ON file_attachments (owner_kind, owner_id);

-- quota_bytes NULL: the server's default_quota_bytes.
CREATE TABLE file_quotas (
    user_id %BIGINT% PRIMARY KEY REFERENCES users(id),
    quota_bytes %BIGINT%,
    used_bytes %BIGINT% NOT NULL DEFAULT 0
);
