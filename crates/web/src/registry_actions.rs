//! The AI tool registry's work, shared by `pages/registry/` and
//! `api/registry.rs`: the list (by name or by review count, never by a
//! score), one tool with its tallies and the reader's effective status and
//! where it comes from, one's own review (one per person per tool: a
//! second edits the first), an organisation's status for a tool (set or
//! cleared), and adding and editing tools.
//!
//! Who: everyone signed in reads and reviews; an organisation's status is
//! decided by its admins and those above it (`Action::DecideToolStatus`,
//! asked of the *organisation the decision belongs to*, inside the write by
//! `db::registry::status` — never of the URL or of the reader's school, so
//! power never flows up or sideways); tools are added and edited by the
//! programme's admins (`Action::EditToolRegistry`, asked again inside the
//! write).

use crate::context::CurrentUser;
use crate::csv::csv_line;
use crate::error::{AppError, Outcome, refused};
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::http::HeaderValue;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::Response;
use futures_util::StreamExt;
use lyceum_db::DbError;
use lyceum_db::registry::links::{self, UsedIn};
use lyceum_db::registry::reviews::{self, Shown, Stored, Written};
use lyceum_db::registry::status::{self, Effective};
use lyceum_db::registry::{self, ToolRow};
use lyceum_domain::community::Cursor;
use lyceum_domain::disclosure::{Cell, MIN_CELL, suppress};
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{Action, Actor};
use lyceum_domain::radar::Category;
use lyceum_domain::registry::review::{self as rubric, ReviewInput, Tallies};
use lyceum_domain::registry::status::DecisionInput;
use lyceum_domain::registry::{self as rules, ToolInput, ToolSort};
use lyceum_domain::role::Role;
use lyceum_domain::time::TimeZone;
use lyceum_domain::{OrgId, ToolId};
use std::collections::HashMap;

/// Tools a page of the list holds (the database's page).
pub const PER_PAGE: usize = registry::PAGE;

/// Reviews a tool's page shows (the newest).
pub const REVIEWS_SHOWN: i64 = reviews::PAGE;

pub fn href(id: ToolId) -> String {
    format!("/tools/{}", id.0)
}

/// The order asked for: `name` (also when none is given) or `reviews`;
/// anything else is a bad request that says what is allowed.
pub fn sort_of(given: Option<&str>) -> Result<ToolSort, AppError> {
    match given.map(str::trim).unwrap_or("") {
        "" => Ok(ToolSort::Name),
        s => ToolSort::parse(s).ok_or_else(|| AppError::BadRequest("sort: name or reviews".into())),
    }
}

/// A page of the list, with the reader's effective status for each tool.
pub struct Listing {
    pub tools: Vec<ToolRow>,
    pub total: i64,
    pub statuses: HashMap<ToolId, Effective>,
}

/// The list in `sort` order from `offset`, with each tool's status at the
/// reader's school (their deepest membership), read in one trip.
pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    sort: ToolSort,
    offset: usize,
) -> Result<Listing, AppError> {
    let home = user.home();
    let (page, statuses) = state
        .db
        .read(move |c| {
            let page = registry::list(c, sort, offset)?;
            let ids: Vec<ToolId> = page.items.iter().map(|t| t.id).collect();
            let statuses = status::effective_at(c, home.as_ref(), &ids)?;
            Ok((page, statuses))
        })
        .await?;
    Ok(Listing {
        tools: page.items,
        total: page.total,
        statuses,
    })
}

/// A tool as the signed-in reader stands to it.
pub struct ToolView {
    pub row: ToolRow,
    pub tallies: Tallies,
    /// The status in force at the reader's school, and who decided it.
    pub effective: Option<Effective>,
    /// The reader's own review.
    pub mine: Option<Stored>,
    /// The reader may edit the tool (a programme admin).
    pub edits: bool,
    /// The organisations whose status for it the reader may decide.
    pub decides: Vec<(OrgId, String)>,
    /// The published practices that use it, most tried first, and how
    /// many there are.
    pub practices: Vec<UsedIn>,
    pub practice_count: i64,
    /// Its challenge reports by category, as the reader may see them.
    pub challenges: ChallengeCounts,
}

