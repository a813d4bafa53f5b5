DROP INDEX quiz_attempts_number;
CREATE INDEX quiz_attempts_learner ON quiz_attempts (user_id, course_id, lesson_key);
ALTER TABLE quiz_attempts DROP COLUMN attempt;
