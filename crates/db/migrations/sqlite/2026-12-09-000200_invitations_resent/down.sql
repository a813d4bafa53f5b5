ALTER TABLE invitations DROP COLUMN resent_at;
