-- Keep in step with ../../postgres/2026-12-09-000201_roster_uploads/up.sql (a test compares them).
-- A roster an admin checked, kept so that "Import now" applies the same
-- files without choosing them again, on whichever app server answers:
-- for the admin who checked it, in the organisation it was checked for,
-- for an hour, once. The token is the form's, stored as its SHA-256.
CREATE TABLE roster_uploads (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    -- The files as uploaded (a zip and/or CSVs), each as its name's length
    -- (4 bytes), the name, its length (8 bytes) and its bytes.
    files BLOB NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX roster_uploads_expiry ON roster_uploads (expires_at);
