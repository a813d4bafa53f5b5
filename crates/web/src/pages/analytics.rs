//! Programme analytics pages: `/analytics` (one organisation's dashboard:
//! the goal, the learning funnel by school year, reach by equity segment
//! with the gap in one sentence, the organisations below — each a chart
//! drawn on the server, its sentence and its table), `/analytics.csv` (the
//! same numbers) and `/analytics/goal` (the programme admins' form). Who
//! reads what is `analytics_actions`'.

use crate::analytics_actions::{self as actions, Dashboard, DashboardQuery};
use crate::charts::{self, Chart, Series, Svg, Unit};
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::{HtmlForm, HtmlQuery};
use crate::gate::Access::SignedIn;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_domain::analytics::goal::{GoalInput, Projection};
use lyceum_domain::analytics::{Dimension, Milestone, ReachedBy, UNKNOWN};
use lyceum_domain::disclosure::Cell;
use lyceum_domain::pd::school_year_label;
use lyceum_domain::policy::AnalyticsView;
use serde::Deserialize;

/// Signed in at the gate; `analytics_actions` asks the policy who reads
/// which organisation (403 for anyone who reads none).
pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/analytics", SignedIn, show)
        .add(GET, "/analytics.csv", SignedIn, csv)
        .add(GET, "/analytics/goal", SignedIn, goal_form)
        .add(POST, "/analytics/goal", SignedIn, goal_save)
}

/// A published count in the reader's language.
fn cell_text(page: &Page, c: Cell) -> String {
    crate::pages::radar::overview::cell_text(page, c)
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), |x| format!("{x:.1} %"))
}

/// A segment's code as a message key's end (`21+` cannot end one).
fn key_of(v: &str) -> String {
    v.replace('+', "-plus")
}

/// A segment's name as a table row says it.
fn segment_label(page: &Page, d: Dimension, v: &str) -> String {
    page.label(&format!("analytics-{}", d.as_str()), &key_of(v))
}

/// The sentence with its first letter a capital (its groups are written
/// as they read inside a sentence).
fn capitalised(s: String) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => s,
    }
}

pub struct FunnelView {
    pub label: String,
    pub years: Vec<String>,
    pub to_date: String,
}

pub struct SegmentRowView {
    pub label: String,
    pub educators: String,
    pub reached: String,
    pub rate: String,
}

pub struct SegmentView {
    pub id: &'static str,
    pub heading: String,
    pub sentence: Option<String>,
    pub chart: Svg,
    pub rows: Vec<SegmentRowView>,
}

pub struct ChildView {
    pub name: String,
    pub href: Option<String>,
    pub educators: String,
    pub reached: String,
    pub rate: String,
}

pub struct GoalView {
    pub sentence: String,
    pub chart: Svg,
    /// (year, milestone, reached) as text.
    pub rows: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "analytics.html")]
pub struct AnalyticsPage {
    page: Page,
    errors: FormErrors,
    scope_name: String,
    exact: bool,
    scopes: Vec<Choice>,
    trail: Vec<(String, String)>,
    as_of: String,
    reached_by: String,
    /// The page opens with this sentence: the widest gap of reach.
    headline: Option<String>,
    goal: Option<GoalView>,
    sets_goal: bool,
    years: Vec<String>,
    funnel: Vec<FunnelView>,
    funnel_chart: Svg,
    funnel_sentence: String,
    segments: Vec<SegmentView>,
    children: Vec<ChildView>,
    children_chart: Option<Svg>,
    here: Option<(String, String)>,
    csv_href: String,
}

