//! `GET /tools/{tool_id}`: a tool's vendor-neutral page — what it is, the
//! status in force at the reader's school and where it comes from, each
//! criterion's spread of ratings (a small chart and the table of the same
//! numbers, never one score), the reviews with their comments, newest
//! first, 20 a page (older ones by keyset, `?before=`), and their CSV, the
//! published practices that use it and its challenge reports by category
//! (published as the radar publishes counts: `registry_actions`).

use super::list::status_words;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::page::{FormErrors, Page, render};
use crate::registry_actions as actions;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_domain::ToolId;
use lyceum_domain::disclosure::Cell;
use lyceum_domain::registry::review::{Criterion, Rating, Tallies};
use serde::Deserialize;

/// The width of a criterion's bar, in the SVG's units.
const BAR: i64 = 160;

/// Each rating's colour in the bars (the table beside them says the same
/// in numbers and words, so colour is never the only way to tell).
fn fill(r: Rating) -> &'static str {
    match r {
        Rating::DoesNotMeet => "#b3261e",
        Rating::MeetsWithReservations => "#8a5a00",
        Rating::Meets => "#0b6b3a",
        Rating::DontKnow => "#767676",
    }
}

/// A rating as the table's column heads show it.
pub struct Scale {
    pub label: String,
    pub fill: &'static str,
}

/// One part of a bar.
pub struct Segment {
    pub x: i64,
    pub width: i64,
    pub fill: &'static str,
}

/// One criterion's spread.
pub struct Spread {
    pub label: String,
    /// How many rated it each way, in the scale's order.
    pub counts: Vec<i64>,
    pub total: i64,
    pub segments: Vec<Segment>,
}

/// The bar's segments: each rating's share of `BAR`, the last one taking
/// what rounding left, so the bar is always whole when anyone rated.
fn segments(counts: &[(Rating, i64)], total: i64) -> Vec<Segment> {
    let mut out = Vec::new();
    if total <= 0 {
        return out;
    }
    let mut x = 0;
    let mut seen = 0;
    for (r, n) in counts {
        seen += n;
        let end = BAR * seen / total;
        if end > x {
            out.push(Segment {
                x,
                width: end - x,
                fill: fill(*r),
            });
        }
        x = end;
    }
    out
}

fn spreads(page: &Page, t: &Tallies) -> Vec<Spread> {
    Criterion::ALL
        .iter()
        .map(|c| {
            let spread = t.spread(*c);
            let total = t.total(*c);
            Spread {
                label: page.t(&c.label_key()),
                counts: spread.iter().map(|(_, n)| *n).collect(),
                segments: segments(&spread, total),
                total,
            }
        })
        .collect()
}

/// A comment of a review, under its criterion and rating.
pub struct Remark {
    pub criterion: String,
    pub rating: String,
    pub text: String,
}

pub struct ReviewShown {
    pub id: i64,
    pub reviewer: String,
    pub when: String,
    pub remarks: Vec<Remark>,
}

#[derive(Template)]
#[template(path = "registry/tool.html")]
pub struct ToolPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    vendor: String,
    url: String,
    description_html: std::sync::Arc<str>,
    ages: String,
    cost: String,
    privacy: String,
    reviews_count: String,
    /// The status in force and where it comes from.
    status: String,
    note: String,
    signed: bool,
    decided: bool,
    decides: bool,
    edits: bool,
    reviewed: bool,
    scale: Vec<Scale>,
    spreads: Vec<Spread>,
    reviews: Vec<ReviewShown>,
    /// The next page of reviews, older than these, when there are any.
    older: Option<String>,
    /// These are not the newest reviews (a link leads back to them).
    earlier_page: bool,
    /// Published practices that use it: (href, title, how often tried).
    practices: Vec<(String, String, String)>,
    /// "3 practices use this tool" (more than are listed, at times).
    practice_count: String,
    /// Its challenge reports by category: (category, count as published).
    challenges: Vec<(String, String)>,
    challenge_total: String,
}

