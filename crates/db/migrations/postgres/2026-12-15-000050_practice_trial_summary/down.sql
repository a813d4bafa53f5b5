-- Keep in step with ../../sqlite/2026-12-15-000050_practice_trial_summary/down.sql.
ALTER TABLE classroom_practices DROP COLUMN trial_use_again;
ALTER TABLE classroom_practices DROP COLUMN trial_title_i;
ALTER TABLE classroom_practices DROP COLUMN trial_rural;
ALTER TABLE classroom_practices DROP COLUMN trial_states;
