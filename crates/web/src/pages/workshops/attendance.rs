//! Attendance pages. For those who lead an offering: the roster (seats,
//! the waitlist in order, requests waiting for approval, each person's
//! marks and credit) with its CSV, and a marking sheet per session — one
//! form, a group of five radios per person, one Save — that works on a
//! phone without JavaScript, with the session's check-in code shown large
//! for a projector. For attendees: checking in with that code.

use crate::attendance_actions as actions;
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::gate::Access::SignedIn;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::ratelimit::ClientIp;
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use crate::workshop_access::{self, OfferingView};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::workshops::SessionRow;
use lyceum_db::workshops::attendance::Roster;
use lyceum_domain::validation::Invalid;
use lyceum_domain::workshop::attendance::{Window, checkin_window};
use lyceum_domain::workshop::{Mark, RegistrationStatus};
use lyceum_domain::{OfferingId, SessionId, Timestamp};
use serde::Deserialize;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/offerings/{offering_id}/roster", SignedIn, roster)
        .add(
            GET,
            "/offerings/{offering_id}/roster.csv",
            SignedIn,
            roster_csv,
        )
        .add(
            GET,
            "/offerings/{offering_id}/sessions/{session_id}/attendance",
            SignedIn,
            sheet,
        )
        .add(
            POST,
            "/offerings/{offering_id}/sessions/{session_id}/attendance",
            SignedIn,
            save,
        )
        .add(
            GET,
            "/offerings/{offering_id}/check-in",
            SignedIn,
            check_in_form,
        )
        .add(
            POST,
            "/offerings/{offering_id}/check-in",
            SignedIn,
            check_in,
        )
}

fn roster_href(id: OfferingId) -> String {
    format!("/offerings/{}/roster", id.0)
}

fn sheet_href(id: OfferingId, session: SessionId) -> String {
    format!("/offerings/{}/sessions/{}/attendance", id.0, session.0)
}

// ---- The roster ----

pub struct SessionView {
    pub number: usize,
    pub when: String,
    pub cancelled: bool,
    pub href: String,
}

pub struct PersonView {
    pub name: String,
    pub email: String,
    /// Each session's heading and the mark there, in words.
    pub marks: Vec<(String, String)>,
    pub credited: bool,
}

#[derive(Template)]
#[template(path = "workshops_attendance_roster.html")]
pub struct RosterPage {
    page: Page,
    offering_href: String,
    csv_href: String,
    rule: String,
    sessions: Vec<SessionView>,
    confirmed: Vec<PersonView>,
    waitlisted: Vec<PersonView>,
    pending: Vec<PersonView>,
}

fn session_views(page: &Page, id: OfferingId, sessions: &[SessionRow]) -> Vec<SessionView> {
    sessions
        .iter()
        .enumerate()
        .map(|(i, s)| SessionView {
            number: i + 1,
            when: page.datetime(&s.starts_at),
            cancelled: s.cancelled_at.is_some(),
            href: sheet_href(id, s.id),
        })
        .collect()
}

fn people(page: &Page, roster: &Roster, status: RegistrationStatus) -> Vec<PersonView> {
    roster
        .with_status(status)
        .map(|p| PersonView {
            name: p.name.clone(),
            email: p.email.clone().unwrap_or_default(),
            marks: p
                .marks
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let n = (i + 1).to_string();
                    let heading = page.t1("workshop-roster-session-n", "n", &n);
                    let mark = match m {
                        Some(m) => page.t(&m.label_key()),
                        None => page.t("workshop-roster-unmarked"),
                    };
                    (heading, mark)
                })
                .collect(),
            credited: p.credited,
        })
        .collect()
}

fn rule_text(page: &Page, view: &OfferingView) -> String {
    let o = &view.standing.offering.offering;
    let percent = o.credit_min_percent.to_string();
    let key = if o.credit_needs_course && o.course_id.is_some() {
        "workshop-roster-rule-course"
    } else {
        "workshop-roster-rule"
    };
    page.t1(key, "percent", &percent)
}

