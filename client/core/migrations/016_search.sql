-- Instant search over the cache (client/core/search): one FTS5 index per kind of thing, each
-- an external-content table over the rows it indexes, kept in step by the triggers below, so
-- every path that writes those rows (events, write results, snapshots, purges when leaving a
-- group, forgetting a conversation, a rebuild) keeps the index right without knowing of it.
-- Deleted posts and messages are not indexed. Words are folded (case, and diacritics:
-- "café" finds "cafe", "één" finds "een") and prefixes of 2 and 3 characters are indexed for
-- matching as one types. A capability adding searchable rows later adds its own index and
-- triggers in its migration, and registers a SearchSource.

CREATE VIRTUAL TABLE posts_search USING fts5(
    body,
    content='posts', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO posts_search (rowid, body) SELECT id, body FROM posts WHERE deleted = 0;

CREATE TRIGGER posts_search_insert AFTER INSERT ON posts WHEN new.deleted = 0
BEGIN
    INSERT INTO posts_search (rowid, body) VALUES (new.id, new.body);
END;

CREATE TRIGGER posts_search_delete AFTER DELETE ON posts WHEN old.deleted = 0
BEGIN
    INSERT INTO posts_search (posts_search, rowid, body) VALUES ('delete', old.id, old.body);
END;

CREATE TRIGGER posts_search_update AFTER UPDATE OF body, deleted ON posts
WHEN old.body IS NOT new.body OR old.deleted IS NOT new.deleted
BEGIN
    INSERT INTO posts_search (posts_search, rowid, body)
        SELECT 'delete', old.id, old.body WHERE old.deleted = 0;
    INSERT INTO posts_search (rowid, body) SELECT new.id, new.body WHERE new.deleted = 0;
END;

CREATE VIRTUAL TABLE chat_messages_search USING fts5(
    body,
    content='chat_messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
);
INSERT INTO chat_messages_search (rowid, body) SELECT id, body FROM chat_messages WHERE deleted = 0;

CREATE TRIGGER chat_messages_search_insert AFTER INSERT ON chat_messages WHEN new.deleted = 0
BEGIN
    INSERT INTO chat_messages_search (rowid, body) VALUES (new.id, new.body);
END;

CREATE TRIGGER chat_messages_search_delete AFTER DELETE ON chat_messages WHEN old.deleted = 0
BEGIN
    INSERT INTO chat_messages_search (chat_messages_search, rowid, body)
        VALUES ('delete', old.id, old.body);
END;

CREATE TRIGGER chat_messages_search_update AFTER UPDATE OF body, deleted ON chat_messages
WHEN old.body IS NOT new.body OR old.deleted IS NOT new.deleted
BEGIN
    INSERT INTO chat_messages_search (chat_messages_search, rowid, body)
        SELECT 'delete', old.id, old.body WHERE old.deleted = 0;
    INSERT INTO chat_messages_search (rowid, body) SELECT new.id, new.body WHERE new.deleted = 0;
END;

CREATE VIRTUAL TABLE user_groups_search USING fts5(
    name, description,
    content='user_groups', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
);
INSERT INTO user_groups_search (rowid, name, description) SELECT id, name, description FROM user_groups;

CREATE TRIGGER user_groups_search_insert AFTER INSERT ON user_groups
BEGIN
    INSERT INTO user_groups_search (rowid, name, description)
        VALUES (new.id, new.name, new.description);
END;

CREATE TRIGGER user_groups_search_delete AFTER DELETE ON user_groups
BEGIN
    INSERT INTO user_groups_search (user_groups_search, rowid, name, description)
        VALUES ('delete', old.id, old.name, old.description);
END;

CREATE TRIGGER user_groups_search_update AFTER UPDATE OF name, description ON user_groups
WHEN old.name IS NOT new.name OR old.description IS NOT new.description
BEGIN
    INSERT INTO user_groups_search (user_groups_search, rowid, name, description)
        VALUES ('delete', old.id, old.name, old.description);
    INSERT INTO user_groups_search (rowid, name, description)
        VALUES (new.id, new.name, new.description);
END;

-- The people the cache knows of, one row per user id: the authors of cached posts and
-- messages and the members of the user's conversations, with the newest name and department
-- heard (an empty department never replaces a known one).
CREATE TABLE search_people (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL DEFAULT '',
    display_name TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT ''
);

CREATE VIRTUAL TABLE search_people_search USING fts5(
    display_name, username, department,
    content='search_people', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
);

CREATE TRIGGER search_people_search_insert AFTER INSERT ON search_people
BEGIN
    INSERT INTO search_people_search (rowid, display_name, username, department)
        VALUES (new.id, new.display_name, new.username, new.department);
END;

CREATE TRIGGER search_people_search_delete AFTER DELETE ON search_people
BEGIN
    INSERT INTO search_people_search (search_people_search, rowid, display_name, username,
        department) VALUES ('delete', old.id, old.display_name, old.username, old.department);
END;

CREATE TRIGGER search_people_search_update AFTER UPDATE ON search_people
BEGIN
    INSERT INTO search_people_search (search_people_search, rowid, display_name, username,
        department) VALUES ('delete', old.id, old.display_name, old.username, old.department);
    INSERT INTO search_people_search (rowid, display_name, username, department)
        VALUES (new.id, new.display_name, new.username, new.department);
END;

-- The people of the cache so far: the newest name heard of each author, then the members of
-- conversations not heard of otherwise.
INSERT OR IGNORE INTO search_people (id, username, display_name, department)
SELECT author_id, author_username, author_name, author_department FROM (
    SELECT author_id, author_username, author_name, author_department, MAX(id) FROM posts
    WHERE author_id > 0 GROUP BY author_id
);

INSERT OR IGNORE INTO search_people (id, username, display_name, department)
SELECT author_id, author_username, author_name, author_department FROM (
    SELECT author_id, author_username, author_name, author_department, MAX(id) FROM chat_messages
    WHERE author_id > 0 GROUP BY author_id
);

INSERT OR IGNORE INTO search_people (id, username, display_name, department)
SELECT json_extract(m.value, '$.id'), COALESCE(json_extract(m.value, '$.username'), ''),
    COALESCE(json_extract(m.value, '$.displayName'), ''),
    COALESCE(json_extract(m.value, '$.department'), '')
FROM chat_conversations c, json_each(c.members) m WHERE json_extract(m.value, '$.id') > 0;

CREATE TRIGGER search_people_from_posts AFTER INSERT ON posts WHEN new.author_id > 0
BEGIN
    INSERT INTO search_people (id, username, display_name, department)
        VALUES (new.author_id, new.author_username, new.author_name, new.author_department)
        ON CONFLICT (id) DO UPDATE SET username = excluded.username,
            display_name = excluded.display_name,
            department = COALESCE(NULLIF(excluded.department, ''), department)
        WHERE username IS NOT excluded.username OR display_name IS NOT excluded.display_name
            OR (excluded.department <> '' AND department IS NOT excluded.department);
END;

CREATE TRIGGER search_people_from_posts_update
AFTER UPDATE OF author_username, author_name, author_department ON posts
WHEN new.author_id > 0
BEGIN
    INSERT INTO search_people (id, username, display_name, department)
        VALUES (new.author_id, new.author_username, new.author_name, new.author_department)
        ON CONFLICT (id) DO UPDATE SET username = excluded.username,
            display_name = excluded.display_name,
            department = COALESCE(NULLIF(excluded.department, ''), department)
        WHERE username IS NOT excluded.username OR display_name IS NOT excluded.display_name
            OR (excluded.department <> '' AND department IS NOT excluded.department);
END;

CREATE TRIGGER search_people_from_messages AFTER INSERT ON chat_messages WHEN new.author_id > 0
BEGIN
    INSERT INTO search_people (id, username, display_name, department)
        VALUES (new.author_id, new.author_username, new.author_name, new.author_department)
        ON CONFLICT (id) DO UPDATE SET username = excluded.username,
            display_name = excluded.display_name,
            department = COALESCE(NULLIF(excluded.department, ''), department)
        WHERE username IS NOT excluded.username OR display_name IS NOT excluded.display_name
            OR (excluded.department <> '' AND department IS NOT excluded.department);
END;

CREATE TRIGGER search_people_from_conversations AFTER INSERT ON chat_conversations
BEGIN
    INSERT INTO search_people (id, username, display_name, department)
        SELECT json_extract(m.value, '$.id'), COALESCE(json_extract(m.value, '$.username'), ''),
            COALESCE(json_extract(m.value, '$.displayName'), ''),
            COALESCE(json_extract(m.value, '$.department'), '')
        FROM json_each(new.members) m WHERE json_extract(m.value, '$.id') > 0
        ON CONFLICT (id) DO UPDATE SET username = excluded.username,
            display_name = excluded.display_name,
            department = COALESCE(NULLIF(excluded.department, ''), department)
        WHERE username IS NOT excluded.username OR display_name IS NOT excluded.display_name
            OR (excluded.department <> '' AND department IS NOT excluded.department);
END;

CREATE TRIGGER search_people_from_conversations_update AFTER UPDATE OF members ON chat_conversations
WHEN old.members IS NOT new.members
BEGIN
    INSERT INTO search_people (id, username, display_name, department)
        SELECT json_extract(m.value, '$.id'), COALESCE(json_extract(m.value, '$.username'), ''),
            COALESCE(json_extract(m.value, '$.displayName'), ''),
            COALESCE(json_extract(m.value, '$.department'), '')
        FROM json_each(new.members) m WHERE json_extract(m.value, '$.id') > 0
        ON CONFLICT (id) DO UPDATE SET username = excluded.username,
            display_name = excluded.display_name,
            department = COALESCE(NULLIF(excluded.department, ''), department)
        WHERE username IS NOT excluded.username OR display_name IS NOT excluded.display_name
            OR (excluded.department <> '' AND department IS NOT excluded.department);
END;
