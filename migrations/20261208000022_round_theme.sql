-- A round's theme of the year (GötaPriset 2017: "Det nya Sverige"); empty where
-- the award has none. Instances keep rounds in memory under the counter.
ALTER TABLE rounds ADD COLUMN theme TEXT NOT NULL DEFAULT '';
UPDATE change_counters SET version = version + 1 WHERE name = 'rounds';
