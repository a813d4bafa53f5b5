-- Back to one row per domain: the proven claims stay, the others go.
CREATE TABLE org_email_domains_old (
    domain TEXT PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
INSERT INTO org_email_domains_old (domain, org_id, created_at)
SELECT domain, org_id, created_at FROM org_email_domains WHERE verified_at IS NOT NULL;
DROP TABLE org_email_domains;
ALTER TABLE org_email_domains_old RENAME TO org_email_domains;
CREATE INDEX org_email_domains_org ON org_email_domains (org_id);
