-- A person's calendar feed: a secret address (`/calendar/<token>.ics`)
-- listing the sessions of every offering they hold a seat in or
-- facilitate. Only the token's SHA-256 is kept; resetting replaces it, so
-- the old address stops at once.
CREATE TABLE calendar_feeds (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

-- Reminders sent: one row per session, person and reminder (1: the first,
-- a day before by default; 2: the second, an hour before). The key makes
-- each reminder go once, however many workers sweep at the same time.
CREATE TABLE session_reminders (
    session_id BIGINT NOT NULL REFERENCES offering_sessions (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    which INTEGER NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, user_id, which)
);
CREATE INDEX session_reminders_user ON session_reminders (user_id);
