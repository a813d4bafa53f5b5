-- Certificates outlive their holder's account: deleting an account anonymises
-- its users row and never deletes it (accounts::delete_account), and a
-- certificate must stay verifiable by its code, so the database refuses to
-- delete a users row that certificates point at (it was ON DELETE CASCADE).
-- Keep in step with ../../sqlite/2026-12-07-000300_certificates_outlive_accounts/up.sql.

ALTER TABLE certificates
    DROP CONSTRAINT certificates_user_id_fkey,
    ADD CONSTRAINT certificates_user_id_fkey
        FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT;