/// A tool's challenge reports by category as a reader may see them: every
/// category, in order. Exact for the programme team; for everyone else, as
/// the radar publishes counts, each under 10 is "<10" with the
/// complementary cells withheld so none follows from the total
/// (`disclosure::suppress`), and a total under 10 is "<10" too (a group
/// that cannot be protected while its total shows keeps its cells and
/// withholds the total).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChallengeCounts {
    pub by_category: Vec<(Category, Cell)>,
    pub total: Cell,
}

pub fn challenge_counts(found: &[(Category, i64)], exact: bool) -> ChallengeCounts {
    let counts: Vec<u64> = Category::ALL
        .iter()
        .map(|c| {
            found
                .iter()
                .find(|(k, _)| k == c)
                .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0))
        })
        .collect();
    let total: u64 = counts.iter().sum();
    let primary = |n: u64| {
        if n < MIN_CELL {
            Cell::Small
        } else {
            Cell::Shown(n)
        }
    };
    let (cells, total) = if exact {
        (
            counts.iter().map(|&n| Cell::Shown(n)).collect(),
            Cell::Shown(total),
        )
    } else if total < MIN_CELL {
        (vec![Cell::Small; counts.len()], Cell::Small)
    } else {
        match suppress(&counts, total) {
            Some(cells) => (cells, Cell::Shown(total)),
            None => (counts.iter().map(|&n| primary(n)).collect(), Cell::Withheld),
        }
    };
    ChallengeCounts {
        by_category: Category::ALL.iter().copied().zip(cells).collect(),
        total,
    }
}

/// The tool for `user` (404 when there is none).
pub async fn load(state: &AppState, user: &CurrentUser, id: ToolId) -> Result<ToolView, AppError> {
    let me = user.user.id();
    let home = user.home();
    let found = state
        .db
        .read(move |c| {
            let Some(found) = registry::with_tallies(c, id)? else {
                return Ok(None);
            };
            let effective = status::effective_at(c, home.as_ref(), &[id])?.remove(&id);
            let mine = reviews::own(c, id, me)?;
            let practices = links::practices_of(c, id)?;
            let challenges = links::challenges_of(c, id)?;
            Ok(Some((found, effective, mine, practices, challenges)))
        })
        .await?;
    let ((row, tallies), effective, mine, (practices, practice_count), challenges) =
        found.ok_or(AppError::NotFound)?;
    Ok(ToolView {
        row,
        tallies,
        effective,
        mine,
        edits: edits_registry(&user.actor),
        decides: deciding_orgs(user),
        practices,
        practice_count,
        challenges: challenge_counts(&challenges, user.actor.is_programme_admin()),
    })
}

/// Where a page of a tool's reviews starts (`?before=<updated_at>.<id>`,
/// the last review of the page before): none for the newest; anything
/// that is not a place in the list is a bad request that says so.
pub fn before_of(given: Option<&str>) -> Result<Option<Cursor>, AppError> {
    match given.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Cursor::parse(s)
            .map(Some)
            .ok_or_else(|| AppError::BadRequest("before: not a place in this list".into())),
    }
}

/// A page of a tool's reviews, newest first, and where the next (older)
/// page starts when there is one.
pub struct ReviewsPage {
    pub reviews: Vec<Shown>,
    pub older: Option<Cursor>,
}

fn cursor_of(s: &Shown) -> Cursor {
    Cursor {
        at: s.stored.updated_at,
        id: s.stored.id,
    }
}

/// The tool's reviews after `before` ([`REVIEWS_SHOWN`] of them, the
/// newest when `before` is none), with their reviewers' display names, in
/// one trip (404 for an unknown tool).
pub async fn reviews_page(
    state: &AppState,
    id: ToolId,
    before: Option<Cursor>,
) -> Result<ReviewsPage, AppError> {
    let after = before.map(|c| (c.at, c.id));
    let r = state
        .db
        .read(move |c| {
            let page = reviews::page(c, id, after)?;
            let older = page.shown.last().filter(|_| page.older).map(cursor_of);
            Ok(ReviewsPage {
                reviews: page.shown,
                older,
            })
        })
        .await;
    match refused(r)? {
        Ok(page) => Ok(page),
        Err(_) => Err(AppError::NotFound),
    }
}

/// Whether `actor` may learn who wrote a tool's reviews outside its page
/// (the reviews' CSV): the programme team alone, as for who filed an
/// anonymous challenge report (`Actor::sees_challenge_reporters`).
pub fn sees_reviewers(actor: &Actor) -> bool {
    actor.is_programme_admin()
}

