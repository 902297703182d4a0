-- The co-authors the owner chose in a working copy, sent with its text: a JSON array of
-- {id, username, displayName, department}; empty while they are as the server has them.
ALTER TABLE article_work ADD COLUMN co_authors TEXT NOT NULL DEFAULT '';
