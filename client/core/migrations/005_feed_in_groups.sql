-- Posts belong to the company feed (no group) or to a group, and can be pinned to the top of
-- their feed. The feed counter of 003 becomes one counter per feed ('feed:0' is the company's,
-- 'feed:12' group 12's), kept by the same rule as before.
ALTER TABLE posts ADD COLUMN group_id INTEGER;
ALTER TABLE posts ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
CREATE INDEX posts_group_feed ON posts (group_id, parent_id, id);

DROP TRIGGER feed_count_insert;
DROP TRIGGER feed_count_delete;
DROP TRIGGER feed_count_update;
DELETE FROM counters WHERE name = 'feed';
INSERT INTO counters (name, value)
SELECT 'feed:0', COUNT(*) FROM posts WHERE parent_id IS NULL AND (deleted = 0 OR replies > 0);

CREATE TRIGGER feed_count_insert AFTER INSERT ON posts
WHEN new.parent_id IS NULL AND (new.deleted = 0 OR new.replies > 0)
BEGIN
    INSERT OR IGNORE INTO counters (name, value) VALUES ('feed:' || COALESCE(new.group_id, 0), 0);
    UPDATE counters SET value = value + 1 WHERE name = 'feed:' || COALESCE(new.group_id, 0);
END;

CREATE TRIGGER feed_count_delete AFTER DELETE ON posts
WHEN old.parent_id IS NULL AND (old.deleted = 0 OR old.replies > 0)
BEGIN
    UPDATE counters SET value = value - 1 WHERE name = 'feed:' || COALESCE(old.group_id, 0);
END;

CREATE TRIGGER feed_count_update AFTER UPDATE OF deleted, replies, parent_id, group_id ON posts
BEGIN
    INSERT OR IGNORE INTO counters (name, value) VALUES ('feed:' || COALESCE(new.group_id, 0), 0);
    UPDATE counters SET value = value - 1
    WHERE name = 'feed:' || COALESCE(old.group_id, 0)
        AND old.parent_id IS NULL AND (old.deleted = 0 OR old.replies > 0);
    UPDATE counters SET value = value + 1
    WHERE name = 'feed:' || COALESCE(new.group_id, 0)
        AND new.parent_id IS NULL AND (new.deleted = 0 OR new.replies > 0);
END;
