//! The triage queue (`/challenges/triage`), a report's page, triaging it
//! and merging a duplicate. Who may see what is the database's and
//! `radar_actions`'s: 404 for a report one neither filed nor triages.

use super::report::{Row, summary};
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::{HtmlForm, HtmlQuery};
use crate::gate::Access::SignedIn;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::radar_actions::{self as actions, QueueQuery, ReportView, Who};
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_domain::ChallengeId;
use lyceum_domain::radar::{AnswerKind, Category, Status, TriageInput};
use lyceum_domain::validation::Invalid;
use serde::Deserialize;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/challenges/triage", SignedIn, queue)
        .add(GET, "/challenges/{challenge_id}", SignedIn, show)
        .add(POST, "/challenges/{challenge_id}/triage", SignedIn, triage)
        .add(POST, "/challenges/{challenge_id}/merge", SignedIn, merge)
}

#[derive(Template)]
#[template(path = "radar/queue.html")]
pub struct QueuePage {
    page: Page,
    errors: FormErrors,
    triages: bool,
    statuses: Vec<Choice>,
    categories: Vec<Choice>,
    rows: Vec<Row>,
    next: Option<String>,
}

/// `GET /challenges/triage`: empty for those who triage nowhere.
pub async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<QueueQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let found = actions::queue(&state, user, &q).await?;
    let (reports, next, errors) = match found {
        Ok((r, n)) => (r, n, FormErrors::none()),
        Err(e) => (Vec::new(), None, FormErrors::from_invalid(&e, ctx.lang)),
    };
    let page = Page::new(&ctx, "challenge-queue-title").with_errors(&errors);
    let status = q.status.clone().unwrap_or_default();
    let category = q.category.clone().unwrap_or_default();
    let rows = reports
        .into_iter()
        .map(|r| Row {
            href: actions::href(r.id),
            id: r.id.0,
            category: page.label("challenge-category", r.category.as_str()),
            status: page.label("challenge-status", r.status.as_str()),
            month: r.month.clone(),
            anonymous: matches!(r.by, lyceum_db::radar::Reporter::Anonymous),
            summary: summary(&r.happened),
        })
        .collect();
    let next = next.map(|id| {
        let pairs = [
            ("status", status.as_str()),
            ("category", category.as_str()),
            ("before", &id.0.to_string()),
        ]
        .map(|(k, v)| (k, v.to_string()));
        format!(
            "/challenges/triage?{}",
            serde_html_form::to_string(pairs).unwrap_or_default()
        )
    });
    let view = QueuePage {
        triages: !user.actor.triage_scopes().is_empty(),
        statuses: Choice::list(
            &page,
            "challenge-status",
            Status::ALL.iter().map(|s| s.as_str()),
            &[status.trim()],
        ),
        categories: Choice::list(
            &page,
            "challenge-category",
            Category::ALL.iter().map(|s| s.as_str()),
            &[category.trim()],
        ),
        rows,
        next,
        page,
        errors,
    };
    if view.errors.is_empty() {
        Ok(render(&view))
    } else {
        Ok(render_invalid(&view))
    }
}

#[derive(Template)]
#[template(path = "radar/show.html")]
pub struct ShowPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    filed: bool,
    category: String,
    severity: String,
    subject: String,
    grade_band: String,
    tool: Option<String>,
    status: String,
    tags: String,
    month: String,
    place: Option<String>,
    /// Who filed it, in words.
    who: String,
    anonymous: bool,
    own: bool,
    happened: String,
    tried: String,
    merged_into: Option<i64>,
    /// (kind label, title or address, link) of what answered it.
    answer: Option<(String, String, Option<String>)>,
    guidance: Option<String>,
    triages: bool,
    input: TriageInput,
    statuses: Vec<Choice>,
    answers: Vec<Choice>,
    into: String,
}

