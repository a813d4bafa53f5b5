-- Keep in step with ../../sqlite/2026-12-16-000100_programme_settings/up.sql.
-- The programme's own settings, one row per key (`db::programme_settings`
-- reads and writes them, typed): a key without a row has its default.
-- Changed by programme admins only, each change audited with old and new.
CREATE TABLE programme_settings (
    key TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users (id)
);
