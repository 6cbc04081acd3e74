-- The foundation: reference data (län, kommuner), awards, rounds with their
-- sections, criteria, jury and partners, and the archive of past winners.
-- Written once for SQLite and PostgreSQL alike: TEXT ids, BIGINT numbers and
-- instants as UTC text 'YYYY-MM-DDTHH:MM:SSZ' (which sorts in time order).

CREATE TABLE lan (
    kod  TEXT PRIMARY KEY,
    namn TEXT NOT NULL
);

CREATE TABLE kommuner (
    kod     TEXT PRIMARY KEY,
    namn    TEXT NOT NULL,
    lan_kod TEXT NOT NULL REFERENCES lan (kod)
);
CREATE INDEX kommuner_lan ON kommuner (lan_kod);

CREATE TABLE awards (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    organiser   TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE rounds (
    id             TEXT PRIMARY KEY,
    award_id       TEXT NOT NULL REFERENCES awards (id),
    year           BIGINT NOT NULL,
    title          TEXT NOT NULL,
    intro          TEXT NOT NULL,
    criteria_text  TEXT NOT NULL,
    eligibility    TEXT NOT NULL,
    opens_at       TEXT NOT NULL,
    deadline_at    TEXT NOT NULL,
    ceremony_at    TEXT NOT NULL,
    ceremony_place TEXT NOT NULL,
    contact        TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    UNIQUE (award_id, year),
    CHECK (opens_at < deadline_at)
);

CREATE TABLE round_sections (
    round_id  TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    slug      TEXT NOT NULL,
    position  BIGINT NOT NULL,
    title     TEXT NOT NULL,
    guidance  TEXT NOT NULL,
    max_chars BIGINT NOT NULL CHECK (max_chars > 0),
    PRIMARY KEY (round_id, slug)
);

CREATE TABLE round_criteria (
    round_id    TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    slug        TEXT NOT NULL,
    position    BIGINT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (round_id, slug)
);

CREATE TABLE round_jury (
    round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name     TEXT NOT NULL,
    title    TEXT NOT NULL,
    PRIMARY KEY (round_id, position)
);

CREATE TABLE round_partners (
    round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (round_id, position)
);

CREATE TABLE past_winners (
    award_id   TEXT NOT NULL REFERENCES awards (id),
    year       BIGINT NOT NULL,
    winner     TEXT NOT NULL,
    kommun_kod TEXT NOT NULL REFERENCES kommuner (kod),
    ceremony   TEXT NOT NULL,
    sources    TEXT NOT NULL,
    PRIMARY KEY (award_id, year)
);

CREATE TABLE past_finalists (
    award_id TEXT NOT NULL,
    year     BIGINT NOT NULL,
    position BIGINT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (award_id, year, position),
    FOREIGN KEY (award_id, year) REFERENCES past_winners (award_id, year) ON DELETE CASCADE
);
