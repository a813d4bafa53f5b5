DROP TRIGGER registrations_waitlisted_update;
DROP TRIGGER registrations_waitlisted_delete;
DROP TRIGGER registrations_waitlisted_insert;
ALTER TABLE offerings DROP COLUMN waitlisted;
