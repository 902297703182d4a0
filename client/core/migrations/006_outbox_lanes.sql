-- The outbox becomes generic: each write names its lane (writes of one lane go in order, lanes
-- do not wait for each other) and its target (the object it changes: 'post:991', or
-- 'post:@<clientId>' for an object that an earlier write in the outbox creates). Every write
-- before this version was a company feed write, so they keep their order in the 'feed' lane.
ALTER TABLE outbox ADD COLUMN lane TEXT NOT NULL DEFAULT 'feed';
ALTER TABLE outbox ADD COLUMN target TEXT;
CREATE INDEX outbox_lanes ON outbox (lane, state, seq);
