//! The radar (`/radar`): reports by category by month as a stacked chart
//! with its words and its table, by grade band, school locale and Title I
//! status, and the newest addressed reports with what answered them —
//! read from the stored monthly counts; every count under ten "<10" with
//! complementary suppression for anyone outside the programme team.

use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::gate::Access::Public;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::radar_actions::{self as actions, Radar, RadarQuery, RadarReader, RadarTable};
use crate::routes::{GET, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_domain::disclosure::Cell;
use lyceum_domain::radar::{AnswerKind, Dimension};

/// Public to the gate: the handlers ask `radar_actions::radar_reader`,
/// which lets in anyone signed in, and everyone else only while a
/// programme admin publishes the radar (otherwise to sign-in, as before).
pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/radar", Public, show)
        .add(GET, "/radar.csv", Public, csv)
}

/// A published count in the reader's language: the number, "<10", or
/// withheld.
pub fn cell_text(page: &Page, c: Cell) -> String {
    match c {
        Cell::Shown(n) => n.to_string(),
        Cell::Small => c.text(),
        Cell::Withheld => page.t("radar-withheld"),
    }
}

pub struct RowView {
    pub label: String,
    pub cells: Vec<String>,
    pub total: String,
}

pub struct TableView {
    pub id: &'static str,
    pub heading: String,
    pub caption: String,
    pub rows: Vec<RowView>,
    pub totals: Vec<String>,
    pub total: String,
}

fn label_of(page: &Page, d: Dimension, code: &str) -> String {
    match d {
        Dimension::Category => page.label("challenge-category", code),
        Dimension::GradeBand => page.label("grade-band", code),
        Dimension::Locale => page.label("radar-locale", code),
        Dimension::TitleI => page.label("radar-title-i", code),
    }
}

fn table_view(page: &Page, t: &RadarTable) -> TableView {
    let (id, heading, caption) = match t.dimension {
        Dimension::Category => ("by-category", "radar-by-category", "radar-caption-category"),
        Dimension::GradeBand => (
            "by-grade-band",
            "radar-by-grade-band",
            "radar-caption-grade-band",
        ),
        Dimension::Locale => ("by-locale", "radar-by-locale", "radar-caption-locale"),
        Dimension::TitleI => ("by-title-i", "radar-by-title-i", "radar-caption-title-i"),
    };
    TableView {
        id,
        heading: page.t(heading),
        caption: page.t(caption),
        rows: t
            .rows
            .iter()
            .enumerate()
            .map(|(i, code)| RowView {
                label: label_of(page, t.dimension, code),
                cells: t.table.cells[i]
                    .iter()
                    .map(|c| cell_text(page, *c))
                    .collect(),
                total: cell_text(page, t.table.row_totals[i]),
            })
            .collect(),
        totals: t
            .table
            .column_totals
            .iter()
            .map(|c| cell_text(page, *c))
            .collect(),
        total: cell_text(page, t.table.total),
    }
}

