//! Running workshop offerings, for pages and the API alike: what the form
//! offers to choose (courses, audiences, facilitators, competencies),
//! creating and editing (with facilitators' double bookings warned, never
//! refused), copying, cancelling, registering others and approvals. Who may
//! act is checked first (`Org(ManageOfferings)` at the organiser, through
//! `workshop_access`), then again against the offering's organisation
//! inside the write.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use crate::workshop_access;
use lyceum_db::workshops::manage::{self, Outcome, SessionEdit, Summary};
use lyceum_db::workshops::registrations::{self, RegistrationRow};
use lyceum_db::workshops::{self, NewOffering, Offering};
use lyceum_db::{DbError, competencies, courses, orgs};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::Actor;
use lyceum_domain::time::Date;
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::workshop::RegistrationStatus;
use lyceum_domain::workshop::offering::{OfferingInput, overlaps};
use lyceum_domain::{CourseId, OfferingId, OrgId, SessionId, Timestamp, UserId};
use std::collections::BTreeSet;

/// The edit form as typed (or sent to the API): the plan, each session's
/// id (None for a new one, in the order of `input.sessions`) and links.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub input: OfferingInput,
    pub session_ids: Vec<Option<SessionId>>,
    pub course: Option<i64>,
    /// None: anyone signed in.
    pub audience: Option<i64>,
    pub facilitators: Vec<i64>,
    pub competencies: Vec<String>,
}

/// What an organiser may choose from.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub courses: Vec<(CourseId, String)>,
    /// The organisation itself, then those one below it.
    pub audiences: Vec<(OrgId, String)>,
    pub facilitators: Vec<(UserId, String, String)>,
    pub competencies: Vec<(String, String)>,
}

pub async fn choices(
    state: &AppState,
    actor: &Actor,
    org: OrgId,
    path: &OrgPath,
    lang: Lang,
) -> Result<Choices, AppError> {
    let (actor, path) = (actor.clone(), path.clone());
    Ok(state
        .db
        .read(move |c| {
            let mut seen = BTreeSet::new();
            let mut all = courses::list(c, Some(&actor))?;
            // The newest version of each course.
            all.sort_by_key(|r| std::cmp::Reverse(r.version));
            let mut courses: Vec<(CourseId, String)> = all
                .into_iter()
                .filter(|r| seen.insert(r.slug.clone()))
                .map(|r| (r.id, r.title))
                .collect();
            courses.sort_by(|a, b| a.1.cmp(&b.1));
            let me = orgs::get(c, org)?;
            let mut audiences = vec![(org, me.name)];
            audiences.extend(
                orgs::children(c, org)?
                    .into_iter()
                    .map(|o| (o.id(), o.name)),
            );
            Ok(Choices {
                courses,
                audiences,
                facilitators: manage::eligible_facilitators(c, &path)?,
                competencies: competencies::named(c, lyceum_domain::competency::DEFAULT_FRAMEWORK)?
                    .into_iter()
                    .map(|(id, name)| {
                        let name = name.get(lang).to_string();
                        (id, name)
                    })
                    .collect(),
            })
        })
        .await?)
}

/// The draft checked: the plan, the sessions paired with their ids, the
/// links. Every problem named by field.
fn check(
    draft: &Draft,
    choices: &Choices,
) -> Result<
    (
        lyceum_domain::workshop::offering::OfferingPlan,
        Vec<SessionEdit>,
    ),
    Invalid,
> {
    let mut errors = match draft.input.validate() {
        Ok(_) => Invalid::new(),
        Err(e) => e,
    };
    if let Some(c) = draft.course
        && !choices.courses.iter().any(|(id, _)| id.0 == c)
    {
        errors.add("course", "choose-one");
    }
    if let Some(a) = draft.audience
        && !choices.audiences.iter().any(|(id, _)| id.0 == a)
    {
        errors.add("audience", "choose-one");
    }
    for f in &draft.facilitators {
        if !choices.facilitators.iter().any(|(id, _, _)| id.0 == *f) {
            errors.push(FieldError::new("facilitators", "not-a-facilitator").with_arg("value", f));
        }
    }
    for c in &draft.competencies {
        if !choices.competencies.iter().any(|(id, _)| id == c) {
            errors.push(FieldError::new("competencies", "unknown-competency").with_arg("value", c));
        }
    }
    errors.clone().into_result()?;
    let plan = draft.input.validate()?;
    // Each row again, in the form's order, to pair it with its id.
    let mut scratch = Invalid::new();
    let sessions = draft
        .input
        .sessions
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let p = s.validate(&format!("sessions-{}", i + 1), &mut scratch)?;
            Some(SessionEdit {
                id: draft.session_ids.get(i).copied().flatten(),
                plan: p,
            })
        })
        .collect();
    Ok((plan, sessions))
}

