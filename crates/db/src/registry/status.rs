//! Organisations' statuses for tools, and the status in force for a reader.
//!
//! An organisation's admins (and those above it) set or clear its status
//! for a tool (`Action::DecideToolStatus`, asked here inside the write
//! against the organisation the status belongs to, so power never flows up
//! or sideways), each change audited with what it was and what it is. A
//! status holds for the organisation and below unless a lower one sets its
//! own: the status in force at a node is the deepest on its path
//! (`registry::status::effective`), read for many tools in one statement.

use super::lock;
use crate::audit::{self, Event};
use crate::codes::Code;
use crate::ids::Id;
use crate::schema::{ai_tool_org_status, orgs};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{Action, Actor};
use lyceum_domain::registry::status::{Decision, ToolStatus, effective};
use lyceum_domain::time::Date;
use lyceum_domain::validation::FieldError;
use lyceum_domain::{OrgId, Timestamp, ToolId, UserId};
use serde_json::json;
use std::collections::HashMap;

/// The organisation's path, refused on `org` unless `actor` administers
/// it (or one above it): `tool-status-not-yours`, naming it.
fn may_decide(conn: &mut DbConn, actor: &Actor, org: OrgId) -> Result<(), DbError> {
    let row =
        crate::orgs::by_id(conn, org)?.ok_or_else(|| DbError::invalid("org", "unknown-org"))?;
    if actor.can(Action::DecideToolStatus, &row.org_path()?) {
        Ok(())
    } else {
        Err(super::invalid(
            FieldError::new("org", "tool-status-not-yours").with_arg("org", row.name),
        ))
    }
}

type StoredDecision = (Code<ToolStatus>, String, String, bool);

fn decision((status, note, decided_on, signed): StoredDecision) -> Result<Decision, DbError> {
    Ok(Decision {
        status: status.into(),
        note,
        decided_on: Date::parse(&decided_on)
            .ok_or_else(|| DbError::Corrupt(format!("tool status decided on {decided_on:?}")))?,
        privacy_agreement_signed: signed,
    })
}

fn audited(d: &Decision) -> serde_json::Value {
    json!({
        "status": d.status.as_str(),
        "note": d.note,
        "decided_on": d.decided_on.to_string(),
        "privacy_agreement_signed": d.privacy_agreement_signed,
    })
}

/// The organisation's own decision on the tool, if it made one.
pub fn own(conn: &mut DbConn, tool: ToolId, org: OrgId) -> Result<Option<Decision>, DbError> {
    let row: Option<StoredDecision> = ai_tool_org_status::table
        .find((tool.0, org.0))
        .select((
            ai_tool_org_status::status,
            ai_tool_org_status::note,
            ai_tool_org_status::decided_on,
            ai_tool_org_status::privacy_agreement_signed,
        ))
        .first(conn)
        .optional()?;
    row.map(decision).transpose()
}

/// Sets the organisation's status for the tool (a new one, or a change to
/// its own). Refused on `org` unless `actor` is an admin of it or above
/// it; on `tool` for no such tool — before anything is written. Audited
/// (`registry.status_set`, with the old decision and the new).
pub fn set(
    conn: &mut DbConn,
    actor: &Actor,
    tool: ToolId,
    org: OrgId,
    d: &Decision,
    now: Timestamp,
) -> Result<(), DbError> {
    may_decide(conn, actor, org)?;
    // The tool's row first: two admins deciding at once are audited in
    // the order they were written, each with the one before as its old.
    lock(conn, tool)?;
    let old = own(conn, tool, org)?;
    let values = (
        ai_tool_org_status::status.eq(d.status.as_str()),
        ai_tool_org_status::note.eq(&d.note),
        ai_tool_org_status::decided_on.eq(d.decided_on.to_string()),
        ai_tool_org_status::privacy_agreement_signed.eq(d.privacy_agreement_signed),
        ai_tool_org_status::decided_by.eq(Some(actor.user_id.0)),
        ai_tool_org_status::decided_at.eq(now.micros()),
    );
    if old.is_some() {
        diesel::update(ai_tool_org_status::table.find((tool.0, org.0)))
            .set(values)
            .execute(conn)?;
    } else {
        diesel::insert_into(ai_tool_org_status::table)
            .values((
                ai_tool_org_status::tool_id.eq(tool.0),
                ai_tool_org_status::org_id.eq(org.0),
                values,
            ))
            .execute(conn)?;
    }
    audit::record(
        conn,
        now,
        Event {
            actor: Some(actor.user_id),
            action: "registry.status_set",
            org: Some(org),
            subject: None,
            detail: json!({
                "tool": tool.0,
                "old": old.as_ref().map(audited),
                "new": audited(d),
            }),
        },
    )
}

