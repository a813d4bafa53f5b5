//! Outside PD: an educator asks one of their organisations to count hours
//! earned elsewhere, with evidence (a link or a file); an admin there, or
//! above it, approves, returns with a comment, or rejects with one.

use super::Choice;
use super::org_admin::{AdminFrame, Tab, frame};
use crate::admin_views;
use crate::context::Ctx;
use crate::credit_actions as actions;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::{HtmlForm, HtmlQuery, Upload};
use crate::gate::ScopedOrg;
use crate::page::{FormErrors, Page, human_date, render, render_invalid};
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_domain::course::hours_in;
use lyceum_domain::evidence::MAX_EVIDENCE_BYTES;
use lyceum_domain::pd::OutsideInput;
use lyceum_domain::validation::Invalid;
use serde::Deserialize;

pub(super) use actions::evidence_response;

/// The largest request body: the evidence file and the form around it.
pub const MAX_UPLOAD: usize = MAX_EVIDENCE_BYTES + 64 * 1024;

// ---- The educator's form ----

#[derive(Template)]
#[template(path = "pd_request_form.html")]
pub struct RequestFormPage {
    page: Page,
    errors: FormErrors,
    input: OutsideInput,
    orgs: Vec<Choice>,
    max_mb: usize,
}

fn form_page(
    ctx: &Ctx,
    input: OutsideInput,
    errors: FormErrors,
) -> Result<RequestFormPage, AppError> {
    let mine = &ctx.require_user()?.memberships;
    let mut orgs: Vec<Choice> = Vec::new();
    for m in mine {
        let value = m.org_id.to_string();
        if !orgs.iter().any(|o| o.value == value) {
            orgs.push(Choice {
                selected: input.org == value,
                value,
                label: m.org_name.clone(),
            });
        }
    }
    Ok(RequestFormPage {
        page: Page::new(ctx, "pd-request-title").with_errors(&errors),
        errors,
        input,
        orgs,
        max_mb: MAX_EVIDENCE_BYTES / (1024 * 1024),
    })
}

/// `GET /transcript/outside`
pub async fn form(ctx: Ctx) -> Result<Response, AppError> {
    Ok(render(&form_page(
        &ctx,
        OutsideInput::default(),
        FormErrors::none(),
    )?))
}

/// `POST /transcript/outside` (multipart, with the evidence file if any).
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Upload,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.user.id();
    let input = actions::outside_input(&form);
    let file = form.file("evidence_file");
    let file = file.as_ref().map(|(n, b)| (n.as_str(), b.as_slice()));
    match actions::submit(&state, user, &ctx.zone(), &input, file).await? {
        Ok(_) => Ok(redirect_with(
            "/transcript",
            Flash::PdRequestSent,
            state.config.secure_cookies(),
        )),
        Err(e) => refused(&ctx, input, &e),
    }
}

fn refused(ctx: &Ctx, input: OutsideInput, invalid: &Invalid) -> Result<Response, AppError> {
    let errors = FormErrors::from_invalid(invalid, ctx.lang);
    Ok(render_invalid(&form_page(ctx, input, errors)?))
}

/// `GET /transcript/outside/{request_id}/evidence`: the educator's own file.
pub async fn own_evidence(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    actions::own_evidence(&state, ctx.require_user()?.user.id(), id).await
}

// ---- The admins' page ----

pub struct WaitingView {
    pub id: i64,
    pub requester: String,
    pub org_name: String,
    pub title: String,
    pub description: Option<String>,
    pub hours: String,
    /// The day it was done, on the calendar of the organisation asked.
    pub completed_on: String,
    /// When it was sent, on the reviewer's clock, the zone named.
    pub sent_at: String,
    pub evidence_url: Option<String>,
    pub evidence_href: Option<String>,
}

/// A request decided, for the history below the queue.
pub struct DecidedView {
    pub title: String,
    pub requester: String,
    pub org_name: String,
    pub hours: String,
    pub decision: String,
    pub decider: String,
    pub decided_on: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "org_admin_pd_requests.html")]
