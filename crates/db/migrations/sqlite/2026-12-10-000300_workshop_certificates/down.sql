DROP TRIGGER users_keep_certificates;
DELETE FROM certificates WHERE course_id IS NULL;

CREATE TABLE certificates_of_courses (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course_id BIGINT NOT NULL REFERENCES courses (id),
    course_version INTEGER NOT NULL,
    recipient_name TEXT NOT NULL,
    course_title TEXT NOT NULL,
    course_language TEXT NOT NULL,
    quarter_hours INTEGER NOT NULL,
    competencies TEXT NOT NULL,
    issuer TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT,
    revoked_reason TEXT,
    reminded_at BIGINT,
    UNIQUE (user_id, course_id)
);
INSERT INTO certificates_of_courses
SELECT id, code, user_id, course_id, course_version, recipient_name, course_title,
       course_language, quarter_hours, competencies, issuer, issued_at, expires_at,
       revoked_at, revoked_reason, reminded_at
FROM certificates;
DROP TABLE certificates;
ALTER TABLE certificates_of_courses RENAME TO certificates;
CREATE INDEX certificates_expiry ON certificates (expires_at);
CREATE TRIGGER users_keep_certificates
BEFORE DELETE ON users
WHEN EXISTS (SELECT 1 FROM certificates WHERE user_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'certificates point at this account: anonymise it, do not delete it');
END;
