DROP TRIGGER courses_fts_update;
DROP TRIGGER courses_fts_delete;
DROP TRIGGER courses_fts_insert;
DROP TABLE courses_fts;
ALTER TABLE courses DROP COLUMN completions;
ALTER TABLE courses DROP COLUMN search_text;
