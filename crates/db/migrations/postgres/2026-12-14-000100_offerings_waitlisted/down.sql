DROP TRIGGER registrations_waitlisted ON registrations;
DROP FUNCTION registrations_waitlisted();
ALTER TABLE offerings DROP COLUMN waitlisted;
