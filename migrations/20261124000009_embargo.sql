-- The announced decision becomes public at published_at: at the announcement,
-- or at the embargo time the organiser set with it. NULL until announced.
ALTER TABLE rounds ADD COLUMN published_at TEXT;
UPDATE rounds SET published_at = created_at WHERE state = 'offentliggjord';
