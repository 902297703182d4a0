-- Groups the user has seen (the directory's, and every group of theirs) and the user's own
-- relation to them. 'user_groups': GROUPS is an SQL keyword.
CREATE TABLE user_groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'public',
    history TEXT NOT NULL DEFAULT 'all',
    archived INTEGER NOT NULL DEFAULT 0,
    members INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX user_groups_name ON user_groups (name COLLATE NOCASE);

-- One row per group the user is in, has asked to join or is invited to. last_read_id: the
-- newest post id the user had seen when they last read the group (unread counts start there).
CREATE TABLE group_memberships (
    group_id INTEGER PRIMARY KEY,
    state TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'member',
    last_read_id INTEGER NOT NULL DEFAULT 0
);
