-- Back to one row per domain: the proven claims stay, the others go.
DELETE FROM org_email_domains WHERE verified_at IS NULL;
DROP INDEX org_email_domains_holder;
ALTER TABLE org_email_domains DROP CONSTRAINT org_email_domains_domain_org;
ALTER TABLE org_email_domains DROP CONSTRAINT org_email_domains_pkey;
ALTER TABLE org_email_domains DROP COLUMN id;
ALTER TABLE org_email_domains DROP COLUMN token;
ALTER TABLE org_email_domains DROP COLUMN verified_at;
ALTER TABLE org_email_domains DROP COLUMN verified_how;
ALTER TABLE org_email_domains DROP COLUMN verified_by;
ALTER TABLE org_email_domains ADD PRIMARY KEY (domain);
