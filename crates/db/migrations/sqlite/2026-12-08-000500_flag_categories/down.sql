ALTER TABLE flags DROP COLUMN category;
