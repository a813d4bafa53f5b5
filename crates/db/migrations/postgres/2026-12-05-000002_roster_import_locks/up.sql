-- One roster import per organisation at a time, on any number of app
-- servers: claimed by one conditional write, held for a lease that the
-- import renews, released at its end; a lapsed lease may be taken over.
-- Keep in step with ../../sqlite/2026-12-05-000002_roster_import_locks/up.sql (a test compares them).
CREATE TABLE roster_import_locks (
    org_id BIGINT PRIMARY KEY REFERENCES orgs (id),
    holder TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
