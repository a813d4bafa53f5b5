-- API tokens get scopes: "read" (safe requests only) or "read write".
-- Tokens made before scopes existed could do everything, so they keep
-- both. Tokens without an expiry are given one (90 days from the first
-- start after this migration) by lyceum_db::migrate, which has the clock.
-- Keep in step with ../../sqlite/2026-12-05-000030_api_token_scopes/up.sql (a test compares them).

ALTER TABLE api_tokens ADD COLUMN scopes TEXT NOT NULL DEFAULT 'read write';
