ALTER TABLE quiz_attempts DROP COLUMN carried_from;
