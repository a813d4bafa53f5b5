DROP TRIGGER library_practice_changed ON classroom_practices;
CREATE TRIGGER library_practice_changed AFTER INSERT OR DELETE OR UPDATE ON classroom_practices
    FOR EACH STATEMENT EXECUTE FUNCTION library_changed();
ALTER TABLE classroom_practices ENABLE ALWAYS TRIGGER library_practice_changed;
