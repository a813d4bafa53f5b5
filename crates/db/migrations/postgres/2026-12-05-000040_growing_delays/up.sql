-- Attempts counted per key (an account, a client's network, a join-code
-- guesser), so growing delays hold across app servers. Replaces the hard
-- lock of login_throttle.
CREATE TABLE throttle (
    throttle_key TEXT PRIMARY KEY,
    attempts INTEGER NOT NULL,
    window_start BIGINT NOT NULL,
    next_at BIGINT NOT NULL
);
CREATE INDEX throttle_window ON throttle (window_start);
DROP TABLE login_throttle;
