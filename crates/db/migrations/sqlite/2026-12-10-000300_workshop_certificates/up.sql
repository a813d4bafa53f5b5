-- Workshop certificates: meeting an offering's credit rule issues a
-- certificate as completing a course does, so a certificate has a course
-- or an offering. SQLite cannot drop NOT NULL in place: the table is
-- rebuilt with every column, index and the users trigger that names it.
-- A revoked workshop certificate (a correction broke the rule) stays
-- verifiable as revoked; meeting the rule again issues a new one.
-- Keep in step with ../../postgres/2026-12-10-000300_workshop_certificates/up.sql (a test compares them).

DROP TRIGGER users_keep_certificates;

CREATE TABLE certificates_with_offerings (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- A course's certificate; NULL for a workshop's.
    course_id BIGINT REFERENCES courses (id),
    course_version INTEGER NOT NULL,
    recipient_name TEXT NOT NULL,
    -- The course's or the offering's title, as it was when issued.
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
    -- A workshop's certificate: the offering whose credit rule was met.
    offering_id BIGINT REFERENCES offerings (id),
    UNIQUE (user_id, course_id)
);

INSERT INTO certificates_with_offerings
    (id, code, user_id, course_id, course_version, recipient_name, course_title,
     course_language, quarter_hours, competencies, issuer, issued_at, expires_at,
     revoked_at, revoked_reason, reminded_at)
SELECT id, code, user_id, course_id, course_version, recipient_name, course_title,
       course_language, quarter_hours, competencies, issuer, issued_at, expires_at,
       revoked_at, revoked_reason, reminded_at
FROM certificates;

DROP TABLE certificates;
ALTER TABLE certificates_with_offerings RENAME TO certificates;

CREATE INDEX certificates_expiry ON certificates (expires_at);
-- One standing certificate per person and offering.
CREATE UNIQUE INDEX certificates_offering ON certificates (user_id, offering_id)
    WHERE offering_id IS NOT NULL AND revoked_at IS NULL;

CREATE TRIGGER users_keep_certificates
BEFORE DELETE ON users
WHEN EXISTS (SELECT 1 FROM certificates WHERE user_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'certificates point at this account: anonymise it, do not delete it');
END;
