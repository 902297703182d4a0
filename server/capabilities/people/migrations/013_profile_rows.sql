-- People: every user has a row of user_profiles from now on (AccountStore::create writes it
-- with the account), so the directory walks the index on (name_key, user_id) instead of
-- sorting a join. The keys 010 wrote with LOWER() (ASCII only on SQLite, no accents) are
-- folded again by the server in C++ on its next start: 'people_rekey' asks for that once,
-- and that step also gives a row to the users created between 010 and this migration.
INSERT INTO server_meta (key, value) VALUES ('people_rekey', '1');