/// The columns of the reviews' CSV: the reviewer's id and display name
/// for the programme team only, then the date of the last change and each
/// criterion's rating and comment, named by the criterion's code.
fn csv_head(named: bool) -> Vec<String> {
    let mut head: Vec<String> = Vec::new();
    if named {
        head.push("reviewer_id".into());
        head.push("reviewer_name".into());
    }
    head.push("updated_on".into());
    for c in rubric::Criterion::ALL {
        head.push(format!("{c}_rating"));
        head.push(format!("{c}_comment"));
    }
    head
}

/// One review as a CSV line; its reviewer only when `named` (the
/// programme team).
fn csv_row(s: &Shown, named: bool, zone: &TimeZone) -> String {
    let mut line: Vec<String> = Vec::new();
    if named {
        line.push(s.reviewer_id.0.to_string());
        line.push(s.reviewer.clone());
    }
    line.push(
        lyceum_domain::Timestamp::from_micros(s.stored.updated_at)
            .date_in(zone)
            .to_string(),
    );
    let review = &s.stored.review;
    for c in rubric::Criterion::ALL.iter().copied() {
        line.push(review.rating(c).as_str().to_string());
        line.push(review.comment(c).unwrap_or_default().to_string());
    }
    csv_line(&line)
}

/// The tool's reviews as CSV (RFC 4180, defused for spreadsheets), newest
/// first, streamed a page (`reviews::PAGE`) at a time through `reviews::page`'s
/// keyset, so no tool's reviews sit in memory whole. Dates on the
/// reader's calendar. Who wrote each review — id and display name — only
/// for the programme team ([`sees_reviewers`]); for anyone else those
/// columns are not there at all. 404 for an unknown tool.
pub async fn reviews_csv(
    state: &AppState,
    user: &CurrentUser,
    id: ToolId,
) -> Result<Response, AppError> {
    tool_row(state, id).await?;
    let named = sees_reviewers(&user.actor);
    let zone = user.zone.clone();
    let header = csv_line(&csv_head(named));
    let state = state.clone();
    type Next = Option<Option<(i64, i64)>>;
    let stream = futures_util::stream::unfold(
        (Some(header), Some(None) as Next, state),
        move |(header, next, state): (Option<String>, Next, AppState)| {
            let zone = zone.clone();
            async move {
                if let Some(h) = header {
                    return Some((
                        Ok::<Bytes, std::io::Error>(Bytes::from(h)),
                        (None, next, state),
                    ));
                }
                let after = next?;
                let batch = state.db.read(move |c| reviews::page(c, id, after)).await;
                match batch {
                    Ok(page) if !page.shown.is_empty() => {
                        let more = page.older;
                        let next = page
                            .shown
                            .last()
                            .map(|s| (s.stored.updated_at, s.stored.id));
                        let chunk: String = page
                            .shown
                            .iter()
                            .map(|s| csv_row(s, named, &zone))
                            .collect();
                        Some((
                            Ok(Bytes::from(chunk)),
                            (None, if more { Some(next) } else { None }, state),
                        ))
                    }
                    Ok(_) => None,
                    Err(e) => Some((
                        Err(std::io::Error::other(e.to_string())),
                        (None, None, state),
                    )),
                }
            }
        },
    );
    // Fused: the compression layer polls a body once more after its end,
    // and `unfold` panics when polled past `None`.
    let mut r = Response::new(Body::from_stream(stream.fuse()));
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let name = format!("attachment; filename=\"tool-{}-reviews.csv\"", id.0);
    if let Ok(v) = HeaderValue::from_str(&name) {
        r.headers_mut().insert(CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

/// Withdraws the reader's review of a tool: it goes, and the tool's counts
/// move back as if it had never been written (`reviews::withdraw`, under
/// the tool's row lock). False when they had none; 404 for an unknown
/// tool. Reviews are not audited (they are the reviewer's own words, and
/// their writing is not either), so neither is this.
pub async fn withdraw_review(
    state: &AppState,
    user: &CurrentUser,
    id: ToolId,
) -> Result<bool, AppError> {
    let me = user.user.id();
    let r = state.db.write(move |c| reviews::withdraw(c, id, me)).await;
    match refused(r)? {
        Ok(done) => Ok(done),
        Err(e) if unknown_tool(&e) => Err(AppError::NotFound),
        Err(e) => Err(AppError::Invalid(e)),
    }
}

/// Whether `actor` adds and edits the registry's tools: the programme's
/// admins (asked of the policy at the programme, where they hold the role).
pub fn edits_registry(actor: &Actor) -> bool {
    actor
        .grants
        .iter()
        .filter(|g| g.role == Role::ProgrammeAdmin)
        .any(|g| actor.can(Action::EditToolRegistry, &g.scope))
}

/// The organisations where `user` is an admin and may decide a tool's
/// status (`Action::DecideToolStatus`), as (id, name), shallowest first.
/// A programme admin decides at the programme (the API takes any
/// organisation below it).
pub fn deciding_orgs(user: &CurrentUser) -> Vec<(OrgId, String)> {
    let actor = &user.actor;
    let mut paths: Vec<&OrgPath> = actor
        .grants
        .iter()
        .filter(|g| matches!(g.role, Role::OrgAdmin | Role::ProgrammeAdmin))
        .filter(|g| actor.can(Action::DecideToolStatus, &g.scope))
        .map(|g| &g.scope)
        .collect();
    paths.sort_by_key(|p| p.ids().len());
    let mut out: Vec<(OrgId, String)> = Vec::new();
    for p in paths {
        let Some(id) = p.ids().last().copied() else {
            continue;
        };
        if out.iter().any(|(o, _)| *o == id) {
            continue;
        }
        let name = user
            .memberships
            .iter()
            .find(|m| m.org_id == id.0)
            .map_or_else(|| id.0.to_string(), |m| m.org_name.clone());
        out.push((id, name));
    }
    out
}

/// The reader's own review of a tool (404 when there is no such tool).
pub async fn own_review(
    state: &AppState,
    user: &CurrentUser,
    id: ToolId,
) -> Result<(ToolRow, Option<Stored>), AppError> {
    let me = user.user.id();
    let (row, mine) = state
        .db
        .read(move |c| {
            let row = registry::tool(c, id)?;
            let mine = match row {
                Some(_) => reviews::own(c, id, me)?,
                None => None,
            };
            Ok((row, mine))
        })
        .await?;
    Ok((row.ok_or(AppError::NotFound)?, mine))
}

/// Writes the reader's review (a second edits the first): 404 for a tool
/// the registry does not have; every problem by field
/// (`ratings-<criterion>`, `comments-<criterion>`); nothing saved unless
/// the whole review is.
pub async fn write_review(
    state: &AppState,
    user: &CurrentUser,
    id: ToolId,
    input: &ReviewInput,
) -> Outcome<Written> {
    let review = match rubric::check(input) {
        Ok(r) => r,
        Err(e) => {
            // An unknown tool is "not found" before anything else.
            own_review(state, user, id).await?;
            return Ok(Err(e));
        }
    };
    let me = user.user.id();
    let now = state.clock.now();
    let r = state
        .db
        .write(move |c| reviews::write(c, id, me, &review, now))
        .await;
    match refused(r)? {
        Ok(w) => Ok(Ok(w)),
        Err(e) if unknown_tool(&e) => Err(AppError::NotFound),
        Err(e) => Ok(Err(e)),
    }
}

/// Sets `org`'s status for a tool. 404 for an unknown tool; the decision
/// refused by field (`status`, `note`, `decided_on` — not after today on
/// the reader's calendar); `org` refused (`tool-status-not-yours`, naming
/// it) unless the reader administers it or an organisation above it,
/// asked inside the write.
pub async fn set_status(
    state: &AppState,
    user: &CurrentUser,
    tool: ToolId,
    org: OrgId,
    input: &DecisionInput,
) -> Outcome<()> {
    let today = state.clock.now().date_in(&user.zone);
    let decision = lyceum_domain::registry::status::check(input, today);
    let actor = user.actor.clone();
    let now = state.clock.now();
    let r = state
        .db
        .write(move |c| {
            if registry::tool(c, tool)?.is_none() {
                return Ok(Err(AppError::NotFound));
            }
            match decision {
                Ok(d) => status::set(c, &actor, tool, org, &d, now).map(Ok),
                Err(e) => Err(DbError::Invalid(e)),
            }
        })
        .await;
    match refused(r)? {
        Ok(Ok(())) => Ok(Ok(())),
        Ok(Err(e)) => Err(e),
        Err(e) => Ok(Err(e)),
    }
}

/// Clears `org`'s own status for a tool, so the one above it is in force
/// again; `false` when it had none. Who may: as [`set_status`].
pub async fn clear_status(
    state: &AppState,
    user: &CurrentUser,
    tool: ToolId,
    org: OrgId,
) -> Outcome<bool> {
    let actor = user.actor.clone();
    let now = state.clock.now();
    let r = state
        .db
        .write(move |c| {
            if registry::tool(c, tool)?.is_none() {
                return Ok(Err(AppError::NotFound));
            }
            status::clear(c, &actor, tool, org, now).map(Ok)
        })
        .await;
    match refused(r)? {
        Ok(Ok(cleared)) => Ok(Ok(cleared)),
        Ok(Err(e)) => Err(e),
        Err(e) => Ok(Err(e)),
    }
}

/// `org`'s own decision on a tool (none: it inherits).
pub async fn own_status(
    state: &AppState,
    tool: ToolId,
    org: OrgId,
) -> Result<Option<lyceum_domain::registry::status::Decision>, AppError> {
    Ok(state.db.read(move |c| status::own(c, tool, org)).await?)
}

/// Adds a tool: programme admins (403 for anyone else); every problem by field.
pub async fn create_tool(
    state: &AppState,
    user: &CurrentUser,
    input: &ToolInput,
) -> Outcome<ToolId> {
    if !edits_registry(&user.actor) {
        return Err(AppError::Forbidden);
    }
    let tool = match rules::check(input) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e)),
    };
    let actor = user.actor.clone();
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| registry::create(c, &actor, &tool, now))
            .await,
    )
}

