-- Keep in step with ../../sqlite/2026-12-16-000200_radar_addressed/up.sql.
-- The triage queue and the radar's newest addressed reports
-- (`radar::queue`, `radar::addressed`) both walk one status newest first,
-- never a report merged away, within a subtree: with the path in the index
-- the subtree is checked there, so the programme's radar reads a page of
-- rows, not every report in it sorted (6 radars a second at 40,000 reports).
DROP INDEX challenge_reports_queue;
CREATE INDEX challenge_reports_by_status ON challenge_reports (status, id, org_path)
    WHERE merged_into IS NULL;
