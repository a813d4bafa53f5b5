-- Keep in step with ../../sqlite/2026-12-07-000200_carried_quiz_attempts/up.sql (a test compares them).
-- A learner who switches a course's language takes their quiz attempts
-- with them: each is copied to the corresponding lesson once, the copy
-- naming the attempt it was first made as (whichever language that was),
-- so switching back and forth copies nothing twice.
ALTER TABLE quiz_attempts ADD COLUMN carried_from BIGINT;
