-- Courses: what the catalogue shows (the published version's details) and,
-- per version, the modules and lessons. A new version adds rows; a learner
-- who started an older one keeps it.
-- Keep in step with ../../postgres/2026-11-26-000002_courses/up.sql (a test compares them).

CREATE TABLE courses (
    id INTEGER PRIMARY KEY,
    -- Stable across versions and deployments.
    slug TEXT NOT NULL UNIQUE,
    -- The version learners now start.
    version INTEGER NOT NULL,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    pd_quarter_hours INTEGER NOT NULL,
    delivery TEXT NOT NULL,
    licence TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE course_subjects (
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    PRIMARY KEY (course_id, subject)
);
CREATE INDEX course_subjects_subject ON course_subjects (subject);

CREATE TABLE course_grade_bands (
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    grade_band TEXT NOT NULL,
    PRIMARY KEY (course_id, grade_band)
);
CREATE INDEX course_grade_bands_band ON course_grade_bands (grade_band);

-- The competencies a course builds, and the level it builds them to.
CREATE TABLE course_competencies (
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    competency_id TEXT NOT NULL REFERENCES competencies (id),
    level_key TEXT,
    position INTEGER NOT NULL,
    PRIMARY KEY (course_id, competency_id)
);
CREATE INDEX course_competencies_competency ON course_competencies (competency_id);

CREATE TABLE course_prerequisites (
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    prerequisite_id BIGINT NOT NULL REFERENCES courses (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (course_id, prerequisite_id)
);

CREATE TABLE course_modules (
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (course_id, version, position)
);

CREATE TABLE lessons (
    id INTEGER PRIMARY KEY,
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    module_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    -- Stable within the course across versions.
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    markdown TEXT NOT NULL,
    -- Space-separated activity kinds, in order.
    activities TEXT NOT NULL,
    UNIQUE (course_id, version, key)
);
CREATE INDEX lessons_order ON lessons (course_id, version, module_position, position);