/// `GET /offerings/{offering_id}/roster`
pub async fn roster(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let id = OfferingId(id);
    let (view, roster) = actions::roster(&state, ctx.require_user()?, id).await?;
    let title = &view.standing.offering.offering.title;
    let page = Page::new(&ctx, "workshop-roster-title");
    let page = page
        .clone()
        .with_title(&page.t1("workshop-roster-title", "offering", title));
    Ok(render(&RosterPage {
        offering_href: format!("/offerings/{}", id.0),
        csv_href: format!("/offerings/{}/roster.csv", id.0),
        rule: rule_text(&page, &view),
        sessions: session_views(&page, id, &roster.sessions),
        confirmed: people(&page, &roster, RegistrationStatus::Confirmed),
        waitlisted: people(&page, &roster, RegistrationStatus::Waitlisted),
        pending: people(&page, &roster, RegistrationStatus::Pending),
        page,
    }))
}

/// `GET /offerings/{offering_id}/roster.csv`
pub async fn roster_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (view, roster) = actions::roster(&state, ctx.require_user()?, OfferingId(id)).await?;
    Ok(actions::roster_csv(&view, &roster, &ctx.zone(), ctx.lang))
}

// ---- A session's marking sheet ----

pub struct MarkChoice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

pub struct LineView {
    /// The form field: `mark-<user id>`.
    pub field: String,
    pub name: String,
    pub choices: Vec<MarkChoice>,
}

#[derive(Template)]
#[template(path = "workshops_attendance_sheet.html")]
pub struct SheetPage {
    page: Page,
    errors: FormErrors,
    roster_href: String,
    action: String,
    when: String,
    cancelled: bool,
    code: String,
    checkin_href: String,
    lines: Vec<LineView>,
}

async fn sheet_page(
    state: &AppState,
    ctx: &Ctx,
    id: OfferingId,
    session: SessionId,
    typed: Option<&[(String, String)]>,
    errors: FormErrors,
) -> Result<SheetPage, AppError> {
    let (view, row, lines) = actions::sheet(state, ctx.require_user()?, id, session).await?;
    let n = actions::session_number(&view, session).to_string();
    let page = Page::new(ctx, "workshop-attendance-title").with_errors(&errors);
    let title = page.t2(
        "workshop-attendance-title",
        "n",
        &n,
        "offering",
        &view.standing.offering.offering.title,
    );
    let page = page.with_title(&title);
    let lines = lines
        .into_iter()
        .map(|l| {
            let field = format!("mark-{}", l.user_id.0);
            // After an error, the marks as typed; else as stored.
            let chosen = match typed {
                Some(t) => t
                    .iter()
                    .find(|(k, _)| *k == field)
                    .and_then(|(_, v)| Mark::parse(v)),
                None => l.mark,
            };
            LineView {
                choices: Mark::ALL
                    .iter()
                    .map(|m| MarkChoice {
                        value: m.as_str(),
                        label: page.t(&m.label_key()),
                        checked: chosen == Some(*m),
                    })
                    .collect(),
                field,
                name: l.name,
            }
        })
        .collect();
    Ok(SheetPage {
        roster_href: roster_href(id),
        action: sheet_href(id, session),
        when: format!(
            "{} – {}",
            page.datetime(&row.starts_at),
            page.datetime(&row.ends_at)
        ),
        cancelled: row.cancelled_at.is_some(),
        code: row.checkin_code,
        checkin_href: state.config.link(&format!("/offerings/{}/check-in", id.0)),
        lines,
        errors,
        page,
    })
}

/// `GET /offerings/{offering_id}/sessions/{session_id}/attendance`
pub async fn sheet(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, session)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (id, session) = (OfferingId(id), SessionId(session));
    Ok(render(
        &sheet_page(&state, &ctx, id, session, None, FormErrors::none()).await?,
    ))
}

