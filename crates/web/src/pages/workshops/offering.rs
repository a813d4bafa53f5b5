//! An offering's page (`/offerings/{offering_id}`): what it is, who leads
//! it, each session in the reader's zone (and its own), the place or the
//! meeting link (for those who may see it), and registering or cancelling
//! with the outcome explained; refusals shown on the page in words.

use super::find::{own_zone_words, seats_words};
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::gate::Access::SignedIn;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use crate::workshop_actions::{self as actions, Shown};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::workshops::attendance;
use lyceum_db::workshops::listing::NamedCompetency;
use lyceum_domain::course::hours_in;
use lyceum_domain::i18n::Lang;
use lyceum_domain::validation::Invalid;
use lyceum_domain::workshop::RegistrationStatus;
use lyceum_domain::workshop::attendance::{Window, checkin_window};
use lyceum_domain::{OfferingId, SessionId, Timestamp, UserId};

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/offerings/{offering_id}", SignedIn, show)
        .add(
            POST,
            "/offerings/{offering_id}/registration",
            SignedIn,
            register,
        )
        .add(
            POST,
            "/offerings/{offering_id}/registration/cancel",
            SignedIn,
            cancel,
        )
}

/// One session as the page shows it.
pub struct SessionView {
    pub id: i64,
    pub number: usize,
    /// Start in the reader's zone (named) and the end time.
    pub when: String,
    pub ends: String,
    /// The session's own clock, when its zone is not the reader's.
    pub own_zone: Option<String>,
    pub mode: String,
    /// Venue, address, room (what is given), for sessions in a room.
    pub place: Vec<String>,
    pub online: bool,
    pub meeting_url: Option<String>,
    pub cancelled: bool,
    /// Over: its survey is open to those who attended.
    pub ended: bool,
    /// The session the reader may check in to now, from its card.
    pub check_in: bool,
}

/// Checking in from the page: the session whose check-in window is open,
/// for a reader with a seat, and whether they are marked there already.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckIn {
    session: Option<SessionId>,
    done: bool,
}

impl CheckIn {
    /// The first session, not cancelled, whose window is open at `now`,
    /// when the reader holds a seat; their mark there read only then.
    async fn now(
        state: &AppState,
        shown: &Shown,
        reader: UserId,
        now: Timestamp,
    ) -> Result<CheckIn, AppError> {
        if shown.view.status() != Some(RegistrationStatus::Confirmed) {
            return Ok(CheckIn::default());
        }
        let open = shown.view.standing.offering.sessions.iter().find(|s| {
            s.cancelled_at.is_none()
                && checkin_window(
                    Timestamp::from_micros(s.starts_at),
                    Timestamp::from_micros(s.ends_at),
                    now,
                ) == Window::Open
        });
        let Some(session) = open.map(|s| s.id) else {
            return Ok(CheckIn::default());
        };
        let done = state
            .db
            .read_brief(move |c| attendance::mark_of(c, session, reader))
            .await?
            .is_some();
        Ok(CheckIn {
            session: Some(session),
            done,
        })
    }
}

/// What the reader may do, and why not.
pub enum Action {
    /// A register button; the words say what it will give (a seat, the
    /// waitlist, a request for approval).
    Register(String),
    /// Registered in some way: the words explain it; a cancel button.
    Cancel(String),
    /// Nothing: the words say why.
    Nothing(String),
}

#[derive(Template)]
#[template(path = "workshops_offering.html")]
pub struct OfferingPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    lang: &'static str,
    description: Vec<String>,
    cancelled: Option<String>,
    organiser: String,
    course: Option<(String, String)>,
    facilitators: String,
    hours: String,
    language: String,
    seats: String,
    window: String,
    credit: String,
    competencies: Vec<String>,
    sessions: Vec<SessionView>,
    session_count: i64,
    action: Action,
    /// The reader holds a seat: check-in, surveys, the offering's space.
    seated: bool,
    /// Marked at the session whose check-in is open.
    checked_in: bool,
    /// The reader facilitates or manages it: roster, attendance, results.
    leads: bool,
    /// The reader manages it: edit, copy, cancel, registrations.
    manages: bool,
    /// The offering's members-only space, for those who may read it.
    space: Option<String>,
}

fn competency_name(lang: Lang, (id, code, en, es): &NamedCompetency) -> String {
    let name = match lang {
        Lang::Es => es.as_ref().or(en.as_ref()),
        Lang::En => en.as_ref().or(es.as_ref()),
    };
    match (code, name) {
        (Some(c), Some(n)) => format!("{c} {n}"),
        (None, Some(n)) => n.clone(),
        _ => id.clone(),
    }
}

