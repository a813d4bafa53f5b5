-- Back to ON DELETE CASCADE (see up.sql).

CREATE TABLE certificates_new (
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
    reminded_at BIGINT,
    UNIQUE (user_id, course_id)
);
INSERT INTO certificates_new
    (id, code, user_id, course_id, course_version, recipient_name, course_title,
     course_language, quarter_hours, competencies, issuer, issued_at, expires_at,
     revoked_at, revoked_reason, reminded_at)
SELECT id, code, user_id, course_id, course_version, recipient_name, course_title,
       course_language, quarter_hours, competencies, issuer, issued_at, expires_at,
       revoked_at, revoked_reason, reminded_at
FROM certificates;
DROP TABLE certificates;
ALTER TABLE certificates_new RENAME TO certificates;
-- The reminder sweep looks for certificates expiring soon.
CREATE INDEX certificates_expiry ON certificates (expires_at);
