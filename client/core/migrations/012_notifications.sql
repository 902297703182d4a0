-- The notification centre of the account: what concerned the user (replies, mentions, group
-- requests...), newest by id, with its read state, so the list survives a restart. The app keeps
-- the newest NotificationStore::maxKept rows.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL, -- milliseconds since the epoch, UTC
    is_read INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notifications_unread ON notifications (id) WHERE is_read = 0;
