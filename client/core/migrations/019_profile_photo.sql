-- People: the file id of a person's photo (the profile's `photo`; empty for none), which the
-- app fetches as a thumbnail where it shows the person.
ALTER TABLE people ADD COLUMN photo TEXT NOT NULL DEFAULT '';
