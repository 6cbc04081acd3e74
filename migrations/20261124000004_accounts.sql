-- Sessions, one-time links, invitations, jury assignments and failed log-ins.
-- Secrets (session ids, link tokens) are stored only as SHA-256 hashes, so a
-- copy of the database lets no one log in or use a link.

CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Links sent by e-mail to an existing account: confirm the address, reset the password.
CREATE TABLE account_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('bekrafta', 'aterstall')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);
CREATE INDEX account_tokens_user ON account_tokens (user_id);

-- An organiser's invitation of a juror or another organiser. The account is
-- created when the invited person chooses a password.
CREATE TABLE invitations (
    token_hash  TEXT PRIMARY KEY,
    email       TEXT NOT NULL,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('jurymedlem', 'arrangor')),
    round_id    TEXT REFERENCES rounds (id) ON DELETE CASCADE,
    invited_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    accepted_at TEXT,
    CHECK ((role = 'jurymedlem' AND round_id IS NOT NULL) OR (role = 'arrangor' AND round_id IS NULL))
);
CREATE INDEX invitations_email ON invitations (email);

-- Which rounds a juror reviews.
CREATE TABLE jury_assignments (
    round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, user_id)
);
CREATE INDEX jury_assignments_user ON jury_assignments (user_id);

-- Failed log-ins, by account ('konto:<email>') and by address ('ip:<addr>'),
-- for throttling. Rows older than a day are deleted as new ones arrive.
CREATE TABLE login_failures (
    throttle_key TEXT NOT NULL,
    failed_at    TEXT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (throttle_key, failed_at);
