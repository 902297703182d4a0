-- Posts in groups: pinned posts, and the sequence number of each post's post.created event,
-- against which a group's history rule is checked (older posts than a member's visible_from
-- are not theirs to see).
ALTER TABLE posts ADD COLUMN pinned %BOOL% NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN seq %BIGINT% NOT NULL DEFAULT 0;
CREATE INDEX posts_pinned ON posts (group_id, pinned, id);
