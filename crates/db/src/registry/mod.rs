//! The AI tool registry as stored (issue 20): tools (`mod.rs`), educators'
//! reviews with each tool's tallies (`reviews.rs`), organisations'
//! statuses with their inheritance (`status.rs`), and the practices and
//! challenge reports a tool is linked with (`links.rs`).
//!
//! Tools are the programme's: only its admins add and edit them
//! (`Action::EditToolRegistry`, asked here inside the write; vendors hold
//! no role that reaches it). A tool's row keeps its review count and
//! `ai_tool_rating_counts` each criterion's spread, both moved in the
//! review's own transaction, so lists and tool pages read counters, never
//! count reviews.

pub mod links;
pub mod reviews;
pub mod status;

use crate::audit::{self, Event};
use crate::codes::Code;
use crate::ids::Id;
use crate::schema::{ai_tool_rating_counts, ai_tools};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::policy::{Action, Actor};
use lyceum_domain::registry::review::{Criterion, Rating, Tallies};
use lyceum_domain::registry::{Ages, CostModel, PrivacyAgreement, Tool, ToolSort};
use lyceum_domain::validation::Invalid;
use lyceum_domain::{OrgId, Timestamp, ToolId};
use serde_json::json;

/// Most tools one page of a list holds.
pub const PAGE: usize = 50;

/// A tool as stored.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = ai_tools)]
pub struct ToolRow {
    #[diesel(deserialize_as = Id<ToolId>)]
    pub id: ToolId,
    pub name: String,
    pub vendor: String,
    pub url: String,
    pub description: String,
    pub min_age: i32,
    pub max_age: Option<i32>,
    #[diesel(deserialize_as = Code<CostModel>)]
    pub cost_model: CostModel,
    #[diesel(deserialize_as = Code<PrivacyAgreement>)]
    pub privacy_agreement: PrivacyAgreement,
    pub review_count: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

impl ToolRow {
    pub fn ages(&self) -> Ages {
        let age = |n: i32| u8::try_from(n).unwrap_or(0);
        Ages {
            min: age(self.min_age),
            max: self.max_age.map(age),
        }
    }

