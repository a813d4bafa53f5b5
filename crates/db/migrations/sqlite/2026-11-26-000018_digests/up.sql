-- Email digests of unread notifications: how often each person wants one
-- (no row: weekly), when the last went, and the token of its one-click
-- unsubscribe link (it can only turn digests off, so it is kept as is).
-- Keep in step with ../../postgres/2026-11-26-000018_digests/up.sql (a test compares them).

CREATE TABLE digest_settings (
    user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- off | daily | weekly
    frequency TEXT NOT NULL,
    last_sent_at BIGINT,
    unsubscribe_token TEXT NOT NULL UNIQUE
);
CREATE INDEX notifications_unread ON notifications (read_at, created_at);
