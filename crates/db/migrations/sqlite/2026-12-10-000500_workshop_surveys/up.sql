-- Keep in step with ../../postgres/2026-12-10-000500_workshop_surveys/up.sql (a test compares them).
-- Surveys after workshop sessions, and each offering's members-only
-- community space.

-- An offering's own survey questions; no row: the default questions, in
-- each reader's language.
CREATE TABLE offering_surveys (
    offering_id BIGINT PRIMARY KEY REFERENCES offerings (id) ON DELETE CASCADE,
    -- The statements rated 1 (strongly disagree) to 5 (strongly agree),
    -- one a line, at most five.
    items TEXT NOT NULL,
    -- The free-text question; empty for none.
    free_text TEXT NOT NULL,
    updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL
);

-- Answers, with no person and no time. The key is random, so neither a
-- column nor the order answers are read in ties one to who gave it
-- (no rowid on SQLite either: rows sit in key order).
CREATE TABLE survey_answers (
    id TEXT NOT NULL PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES offering_sessions (id) ON DELETE CASCADE,
    -- One point (1-5) per statement; NULL past the survey's last one.
    rating_1 INTEGER,
    rating_2 INTEGER,
    rating_3 INTEGER,
    rating_4 INTEGER,
    rating_5 INTEGER,
    -- The free-text answer; empty when none.
    comment TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX survey_answers_session ON survey_answers (session_id);

-- Who answered which session's survey (never what): a second answer is
-- refused by this key. No time, so it cannot be matched to an answer.
CREATE TABLE survey_answered (
    session_id BIGINT NOT NULL REFERENCES offering_sessions (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, user_id)
) WITHOUT ROWID;

-- An offering's community space: read by the people holding a seat and
-- its facilitators (who moderate it); read-only a month after its last
-- session.
ALTER TABLE spaces ADD COLUMN offering_id BIGINT REFERENCES offerings (id) ON DELETE CASCADE;
CREATE UNIQUE INDEX spaces_offering ON spaces (offering_id) WHERE offering_id IS NOT NULL;
