//! The demo's workshops: six offerings a district and a union local would
//! really run, timed from the day the demo is made — a virtual cohort of
//! the privacy course, a two-morning workshop at the Columbus hub, a
//! blended design studio, a full evening on talking with families (with a
//! waitlist), a science workshop held two days ago (its attendance still to
//! mark) and a Spanish webinar of the Albuquerque federation. Marcus Lee
//! (Columbus's facilitator) leads Columbus's; Dolores Chávez is given the
//! facilitator role at her federation to lead its webinar. Ana Rivera, the
//! demo educator, holds seats in the cohort and in the science workshop.
//!
//! Seats are taken as people take them (`registrations::register`, an
//! admin of Columbus registering colleagues where registration has closed),
//! so the seat counts and waitlist order hold as they would; each seat
//! confirmed is emailed, to the demo's outbox.

use lyceum_db::users::{self, NewUser};
use lyceum_db::workshops::registrations::{self, By};
use lyceum_db::workshops::{self, NewOffering};
use lyceum_db::{DbConn, DbError, memberships, orgs};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::role::Role;
use lyceum_domain::time::TimeZone;
use lyceum_domain::workshop::offering::{OfferingInput, SessionInput};
use lyceum_domain::{CourseId, OfferingId, OrgId, Timestamp, UserId};
use std::time::Duration;

const OHIO_ZONE: &str = "America/New_York";
const NEW_MEXICO_ZONE: &str = "America/Denver";

/// Educators of Columbus who fill seats (they have no password: they are
/// names on rosters, not accounts to sign in with).
const COLLEAGUES: &[(&str, &str, &str)] = &[
    (
        "tomas.herrera@columbus.example.org",
        "Tomás Herrera",
        "Lincoln Elementary",
    ),
    (
        "keisha.brown@columbus.example.org",
        "Keisha Brown",
        "Lincoln Elementary",
    ),
    (
        "mei.chen@columbus.example.org",
        "Mei Chen",
        "Eastmoor Academy",
    ),
    (
        "olivia.novak@columbus.example.org",
        "Olivia Novak",
        "Eastmoor Academy",
    ),
    (
        "daniel.osei@columbus.example.org",
        "Daniel Osei",
        "Eastmoor Academy",
    ),
    (
        "fatima.haddad@columbus.example.org",
        "Fatima Haddad",
        "Lincoln Elementary",
    ),
];

fn err(code: &'static str) -> DbError {
    DbError::invalid("email", code)
}

fn person(c: &mut DbConn, email: &str) -> Result<UserId, DbError> {
    let email = EmailAddress::parse(email).map_err(err)?;
    Ok(users::by_email(c, &email)?.ok_or(DbError::NotFound)?.id())
}

fn org_named(c: &mut DbConn, name: &str) -> Result<orgs::OrgRow, DbError> {
    orgs::find(c, name)?
        .into_iter()
        .next()
        .ok_or(DbError::NotFound)
}

/// The day `days` from `now` (before it when negative), on `zone`'s calendar.
fn day(now: Timestamp, days: i64, zone: &str) -> String {
    let zone = TimeZone::parse(zone).unwrap_or_else(TimeZone::programme);
    let span = Duration::from_secs(days.unsigned_abs() * 86_400);
    let at = if days >= 0 {
        now.plus(span)
    } else {
        now.minus(span)
    };
    at.date_in(&zone).to_string()
}

/// A session `days` from now, `start`–`end` on `zone`'s clock.
#[allow(clippy::too_many_arguments)]
fn session(
    now: Timestamp,
    days: i64,
    start: &str,
    end: &str,
    zone: &str,
    mode: &str,
    place: (&str, &str, &str),
    link: &str,
) -> SessionInput {
    SessionInput {
        date: day(now, days, zone),
        start: start.into(),
        end: end.into(),
        time_zone: zone.into(),
        mode: mode.into(),
        venue: place.0.into(),
        address: place.1.into(),
        room: place.2.into(),
        meeting_url: link.into(),
    }
}

struct Demo<'a> {
    input: OfferingInput,
    org: &'a orgs::OrgRow,
    course: Option<CourseId>,
    audience: Option<OrgId>,
    facilitators: Vec<UserId>,
    competencies: Vec<String>,
}

impl<'a> Demo<'a> {
    /// An offering of `org` led by `facilitator`, open to anyone signed in,
    /// no course, no competencies: each offering changes what differs.
    fn of(org: &'a orgs::OrgRow, facilitator: UserId, input: OfferingInput) -> Self {
        Demo {
            input,
            org,
            course: None,
            audience: None,
            facilitators: vec![facilitator],
            competencies: Vec::new(),
        }
    }

    /// Only for members of the organiser and those below it.
    fn members_only(self) -> Self {
        Demo {
            audience: Some(self.org.id()),
            ..self
        }
    }
}

