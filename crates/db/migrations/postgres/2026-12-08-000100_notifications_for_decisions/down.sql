ALTER TABLE digest_settings DROP COLUMN decisions;
DELETE FROM notifications WHERE topic_id IS NULL;
ALTER TABLE notifications DROP COLUMN extra_link;
ALTER TABLE notifications DROP COLUMN link;
ALTER TABLE notifications DROP COLUMN subject;
ALTER TABLE notifications ALTER COLUMN topic_id SET NOT NULL;