/// Edits a tool: programme admins (403 for anyone else; 404 for a tool
/// the registry does not have); every problem by field.
pub async fn update_tool(
    state: &AppState,
    user: &CurrentUser,
    id: ToolId,
    input: &ToolInput,
) -> Outcome<()> {
    if !edits_registry(&user.actor) {
        return Err(AppError::Forbidden);
    }
    let tool = match rules::check(input) {
        Ok(t) => t,
        Err(e) => {
            tool_row(state, id).await?;
            return Ok(Err(e));
        }
    };
    let actor = user.actor.clone();
    let now = state.clock.now();
    match refused(
        state
            .db
            .write(move |c| registry::update(c, &actor, id, &tool, now))
            .await,
    )? {
        Ok(()) => Ok(Ok(())),
        Err(e) if unknown_tool(&e) => Err(AppError::NotFound),
        Err(e) => Ok(Err(e)),
    }
}

/// The database's "no such tool", which pages and API answer with 404.
fn unknown_tool(e: &lyceum_domain::validation::Invalid) -> bool {
    e.0.iter().any(|f| f.code == "unknown-tool")
}

/// The tool's row (404 when there is none).
pub async fn tool_row(state: &AppState, id: ToolId) -> Result<ToolRow, AppError> {
    state
        .db
        .read(move |c| registry::tool(c, id))
        .await?
        .ok_or(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lyceum_domain::disclosure::revealing;

    #[test]
    fn a_tools_challenges_are_exact_for_the_team_and_never_revealing_for_others() {
        let found = [
            (Category::AcademicIntegrity, 40),
            (Category::WrongAnswers, 12),
            (Category::Bias, 3),
        ];
        let team = challenge_counts(&found, true);
        assert_eq!(team.total, Cell::Shown(55));
        assert_eq!(team.by_category.len(), Category::ALL.len());
        assert!(team.by_category.contains(&(Category::Bias, Cell::Shown(3))));
        assert!(
            team.by_category
                .contains(&(Category::Workload, Cell::Shown(0)))
        );

        let others = challenge_counts(&found, false);
        assert_eq!(others.total, Cell::Shown(55));
        let cells: Vec<Cell> = others.by_category.iter().map(|(_, c)| *c).collect();
        assert!(!cells.contains(&Cell::Shown(3)), "{cells:?}");
        assert!(
            cells
                .iter()
                .all(|c| !matches!(c, Cell::Shown(n) if *n < MIN_CELL))
        );
        assert!(!revealing(&cells, 55), "{cells:?}");

        // A handful in all: nothing but "<10".
        let few = challenge_counts(&[(Category::Bias, 4)], false);
        assert_eq!(few.total, Cell::Small);
        assert!(few.by_category.iter().all(|(_, c)| *c == Cell::Small));
    }
}
