-- Notifications about more than community posts: decisions on practice
-- tasks and outside PD requests, work waiting for a reviewer or an admin, a
-- roster import finished. Such a notification names its subject (a course
-- and lesson, a request's title, an organisation) and the page it is about
-- (`link`, and `extra_link`: the certificate a completed course issued);
-- `topic_id` is set only for community ones.
-- And how each person wants these emailed (`decisions`: at-once | digest |
-- never; no row: at once).
-- Keep in step with ../../sqlite/2026-12-08-000100_notifications_for_decisions/up.sql.

ALTER TABLE notifications ALTER COLUMN topic_id DROP NOT NULL;
ALTER TABLE notifications ADD COLUMN subject TEXT;
ALTER TABLE notifications ADD COLUMN link TEXT;
ALTER TABLE notifications ADD COLUMN extra_link TEXT;

ALTER TABLE digest_settings ADD COLUMN decisions TEXT NOT NULL DEFAULT 'at-once';
