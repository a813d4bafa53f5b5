//! Admins run offerings: the list of an organisation's offerings (and those
//! below it), the create and edit form (sessions as rows; without
//! JavaScript "Add another session" and "Remove" are submit buttons that
//! show the form again, nothing saved), copying to a new date, cancelling
//! with a note, registering others and approvals. The work is in
//! `workshop_manage_actions`, shared with the API.

use crate::context::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::{HtmlForm, Upload};
use crate::gate::Access::{Org, SignedIn};
use crate::gate::ScopedOrg;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::Choice;
use crate::pages::org_admin::{AdminFrame, Tab, frame};
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use crate::workshop_access;
use crate::workshop_manage_actions::{self as actions, Choices, Draft};
use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::workshops::manage::Outcome;
use lyceum_domain::policy::Action::ManageOfferings;
use lyceum_domain::time::TimeZone;
use lyceum_domain::validation::Invalid;
use lyceum_domain::workshop::Mode;
use lyceum_domain::workshop::offering::{MAX_SESSIONS, SessionInput};
use lyceum_domain::{OfferingId, SessionId, UserId};
use std::collections::BTreeMap;

pub fn routes(r: Routes) -> Routes {
    r.add(
        GET,
        "/orgs/{org_id}/admin/offerings",
        Org(ManageOfferings),
        list,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/offerings/new",
        Org(ManageOfferings),
        new_form,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/offerings/new",
        Org(ManageOfferings),
        create,
    )
    .add(GET, "/offerings/{offering_id}/manage", SignedIn, edit_form)
    .add(POST, "/offerings/{offering_id}/manage", SignedIn, save)
    .add(
        GET,
        "/offerings/{offering_id}/manage/copy",
        SignedIn,
        copy_form,
    )
    .add(POST, "/offerings/{offering_id}/manage/copy", SignedIn, copy)
    .add(
        GET,
        "/offerings/{offering_id}/manage/cancel",
        SignedIn,
        cancel_form,
    )
    .add(
        POST,
        "/offerings/{offering_id}/manage/cancel",
        SignedIn,
        cancel,
    )
    .add(
        GET,
        "/offerings/{offering_id}/manage/registrations",
        SignedIn,
        people,
    )
    .add_upload(
        POST,
        "/offerings/{offering_id}/manage/registrations",
        SignedIn,
        register_others,
        MAX_LIST_BYTES,
    )
    .add(
        POST,
        "/offerings/{offering_id}/manage/registrations/{user_id}/decide",
        SignedIn,
        decide,
    )
}

/// The largest list of people sent at once (a file or pasted).
const MAX_LIST_BYTES: usize = 256 * 1024;

fn manage_path(id: OfferingId) -> String {
    format!("/offerings/{}/manage", id.0)
}

// ---- The list ----

pub struct OfferingLine {
    pub id: i64,
    pub title: String,
    pub org_name: String,
    pub starts: String,
    pub seats: String,
    pub waitlisted: i64,
    pub pending: i64,
    pub cancelled: bool,
}

#[derive(Template)]
#[template(path = "workshops_manage_list.html")]
pub struct ListPage {
    page: Page,
    frame: AdminFrame,
    offerings: Vec<OfferingLine>,
}

/// `GET /orgs/{org_id}/admin/offerings`
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    let frame = frame(&state, scope.id, Tab::Offerings).await?;
    let rows = actions::overview(&state, &scope.path).await?;
    let page = Page::new(&ctx, "offerings-admin-title").about(&frame.org.name);
    let offerings = rows
        .into_iter()
        .map(|s| OfferingLine {
            id: s.offering.id.0,
            starts: s
                .offering
                .starts_at
                .map(|at| page.datetime(&at))
                .unwrap_or_default(),
            seats: format!("{} / {}", s.offering.confirmed, s.offering.capacity),
            waitlisted: s.waitlisted,
            pending: s.pending,
            cancelled: s.offering.is_cancelled(),
            title: s.offering.title,
            org_name: s.org_name,
        })
        .collect();
    Ok(render(&ListPage {
        page,
        frame,
        offerings,
    }))
}

// ---- The create and edit form ----

