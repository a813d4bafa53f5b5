-- PD credit and certificates: a ledger of hours per educator, and the
-- certificate a completed course issues, checkable by anyone at its address.
-- Keep in step with ../../postgres/2026-11-26-000004_credit/up.sql (a test compares them).

CREATE TABLE pd_ledger (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- course | workshop | outside
    source TEXT NOT NULL,
    course_id BIGINT REFERENCES courses (id),
    -- As it was when earned (a course may be renamed later).
    title TEXT NOT NULL,
    quarter_hours INTEGER NOT NULL,
    earned_at BIGINT NOT NULL,
    -- The July-to-June school year, by its starting year.
    school_year INTEGER NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX pd_ledger_user ON pd_ledger (user_id, earned_at);

-- What was achieved, as it was when issued: the page at /certificates/{code}
-- shows this, and whether it still holds. The same record can later be
-- issued as a signed Open Badges 3.0 credential.
CREATE TABLE certificates (
    id INTEGER PRIMARY KEY,
    -- 128 random bits, URL-safe: public, not guessable.
    code TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course_id BIGINT NOT NULL REFERENCES courses (id),
    course_version INTEGER NOT NULL,
    recipient_name TEXT NOT NULL,
    course_title TEXT NOT NULL,
    course_language TEXT NOT NULL,
    quarter_hours INTEGER NOT NULL,
    -- The competencies and levels, as JSON: [{"id", "name_en", "name_es", "level_en", "level_es"}].
    competencies TEXT NOT NULL,
    issuer TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT,
    revoked_reason TEXT,
    UNIQUE (user_id, course_id)
);
