-- Where a 'joined' group chat starts for a member: their group.member event is a sequence
-- number, and within a conversation message ids and sequence numbers grow together (chat.send
-- holds the conversation while it takes an id and appends its event). The newest message at or
-- before that event, found through this index in one step, bounds the id range that history
-- pages and unread counts read, so they cost what they answer, not the history before the join.
CREATE INDEX chat_messages_seq ON chat_messages (conversation_id, seq);
