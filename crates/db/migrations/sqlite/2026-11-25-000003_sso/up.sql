-- Single sign-on with OpenID Connect: providers per organisation, the
-- identities they vouch for, and sign-ins under way.
-- Keep in step with ../../postgres/2026-11-25-000003_sso/up.sql (a test compares them).

-- An OpenID provider an organisation trusts. The client secret is kept as
-- given (the database is trusted storage) and never shown again.
CREATE TABLE sso_providers (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES orgs (id),
    name TEXT NOT NULL,
    issuer TEXT NOT NULL,
    client_id TEXT NOT NULL,
    client_secret TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX sso_providers_org ON sso_providers (org_id);

-- Email domains a provider speaks for: people find it by their address, and
-- only addresses in these domains may sign in with it (at least one, each
-- held by the organisation or one inside it).
CREATE TABLE sso_provider_domains (
    provider_id BIGINT NOT NULL REFERENCES sso_providers (id) ON DELETE CASCADE,
    domain TEXT NOT NULL,
    PRIMARY KEY (provider_id, domain)
);
CREATE INDEX sso_provider_domains_domain ON sso_provider_domains (domain);

-- "Subject `subject` at this provider is this account": later sign-ins use it.
CREATE TABLE sso_identities (
    provider_id BIGINT NOT NULL REFERENCES sso_providers (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    PRIMARY KEY (provider_id, subject)
);
CREATE INDEX sso_identities_user ON sso_identities (user_id);

-- A sign-in sent to a provider and not back yet: used once, within minutes,
-- by whichever app server the browser returns to. Keyed by SHA-256 of `state`;
-- the nonce is kept as its SHA-256 too, the PKCE verifier as is (it is
-- useless without the code, which only the browser sees).
CREATE TABLE sso_logins (
    state_hash TEXT NOT NULL PRIMARY KEY,
    provider_id BIGINT NOT NULL REFERENCES sso_providers (id) ON DELETE CASCADE,
    nonce_hash TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    return_to TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sso_logins_expiry ON sso_logins (expires_at);
