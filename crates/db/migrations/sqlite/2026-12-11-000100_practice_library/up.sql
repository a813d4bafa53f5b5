-- Keep in step with ../../postgres/2026-12-11-000100_practice_library/up.sql (a test compares them).
-- The practice library: classroom practices (a classroom use of AI an
-- educator found worth sharing — not a course's practice task), the trial
-- reports of those who tried one, its ESSA evidence tier, and the resource
-- library (lesson plans, prompt templates, guidance, policy templates).

-- A classroom practice. Its columns are the published version readers see
-- (`version` > 0); until first published (`version` = 0) they carry the
-- draft's title, summary and language only, for the author's and curators'
-- lists. The working copy lives in classroom_practice_drafts.
CREATE TABLE classroom_practices (
    id INTEGER PRIMARY KEY,
    -- The owning organisation (one the author belongs to, chosen when the
    -- practice is started): its curators are programme admins and authors
    -- at or above it — never the practice's own author.
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    language TEXT NOT NULL,
    -- The version readers see and new trial reports are filed against; 0
    -- until first published.
    version INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    goal TEXT NOT NULL DEFAULT '',
    -- Markdown, sanitised when shown.
    steps TEXT NOT NULL DEFAULT '',
    -- The AI tools used, as written (the tool registry will link them).
    tools TEXT NOT NULL DEFAULT '',
    -- Time needed in class, in minutes.
    minutes INTEGER NOT NULL DEFAULT 0,
    equity_notes TEXT NOT NULL DEFAULT '',
    privacy_notes TEXT NOT NULL DEFAULT '',
    -- Why it should work (inputs, activities, outcomes): tier 4 asks for it.
    logic_model TEXT NOT NULL DEFAULT '',
    -- A `domain::library::Licence` code.
    licence TEXT NOT NULL,
    -- The published version's words, folded by the app (FTS5 / tsvector).
    search_text TEXT NOT NULL DEFAULT '',
    -- Trial reports filed (all versions), kept as they are filed.
    trials INTEGER NOT NULL DEFAULT 0,
    -- What Lyceum proposes from the reports (1–4; NULL: no tier yet) and
    -- why (a JSON list of `domain::library::tier::Reason`).
    proposed_tier INTEGER,
    proposed_reasons TEXT NOT NULL DEFAULT '[]',
    proposed_at BIGINT,
    -- The tier a curator confirmed or set instead (with a reason); NULL
    -- until one has. Readers see this one, and the proposal beside it.
    tier INTEGER,
    tier_reason TEXT,
    tier_decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    tier_decided_at BIGINT,
    -- The discussion thread made when it was first published.
    topic_id BIGINT REFERENCES topics (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT
);
CREATE INDEX classroom_practices_published ON classroom_practices (version, published_at);
CREATE INDEX classroom_practices_author ON classroom_practices (author_id);
CREATE INDEX classroom_practices_org ON classroom_practices (org_id);

-- The working copy: at most one a practice (a new practice's first, or the
-- next version of a published one).
CREATE TABLE classroom_practice_drafts (
    practice_id BIGINT PRIMARY KEY REFERENCES classroom_practices (id) ON DELETE CASCADE,
    -- A `domain::library::DraftStatus` code: draft | submitted | returned.
    status TEXT NOT NULL,
    -- JSON of `domain::library::PracticeContent`.
    content TEXT NOT NULL,
    -- Bumped by every save: a save over someone else's newer one is refused.
    revision INTEGER NOT NULL DEFAULT 1,
    -- The curator's comments when returned.
    comments TEXT,
    reviewed_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    submitted_at BIGINT,
    updated_at BIGINT NOT NULL
);
CREATE INDEX classroom_practice_drafts_status ON classroom_practice_drafts (status, submitted_at);

-- Every published version, as published (trial reports name theirs).
CREATE TABLE classroom_practice_versions (
    practice_id BIGINT NOT NULL REFERENCES classroom_practices (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    content TEXT NOT NULL,
    published_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    published_at BIGINT NOT NULL,
    PRIMARY KEY (practice_id, version)
);

-- The published version's facets.
CREATE TABLE classroom_practice_subjects (
    practice_id BIGINT NOT NULL REFERENCES classroom_practices (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    PRIMARY KEY (practice_id, subject)
);
CREATE INDEX classroom_practice_subjects_subject ON classroom_practice_subjects (subject);
CREATE TABLE classroom_practice_grade_bands (
    practice_id BIGINT NOT NULL REFERENCES classroom_practices (id) ON DELETE CASCADE,
    grade_band TEXT NOT NULL,
    PRIMARY KEY (practice_id, grade_band)
);
CREATE INDEX classroom_practice_grade_bands_band ON classroom_practice_grade_bands (grade_band);
CREATE TABLE classroom_practice_competencies (
    practice_id BIGINT NOT NULL REFERENCES classroom_practices (id) ON DELETE CASCADE,
    competency_id TEXT NOT NULL REFERENCES competencies (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (practice_id, competency_id)
);
CREATE INDEX classroom_practice_competencies_competency ON classroom_practice_competencies (competency_id);

-- People told of new trial reports.
CREATE TABLE classroom_practice_follows (
    practice_id BIGINT NOT NULL REFERENCES classroom_practices (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (practice_id, user_id)
);
CREATE INDEX classroom_practice_follows_user ON classroom_practice_follows (user_id);

-- Files of the library, kept in the database so any app server serves
-- them: a practice's materials and resources' files. Checked by their
-- bytes (`domain::evidence`) before they are stored.
CREATE TABLE library_files (
    id INTEGER PRIMARY KEY,
    -- The practice whose materials it is; NULL for a resource's file.
    practice_id BIGINT REFERENCES classroom_practices (id) ON DELETE CASCADE,
    uploaded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    bytes BLOB NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX library_files_practice ON library_files (practice_id);

-- One educator's report of trying a practice: one a person a version (a
-- second report on the same version updates theirs).
CREATE TABLE trial_reports (
    id INTEGER PRIMARY KEY,
    practice_id BIGINT NOT NULL REFERENCES classroom_practices (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    -- NULL once the reporter's account is deleted: the report stays, unnamed.
    reporter_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- The classroom, filled from the reporter's profile and school when filed.
    subject TEXT NOT NULL,
    grade_band TEXT NOT NULL,
    school_id BIGINT REFERENCES orgs (id) ON DELETE SET NULL,
    state_id BIGINT REFERENCES orgs (id) ON DELETE SET NULL,
    locale TEXT,
    title_i BOOLEAN,
    students INTEGER NOT NULL,
    periods INTEGER NOT NULL,
    -- `domain::library::Fidelity`: as_written | adapted | loosely.
    fidelity TEXT NOT NULL,
    happened TEXT NOT NULL,
    would_change TEXT NOT NULL,
    use_again BOOLEAN NOT NULL,
    -- Outcome evidence. `domain::library::Design`: none | pre_post |
    -- correlational | comparison | randomised.
    design TEXT NOT NULL,
    -- A correlational study's statistical controls for selection bias.
    controls_for_selection BOOLEAN NOT NULL DEFAULT FALSE,
    -- Students in the study, of them in the comparison (or control) group,
    -- and the schools or districts it ran in.
    sample_size INTEGER,
    comparison_size INTEGER,
    sites INTEGER,
    measure TEXT,
    -- `domain::library::EffectDirection`: positive | none | negative.
    effect_direction TEXT,
    -- The effect size (standardised mean difference) in hundredths.
    effect_size_centi INTEGER,
    significant BOOLEAN,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (practice_id, version, reporter_id)
);
CREATE INDEX trial_reports_practice ON trial_reports (practice_id, updated_at);
CREATE INDEX trial_reports_reporter ON trial_reports (reporter_id);

-- The resource library.
CREATE TABLE resources (
    id INTEGER PRIMARY KEY,
    -- The owning organisation: its authors edit it; curators feature it.
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- `domain::library::ResourceKind`.
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    language TEXT NOT NULL,
    licence TEXT NOT NULL,
    -- A link, or a file (exactly one of the two).
    url TEXT,
    file_id BIGINT REFERENCES library_files (id),
    featured_at BIGINT,
    featured_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- Ratings (1–5, one a person), kept as they change.
    rating_sum BIGINT NOT NULL DEFAULT 0,
    rating_count BIGINT NOT NULL DEFAULT 0,
    comment_count INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX resources_newest ON resources (created_at);
CREATE INDEX resources_featured ON resources (featured_at);
CREATE TABLE resource_subjects (
    resource_id BIGINT NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    PRIMARY KEY (resource_id, subject)
);
CREATE INDEX resource_subjects_subject ON resource_subjects (subject);
CREATE TABLE resource_grade_bands (
    resource_id BIGINT NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    grade_band TEXT NOT NULL,
    PRIMARY KEY (resource_id, grade_band)
);
CREATE INDEX resource_grade_bands_band ON resource_grade_bands (grade_band);
CREATE TABLE resource_competencies (
    resource_id BIGINT NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    competency_id TEXT NOT NULL REFERENCES competencies (id),
    PRIMARY KEY (resource_id, competency_id)
);
CREATE TABLE resource_ratings (
    resource_id BIGINT NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    stars INTEGER NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (resource_id, user_id)
);
CREATE TABLE resource_comments (
    id INTEGER PRIMARY KEY,
    resource_id BIGINT NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    hidden_at BIGINT
);
CREATE INDEX resource_comments_resource ON resource_comments (resource_id, id);

-- Resources linked from practices and from course lessons (a lesson by its
-- key, stable across the course's versions).
CREATE TABLE classroom_practice_resources (
    practice_id BIGINT NOT NULL REFERENCES classroom_practices (id) ON DELETE CASCADE,
    resource_id BIGINT NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (practice_id, resource_id)
);
CREATE TABLE lesson_resources (
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    lesson_key TEXT NOT NULL,
    resource_id BIGINT NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (course_id, lesson_key, resource_id)
);

-- Full text: the app folds the words (`domain::search`) into search_text.
CREATE VIRTUAL TABLE classroom_practices_fts USING fts5 (
    search_text, content = 'classroom_practices', content_rowid = 'id',
    tokenize = 'unicode61', prefix = '2 3'
);
CREATE TRIGGER classroom_practices_fts_insert AFTER INSERT ON classroom_practices BEGIN
    INSERT INTO classroom_practices_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER classroom_practices_fts_delete AFTER DELETE ON classroom_practices BEGIN
    INSERT INTO classroom_practices_fts (classroom_practices_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER classroom_practices_fts_update AFTER UPDATE OF search_text ON classroom_practices BEGIN
    INSERT INTO classroom_practices_fts (classroom_practices_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    INSERT INTO classroom_practices_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE VIRTUAL TABLE resources_fts USING fts5 (
    search_text, content = 'resources', content_rowid = 'id',
    tokenize = 'unicode61', prefix = '2 3'
);
CREATE TRIGGER resources_fts_insert AFTER INSERT ON resources BEGIN
    INSERT INTO resources_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER resources_fts_delete AFTER DELETE ON resources BEGIN
    INSERT INTO resources_fts (resources_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER resources_fts_update AFTER UPDATE OF search_text ON resources BEGIN
    INSERT INTO resources_fts (resources_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO resources_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
