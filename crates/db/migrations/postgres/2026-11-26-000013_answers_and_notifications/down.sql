DROP INDEX notifications_user;
DROP TABLE notifications;
ALTER TABLE topics DROP COLUMN accepted_post_id;
