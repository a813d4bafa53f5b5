-- Rosters govern only what they made (security rule 4: people own their accounts).
-- Keep in step with ../../sqlite/2026-12-05-000001_roster_ownership/up.sql (a test compares them).

-- The roster source that created the account (NULL: registered, invited,
-- seeded, or created before this was kept). Only that source may refresh
-- the account's name, or link it again when it has no role left.
ALTER TABLE users ADD COLUMN source_id BIGINT;
