-- Groups: public, private and secret communities with owners, moderators and members.
-- user_groups and group_members come from migration 001; this gives them what groups need.
ALTER TABLE user_groups ADD COLUMN kind TEXT NOT NULL DEFAULT 'public' CHECK (kind IN ('public', 'private', 'secret'));
ALTER TABLE user_groups ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE user_groups ADD COLUMN history TEXT NOT NULL DEFAULT 'all' CHECK (history IN ('all', 'joined'));
ALTER TABLE user_groups ADD COLUMN archived %BOOL% NOT NULL DEFAULT 0;
ALTER TABLE user_groups ADD COLUMN created_by %BIGINT%;
ALTER TABLE user_groups ADD COLUMN member_count INTEGER NOT NULL DEFAULT 0;
-- `name` (unique since 001) becomes the key that keeps names unique: the shown name in lower
-- case for public and private groups, a key of its own for each secret group, so that a
-- taken name never tells anyone a secret group exists. `title` is the name as shown,
-- `search_key` the shown name in lower case (searched and sorted on).
ALTER TABLE user_groups ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE user_groups ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
UPDATE user_groups SET title = name, search_key = LOWER(name), member_count = (SELECT COUNT(*) FROM group_members m WHERE m.group_id = user_groups.id);
CREATE INDEX user_groups_search ON user_groups (search_key, id);

-- state: 'member', 'pending' (asked to join) or 'invited'. visible_from: the first event
-- sequence number a member of a group whose history rule is 'joined' may see (0: all).
ALTER TABLE group_members ADD COLUMN role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'moderator', 'member'));
ALTER TABLE group_members ADD COLUMN state TEXT NOT NULL DEFAULT 'member' CHECK (state IN ('member', 'pending', 'invited'));
ALTER TABLE group_members ADD COLUMN visible_from %BIGINT% NOT NULL DEFAULT 0;
ALTER TABLE group_members ADD COLUMN since TEXT NOT NULL DEFAULT '';
CREATE INDEX group_members_state ON group_members (group_id, state, user_id);
