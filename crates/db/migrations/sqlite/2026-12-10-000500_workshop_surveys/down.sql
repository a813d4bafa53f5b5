DROP INDEX spaces_offering;
ALTER TABLE spaces DROP COLUMN offering_id;
DROP TABLE survey_answered;
DROP TABLE survey_answers;
DROP TABLE offering_surveys;
