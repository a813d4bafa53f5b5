-- An email domain counts (for registration and for sign-in providers) only
-- once its organisation proves it: a TXT record Lyceum finds, or a
-- programme admin's approval. A claim no longer blocks other
-- organisations; the first to prove a domain holds it.
-- Keep in step with ../../postgres/2026-12-05-000021_domain_proof/up.sql.
CREATE TABLE org_email_domains_proof (
    id INTEGER PRIMARY KEY,
    domain TEXT NOT NULL,
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    -- Published as lyceum-domain-verification=<token> at _lyceum.<domain>:
    -- public by design, so kept as it is.
    token TEXT NOT NULL,
    verified_at BIGINT,
    -- dns, approval or migration (lyceum_domain::domain_proof::DomainProof).
    verified_how TEXT,
    verified_by BIGINT REFERENCES users (id),
    UNIQUE (domain, org_id)
);
-- Domains listed before proof was required were accepted under the old
-- rules: they stay proven, marked so (asking for proof of them at once would
-- lock whole districts out of registration and sign-in).
INSERT INTO org_email_domains_proof (domain, org_id, created_at, token, verified_at, verified_how)
SELECT domain, org_id, created_at, lower(hex(randomblob(16))), created_at, 'migration'
FROM org_email_domains;
DROP TABLE org_email_domains;
ALTER TABLE org_email_domains_proof RENAME TO org_email_domains;
CREATE INDEX org_email_domains_org ON org_email_domains (org_id);
-- One holder per domain: of two organisations proving it at once, one wins.
CREATE UNIQUE INDEX org_email_domains_holder ON org_email_domains (domain)
WHERE verified_at IS NOT NULL;
