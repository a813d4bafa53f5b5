DROP TABLE roster_import_locks;
