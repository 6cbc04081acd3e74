-- The accessibility statement in DIGG's structure, one for the portal, kept
-- by the organisers. `known_issues` holds one problem per line; dates are
-- calendar dates (YYYY-MM-DD).
CREATE TABLE accessibility_statement (
    id              BIGINT PRIMARY KEY CHECK (id = 1),
    organisation    TEXT NOT NULL,
    compliance      TEXT NOT NULL CHECK (compliance IN ('helt', 'delvis', 'inte')),
    known_issues    TEXT NOT NULL,
    alternatives    TEXT NOT NULL,
    contact_email   TEXT NOT NULL,
    tested          TEXT NOT NULL,
    published_on    TEXT NOT NULL,
    reviewed_on     TEXT NOT NULL,
    updated_by_name TEXT
);

-- What visitors report about the site's accessibility; an address only if
-- they want an answer.
CREATE TABLE accessibility_feedback (
    id          TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    page        TEXT NOT NULL,
    message     TEXT NOT NULL,
    reply_to    TEXT
);
CREATE INDEX accessibility_feedback_received ON accessibility_feedback (received_at);
