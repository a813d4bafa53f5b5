DROP INDEX certificates_expiry;
ALTER TABLE certificates DROP COLUMN reminded_at;
ALTER TABLE courses DROP COLUMN certificate_months;
