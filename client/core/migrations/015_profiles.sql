-- People: everyone this account has heard of through user.* events (the account: username,
-- name, department, active) and people.profile events or reads (the profile). sort_key is the
-- display name folded, search_text the display name, username and job title folded (what the
-- directory matches as one types); expertise and interests hold the tags as written (JSON).
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL DEFAULT '',
    display_name TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    job_title TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    about TEXT NOT NULL DEFAULT '',
    expertise TEXT NOT NULL DEFAULT '[]',
    interests TEXT NOT NULL DEFAULT '[]',
    active INTEGER NOT NULL DEFAULT 1,
    -- 1 once a profile (people.profile, people.get, people.search) was stored, 0 while only
    -- the account is known.
    has_profile INTEGER NOT NULL DEFAULT 0,
    sort_key TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX people_sort ON people (sort_key, id);

-- The tags by their folded keys (kind: expertise or interest), for the directory's filters.
CREATE TABLE people_tags (
    person_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    tag TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (person_id, kind, tag)
);
CREATE INDEX people_tags_tag ON people_tags (kind, tag, person_id);

-- A profile page lists the person's recent posts from the cache.
CREATE INDEX posts_author ON posts (author_id, id);
