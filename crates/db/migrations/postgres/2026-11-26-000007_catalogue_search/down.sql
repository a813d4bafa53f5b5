DROP INDEX courses_search;
ALTER TABLE courses DROP COLUMN completions;
ALTER TABLE courses DROP COLUMN search_text;
