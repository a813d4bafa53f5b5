-- Full-text search keeps each document's tsvector, as SQLite's FTS5 keeps
-- its index: ranking and re-checking a match then read the stored vector
-- instead of parsing the whole text again (a course's text is every lesson;
-- parsing 300 of them took a second per search). Tables named *_fts, like
-- SQLite's, kept by triggers that fire even when a bulk load sets
-- session_replication_role = replica.
-- Keep in step with ../../sqlite/2026-11-26-000017_stored_search_vectors/up.sql (a test compares them).

CREATE TABLE courses_fts (
    id BIGINT PRIMARY KEY REFERENCES courses (id) ON DELETE CASCADE,
    vector tsvector NOT NULL
);
INSERT INTO courses_fts (id, vector) SELECT id, to_tsvector('simple', search_text) FROM courses;
CREATE INDEX courses_fts_vector ON courses_fts USING gin (vector);
DROP INDEX courses_search;

CREATE FUNCTION courses_fts_sync() RETURNS trigger AS $$
BEGIN
    INSERT INTO courses_fts (id, vector) VALUES (NEW.id, to_tsvector('simple', NEW.search_text))
    ON CONFLICT (id) DO UPDATE SET vector = EXCLUDED.vector;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER courses_fts_sync AFTER INSERT OR UPDATE OF search_text ON courses
    FOR EACH ROW EXECUTE FUNCTION courses_fts_sync();
ALTER TABLE courses ENABLE ALWAYS TRIGGER courses_fts_sync;

CREATE TABLE posts_fts (
    id BIGINT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    vector tsvector NOT NULL
);
INSERT INTO posts_fts (id, vector) SELECT id, to_tsvector('simple', search_text) FROM posts;
CREATE INDEX posts_fts_vector ON posts_fts USING gin (vector);
DROP INDEX posts_search;

CREATE FUNCTION posts_fts_sync() RETURNS trigger AS $$
BEGIN
    INSERT INTO posts_fts (id, vector) VALUES (NEW.id, to_tsvector('simple', NEW.search_text))
    ON CONFLICT (id) DO UPDATE SET vector = EXCLUDED.vector;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER posts_fts_sync AFTER INSERT OR UPDATE OF search_text ON posts
    FOR EACH ROW EXECUTE FUNCTION posts_fts_sync();
ALTER TABLE posts ENABLE ALWAYS TRIGGER posts_fts_sync;
