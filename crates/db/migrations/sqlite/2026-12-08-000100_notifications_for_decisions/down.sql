ALTER TABLE digest_settings DROP COLUMN decisions;
DELETE FROM notifications WHERE topic_id IS NULL;
CREATE TABLE notifications_old (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES users (id),
    topic_id BIGINT NOT NULL REFERENCES topics (id),
    post_id BIGINT REFERENCES posts (id),
    created_at BIGINT NOT NULL,
    read_at BIGINT,
    note TEXT
);
INSERT INTO notifications_old SELECT id, user_id, kind, actor_id, topic_id, post_id, created_at, read_at, note FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_old RENAME TO notifications;
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (read_at, created_at);