fn funnel_chart(page: &Page, d: &Dashboard) -> (Svg, String) {
    let latest = d.years.len().saturating_sub(1);
    let value = |c: &Cell| match c {
        Cell::Shown(n) => Some(*n as f64),
        _ => None,
    };
    let this = d
        .years
        .last()
        .map(|y| school_year_label(*y))
        .unwrap_or_default();
    let before = (latest > 0).then(|| school_year_label(d.years[latest - 1]));
    let mut series = vec![Series {
        name: page.t1("analytics-year-series", "year", &this),
        values: d
            .funnel
            .iter()
            .map(|f| f.years.get(latest).and_then(value))
            .collect(),
    }];
    if let Some(b) = &before {
        series.push(Series {
            name: page.t1("analytics-year-series", "year", b),
            values: d
                .funnel
                .iter()
                .map(|f| f.years.get(latest - 1).and_then(value))
                .collect(),
        });
    }
    let registered = d.row(Milestone::Registered).map(|f| f.to_date);
    let completed = d.row(Milestone::Completed).map(|f| f.to_date);
    let sentence = page.t2(
        "analytics-funnel-sentence",
        "registered",
        &registered.map(|c| cell_text(page, c)).unwrap_or_default(),
        "completed",
        &completed.map(|c| cell_text(page, c)).unwrap_or_default(),
    );
    let title = page.t("analytics-funnel-title");
    let withheld = page.t("analytics-withheld");
    let svg = charts::bar_chart(&Chart {
        title: &title,
        summary: &sentence,
        categories: d
            .funnel
            .iter()
            .map(|f| page.label("milestone", f.milestone.as_str()))
            .collect(),
        series,
        unit: Unit::Count,
        id: "funnel-chart",
        withheld: &withheld,
    });
    (svg, sentence)
}

fn gap_sentence(page: &Page, d: Dimension, gap: (&str, &str, f64)) -> String {
    let (worst, best, pct) = gap;
    let group = |v: &str| page.label(&format!("analytics-group-{}", d.as_str()), &key_of(v));
    capitalised(page.t3(
        "analytics-gap-sentence",
        ("worst", &group(worst)),
        ("best", &group(best)),
        ("pct", &format!("{pct:.0} %")),
    ))
}

fn segment_view(page: &Page, t: &actions::SegmentTable) -> SegmentView {
    let id = match t.dimension {
        Dimension::Locale => "by-locale",
        Dimension::TitleI => "by-title-i",
        Dimension::Poverty => "by-poverty",
        Dimension::Experience => "by-experience",
        Dimension::All => "all",
    };
    let heading = page.t(&format!("analytics-by-{}", t.dimension.as_str()));
    let sentence = t.gap.map(|g| gap_sentence(page, t.dimension, g));
    // The chart compares known segments with educators in them; the
    // table lists every segment.
    let rows: Vec<_> = t
        .rows
        .iter()
        .filter(|r| r.value != UNKNOWN && r.educators != Cell::Shown(0))
        .collect();
    let summary = sentence
        .clone()
        .unwrap_or_else(|| page.t("analytics-no-gap"));
    let withheld = page.t("analytics-withheld");
    let chart = charts::bar_chart(&Chart {
        title: &heading,
        summary: &summary,
        categories: rows
            .iter()
            .map(|r| segment_label(page, t.dimension, r.value))
            .collect(),
        series: vec![Series {
            name: page.t("analytics-rate"),
            values: rows.iter().map(|r| r.rate).collect(),
        }],
        unit: Unit::Percent,
        id,
        withheld: &withheld,
    });
    SegmentView {
        id,
        heading,
        sentence,
        chart,
        rows: t
            .rows
            .iter()
            .map(|r| SegmentRowView {
                label: segment_label(page, t.dimension, r.value),
                educators: cell_text(page, r.educators),
                reached: cell_text(page, r.reached),
                rate: percent(r.rate),
            })
            .collect(),
    }
}

