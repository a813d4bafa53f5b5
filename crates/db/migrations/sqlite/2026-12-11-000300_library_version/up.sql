-- The practice library's version: a number that changes whenever what its
-- lists show changes (a practice's row — its published words, tier, trial
-- count — or its subjects, grade bands or competencies), so each server may
-- keep the listing in memory and check it with one read a request, as the
-- catalogue does (2026-12-06-000400). Triggers keep it, whoever writes.
-- Keep in step with ../../postgres/2026-12-11-000300_library_version/up.sql (a test compares them).
CREATE TABLE library_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO library_version (id, version) VALUES (1, 1);

CREATE TRIGGER library_practice_added AFTER INSERT ON classroom_practices
BEGIN UPDATE library_version SET version = version + 1; END;
CREATE TRIGGER library_practice_changed AFTER UPDATE ON classroom_practices
BEGIN UPDATE library_version SET version = version + 1; END;
CREATE TRIGGER library_practice_removed AFTER DELETE ON classroom_practices
BEGIN UPDATE library_version SET version = version + 1; END;
CREATE TRIGGER library_subject_added AFTER INSERT ON classroom_practice_subjects
BEGIN UPDATE library_version SET version = version + 1; END;
CREATE TRIGGER library_subject_removed AFTER DELETE ON classroom_practice_subjects
BEGIN UPDATE library_version SET version = version + 1; END;
CREATE TRIGGER library_grade_band_added AFTER INSERT ON classroom_practice_grade_bands
BEGIN UPDATE library_version SET version = version + 1; END;
CREATE TRIGGER library_grade_band_removed AFTER DELETE ON classroom_practice_grade_bands
BEGIN UPDATE library_version SET version = version + 1; END;
CREATE TRIGGER library_competency_added AFTER INSERT ON classroom_practice_competencies
BEGIN UPDATE library_version SET version = version + 1; END;
CREATE TRIGGER library_competency_removed AFTER DELETE ON classroom_practice_competencies
BEGIN UPDATE library_version SET version = version + 1; END;