fn show_page(
    ctx: &Ctx,
    v: ReportView,
    filed: bool,
    input: Option<TriageInput>,
    into: String,
    errors: FormErrors,
) -> ShowPage {
    let r = &v.report;
    let page = Page::new(ctx, "challenge-title");
    let title = page.t1("challenge-title-n", "n", &r.id.0.to_string());
    let page = page.with_title(&title).with_errors(&errors);
    let who = match &v.who {
        Who::Anonymous => page.t("challenge-anonymous"),
        Who::AnonymousKnown { name, .. } => page.t1("challenge-anonymous-known", "name", name),
        Who::Named { name, .. } => name.clone(),
        Who::Gone => page.t("challenge-reporter-gone"),
    };
    let input = input.unwrap_or_else(|| {
        let (kind, id, text) = r
            .answer
            .as_ref()
            .map(|a| a.parts())
            .map_or((None, None, None), |(k, i, t)| (Some(k), i, t));
        TriageInput {
            status: r.status.as_str().to_string(),
            tags: r.tags.join(", "),
            answer: kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
            answer_id: id.map(|i| i.to_string()).unwrap_or_default(),
            lesson: if kind == Some(AnswerKind::Lesson) {
                text.unwrap_or_default().to_string()
            } else {
                String::new()
            },
            guidance: if kind == Some(AnswerKind::Guidance) {
                text.unwrap_or_default().to_string()
            } else {
                String::new()
            },
        }
    });
    let mut answers = vec![Choice {
        value: String::new(),
        label: page.t("challenge-answer-none"),
        selected: input.answer.trim().is_empty(),
    }];
    answers.extend(Choice::list(
        &page,
        "challenge-answer",
        AnswerKind::ALL.iter().map(|k| k.as_str()),
        &[input.answer.trim()],
    ));
    let answer = v
        .answer
        .as_ref()
        .filter(|a| a.kind != AnswerKind::Guidance)
        .map(|a| {
            (
                page.label("challenge-answer", a.kind.as_str()),
                a.title
                    .clone()
                    .or_else(|| a.href.clone())
                    .unwrap_or_else(|| a.id.map(|i| i.to_string()).unwrap_or_default()),
                a.href.clone(),
            )
        });
    ShowPage {
        id: r.id.0,
        filed,
        category: page.label("challenge-category", r.category.as_str()),
        severity: page.label("challenge-severity", r.severity.as_str()),
        subject: page.label("subject", r.subject.as_str()),
        grade_band: page.label("grade-band", r.grade_band.as_str()),
        tool: v.tool.clone(),
        status: page.label("challenge-status", r.status.as_str()),
        tags: r.tags.join(", "),
        month: r.month.clone(),
        place: v.place.clone(),
        who,
        anonymous: matches!(v.who, Who::Anonymous | Who::AnonymousKnown { .. }),
        own: v.own,
        happened: r.happened.clone(),
        tried: r.tried.clone(),
        merged_into: r.merged_into.map(|m| m.0),
        answer,
        guidance: v.answer.as_ref().and_then(|a| a.guidance.clone()),
        triages: v.triages,
        statuses: Choice::list(
            &page,
            "challenge-status",
            Status::ALL.iter().map(|s| s.as_str()),
            &[input.status.trim()],
        ),
        answers,
        input,
        into,
        page,
        errors,
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ShowQuery {
    #[serde(default)]
    filed: Option<String>,
}

/// `GET /challenges/{challenge_id}` (404 unless one filed it or triages it).
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlQuery(q): HtmlQuery<ShowQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let v = actions::load(&state, user, ChallengeId(id)).await?;
    let filed = q.filed.is_some() && v.own;
    Ok(render(&show_page(
        &ctx,
        v,
        filed,
        None,
        String::new(),
        FormErrors::none(),
    )))
}

async fn refused_here(
    state: &AppState,
    ctx: &Ctx,
    id: ChallengeId,
    input: Option<TriageInput>,
    into: String,
    e: &Invalid,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let v = actions::load(state, user, id).await?;
    Ok(render_invalid(&show_page(
        ctx,
        v,
        false,
        input,
        into,
        FormErrors::from_invalid(e, ctx.lang),
    )))
}

/// `POST /challenges/{challenge_id}/triage`
pub async fn triage(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(input): HtmlForm<TriageInput>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let id = ChallengeId(id);
    match actions::triage(&state, user, id, &input).await? {
        Ok(_) => Ok(redirect_with(
            &actions::href(id),
            Flash::ChallengeTriaged,
            state.config.secure_cookies(),
        )),
        Err(e) => refused_here(&state, &ctx, id, Some(input), String::new(), &e).await,
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct MergeForm {
    #[serde(default)]
    into: String,
}

/// `POST /challenges/{challenge_id}/merge`: to the report it was merged into.
pub async fn merge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(f): HtmlForm<MergeForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let id = ChallengeId(id);
    match actions::merge(&state, user, id, &f.into).await? {
        Ok(into) => Ok(redirect_with(
            &actions::href(into),
            Flash::ChallengeMerged,
            state.config.secure_cookies(),
        )),
        Err(e) => refused_here(&state, &ctx, id, None, f.into, &e).await,
    }
}
