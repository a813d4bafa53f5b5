-- Moderation: flags on posts, posts hidden by moderators (with why), and
-- suspended accounts. Every decision is also written to audit_log.
-- Keep in step with ../../postgres/2026-11-26-000014_moderation/up.sql (a test compares them).

ALTER TABLE posts ADD COLUMN hidden_at BIGINT;
ALTER TABLE posts ADD COLUMN hidden_reason TEXT;
ALTER TABLE notifications ADD COLUMN note TEXT;

CREATE TABLE flags (
    id INTEGER PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES posts (id),
    reporter_id BIGINT NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- hidden | dismissed, once a moderator decided.
    decision TEXT,
    decided_by BIGINT REFERENCES users (id),
    decided_at BIGINT,
    UNIQUE (post_id, reporter_id)
);
CREATE INDEX flags_open ON flags (decided_at, created_at);

CREATE TABLE suspensions (
    user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    until_at BIGINT NOT NULL,
    reason TEXT NOT NULL,
    suspended_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
