DROP INDEX certificates_offering;
DELETE FROM certificates WHERE course_id IS NULL;
ALTER TABLE certificates DROP COLUMN offering_id;
ALTER TABLE certificates ALTER COLUMN course_id SET NOT NULL;
