-- Keep in step with ../../sqlite/2026-12-12-000200_offerings_audience/up.sql (a test compares them).
-- Finding offerings: a reader sees those open to everyone (no audience)
-- and those whose audience is one of their organisations or above. Each
-- of those few audiences is then a short walk of the offerings not over,
-- instead of a walk of every offering ever held in start order.
CREATE INDEX offerings_audience ON offerings (audience_org_id, ends_at);