/// A facilitator's other session that overlaps one of this plan's.
#[derive(Debug, Clone)]
pub struct DoubleBooking {
    pub facilitator: String,
    /// The session of this offering (from 1, in order of start).
    pub session: usize,
    pub other_starts_at: Timestamp,
}

/// The facilitators' other sessions overlapping this offering's.
pub async fn double_bookings(
    state: &AppState,
    offering: Option<OfferingId>,
    facilitators: Vec<(UserId, String)>,
    sessions: Vec<lyceum_domain::workshop::offering::SessionPlan>,
) -> Result<Vec<DoubleBooking>, AppError> {
    if sessions.is_empty() || facilitators.is_empty() {
        return Ok(Vec::new());
    }
    Ok(state
        .db
        .read(move |c| {
            let start = sessions
                .iter()
                .map(|s| s.starts_at)
                .min()
                .unwrap_or(Timestamp(0));
            let end = sessions
                .iter()
                .map(|s| s.ends_at)
                .max()
                .unwrap_or(Timestamp(0));
            let mut out = Vec::new();
            for (user, name) in &facilitators {
                let theirs = workshops::facilitator_busy(c, *user, offering, start, end)?;
                for (i, at) in overlaps(&sessions, &theirs) {
                    out.push(DoubleBooking {
                        facilitator: name.clone(),
                        session: i + 1,
                        other_starts_at: at,
                    });
                }
            }
            Ok(out)
        })
        .await?)
}

/// The double bookings of an offering as saved.
pub async fn warnings(state: &AppState, id: OfferingId) -> Result<Vec<DoubleBooking>, AppError> {
    let (o, facilitators) = state
        .db
        .read(move |c| Ok((workshops::get(c, id)?, workshops::facilitators_of(c, id)?)))
        .await?;
    double_bookings(state, Some(id), facilitators, live_plans(&o)).await
}

/// The current plan of an offering as sessions, for the warnings.
pub fn live_plans(o: &Offering) -> Vec<lyceum_domain::workshop::offering::SessionPlan> {
    o.sessions
        .iter()
        .filter(|s| s.cancelled_at.is_none())
        .map(|s| lyceum_domain::workshop::offering::SessionPlan {
            starts_at: Timestamp::from_micros(s.starts_at),
            ends_at: Timestamp::from_micros(s.ends_at),
            zone: s.time_zone.clone(),
            mode: s.mode,
            venue: s.venue.clone(),
            address: s.address.clone(),
            room: s.room.clone(),
            meeting_url: s.meeting_url.clone(),
        })
        .collect()
}

fn ids<T>(v: &[i64], f: impl Fn(i64) -> T) -> Vec<T> {
    v.iter().copied().map(f).collect()
}

/// Creates an offering organised by `org`. Returns it, or what is wrong.
pub async fn create(
    state: &AppState,
    me: &CurrentUser,
    org: OrgId,
    path: &OrgPath,
    draft: &Draft,
) -> Result<Result<OfferingId, Invalid>, AppError> {
    let choices = choices(state, &me.actor, org, path, me.user.lang()).await?;
    let (plan, _) = match check(draft, &choices) {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let (admin, now, d) = (me.user.id(), state.clock.now(), draft.clone());
    let saved = state
        .db
        .write(move |c| {
            let id = workshops::create(
                c,
                &NewOffering {
                    org,
                    course: d.course.map(CourseId),
                    audience: d.audience.map(OrgId),
                    facilitators: &ids(&d.facilitators, UserId),
                    competencies: &d.competencies,
                    created_by: admin,
                },
                &plan,
                now,
            )?;
            lyceum_db::audit::record(
                c,
                now,
                lyceum_db::audit::Event {
                    actor: Some(admin),
                    action: "offering.created",
                    org: Some(org),
                    subject: None,
                    detail: serde_json::json!({ "offering": id.0, "title": plan.title }),
                },
            )?;
            Ok(id)
        })
        .await;
    invalid_apart(saved)
}

/// A refusal the person can fix, apart from a failure.
fn invalid_apart<T>(r: Result<T, DbError>) -> Result<Result<T, Invalid>, AppError> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(DbError::Invalid(i)) => Ok(Err(i)),
        Err(e) => Err(e.into()),
    }
}