/// `POST /offerings/{offering_id}/sessions/{session_id}/attendance`: every
/// mark on the sheet at once; people left unmarked stay so.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, session)): Path<(i64, i64)>,
    HtmlForm(form): HtmlForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (id, session) = (OfferingId(id), SessionId(session));
    let user = ctx.require_user()?;
    let refuse = async |invalid: Invalid| -> Result<Response, AppError> {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        Ok(render_invalid(
            &sheet_page(&state, &ctx, id, session, Some(&form), errors).await?,
        ))
    };
    let marks = match actions::parse_marks(form.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
        Ok(m) => m,
        Err(invalid) => return refuse(invalid).await,
    };
    match actions::save_marks(&state, user, id, session, marks).await? {
        Ok(_) => Ok(redirect_with(
            &sheet_href(id, session),
            Flash::AttendanceSaved,
            state.config.secure_cookies(),
        )),
        Err(invalid) => refuse(invalid).await,
    }
}

// ---- Checking in ----

#[derive(Template)]
#[template(path = "workshops_attendance_checkin.html")]
pub struct CheckInPage {
    page: Page,
    errors: FormErrors,
    offering_href: String,
    action: String,
    code: String,
    /// The session whose check-in is open now, if one is.
    open: Option<(i64, String)>,
    /// The next session's check-in opening, when none is open.
    opens: Option<String>,
    holds_seat: bool,
}

fn check_in_page(
    ctx: &Ctx,
    view: &OfferingView,
    code: String,
    errors: FormErrors,
    now: Timestamp,
) -> CheckInPage {
    let o = &view.standing.offering;
    let page = Page::new(ctx, "workshop-checkin-title").with_errors(&errors);
    let title = page.t1("workshop-checkin-title", "offering", &o.offering.title);
    let page = page.with_title(&title);
    let live = o.sessions.iter().filter(|s| s.cancelled_at.is_none());
    let mut open = None;
    let mut opens = None;
    for s in live {
        let window = checkin_window(
            Timestamp::from_micros(s.starts_at),
            Timestamp::from_micros(s.ends_at),
            now,
        );
        match window {
            Window::Open if open.is_none() => {
                open = Some((s.id.0, page.datetime(&s.starts_at)));
            }
            Window::OpensAt(at) if opens.is_none() => opens = Some(page.datetime(&at.micros())),
            _ => {}
        }
    }
    CheckInPage {
        offering_href: format!("/offerings/{}", o.offering.id.0),
        action: format!("/offerings/{}/check-in", o.offering.id.0),
        code,
        open,
        opens,
        holds_seat: view.status() == Some(RegistrationStatus::Confirmed),
        errors,
        page,
    }
}

/// `GET /offerings/{offering_id}/check-in`
pub async fn check_in_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let view = workshop_access::load(&state, ctx.require_user()?, OfferingId(id)).await?;
    Ok(render(&check_in_page(
        &ctx,
        &view,
        String::new(),
        FormErrors::none(),
        state.clock.now(),
    )))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CheckInForm {
    pub code: String,
    /// The session the page offered; none: whichever the code is for.
    pub session: Option<i64>,
}

/// `POST /offerings/{offering_id}/check-in`
pub async fn check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<CheckInForm>,
) -> Result<Response, AppError> {
    let id = OfferingId(id);
    let user = ctx.require_user()?;
    let result = actions::check_in(
        &state,
        user,
        ip,
        id,
        form.session.map(SessionId),
        form.code.clone(),
        &ctx.zone(),
        ctx.lang,
    )
    .await?;
    match result {
        // Back to the offering: its sessions, links and what comes next.
        Ok(_) => Ok(redirect_with(
            &crate::workshop_actions::href(id),
            Flash::CheckedIn,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let view = workshop_access::load(&state, user, id).await?;
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(&check_in_page(
                &ctx,
                &view,
                form.code,
                errors,
                state.clock.now(),
            )))
        }
    }
}
