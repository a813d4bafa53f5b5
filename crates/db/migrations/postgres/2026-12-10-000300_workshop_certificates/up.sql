-- Workshop certificates: meeting an offering's credit rule issues a
-- certificate as completing a course does, so a certificate has a course
-- or an offering. A revoked workshop certificate (a correction broke the
-- rule) stays verifiable as revoked; meeting the rule again issues a new one.
-- Keep in step with ../../sqlite/2026-12-10-000300_workshop_certificates/up.sql (a test compares them).

ALTER TABLE certificates ALTER COLUMN course_id DROP NOT NULL;
ALTER TABLE certificates ADD COLUMN offering_id BIGINT REFERENCES offerings (id);
-- One standing certificate per person and offering.
CREATE UNIQUE INDEX certificates_offering ON certificates (user_id, offering_id)
    WHERE offering_id IS NOT NULL AND revoked_at IS NULL;
