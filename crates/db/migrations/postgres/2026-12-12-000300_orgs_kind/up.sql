-- Keep in step with ../../sqlite/2026-12-12-000300_orgs_kind/up.sql (a test compares them).
-- Lists of one kind of organisation (the states a workshop search offers,
-- on every view of the list) walk this index, not all organisations.
CREATE INDEX orgs_kind ON orgs (kind, name);
