-- Outgoing e-mail, written in the same transaction as the event that causes
-- it and delivered by a background worker. A row is sent at most once per
-- lease: a worker claims it (claimed_until) before sending, so two portal
-- instances never send the same row at the same time.
CREATE TABLE mail_queue (
    id              TEXT PRIMARY KEY,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_until   TEXT,
    sent_at         TEXT,
    last_error      TEXT
);
CREATE INDEX mail_queue_due ON mail_queue (sent_at, next_attempt_at);
