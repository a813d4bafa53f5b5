-- Programme analytics (issue 21): how many people first reached each
-- milestone (`domain::analytics::Milestone`) each month, for every
-- organisation on their home's path and by equity segment — kept as
-- rollups, never counted from millions of rows per request.
-- Keep in step with ../../sqlite/2026-12-17-000100_reach_counts/up.sql (a test compares them).

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

-- Marking. The upsert takes the mark's row lock until the change commits,
-- so a refresh that took the mark before waits, and one that comes after
-- skips it (`FOR UPDATE SKIP LOCKED`) until the change is visible: no
-- change is ever recounted without being seen. The first mark's time is
-- kept (it says how old the oldest waiting change is).
CREATE FUNCTION reach_mark(person BIGINT) RETURNS void AS $$
BEGIN
    IF person IS NOT NULL THEN
        INSERT INTO reach_dirty (user_id, marked_at)
        VALUES (person, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
        ON CONFLICT (user_id) DO UPDATE SET marked_at = reach_dirty.marked_at;
    END IF;
END
$$ LANGUAGE plpgsql;

-- For tables whose person is `user_id`.
CREATE FUNCTION reach_mark_user_id() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM reach_mark(OLD.user_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM reach_mark(NEW.user_id); END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION reach_mark_user() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM reach_mark(OLD.id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM reach_mark(NEW.id); END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION reach_mark_author() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM reach_mark(OLD.author_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM reach_mark(NEW.author_id); END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION reach_mark_reporter() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM reach_mark(OLD.reporter_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM reach_mark(NEW.reporter_id); END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- A session moved in time moves the month its attendees first attended.
CREATE FUNCTION reach_mark_attendees() RETURNS trigger AS $$
BEGIN
    PERFORM reach_mark(a.user_id) FROM attendance a WHERE a.session_id = NEW.id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- A school's equity attributes are its people's segments; a zone, the
-- months of everyone below it; a path, where its people count.
CREATE FUNCTION reach_mark_members() RETURNS trigger AS $$
BEGIN
    PERFORM reach_mark(m.user_id)
    FROM memberships m JOIN orgs o ON o.id = m.org_id
    WHERE o.path >= NEW.path
      AND o.path < substr(NEW.path, 1, length(NEW.path) - 1) || '0';
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER reach_user_changed
    AFTER INSERT OR DELETE OR UPDATE OF years_experience, deleted_at
    ON users FOR EACH ROW EXECUTE FUNCTION reach_mark_user();
CREATE TRIGGER reach_membership_changed
    AFTER INSERT OR DELETE OR UPDATE OF user_id, org_id, role
    ON memberships FOR EACH ROW EXECUTE FUNCTION reach_mark_user_id();
CREATE TRIGGER reach_enrolment_changed
    AFTER INSERT OR DELETE OR UPDATE OF user_id, enrolled_at, completed_at
    ON enrolments FOR EACH ROW EXECUTE FUNCTION reach_mark_user_id();
CREATE TRIGGER reach_registration_changed
    AFTER INSERT OR DELETE OR UPDATE OF user_id, status
    ON registrations FOR EACH ROW EXECUTE FUNCTION reach_mark_user_id();
CREATE TRIGGER reach_attendance_changed
    AFTER INSERT OR DELETE OR UPDATE OF user_id, mark
    ON attendance FOR EACH ROW EXECUTE FUNCTION reach_mark_user_id();
CREATE TRIGGER reach_ledger_changed
    AFTER INSERT OR DELETE OR UPDATE OF user_id, source, quarter_hours, earned_at
    ON pd_ledger FOR EACH ROW EXECUTE FUNCTION reach_mark_user_id();
CREATE TRIGGER reach_certificate_changed
    AFTER INSERT OR DELETE OR UPDATE OF user_id, issued_at, revoked_at
    ON certificates FOR EACH ROW EXECUTE FUNCTION reach_mark_user_id();
CREATE TRIGGER reach_practice_changed
    AFTER INSERT OR DELETE OR UPDATE OF author_id, published_at
    ON classroom_practices FOR EACH ROW EXECUTE FUNCTION reach_mark_author();
CREATE TRIGGER reach_trial_changed
    AFTER INSERT OR DELETE OR UPDATE OF reporter_id
    ON trial_reports FOR EACH ROW EXECUTE FUNCTION reach_mark_reporter();
CREATE TRIGGER reach_session_moved
    AFTER UPDATE OF starts_at
    ON offering_sessions FOR EACH ROW EXECUTE FUNCTION reach_mark_attendees();
-- (An edit writes every column: only a real change marks anyone.)
CREATE TRIGGER reach_org_changed
    AFTER UPDATE OF parent_id, path, locale, title_i, poverty_band, time_zone
    ON orgs FOR EACH ROW
    WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id OR OLD.path IS DISTINCT FROM NEW.path
        OR OLD.locale IS DISTINCT FROM NEW.locale OR OLD.title_i IS DISTINCT FROM NEW.title_i
        OR OLD.poverty_band IS DISTINCT FROM NEW.poverty_band
        OR OLD.time_zone IS DISTINCT FROM NEW.time_zone)
    EXECUTE FUNCTION reach_mark_members();
