-- YamJams (client/core/yamjams): the cards of the YamJams the user takes part in, and the
-- questions of those whose live page or archive was opened, as the server showed them to this
-- user (a participant's copy never holds an anonymous asker). `seq`: the event (or the read's
-- head) the row is the server's as of, so an older read never replaces a newer event.
CREATE TABLE yamjams (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    ended_at TEXT NOT NULL DEFAULT '',
    card TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0,
    questions_loaded INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX yamjams_time ON yamjams (ends_at, starts_at);

CREATE TABLE yamjam_questions (
    id INTEGER PRIMARY KEY,
    yamjam_id INTEGER NOT NULL,
    state TEXT NOT NULL,
    votes INTEGER NOT NULL DEFAULT 0,
    voted_by_me INTEGER NOT NULL DEFAULT 0,
    mine INTEGER NOT NULL DEFAULT 0,
    answered INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    data TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX yamjam_questions_yamjam ON yamjam_questions (yamjam_id, votes DESC, id);
