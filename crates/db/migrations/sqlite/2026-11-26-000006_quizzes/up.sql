-- Quizzes: a lesson's quiz (as JSON, part of the course version), and each
-- attempt a learner makes at it.
-- Keep in step with ../../postgres/2026-11-26-000006_quizzes/up.sql (a test compares them).

ALTER TABLE lessons ADD COLUMN quiz TEXT;

CREATE TABLE quiz_attempts (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    lesson_key TEXT NOT NULL,
    -- {"question key": ["option key", …]}
    answers TEXT NOT NULL,
    score INTEGER NOT NULL,
    passed BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX quiz_attempts_learner ON quiz_attempts (user_id, course_id, lesson_key);
