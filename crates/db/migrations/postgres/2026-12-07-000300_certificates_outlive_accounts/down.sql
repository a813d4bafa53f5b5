ALTER TABLE certificates
    DROP CONSTRAINT certificates_user_id_fkey,
    ADD CONSTRAINT certificates_user_id_fkey
        FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
