-- The kommun's population, for the jury's reading view: one figure per kommun,
-- the year it refers to (SCB counts on 31 December), where it comes from, and
-- when and by whom it was imported. A new import replaces the figure; the audit
-- log keeps each import. `imported_by` is NULL for the seed and once the
-- account is deleted; the name stays as it was.
CREATE TABLE kommun_population (
    kommun_kod       TEXT PRIMARY KEY REFERENCES kommuner (kod),
    population       BIGINT NOT NULL CHECK (population > 0),
    year             BIGINT NOT NULL,
    source           TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    imported_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    imported_by_name TEXT NOT NULL
);

-- The jury's links to a kommun's applications in earlier rounds.
CREATE INDEX applications_kommun ON applications (kommun_kod);
