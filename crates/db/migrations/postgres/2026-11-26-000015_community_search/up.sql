-- Community search: each post's words (a topic's first post with the
-- topic's title), folded by the app, indexed for full text. Deleted and
-- hidden posts have none.
-- Keep in step with ../../sqlite/2026-11-26-000015_community_search/up.sql (a test compares them).

ALTER TABLE posts ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

-- The same words SQLite's FTS5 sees: search_text is already folded by the app.
CREATE INDEX posts_search ON posts USING gin (to_tsvector('simple', search_text));
