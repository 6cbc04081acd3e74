-- Running a round to its announced winner: the round's explicit state, the
-- jury's decision with a motivation per chosen application, and the audit log
-- of every step, decision and access change.

-- utkast → oppen → stangd → bedomning → beslutad → offentliggjord. Existing
-- rounds were taking applications by their dates: they are open.
ALTER TABLE rounds ADD COLUMN state TEXT NOT NULL DEFAULT 'oppen'
    CHECK (state IN ('utkast', 'oppen', 'stangd', 'bedomning', 'beslutad', 'offentliggjord'));

-- The jury's decision: one row per chosen application.
CREATE TABLE decisions (
    round_id        TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    application_id  TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    outcome         TEXT NOT NULL CHECK (outcome IN ('vinnare', 'nominerad', 'hedersomnamnande')),
    motivation      TEXT NOT NULL,
    decided_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_by_name TEXT NOT NULL,
    decided_at      TEXT NOT NULL,
    PRIMARY KEY (round_id, application_id)
);

-- Who did what and when. The name is kept as it was, and the round may go,
-- so the log outlives accounts and removed drafts.
CREATE TABLE audit_log (
    id         TEXT PRIMARY KEY,
    at         TEXT NOT NULL,
    actor_id   TEXT REFERENCES users (id) ON DELETE SET NULL,
    actor_name TEXT NOT NULL,
    round_id   TEXT REFERENCES rounds (id) ON DELETE SET NULL,
    action     TEXT NOT NULL,
    detail     TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