/// One month's bar: its shown counts stacked.
pub struct Bar {
    pub x: usize,
    pub label: String,
    /// (y, height, colour, words for its title).
    pub segments: Vec<(usize, usize, &'static str, String)>,
}

/// Colours for the nine categories, told apart without red–green alone
/// (the legend and the table name them too).
const COLOURS: [&str; 9] = [
    "#1b4f72", "#e67e22", "#7d3c98", "#148f77", "#b7950b", "#922b21", "#2e86c1", "#616a6b",
    "#d35400",
];
pub const CHART_HEIGHT: usize = 200;
const STEP: usize = 48;
const LEFT: usize = 8;
const TOP: usize = 10;

fn bars(page: &Page, t: &RadarTable, months: &[String]) -> Vec<Bar> {
    let shown = |c: &Cell| match c {
        Cell::Shown(n) => *n,
        _ => 0,
    };
    let max = (0..months.len())
        .map(|j| t.table.cells.iter().map(|r| shown(&r[j])).sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);
    months
        .iter()
        .enumerate()
        .map(|(j, m)| {
            let mut y = TOP + CHART_HEIGHT;
            let mut segments = Vec::new();
            for (i, row) in t.table.cells.iter().enumerate() {
                let n = shown(&row[j]);
                if n == 0 {
                    continue;
                }
                let h = ((n as usize * CHART_HEIGHT) / max as usize).max(1);
                y -= h;
                segments.push((
                    y,
                    h,
                    COLOURS[i % COLOURS.len()],
                    format!("{}: {n}", label_of(page, t.dimension, &t.rows[i])),
                ));
            }
            Bar {
                x: LEFT + j * STEP,
                label: m.clone(),
                segments,
            }
        })
        .collect()
}

pub struct Answered {
    pub category: String,
    pub month: String,
    pub kind: String,
    pub title: Option<String>,
    pub href: Option<String>,
    pub guidance: Option<String>,
}

#[derive(Template)]
#[template(path = "radar/radar.html")]
pub struct RadarPage {
    page: Page,
    errors: FormErrors,
    scope_name: String,
    exact: bool,
    scopes: Vec<Choice>,
    months: Vec<String>,
    tables: Vec<TableView>,
    bars: Vec<Bar>,
    legend: Vec<(&'static str, String)>,
    chart_width: usize,
    chart_height: usize,
    chart_summary: String,
    addressed: Vec<Answered>,
    csv_href: String,
    /// The reader triages reports somewhere: a link to the queue.
    triages: bool,
    /// Read without signing in (the radar published): no links to pages
    /// that need it.
    public: bool,
}

fn radar_page(ctx: &Ctx, r: Radar, chosen: i64, errors: FormErrors) -> RadarPage {
    let triages = ctx
        .user
        .as_ref()
        .is_some_and(|u| !u.actor.triage_scopes().is_empty());
    let page = Page::new(ctx, "radar-title").with_errors(&errors);
    let cat = &r.tables[0];
    let (from, to) = (
        r.months.first().cloned().unwrap_or_default(),
        r.months.last().cloned().unwrap_or_default(),
    );
    let mut summary = page.t2("radar-chart-summary", "from", &from, "to", &to);
    summary.push(' ');
    summary.push_str(&page.t1(
        "radar-chart-total",
        "total",
        &cell_text(&page, cat.table.total),
    ));
    let top = cat
        .table
        .row_totals
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            Cell::Shown(n) if *n > 0 => Some((i, *n)),
            _ => None,
        })
        .max_by_key(|(i, n)| (*n, std::cmp::Reverse(*i)));
    if let Some((i, n)) = top {
        summary.push(' ');
        summary.push_str(&page.t2(
            "radar-chart-top",
            "category",
            &label_of(&page, Dimension::Category, &cat.rows[i]),
            "count",
            &n.to_string(),
        ));
    }
    if !r.exact {
        summary.push(' ');
        summary.push_str(&page.t("radar-chart-suppressed"));
    }
    let addressed = r
        .addressed
        .iter()
        .map(|(a, s)| Answered {
            category: page.label("challenge-category", a.category.as_str()),
            month: a.month.clone(),
            kind: s
                .as_ref()
                .map(|s| page.label("challenge-answer", s.kind.as_str()))
                .unwrap_or_default(),
            title: s
                .as_ref()
                .filter(|s| s.kind != AnswerKind::Guidance)
                .and_then(|s| s.title.clone().or_else(|| s.href.clone())),
            href: s.as_ref().and_then(|s| s.href.clone()),
            guidance: s.as_ref().and_then(|s| s.guidance.clone()),
        })
        .collect();
    RadarPage {
        scope_name: r.org_name.clone(),
        exact: r.exact,
        scopes: r
            .scopes
            .iter()
            .map(|(id, name)| Choice {
                value: id.to_string(),
                label: name.clone(),
                selected: *id == chosen,
            })
            .collect(),
        bars: bars(&page, cat, &r.months),
        legend: cat
            .rows
            .iter()
            .enumerate()
            .map(|(i, code)| {
                (
                    COLOURS[i % COLOURS.len()],
                    label_of(&page, Dimension::Category, code),
                )
            })
            .collect(),
        chart_width: LEFT * 2 + STEP * r.months.len(),
        chart_height: TOP + CHART_HEIGHT + 30,
        chart_summary: summary,
        tables: r.tables.iter().map(|t| table_view(&page, t)).collect(),
        months: r.months,
        addressed,
        csv_href: format!("/radar.csv?org={chosen}"),
        triages,
        public: ctx.user.is_none(),
        page,
        errors,
    }
}

/// `GET /radar`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<RadarQuery>,
) -> Result<Response, AppError> {
    let reader = actions::radar_reader(&state, &ctx).await?;
    match actions::radar(&state, reader, &q).await? {
        Ok(r) => {
            let chosen = r.org.0;
            Ok(render(&radar_page(&ctx, r, chosen, FormErrors::none())))
        }
        Err(e) => {
            // The whole programme instead, with the choice refused by name.
            let r = actions::radar(&state, reader, &RadarQuery::default())
                .await?
                .map_err(AppError::Invalid)?;
            let chosen = r.org.0;
            Ok(render_invalid(&radar_page(
                &ctx,
                r,
                chosen,
                FormErrors::from_invalid(&e, ctx.lang),
            )))
        }
    }
}

/// `GET /radar.csv`: the same counts as the page, suppressed the same way.
pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<RadarQuery>,
) -> Result<Response, AppError> {
    let reader: RadarReader<'_> = actions::radar_reader(&state, &ctx).await?;
    let r = actions::radar(&state, reader, &q)
        .await?
        .map_err(AppError::Invalid)?;
    let t = |k: &str| lyceum_domain::i18n::catalogue().text(ctx.lang, k);
    Ok(actions::csv(&r, t))
}
