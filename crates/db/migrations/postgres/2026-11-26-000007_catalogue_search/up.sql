-- Catalogue search: the words of a course (title, summary, module and
-- lesson titles, lesson text), folded by the app, indexed for full text.
-- Keep in step with ../../sqlite/2026-11-26-000007_catalogue_search/up.sql (a test compares them).

ALTER TABLE courses ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
-- How many learners completed the course: kept as they do, for sorting.
ALTER TABLE courses ADD COLUMN completions BIGINT NOT NULL DEFAULT 0;

-- The same words SQLite's FTS5 sees: search_text is already folded by the app.
CREATE INDEX courses_search ON courses USING gin (to_tsvector('simple', search_text));
