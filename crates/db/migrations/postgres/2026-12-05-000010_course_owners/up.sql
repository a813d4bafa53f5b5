-- Courses belong to an organisation: its authors (and those above it) write
-- and publish them, nobody else. Drafts carry the organisation that owns
-- the course they would publish. Courses from before belong to the
-- programme, as do drafts of new courses from before (their authors were
-- programme-wide then). Without a programme yet, the owner is 0, which
-- the code reads as the programme: the most guarded owner there is.
-- Keep in step with ../../sqlite/2026-12-05-000010_course_owners/up.sql (a test compares them).

ALTER TABLE courses ADD COLUMN org_id BIGINT NOT NULL DEFAULT 0;
UPDATE courses SET org_id = COALESCE((SELECT min(id) FROM orgs WHERE parent_id IS NULL), 0);
CREATE INDEX courses_org ON courses (org_id);

ALTER TABLE course_drafts ADD COLUMN org_id BIGINT NOT NULL DEFAULT 0;
UPDATE course_drafts SET org_id = COALESCE(
    (SELECT c.org_id FROM courses c WHERE c.slug = course_drafts.slug),
    (SELECT min(id) FROM orgs WHERE parent_id IS NULL),
    0
);
ALTER TABLE courses ALTER COLUMN org_id DROP DEFAULT;
ALTER TABLE course_drafts ALTER COLUMN org_id DROP DEFAULT;
