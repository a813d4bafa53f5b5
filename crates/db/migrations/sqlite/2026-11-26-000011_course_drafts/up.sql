-- Authoring: drafts of course files that authors write and another author
-- (or a programme admin) reviews; publishing one saves it as the course's
-- new version.
-- Keep in step with ../../postgres/2026-11-26-000011_course_drafts/up.sql (a test compares them).

CREATE TABLE course_drafts (
    id INTEGER PRIMARY KEY,
    author_id BIGINT NOT NULL REFERENCES users (id),
    -- The course file as written (lyceum-course/1), problems and all.
    document TEXT NOT NULL,
    -- What the document says, when it says it (for lists).
    slug TEXT,
    title TEXT,
    -- draft | in-review | returned | published
    status TEXT NOT NULL,
    reviewer_id BIGINT REFERENCES users (id),
    review_comment TEXT,
    published_version INTEGER,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX course_drafts_author ON course_drafts (author_id, updated_at);
CREATE INDEX course_drafts_status ON course_drafts (status, updated_at);
