-- The announced decision becomes public at published_at: at the announcement,
-- or at the embargo time the organiser set with it. NULL until announced.
ALTER TABLE rounds ADD COLUMN published_at TEXT;
UPDATE rounds SET published_at = created_at WHERE state = 'offentliggjord';

-- An organiser can take away a person's access (a juror who left, a
-- colleague who changed jobs): the account stays, with its history, but
-- cannot log in until access is given back.
ALTER TABLE users ADD COLUMN blocked_at TEXT;
