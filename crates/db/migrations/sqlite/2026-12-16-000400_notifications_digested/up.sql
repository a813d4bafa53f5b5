-- Whether a notification was listed in (or passed over by) an email
-- digest. The sweep used to take what was dated after the last digest, but
-- fan-out jobs date a notification when its event happened, which can be
-- before a digest that ran while the job waited: such a notification was
-- never sent. Now each is taken once, whenever it was written.
-- Keep in step with ../../postgres/2026-12-16-000400_notifications_digested/up.sql (a test compares them).
ALTER TABLE notifications ADD COLUMN digested BOOLEAN NOT NULL DEFAULT FALSE;
-- What the digests sent so far covered.
UPDATE notifications SET digested = TRUE
WHERE created_at <= (
    SELECT last_sent_at FROM digest_settings WHERE digest_settings.user_id = notifications.user_id
);
