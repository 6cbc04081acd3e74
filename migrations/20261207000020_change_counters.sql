-- One counter per kind of rarely changed data that the portal keeps in memory,
-- raised in the same transaction as every change to it: reading one row tells an
-- instance whether what it keeps is still current, also when several instances
-- share one database (storage::rounds::CurrentRounds).
-- IF NOT EXISTS and ON CONFLICT: a PostgreSQL backup from before this migration,
-- restored with `pg_restore --clean`, leaves the table in place while the restored
-- bookkeeping runs the migration again.
CREATE TABLE IF NOT EXISTS change_counters (
    name TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO change_counters (name, version) VALUES ('rounds', 0) ON CONFLICT DO NOTHING;
