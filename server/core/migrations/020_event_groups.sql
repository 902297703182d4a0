-- An event may be for the members of several groups (and named users): its scope is 'users',
-- its users are in event_recipients and its groups here. Such an event stands on its own (no
-- origin_seq): every member of one of the groups reads it, whatever the group's history rule.
CREATE TABLE event_groups (
    seq %BIGINT% NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
    group_id %BIGINT% NOT NULL,
    PRIMARY KEY (seq, group_id)
);
CREATE INDEX event_groups_group ON event_groups (group_id, seq);