pub struct SessionRowView {
    /// From 1: fields are `sessions-<n>-<field>`.
    pub n: usize,
    pub id: String,
    pub input: SessionInput,
    pub modes: Vec<Choice>,
    pub legend: String,
    pub remove_label: String,
}

#[derive(Template)]
#[template(path = "workshops_manage_form.html")]
pub struct FormPage {
    page: Page,
    errors: FormErrors,
    /// Where the form posts.
    action: String,
    /// Back to the list (new) or the offering (edit).
    back: String,
    editing: Option<i64>,
    draft: Draft,
    sessions: Vec<SessionRowView>,
    /// Blank rows shown after the typed ones.
    extra: usize,
    languages: Vec<Choice>,
    courses: Vec<Choice>,
    audiences: Vec<Choice>,
    facilitators: Vec<Choice>,
    competencies: Vec<Choice>,
    zones: Vec<String>,
    warnings: Vec<String>,
    can_add: bool,
}

fn choice(value: impl ToString, label: impl ToString, selected: bool) -> Choice {
    Choice {
        value: value.to_string(),
        label: label.to_string(),
        selected,
    }
}

#[allow(clippy::too_many_arguments)]
fn form_page(
    ctx: &Ctx,
    title_key: &'static str,
    action: String,
    back: String,
    editing: Option<OfferingId>,
    draft: Draft,
    extra: usize,
    choices: &Choices,
    errors: FormErrors,
    warnings: Vec<String>,
) -> FormPage {
    let page = Page::new(ctx, title_key).with_errors(&errors);
    let default_zone = page.zone.name().to_string();
    let mut sessions: Vec<SessionRowView> = draft
        .input
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| SessionRowView {
            n: i + 1,
            id: draft
                .session_ids
                .get(i)
                .copied()
                .flatten()
                .map(|s| s.0.to_string())
                .unwrap_or_default(),
            input: s.clone(),
            modes: Vec::new(),
            legend: String::new(),
            remove_label: String::new(),
        })
        .collect();
    let typed = sessions.len();
    for k in 0..extra.min(MAX_SESSIONS.saturating_sub(typed)) {
        sessions.push(SessionRowView {
            n: typed + k + 1,
            id: String::new(),
            input: SessionInput {
                time_zone: default_zone.clone(),
                mode: Mode::InPerson.as_str().into(),
                ..Default::default()
            },
            modes: Vec::new(),
            legend: String::new(),
            remove_label: String::new(),
        });
    }
    for s in &mut sessions {
        let n = i64::try_from(s.n).unwrap_or(0);
        s.legend = page.tn("offerings-session-legend", n);
        s.remove_label = page.tn("offerings-session-remove", n);
        s.modes = Mode::ALL
            .iter()
            .map(|m| {
                choice(
                    m.as_str(),
                    page.label("session-mode", m.as_str()),
                    s.input.mode == m.as_str(),
                )
            })
            .collect();
    }
    let languages = ["en", "es"]
        .iter()
        .map(|l| {
            choice(
                l,
                page.t(&format!("offerings-language-{l}")),
                draft.input.language == *l,
            )
        })
        .collect();
    let courses = choices
        .courses
        .iter()
        .map(|(id, t)| choice(id.0, t, draft.course == Some(id.0)))
        .collect();
    let audiences = choices
        .audiences
        .iter()
        .map(|(id, n)| choice(id.0, n, draft.audience == Some(id.0)))
        .collect();
    let facilitators = choices
        .facilitators
        .iter()
        .map(|(id, n, e)| {
            choice(
                id.0,
                format!("{n} ({e})"),
                draft.facilitators.contains(&id.0),
            )
        })
        .collect();
    let competencies = choices
        .competencies
        .iter()
        .map(|(id, n)| choice(id, n, draft.competencies.contains(id)))
        .collect();
    FormPage {
        page,
        errors,
        action,
        back,
        editing: editing.map(|e| e.0),
        can_add: sessions.len() < MAX_SESSIONS,
        draft,
        sessions,
        extra,
        languages,
        courses,
        audiences,
        facilitators,
        competencies,
        zones: TimeZone::all_names(),
        warnings,
    }
}

/// What the form's submit button asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Intent {
    Save,
    AddSession,
    Remove(usize),
}

