-- Client secrets of sign-in providers are encrypted from now on, with a key
-- kept outside the database (lyceum_domain::secrets). SQL cannot encrypt:
-- this marks the secrets stored so far as plain text, and the server seals
-- them with its key when it starts (lyceum_db::sso::seal_stored).
UPDATE sso_providers SET client_secret = 'plain:' || client_secret;
