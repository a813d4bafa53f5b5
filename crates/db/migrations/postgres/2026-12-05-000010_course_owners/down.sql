ALTER TABLE course_drafts DROP COLUMN org_id;
DROP INDEX courses_org;
ALTER TABLE courses DROP COLUMN org_id;
