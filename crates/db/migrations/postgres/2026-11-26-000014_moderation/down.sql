DROP TABLE suspensions;
DROP INDEX flags_open;
DROP TABLE flags;
ALTER TABLE notifications DROP COLUMN note;
ALTER TABLE posts DROP COLUMN hidden_reason;
ALTER TABLE posts DROP COLUMN hidden_at;