/// Saves an edit of an offering the reader manages.
pub async fn update(
    state: &AppState,
    me: &CurrentUser,
    id: OfferingId,
    draft: &Draft,
) -> Result<Result<manage::Updated, Invalid>, AppError> {
    let view = workshop_access::load_managed(state, me, id).await?;
    let org = view.standing.offering.offering.org_id;
    let choices = choices(state, &me.actor, org, &view.org_path, me.user.lang()).await?;
    let (plan, sessions) = match check(draft, &choices) {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let (admin, now, d) = (me.user.id(), state.clock.now(), draft.clone());
    let base = state.config.public_origin().to_string();
    let saved = state
        .db
        .write(move |c| {
            manage::update(
                c,
                id,
                &NewOffering {
                    org,
                    course: d.course.map(CourseId),
                    audience: d.audience.map(OrgId),
                    facilitators: &ids(&d.facilitators, UserId),
                    competencies: &d.competencies,
                    created_by: admin,
                },
                &plan,
                &sessions,
                &base,
                now,
            )
        })
        .await;
    invalid_apart(saved)
}

/// The draft of an existing offering, as its edit form shows it.
pub async fn draft_of(state: &AppState, o: &Offering) -> Result<Draft, AppError> {
    let id = o.offering.id;
    let (facilitators, competencies) = state
        .db
        .read(move |c| {
            Ok((
                workshops::facilitators_of(c, id)?,
                workshops::competencies_of(c, id)?,
            ))
        })
        .await?;
    // Moved by zero days: the plan as it stands.
    let input = manage::moved_to(o, first_date(o));
    let live: Vec<_> = o
        .sessions
        .iter()
        .filter(|s| s.cancelled_at.is_none())
        .collect();
    Ok(Draft {
        input,
        session_ids: live.iter().map(|s| Some(s.id)).collect(),
        course: o.offering.course_id.map(|c| c.0),
        audience: o.offering.audience_org_id.map(|a| a.0),
        facilitators: facilitators.iter().map(|(u, _)| u.0).collect(),
        competencies,
    })
}

/// The date of the first live session, on its own zone's calendar.
pub fn first_date(o: &Offering) -> Date {
    o.sessions
        .iter()
        .find(|s| s.cancelled_at.is_none())
        .map_or_else(
            || {
                Timestamp::from_micros(o.offering.starts_at.unwrap_or(0))
                    .date_in(&lyceum_domain::time::TimeZone::utc())
            },
            |s| {
                let zone = lyceum_domain::time::TimeZone::parse(&s.time_zone)
                    .unwrap_or_else(lyceum_domain::time::TimeZone::utc);
                Timestamp::from_micros(s.starts_at).date_in(&zone)
            },
        )
}

/// Copies an offering to a new first date; returns the copy.
pub async fn copy(
    state: &AppState,
    me: &CurrentUser,
    id: OfferingId,
    first: &str,
) -> Result<Result<OfferingId, Invalid>, AppError> {
    let view = workshop_access::load_managed(state, me, id).await?;
    let Some(first) = Date::parse(first.trim()) else {
        let code = if first.trim().is_empty() {
            "required"
        } else {
            "date-invalid"
        };
        return Ok(Err(Invalid::one("first_date", code)));
    };
    let org = view.standing.offering.offering.org_id;
    let (admin, now) = (me.user.id(), state.clock.now());
    let copied = state
        .db
        .write(move |c| manage::copy(c, id, org, first, admin, now))
        .await;
    invalid_apart(copied)
}

/// Most characters of a cancellation note.
pub const MAX_NOTE: usize = 1_000;

/// Cancels an offering with a note to everyone registered; returns how
/// many were told.
pub async fn cancel(
    state: &AppState,
    me: &CurrentUser,
    id: OfferingId,
    message: &str,
) -> Result<Result<usize, Invalid>, AppError> {
    let view = workshop_access::load_managed(state, me, id).await?;
    if message.chars().count() > MAX_NOTE {
        return Ok(Err(Invalid(vec![
            FieldError::new("message", "too-long").with_arg("max", MAX_NOTE),
        ])));
    }
    if message
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r')
    {
        return Ok(Err(Invalid::one("message", "control-characters")));
    }
    let org = view.standing.offering.offering.org_id;
    let (admin, now, note) = (me.user.id(), state.clock.now(), message.to_string());
    let base = state.config.public_origin().to_string();
    let told = state
        .db
        .write(move |c| manage::cancel(c, id, org, &note, admin, &base, now))
        .await;
    invalid_apart(told)
}

/// Most people in one list.
pub const MAX_PEOPLE: usize = 1_000;

/// A list of emails, one a line (a header line `email` skipped; more
/// columns refused): each address with its line; a malformed list is
/// refused whole, the line named.
pub fn read_list(text: &str) -> Result<Vec<(u64, EmailAddress)>, Invalid> {
    let (rows, problems) = lyceum_domain::invitation_list::parse(text.as_bytes());
    if !problems.is_empty() {
        return Err(problems);
    }
    if let Some(r) = rows.iter().find(|r| r.role.is_some()) {
        return Err(Invalid(vec![
            FieldError::new("file", "csv-unreadable").with_arg("line", r.line),
        ]));
    }
    if rows.len() > MAX_PEOPLE {
        return Err(Invalid(vec![
            FieldError::new("file", "csv-too-many").with_arg("max", MAX_PEOPLE),
        ]));
    }
    Ok(rows.into_iter().map(|r| (r.line, r.email)).collect())
}

/// One listed person's outcome.
#[derive(Debug, Clone)]
pub struct Line {
    pub line: u64,
    pub email: String,
    pub outcome: Outcome,
}

/// Registers the listed people, each line its own outcome.
pub async fn register_others(
    state: &AppState,
    me: &CurrentUser,
    id: OfferingId,
    people: Vec<(u64, EmailAddress)>,
) -> Result<Result<Vec<Line>, Invalid>, AppError> {
    let view = workshop_access::load_managed(state, me, id).await?;
    let org = view.standing.offering.offering.org_id;
    let (admin, now) = (me.user.id(), state.clock.now());
    let base = state.config.public_origin().to_string();
    let emails: Vec<EmailAddress> = people.iter().map(|(_, e)| e.clone()).collect();
    let done = state
        .db
        .write(move |c| manage::register_others(c, id, org, &emails, admin, &base, now))
        .await;
    Ok(invalid_apart(done)?.map(|outcomes| {
        people
            .into_iter()
            .zip(outcomes)
            .map(|((line, email), outcome)| Line {
                line,
                email: email.as_str().to_string(),
                outcome,
            })
            .collect()
    }))
}

/// Approves or declines `user`'s pending registration.
pub async fn decide(
    state: &AppState,
    me: &CurrentUser,
    id: OfferingId,
    user: UserId,
    approve: bool,
) -> Result<Result<RegistrationStatus, Invalid>, AppError> {
    let view = workshop_access::load_managed(state, me, id).await?;
    let org = view.standing.offering.offering.org_id;
    let (admin, now) = (me.user.id(), state.clock.now());
    let base = state.config.public_origin().to_string();
    let done = state
        .db
        .write(move |c| manage::decide(c, id, org, user, approve, admin, &base, now))
        .await;
    invalid_apart(done)
}

/// The registrations waiting for approval, in arrival order, with names.
pub async fn pending(
    state: &AppState,
    id: OfferingId,
) -> Result<Vec<(RegistrationRow, String, Option<String>)>, AppError> {
    let all = state.db.read(move |c| registrations::list(c, id)).await?;
    Ok(all
        .into_iter()
        .filter(|(r, _, _)| r.status == RegistrationStatus::Pending)
        .collect())
}

/// The offerings of an organisation's subtree.
pub async fn overview(state: &AppState, path: &OrgPath) -> Result<Vec<Summary>, AppError> {
    let path = path.clone();
    Ok(state.db.read(move |c| manage::overview(c, &path)).await?)
}
