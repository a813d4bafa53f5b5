-- Each attempt at a quiz carries its number for that learner and lesson,
-- unique: two attempts sent at once (on two app servers) cannot both be
-- the last one allowed. The numbers of earlier attempts follow their order.
ALTER TABLE quiz_attempts ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;
UPDATE quiz_attempts SET attempt = numbered.n
FROM (
    SELECT id, ROW_NUMBER() OVER (PARTITION BY user_id, course_id, lesson_key ORDER BY id) AS n
    FROM quiz_attempts
) AS numbered
WHERE quiz_attempts.id = numbered.id AND numbered.n <> 1;
DROP INDEX quiz_attempts_learner;
CREATE UNIQUE INDEX quiz_attempts_number ON quiz_attempts (user_id, course_id, lesson_key, attempt);
