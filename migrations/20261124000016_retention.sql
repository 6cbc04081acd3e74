-- Gallring: how long the portal keeps what it no longer needs, decided by
-- the organisers for the whole portal (one row; without it the defaults in
-- `domain::retention` apply), and a record of every run that removed or
-- anonymised something. Periods are whole months after a round's
-- announcement (rounds.published_at).
CREATE TABLE retention_settings (
    id                  BIGINT PRIMARY KEY CHECK (id = 1),
    applications_months BIGINT NOT NULL CHECK (applications_months > 0),
    personal_months     BIGINT NOT NULL CHECK (personal_months >= applications_months),
    updated_at          TEXT NOT NULL,
    updated_by_name     TEXT NOT NULL
);

-- One row per run that changed something. `summary` has one line per step:
-- what went, how many, and which kommuner; never a person's name.
CREATE TABLE retention_runs (
    id      TEXT PRIMARY KEY,
    ran_at  TEXT NOT NULL,
    items   BIGINT NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX retention_runs_ran_at ON retention_runs (ran_at);