fn build(
    ctx: &Ctx,
    shown: Shown,
    space: Option<String>,
    check_in: CheckIn,
    errors: FormErrors,
    now: i64,
) -> OfferingPage {
    let Shown { view, around } = shown;
    let o = &view.standing.offering.offering;
    let page = Page::new(ctx, "offering-title")
        .with_title(&o.title)
        .with_errors(&errors);
    let sees_link = view.sees_meeting_link();
    let sessions = view
        .standing
        .offering
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| SessionView {
            id: s.id.0,
            number: i + 1,
            when: page.datetime(&s.starts_at),
            ends: page.datetime(&s.ends_at),
            own_zone: own_zone_words(&page, s.starts_at, &s.time_zone),
            mode: page.label("session-mode", s.mode.as_str()),
            place: if s.mode.in_person() {
                [&s.venue, &s.address, &s.room]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            },
            online: s.mode.virtual_(),
            meeting_url: (sees_link && s.mode.virtual_() && !s.meeting_url.is_empty())
                .then(|| s.meeting_url.clone()),
            cancelled: s.cancelled_at.is_some(),
            ended: s.ends_at <= now,
            check_in: check_in.session == Some(s.id),
        })
        .collect::<Vec<_>>();
    let action = match view.status() {
        Some(RegistrationStatus::Confirmed) => Action::Cancel(page.t("offering-you-confirmed")),
        Some(RegistrationStatus::Waitlisted) => {
            Action::Cancel(page.tn("offering-you-waitlisted", around.place.unwrap_or(1)))
        }
        Some(RegistrationStatus::Pending) => Action::Cancel(page.t("offering-you-pending")),
        _ if o.is_cancelled() => Action::Nothing(page.t("offering-no-registering-cancelled")),
        _ if now < o.registration_opens_at => Action::Nothing(page.t1(
            "offering-opens-on",
            "when",
            &page.datetime(&o.registration_opens_at),
        )),
        _ if now > o.registration_closes_at => Action::Nothing(page.t1(
            "offering-closed-on",
            "when",
            &page.datetime(&o.registration_closes_at),
        )),
        _ if !view.in_audience => Action::Nothing(page.t("offering-not-for-you")),
        _ if o.needs_approval => Action::Register(page.t("offering-register-approval")),
        _ if o.seats_left() == 0 => Action::Register(page.t("offering-register-waitlist")),
        _ => Action::Register(page.t("offering-register-seat")),
    };
    let seats = seats_words(&page, o.seats_left(), around.waitlisted);
    OfferingPage {
        id: o.id.0,
        lang: o.language.as_str(),
        description: o
            .description
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect(),
        cancelled: o.cancelled_at.map(|_| {
            o.cancel_message
                .clone()
                .filter(|m| !m.trim().is_empty())
                .map_or_else(
                    || page.t("offering-cancelled"),
                    |m| page.t1("offering-cancelled-because", "message", &m),
                )
        }),
        organiser: around.organiser,
        course: around
            .course
            .map(|(slug, title)| (format!("/courses/{slug}"), title)),
        facilitators: around.facilitators.join(", "),
        hours: page.t1("course-hours", "hours", &hours_in(o.hours(), page.lang)),
        language: page.label("lang", o.language.as_str()),
        seats: page.t2(
            "offering-capacity",
            "capacity",
            &o.capacity.to_string(),
            "seats",
            &seats,
        ),
        window: page.t2(
            "offering-window",
            "opens",
            &page.datetime(&o.registration_opens_at),
            "closes",
            &page.datetime(&o.registration_closes_at),
        ),
        credit: if o.credit_needs_course {
            page.t1(
                "offering-credit-rule-course",
                "percent",
                &o.credit_min_percent.to_string(),
            )
        } else {
            page.t1(
                "offering-credit-rule",
                "percent",
                &o.credit_min_percent.to_string(),
            )
        },
        competencies: around
            .competencies
            .iter()
            .map(|c| competency_name(page.lang, c))
            .collect(),
        session_count: i64::try_from(sessions.len()).unwrap_or(0),
        sessions,
        action,
        seated: view.status() == Some(RegistrationStatus::Confirmed),
        checked_in: check_in.done,
        leads: view.leads(),
        manages: view.manages,
        space,
        errors,
        page,
    }
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    id: OfferingId,
    errors: FormErrors,
) -> Result<OfferingPage, AppError> {
    let me = ctx.require_user()?;
    let shown = actions::show(state, me, id).await?;
    let space = crate::survey_actions::space_link(state, me, id).await?;
    let now = state.clock.now();
    let check_in = CheckIn::now(state, &shown, me.actor.user_id, now).await?;
    Ok(build(ctx, shown, space, check_in, errors, now.micros()))
}

/// `GET /offerings/{offering_id}`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(render(
        &page(&state, &ctx, OfferingId(id), FormErrors::none()).await?,
    ))
}

async fn refused(
    state: &AppState,
    ctx: &Ctx,
    id: OfferingId,
    invalid: &Invalid,
) -> Result<Response, AppError> {
    let errors = FormErrors::from_invalid(invalid, ctx.lang);
    Ok(render_invalid(&page(state, ctx, id, errors).await?))
}

/// `POST /offerings/{offering_id}/registration`: a seat, the waitlist or a
/// request for approval; the page then says which.
pub async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let id = OfferingId(id);
    match actions::register(&state, ctx.require_user()?, id).await? {
        Ok(r) => {
            let flash = match r.status {
                RegistrationStatus::Confirmed => Flash::OfferingSeatTaken,
                RegistrationStatus::Waitlisted => Flash::OfferingWaitlisted,
                _ => Flash::OfferingAwaitingApproval,
            };
            Ok(redirect_with(
                &actions::href(id),
                flash,
                state.config.secure_cookies(),
            ))
        }
        Err(e) => refused(&state, &ctx, id, &e).await,
    }
}

/// `POST /offerings/{offering_id}/registration/cancel`
pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let id = OfferingId(id);
    match actions::cancel(&state, ctx.require_user()?, id).await? {
        Ok(()) => Ok(redirect_with(
            &actions::href(id),
            Flash::OfferingLeft,
            state.config.secure_cookies(),
        )),
        Err(e) => refused(&state, &ctx, id, &e).await,
    }
}
