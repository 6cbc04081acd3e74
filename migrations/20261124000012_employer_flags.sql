-- A juror's employer: 'kommun' (value: kommunkod), 'region' (value: SCB's
-- länskod) or 'organisation' (value: its name). Where it is an applying
-- kommun, or the region of its län, the portal flags a probable jäv.
ALTER TABLE users ADD COLUMN employer_kind TEXT CHECK (employer_kind IN ('kommun', 'region', 'organisation'));
ALTER TABLE users ADD COLUMN employer_value TEXT;

-- A juror's answer to a flagged probable jäv, kept as the record of it:
-- the employer as it read then, jäv confirmed (1) or not (0), and why.
CREATE TABLE jury_flag_answers (
    round_id    TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kommun_kod  TEXT NOT NULL REFERENCES kommuner (kod),
    employer    TEXT NOT NULL,
    conflicted  BIGINT NOT NULL CHECK (conflicted IN (0, 1)),
    reason      TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (round_id, user_id, kommun_kod)
);
