DROP INDEX post_revisions_author;
ALTER TABLE post_revisions DROP COLUMN author_id;
ALTER TABLE posts DROP COLUMN edit_count;
