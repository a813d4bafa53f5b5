-- Keep in step with ../../sqlite/2026-12-16-000300_offerings_version/down.sql.
DROP TRIGGER offerings_version_offering_changed ON offerings;
DROP TRIGGER offerings_version_session_changed ON offering_sessions;
DROP TRIGGER offerings_version_org_changed ON orgs;
DROP TRIGGER offerings_version_course_changed ON courses;
DROP FUNCTION offerings_changed();
DROP TABLE offerings_version;
