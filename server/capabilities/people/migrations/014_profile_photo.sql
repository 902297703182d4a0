-- People: the profile photo is a file (files.id, text), no longer the integer 010 reserved.
-- The column held nothing until now. The file is attached to the profile (file_attachments,
-- owner kind 'profile-photo', owner id the person), which is what lets others see it.
--@ sqlite
-- SQLite changes a column's type only by making it again.
ALTER TABLE user_profiles DROP COLUMN photo_file_id;
ALTER TABLE user_profiles ADD COLUMN photo_file_id TEXT REFERENCES files (id);
--@ postgresql
ALTER TABLE user_profiles ALTER COLUMN photo_file_id TYPE TEXT USING NULL;
ALTER TABLE user_profiles ADD CONSTRAINT user_profiles_photo FOREIGN KEY (photo_file_id) REFERENCES files (id);
