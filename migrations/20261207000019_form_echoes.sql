-- A form sent back with its problems by a plain post (no JavaScript), when what was
-- typed is larger than a cookie holds: kept for the page the person is sent back
-- to, read once, and gone within a minute (api::form::finish, storage::form_echoes).
CREATE TABLE form_echoes (
    id_hash TEXT PRIMARY KEY,
    problems TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
