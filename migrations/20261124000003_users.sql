-- People who log in. An applicant (sokande) belongs to exactly one kommun;
-- jurors and organisers to none. E-mail addresses are stored lower-case and
-- are unique. Only the password's argon2id hash is kept.
CREATE TABLE users (
    id                 TEXT PRIMARY KEY,
    email              TEXT NOT NULL UNIQUE,
    name               TEXT NOT NULL,
    phone              TEXT,
    role               TEXT NOT NULL CHECK (role IN ('sokande', 'jurymedlem', 'arrangor')),
    kommun_kod         TEXT REFERENCES kommuner (kod),
    password_hash      TEXT NOT NULL,
    email_confirmed_at TEXT,
    created_at         TEXT NOT NULL,
    CHECK ((role = 'sokande' AND kommun_kod IS NOT NULL) OR (role <> 'sokande' AND kommun_kod IS NULL))
);
CREATE INDEX users_kommun ON users (kommun_kod);
