-- Competency frameworks: the default (UNESCO's AI competency framework for
-- teachers) and any imported as 1EdTech CASE. Text is kept per language
-- (NULL: not written or translated in it).
-- Keep in step with ../../postgres/2026-11-26-000001_competencies/up.sql (a test compares them).

CREATE TABLE competency_frameworks (
    id TEXT NOT NULL PRIMARY KEY,
    title_en TEXT,
    title_es TEXT,
    publisher TEXT NOT NULL,
    attribution TEXT NOT NULL,
    -- builtin | case
    source TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The levels a competency is reached at (acquire, deepen, create), in order.
CREATE TABLE competency_levels (
    framework_id TEXT NOT NULL REFERENCES competency_frameworks (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    position INTEGER NOT NULL,
    name_en TEXT,
    name_es TEXT,
    summary_en TEXT,
    summary_es TEXT,
    PRIMARY KEY (framework_id, key)
);

-- The framework's tree: aspects, competencies (or a CASE package's items).
-- Ids are stable: a new version of a framework updates its items in place,
-- and an item it no longer has is retired, never deleted, so what refers to
-- it keeps its meaning.
CREATE TABLE competencies (
    id TEXT NOT NULL PRIMARY KEY,
    framework_id TEXT NOT NULL REFERENCES competency_frameworks (id) ON DELETE CASCADE,
    parent_id TEXT,
    kind TEXT NOT NULL,
    code TEXT,
    level_key TEXT,
    position INTEGER NOT NULL,
    name_en TEXT,
    name_es TEXT,
    summary_en TEXT,
    summary_es TEXT,
    retired_at BIGINT
);
CREATE INDEX competencies_framework ON competencies (framework_id, position);
