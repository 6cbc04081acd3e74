-- A kommun's application to a round: its parts (sections, summary, contact
-- person) with every saved version, the copies kept when two colleagues save
-- at once, each submission with a copy of its text, deadline extensions and
-- the reminders sent.

CREATE TABLE applications (
    id         TEXT PRIMARY KEY,
    round_id   TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    kommun_kod TEXT NOT NULL REFERENCES kommuner (kod),
    -- 'utkast' (never submitted), 'inskickad', 'oppnad' (submitted, then reopened for changes)
    status     TEXT NOT NULL CHECK (status IN ('utkast', 'inskickad', 'oppnad')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (round_id, kommun_kod)
);

-- The current text of each part; `version` counts its saves, so a save that
-- names an older version than this is a conflict, not an overwrite.
CREATE TABLE application_parts (
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    part           TEXT NOT NULL,
    version        BIGINT NOT NULL CHECK (version > 0),
    body           TEXT NOT NULL,
    saved_by       TEXT REFERENCES users (id) ON DELETE SET NULL,
    saved_by_name  TEXT NOT NULL,
    saved_at       TEXT NOT NULL,
    PRIMARY KEY (application_id, part)
);

-- Every saved version of every part, the current one included.
CREATE TABLE application_versions (
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    part           TEXT NOT NULL,
    version        BIGINT NOT NULL,
    body           TEXT NOT NULL,
    saved_by_name  TEXT NOT NULL,
    saved_at       TEXT NOT NULL,
    PRIMARY KEY (application_id, part, version)
);

-- A writer's text that met a newer version saved by a colleague: kept here,
-- one per writer and part, until the writer chooses.
CREATE TABLE application_conflicts (
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    part           TEXT NOT NULL,
    user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    base_version   BIGINT NOT NULL,
    body           TEXT NOT NULL,
    saved_at       TEXT NOT NULL,
    PRIMARY KEY (application_id, part, user_id)
);

CREATE TABLE submissions (
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    number         BIGINT NOT NULL,
    reference      TEXT NOT NULL,
    -- Chosen by the confirmation form, so a retried request makes no second submission.
    request_key    TEXT NOT NULL,
    submitted_at   TEXT NOT NULL,
    submitted_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    submitted_by_name TEXT NOT NULL,
    PRIMARY KEY (application_id, number),
    UNIQUE (application_id, request_key)
);

CREATE TABLE submission_parts (
    application_id TEXT NOT NULL,
    number         BIGINT NOT NULL,
    part           TEXT NOT NULL,
    body           TEXT NOT NULL,
    PRIMARY KEY (application_id, number, part),
    FOREIGN KEY (application_id, number) REFERENCES submissions (application_id, number) ON DELETE CASCADE
);

-- A later deadline for one kommun, granted by an organiser with a reason.
CREATE TABLE deadline_extensions (
    round_id    TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    kommun_kod  TEXT NOT NULL REFERENCES kommuner (kod),
    deadline_at TEXT NOT NULL,
    reason      TEXT NOT NULL,
    granted_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    granted_by_name TEXT NOT NULL,
    granted_at  TEXT NOT NULL,
    PRIMARY KEY (round_id, kommun_kod)
);

-- Reminders sent before the deadline ('7d', '1d'), at most one of each kind.
CREATE TABLE application_reminders (
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    sent_at        TEXT NOT NULL,
    PRIMARY KEY (application_id, kind)
);
