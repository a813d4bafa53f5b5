-- Unsubscribe links are kept as hashes, one per digest sent, so a copy of
-- the database unsubscribes nobody. The plain per-person tokens go: links
-- in digests sent before this say they are not known, and point to the
-- settings page (as on SQLite, which cannot make the hashes in SQL).
CREATE TABLE unsubscribe_links (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX unsubscribe_links_user ON unsubscribe_links (user_id);
CREATE INDEX unsubscribe_links_age ON unsubscribe_links (created_at);
ALTER TABLE digest_settings DROP COLUMN unsubscribe_token;
