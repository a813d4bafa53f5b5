-- Keep in step with ../../postgres/2026-12-08-000500_flag_categories/up.sql (a test compares them).
-- A report says what kind of problem it is (spam, harassment, private
-- information about a student, off-topic, other), so moderators see at a
-- glance what to look at first. Reports from before had only words: other.
ALTER TABLE flags ADD COLUMN category TEXT NOT NULL DEFAULT 'other';
