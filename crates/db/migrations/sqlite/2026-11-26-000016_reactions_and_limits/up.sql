-- Reactions to posts (a small fixed set), and the index the posting
-- limits count recent posts by.
-- Keep in step with ../../postgres/2026-11-26-000016_reactions_and_limits/up.sql (a test compares them).

CREATE TABLE reactions (
    post_id BIGINT NOT NULL REFERENCES posts (id),
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- helpful | thanks | insightful
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (post_id, user_id, kind)
);

CREATE INDEX posts_author ON posts (author_id, created_at);
