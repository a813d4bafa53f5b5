DROP INDEX reactions_by_user;
ALTER TABLE posts DROP COLUMN insightful_count;
ALTER TABLE posts DROP COLUMN thanks_count;
ALTER TABLE posts DROP COLUMN helpful_count;
