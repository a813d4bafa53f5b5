-- Programme analytics (issue 21): how many people first reached each
-- milestone (`domain::analytics::Milestone`) each month, for every
-- organisation on their home's path and by equity segment — kept as
-- rollups, never counted from millions of rows per request.
-- Keep in step with ../../postgres/2026-12-17-000100_reach_counts/up.sql (a test compares them).

-- People whose counts may be out of date: marked by the triggers below in
-- the transaction of any change that can move a milestone, a home or a
-- segment; `db::analytics::refresh` recounts them and takes the mark.
-- No foreign key: a person deleted must be recounted, to nothing.
CREATE TABLE reach_dirty (
    user_id BIGINT PRIMARY KEY,
    marked_at BIGINT NOT NULL
);
CREATE INDEX reach_dirty_oldest ON reach_dirty (marked_at);

-- What each person counts as now: where (their home's path) and in which
-- segment of each dimension (`unknown` where not said).
CREATE TABLE reach_people (
    user_id BIGINT PRIMARY KEY,
    org_path TEXT NOT NULL,
    locale TEXT NOT NULL,
    title_i TEXT NOT NULL,
    poverty TEXT NOT NULL,
    experience TEXT NOT NULL
);

-- The month (`YYYY-MM`, in their home's zone) each of their milestones
-- first happened, as counted.
CREATE TABLE reach_milestones (
    user_id BIGINT NOT NULL,
    milestone TEXT NOT NULL,
    month TEXT NOT NULL,
    PRIMARY KEY (user_id, milestone)
);

-- The rollup: people whose home is the organisation or below it, of one
-- dimension's value, who first reached a milestone in a month.
CREATE TABLE reach_counts (
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    milestone TEXT NOT NULL,
    month TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (org_id, dimension, value, milestone, month)
);

-- Marking. The time is the database's, in microseconds (seconds precision
-- is enough: it says how old the oldest waiting change is).
CREATE TRIGGER reach_user_added AFTER INSERT ON users
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (NEW.id, strftime('%s', 'now') * 1000000); END;
CREATE TRIGGER reach_user_changed AFTER UPDATE OF years_experience, deleted_at ON users
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (NEW.id, strftime('%s', 'now') * 1000000); END;
CREATE TRIGGER reach_user_removed AFTER DELETE ON users
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (OLD.id, strftime('%s', 'now') * 1000000); END;

CREATE TRIGGER reach_membership_added AFTER INSERT ON memberships
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (NEW.user_id, strftime('%s', 'now') * 1000000); END;
CREATE TRIGGER reach_membership_changed AFTER UPDATE OF user_id, org_id, role ON memberships
BEGIN
    INSERT OR IGNORE INTO reach_dirty VALUES (OLD.user_id, strftime('%s', 'now') * 1000000);
    INSERT OR IGNORE INTO reach_dirty VALUES (NEW.user_id, strftime('%s', 'now') * 1000000);
END;
CREATE TRIGGER reach_membership_removed AFTER DELETE ON memberships
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (OLD.user_id, strftime('%s', 'now') * 1000000); END;

CREATE TRIGGER reach_enrolment_added AFTER INSERT ON enrolments
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (NEW.user_id, strftime('%s', 'now') * 1000000); END;
CREATE TRIGGER reach_enrolment_changed AFTER UPDATE OF user_id, enrolled_at, completed_at ON enrolments
BEGIN
    INSERT OR IGNORE INTO reach_dirty VALUES (OLD.user_id, strftime('%s', 'now') * 1000000);
    INSERT OR IGNORE INTO reach_dirty VALUES (NEW.user_id, strftime('%s', 'now') * 1000000);
END;
CREATE TRIGGER reach_enrolment_removed AFTER DELETE ON enrolments
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (OLD.user_id, strftime('%s', 'now') * 1000000); END;

CREATE TRIGGER reach_registration_added AFTER INSERT ON registrations
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (NEW.user_id, strftime('%s', 'now') * 1000000); END;
CREATE TRIGGER reach_registration_changed AFTER UPDATE OF user_id, status ON registrations
BEGIN
    INSERT OR IGNORE INTO reach_dirty VALUES (OLD.user_id, strftime('%s', 'now') * 1000000);
    INSERT OR IGNORE INTO reach_dirty VALUES (NEW.user_id, strftime('%s', 'now') * 1000000);
END;
CREATE TRIGGER reach_registration_removed AFTER DELETE ON registrations
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (OLD.user_id, strftime('%s', 'now') * 1000000); END;

CREATE TRIGGER reach_attendance_added AFTER INSERT ON attendance
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (NEW.user_id, strftime('%s', 'now') * 1000000); END;
CREATE TRIGGER reach_attendance_changed AFTER UPDATE OF user_id, mark ON attendance
BEGIN
    INSERT OR IGNORE INTO reach_dirty VALUES (OLD.user_id, strftime('%s', 'now') * 1000000);
    INSERT OR IGNORE INTO reach_dirty VALUES (NEW.user_id, strftime('%s', 'now') * 1000000);
END;
CREATE TRIGGER reach_attendance_removed AFTER DELETE ON attendance
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (OLD.user_id, strftime('%s', 'now') * 1000000); END;

CREATE TRIGGER reach_ledger_added AFTER INSERT ON pd_ledger
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (NEW.user_id, strftime('%s', 'now') * 1000000); END;
CREATE TRIGGER reach_ledger_changed AFTER UPDATE OF user_id, source, quarter_hours, earned_at ON pd_ledger
BEGIN
    INSERT OR IGNORE INTO reach_dirty VALUES (OLD.user_id, strftime('%s', 'now') * 1000000);
    INSERT OR IGNORE INTO reach_dirty VALUES (NEW.user_id, strftime('%s', 'now') * 1000000);
END;
CREATE TRIGGER reach_ledger_removed AFTER DELETE ON pd_ledger
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (OLD.user_id, strftime('%s', 'now') * 1000000); END;

CREATE TRIGGER reach_certificate_added AFTER INSERT ON certificates
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (NEW.user_id, strftime('%s', 'now') * 1000000); END;
CREATE TRIGGER reach_certificate_changed AFTER UPDATE OF user_id, issued_at, revoked_at ON certificates
BEGIN
    INSERT OR IGNORE INTO reach_dirty VALUES (OLD.user_id, strftime('%s', 'now') * 1000000);
    INSERT OR IGNORE INTO reach_dirty VALUES (NEW.user_id, strftime('%s', 'now') * 1000000);
END;
CREATE TRIGGER reach_certificate_removed AFTER DELETE ON certificates
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (OLD.user_id, strftime('%s', 'now') * 1000000); END;

-- A practice shared counts for its author once published.
CREATE TRIGGER reach_practice_added AFTER INSERT ON classroom_practices
WHEN NEW.author_id IS NOT NULL
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (NEW.author_id, strftime('%s', 'now') * 1000000); END;
CREATE TRIGGER reach_practice_changed AFTER UPDATE OF author_id, published_at ON classroom_practices
BEGIN
    INSERT OR IGNORE INTO reach_dirty
        SELECT OLD.author_id, strftime('%s', 'now') * 1000000 WHERE OLD.author_id IS NOT NULL;
    INSERT OR IGNORE INTO reach_dirty
        SELECT NEW.author_id, strftime('%s', 'now') * 1000000 WHERE NEW.author_id IS NOT NULL;
END;
CREATE TRIGGER reach_practice_removed AFTER DELETE ON classroom_practices
WHEN OLD.author_id IS NOT NULL
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (OLD.author_id, strftime('%s', 'now') * 1000000); END;

CREATE TRIGGER reach_trial_added AFTER INSERT ON trial_reports
WHEN NEW.reporter_id IS NOT NULL
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (NEW.reporter_id, strftime('%s', 'now') * 1000000); END;
CREATE TRIGGER reach_trial_changed AFTER UPDATE OF reporter_id ON trial_reports
BEGIN
    INSERT OR IGNORE INTO reach_dirty
        SELECT OLD.reporter_id, strftime('%s', 'now') * 1000000 WHERE OLD.reporter_id IS NOT NULL;
    INSERT OR IGNORE INTO reach_dirty
        SELECT NEW.reporter_id, strftime('%s', 'now') * 1000000 WHERE NEW.reporter_id IS NOT NULL;
END;
CREATE TRIGGER reach_trial_removed AFTER DELETE ON trial_reports
WHEN OLD.reporter_id IS NOT NULL
BEGIN INSERT OR IGNORE INTO reach_dirty VALUES (OLD.reporter_id, strftime('%s', 'now') * 1000000); END;

-- A session moved in time moves the month its attendees first attended.
CREATE TRIGGER reach_session_moved AFTER UPDATE OF starts_at ON offering_sessions
BEGIN
    INSERT OR IGNORE INTO reach_dirty
        SELECT user_id, strftime('%s', 'now') * 1000000 FROM attendance WHERE session_id = NEW.id;
END;

-- A school's equity attributes are its people's segments; a zone, the
-- months of everyone below it; a path, where its people count.
-- (An edit writes every column: only a real change marks anyone.)
CREATE TRIGGER reach_org_changed
AFTER UPDATE OF parent_id, path, locale, title_i, poverty_band, time_zone ON orgs
WHEN OLD.parent_id IS NOT NEW.parent_id OR OLD.path IS NOT NEW.path
    OR OLD.locale IS NOT NEW.locale OR OLD.title_i IS NOT NEW.title_i
    OR OLD.poverty_band IS NOT NEW.poverty_band OR OLD.time_zone IS NOT NEW.time_zone
BEGIN
    INSERT OR IGNORE INTO reach_dirty
        SELECT m.user_id, strftime('%s', 'now') * 1000000
        FROM memberships m JOIN orgs o ON o.id = m.org_id
        WHERE o.path >= NEW.path AND o.path < substr(NEW.path, 1, length(NEW.path) - 1) || '0';
END;
