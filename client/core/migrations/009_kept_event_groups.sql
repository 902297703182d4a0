-- The group whose audience a kept event had, so that leaving the group forgets its kept events
-- along with its posts.
ALTER TABLE kept_events ADD COLUMN group_id INTEGER;
UPDATE kept_events SET group_id = json_extract(event, '$.audience.id')
WHERE json_extract(event, '$.audience.scope') = 'group';
CREATE INDEX kept_events_group ON kept_events (group_id) WHERE group_id IS NOT NULL;
