DROP INDEX topics_pinned;
ALTER TABLE topics DROP COLUMN pinned_at;
