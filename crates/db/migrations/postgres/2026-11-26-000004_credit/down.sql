DROP TABLE certificates;
DROP INDEX pd_ledger_user;
DROP TABLE pd_ledger;
