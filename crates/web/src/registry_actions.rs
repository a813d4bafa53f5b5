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
use crate::error::{AppError, Outcome, refused};
use crate::state::AppState;
use lyceum_db::DbError;
use lyceum_db::registry::reviews::{self, Shown, Stored, Written};
use lyceum_db::registry::status::{self, Effective};
use lyceum_db::registry::{self, ToolRow};
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{Action, Actor};
use lyceum_domain::registry::review::{self as rubric, ReviewInput, Tallies};
use lyceum_domain::registry::status::DecisionInput;
use lyceum_domain::registry::{self as rules, ToolInput, ToolSort};
use lyceum_domain::role::Role;
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
    let me = user.user.id();
    let (page, statuses) = state
        .db
        .read(move |c| {
            let page = registry::list(c, sort, offset)?;
            let ids: Vec<ToolId> = page.items.iter().map(|t| t.id).collect();
            let statuses = status::effective_for(c, me, &ids)?;
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
}

/// The tool for `user` (404 when there is none).
pub async fn load(state: &AppState, user: &CurrentUser, id: ToolId) -> Result<ToolView, AppError> {
    let me = user.user.id();
    let (found, effective, mine) = state
        .db
        .read(move |c| {
            let Some(found) = registry::with_tallies(c, id)? else {
                return Ok((None, None, None));
            };
            let effective = status::effective_status(c, id, me)?;
            let mine = reviews::own(c, id, me)?;
            Ok((Some(found), effective, mine))
        })
        .await?;
    let (row, tallies) = found.ok_or(AppError::NotFound)?;
    Ok(ToolView {
        row,
        tallies,
        effective,
        mine,
        edits: edits_registry(&user.actor),
        decides: deciding_orgs(user),
    })
}

/// The tool's newest reviews, with their reviewers' display names.
pub async fn recent_reviews(state: &AppState, id: ToolId) -> Result<Vec<Shown>, AppError> {
    let r = state.db.read(move |c| reviews::page(c, id, None)).await;
    match refused(r)? {
        Ok(shown) => Ok(shown),
        Err(_) => Err(AppError::NotFound),
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
