-- Keep in step with ../../sqlite/2026-12-16-000100_programme_settings/down.sql.
DROP TABLE programme_settings;
