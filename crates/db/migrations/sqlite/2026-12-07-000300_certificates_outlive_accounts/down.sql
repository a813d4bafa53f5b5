DROP TRIGGER users_keep_certificates;