fn goal_view(page: &Page, d: &Dashboard) -> Option<GoalView> {
    let g = d.goal.as_ref()?;
    let mut sentence = page.t2(
        "analytics-goal-sentence",
        "reached",
        &cell_text(page, g.reached),
        "target",
        &g.goal.target.to_string(),
    );
    match g.on_track {
        Some(true) => {
            sentence.push(' ');
            sentence.push_str(&page.t("analytics-goal-on-track"));
        }
        Some(false) => {
            sentence.push(' ');
            sentence.push_str(&page.t("analytics-goal-behind"));
        }
        None => {}
    }
    match &g.projection {
        Some(Projection::At(month)) => {
            sentence.push(' ');
            sentence.push_str(&page.t1("analytics-goal-projected", "month", month));
        }
        Some(Projection::Reached) => {
            sentence.push(' ');
            sentence.push_str(&page.t("analytics-goal-reached"));
        }
        Some(Projection::Never) => {
            sentence.push(' ');
            sentence.push_str(&page.t("analytics-goal-no-pace"));
        }
        None => {}
    }
    let years: Vec<i32> = (g.goal.first_year..=g.goal.last_year()).collect();
    let reached_of = |y: i32| {
        g.reached_by_year
            .iter()
            .find(|(yy, _)| *yy == y)
            .and_then(|(_, n)| *n)
    };
    let title = page.t("analytics-goal-title");
    // Years not begun have no count either: the mark says both.
    let withheld = page.t("analytics-no-data");
    let chart = charts::line_chart(&Chart {
        title: &title,
        summary: &sentence,
        categories: years.iter().map(|y| school_year_label(*y)).collect(),
        series: vec![
            Series {
                name: page.t("analytics-goal-series"),
                values: years
                    .iter()
                    .map(|y| g.goal.milestone_for(*y).map(f64::from))
                    .collect(),
            },
            Series {
                name: page.t("analytics-reached-series"),
                values: years
                    .iter()
                    .map(|y| reached_of(*y).map(|n| n as f64))
                    .collect(),
            },
        ],
        unit: Unit::Count,
        id: "goal-chart",
        withheld: &withheld,
    });
    Some(GoalView {
        sentence,
        chart,
        rows: years
            .iter()
            .map(|y| {
                let began = g.reached_by_year.iter().any(|(yy, _)| yy == y);
                (
                    school_year_label(*y),
                    g.goal
                        .milestone_for(*y)
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    if began {
                        reached_of(*y)
                            .map_or_else(|| page.t("analytics-withheld"), |n| n.to_string())
                    } else {
                        "—".into()
                    },
                )
            })
            .collect(),
    })
}

fn analytics_page(ctx: &Ctx, d: &Dashboard, errors: FormErrors) -> AnalyticsPage {
    let page = Page::new(ctx, "analytics-title").with_errors(&errors);
    let (funnel_chart, funnel_sentence) = funnel_chart(&page, d);
    let segments: Vec<SegmentView> = d.segments.iter().map(|t| segment_view(&page, t)).collect();
    let headline = d
        .segments
        .iter()
        .find(|t| t.dimension == Dimension::Locale)
        .and_then(|t| t.gap.map(|g| gap_sentence(&page, t.dimension, g)));
    let children: Vec<ChildView> = d
        .children
        .iter()
        .map(|ch| ChildView {
            name: ch.name.clone(),
            href: ch.opens.then(|| format!("/analytics?org={}", ch.id.0)),
            educators: cell_text(&page, ch.educators),
            reached: cell_text(&page, ch.reached),
            rate: percent(ch.rate),
        })
        .collect();
    let children_chart = (!d.children.is_empty()).then(|| {
        let title = page.t("analytics-below-title");
        let summary = page.t1("analytics-below-summary", "scope", &d.org_name);
        let withheld = page.t("analytics-withheld");
        charts::bar_chart(&Chart {
            title: &title,
            summary: &summary,
            categories: d.children.iter().map(|c| c.name.clone()).collect(),
            series: vec![Series {
                name: page.t("analytics-rate"),
                values: d.children.iter().map(|c| c.rate).collect(),
            }],
            unit: Unit::Percent,
            id: "below-chart",
            withheld: &withheld,
        })
    });
    let as_of = match d.waiting_since {
        None => page.t1("analytics-as-of", "time", &page.datetime(&d.as_of.micros())),
        Some(t) => page.t1("analytics-waiting", "time", &page.datetime(&t.micros())),
    };
    AnalyticsPage {
        scope_name: d.org_name.clone(),
        exact: d.view == AnalyticsView::Exact,
        scopes: d
            .scopes
            .iter()
            .map(|(id, name)| Choice {
                value: id.0.to_string(),
                label: name.clone(),
                selected: *id == d.org,
            })
            .collect(),
        trail: d
            .trail
            .iter()
            .map(|(id, name)| (format!("/analytics?org={}", id.0), name.clone()))
            .collect(),
        as_of,
        reached_by: page.label("reached-by", d.reached_by.as_str()),
        headline,
        goal: goal_view(&page, d),
        sets_goal: ctx
            .user
            .as_ref()
            .is_some_and(|u| crate::programme_settings_actions::manages(&u.actor))
            && d.goal.is_some(),
        years: d.years.iter().map(|y| school_year_label(*y)).collect(),
        funnel: d
            .funnel
            .iter()
            .map(|f| FunnelView {
                label: page.label("milestone", f.milestone.as_str()),
                years: f.years.iter().map(|c| cell_text(&page, *c)).collect(),
                to_date: cell_text(&page, f.to_date),
            })
            .collect(),
        funnel_chart,
        funnel_sentence,
        segments,
        children,
        children_chart,
        here: d
            .here
            .map(|(e, r)| (cell_text(&page, e), cell_text(&page, r))),
        csv_href: format!("/analytics.csv?org={}", d.org.0),
        page,
        errors,
    }
}

