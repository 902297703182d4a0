-- People: whether a file is someone's photo, asked when the file cache decides whether a
-- downloaded photo may stay on disk (FileCache carriers).
CREATE INDEX people_photo ON people (photo);
