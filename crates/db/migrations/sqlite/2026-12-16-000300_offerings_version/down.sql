-- Keep in step with ../../postgres/2026-12-16-000300_offerings_version/down.sql.
DROP TRIGGER offerings_version_offering_added;
DROP TRIGGER offerings_version_offering_changed;
DROP TRIGGER offerings_version_offering_removed;
DROP TRIGGER offerings_version_session_added;
DROP TRIGGER offerings_version_session_changed;
DROP TRIGGER offerings_version_session_removed;
DROP TRIGGER offerings_version_org_added;
DROP TRIGGER offerings_version_org_changed;
DROP TRIGGER offerings_version_org_removed;
DROP TRIGGER offerings_version_course_changed;
DROP TABLE offerings_version;
