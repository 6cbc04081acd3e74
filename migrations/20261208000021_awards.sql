-- Every award of the family on one portal (issue 21): what each award is
-- (its place on the start page, how often it is given, whether it takes one
-- application per organisation or many entries, and whether it opens with an
-- application or a nomination), its partners, who may take part and what it
-- is judged on.
ALTER TABLE awards ADD COLUMN position BIGINT NOT NULL DEFAULT 0;
ALTER TABLE awards ADD COLUMN cadence_years BIGINT NOT NULL DEFAULT 1 CHECK (cadence_years > 0);
ALTER TABLE awards ADD COLUMN entries TEXT NOT NULL DEFAULT 'en' CHECK (entries IN ('en', 'flera'));
ALTER TABLE awards ADD COLUMN process TEXT NOT NULL DEFAULT 'ansokan' CHECK (process IN ('ansokan', 'nominering'));
ALTER TABLE awards ADD COLUMN first_year BIGINT;
-- The award that was here before: as the seed writes it on a new database.
UPDATE awards SET position = 1, first_year = 2017 WHERE id = 'ehalsokommun';

CREATE TABLE award_partners (
    award_id TEXT NOT NULL REFERENCES awards (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (award_id, position)
);

CREATE TABLE award_kinds (
    award_id TEXT NOT NULL REFERENCES awards (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('kommun', 'region', 'myndighet', 'annan')),
    PRIMARY KEY (award_id, kind)
);
INSERT INTO award_kinds (award_id, kind) SELECT id, 'kommun' FROM awards;

CREATE TABLE award_criteria (
    award_id TEXT NOT NULL REFERENCES awards (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    title    TEXT NOT NULL,
    PRIMARY KEY (award_id, position)
);

-- Winners that are not kommuner (a region's clinic, a company, an agency) and
-- winners that are an entry of an organisation. SQLite cannot drop NOT NULL, so
-- both archive tables are built anew, leaf first: the new parent and the new
-- child are made and filled before the old ones are dropped, child first. (A
-- DROP of a parent with the child still in place would delete the child's rows
-- through its cascade, as migrations run with foreign keys on.) SQLite and
-- PostgreSQL both carry the child's reference along with the renames.
CREATE TABLE past_winners_v2 (
    award_id    TEXT NOT NULL REFERENCES awards (id),
    year        BIGINT NOT NULL,
    winner      TEXT NOT NULL,
    entry_title TEXT NOT NULL DEFAULT '',
    kommun_kod  TEXT REFERENCES kommuner (kod),
    entries     BIGINT,
    ceremony    TEXT NOT NULL,
    sources     TEXT NOT NULL,
    PRIMARY KEY (award_id, year)
);
CREATE TABLE past_finalists_v2 (
    award_id TEXT NOT NULL,
    year     BIGINT NOT NULL,
    position BIGINT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (award_id, year, position),
    FOREIGN KEY (award_id, year) REFERENCES past_winners_v2 (award_id, year) ON DELETE CASCADE
);
INSERT INTO past_winners_v2 (award_id, year, winner, kommun_kod, ceremony, sources)
    SELECT award_id, year, winner, kommun_kod, ceremony, sources FROM past_winners;
INSERT INTO past_finalists_v2 (award_id, year, position, name)
    SELECT award_id, year, position, name FROM past_finalists;
DROP TABLE past_finalists;
DROP TABLE past_winners;
ALTER TABLE past_winners_v2 RENAME TO past_winners;
ALTER TABLE past_finalists_v2 RENAME TO past_finalists;
-- On PostgreSQL their constraints keep the names they were made with
-- (past_winners_v2_pkey, past_finalists_v2_award_id_year_fkey, …): a later
-- migration that names one must use those.

-- Instances keep the awards and their current rounds in memory under this counter.
UPDATE change_counters SET version = version + 1 WHERE name = 'rounds';
