//! "My AI literacy": where an educator stands on each aspect of the default
//! competency framework — their self-assessment beside what their completed
//! courses show — as a chart (SVG, with a text alternative) and a table, a
//! "what next" list of courses that build their weakest aspects at the next
//! level for their subjects and grade bands, and the self-assessment form.

use super::competencies::Shown;
use super::courses::{course_path, other_lang};
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::literacy_actions as actions;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_domain::competency::Framework;
use lyceum_domain::competency::standing;
use lyceum_domain::course::hours_in;
use std::collections::HashMap;

// Chart geometry (SVG user units): a label line, then two bars per aspect.
// Narrow enough that a 390 px phone shows it at nearly full size, so its
// 13-unit text stays at least 12 px there (the stylesheet caps how wide it
// grows on larger screens).
const CHART_WIDTH: usize = 370;
const BAR_AREA: usize = 234;
const ROW: usize = 76;
const TOP: usize = 28;

pub struct AspectView {
    /// The form field: `aspect-1`, `aspect-2`, …
    pub field: String,
    pub name: Shown,
    pub assessed_label: String,
    pub shown_label: String,
    /// Level choices for the form: (value, label, summary, checked).
    pub choices: Vec<(String, String, String, bool)>,
    /// Chart: the row's top, and each bar's width.
    pub y: usize,
    pub assessed_width: usize,
    pub shown_width: usize,
}

pub struct Suggestion {
    pub href: String,
    pub title: String,
    pub lang: Option<&'static str>,
    pub hours: String,
    /// "Builds Ethics of AI to Deepen".
    pub reason: String,
}

#[derive(Template)]
#[template(path = "literacy.html")]
pub struct LiteracyPage {
    page: Page,
    errors: FormErrors,
    attribution: String,
    aspects: Vec<AspectView>,
    /// Chart gridlines: (x, level name).
    grid: Vec<(usize, String)>,
    chart_width: usize,
    chart_height: usize,
    /// The chart in words, for its text alternative.
    chart_summary: String,
    suggestions: Vec<Suggestion>,
    /// The educator has chosen subjects or grade bands (suggestions use them).
    profiled: bool,
}

fn level_name(f: &Framework, n: usize, page: &Page) -> String {
    match n {
        0 => page.t("literacy-not-yet"),
        n => f
            .levels
            .get(n - 1)
            .map(|l| l.name.get(page.lang).to_string())
            .unwrap_or_default(),
    }
}

/// The page, with the self-assessment as typed when it was refused.
async fn literacy_page(
    state: &AppState,
    ctx: &Ctx,
    typed: Option<HashMap<String, String>>,
    errors: FormErrors,
) -> Result<LiteracyPage, AppError> {
    let p = actions::picture(state, ctx.require_user()?, ctx.lang).await?;
    let f = &p.framework;
    let page = Page::new(ctx, "literacy-title").with_errors(&errors);
    let aspects = standing::aspects(f);
    let step = BAR_AREA / f.levels.len().max(1);
    let views: Vec<AspectView> = p
        .standings
        .iter()
        .zip(&aspects)
        .enumerate()
        .map(|(i, (s, a))| {
            let field = format!("aspect-{}", i + 1);
            let picked = match &typed {
                Some(t) => t.get(&field).cloned().unwrap_or_default(),
                None => p.assessed.get(&a.id).cloned().unwrap_or_default(),
            };
            let mut choices = vec![(
                String::new(),
                page.t("literacy-not-yet"),
                page.t("literacy-not-yet-hint"),
                picked.is_empty(),
            )];
            choices.extend(f.levels.iter().map(|l| {
                (
                    l.key.clone(),
                    l.name.get(page.lang).to_string(),
                    l.summary.get(page.lang).to_string(),
                    picked == l.key,
                )
            }));
            AspectView {
                field,
                name: Shown::of(&a.name, page.lang),
                assessed_label: level_name(f, s.assessed, &page),
                shown_label: level_name(f, s.shown, &page),
                choices,
                y: TOP + i * ROW,
                assessed_width: s.assessed * step,
                shown_width: s.shown * step,
            }
        })
        .collect();
    let chart_summary = views
        .iter()
        .map(|v| {
            format!(
                "{}: {}",
                v.name.text,
                page.t2(
                    "literacy-chart-row",
                    "assessed",
                    &v.assessed_label,
                    "shown",
                    &v.shown_label
                )
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let grid = (1..=f.levels.len())
        .map(|n| (n * step, level_name(f, n, &page)))
        .collect();
    let name_of = |id: &str| {
        f.items
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.name.get(page.lang).to_string())
            .unwrap_or_default()
    };
    let suggestions = p
        .suggestions
        .iter()
        .map(|s| Suggestion {
            href: course_path(&s.course.slug),
            title: s.course.title.clone(),
            lang: other_lang(s.course.lang(), page.lang),
            hours: hours_in(
                u32::try_from(s.course.pd_quarter_hours).unwrap_or(0),
                page.lang,
            ),
            reason: page.t2(
                "literacy-builds",
                "aspect",
                &name_of(&s.aspect),
                "level",
                &f.levels
                    .iter()
                    .find(|l| l.key == s.level)
                    .map(|l| l.name.get(page.lang).to_string())
                    .unwrap_or_default(),
            ),
        })
        .collect();
    Ok(LiteracyPage {
        chart_width: CHART_WIDTH,
        chart_height: TOP + views.len() * ROW,
        aspects: views,
        grid,
        chart_summary,
        suggestions,
        profiled: !p.profile.subjects.is_empty() || !p.profile.grade_bands.is_empty(),
        attribution: f.attribution.clone(),
        errors,
        page,
    })
}

/// `GET /literacy`
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    Ok(render(
        &literacy_page(&state, &ctx, None, FormErrors::none()).await?,
    ))
}

/// `POST /literacy`: the self-assessment, one level (or none) per aspect
/// (`aspect-1` … in the framework's order).
pub async fn assess(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(form): HtmlForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let id = ctx.require_user()?.user.id();
    let f = actions::framework(&state).await?;
    let saved = actions::assess(&state, id, &f, |i, _| {
        let field = format!("aspect-{}", i + 1);
        let chosen = form.get(&field).cloned();
        (field, chosen)
    })
    .await?;
    if let Err(invalid) = saved {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        return Ok(render_invalid(
            &literacy_page(&state, &ctx, Some(form), errors).await?,
        ));
    }
    Ok(redirect_with(
        "/literacy",
        Flash::SelfAssessmentSaved,
        state.config.secure_cookies(),
    ))
}
