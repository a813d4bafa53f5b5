-- The upcoming offerings' version: a number that changes whenever what the
-- educators' list of offerings filters on changes (an offering's times,
-- organiser, audience, course, language or cancellation; its sessions'
-- modes; an organisation's place or name; a course's title), so each server
-- may keep the offerings not over in memory and check them with one read a
-- request, as the catalogue and the library do. Registering does not move
-- it: seats and waitlists are read for each page's cards. Once a
-- statement, not once a row; kept even by a bulk load with
-- session_replication_role = replica.
-- Keep in step with ../../sqlite/2026-12-16-000300_offerings_version/up.sql (a test compares them).
CREATE TABLE offerings_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO offerings_version (id, version) VALUES (1, 1);

CREATE FUNCTION offerings_changed() RETURNS trigger AS $$
BEGIN
    UPDATE offerings_version SET version = version + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER offerings_version_offering_changed
    AFTER INSERT OR DELETE
    OR UPDATE OF org_id, course_id, language, audience_org_id, starts_at, ends_at, cancelled_at
    ON offerings FOR EACH STATEMENT EXECUTE FUNCTION offerings_changed();
CREATE TRIGGER offerings_version_session_changed
    AFTER INSERT OR DELETE OR UPDATE OF offering_id, mode, cancelled_at
    ON offering_sessions FOR EACH STATEMENT EXECUTE FUNCTION offerings_changed();
CREATE TRIGGER offerings_version_org_changed
    AFTER INSERT OR DELETE OR UPDATE OF name, kind, path
    ON orgs FOR EACH STATEMENT EXECUTE FUNCTION offerings_changed();
CREATE TRIGGER offerings_version_course_changed
    AFTER UPDATE OF title
    ON courses FOR EACH STATEMENT EXECUTE FUNCTION offerings_changed();
ALTER TABLE offerings ENABLE ALWAYS TRIGGER offerings_version_offering_changed;
ALTER TABLE offering_sessions ENABLE ALWAYS TRIGGER offerings_version_session_changed;
ALTER TABLE orgs ENABLE ALWAYS TRIGGER offerings_version_org_changed;
ALTER TABLE courses ENABLE ALWAYS TRIGGER offerings_version_course_changed;
