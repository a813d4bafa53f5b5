ALTER TABLE users DROP COLUMN source_id;
