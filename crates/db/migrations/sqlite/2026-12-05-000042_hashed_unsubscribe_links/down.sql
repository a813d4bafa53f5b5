CREATE TABLE digest_settings_old (
    user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    frequency TEXT NOT NULL,
    last_sent_at BIGINT,
    unsubscribe_token TEXT NOT NULL UNIQUE
);
INSERT INTO digest_settings_old (user_id, frequency, last_sent_at, unsubscribe_token)
    SELECT user_id, frequency, last_sent_at, 'lost-' || user_id FROM digest_settings;
DROP TABLE digest_settings;
ALTER TABLE digest_settings_old RENAME TO digest_settings;
DROP TABLE unsubscribe_links;
