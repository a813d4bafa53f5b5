-- Self-assessment: the level an educator gives themselves on each aspect
-- of a competency framework (no row: not assessed, or "not yet").
-- Keep in step with ../../sqlite/2026-11-26-000009_self_assessments/up.sql (a test compares them).

CREATE TABLE self_assessments (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    framework_id TEXT NOT NULL REFERENCES competency_frameworks (id),
    aspect_id TEXT NOT NULL REFERENCES competencies (id),
    level_key TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, aspect_id)
);
