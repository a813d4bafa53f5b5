-- Secrets still marked plain lose the mark. Those already encrypted stay so:
-- SQL cannot decrypt them, so their providers need their secrets again.
UPDATE sso_providers SET client_secret = substr(client_secret, 7)
WHERE client_secret LIKE 'plain:%';
