ALTER TABLE digest_settings ADD COLUMN unsubscribe_token TEXT;
UPDATE digest_settings SET unsubscribe_token = 'lost-' || user_id;
ALTER TABLE digest_settings ALTER COLUMN unsubscribe_token SET NOT NULL;
ALTER TABLE digest_settings ADD CONSTRAINT digest_settings_unsubscribe_token_key UNIQUE (unsubscribe_token);
DROP TABLE unsubscribe_links;
