-- Accepted answers, and in-app notifications (replies to my topics,
-- mentions, accepted answers; moderation decisions later).
-- Keep in step with ../../postgres/2026-11-26-000013_answers_and_notifications/up.sql (a test compares them).

ALTER TABLE topics ADD COLUMN accepted_post_id BIGINT REFERENCES posts (id);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- reply | mention | accepted
    kind TEXT NOT NULL,
    -- Who caused it.
    actor_id BIGINT NOT NULL REFERENCES users (id),
    topic_id BIGINT NOT NULL REFERENCES topics (id),
    post_id BIGINT REFERENCES posts (id),
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, id);
