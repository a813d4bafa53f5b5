DROP INDEX quiz_attempts_learner;
DROP TABLE quiz_attempts;
ALTER TABLE lessons DROP COLUMN quiz;
