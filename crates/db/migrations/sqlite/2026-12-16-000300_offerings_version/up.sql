-- The upcoming offerings' version: a number that changes whenever what the
-- educators' list of offerings filters on changes (an offering's times,
-- organiser, audience, course, language or cancellation; its sessions'
-- modes; an organisation's place or name; a course's title), so each server
-- may keep the offerings not over in memory and check them with one read a
-- request, as the catalogue and the library do. Registering does not move
-- it: seats and waitlists are read for each page's cards.
-- Keep in step with ../../postgres/2026-12-16-000300_offerings_version/up.sql (a test compares them).
CREATE TABLE offerings_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO offerings_version (id, version) VALUES (1, 1);

CREATE TRIGGER offerings_version_offering_added AFTER INSERT ON offerings
BEGIN UPDATE offerings_version SET version = version + 1; END;
CREATE TRIGGER offerings_version_offering_changed
AFTER UPDATE OF org_id, course_id, language, audience_org_id, starts_at, ends_at, cancelled_at ON offerings
BEGIN UPDATE offerings_version SET version = version + 1; END;
CREATE TRIGGER offerings_version_offering_removed AFTER DELETE ON offerings
BEGIN UPDATE offerings_version SET version = version + 1; END;
CREATE TRIGGER offerings_version_session_added AFTER INSERT ON offering_sessions
BEGIN UPDATE offerings_version SET version = version + 1; END;
CREATE TRIGGER offerings_version_session_changed
AFTER UPDATE OF offering_id, mode, cancelled_at ON offering_sessions
BEGIN UPDATE offerings_version SET version = version + 1; END;
CREATE TRIGGER offerings_version_session_removed AFTER DELETE ON offering_sessions
BEGIN UPDATE offerings_version SET version = version + 1; END;
CREATE TRIGGER offerings_version_org_added AFTER INSERT ON orgs
BEGIN UPDATE offerings_version SET version = version + 1; END;
CREATE TRIGGER offerings_version_org_changed AFTER UPDATE OF name, kind, path ON orgs
BEGIN UPDATE offerings_version SET version = version + 1; END;
CREATE TRIGGER offerings_version_org_removed AFTER DELETE ON orgs
BEGIN UPDATE offerings_version SET version = version + 1; END;
CREATE TRIGGER offerings_version_course_changed AFTER UPDATE OF title ON courses
BEGIN UPDATE offerings_version SET version = version + 1; END;