    /// The tool as checked, to edit it.
    pub fn tool(&self) -> Tool {
        Tool {
            name: self.name.clone(),
            vendor: self.vendor.clone(),
            url: self.url.clone(),
            description: self.description.clone(),
            ages: self.ages(),
            cost_model: self.cost_model,
            privacy_agreement: self.privacy_agreement,
        }
    }
}

/// The refusal of an unknown tool, on field `tool`.
pub(crate) fn unknown_tool() -> DbError {
    DbError::invalid("tool", "unknown-tool")
}

/// The programme (the root organisation), refused unless `editor` may
/// edit the registry (its admins).
fn may_edit(conn: &mut DbConn, editor: &Actor) -> Result<OrgId, DbError> {
    let root = crate::orgs::root(conn)?.ok_or(DbError::NotFound)?;
    if editor.can(Action::EditToolRegistry, &root.org_path()?) {
        Ok(root.id())
    } else {
        Err(DbError::invalid("tool", "registry-programme-admins-only"))
    }
}

fn audited(t: &Tool) -> serde_json::Value {
    json!({
        "name": t.name,
        "vendor": t.vendor,
        "url": t.url,
        "description": t.description,
        "min_age": t.ages.min,
        "max_age": t.ages.max,
        "cost_model": t.cost_model.as_str(),
        "privacy_agreement": t.privacy_agreement.as_str(),
    })
}

/// Another tool already has this name (folded): refused on `name`.
fn name_taken(conn: &mut DbConn, t: &Tool, other_than: Option<ToolId>) -> Result<(), DbError> {
    let mut q = ai_tools::table
        .filter(ai_tools::sort_name.eq(t.sort_name()))
        .select(ai_tools::id)
        .into_boxed();
    if let Some(id) = other_than {
        q = q.filter(ai_tools::id.ne(id.0));
    }
    match q.first::<i64>(conn).optional()? {
        Some(_) => Err(DbError::invalid("name", "tool-exists")),
        None => Ok(()),
    }
}

/// Adds a tool (programme admins only, else refused on `tool`); a name
/// another tool has (folded) is refused on `name` (`tool-exists`), also
/// when two are added at once. Its tallies start at zero, one row per
/// criterion and rating. Audited (`registry.tool_added`).
pub fn create(
    conn: &mut DbConn,
    editor: &Actor,
    t: &Tool,
    now: Timestamp,
) -> Result<ToolId, DbError> {
    let root = may_edit(conn, editor)?;
    name_taken(conn, t, None)?;
    let insert = diesel::insert_into(ai_tools::table).values((
        ai_tools::name.eq(&t.name),
        ai_tools::sort_name.eq(t.sort_name()),
        ai_tools::vendor.eq(&t.vendor),
        ai_tools::url.eq(&t.url),
        ai_tools::description.eq(&t.description),
        ai_tools::min_age.eq(i32::from(t.ages.min)),
        ai_tools::max_age.eq(t.ages.max.map(i32::from)),
        ai_tools::cost_model.eq(t.cost_model.as_str()),
        ai_tools::privacy_agreement.eq(t.privacy_agreement.as_str()),
        ai_tools::created_by.eq(editor.user_id.0),
        ai_tools::updated_by.eq(editor.user_id.0),
        ai_tools::created_at.eq(now.micros()),
        ai_tools::updated_at.eq(now.micros()),
    ));
    // The unique name decides between two added at once.
    let id: Option<i64> = crate::on_backend!(conn, |c| insert
        .on_conflict_do_nothing()
        .returning(ai_tools::id)
        .get_result(c)
        .optional())?;
    let id = id.ok_or_else(|| DbError::invalid("name", "tool-exists"))?;
    let counters: Vec<_> = Criterion::ALL
        .iter()
        .flat_map(|c| {
            Rating::ALL.iter().map(move |r| {
                (
                    ai_tool_rating_counts::tool_id.eq(id),
                    ai_tool_rating_counts::criterion.eq(c.as_str()),
                    ai_tool_rating_counts::rating.eq(r.as_str()),
                    ai_tool_rating_counts::n.eq(0i64),
                )
            })
        })
        .collect();
    // One statement for the 36 rows (each backend's own multi-row insert).
    crate::on_backend!(conn, |c| diesel::insert_into(ai_tool_rating_counts::table)
        .values(&counters)
        .execute(c))?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(editor.user_id),
            action: "registry.tool_added",
            org: Some(root),
            subject: None,
            detail: json!({ "tool": id, "new": audited(t) }),
        },
    )?;
    Ok(ToolId(id))
}

/// Changes a tool (programme admins only); as [`create`] for names.
/// Audited with what it was and what it is (`registry.tool_edited`).
pub fn update(
    conn: &mut DbConn,
    editor: &Actor,
    id: ToolId,
    t: &Tool,
    now: Timestamp,
) -> Result<(), DbError> {
    let root = may_edit(conn, editor)?;
    let old = tool(conn, id)?.ok_or_else(unknown_tool)?;
    name_taken(conn, t, Some(id))?;
    diesel::update(ai_tools::table.find(id.0))
        .set((
            ai_tools::name.eq(&t.name),
            ai_tools::sort_name.eq(t.sort_name()),
            ai_tools::vendor.eq(&t.vendor),
            ai_tools::url.eq(&t.url),
            ai_tools::description.eq(&t.description),
            ai_tools::min_age.eq(i32::from(t.ages.min)),
            ai_tools::max_age.eq(t.ages.max.map(i32::from)),
            ai_tools::cost_model.eq(t.cost_model.as_str()),
            ai_tools::privacy_agreement.eq(t.privacy_agreement.as_str()),
            ai_tools::updated_by.eq(editor.user_id.0),
            ai_tools::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(editor.user_id),
            action: "registry.tool_edited",
            org: Some(root),
            subject: None,
            detail: json!({ "tool": id.0, "old": audited(&old.tool()), "new": audited(t) }),
        },
    )?;
    Ok(())
}

