-- Pinned topics: shown first in their space, newest pin first.
-- Keep in step with ../../postgres/2026-11-26-000019_pins/up.sql (a test compares them).

ALTER TABLE topics ADD COLUMN pinned_at BIGINT;
CREATE INDEX topics_pinned ON topics (space_id, pinned_at);