/// The form as posted: repeated fields (`facilitators`, `competencies`)
/// and session rows (`sessions-<n>-<field>`); a row left blank is no session.
fn read_form(pairs: Vec<(String, String)>) -> (Draft, Intent, usize) {
    let mut d = Draft::default();
    let mut intent = Intent::Save;
    let mut extra = 1;
    let mut rows: BTreeMap<usize, (Option<SessionId>, SessionInput)> = BTreeMap::new();
    for (k, v) in pairs {
        match k.as_str() {
            "title" => d.input.title = v,
            "description" => d.input.description = v,
            "language" => d.input.language = v,
            "hours" => d.input.hours = v,
            "capacity" => d.input.capacity = v,
            "registration_opens" => d.input.registration_opens = v,
            "registration_closes" => d.input.registration_closes = v,
            "needs_approval" => d.input.needs_approval = !v.is_empty(),
            "credit_min_percent" => d.input.credit_min_percent = v,
            "credit_needs_course" => d.input.credit_needs_course = !v.is_empty(),
            "remind_first_minutes" => d.input.remind_first_minutes = v,
            "remind_second_minutes" => d.input.remind_second_minutes = v,
            "course" => d.course = v.trim().parse().ok(),
            "audience" => d.audience = v.trim().parse().ok(),
            "facilitators" => d.facilitators.extend(v.trim().parse::<i64>().ok()),
            "competencies" if !v.trim().is_empty() => d.competencies.push(v.trim().to_string()),
            "extra" => extra = v.trim().parse().unwrap_or(1).min(MAX_SESSIONS),
            "add_session" => intent = Intent::AddSession,
            "remove" => {
                if let Ok(n) = v.trim().parse() {
                    intent = Intent::Remove(n);
                }
            }
            other => {
                let Some((n, field)) = other
                    .strip_prefix("sessions-")
                    .and_then(|rest| rest.split_once('-'))
                else {
                    continue;
                };
                let Ok(n) = n.parse::<usize>() else { continue };
                if n == 0 || n > MAX_SESSIONS * 2 {
                    continue;
                }
                let row = rows.entry(n).or_default();
                let s = &mut row.1;
                match field {
                    "id" => row.0 = v.trim().parse().ok().map(SessionId),
                    "date" => s.date = v,
                    "start" => s.start = v,
                    "end" => s.end = v,
                    "time_zone" => s.time_zone = v,
                    "mode" => s.mode = v,
                    "venue" => s.venue = v,
                    "address" => s.address = v,
                    "room" => s.room = v,
                    "meeting_url" => s.meeting_url = v,
                    _ => {}
                }
            }
        }
    }
    for (n, (id, s)) in rows {
        if intent == Intent::Remove(n) {
            continue;
        }
        let blank = [
            &s.date,
            &s.start,
            &s.end,
            &s.venue,
            &s.address,
            &s.room,
            &s.meeting_url,
        ]
        .iter()
        .all(|f| f.trim().is_empty());
        if blank && id.is_none() {
            continue;
        }
        d.session_ids.push(id);
        d.input.sessions.push(s);
    }
    (d, intent, extra)
}

/// Warnings of facilitators' double bookings, in the reader's language.
fn warning_lines(page_ctx: &Ctx, list: Vec<actions::DoubleBooking>) -> Vec<String> {
    let page = Page::new(page_ctx, "offerings-admin-title");
    list.into_iter()
        .map(|w| {
            lyceum_domain::i18n::catalogue().text_with(
                page.lang,
                "offerings-double-booked",
                &[
                    ("name", lyceum_domain::i18n::Arg::Str(&w.facilitator)),
                    ("session", lyceum_domain::i18n::Arg::Num(w.session as i64)),
                    (
                        "when",
                        lyceum_domain::i18n::Arg::Str(&page.datetime(&w.other_starts_at.micros())),
                    ),
                ],
            )
        })
        .collect()
}