/// `GET /analytics`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<DashboardQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match actions::dashboard(&state, user, &q).await? {
        Ok(d) => Ok(render(&analytics_page(&ctx, &d, FormErrors::none()))),
        Err(e) => {
            // The reader's first scope instead, with the choice refused by name.
            let d = actions::dashboard(&state, user, &DashboardQuery::default())
                .await?
                .map_err(AppError::Invalid)?;
            let errors = FormErrors::from_invalid(&e, ctx.lang);
            Ok(render_invalid(&analytics_page(&ctx, &d, errors)))
        }
    }
}

/// `GET /analytics.csv`: the page's numbers, published the same way.
pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<DashboardQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let d = actions::dashboard(&state, user, &q)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(actions::csv_response(&d))
}

#[derive(Template)]
#[template(path = "analytics_goal.html")]
pub struct GoalPage {
    page: Page,
    errors: FormErrors,
    form: GoalInput,
    /// Rows offered for milestones: those filled and enough blank ones.
    rows: Vec<(usize, String)>,
    reached_by: Vec<Choice>,
}

fn goal_page(ctx: &Ctx, form: GoalInput, errors: FormErrors) -> GoalPage {
    let page = Page::new(ctx, "analytics-goal-form-title").with_errors(&errors);
    let mut rows: Vec<(usize, String)> = form
        .milestones
        .iter()
        .enumerate()
        .map(|(i, m)| (i + 1, m.clone()))
        .collect();
    while rows.len() < lyceum_domain::analytics::goal::MAX_YEARS {
        rows.push((rows.len() + 1, String::new()));
    }
    GoalPage {
        reached_by: ReachedBy::ALL
            .iter()
            .map(|r| Choice {
                value: r.as_str().into(),
                label: page.label("reached-by", r.as_str()),
                selected: r.as_str() == form.reached_by,
            })
            .collect(),
        rows,
        form,
        page,
        errors,
    }
}

/// `GET /analytics/goal` (programme admins).
pub async fn goal_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    crate::programme_settings_actions::require_manager(user)?;
    let (goal, _) = actions::goal(&state, user).await?;
    Ok(render(&goal_page(
        &ctx,
        GoalInput::from(&goal),
        FormErrors::none(),
    )))
}

/// The goal's form as sent: milestones as `milestones-1` … `milestones-10`.
#[derive(Debug, Default, Deserialize)]
pub struct GoalForm {
    #[serde(default)]
    target: String,
    #[serde(default)]
    first_year: String,
    #[serde(default)]
    reached_by: String,
    #[serde(flatten)]
    rest: std::collections::BTreeMap<String, String>,
}

impl GoalForm {
    fn input(&self) -> GoalInput {
        let mut milestones: Vec<String> = (1..=lyceum_domain::analytics::goal::MAX_YEARS)
            .map(|i| {
                self.rest
                    .get(&format!("milestones-{i}"))
                    .cloned()
                    .unwrap_or_default()
            })
            .collect();
        while milestones.last().is_some_and(|m| m.trim().is_empty()) {
            milestones.pop();
        }
        GoalInput {
            target: self.target.clone(),
            first_year: self.first_year.clone(),
            milestones,
            reached_by: self.reached_by.clone(),
        }
    }
}

/// `POST /analytics/goal`
pub async fn goal_save(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(form): HtmlForm<GoalForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    crate::programme_settings_actions::require_manager(user)?;
    let input = form.input();
    match actions::set_goal(&state, user, &input).await? {
        Ok(_) => Ok(redirect_with(
            "/analytics",
            Flash::GoalSaved,
            state.config.secure_cookies(),
        )),
        Err(e) => {
            let errors = FormErrors::from_invalid(&e, ctx.lang);
            Ok(render_invalid(&goal_page(&ctx, input, errors)))
        }
    }
}