/// What an offering says (title, description), its PD hours and seats,
/// registration open from `window.0` to `window.1` days from now on
/// `zone`'s calendar, and its sessions; in English, the rest as the
/// form's defaults.
fn plan(
    now: Timestamp,
    zone: &str,
    (title, description): (&str, &str),
    (hours, capacity): (&str, &str),
    window: (i64, i64),
    sessions: Vec<SessionInput>,
) -> OfferingInput {
    OfferingInput {
        title: title.into(),
        description: description.into(),
        language: "en".into(),
        hours: hours.into(),
        capacity: capacity.into(),
        registration_opens: day(now, window.0, zone),
        registration_closes: day(now, window.1, zone),
        sessions,
        ..Default::default()
    }
}

fn create(
    c: &mut DbConn,
    d: Demo<'_>,
    admin: UserId,
    now: Timestamp,
) -> Result<OfferingId, DbError> {
    let plan = d.input.validate().map_err(DbError::Invalid)?;
    workshops::create(
        c,
        &NewOffering {
            org: d.org.id(),
            course: d.course,
            audience: d.audience,
            facilitators: &d.facilitators,
            competencies: &d.competencies,
            created_by: admin,
        },
        &plan,
        now,
    )
}

/// Registers `people` in this order: seats first come first served, then
/// the waitlist. Where registration has closed, `admin` registers them.
fn fill(
    c: &mut DbConn,
    offering: OfferingId,
    people: &[UserId],
    admin: UserId,
    now: Timestamp,
) -> Result<(), DbError> {
    let open = workshops::find(c, offering)?
        .ok_or(DbError::NotFound)?
        .open_at(now);
    let by = if open {
        By::Themselves
    } else {
        By::Admin(admin)
    };
    for who in people {
        registrations::register(c, offering, *who, by, BASE, now)?;
    }
    Ok(())
}

/// Where the demo serves (`lyceum demo`'s default address), for emailed links.
const BASE: &str = "http://127.0.0.1:8080";

fn course_id(c: &mut DbConn, slug: &str) -> Result<Option<CourseId>, DbError> {
    Ok(lyceum_db::courses::by_slug(c, slug)?.map(|r| r.id))
}

/// The competencies a course builds: its cohort's too.
fn competencies_of(c: &mut DbConn, slug: &str) -> Result<Vec<String>, DbError> {
    Ok(lyceum_db::courses::current(c, slug)?
        .map(|(_, course)| course.builds.into_iter().map(|b| b.competency).collect())
        .unwrap_or_default())
}

