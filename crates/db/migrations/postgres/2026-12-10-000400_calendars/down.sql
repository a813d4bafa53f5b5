DROP TABLE session_reminders;
DROP TABLE calendar_feeds;
