-- Catalogue search: the words of a course (title, summary, module and
-- lesson titles, lesson text), folded by the app, indexed by FTS5.
-- Keep in step with ../../postgres/2026-11-26-000007_catalogue_search/up.sql (a test compares them).

ALTER TABLE courses ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
-- How many learners completed the course: kept as they do, for sorting.
ALTER TABLE courses ADD COLUMN completions BIGINT NOT NULL DEFAULT 0;

CREATE VIRTUAL TABLE courses_fts USING fts5 (
    search_text,
    content = 'courses',
    content_rowid = 'id',
    tokenize = 'unicode61',
    prefix = '2 3'
);
CREATE TRIGGER courses_fts_insert AFTER INSERT ON courses BEGIN
    INSERT INTO courses_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER courses_fts_delete AFTER DELETE ON courses BEGIN
    INSERT INTO courses_fts (courses_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER courses_fts_update AFTER UPDATE OF search_text ON courses BEGIN
    INSERT INTO courses_fts (courses_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO courses_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
