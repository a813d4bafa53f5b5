-- Keep in step with ../../postgres/2026-12-15-000050_practice_trial_summary/up.sql (a test compares them).
-- A practice's trial summary ("tried in 37 classrooms in 12 states (9
-- rural, 14 Title I); 30 would use it again"), kept on its row as its
-- `trials` count is: written with every report filed (`library::trials::file`,
-- `RECOUNT`), read with the row. Counting it on each view aggregated every
-- report of the practice (a quarter of the page's time at 200 reports).
-- Not among the columns the library list shows, so filing moves no
-- server's listing (`library_version`'s trigger names its columns).
ALTER TABLE classroom_practices ADD COLUMN trial_states INTEGER NOT NULL DEFAULT 0;
ALTER TABLE classroom_practices ADD COLUMN trial_rural INTEGER NOT NULL DEFAULT 0;
ALTER TABLE classroom_practices ADD COLUMN trial_title_i INTEGER NOT NULL DEFAULT 0;
ALTER TABLE classroom_practices ADD COLUMN trial_use_again INTEGER NOT NULL DEFAULT 0;
UPDATE classroom_practices SET
    trial_states = (SELECT COUNT(DISTINCT r.state_id) FROM trial_reports r
                    WHERE r.practice_id = classroom_practices.id),
    trial_rural = (SELECT COUNT(*) FROM trial_reports r
                   WHERE r.practice_id = classroom_practices.id AND r.locale = 'rural'),
    trial_title_i = (SELECT COUNT(*) FROM trial_reports r
                     WHERE r.practice_id = classroom_practices.id AND r.title_i),
    trial_use_again = (SELECT COUNT(*) FROM trial_reports r
                       WHERE r.practice_id = classroom_practices.id AND r.use_again);
