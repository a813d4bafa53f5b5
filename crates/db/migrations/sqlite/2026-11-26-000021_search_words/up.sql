-- Every word community search has indexed, so a word typed as a prefix
-- ("stud") can be widened to the whole words it starts (students, study):
-- FTS5 reads whole words' lists lazily, newest first, and stops at the
-- page; a prefix it must gather in full first (60 ms for a word in two
-- thirds of 2.2 million posts). Words are never removed: one no post has
-- any more simply matches nothing.
-- Keep in step with ../../postgres/2026-11-26-000021_search_words/up.sql (a test compares them).

CREATE TABLE search_words (
    word TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;

-- The words of the posts there are.
CREATE VIRTUAL TABLE temp.posts_fts_words USING fts5vocab(main, posts_fts, 'row');
INSERT INTO search_words (word) SELECT term FROM temp.posts_fts_words;
DROP TABLE temp.posts_fts_words;
