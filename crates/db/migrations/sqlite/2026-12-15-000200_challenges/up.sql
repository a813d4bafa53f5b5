-- Keep in step with ../../postgres/2026-12-15-000200_challenges/up.sql (a test compares them).
-- The challenge radar (issue 20): educators' reports of the problems they
-- meet with AI in class, their triage, and the radar's counts, kept as
-- reports are filed and merged.

-- A report. The reporter is kept even when anonymous (programme admins
-- may learn who it was, and the reporter is told when it is addressed);
-- `db::radar` reads an anonymous report for anyone else without it.
CREATE TABLE challenge_reports (
    id INTEGER PRIMARY KEY,
    -- NULL once the reporter's account is deleted: the report stays, unnamed.
    reporter_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    anonymous BOOLEAN NOT NULL,
    -- `domain::radar::Category`, `domain::radar::Severity`.
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    tool_id BIGINT REFERENCES ai_tools (id) ON DELETE SET NULL,
    -- `domain::profile::Subject`, `domain::profile::GradeBand`.
    subject TEXT NOT NULL,
    grade_band TEXT NOT NULL,
    happened TEXT NOT NULL,
    tried TEXT NOT NULL,
    -- Where the reporter taught when they filed it (`library::trials::place_of`).
    school_id BIGINT REFERENCES orgs (id) ON DELETE SET NULL,
    state_id BIGINT REFERENCES orgs (id) ON DELETE SET NULL,
    locale TEXT,
    title_i BOOLEAN,
    -- The organisation it was filed from (the school, else the reporter's
    -- deepest membership, else the programme): admins there and above
    -- triage it, and it is counted at every node of this path.
    org_path TEXT NOT NULL,
    -- The month it counts in, `YYYY-MM` in that organisation's zone.
    month TEXT NOT NULL,
    -- `domain::radar::Status`.
    status TEXT NOT NULL,
    -- A JSON array of at most five short words.
    tags TEXT NOT NULL,
    -- The report this one was merged into, as a duplicate: no longer counted.
    merged_into BIGINT REFERENCES challenge_reports (id),
    -- What answered it (`domain::radar::Answer`): the kind, the id it
    -- names, the lesson's key or the guidance written.
    answer_kind TEXT,
    answer_id BIGINT,
    answer_text TEXT,
    triaged_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX challenge_reports_queue ON challenge_reports (status, id);
CREATE INDEX challenge_reports_from ON challenge_reports (org_path, id);
CREATE INDEX challenge_reports_reporter ON challenge_reports (reporter_id);
CREATE INDEX challenge_reports_merged ON challenge_reports (merged_into);
CREATE INDEX challenge_reports_tool ON challenge_reports (tool_id);

-- The radar's counts: reports (not merged away) per organisation on their
-- path, month and one dimension's value (`domain::radar::Dimension`: a
-- category, grade band, locale or Title I status, `unknown` when the
-- school did not say), moved in the transaction of each filing and merge.
CREATE TABLE challenge_counts (
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    dimension TEXT NOT NULL,
    month TEXT NOT NULL,
    value TEXT NOT NULL,
    n BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, dimension, month, value)
);