fn new_draft() -> Draft {
    Draft {
        input: lyceum_domain::workshop::offering::OfferingInput {
            language: "en".into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Which form: a new offering of an organisation, or editing one.
#[derive(Clone, Copy)]
enum Target<'a> {
    New(&'a ScopedOrg),
    Edit(OfferingId),
}

/// The create or edit form: `draft` as typed (else a new draft, or the
/// offering as saved), `extra` blank session rows, `errors` shown.
async fn form_for(
    state: &AppState,
    ctx: &Ctx,
    me: &CurrentUser,
    target: Target<'_>,
    draft: Option<Draft>,
    extra: usize,
    errors: FormErrors,
) -> Result<FormPage, AppError> {
    match target {
        Target::New(scope) => {
            let choices =
                actions::choices(state, &me.actor, scope.id, &scope.path, ctx.lang).await?;
            let draft = draft.unwrap_or_else(|| {
                let mut d = new_draft();
                d.input.language = ctx.lang.as_str().into();
                d
            });
            Ok(form_page(
                ctx,
                "offerings-new-title",
                format!("/orgs/{}/admin/offerings/new", scope.id.0),
                format!("/orgs/{}/admin/offerings", scope.id.0),
                None,
                draft,
                extra,
                &choices,
                errors,
                Vec::new(),
            ))
        }
        Target::Edit(id) => edit_page(state, ctx, me, id, draft, extra, errors).await,
    }
}

/// A posted create or edit form: "Add another session" and "Remove" show
/// it again (nothing saved); saving redirects to the edit form with its
/// message, or shows the form again with what is wrong.
async fn submitted(
    state: &AppState,
    ctx: &Ctx,
    target: Target<'_>,
    pairs: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (draft, intent, extra) = read_form(pairs);
    let rows = match intent {
        Intent::Save => None,
        Intent::AddSession => Some(extra + 1),
        Intent::Remove(_) => Some(extra),
    };
    if let Some(rows) = rows {
        let page = form_for(
            state,
            ctx,
            me,
            target,
            Some(draft),
            rows,
            FormErrors::none(),
        )
        .await?;
        return Ok(render(&page));
    }
    let saved = match target {
        Target::New(scope) => actions::create(state, me, scope.id, &scope.path, &draft)
            .await?
            .map(|id| (id, Flash::OfferingCreated)),
        Target::Edit(id) => actions::update(state, me, id, &draft)
            .await?
            .map(|_| (id, Flash::OfferingSaved)),
    };
    match saved {
        Ok((id, flash)) => Ok(redirect_with(
            &manage_path(id),
            flash,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            let page = form_for(state, ctx, me, target, Some(draft), extra.max(1), errors).await?;
            Ok(render_invalid(&page))
        }
    }
}

/// `GET /orgs/{org_id}/admin/offerings/new`
pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let page = form_for(
        &state,
        &ctx,
        me,
        Target::New(&scope),
        None,
        2,
        FormErrors::none(),
    )
    .await?;
    Ok(render(&page))
}

/// `POST /orgs/{org_id}/admin/offerings/new`
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlForm(pairs): HtmlForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    submitted(&state, &ctx, Target::New(&scope), pairs).await
}

async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    me: &CurrentUser,
    id: OfferingId,
    draft: Option<Draft>,
    extra: usize,
    errors: FormErrors,
) -> Result<FormPage, AppError> {
    let view = workshop_access::load_managed(state, me, id).await?;
    let o = &view.standing.offering;
    if o.offering.is_cancelled() {
        return Err(AppError::NotFound);
    }
    let draft = match draft {
        Some(d) => d,
        None => actions::draft_of(state, o).await?,
    };
    let choices = actions::choices(
        state,
        &me.actor,
        o.offering.org_id,
        &view.org_path,
        ctx.lang,
    )
    .await?;
    let warnings = warning_lines(ctx, actions::warnings(state, id).await?);
    Ok(form_page(
        ctx,
        "offerings-edit-title",
        manage_path(id),
        lyceum_domain::paths::offering(id),
        Some(id),
        draft,
        extra,
        &choices,
        errors,
        warnings,
    ))
}

/// `GET /offerings/{offering_id}/manage`: the edit form, with the links to
/// copy, cancel and registrations.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let page = form_for(
        &state,
        &ctx,
        me,
        Target::Edit(OfferingId(id)),
        None,
        1,
        FormErrors::none(),
    )
    .await?;
    Ok(render(&page))
}

/// `POST /offerings/{offering_id}/manage`
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(pairs): HtmlForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    submitted(&state, &ctx, Target::Edit(OfferingId(id)), pairs).await
}

