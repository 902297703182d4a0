-- Accounts, sessions, groups (membership scopes events) and the event log.
CREATE TABLE users (
    id %ID%,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),
    password_hash TEXT NOT NULL,
    active %BOOL% NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE sessions (
    id %ID%,
    user_id %BIGINT% NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    client TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    last_used_at TEXT NOT NULL,
    revoked %BOOL% NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE user_groups (
    id %ID%,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE group_members (
    group_id %BIGINT% NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
    user_id %BIGINT% NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

-- One row. Allocating a sequence number updates it, which serialises writers on both SQLite and
-- PostgreSQL: sequence order is commit order, so a reader never sees a later number before an
-- earlier one has committed.
CREATE TABLE event_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq %BIGINT% NOT NULL
);
INSERT INTO event_counter (id, last_seq) VALUES (1, 0);

-- scope: 'all' (every user), 'group' (members of scope_id), 'users' (rows in event_recipients)
CREATE TABLE events (
    seq %BIGINT% PRIMARY KEY,
    kind TEXT NOT NULL,
    actor_id %BIGINT% NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('all', 'group', 'users')),
    scope_id %BIGINT%,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE event_recipients (
    seq %BIGINT% NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
    user_id %BIGINT% NOT NULL,
    PRIMARY KEY (seq, user_id)
);
CREATE INDEX event_recipients_user ON event_recipients (user_id, seq);

CREATE TABLE server_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
