-- The author's department as the server sent it with the post, shown on hover of the name.
-- Posts cached before keep an empty one until the server sends them again.
ALTER TABLE posts ADD COLUMN author_department TEXT NOT NULL DEFAULT '';
