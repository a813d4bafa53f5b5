-- People at programme scale: rostering sources, deactivation, directory search.
-- Keep in step with ../../postgres/2026-11-25-000002_people_at_scale/up.sql.

-- Accounts a roster took away stay (their history counts) but cannot sign in.
ALTER TABLE users ADD COLUMN deactivated_at BIGINT;
-- Lower-cased, accent-folded "name email" that the directory searches (kept by the app).
ALTER TABLE users ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

-- One feed of OneRoster files, e.g. a district's SIS. sourcedIds are unique only within a source.
CREATE TABLE roster_sources (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES orgs (id),
    name TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_import_at BIGINT
);

-- What each sourcedId of a source became here ('org' → orgs.id, 'user' → users.id,
-- 'role' → memberships.id), with a fingerprint of the record to skip unchanged ones.
CREATE TABLE roster_links (
    source_id BIGINT NOT NULL REFERENCES roster_sources (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    sourced_id TEXT NOT NULL,
    local_id BIGINT NOT NULL,
    fingerprint BIGINT NOT NULL,
    PRIMARY KEY (source_id, kind, sourced_id)
);
CREATE INDEX roster_links_local ON roster_links (kind, local_id);

-- Memberships a roster made (NULL: made in Lyceum), so a roster removes only its own.
ALTER TABLE memberships ADD COLUMN source_id BIGINT REFERENCES roster_sources (id);

CREATE INDEX memberships_user ON memberships (user_id);
CREATE INDEX user_subjects_subject ON user_subjects (subject, user_id);
CREATE INDEX user_grade_bands_band ON user_grade_bands (grade_band, user_id);
CREATE INDEX memberships_role ON memberships (role, user_id);

-- Full-text search over search_text: external content, kept in step by triggers.
CREATE VIRTUAL TABLE users_fts USING fts5 (
    search_text,
    content = 'users',
    content_rowid = 'id',
    tokenize = 'unicode61',
    prefix = '2 3'
);
CREATE TRIGGER users_fts_insert AFTER INSERT ON users BEGIN
    INSERT INTO users_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER users_fts_delete AFTER DELETE ON users BEGIN
    INSERT INTO users_fts (users_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER users_fts_update AFTER UPDATE OF search_text ON users BEGIN
    INSERT INTO users_fts (users_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO users_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
