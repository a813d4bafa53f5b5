-- Every word community search has indexed, so a word typed as a prefix
-- ("stud") can be widened to the whole words it starts (students, study),
-- which the full-text indexes read far faster than a prefix. Words are
-- never removed: one no post has any more simply matches nothing.
-- Byte order ("C"), as on SQLite, so a prefix is a range of the key.
-- Keep in step with ../../sqlite/2026-11-26-000021_search_words/up.sql (a test compares them).

CREATE TABLE search_words (
    word TEXT COLLATE "C" NOT NULL PRIMARY KEY
);

-- The words of the posts there are.
INSERT INTO search_words (word)
SELECT DISTINCT unnest(tsvector_to_array(vector)) FROM posts_fts
ON CONFLICT DO NOTHING;
