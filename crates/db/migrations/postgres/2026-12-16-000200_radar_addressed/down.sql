-- Keep in step with ../../sqlite/2026-12-16-000200_radar_addressed/down.sql.
DROP INDEX challenge_reports_by_status;
CREATE INDEX challenge_reports_queue ON challenge_reports (status, id);
