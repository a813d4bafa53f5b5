-- Community: spaces (each for an organisation's subtree), who follows
-- them, topics, posts (a topic's first post and its replies) and every
-- earlier text of an edited post.
-- Keep in step with ../../postgres/2026-11-26-000012_community/up.sql (a test compares them).

CREATE TABLE spaces (
    id INTEGER PRIMARY KEY,
    -- Its audience: everyone in this organisation's subtree.
    org_id BIGINT NOT NULL REFERENCES orgs (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    -- open | members
    visibility TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    topic_count BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX spaces_org ON spaces (org_id);

CREATE TABLE space_follows (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, space_id)
);

CREATE TABLE topics (
    id INTEGER PRIMARY KEY,
    space_id BIGINT NOT NULL REFERENCES spaces (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    -- discussion | question
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    reply_count BIGINT NOT NULL DEFAULT 0,
    -- Orders a space's topics (newest activity first), with id.
    last_post_at BIGINT NOT NULL,
    locked_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX topics_space_activity ON topics (space_id, last_post_at, id);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    topic_id BIGINT NOT NULL REFERENCES topics (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    -- Markdown as written; rendered and sanitised when shown.
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    edited_at BIGINT,
    -- Deleted by its author: the text is gone, the place stays.
    deleted_at BIGINT
);
CREATE INDEX posts_topic ON posts (topic_id, id);

CREATE TABLE post_revisions (
    id INTEGER PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES posts (id),
    -- The text as it was before the edit made at replaced_at.
    body TEXT NOT NULL,
    replaced_at BIGINT NOT NULL
);
CREATE INDEX post_revisions_post ON post_revisions (post_id, id);
