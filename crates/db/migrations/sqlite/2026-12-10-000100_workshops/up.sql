-- Keep in step with ../../postgres/2026-12-10-000100_workshops/up.sql (a test compares them).
-- Workshops: an offering is a cohort run of a course or a standalone
-- workshop, organised by an organisation, led by facilitators, held in one
-- or more sessions; people register for a seat or a place on its waitlist.

CREATE TABLE offerings (
    id INTEGER PRIMARY KEY,
    -- The organising organisation: its admins manage the offering.
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    -- A cohort run of this course; NULL for a standalone workshop.
    course_id BIGINT REFERENCES courses (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    language TEXT NOT NULL,
    quarter_hours INTEGER NOT NULL,
    -- Who may register: members of this organisation or below it; NULL for
    -- anyone signed in.
    audience_org_id BIGINT REFERENCES orgs (id) ON DELETE CASCADE,
    capacity INTEGER NOT NULL,
    -- Seats taken: confirmed registrations. Registering takes one with a
    -- conditional update of this row, so capacity holds whatever arrives
    -- at the same instant, on any number of app servers.
    confirmed INTEGER NOT NULL DEFAULT 0,
    -- Registrations ever queued: each takes the next number, its place in
    -- arrival order (the waitlist's order), under the same row lock.
    queued INTEGER NOT NULL DEFAULT 0,
    -- An admin of the organising organisation confirms each seat.
    needs_approval BOOLEAN NOT NULL DEFAULT FALSE,
    registration_opens_at BIGINT NOT NULL,
    registration_closes_at BIGINT NOT NULL,
    -- The rule for credit: present (or late) at this share of sessions,
    -- and the course completed when `credit_needs_course`.
    credit_min_percent INTEGER NOT NULL DEFAULT 80,
    credit_needs_course BOOLEAN NOT NULL DEFAULT FALSE,
    -- Reminders before each session, in minutes (0: none).
    remind_first_minutes INTEGER NOT NULL DEFAULT 1440,
    remind_second_minutes INTEGER NOT NULL DEFAULT 60,
    -- The first session's start and the last one's end, kept with the
    -- sessions: lists by date, "upcoming", archiving the space.
    starts_at BIGINT,
    ends_at BIGINT,
    cancelled_at BIGINT,
    cancel_message TEXT,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX offerings_starts ON offerings (starts_at);
CREATE INDEX offerings_org ON offerings (org_id, starts_at);
CREATE INDEX offerings_course ON offerings (course_id);

CREATE TABLE offering_competencies (
    offering_id BIGINT NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
    competency_id TEXT NOT NULL REFERENCES competencies (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (offering_id, competency_id)
);

CREATE TABLE offering_facilitators (
    offering_id BIGINT NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (offering_id, user_id)
);
CREATE INDEX offering_facilitators_user ON offering_facilitators (user_id);

CREATE TABLE offering_sessions (
    id INTEGER PRIMARY KEY,
    offering_id BIGINT NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
    -- The iCalendar UID: random, stable across changes.
    uid TEXT NOT NULL UNIQUE,
    -- The iCalendar SEQUENCE: one more at each change people must hear of.
    sequence INTEGER NOT NULL DEFAULT 0,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    -- The IANA zone the session was planned in (its wall-clock times).
    time_zone TEXT NOT NULL,
    -- in_person | virtual | both
    mode TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    room TEXT NOT NULL DEFAULT '',
    -- Shown only to registered people and facilitators.
    meeting_url TEXT NOT NULL DEFAULT '',
    -- The code attendees type to check themselves in.
    checkin_code TEXT NOT NULL,
    cancelled_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX offering_sessions_offering ON offering_sessions (offering_id, starts_at);
CREATE INDEX offering_sessions_starts ON offering_sessions (starts_at);

CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    offering_id BIGINT NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- pending (waiting for an admin) | confirmed | waitlisted | cancelled | declined
    status TEXT NOT NULL,
    -- The offering's `queued` number when this registration arrived (or
    -- came back): the waitlist's order.
    position INTEGER NOT NULL,
    -- The admin who registered this person; NULL when they did themselves.
    registered_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (offering_id, user_id)
);
CREATE INDEX registrations_user ON registrations (user_id, status);
CREATE INDEX registrations_queue ON registrations (offering_id, status, position);

CREATE TABLE attendance (
    session_id BIGINT NOT NULL REFERENCES offering_sessions (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- present | late | left_early | absent | excused
    mark TEXT NOT NULL,
    -- Who marked it: a facilitator, or the attendee checking in (their own id).
    marked_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    marked_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX attendance_user ON attendance (user_id);

-- Workshop credit: one ledger entry per offering and person, ever.
ALTER TABLE pd_ledger ADD COLUMN offering_id BIGINT REFERENCES offerings (id);
CREATE UNIQUE INDEX pd_ledger_offering ON pd_ledger (user_id, offering_id) WHERE offering_id IS NOT NULL;
