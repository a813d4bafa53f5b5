-- Keep in step with ../../sqlite/2026-12-09-000100_draft_revisions/up.sql (a test compares them).
-- A draft counts its saves, so an edit made from a page opened before the
-- last save (another tab, the file editor and the page editor) is refused
-- instead of silently undoing that save: the write is conditioned on it.
ALTER TABLE course_drafts ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
