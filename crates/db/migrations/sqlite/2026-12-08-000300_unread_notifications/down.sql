DROP INDEX notifications_user_unread;
