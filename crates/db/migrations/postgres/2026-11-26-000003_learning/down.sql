DROP INDEX learning_records_course;
DROP INDEX learning_records_user;
DROP TABLE learning_records;
DROP TABLE lesson_progress;
DROP INDEX enrolments_course;
DROP TABLE enrolments;
