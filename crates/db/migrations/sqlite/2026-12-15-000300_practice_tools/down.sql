-- Keep in step with ../../postgres/2026-12-15-000300_practice_tools/down.sql.
CREATE INDEX challenge_reports_tool ON challenge_reports (tool_id);
DROP INDEX challenge_reports_tool_category;
DROP TABLE classroom_practice_tools;
