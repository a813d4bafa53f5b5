-- Keep in step with ../../postgres/2026-12-09-000200_invitations_resent/up.sql (a test compares them).
-- An admin may send an invitation again (a new link, the old one void),
-- at most once every ten minutes: when it last went out again.
ALTER TABLE invitations ADD COLUMN resent_at BIGINT;
