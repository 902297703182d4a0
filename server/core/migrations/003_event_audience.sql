-- Events say whom or what they are about (subject_id, besides the actor), and each audience is
-- read through its own index range: sync.since reads the company-wide events, the user's own
-- and each of their groups' separately instead of scanning the log.
ALTER TABLE events ADD COLUMN subject_id %BIGINT%;
CREATE INDEX events_audience ON events (scope, scope_id, seq);
