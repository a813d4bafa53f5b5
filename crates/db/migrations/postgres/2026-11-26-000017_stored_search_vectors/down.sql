DROP TRIGGER posts_fts_sync ON posts;
DROP FUNCTION posts_fts_sync();
DROP TABLE posts_fts;
CREATE INDEX posts_search ON posts USING gin (to_tsvector('simple', search_text));
DROP TRIGGER courses_fts_sync ON courses;
DROP FUNCTION courses_fts_sync();
DROP TABLE courses_fts;
CREATE INDEX courses_search ON courses USING gin (to_tsvector('simple', search_text));
