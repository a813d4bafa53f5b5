-- Keep in step with ../../sqlite/2026-12-13-000300_library_spaces/up.sql (a test compares them).
-- The programme's "Practice library" space, where each published practice
-- gets its discussion topic: one per root organisation, by this key. The
-- publication that first inserts the key makes the space; another at the
-- same instant waits for that key and then reads the space, where two
-- found-or-created by title could make two. The space found by its title
-- until now is kept.
CREATE TABLE library_spaces (
    org_id BIGINT PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
    -- NULL only inside the transaction that claimed the key and makes the
    -- space; a space deleted takes its key with it (the next publication
    -- makes another).
    space_id BIGINT REFERENCES spaces (id) ON DELETE CASCADE
);
INSERT INTO library_spaces (org_id, space_id)
SELECT org_id, MIN(id) FROM spaces
WHERE title = 'Practice library' AND offering_id IS NULL
    AND org_id IN (SELECT id FROM orgs WHERE parent_id IS NULL)
GROUP BY org_id;
