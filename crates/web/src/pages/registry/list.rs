//! `GET /tools`: the registry's tools by name or by review count (never by
//! a score a vendor could buy), a page at a time, each with the status in
//! force at the reader's school. No logos, no scores.

use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::page::{FormErrors, Page, render};
use crate::registry_actions::{self as actions, PER_PAGE};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_domain::registry::ToolSort;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    /// `name` (default) or `reviews`.
    #[serde(default)]
    sort: Option<String>,
    /// The page, from 1.
    #[serde(default)]
    page: Option<u32>,
}

/// One tool in the list.
pub struct Row {
    pub href: String,
    pub name: String,
    pub vendor: String,
    /// The start of what it does.
    pub summary: String,
    pub ages: String,
    pub cost: String,
    pub privacy: String,
    pub reviews: String,
    /// The status at the reader's school, with where it comes from.
    pub status: String,
}

/// The table's column names, looked up once per page: each row's cells
/// repeat them (`data-label`, for the stacked layout on phones).
pub struct Columns {
    pub tool: String,
    pub does: String,
    pub ages: String,
    pub cost: String,
    pub privacy: String,
    pub reviews: String,
    pub status: String,
}

impl Columns {
    fn of(page: &Page) -> Self {
        Columns {
            tool: page.t("tools-col-tool"),
            does: page.t("tools-col-does"),
            ages: page.t("tools-col-ages"),
            cost: page.t("tools-col-cost"),
            privacy: page.t("tools-col-privacy"),
            reviews: page.t("tools-col-reviews"),
            status: page.t("tools-col-status"),
        }
    }
}

/// One of the orders on offer.
pub struct SortLink {
    pub label: String,
    pub href: String,
    pub chosen: bool,
}

#[derive(Template)]
#[template(path = "registry/list.html")]
pub struct ListPage {
    page: Page,
    errors: FormErrors,
    total: i64,
    cols: Columns,
    rows: Vec<Row>,
    sorts: Vec<SortLink>,
    adds: bool,
    previous: Option<String>,
    next: Option<String>,
}

/// The first `max` characters of `text`, cut at a word, with "…" when cut.
fn short(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

/// The list's address for `sort` and page `n`.
fn at(sort: ToolSort, n: u32) -> String {
    match (sort, n) {
        (ToolSort::Name, 1) => "/tools".into(),
        (ToolSort::Name, n) => format!("/tools?page={n}"),
        (s, 1) => format!("/tools?sort={}", s.as_str()),
        (s, n) => format!("/tools?sort={}&page={n}", s.as_str()),
    }
}

/// "Approved by Valle Unified, 1 Sep 2026", or that nobody above decided.
pub fn status_words(page: &Page, e: Option<&lyceum_db::registry::status::Effective>) -> String {
    match e {
        Some(e) => {
            let date = page.date(&e.decision.decided_on.noon_in(&page.zone).micros());
            page.t2(
                &format!("tools-source-{}", e.decision.status.as_str()),
                "org",
                &e.org_name,
                "date",
                &date,
            )
        }
        None => page.t("tools-status-none"),
    }
}

/// `GET /tools`
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<ListQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let sort = actions::sort_of(q.sort.as_deref())?;
    let n = q.page.unwrap_or(1).max(1);
    let offset = (n as usize - 1).saturating_mul(PER_PAGE);
    let found = actions::list(&state, user, sort, offset).await?;
    let page = Page::new(&ctx, "tools-title");
    let rows = found
        .tools
        .iter()
        .map(|t| Row {
            href: actions::href(t.id),
            name: t.name.clone(),
            vendor: t.vendor.clone(),
            summary: short(&t.description, 160),
            ages: page.t1("tools-ages", "ages", &t.ages().to_string()),
            cost: page.t(&t.cost_model.label_key()),
            privacy: page.t(&t.privacy_agreement.label_key()),
            reviews: page.tn("tools-review-count", t.review_count),
            status: status_words(&page, found.statuses.get(&t.id)),
        })
        .collect();
    let sorts = ToolSort::ALL
        .iter()
        .map(|s| SortLink {
            label: page.t(&s.label_key()),
            href: at(*s, 1),
            chosen: *s == sort,
        })
        .collect();
    let more = (offset + PER_PAGE) < usize::try_from(found.total).unwrap_or(0);
    let view = ListPage {
        errors: FormErrors::none(),
        total: found.total,
        cols: Columns::of(&page),
        rows,
        sorts,
        adds: actions::edits_registry(&user.actor),
        previous: (n > 1).then(|| at(sort, n - 1)),
        next: more.then(|| at(sort, n + 1)),
        page,
    };
    Ok(render(&view))
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn summaries_are_cut_at_a_word() {
        assert_eq!(short("Plans  lessons.", 160), "Plans lessons.");
        assert_eq!(
            short("Plans lessons and grades essays", 14),
            "Plans lessons…"
        );
    }
}