/// Clears the organisation's own status for the tool, so the one above it
/// (if any) is in force again; false when it had none. Refused as
/// [`set`] is; audited (`registry.status_cleared`, with the old).
pub fn clear(
    conn: &mut DbConn,
    actor: &Actor,
    tool: ToolId,
    org: OrgId,
    now: Timestamp,
) -> Result<bool, DbError> {
    may_decide(conn, actor, org)?;
    lock(conn, tool)?;
    let Some(old) = own(conn, tool, org)? else {
        return Ok(false);
    };
    diesel::delete(ai_tool_org_status::table.find((tool.0, org.0))).execute(conn)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(actor.user_id),
            action: "registry.status_cleared",
            org: Some(org),
            subject: None,
            detail: json!({ "tool": tool.0, "old": audited(&old), "new": null }),
        },
    )?;
    Ok(true)
}

/// The status in force, and where it comes from: "approved by Valle
/// Unified, 2026-09-01".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effective {
    pub decision: Decision,
    /// The organisation that decided, and its name.
    pub org: OrgId,
    pub org_name: String,
    pub decided_by: Option<UserId>,
}

/// Most organisations on a path: the programme, a state, a district or a
/// local, a school (`OrgKind::child_kinds`).
const PATH_NODES: usize = 4;

/// The status in force at the node `at` for each of `tools` that has one
/// (tools nobody on the path decided are absent): every decision of the
/// nodes on `at`'s path — a handful of nodes whatever the tree's size,
/// read on `ai_tool_org_status_org` — kept for those tools, and the
/// deepest of each tool's. The statement has one shape (the path's nodes
/// ORed, padded with 0, which no organisation is), so SQLite keeps it
/// prepared; a list of tools in it (`eq_any`) was prepared again on every
/// view of the registry. No node (a reader who belongs nowhere): none.
pub fn effective_at(
    conn: &mut DbConn,
    at: Option<&OrgPath>,
    tools: &[ToolId],
) -> Result<HashMap<ToolId, Effective>, DbError> {
    let Some(at) = at.filter(|_| !tools.is_empty()) else {
        return Ok(HashMap::new());
    };
    let wanted: std::collections::HashSet<ToolId> = tools.iter().copied().collect();
    let nodes: Vec<i64> = at.ids().iter().map(|o| o.0).collect();
    type Row = (
        Id<ToolId>,
        Id<OrgId>,
        String,
        Id<Option<UserId>>,
        Code<ToolStatus>,
        String,
        String,
        bool,
    );
    let mut rows: Vec<Row> = Vec::new();
    for chunk in nodes.chunks(PATH_NODES) {
        let mut n = [0i64; PATH_NODES];
        n[..chunk.len()].copy_from_slice(chunk);
        let org = ai_tool_org_status::org_id;
        rows.extend(
            ai_tool_org_status::table
                .inner_join(orgs::table)
                .filter(
                    org.eq(n[0])
                        .or(org.eq(n[1]))
                        .or(org.eq(n[2]))
                        .or(org.eq(n[3])),
                )
                .select((
                    ai_tool_org_status::tool_id,
                    ai_tool_org_status::org_id,
                    orgs::name,
                    ai_tool_org_status::decided_by,
                    ai_tool_org_status::status,
                    ai_tool_org_status::note,
                    ai_tool_org_status::decided_on,
                    ai_tool_org_status::privacy_agreement_signed,
                ))
                .load::<Row>(conn)?,
        );
    }
    let mut by_tool: HashMap<ToolId, Vec<(OrgId, Effective)>> = HashMap::new();
    for (tool, org, org_name, decided_by, status, note, decided_on, signed) in rows {
        let tool: ToolId = tool.into();
        if !wanted.contains(&tool) {
            continue;
        }
        let org: OrgId = org.into();
        by_tool.entry(tool).or_default().push((
            org,
            Effective {
                decision: decision((status, note, decided_on, signed))?,
                org,
                org_name,
                decided_by: decided_by.into(),
            },
        ));
    }
    Ok(by_tool
        .into_iter()
        .filter_map(|(tool, decided)| effective(at, &decided).map(|(_, e)| (tool, e.clone())))
        .collect())
}

/// Where a person's statuses are read: their school — the organisation of
/// their deepest membership, the earliest joined among equally deep ones
/// (as their zone is, `orgs::home_path`). `None` for someone who belongs
/// nowhere. The request context has these paths already; this reads them.
pub fn home_of(conn: &mut DbConn, user: UserId) -> Result<Option<OrgPath>, DbError> {
    let paths: Vec<OrgPath> = crate::memberships::grants_of(conn, user)?
        .into_iter()
        .map(|g| g.scope)
        .collect();
    Ok(crate::orgs::home_path(&paths).cloned())
}

/// [`effective_at`] for `user`'s school ([`home_of`]).
pub fn effective_for(
    conn: &mut DbConn,
    user: UserId,
    tools: &[ToolId],
) -> Result<HashMap<ToolId, Effective>, DbError> {
    let home = home_of(conn, user)?;
    effective_at(conn, home.as_ref(), tools)
}

/// The status of one tool in force for `user` ([`effective_for`]).
pub fn effective_status(
    conn: &mut DbConn,
    tool: ToolId,
    user: UserId,
) -> Result<Option<Effective>, DbError> {
    Ok(effective_for(conn, user, &[tool])?.remove(&tool))
}
