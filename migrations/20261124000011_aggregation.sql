-- The tie rule, written on the round before review starts: the criterion
-- whose mean score orders applications that share a place (NULL: the jury
-- decides). Rounds whose scoring has not begun get the first criterion, as
-- new rounds do; a round already being scored keeps "the jury decides",
-- since nobody chose a rule for it before the scores came in.
ALTER TABLE review_settings ADD COLUMN tie_break TEXT;
UPDATE review_settings SET tie_break = (
    SELECT c.slug FROM review_criteria c
    WHERE c.round_id = review_settings.round_id
    ORDER BY c.position LIMIT 1
)
WHERE NOT EXISTS (
    SELECT 1 FROM reviews r JOIN applications a ON a.id = r.application_id
    WHERE a.round_id = review_settings.round_id
);

-- The ranking as it stood when the jury decided: the organisers' ranking
-- page (and its export) show this from then on, whatever changes later. A
-- decision taken back and taken again replaces it. `body` is the ranking as JSON.
CREATE TABLE ranking_snapshots (
    round_id TEXT PRIMARY KEY REFERENCES rounds (id) ON DELETE CASCADE,
    taken_at TEXT NOT NULL,
    body     TEXT NOT NULL
);
