-- The jury's work: what it scores (criteria with weights, the scale), each
-- juror's review of each application, declared conflicts of interest (jäv),
-- the discussion per application and the marks for the shortlist.
-- None of it is ever shown to applicants or the public.

-- How a round is reviewed. `review_closed_at` set: the review is closed and
-- nothing of it can change until an organiser opens it again.
CREATE TABLE review_settings (
    round_id         TEXT PRIMARY KEY REFERENCES rounds (id) ON DELETE CASCADE,
    scale_min        BIGINT NOT NULL,
    scale_max        BIGINT NOT NULL,
    review_closed_at TEXT,
    CHECK (scale_min >= 0 AND scale_max > scale_min AND scale_max <= 10)
);

-- A short descriptor per step of the scale, e.g. 3 = "God".
CREATE TABLE review_scale_steps (
    round_id TEXT NOT NULL REFERENCES review_settings (round_id) ON DELETE CASCADE,
    value    BIGINT NOT NULL,
    label    TEXT NOT NULL,
    PRIMARY KEY (round_id, value)
);

-- What the jury scores; apart from the call's criteria (round_criteria),
-- since the jury also scores each area and the organiser weighs them.
CREATE TABLE review_criteria (
    round_id    TEXT NOT NULL REFERENCES review_settings (round_id) ON DELETE CASCADE,
    slug        TEXT NOT NULL,
    position    BIGINT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    weight      BIGINT NOT NULL CHECK (weight > 0),
    PRIMARY KEY (round_id, slug)
);

-- One juror's review of one application. `version` grows with every save,
-- so a save from a page that is behind (another tab) is refused, not applied.
CREATE TABLE reviews (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recommendation TEXT CHECK (recommendation IN ('nominera', 'kanske', 'nej')),
    private_note   TEXT NOT NULL,
    jury_comment   TEXT NOT NULL,
    version        BIGINT NOT NULL,
    updated_at     TEXT NOT NULL,
    done_at        TEXT,
    UNIQUE (application_id, user_id)
);
CREATE INDEX reviews_user ON reviews (user_id);

CREATE TABLE review_scores (
    review_id TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    criterion TEXT NOT NULL,
    score     BIGINT NOT NULL,
    PRIMARY KEY (review_id, criterion)
);

-- A juror's declared conflict of interest for a kommun in a round.
CREATE TABLE jury_conflicts (
    round_id    TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kommun_kod  TEXT NOT NULL REFERENCES kommuner (kod),
    reason      TEXT NOT NULL,
    declared_at TEXT NOT NULL,
    PRIMARY KEY (round_id, user_id, kommun_kod)
);

-- The jury's discussion of an application.
CREATE TABLE jury_posts (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id        TEXT REFERENCES users (id) ON DELETE SET NULL,
    author_name    TEXT NOT NULL,
    body           TEXT NOT NULL,
    posted_at      TEXT NOT NULL
);
CREATE INDEX jury_posts_application ON jury_posts (application_id, posted_at);

-- A juror's mark: "I propose this application for nomination".
CREATE TABLE shortlist_marks (
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    marked_at      TEXT NOT NULL,
    PRIMARY KEY (application_id, user_id)
);
