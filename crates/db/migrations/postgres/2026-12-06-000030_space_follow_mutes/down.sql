DROP INDEX space_follows_space;
ALTER TABLE space_follows DROP COLUMN muted_at;
