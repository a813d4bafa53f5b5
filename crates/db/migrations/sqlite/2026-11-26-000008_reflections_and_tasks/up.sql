-- Reflections and practice tasks: a lesson's reflection prompt and task
-- (as JSON, part of the course version), what each learner wrote, and each
-- artefact handed in with the facilitator's review of it.
-- Keep in step with ../../postgres/2026-11-26-000008_reflections_and_tasks/up.sql (a test compares them).

ALTER TABLE lessons ADD COLUMN reflection TEXT;
ALTER TABLE lessons ADD COLUMN task TEXT;

-- Private to the learner and their facilitators; rewritten when edited.
CREATE TABLE reflections (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    lesson_key TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, course_id, lesson_key)
);

-- One row per hand-in; a returned one stays as it was reviewed.
CREATE TABLE task_submissions (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    lesson_key TEXT NOT NULL,
    -- text | link | file
    artefact_kind TEXT NOT NULL,
    -- The text, or the link.
    artefact_text TEXT,
    -- A file (PDF, PNG or JPEG, at most 5 MB), kept in the database so any
    -- app server can serve it.
    file_name TEXT,
    file_type TEXT,
    file BLOB,
    -- submitted | accepted | returned
    status TEXT NOT NULL,
    -- The rubric criteria the reviewer found met, space-separated keys.
    criteria_met TEXT,
    review_comment TEXT,
    reviewer_id BIGINT REFERENCES users (id),
    reviewed_at BIGINT,
    submitted_at BIGINT NOT NULL
);
CREATE INDEX task_submissions_learner ON task_submissions (user_id, course_id, lesson_key);
CREATE INDEX task_submissions_status ON task_submissions (status, submitted_at);
