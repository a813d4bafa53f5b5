-- Keep in step with ../../sqlite/2026-12-13-000100_practice_revisions/up.sql (a test compares them).
-- A practice's draft revisions never repeat: each version keeps the
-- revision of the draft it was published from, and the next version's
-- draft counts on from there. A curator's page read of an older draft
-- (revision 1 of version 1) then never matches a newer one (which used to
-- start at revision 1 again), so nobody publishes what they never read.
-- Versions published before this keep 0.
ALTER TABLE classroom_practice_versions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
