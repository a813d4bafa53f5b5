-- Keep in step with ../../sqlite/2026-12-15-000300_practice_tools/up.sql.
-- The registry's tools a classroom practice uses (the practice's free-text
-- "tools" stays as the author wrote it); a tool's page lists its practices.
CREATE TABLE classroom_practice_tools (
    practice_id BIGINT NOT NULL REFERENCES classroom_practices (id) ON DELETE CASCADE,
    tool_id BIGINT NOT NULL REFERENCES ai_tools (id) ON DELETE CASCADE,
    PRIMARY KEY (practice_id, tool_id)
);
CREATE INDEX classroom_practice_tools_tool ON classroom_practice_tools (tool_id, practice_id);
-- A tool's challenges by category, read from the index alone.
CREATE INDEX challenge_reports_tool_category
    ON challenge_reports (tool_id, merged_into, category);
DROP INDEX challenge_reports_tool;
