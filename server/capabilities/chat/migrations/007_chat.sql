-- Chat: direct conversations, conversations of named people and a chat for every group.
-- kind: 'direct' (direct_key "<low id>:<high id>", unique: one per pair), 'people', or
-- 'group' (group_id unique; its members are the group's, read from group_members at every
-- moment, so it has no rows in conversation_members). last_message_id: the newest message
-- that is not deleted (0: none).
CREATE TABLE conversations (
    id %ID%,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'people', 'group')),
    title TEXT NOT NULL DEFAULT '',
    group_id %BIGINT% UNIQUE REFERENCES user_groups(id) ON DELETE CASCADE,
    direct_key TEXT UNIQUE,
    members_by TEXT NOT NULL DEFAULT 'anyone' CHECK (members_by IN ('anyone', 'creator')),
    created_by %BIGINT% NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    last_activity_at TEXT NOT NULL,
    last_message_id %BIGINT% NOT NULL DEFAULT 0,
    member_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE conversation_members (
    conversation_id %BIGINT% NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    since TEXT NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_members_user ON conversation_members (user_id, conversation_id);

-- Each user's own state of a conversation (group chats included): the newest message read
-- and whether it is muted. Kept when a member leaves, so coming back restores it.
CREATE TABLE conversation_state (
    conversation_id %BIGINT% NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    read_message_id %BIGINT% NOT NULL DEFAULT 0,
    muted %BOOL% NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, user_id)
);

-- seq: the message's chat.message event, against which a group's history rule is checked and
-- which later events about the message record as their origin. mentions: the user ids
-- mentioned, as a JSON array.
CREATE TABLE chat_messages (
    id %ID%,
    conversation_id %BIGINT% NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    author_id %BIGINT% NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    reply_to %BIGINT% REFERENCES chat_messages(id),
    mentions TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted %BOOL% NOT NULL DEFAULT 0,
    seq %BIGINT% NOT NULL DEFAULT 0
);
CREATE INDEX chat_messages_conversation ON chat_messages (conversation_id, id);

CREATE TABLE chat_reactions (
    message_id %BIGINT% NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
    reaction TEXT NOT NULL,
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (message_id, reaction, user_id)
);

-- A user's chat settings; no row: the defaults (receipts shared).
CREATE TABLE chat_settings (
    user_id %BIGINT% PRIMARY KEY REFERENCES users(id),
    receipts %BOOL% NOT NULL DEFAULT 1
);
