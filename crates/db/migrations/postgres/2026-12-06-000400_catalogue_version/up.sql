-- The catalogue's version: a number that changes whenever what its lists
-- show changes (a course, its subjects, grade bands or competencies), so
-- each server may keep the listing in memory and check it with one read a
-- request. Triggers keep it, whoever writes (even a bulk load with
-- session_replication_role = replica); a completion (which only counts)
-- leaves it be. Once a statement, not once a row.
-- Keep in step with ../../sqlite/2026-12-06-000400_catalogue_version/up.sql (a test compares them).
CREATE TABLE catalogue_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalogue_version (id, version) VALUES (1, 1);

CREATE FUNCTION catalogue_changed() RETURNS trigger AS $$
BEGIN
    UPDATE catalogue_version SET version = version + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER catalogue_course_changed AFTER INSERT OR DELETE OR UPDATE OF
    slug, version, language, title, summary, pd_quarter_hours, delivery, licence,
    created_at, updated_at, certificate_months, org_id ON courses
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER catalogue_subjects_changed AFTER INSERT OR DELETE OR UPDATE ON course_subjects
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER catalogue_grade_bands_changed AFTER INSERT OR DELETE OR UPDATE ON course_grade_bands
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER catalogue_competencies_changed AFTER INSERT OR DELETE OR UPDATE ON course_competencies
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
ALTER TABLE courses ENABLE ALWAYS TRIGGER catalogue_course_changed;
ALTER TABLE course_subjects ENABLE ALWAYS TRIGGER catalogue_subjects_changed;
ALTER TABLE course_grade_bands ENABLE ALWAYS TRIGGER catalogue_grade_bands_changed;
ALTER TABLE course_competencies ENABLE ALWAYS TRIGGER catalogue_competencies_changed;
