-- Community search: each post's words (a topic's first post with the
-- topic's title), folded by the app, indexed by FTS5. Deleted and hidden
-- posts have none.
-- Keep in step with ../../postgres/2026-11-26-000015_community_search/up.sql (a test compares them).

ALTER TABLE posts ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE posts_fts USING fts5 (
    search_text,
    content = 'posts',
    content_rowid = 'id',
    tokenize = 'unicode61',
    prefix = '2 3'
);
CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
    INSERT INTO posts_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER posts_fts_update AFTER UPDATE OF search_text ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO posts_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
