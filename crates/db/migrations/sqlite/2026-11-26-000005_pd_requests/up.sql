-- Requests for PD hours earned outside Lyceum, with their evidence, and
-- what an admin of the chosen organisation decided.
-- Keep in step with ../../postgres/2026-11-26-000005_pd_requests/up.sql (a test compares them).

CREATE TABLE pd_requests (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Whose admins are asked to approve.
    org_id BIGINT NOT NULL REFERENCES orgs (id),
    title TEXT NOT NULL,
    description TEXT,
    quarter_hours INTEGER NOT NULL,
    -- Midnight UTC of the day the activity was completed.
    completed_at BIGINT NOT NULL,
    evidence_url TEXT,
    -- An uploaded file (PDF, PNG or JPEG, at most 5 MB), kept in the
    -- database so any app server can serve it.
    evidence_name TEXT,
    evidence_type TEXT,
    evidence BLOB,
    -- pending | approved | returned | rejected
    status TEXT NOT NULL,
    review_comment TEXT,
    reviewer_id BIGINT REFERENCES users (id),
    reviewed_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX pd_requests_user ON pd_requests (user_id, created_at);
CREATE INDEX pd_requests_status ON pd_requests (status, org_id);
