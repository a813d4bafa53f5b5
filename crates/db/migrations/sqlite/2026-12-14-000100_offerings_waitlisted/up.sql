-- Keep in step with ../../postgres/2026-12-14-000100_offerings_waitlisted/up.sql (a test compares them).
-- How many people wait for each offering, kept by the database with every
-- registration written, changed or deleted (whatever the path: registering,
-- cancelling, promotion, approval, an account deleted). Every card of the
-- offerings list shows it; counting it there walked every waiting person's
-- index entry (10,000 a view with ten national webinars full).
ALTER TABLE offerings ADD COLUMN waitlisted INTEGER NOT NULL DEFAULT 0;
UPDATE offerings SET waitlisted = (
    SELECT COUNT(*) FROM registrations
    WHERE registrations.offering_id = offerings.id AND registrations.status = 'waitlisted');
CREATE TRIGGER registrations_waitlisted_insert AFTER INSERT ON registrations
WHEN new.status = 'waitlisted' BEGIN
    UPDATE offerings SET waitlisted = waitlisted + 1 WHERE id = new.offering_id;
END;
CREATE TRIGGER registrations_waitlisted_delete AFTER DELETE ON registrations
WHEN old.status = 'waitlisted' BEGIN
    UPDATE offerings SET waitlisted = waitlisted - 1 WHERE id = old.offering_id;
END;
CREATE TRIGGER registrations_waitlisted_update AFTER UPDATE OF status ON registrations
WHEN (old.status = 'waitlisted') <> (new.status = 'waitlisted') BEGIN
    UPDATE offerings
    SET waitlisted = waitlisted + (new.status = 'waitlisted') - (old.status = 'waitlisted')
    WHERE id = new.offering_id;
END;
