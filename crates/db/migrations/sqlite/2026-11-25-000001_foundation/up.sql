-- Foundation: organisations, people, roles, sessions, tokens, the job queue, the audit log.
-- Timestamps are BIGINT microseconds since the Unix epoch, UTC (see domain::time).
-- Keep in step with ../../postgres/2026-11-25-000001_foundation/up.sql (a test compares them).

CREATE TABLE orgs (
    id INTEGER PRIMARY KEY,
    parent_id BIGINT REFERENCES orgs (id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    -- Materialised path of ids from the root, '/1/7/42/': subtrees are index ranges.
    path TEXT NOT NULL UNIQUE,
    locale TEXT,
    title_i BOOLEAN,
    poverty_band TEXT,
    enrolment INTEGER,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX orgs_parent ON orgs (parent_id, name);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    -- NULL once the account is deleted; the row stays, anonymised.
    email TEXT UNIQUE,
    email_verified_at BIGINT,
    password_hash TEXT,
    display_name TEXT NOT NULL,
    preferred_language TEXT NOT NULL,
    years_experience INTEGER,
    school_role TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT
);

CREATE TABLE user_subjects (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    PRIMARY KEY (user_id, subject)
);

CREATE TABLE user_grade_bands (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    grade_band TEXT NOT NULL,
    PRIMARY KEY (user_id, grade_band)
);

-- A person's role at a node of the tree; it covers the node's subtree.
CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES orgs (id),
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (user_id, org_id, role)
);
CREATE INDEX memberships_org ON memberships (org_id, user_id);

-- Registration rules: people whose verified email is in this domain join this org.
CREATE TABLE org_email_domains (
    domain TEXT PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX org_email_domains_org ON org_email_domains (org_id);

CREATE TABLE join_codes (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    max_uses INTEGER,
    uses INTEGER NOT NULL DEFAULT 0,
    revoked_at BIGINT
);
CREATE INDEX join_codes_org ON join_codes (org_id);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX invitations_org ON invitations (org_id, created_at);
CREATE INDEX invitations_email ON invitations (email);

-- Only the SHA-256 of a session id is stored.
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Emailed one-time links: verify email, reset password, confirm a new email.
CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    new_email TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX email_tokens_user ON email_tokens (user_id, purpose);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    expires_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Failed sign-ins per account key, so lockout holds across app servers.
CREATE TABLE login_throttle (
    account_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start BIGINT NOT NULL,
    locked_until BIGINT
);

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    run_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    -- Set while a worker holds the job; a crashed worker's lease runs out.
    locked_until BIGINT,
    last_error TEXT,
    failed_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE failed_at IS NULL;

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id BIGINT,
    action TEXT NOT NULL,
    org_id BIGINT,
    subject_user_id BIGINT,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_org ON audit_log (org_id, at);
