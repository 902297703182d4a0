-- Chat: the user's conversations with their own state (read position, unread, mute), the
-- messages of the conversations opened or heard of, and what receipts say of other members.
CREATE TABLE chat_conversations (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    group_id INTEGER NOT NULL DEFAULT 0,
    members_by TEXT NOT NULL DEFAULT 'anyone',
    created_by INTEGER NOT NULL DEFAULT 0,
    member_count INTEGER NOT NULL DEFAULT 0,
    members TEXT NOT NULL DEFAULT '[]', -- JSON: [{id, username, displayName, department}]
    created_at TEXT NOT NULL DEFAULT '',
    last_activity_at TEXT NOT NULL DEFAULT '',
    last_message_id INTEGER NOT NULL DEFAULT 0,
    last_author_id INTEGER NOT NULL DEFAULT 0,
    last_author_name TEXT NOT NULL DEFAULT '',
    last_body TEXT NOT NULL DEFAULT '',
    read_message_id INTEGER NOT NULL DEFAULT 0,
    unread INTEGER NOT NULL DEFAULT 0,
    muted INTEGER NOT NULL DEFAULT 0,
    history_loaded INTEGER NOT NULL DEFAULT 0,
    older_on_server INTEGER NOT NULL DEFAULT 1,
    -- The sequence number of the log as of which read_message_id and unread are the server's
    -- (a chat.state event, an answer, a snapshot): events up to it are counted in already.
    state_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX chat_conversations_activity ON chat_conversations (last_activity_at DESC, id DESC);
CREATE INDEX chat_conversations_group ON chat_conversations (group_id) WHERE group_id > 0;

CREATE TABLE chat_messages (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL,
    author_id INTEGER NOT NULL,
    author_username TEXT NOT NULL DEFAULT '',
    author_name TEXT NOT NULL DEFAULT '',
    author_department TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    reply_to INTEGER NOT NULL DEFAULT 0,
    reply_author_name TEXT NOT NULL DEFAULT '',
    reply_body TEXT NOT NULL DEFAULT '',
    mentions_me INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT '',
    edited_at TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    reactions TEXT NOT NULL DEFAULT '[]', -- JSON: [{reaction, count, users, mine}]
    -- The sequence number of the last event or answer applied, so an older one changes nothing.
    seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX chat_messages_conversation ON chat_messages (conversation_id, id);
CREATE INDEX chat_messages_reply ON chat_messages (reply_to) WHERE reply_to > 0;

-- What receipts say: how far each other member read (chat.get readers, chat.seen).
CREATE TABLE chat_readers (
    conversation_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);
