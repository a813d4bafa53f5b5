//! Attendance and workshop credit as stored: marks are audited, meeting the
//! rule writes one ledger entry and a certificate however often it is
//! re-evaluated, a correction that breaks it takes both back with an audit
//! entry naming why, and check-in holds only for the session, its window
//! and a seat.

use diesel::prelude::*;
use lyceum_db::schema::{audit_log, certificates, pd_ledger};
use lyceum_db::workshops::attendance::{self, Refused};
use lyceum_db::workshops::registrations::{self, By};
use lyceum_db::workshops::{self, NewOffering};
use lyceum_db::{DbConn, DbError, credit, memberships, orgs, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::pd::Source;
use lyceum_domain::role::Role;
use lyceum_domain::workshop::Mark;
use lyceum_domain::workshop::offering::{OfferingInput, SessionInput};
use lyceum_domain::{OfferingId, SessionId, Timestamp, UserId};
use lyceum_testdb::TestDb;
use std::time::Duration;

use crate::T0;

const BASE: &str = "https://lyceum.example";

fn session(date: &str) -> SessionInput {
    SessionInput {
        date: date.into(),
        start: "16:00".into(),
        end: "17:30".into(),
        time_zone: "America/Chicago".into(),
        mode: "in_person".into(),
        venue: "Hub".into(),
        ..Default::default()
    }
}

struct Setup {
    offering: OfferingId,
    sessions: Vec<SessionId>,
    facilitator: UserId,
    /// Two with a seat, one without.
    people: Vec<UserId>,
}

/// An offering of two sessions, rule 80 % (both), with a facilitator, two
/// registered educators and one who is not.
fn setup(c: &mut DbConn) -> Setup {
    let root = orgs::create_root(c, "Programme", T0).unwrap();
    let draft = lyceum_domain::org::OrgInput {
        name: "Iowa".into(),
        kind: "state".into(),
        ..Default::default()
    }
    .validate_child_of(root.kind)
    .unwrap();
    let state = orgs::create_child(c, &root, &draft, T0).unwrap();
    let person = |c: &mut DbConn, i: usize, role: Role| {
        let email = EmailAddress::parse(&format!("a{i}@iowa.example.org")).unwrap();
        let id = users::insert(
            c,
            &users::NewUser {
                email: &email,
                display_name: &format!("Person {i}"),
                password_hash: None,
                lang: Lang::En,
                verified: true,
            },
            T0,
        )
        .unwrap();
        memberships::add(c, id, &state, role, T0).unwrap();
        id
    };
    let admin = person(c, 0, Role::OrgAdmin);
    let facilitator = person(c, 1, Role::Facilitator);
    let people: Vec<UserId> = (2..=4).map(|i| person(c, i, Role::Educator)).collect();
    let plan = OfferingInput {
        title: "Reading with models".into(),
        description: "Two evenings.".into(),
        language: "en".into(),
        hours: "3".into(),
        capacity: "10".into(),
        registration_opens: "2026-11-01".into(),
        registration_closes: "2027-01-10".into(),
        credit_min_percent: "80".into(),
        sessions: vec![session("2027-01-12"), session("2027-01-13")],
        ..Default::default()
    }
    .validate()
    .unwrap();
    let offering = workshops::create(
        c,
        &NewOffering {
            org: state.id(),
            course: None,
            audience: Some(state.id()),
            facilitators: &[facilitator],
            competencies: &[],
            created_by: admin,
        },
        &plan,
        T0,
    )
    .unwrap();
    for &p in &people[..2] {
        registrations::register(c, offering, p, By::Themselves, BASE, T0).unwrap();
    }
    let sessions = workshops::sessions_of(c, offering)
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    Setup {
        offering,
        sessions,
        facilitator,
        people,
    }
}

fn count_entries(c: &mut DbConn, user: UserId) -> i64 {
    pd_ledger::table
        .filter(pd_ledger::user_id.eq(user.0))
        .count()
        .get_result(c)
        .unwrap()
}

fn actions(c: &mut DbConn, action: &str) -> Vec<String> {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .order(audit_log::id)
        .select(audit_log::detail)
        .load(c)
        .unwrap()
}

#[test]
fn credit_is_written_once_and_a_correction_takes_it_back_with_a_reason() {
    let t = TestDb::new();
    let mut pooled = t.db.get().unwrap();
    let c: &mut DbConn = &mut pooled;
    let s = setup(c);
    let (one, two) = (s.sessions[0], s.sessions[1]);
    let who = s.people[0];
    let mark = |c: &mut DbConn, session, m: Mark| {
        attendance::set_marks(c, s.offering, session, s.facilitator, &[(who, m)], T0).unwrap()
    };

    let first = mark(c, one, Mark::Present);
    assert_eq!((first.changed, first.earned.len()), (1, 0));
    assert_eq!(count_entries(c, who), 0, "one of two is 50 %");
    let second = mark(c, two, Mark::Late);
    assert_eq!(second.earned, vec![who]);
    // Marking again (the same, or another attended mark) writes nothing new.
    assert_eq!(mark(c, two, Mark::Late).changed, 0);
    assert_eq!(mark(c, two, Mark::Present).earned, vec![]);
    assert_eq!(count_entries(c, who), 1);
    let entry = &credit::ledger_with_certificates_of(c, who).unwrap()[0];
    assert_eq!(entry.0.source, Source::Workshop);
    assert_eq!(entry.0.offering_id, Some(s.offering));
    assert_eq!(entry.0.title, "Reading with models");
    assert_eq!(entry.0.quarter_hours, 12);
    let code = entry
        .1
        .clone()
        .expect("the transcript links the certificate");
    let cert = credit::by_code(c, &code).unwrap().unwrap();
    assert_eq!((cert.course_id, cert.offering_id), (None, Some(s.offering)));
    assert!(cert.revoked_at.is_none());

    // A correction breaks the rule: the entry goes, the certificate is
    // revoked with the reason, and the audit log says why.
    let corrected = mark(c, two, Mark::Absent);
    assert_eq!(corrected.reversed, vec![who]);
    assert_eq!(count_entries(c, who), 0);
    let cert = credit::by_code(c, &code).unwrap().unwrap();
    assert!(cert.revoked_at.is_some());
    assert!(cert.revoked_reason.unwrap().contains("credit rule"));
    let reversed = actions(c, "workshop.credit_reversed");
    assert_eq!(reversed.len(), 1);
    assert!(
        reversed[0].contains("credit-rule-no-longer-met"),
        "{reversed:?}"
    );

    // Every change is audited with the old and new mark.
    let marked = actions(c, "workshop.attendance_marked");
    assert_eq!(marked.len(), 4, "{marked:?}");
    assert!(marked[3].contains(r#""old":"present""#) && marked[3].contains(r#""new":"absent""#));

    // Meeting the rule again issues a new certificate beside the revoked one.
    assert_eq!(mark(c, two, Mark::Present).earned, vec![who]);
    assert_eq!(count_entries(c, who), 1);
    let held: i64 = certificates::table
        .filter(certificates::user_id.eq(who.0))
        .count()
        .get_result(c)
        .unwrap();
    assert_eq!(held, 2);
}

#[test]
fn only_people_with_a_seat_are_marked_and_nothing_is_half_saved() {
    let t = TestDb::new();
    let mut pooled = t.db.get().unwrap();
    let c: &mut DbConn = &mut pooled;
    let s = setup(c);
    let stranger = s.people[2];
    let result = lyceum_db::transaction(c, |c| {
        attendance::set_marks(
            c,
            s.offering,
            s.sessions[0],
            s.facilitator,
            &[(s.people[0], Mark::Present), (stranger, Mark::Present)],
            T0,
        )
    });
    assert!(
        matches!(&result, Err(DbError::Invalid(i)) if i.is_only(&format!("mark-{}", stranger.0), "attendance-not-on-roster")),
        "{result:?}"
    );
    let (_, sheet) = attendance::sheet(c, s.offering, s.sessions[0]).unwrap();
    assert_eq!(sheet.len(), 2);
    assert!(sheet.iter().all(|l| l.mark.is_none()));
    // A session of another offering is not found through this one.
    let other = attendance::sheet(c, OfferingId(s.offering.0 + 1), s.sessions[0]);
    assert!(matches!(other, Err(DbError::NotFound)));
}

#[test]
fn check_in_holds_only_for_its_session_inside_its_window_with_a_seat() {
    let t = TestDb::new();
    let mut pooled = t.db.get().unwrap();
    let c: &mut DbConn = &mut pooled;
    let s = setup(c);
    let rows = workshops::sessions_of(c, s.offering).unwrap();
    let (one, two) = (&rows[0], &rows[1]);
    let start = Timestamp::from_micros(one.starts_at);
    let end = Timestamp::from_micros(one.ends_at);
    let opens = start.minus(Duration::from_secs(30 * 60));
    let who = s.people[0];
    let code = one.checkin_code.to_lowercase();
    let try_at = |c: &mut DbConn, user, session, typed: &str, at| {
        attendance::check_in(c, s.offering, session, user, typed, at).unwrap()
    };

    let early = try_at(
        c,
        who,
        Some(one.id),
        &code,
        opens.minus(Duration::from_secs(1)),
    );
    assert_eq!(early.unwrap_err(), Refused::NotYet(opens));
    let late = try_at(
        c,
        who,
        Some(one.id),
        &code,
        end.plus(Duration::from_secs(1)),
    );
    assert_eq!(late.unwrap_err(), Refused::Over);
    let other = try_at(c, who, Some(one.id), &two.checkin_code, start);
    assert_eq!(other.unwrap_err(), Refused::OtherSession);
    let wrong = try_at(c, who, None, "ZZZZZZ", start);
    assert_eq!(wrong.unwrap_err(), Refused::WrongCode);
    let no_seat = try_at(c, s.people[2], None, &code, start);
    assert_eq!(no_seat.unwrap_err(), Refused::NotRegistered);

    // At the first instant of the window, with spaces and small letters.
    let spaced = format!("{} {}", &code[..3], &code[3..]);
    let ok = try_at(c, who, None, &spaced, opens).unwrap();
    assert_eq!(
        (ok.session.id, ok.mark, ok.new),
        (one.id, Mark::Present, true)
    );
    let again = try_at(c, who, None, &code, end).unwrap();
    assert!(!again.new);
    assert_eq!(actions(c, "workshop.checked_in").len(), 1);

    // A facilitator's mark stands against a later check-in.
    let other_person = s.people[1];
    attendance::set_marks(
        c,
        s.offering,
        one.id,
        s.facilitator,
        &[(other_person, Mark::Late)],
        T0,
    )
    .unwrap();
    let stands = try_at(c, other_person, None, &code, start).unwrap();
    assert_eq!((stands.mark, stands.new), (Mark::Late, false));
}

#[test]
fn the_roster_lists_seats_then_the_waitlist_in_order_with_marks() {
    let t = TestDb::new();
    let mut pooled = t.db.get().unwrap();
    let c: &mut DbConn = &mut pooled;
    let s = setup(c);
    attendance::set_marks(
        c,
        s.offering,
        s.sessions[1],
        s.facilitator,
        &[(s.people[1], Mark::Excused)],
        T0,
    )
    .unwrap();
    let roster = attendance::roster(c, s.offering).unwrap();
    assert_eq!(roster.sessions.len(), 2);
    let names: Vec<&str> = roster.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Person 2", "Person 3"]);
    assert_eq!(roster.people[1].marks, vec![None, Some(Mark::Excused)]);
    assert!(!roster.people[1].credited);
}
