-- Notifications about more than community posts: decisions on practice
-- tasks and outside PD requests, work waiting for a reviewer or an admin, a
-- roster import finished. Such a notification names its subject (a course
-- and lesson, a request's title, an organisation) and the page it is about
-- (`link`, and `extra_link`: the certificate a completed course issued);
-- `topic_id` is set only for community ones. SQLite cannot drop NOT NULL
-- from a column, so the table is rebuilt with its rows and indexes.
-- And how each person wants these emailed (`decisions`: at-once | digest |
-- never; no row: at once).
-- Keep in step with ../../postgres/2026-12-08-000100_notifications_for_decisions/up.sql.

CREATE TABLE notifications_new (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES users (id),
    topic_id BIGINT REFERENCES topics (id),
    post_id BIGINT REFERENCES posts (id),
    created_at BIGINT NOT NULL,
    read_at BIGINT,
    note TEXT,
    subject TEXT,
    link TEXT,
    extra_link TEXT
);
INSERT INTO notifications_new (id, user_id, kind, actor_id, topic_id, post_id, created_at, read_at, note)
    SELECT id, user_id, kind, actor_id, topic_id, post_id, created_at, read_at, note FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (read_at, created_at);

ALTER TABLE digest_settings ADD COLUMN decisions TEXT NOT NULL DEFAULT 'at-once';
