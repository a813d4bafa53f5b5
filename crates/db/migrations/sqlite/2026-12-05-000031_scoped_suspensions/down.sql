-- Back to one platform-wide suspension per person: the one ending last.
ALTER TABLE suspensions RENAME TO suspensions_scoped;

CREATE TABLE suspensions (
    user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    until_at BIGINT NOT NULL,
    reason TEXT NOT NULL,
    suspended_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);

INSERT INTO suspensions (user_id, until_at, reason, suspended_by, created_at)
SELECT s.user_id, s.until_at, s.reason, s.suspended_by, s.created_at
FROM suspensions_scoped s
WHERE s.id = (SELECT t.id FROM suspensions_scoped t WHERE t.user_id = s.user_id
              ORDER BY t.until_at DESC, t.id DESC LIMIT 1);

DROP TABLE suspensions_scoped;
