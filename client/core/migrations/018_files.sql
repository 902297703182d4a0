-- Files (client/core/files): the attachments of the posts, replies and chat messages in the
-- cache, and the downloads kept on disk beside it.

-- What the server said a post or message carries, in its order. Rows go with their post or
-- message by the triggers below, whichever path deletes it or marks it deleted (an event, a
-- purge on leaving a group, forgetting a conversation, a rebuild).
CREATE TABLE attachments (
    owner_kind TEXT NOT NULL, -- 'post' or 'chat-message', as the server names them
    owner_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    file_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    width INTEGER NOT NULL DEFAULT 0, -- 0: not known
    height INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_kind, owner_id, position)
);
CREATE INDEX attachments_file ON attachments (file_id);

CREATE TRIGGER attachments_post_delete AFTER DELETE ON posts
BEGIN
    DELETE FROM attachments WHERE owner_kind = 'post' AND owner_id = old.id;
END;

CREATE TRIGGER attachments_post_deleted AFTER UPDATE OF deleted ON posts WHEN new.deleted <> 0
BEGIN
    DELETE FROM attachments WHERE owner_kind = 'post' AND owner_id = new.id;
END;

CREATE TRIGGER attachments_message_delete AFTER DELETE ON chat_messages
BEGIN
    DELETE FROM attachments WHERE owner_kind = 'chat-message' AND owner_id = old.id;
END;

CREATE TRIGGER attachments_message_deleted AFTER UPDATE OF deleted ON chat_messages
WHEN new.deleted <> 0
BEGIN
    DELETE FROM attachments WHERE owner_kind = 'chat-message' AND owner_id = new.id;
END;

-- Downloads kept on disk (FileCache): the original ('original') or a thumbnail ('64', '256',
-- '1024') of a file, its path relative to the account's files folder, its size and when it
-- was last asked for (milliseconds since the epoch), for evicting the least recently used.
CREATE TABLE file_cache (
    file_id TEXT NOT NULL,
    variant TEXT NOT NULL,
    path TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    last_used INTEGER NOT NULL,
    PRIMARY KEY (file_id, variant)
);
CREATE INDEX file_cache_last_used ON file_cache (last_used);
