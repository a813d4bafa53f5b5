DROP INDEX notifications_unread;
DROP TABLE digest_settings;
