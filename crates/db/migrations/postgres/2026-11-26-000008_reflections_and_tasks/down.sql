DROP INDEX task_submissions_status;
DROP INDEX task_submissions_learner;
DROP TABLE task_submissions;
DROP TABLE reflections;
ALTER TABLE lessons DROP COLUMN task;
ALTER TABLE lessons DROP COLUMN reflection;
