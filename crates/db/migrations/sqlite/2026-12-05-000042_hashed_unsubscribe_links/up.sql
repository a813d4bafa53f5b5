-- Unsubscribe links are kept as hashes, one per digest sent, so a copy of
-- the database unsubscribes nobody. The plain per-person tokens go: links
-- in digests sent before this say they are not known, and point to the
-- settings page (the hashes cannot be made from SQL here).
CREATE TABLE unsubscribe_links (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX unsubscribe_links_user ON unsubscribe_links (user_id);
CREATE INDEX unsubscribe_links_age ON unsubscribe_links (created_at);
CREATE TABLE digest_settings_new (
    user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- off | daily | weekly
    frequency TEXT NOT NULL,
    last_sent_at BIGINT
);
INSERT INTO digest_settings_new (user_id, frequency, last_sent_at)
    SELECT user_id, frequency, last_sent_at FROM digest_settings;
DROP TABLE digest_settings;
ALTER TABLE digest_settings_new RENAME TO digest_settings;
