-- Keep in step with ../../postgres/2026-12-13-000200_library_version_listed_columns/up.sql (a test compares them).
-- The library's version moves when a practice's row changes in what the
-- list shows (`library::browse::load`: its version, language, title,
-- summary, goal, trial count, tiers and first publication), not with every
-- update of the row: a row lock taken, a proposal's reasons, a linked
-- topic or a time stamp leave every server's listing as it is.
DROP TRIGGER library_practice_changed;
CREATE TRIGGER library_practice_changed AFTER UPDATE OF
    version, language, title, summary, goal, trials, tier, proposed_tier, published_at
    ON classroom_practices
BEGIN UPDATE library_version SET version = version + 1; END;
