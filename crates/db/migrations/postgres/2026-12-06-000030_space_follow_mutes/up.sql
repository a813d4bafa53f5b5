-- A follower may mute a space: it stays among their spaces, and its new
-- topics no longer reach their notifications or digest. The index finds a
-- space's followers when a topic is started there (the worker's fan-out).
-- Keep in step with ../../sqlite/2026-12-06-000030_space_follow_mutes/up.sql (a test compares them).
ALTER TABLE space_follows ADD COLUMN muted_at BIGINT;
CREATE INDEX space_follows_space ON space_follows (space_id, user_id);