// ---- Copy and cancel ----

#[derive(Template)]
#[template(path = "workshops_manage_copy.html")]
pub struct CopyPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    offering: String,
    first_date: String,
}

async fn copy_page(
    state: &AppState,
    ctx: &Ctx,
    id: OfferingId,
    first_date: String,
    errors: FormErrors,
) -> Result<CopyPage, AppError> {
    let me = ctx.require_user()?;
    let view = workshop_access::load_managed(state, me, id).await?;
    let page = Page::new(ctx, "offerings-copy-title").with_errors(&errors);
    Ok(CopyPage {
        page,
        errors,
        id: id.0,
        offering: view.standing.offering.offering.title.clone(),
        first_date,
    })
}

/// `GET /offerings/{offering_id}/manage/copy`
pub async fn copy_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(render(
        &copy_page(
            &state,
            &ctx,
            OfferingId(id),
            String::new(),
            FormErrors::none(),
        )
        .await?,
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct CopyForm {
    #[serde(default)]
    first_date: String,
}

/// `POST /offerings/{offering_id}/manage/copy`: opens the copy's edit form.
pub async fn copy(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<CopyForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    match actions::copy(&state, me, OfferingId(id), &form.first_date).await? {
        Ok(copy) => Ok(redirect_with(
            &manage_path(copy),
            Flash::OfferingCopied,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(
                &copy_page(&state, &ctx, OfferingId(id), form.first_date, errors).await?,
            ))
        }
    }
}

#[derive(Template)]
#[template(path = "workshops_manage_cancel.html")]
pub struct CancelPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    offering: String,
    message: String,
    cancelled: bool,
}

async fn cancel_page(
    state: &AppState,
    ctx: &Ctx,
    id: OfferingId,
    message: String,
    errors: FormErrors,
) -> Result<CancelPage, AppError> {
    let me = ctx.require_user()?;
    let view = workshop_access::load_managed(state, me, id).await?;
    let page = Page::new(ctx, "offerings-cancel-title").with_errors(&errors);
    let row = &view.standing.offering.offering;
    Ok(CancelPage {
        page,
        errors,
        id: id.0,
        offering: row.title.clone(),
        message,
        cancelled: row.is_cancelled(),
    })
}

/// `GET /offerings/{offering_id}/manage/cancel`
pub async fn cancel_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(render(
        &cancel_page(
            &state,
            &ctx,
            OfferingId(id),
            String::new(),
            FormErrors::none(),
        )
        .await?,
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    message: String,
}

/// `POST /offerings/{offering_id}/manage/cancel`
pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<CancelForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let id = OfferingId(id);
    match actions::cancel(&state, me, id, &form.message).await? {
        Ok(_) => Ok(redirect_with(
            &lyceum_domain::paths::offering(id),
            Flash::OfferingCancelled,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(
                &cancel_page(&state, &ctx, id, form.message, errors).await?,
            ))
        }
    }
}

// ---- Registering others and approvals ----

pub struct PendingView {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub asked: String,
    /// The reader's own request: another admin decides it.
    pub own: bool,
}

pub struct LineView {
    pub line: u64,
    pub email: String,
    pub outcome: String,
}

#[derive(Template)]
#[template(path = "workshops_manage_registrations.html")]
pub struct PeoplePage {
    page: Page,
    errors: FormErrors,
    id: i64,
    offering: String,
    cancelled: bool,
    pending: Vec<PendingView>,
    report: Vec<LineView>,
    email: String,
    list: String,
}

async fn people_page(
    state: &AppState,
    ctx: &Ctx,
    id: OfferingId,
    errors: FormErrors,
    report: Vec<LineView>,
    typed: (String, String),
) -> Result<PeoplePage, AppError> {
    let me = ctx.require_user()?;
    let view = workshop_access::load_managed(state, me, id).await?;
    let page = Page::new(ctx, "offerings-people-title").with_errors(&errors);
    let mine = me.user.id();
    let pending = actions::pending(state, id)
        .await?
        .into_iter()
        .map(|(r, name, email)| PendingView {
            user_id: r.user_id.0,
            own: r.user_id == mine,
            asked: page.datetime(&r.created_at),
            name,
            email: email.unwrap_or_default(),
        })
        .collect();
    let row = &view.standing.offering.offering;
    Ok(PeoplePage {
        page,
        errors,
        id: id.0,
        offering: row.title.clone(),
        cancelled: row.is_cancelled(),
        pending,
        report,
        email: typed.0,
        list: typed.1,
    })
}

/// `GET /offerings/{offering_id}/manage/registrations`
pub async fn people(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let page = people_page(
        &state,
        &ctx,
        OfferingId(id),
        FormErrors::none(),
        Vec::new(),
        Default::default(),
    )
    .await?;
    Ok(render(&page))
}

/// `POST /offerings/{offering_id}/manage/registrations` (multipart): one
/// `email`, or a `list` pasted or sent as a `file` — answered with a report
/// line per person.
pub async fn register_others(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: Upload,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let id = OfferingId(id);
    // Who may act is asked before the list is read.
    workshop_access::load_managed(&state, me, id).await?;
    let email = form.text("email").trim().to_string();
    let list = form.text("list");
    let file = form.file("file");
    let pasted = email.is_empty() && file.is_none();
    let text = match (email.is_empty(), file) {
        (false, _) => email.clone(),
        (true, Some((_, bytes))) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                return refused(
                    &state,
                    &ctx,
                    id,
                    Invalid::one("file", "csv-not-utf8"),
                    (email, list),
                )
                .await;
            }
        },
        (true, None) => list.clone(),
    };
    if text.trim().is_empty() {
        return refused(
            &state,
            &ctx,
            id,
            Invalid::one("email", "people-required"),
            (email, list),
        )
        .await;
    }
    let people = match actions::read_list(&text) {
        Ok(p) => p,
        Err(mut invalid) => {
            if !email.is_empty() {
                invalid = Invalid::one("email", "email-invalid");
            } else if pasted {
                // The list's lines are named on the box they were typed in.
                for e in &mut invalid.0 {
                    e.field = "list".into();
                }
            }
            return refused(&state, &ctx, id, invalid, (email, list)).await;
        }
    };
    match actions::register_others(&state, me, id, people).await? {
        Ok(lines) => {
            let lang = ctx.lang;
            let report = lines
                .into_iter()
                .map(|l| LineView {
                    line: l.line,
                    email: l.email,
                    outcome: lyceum_domain::i18n::catalogue().text(
                        lang,
                        &format!("offerings-outcome-{}", outcome_key(l.outcome)),
                    ),
                })
                .collect();
            let page = people_page(
                &state,
                &ctx,
                id,
                FormErrors::none(),
                report,
                Default::default(),
            )
            .await?;
            Ok(render(&page))
        }
        Err(invalid) => refused(&state, &ctx, id, invalid, (email, list)).await,
    }
}

