DROP TRIGGER catalogue_course_changed ON courses;
DROP TRIGGER catalogue_subjects_changed ON course_subjects;
DROP TRIGGER catalogue_grade_bands_changed ON course_grade_bands;
DROP TRIGGER catalogue_competencies_changed ON course_competencies;
DROP FUNCTION catalogue_changed();
DROP TABLE catalogue_version;
