-- YamJams: announced live Q&A sessions. Times are UTC text in the form of created_at
-- (ISO 8601 with milliseconds), so they compare as text.
CREATE TABLE yamjams (
    id %ID%,
    created_by %BIGINT% NOT NULL REFERENCES users(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    -- when its hosts ended it before ends_at
    ended_at TEXT,
    -- 1: every user; 0: the groups in yamjam_groups and the people in yamjam_people
    everyone %BOOL% NOT NULL,
    moderated %BOOL% NOT NULL,
    anonymous %BOOL% NOT NULL,
    -- questions and votes before the start
    early %BOOL% NOT NULL,
    -- the question being answered now (passing; kept so that a late joiner sees it)
    answering_id %BIGINT%,
    created_at TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX yamjams_time ON yamjams (ends_at, starts_at);

-- Hosts answer, organisers moderate; a person may be both (two rows).
CREATE TABLE yamjam_roles (
    yamjam_id %BIGINT% NOT NULL REFERENCES yamjams(id),
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    -- 'host' or 'organiser'
    role TEXT NOT NULL,
    PRIMARY KEY (yamjam_id, user_id, role)
);
CREATE INDEX yamjam_roles_user ON yamjam_roles (user_id, yamjam_id);

CREATE TABLE yamjam_groups (
    yamjam_id %BIGINT% NOT NULL REFERENCES yamjams(id),
    group_id %BIGINT% NOT NULL REFERENCES user_groups(id),
    PRIMARY KEY (yamjam_id, group_id)
);
CREATE INDEX yamjam_groups_group ON yamjam_groups (group_id, yamjam_id);

CREATE TABLE yamjam_people (
    yamjam_id %BIGINT% NOT NULL REFERENCES yamjams(id),
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    PRIMARY KEY (yamjam_id, user_id)
);
CREATE INDEX yamjam_people_user ON yamjam_people (user_id, yamjam_id);

CREATE TABLE yamjam_questions (
    id %ID%,
    yamjam_id %BIGINT% NOT NULL REFERENCES yamjams(id),
    -- who asked, also of an anonymous question (for its organisers only)
    asker_id %BIGINT% NOT NULL REFERENCES users(id),
    anonymous %BOOL% NOT NULL,
    body TEXT NOT NULL,
    -- 'pending' (held for approval), 'published', 'hidden' or 'merged'
    state TEXT NOT NULL,
    -- why an organiser hid or edited it (told to the asker)
    reason TEXT NOT NULL,
    merged_into %BIGINT%,
    votes INTEGER NOT NULL DEFAULT 0,
    answer TEXT,
    answered_live %BOOL% NOT NULL DEFAULT 0,
    answered_by %BIGINT% REFERENCES users(id),
    answered_at TEXT,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    -- an organiser changed its text
    edited_by_organiser %BOOL% NOT NULL DEFAULT 0
);
CREATE INDEX yamjam_questions_yamjam ON yamjam_questions (yamjam_id, id);
CREATE INDEX yamjam_questions_asker ON yamjam_questions (asker_id, yamjam_id);

CREATE TABLE yamjam_votes (
    question_id %BIGINT% NOT NULL REFERENCES yamjam_questions(id),
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (question_id, user_id)
);
CREATE INDEX yamjam_votes_user ON yamjam_votes (user_id, question_id);