/// Makes the demo's offerings; call once, after the organisations, people
/// and courses exist (in one write transaction).
pub fn seed(c: &mut DbConn, now: Timestamp) -> Result<(), DbError> {
    let columbus = org_named(c, "Columbus City Schools")?;
    let atf = org_named(c, "Albuquerque Teachers Federation")?;
    let ana = person(c, "educator@columbus.example.org")?;
    let marcus = person(c, "facilitator@columbus.example.org")?;
    let grace = person(c, "orgadmin@columbus.example.org")?;
    let dolores = person(c, "moderator@atf.example.org")?;
    let sam = person(c, "admin@lyceum.example.org")?;
    memberships::add(c, dolores, &atf, Role::Facilitator, now)?;

    let mut colleagues = Vec::new();
    for (email, name, school) in COLLEAGUES {
        let school = org_named(c, school)?;
        let id = users::insert(
            c,
            &NewUser {
                email: &EmailAddress::parse(email).map_err(err)?,
                display_name: name,
                password_hash: None,
                lang: Lang::En,
                verified: true,
            },
            now,
        )?;
        memberships::add(c, id, &school, Role::Educator, now)?;
        colleagues.push(id);
    }

    let hub = (
        "Columbus Teaching and Learning Hub",
        "270 E State St, Columbus, OH 43215",
        "Room 204",
    );
    let online = ("", "", "");
    let weeks = |n: i64| n * 7;

    // 1. A virtual cohort of the privacy course, open to anyone signed in.
    let privacy = course_id(c, "protecting-student-privacy")?;
    let privacy_builds = competencies_of(c, "protecting-student-privacy")?;
    let evenings = (0..3)
        .map(|w| {
            session(
                now,
                14 + weeks(w),
                "16:30",
                "17:30",
                OHIO_ZONE,
                "virtual",
                online,
                "https://meet.example.org/lyceum-privacy-cohort",
            )
        })
        .collect();
    let input = OfferingInput {
        credit_min_percent: "66".into(),
        credit_needs_course: true,
        ..plan(
            now,
            OHIO_ZONE,
            (
                "Protecting student privacy: winter cohort",
                "Work through “Protecting student privacy” with colleagues from across the \
                 programme: three online evenings to discuss each module, try the tools \
                 together and bring back questions from your classroom.\n\nComplete the \
                 course and attend at least two of the three evenings to earn the PD hours.",
            ),
            ("4.5", "30"),
            (-7, 12),
            evenings,
        )
    };
    let cohort = Demo {
        course: privacy,
        competencies: privacy_builds,
        ..Demo::of(&columbus, marcus, input)
    };
    let cohort = create(c, cohort, grace, now)?;
    fill(c, cohort, &[ana, colleagues[2], colleagues[4]], grace, now)?;

    // 2. Two mornings a week apart at the Columbus hub, for Columbus's people.
    let input = plan(
        now,
        OHIO_ZONE,
        (
            "Hands-on with AI tools: two mornings at the hub",
            "Bring a lesson you teach next month. On the first morning we try three \
             classroom AI tools on it and look hard at what they get wrong; on the second \
             you teach a piece of it to colleagues and leave with a plan you can use.\n\n\
             Laptops are provided; coffee and lunch too.",
        ),
        ("6", "24"),
        (-3, 19),
        vec![
            session(now, 20, "09:00", "12:00", OHIO_ZONE, "in_person", hub, ""),
            session(now, 27, "09:00", "12:00", OHIO_ZONE, "in_person", hub, ""),
        ],
    );
    let saturdays = create(
        c,
        Demo::of(&columbus, marcus, input).members_only(),
        grace,
        now,
    )?;
    fill(c, saturdays, &colleagues[..3], grace, now)?;

    // 3. Blended: in the room and online, then online.
    let design = course_id(c, "designing-an-ai-aware-assignment")?;
    let design_builds = competencies_of(c, "designing-an-ai-aware-assignment")?;
    let studio = "https://meet.example.org/lyceum-design-studio";
    let input = plan(
        now,
        OHIO_ZONE,
        (
            "AI-aware assignments: a design studio",
            "Redesign one assignment so that it still shows what students know when AI is \
             at hand. Join in the room or online for the studio, then online a week later \
             to share what happened when you tried it.",
        ),
        ("3", "40"),
        (-1, 32),
        vec![
            session(now, 33, "16:00", "18:00", OHIO_ZONE, "both", hub, studio),
            session(
                now, 40, "16:30", "17:30", OHIO_ZONE, "virtual", online, studio,
            ),
        ],
    );
    let blended = Demo {
        course: design,
        competencies: design_builds,
        ..Demo::of(&columbus, marcus, input)
    };
    create(c, blended, grace, now)?;

    // 4. Full, with a waitlist.
    let library = (
        "Lincoln Elementary",
        "1000 Lincoln Ave, Columbus, OH",
        "Library",
    );
    let input = plan(
        now,
        OHIO_ZONE,
        (
            "Talking with families about AI",
            "A small evening group: what parents ask about AI at school, and how to answer \
             plainly. Practise a family conversation and leave with a one-page letter to \
             adapt.",
        ),
        ("1.5", "4"),
        (-10, 8),
        vec![session(
            now,
            9,
            "18:00",
            "19:30",
            OHIO_ZONE,
            "in_person",
            library,
            "",
        )],
    );
    let families = create(
        c,
        Demo::of(&columbus, marcus, input).members_only(),
        grace,
        now,
    )?;
    fill(c, families, &colleagues, grace, now)?;

    // 5. Held two days ago: its attendance is still to mark.
    let lab = (
        "Eastmoor Academy",
        "417 S Weyant Ave, Columbus, OH",
        "Science lab 2",
    );
    let input = plan(
        now,
        OHIO_ZONE,
        (
            "Checking a chatbot's science",
            "An afternoon in the science lab: ask a chatbot to explain experiments, then \
             test its answers against the evidence, with the materials you use with \
             students.",
        ),
        ("2", "20"),
        (-20, -3),
        vec![session(
            now,
            -2,
            "15:30",
            "17:30",
            OHIO_ZONE,
            "in_person",
            lab,
            "",
        )],
    );
    let science = create(
        c,
        Demo::of(&columbus, marcus, input).members_only(),
        grace,
        now,
    )?;
    fill(
        c,
        science,
        &[ana, colleagues[0], colleagues[3], colleagues[5]],
        grace,
        now,
    )?;

    // 6. The federation's Spanish webinar, for its members.
    let input = OfferingInput {
        language: "es".into(),
        ..plan(
            now,
            NEW_MEXICO_ZONE,
            (
                "La IA y la carga de trabajo docente",
                "Un seminario web del sindicato: qué tareas puede aliviar la IA, cuáles no, \
                 y qué derechos tiene usted cuando el distrito adopta una herramienta nueva.",
            ),
            ("1", "100"),
            (-5, 15),
            vec![session(
                now,
                16,
                "17:00",
                "18:00",
                NEW_MEXICO_ZONE,
                "virtual",
                online,
                "https://meet.example.org/atf-ia-carga",
            )],
        )
    };
    create(c, Demo::of(&atf, dolores, input).members_only(), sam, now)?;
    Ok(())
}
