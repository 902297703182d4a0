-- Blogs (client/core/blogs): an article's cover image as the server describes its file
-- (JSON {id, name, type, size, width, height}; '' for none), so cards and the reading view
-- show it offline from the file cache, which keeps the file while an article names it.
ALTER TABLE articles ADD COLUMN cover TEXT NOT NULL DEFAULT '';
