-- Events of kinds this version does not know, kept as they came, so that a version that knows
-- them applies them later instead of having skipped them for good.
CREATE TABLE kept_events (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    event TEXT NOT NULL
);
