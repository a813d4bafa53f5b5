-- Join codes are kept as the SHA-256 of their normalised form, like every
-- other secret, and named in lists by their last two characters. Each has
-- an expiry and a use limit. Codes made before were too short (about 40
-- bits) and could carry admin rights; they are removed, not converted —
-- their admins make new ones.
-- Keep in step with ../../postgres/2026-12-05-000011_hashed_join_codes/up.sql (a test compares them).

DROP TABLE join_codes;
CREATE TABLE join_codes (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL UNIQUE,
    code_hint TEXT NOT NULL,
    role TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    max_uses INTEGER NOT NULL,
    uses INTEGER NOT NULL DEFAULT 0,
    revoked_at BIGINT
);
CREATE INDEX join_codes_org ON join_codes (org_id);
