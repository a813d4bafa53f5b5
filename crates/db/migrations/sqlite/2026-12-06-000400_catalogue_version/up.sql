-- The catalogue's version: a number that changes whenever what its lists
-- show changes (a course, its subjects, grade bands or competencies), so
-- each server may keep the listing in memory and check it with one read a
-- request. Triggers keep it, whoever writes; a completion (which only
-- counts) leaves it be.
-- Keep in step with ../../postgres/2026-12-06-000400_catalogue_version/up.sql (a test compares them).
CREATE TABLE catalogue_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalogue_version (id, version) VALUES (1, 1);

CREATE TRIGGER catalogue_course_added AFTER INSERT ON courses
BEGIN UPDATE catalogue_version SET version = version + 1; END;
CREATE TRIGGER catalogue_course_changed AFTER UPDATE OF
    slug, version, language, title, summary, pd_quarter_hours, delivery, licence,
    created_at, updated_at, certificate_months, org_id ON courses
BEGIN UPDATE catalogue_version SET version = version + 1; END;
CREATE TRIGGER catalogue_course_removed AFTER DELETE ON courses
BEGIN UPDATE catalogue_version SET version = version + 1; END;
CREATE TRIGGER catalogue_subject_added AFTER INSERT ON course_subjects
BEGIN UPDATE catalogue_version SET version = version + 1; END;
CREATE TRIGGER catalogue_subject_removed AFTER DELETE ON course_subjects
BEGIN UPDATE catalogue_version SET version = version + 1; END;
CREATE TRIGGER catalogue_subject_changed AFTER UPDATE ON course_subjects
BEGIN UPDATE catalogue_version SET version = version + 1; END;
CREATE TRIGGER catalogue_grade_band_added AFTER INSERT ON course_grade_bands
BEGIN UPDATE catalogue_version SET version = version + 1; END;
CREATE TRIGGER catalogue_grade_band_removed AFTER DELETE ON course_grade_bands
BEGIN UPDATE catalogue_version SET version = version + 1; END;
CREATE TRIGGER catalogue_grade_band_changed AFTER UPDATE ON course_grade_bands
BEGIN UPDATE catalogue_version SET version = version + 1; END;
CREATE TRIGGER catalogue_competency_added AFTER INSERT ON course_competencies
BEGIN UPDATE catalogue_version SET version = version + 1; END;
CREATE TRIGGER catalogue_competency_removed AFTER DELETE ON course_competencies
BEGIN UPDATE catalogue_version SET version = version + 1; END;
CREATE TRIGGER catalogue_competency_changed AFTER UPDATE ON course_competencies
BEGIN UPDATE catalogue_version SET version = version + 1; END;
