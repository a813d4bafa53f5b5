-- A suspension belongs to the organisation of the moderator (or admin) who
-- set it and stops posting only in spaces at or below that organisation;
-- one person may have several, one per organisation. Before, one row per
-- person applied everywhere and the last one set replaced the others (a
-- school's moderator shortened a district's year to a day).
-- Existing suspensions move to the broadest organisation at which their
-- moderator moderates that covers the space where the suspension was
-- decided (the audit log's community.user_suspended entry); when that is
-- not known, to the programme root — as wide as they were.
-- Keep in step with ../../postgres/2026-12-05-000031_scoped_suspensions/up.sql (a test compares them).

ALTER TABLE suspensions RENAME TO suspensions_platform_wide;

CREATE TABLE suspensions (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES orgs (id),
    until_at BIGINT NOT NULL,
    reason TEXT NOT NULL,
    suspended_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    UNIQUE (user_id, org_id)
);

INSERT INTO suspensions (user_id, org_id, until_at, reason, suspended_by, created_at)
SELECT s.user_id,
       COALESCE(
           (SELECT m.org_id
            FROM memberships m JOIN orgs o ON o.id = m.org_id
            WHERE m.user_id = s.suspended_by
              AND m.role IN ('moderator', 'org_admin', 'programme_admin')
              AND EXISTS (
                  SELECT 1 FROM audit_log a JOIN orgs ao ON ao.id = a.org_id
                  WHERE a.action = 'community.user_suspended'
                    AND a.actor_id = s.suspended_by
                    AND a.subject_user_id = s.user_id
                    AND substr(ao.path, 1, length(o.path)) = o.path)
            ORDER BY length(o.path), o.id
            LIMIT 1),
           (SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1)),
       s.until_at, s.reason, s.suspended_by, s.created_at
FROM suspensions_platform_wide s;

DROP TABLE suspensions_platform_wide;
