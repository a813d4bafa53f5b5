-- Keep in step with ../../postgres/2026-12-16-000400_notifications_digested/down.sql.
ALTER TABLE notifications DROP COLUMN digested;
