-- Every signed-in page counts the reader's unread notifications with the
-- session (the header's count): this index holds only the unread ones, so
-- the count reads a person's few unread rows, never all they ever had.
CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL;
