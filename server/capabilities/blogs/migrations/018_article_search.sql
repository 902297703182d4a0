-- Full-text search over articles (title, summary and text), as migration 011 does for posts
-- and chat messages; search.query applies who may read them (published, the blog's readers).
--@ sqlite
CREATE VIRTUAL TABLE articles_search USING fts5(title, summary, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_search (rowid, title, summary, body) VALUES (new.id, new.title, new.summary, new.body);
END;
CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_search (articles_search, rowid, title, summary, body) VALUES ('delete', old.id, old.title, old.summary, old.body);
END;
CREATE TRIGGER articles_search_update AFTER UPDATE OF title, summary, body ON articles BEGIN
    INSERT INTO articles_search (articles_search, rowid, title, summary, body) VALUES ('delete', old.id, old.title, old.summary, old.body);
    INSERT INTO articles_search (rowid, title, summary, body) VALUES (new.id, new.title, new.summary, new.body);
END;
INSERT INTO articles_search (articles_search) VALUES ('rebuild');
--@ postgresql
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (plein_search_vector(title || ' ' || summary || ' ' || body)) STORED;
CREATE INDEX articles_search ON articles USING gin (search);
--@ all
