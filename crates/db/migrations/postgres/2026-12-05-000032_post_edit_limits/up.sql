-- Edits pass the checks posting does, and count as writes in the hourly
-- limit: each revision records its author, indexed to count an hour's
-- edits. A post takes at most 50 edits (lyceum_domain::community::
-- MAX_POST_EDITS), counted on the post so that one conditional UPDATE
-- decides, on any number of app servers.
-- Keep in step with ../../sqlite/2026-12-05-000032_post_edit_limits/up.sql (a test compares them).

ALTER TABLE posts ADD COLUMN edit_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE post_revisions ADD COLUMN author_id BIGINT NOT NULL DEFAULT 0;

UPDATE post_revisions SET author_id = p.author_id FROM posts p WHERE p.id = post_revisions.post_id;
UPDATE posts SET edit_count = r.n
FROM (SELECT post_id, count(*) AS n FROM post_revisions GROUP BY post_id) r
WHERE r.post_id = posts.id;

CREATE INDEX post_revisions_author ON post_revisions (author_id, replaced_at);
