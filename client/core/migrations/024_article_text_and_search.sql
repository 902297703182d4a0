-- Blogs (client/core/blogs): when a newer revision of an article is heard of, the text of the
-- one before moves aside (`held_body`, of revision `held_revision`), so that reading the
-- article again asks only for what changed (article.get's `have`); `body` stays the current
-- text or NULL, which is all the search below sees. And the published articles the cache holds
-- are found by the instant search (title, summary, and the text once it was read), as
-- migration 016 does for posts and messages.
ALTER TABLE articles ADD COLUMN held_body TEXT;
ALTER TABLE articles ADD COLUMN held_revision INTEGER NOT NULL DEFAULT 0;

CREATE VIRTUAL TABLE articles_search USING fts5(
    title, summary, body,
    content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
);
INSERT INTO articles_search (rowid, title, summary, body) SELECT id, title, summary,
COALESCE(body, '') FROM articles WHERE state = 'published';

CREATE TRIGGER articles_search_insert AFTER INSERT ON articles WHEN new.state = 'published'
BEGIN
    INSERT INTO articles_search (rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, COALESCE(new.body, ''));
END;

CREATE TRIGGER articles_search_delete AFTER DELETE ON articles WHEN old.state = 'published'
BEGIN
    INSERT INTO articles_search (articles_search, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, COALESCE(old.body, ''));
END;

CREATE TRIGGER articles_search_update AFTER UPDATE OF title, summary, body, state ON articles
WHEN old.title IS NOT new.title OR old.summary IS NOT new.summary OR old.body IS NOT new.body
    OR old.state IS NOT new.state
BEGIN
    INSERT INTO articles_search (articles_search, rowid, title, summary, body)
        SELECT 'delete', old.id, old.title, old.summary, COALESCE(old.body, '')
        WHERE old.state = 'published';
    INSERT INTO articles_search (rowid, title, summary, body)
        SELECT new.id, new.title, new.summary, COALESCE(new.body, '')
        WHERE new.state = 'published';
END;
