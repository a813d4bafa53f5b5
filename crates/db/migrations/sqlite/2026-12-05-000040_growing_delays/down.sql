CREATE TABLE login_throttle (
    account_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start BIGINT NOT NULL,
    locked_until BIGINT
);
DROP TABLE throttle;
