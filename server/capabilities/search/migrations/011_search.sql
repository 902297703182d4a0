-- Full-text search over posts (and replies) and chat messages. The indexes follow the rows by
-- themselves, so no write path has to remember them; the queries apply the visibility rules.
--@ sqlite
-- FTS5 indexes over the tables' own text (external content), kept in step by triggers.
-- unicode61 with diacritics removed: "café" finds "cafe", "ëën" finds "een"; prefixes of two
-- three and four characters make "as you type" queries cheap.
CREATE VIRTUAL TABLE posts_search USING fts5(body, content='posts', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
CREATE TRIGGER posts_search_insert AFTER INSERT ON posts BEGIN
    INSERT INTO posts_search (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER posts_search_delete AFTER DELETE ON posts BEGIN
    INSERT INTO posts_search (posts_search, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER posts_search_update AFTER UPDATE OF body ON posts BEGIN
    INSERT INTO posts_search (posts_search, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO posts_search (rowid, body) VALUES (new.id, new.body);
END;
INSERT INTO posts_search (posts_search) VALUES ('rebuild');
CREATE VIRTUAL TABLE chat_search USING fts5(body, content='chat_messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
CREATE TRIGGER chat_search_insert AFTER INSERT ON chat_messages BEGIN
    INSERT INTO chat_search (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER chat_search_delete AFTER DELETE ON chat_messages BEGIN
    INSERT INTO chat_search (chat_search, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER chat_search_update AFTER UPDATE OF body ON chat_messages BEGIN
    INSERT INTO chat_search (chat_search, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO chat_search (rowid, body) VALUES (new.id, new.body);
END;
INSERT INTO chat_search (chat_search) VALUES ('rebuild');
--@ postgresql
-- A stored text-search vector per row: the words of the text without diacritics as they are
-- ('simple', so that words both languages drop as stop words are found too) and by their
-- Dutch and English stems, with a GIN index. Adding the column rewrites posts and
-- chat_messages (minutes for millions of rows, during which writes wait). unaccent is a
-- trusted extension: the owner of the database may create it; it goes into the schema
-- public, which the function names.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE OR REPLACE FUNCTION plein_search_vector(body TEXT) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_tsvector('pg_catalog.simple', public.unaccent('public.unaccent'::regdictionary, body))
        || to_tsvector('pg_catalog.dutch', public.unaccent('public.unaccent'::regdictionary, body))
        || to_tsvector('pg_catalog.english', public.unaccent('public.unaccent'::regdictionary, body)) $$
;
ALTER TABLE posts ADD COLUMN search tsvector GENERATED ALWAYS AS (plein_search_vector(body)) STORED;
CREATE INDEX posts_search ON posts USING gin (search);
ALTER TABLE chat_messages ADD COLUMN search tsvector GENERATED ALWAYS AS (plein_search_vector(body)) STORED;
CREATE INDEX chat_messages_search ON chat_messages USING gin (search);
--@ all
