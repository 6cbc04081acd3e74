-- An applicant acts for their kommun only once approved: the first applicant of
-- a kommun is approved at sign-up, later ones by an approved colleague or an
-- organiser. Everyone with an account before this change keeps what they had.
ALTER TABLE users ADD COLUMN approved_at TEXT;
UPDATE users SET approved_at = created_at;