/// The tool, if there is one.
pub fn tool(conn: &mut DbConn, id: ToolId) -> Result<Option<ToolRow>, DbError> {
    Ok(ai_tools::table
        .find(id.0)
        .select(ToolRow::as_select())
        .first(conn)
        .optional()?)
}

/// Each criterion's spread of ratings over the tool's reviews, as kept.
pub fn tallies(conn: &mut DbConn, id: ToolId) -> Result<Tallies, DbError> {
    let rows: Vec<(Code<Criterion>, Code<Rating>, i64)> = ai_tool_rating_counts::table
        .filter(ai_tool_rating_counts::tool_id.eq(id.0))
        .select((
            ai_tool_rating_counts::criterion,
            ai_tool_rating_counts::rating,
            ai_tool_rating_counts::n,
        ))
        .load(conn)?;
    let mut t = Tallies::default();
    for (c, r, n) in rows {
        t.set(c.into(), r.into(), n);
    }
    Ok(t)
}

/// The tool with its tallies: what its page shows (two indexed reads).
pub fn with_tallies(conn: &mut DbConn, id: ToolId) -> Result<Option<(ToolRow, Tallies)>, DbError> {
    match tool(conn, id)? {
        Some(row) => Ok(Some((row, tallies(conn, id)?))),
        None => Ok(None),
    }
}

/// A page of the registry's list, and how many tools it has.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub items: Vec<ToolRow>,
    pub total: i64,
}

/// The tools in `sort`'s order (by folded name; or most reviewed first,
/// then by name), at most [`PAGE`] from `offset`. Never by anything a
/// vendor can buy. Each order reads its own index.
pub fn list(conn: &mut DbConn, sort: ToolSort, offset: usize) -> Result<Page, DbError> {
    let q = ai_tools::table
        .select(ToolRow::as_select())
        .limit(PAGE as i64)
        .offset(i64::try_from(offset).unwrap_or(i64::MAX));
    let items = match sort {
        ToolSort::Name => q.order((ai_tools::sort_name, ai_tools::id)).load(conn)?,
        ToolSort::Reviews => q
            .order((
                ai_tools::review_count.desc(),
                ai_tools::sort_name,
                ai_tools::id,
            ))
            .load(conn)?,
    };
    let total = ai_tools::table.count().get_result(conn)?;
    Ok(Page { items, total })
}

/// Tools by id, for lists that start elsewhere (a practice's tools).
pub fn by_ids(conn: &mut DbConn, ids: &[ToolId]) -> Result<Vec<ToolRow>, DbError> {
    let ids: Vec<i64> = ids.iter().map(|t| t.0).collect();
    Ok(ai_tools::table
        .filter(ai_tools::id.eq_any(ids))
        .order((ai_tools::sort_name, ai_tools::id))
        .select(ToolRow::as_select())
        .load(conn)?)
}

/// Refuses what is not a tool (`Invalid` on `tool`), else takes the tool's
/// row first — its lock on PostgreSQL, held to the commit; SQLite has one
/// writer — so the changes that follow (a review and the counters it
/// moves, a status and its audit entry) never interleave with another's
/// on the same tool. The count is rewritten as it is.
pub(crate) fn lock(conn: &mut DbConn, id: ToolId) -> Result<(), DbError> {
    let n = diesel::update(ai_tools::table.find(id.0))
        .set(ai_tools::review_count.eq(ai_tools::review_count))
        .execute(conn)?;
    if n == 0 {
        return Err(unknown_tool());
    }
    Ok(())
}

/// `Invalid` with one problem, for the modules beside this one.
pub(crate) fn invalid(e: lyceum_domain::validation::FieldError) -> DbError {
    DbError::Invalid(Invalid(vec![e]))
}
