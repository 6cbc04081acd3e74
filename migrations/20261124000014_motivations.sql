-- The jury's motivation for a chosen application, written together: every
-- save is a new version, so the history shows who wrote what and when.
CREATE TABLE motivation_versions (
    round_id        TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    application_id  TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    version         BIGINT NOT NULL,
    text            TEXT NOT NULL,
    written_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    written_by_name TEXT NOT NULL,
    written_at      TEXT NOT NULL,
    PRIMARY KEY (round_id, application_id, version)
);

-- A juror's sign-off names the version they read. It counts only while that
-- version is the newest; an older one is kept to say it was cleared.
CREATE TABLE motivation_signoffs (
    round_id       TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    version        BIGINT NOT NULL,
    signed_at      TEXT NOT NULL,
    PRIMARY KEY (round_id, application_id, user_id)
);

-- Motivations written so far become their first version; from now on the
-- text lives only in its versions.
INSERT INTO motivation_versions (round_id, application_id, version, text, written_by, written_by_name, written_at)
    SELECT round_id, application_id, 1, motivation, decided_by, decided_by_name, decided_at
    FROM decisions WHERE motivation <> '';
ALTER TABLE decisions DROP COLUMN motivation;
