-- A topic's tags: a subject, a grade band, a competency (by their codes
-- and ids), for finding topics across spaces.
-- Keep in step with ../../postgres/2026-11-26-000020_topic_tags/up.sql (a test compares them).

CREATE TABLE topic_tags (
    topic_id BIGINT NOT NULL REFERENCES topics (id),
    -- subject:<code> | grade-band:<code> | competency:<id>
    tag TEXT NOT NULL,
    PRIMARY KEY (topic_id, tag)
);
CREATE INDEX topic_tags_tag ON topic_tags (tag, topic_id);
