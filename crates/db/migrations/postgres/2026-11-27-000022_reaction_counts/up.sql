-- Each post's reactions, counted as they are given and taken back, so a
-- page of posts reads its counts with the posts (counting them per page
-- view was a fifth of the topic page's time). What the reader gave is
-- found through their own reactions, by post id.
-- Keep in step with ../../sqlite/2026-11-27-000022_reaction_counts/up.sql (a test compares them).

ALTER TABLE posts ADD COLUMN helpful_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN thanks_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN insightful_count BIGINT NOT NULL DEFAULT 0;

UPDATE posts SET
    helpful_count = c.helpful,
    thanks_count = c.thanks,
    insightful_count = c.insightful
FROM (
    SELECT post_id,
        count(*) FILTER (WHERE kind = 'helpful') AS helpful,
        count(*) FILTER (WHERE kind = 'thanks') AS thanks,
        count(*) FILTER (WHERE kind = 'insightful') AS insightful
    FROM reactions GROUP BY post_id
) c
WHERE c.post_id = posts.id;

CREATE INDEX reactions_by_user ON reactions (user_id, post_id);
