DROP INDEX sso_logins_expiry;
DROP TABLE sso_logins;
DROP INDEX sso_identities_user;
DROP TABLE sso_identities;
DROP INDEX sso_provider_domains_domain;
DROP TABLE sso_provider_domains;
DROP INDEX sso_providers_org;
DROP TABLE sso_providers;
