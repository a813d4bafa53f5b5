DROP TRIGGER library_practice_changed;
CREATE TRIGGER library_practice_changed AFTER UPDATE ON classroom_practices
BEGIN UPDATE library_version SET version = version + 1; END;
