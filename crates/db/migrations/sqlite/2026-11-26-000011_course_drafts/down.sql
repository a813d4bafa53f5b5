DROP INDEX course_drafts_status;
DROP INDEX course_drafts_author;
DROP TABLE course_drafts;
