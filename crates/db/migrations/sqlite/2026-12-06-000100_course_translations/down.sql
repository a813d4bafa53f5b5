DROP TABLE course_translations;