fn outcome_key(o: Outcome) -> &'static str {
    match o {
        Outcome::Registered => "registered",
        Outcome::Waitlisted => "waitlisted",
        Outcome::UnknownEmail => "unknown-email",
        Outcome::OutsideAudience => "outside-audience",
        Outcome::AlreadyRegistered => "already-registered",
    }
}

async fn refused(
    state: &AppState,
    ctx: &Ctx,
    id: OfferingId,
    invalid: Invalid,
    typed: (String, String),
) -> Result<Response, AppError> {
    let errors = FormErrors::from_invalid(&invalid, ctx.lang);
    Ok(render_invalid(
        &people_page(state, ctx, id, errors, Vec::new(), typed).await?,
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
}

/// `POST /offerings/{offering_id}/manage/registrations/{user_id}/decide`:
/// `decision` is `approve` or `decline`.
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, user)): Path<(i64, i64)>,
    HtmlForm(form): HtmlForm<DecisionForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let id = OfferingId(id);
    let approve = match form.decision.as_str() {
        "approve" => true,
        "decline" => false,
        _ => return Err(AppError::BadRequest("decision: approve or decline".into())),
    };
    match actions::decide(&state, me, id, UserId(user), approve).await? {
        Ok(_) => Ok(redirect_with(
            &format!("{}/registrations", manage_path(id)),
            Flash::RegistrationDecided,
            state.config.secure_cookies(),
        )),
        Err(invalid) => refused(&state, &ctx, id, invalid, Default::default()).await,
    }
}
