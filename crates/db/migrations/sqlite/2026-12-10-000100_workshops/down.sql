DROP INDEX pd_ledger_offering;
ALTER TABLE pd_ledger DROP COLUMN offering_id;
DROP TABLE attendance;
DROP TABLE registrations;
DROP TABLE offering_sessions;
DROP TABLE offering_facilitators;
DROP TABLE offering_competencies;
DROP TABLE offerings;
