ALTER TABLE classroom_practice_versions DROP COLUMN revision;