pub struct AdminPage {
    page: Page,
    frame: AdminFrame,
    errors: FormErrors,
    waiting: Vec<WaitingView>,
    /// The request an error is about, and the comment typed.
    failed: Option<(i64, String)>,
    decided: Vec<DecidedView>,
    /// Which page of decided requests this is (from 1), and whether one follows.
    history_page: u32,
    more_history: bool,
}

/// `?page=` of the decided requests.
#[derive(Debug, Default, Deserialize)]
pub struct HistoryQuery {
    #[serde(default)]
    page: Option<u32>,
}

async fn admin_page(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    errors: FormErrors,
    failed: Option<(i64, String)>,
    history_page: u32,
) -> Result<AdminPage, AppError> {
    let frame = frame(state, scope.id, Tab::PdRequests).await?;
    let rows = actions::queue(state, &ctx.require_user()?.actor, scope).await?;
    let history_page = history_page.max(1);
    let (decided, more_history) = admin_views::decided(state, scope, history_page).await?;
    let page = Page::new(ctx, "pd-requests-title")
        .about(&frame.org.name)
        .with_errors(&errors);
    let org = scope.id.0;
    let waiting = rows
        .into_iter()
        .map(|(w, zone)| WaitingView {
            id: w.request.id,
            requester: w.requester,
            org_name: w.org_name,
            hours: hours_in(w.request.hours(), page.lang),
            completed_on: format!(
                "{} ({zone})",
                human_date(w.request.completed_at, &zone, page.lang)
            ),
            sent_at: page.datetime(&w.request.created_at),
            evidence_href: w
                .request
                .evidence_name
                .as_ref()
                .map(|_| format!("/orgs/{org}/admin/pd-requests/{}/evidence", w.request.id)),
            title: w.request.title,
            description: w.request.description,
            evidence_url: w.request.evidence_url,
        })
        .collect();
    let decided = decided
        .into_iter()
        .map(|d| DecidedView {
            hours: hours_in(d.request.hours(), page.lang),
            decision: page.label("pd-request-status", d.request.status.as_str()),
            decider: d.decider.unwrap_or_default(),
            decided_on: d
                .request
                .reviewed_at
                .map(|at| page.date(&at))
                .unwrap_or_default(),
            reason: d.request.review_comment.unwrap_or_default(),
            title: d.request.title,
            requester: d.requester,
            org_name: d.org_name,
        })
        .collect();
    Ok(AdminPage {
        page,
        frame,
        errors,
        waiting,
        failed,
        decided,
        history_page,
        more_history,
    })
}

/// `GET /orgs/{org_id}/admin/pd-requests`
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlQuery(query): HtmlQuery<HistoryQuery>,
) -> Result<Response, AppError> {
    let history_page = query.page.unwrap_or(1);
    Ok(render(
        &admin_page(&state, &ctx, &scope, FormErrors::none(), None, history_page).await?,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

/// `POST /orgs/{org_id}/admin/pd-requests/{request_id}/decide`:
/// `decision` is approved, returned or rejected; the last two need a comment.
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, id)): Path<(i64, i64)>,
    HtmlForm(form): HtmlForm<DecisionForm>,
) -> Result<Response, AppError> {
    let me = &ctx.require_user()?.actor;
    if let Err(invalid) =
        actions::decide(&state, me, &scope, id, &form.decision, &form.comment).await?
    {
        // The decision is a button: only a forged form names another.
        if invalid.has("decision") {
            return Err(AppError::BadRequest(
                "decision: approved, returned or rejected".into(),
            ));
        }
        // The comment box is one per request on the page.
        let errors = FormErrors::from_invalid(&invalid, ctx.lang).for_item(id);
        return Ok(render_invalid(
            &admin_page(&state, &ctx, &scope, errors, Some((id, form.comment)), 1).await?,
        ));
    }
    Ok(redirect_with(
        &format!("/orgs/{}/admin/pd-requests", scope.id.0),
        Flash::PdRequestDecided,
        state.config.secure_cookies(),
    ))
}

/// `GET /orgs/{org_id}/admin/pd-requests/{request_id}/evidence`
pub async fn evidence(
    State(state): State<AppState>,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    actions::scoped_evidence(&state, &scope, id).await
}
