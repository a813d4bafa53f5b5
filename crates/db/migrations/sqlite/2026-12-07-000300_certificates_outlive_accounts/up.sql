-- Certificates outlive their holder's account: deleting an account anonymises
-- its users row and never deletes it (accounts::delete_account), and a
-- certificate must stay verifiable by its code, so the database refuses to
-- delete a users row that certificates point at (certificates.user_id says
-- ON DELETE CASCADE). PostgreSQL changes the foreign key to RESTRICT; SQLite
-- would have to rebuild the table for that (dropping any column a migration
-- before this one added), so here a trigger refuses the delete before the
-- cascade can run.
-- Keep in step with ../../postgres/2026-12-07-000300_certificates_outlive_accounts/up.sql.

CREATE TRIGGER users_keep_certificates
BEFORE DELETE ON users
WHEN EXISTS (SELECT 1 FROM certificates WHERE user_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'certificates point at this account: anonymise it, do not delete it');
END;
