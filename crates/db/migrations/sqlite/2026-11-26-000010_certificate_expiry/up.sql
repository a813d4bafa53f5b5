-- Certificates that expire: how long a course's certificates stay valid,
-- and when the holder was reminded that theirs is about to expire.
-- Keep in step with ../../postgres/2026-11-26-000010_certificate_expiry/up.sql (a test compares them).

ALTER TABLE courses ADD COLUMN certificate_months INTEGER;
ALTER TABLE certificates ADD COLUMN reminded_at BIGINT;
-- The reminder sweep looks for certificates expiring soon.
CREATE INDEX certificates_expiry ON certificates (expires_at);
