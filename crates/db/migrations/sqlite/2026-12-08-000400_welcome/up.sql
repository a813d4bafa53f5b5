-- People who registered and have not yet passed the short first step
-- (their school and what they teach, skippable): a row is the step
-- waiting; finishing or skipping it deletes the row.
CREATE TABLE welcomes (
    user_id BIGINT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
