-- The practice library's version: a number that changes whenever what its
-- lists show changes (a practice's row — its published words, tier, trial
-- count — or its subjects, grade bands or competencies), so each server may
-- keep the listing in memory and check it with one read a request, as the
-- catalogue does (2026-12-06-000400). Triggers keep it, whoever writes
-- (even a bulk load with session_replication_role = replica). Once a
-- statement, not once a row.
-- Keep in step with ../../sqlite/2026-12-11-000300_library_version/up.sql (a test compares them).
CREATE TABLE library_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO library_version (id, version) VALUES (1, 1);

CREATE FUNCTION library_changed() RETURNS trigger AS $$
BEGIN
    UPDATE library_version SET version = version + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER library_practice_changed AFTER INSERT OR DELETE OR UPDATE ON classroom_practices
    FOR EACH STATEMENT EXECUTE FUNCTION library_changed();
CREATE TRIGGER library_subjects_changed AFTER INSERT OR DELETE OR UPDATE ON classroom_practice_subjects
    FOR EACH STATEMENT EXECUTE FUNCTION library_changed();
CREATE TRIGGER library_grade_bands_changed AFTER INSERT OR DELETE OR UPDATE ON classroom_practice_grade_bands
    FOR EACH STATEMENT EXECUTE FUNCTION library_changed();
CREATE TRIGGER library_competencies_changed AFTER INSERT OR DELETE OR UPDATE ON classroom_practice_competencies
    FOR EACH STATEMENT EXECUTE FUNCTION library_changed();
ALTER TABLE classroom_practices ENABLE ALWAYS TRIGGER library_practice_changed;
ALTER TABLE classroom_practice_subjects ENABLE ALWAYS TRIGGER library_subjects_changed;
ALTER TABLE classroom_practice_grade_bands ENABLE ALWAYS TRIGGER library_grade_bands_changed;
ALTER TABLE classroom_practice_competencies ENABLE ALWAYS TRIGGER library_competencies_changed;
