-- Learning: who follows which course (and which version of it), which
-- lessons they have finished, and every learning event as an xAPI statement.
-- Keep in step with ../../postgres/2026-11-26-000003_learning/up.sql (a test compares them).

CREATE TABLE enrolments (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    -- The version this learner follows until they finish it.
    version INTEGER NOT NULL,
    enrolled_at BIGINT NOT NULL,
    completed_at BIGINT,
    -- Where "continue" takes them.
    last_lesson_key TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, course_id)
);
CREATE INDEX enrolments_course ON enrolments (course_id);

CREATE TABLE lesson_progress (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    lesson_key TEXT NOT NULL,
    completed_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, course_id, lesson_key)
);

-- One table for every learning event: the statement as an LRS would return
-- it, with the columns queries need beside it. Never updated or deleted by
-- learning; statements name the learner by user id, not by email.
CREATE TABLE learning_records (
    id TEXT NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    verb TEXT NOT NULL,
    object_id TEXT NOT NULL,
    course_id BIGINT REFERENCES courses (id),
    stored_at BIGINT NOT NULL,
    statement TEXT NOT NULL
);
CREATE INDEX learning_records_user ON learning_records (user_id, stored_at);
CREATE INDEX learning_records_course ON learning_records (course_id, stored_at);
