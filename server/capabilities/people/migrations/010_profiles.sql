-- People: what a profile adds to the account (users keeps display_name and department).
-- name_key: the display name folded (lower case, accents removed) to sort the directory on;
-- search_key: the display name, username and job title folded, what a search matches. Both
-- are written by the server, which folds beyond ASCII; a user without a row (created after
-- this migration, profile never edited) is searched on the account's own columns.
-- photo_file_id: the photo, once files exist (always NULL until then).
CREATE TABLE user_profiles (
    user_id %BIGINT% PRIMARY KEY REFERENCES users (id),
    job_title TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    about TEXT NOT NULL DEFAULT '',
    photo_file_id %BIGINT%,
    name_key TEXT NOT NULL DEFAULT '',
    search_key TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT ''
);
INSERT INTO user_profiles (user_id, name_key, search_key) SELECT id, LOWER(display_name), LOWER(display_name) || ' ' || username FROM users;
CREATE INDEX user_profiles_name ON user_profiles (name_key, user_id);

-- Expertise and interests: `tag` is the folded key that filters and counts match, `label`
-- the tag as its person wrote it, `position` its place in their list.
CREATE TABLE profile_tags (
    user_id %BIGINT% NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('expertise', 'interest')),
    tag TEXT NOT NULL,
    label TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (user_id, kind, tag)
);
CREATE INDEX profile_tags_tag ON profile_tags (kind, tag, user_id);
