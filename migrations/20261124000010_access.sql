-- An organiser can take away a person's access (a juror who left, a
-- colleague who changed jobs): the account stays, with its history, but
-- cannot log in until access is given back.
ALTER TABLE users ADD COLUMN blocked_at TEXT;
