ALTER TABLE course_drafts DROP COLUMN revision;
