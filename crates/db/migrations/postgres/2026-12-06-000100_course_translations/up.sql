-- A course may be the translation of another: one course in two languages.
-- The row names the translation and the course it translates (the
-- original); an original has at most one translation. Lessons correspond
-- by position (see docs/course-format.md).
-- Keep in step with ../../sqlite/2026-12-06-000100_course_translations/up.sql (a test compares them).
CREATE TABLE course_translations (
    course_id BIGINT PRIMARY KEY REFERENCES courses (id) ON DELETE CASCADE,
    original_id BIGINT NOT NULL UNIQUE REFERENCES courses (id)
);