/// A count as this page publishes it ("<10", withheld, or the number).
fn cell(page: &Page, c: Cell) -> String {
    match c {
        Cell::Withheld => page.t("radar-withheld"),
        c => c.text(),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ToolQuery {
    /// Older reviews: after this one (`<updated_at>.<id>`).
    #[serde(default)]
    before: Option<String>,
}

/// `GET /tools/{tool_id}` (`?before=<updated_at>.<id>`: the reviews older
/// than that one; anything else there is a 400)
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlQuery(q): HtmlQuery<ToolQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let id = ToolId(id);
    let before = actions::before_of(q.before.as_deref())?;
    let view = actions::load(&state, user, id).await?;
    let found = actions::reviews_page(&state, id, before).await?;
    let recent = found.reviews;
    let t = &view.row;
    let page = Page::new(&ctx, "tools-title").with_title(&t.name);
    let e = view.effective.as_ref();
    let status = status_words(&page, e);
    let reviews = recent
        .into_iter()
        .map(|s| ReviewShown {
            id: s.stored.id,
            // Reviewers are shown by display name, and only here, to people
            // signed in to the programme (this page's only readers), as
            // comments on resources are: a review is a colleague's advice,
            // worth more when one can ask them about it. The API and any
            // export leave the name out (`api/registry.rs`), as the issue
            // asks for anyone outside the programme team.
            reviewer: s.reviewer,
            when: page.date(&s.stored.updated_at),
            remarks: s
                .stored
                .review
                .comments()
                .map(|(c, text)| Remark {
                    criterion: page.t(&c.label_key()),
                    rating: page.t(&s.stored.review.rating(c).label_key()),
                    text: text.to_string(),
                })
                .collect(),
        })
        .collect();
    let view_page = ToolPage {
        errors: FormErrors::none(),
        id: t.id.0,
        vendor: t.vendor.clone(),
        url: t.url.clone(),
        description_html: state.rendered_tools.html(t.id.0, &t.description),
        ages: page.t1("tools-ages", "ages", &t.ages().to_string()),
        cost: page.t(&t.cost_model.label_key()),
        privacy: page.t(&t.privacy_agreement.label_key()),
        reviews_count: page.tn("tools-review-count", t.review_count),
        status,
        note: e.map(|e| e.decision.note.clone()).unwrap_or_default(),
        signed: e.is_some_and(|e| e.decision.privacy_agreement_signed),
        decided: e.is_some(),
        decides: !view.decides.is_empty(),
        edits: view.edits,
        reviewed: view.mine.is_some(),
        scale: Rating::ALL
            .iter()
            .map(|r| Scale {
                label: page.t(&r.label_key()),
                fill: fill(*r),
            })
            .collect(),
        spreads: spreads(&page, &view.tallies),
        reviews,
        older: found
            .older
            .map(|c| format!("/tools/{}?before={c}#reviews", t.id.0)),
        earlier_page: before.is_some(),
        practices: view
            .practices
            .iter()
            .map(|p| {
                (
                    format!("/practices/{}", p.id.0),
                    p.title.clone(),
                    page.tn("tools-practice-trials", i64::from(p.trials)),
                )
            })
            .collect(),
        practice_count: page.tn("tools-practices-count", view.practice_count),
        challenges: view
            .challenges
            .by_category
            .iter()
            .map(|(c, n)| {
                (
                    page.label("challenge-category", c.as_str()),
                    cell(&page, *n),
                )
            })
            .collect(),
        challenge_total: cell(&page, view.challenges.total),
        page,
    };
    Ok(render(&view_page))
}

/// `GET /tools/{tool_id}/reviews.csv`: every review of the tool, one a
/// line; who wrote each only for the programme team
/// (`registry_actions::reviews_csv`).
pub async fn reviews_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    actions::reviews_csv(&state, ctx.require_user()?, ToolId(id)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_is_whole_and_in_the_scales_order() {
        let counts = [
            (Rating::DoesNotMeet, 1),
            (Rating::MeetsWithReservations, 0),
            (Rating::Meets, 2),
            (Rating::DontKnow, 0),
        ];
        let s = segments(&counts, 3);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].x, s[0].width), (0, 53));
        assert_eq!((s[1].x, s[1].x + s[1].width), (53, BAR));
        assert!(segments(&counts, 0).is_empty());
    }
}
