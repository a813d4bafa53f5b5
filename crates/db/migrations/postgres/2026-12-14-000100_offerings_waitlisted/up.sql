-- Keep in step with ../../sqlite/2026-12-14-000100_offerings_waitlisted/up.sql (a test compares them).
-- How many people wait for each offering, kept by the database with every
-- registration written, changed or deleted (whatever the path: registering,
-- cancelling, promotion, approval, an account deleted). Every card of the
-- offerings list shows it; counting it there walked every waiting person's
-- index entry (10,000 a view with ten national webinars full). A
-- registration's writer holds the offering's row already (every change to
-- seats takes it first), so the trigger's update waits on nobody new.
ALTER TABLE offerings ADD COLUMN waitlisted INTEGER NOT NULL DEFAULT 0;
UPDATE offerings SET waitlisted = (
    SELECT COUNT(*) FROM registrations
    WHERE registrations.offering_id = offerings.id AND registrations.status = 'waitlisted');
CREATE FUNCTION registrations_waitlisted() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.status = 'waitlisted') = (NEW.status = 'waitlisted') THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'waitlisted' THEN
        UPDATE offerings SET waitlisted = waitlisted - 1 WHERE id = OLD.offering_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'waitlisted' THEN
        UPDATE offerings SET waitlisted = waitlisted + 1 WHERE id = NEW.offering_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER registrations_waitlisted AFTER INSERT OR DELETE OR UPDATE OF status ON registrations
    FOR EACH ROW EXECUTE FUNCTION registrations_waitlisted();
