-- Keep in step with ../../postgres/2026-12-10-000600_offerings_upcoming/up.sql (a test compares them).
-- Finding offerings lists those not over yet (ends_at from now), soonest
-- first: this index walks only those, however many lie in the past.
CREATE INDEX offerings_upcoming ON offerings (ends_at, starts_at);
