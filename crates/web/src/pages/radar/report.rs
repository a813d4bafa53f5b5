//! Reporting a challenge (`/challenges/new`) and one's own reports
//! (`/challenges/mine`).

use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlForm;
use crate::gate::Access::SignedIn;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::radar_actions as actions;
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::radar::{Category, ReportInput, Severity};

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/challenges/new", SignedIn, new_form)
        .add(POST, "/challenges/new", SignedIn, create)
        .add(GET, "/challenges/mine", SignedIn, mine)
}

#[derive(Template)]
#[template(path = "radar/report_form.html")]
pub struct FormPage {
    page: Page,
    errors: FormErrors,
    input: ReportInput,
    categories: Vec<Choice>,
    severities: Vec<Choice>,
    tools: Vec<Choice>,
    subjects: Vec<Choice>,
    grade_bands: Vec<Choice>,
}

fn form_page(
    ctx: &Ctx,
    input: ReportInput,
    tools: Vec<(i64, String)>,
    errors: FormErrors,
) -> FormPage {
    let page = Page::new(ctx, "challenge-new-title").with_errors(&errors);
    FormPage {
        categories: Choice::list(
            &page,
            "challenge-category",
            Category::ALL.iter().map(|c| c.as_str()),
            &[input.category.trim()],
        ),
        severities: Choice::list(
            &page,
            "challenge-severity",
            Severity::ALL.iter().map(|c| c.as_str()),
            &[input.severity.trim()],
        ),
        subjects: Choice::list(
            &page,
            "subject",
            Subject::ALL.iter().map(|c| c.as_str()),
            &[input.subject.trim()],
        ),
        grade_bands: Choice::list(
            &page,
            "grade-band",
            GradeBand::ALL.iter().map(|c| c.as_str()),
            &[input.grade_band.trim()],
        ),
        tools: tools
            .into_iter()
            .map(|(id, name)| Choice {
                selected: input.tool.trim() == id.to_string(),
                value: id.to_string(),
                label: name,
            })
            .collect(),
        page,
        errors,
        input,
    }
}

/// `GET /challenges/new`
pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require_user()?;
    let tools = actions::tools(&state).await?;
    Ok(render(&form_page(
        &ctx,
        ReportInput::default(),
        tools,
        FormErrors::none(),
    )))
}

/// `POST /challenges/new`: to the report's page, which confirms it.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(input): HtmlForm<ReportInput>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match actions::file(&state, user, &input).await? {
        Ok(id) => Ok(Redirect::to(&format!("{}?filed=1", actions::href(id))).into_response()),
        Err(e) => {
            let tools = actions::tools(&state).await?;
            Ok(render_invalid(&form_page(
                &ctx,
                input,
                tools,
                FormErrors::from_invalid(&e, ctx.lang),
            )))
        }
    }
}

/// One report in a list.
pub struct Row {
    pub href: String,
    pub id: i64,
    pub category: String,
    pub status: String,
    pub month: String,
    pub anonymous: bool,
    pub summary: String,
}

pub fn summary(text: &str) -> String {
    let mut s: String = text.chars().take(120).collect();
    if text.chars().count() > 120 {
        s.push('…');
    }
    s
}

#[derive(Template)]
#[template(path = "radar/mine.html")]
pub struct MinePage {
    page: Page,
    rows: Vec<Row>,
}

/// `GET /challenges/mine`
pub async fn mine(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let reports = actions::mine(&state, user).await?;
    let page = Page::new(&ctx, "challenge-mine-title");
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
    Ok(render(&MinePage { page, rows }))
}
