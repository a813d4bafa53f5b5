//! Applying a OneRoster package to the database: who is new, who changed,
//! who left. Read by `lyceum_domain::oneroster`; applied here.
//!
//! An import belongs to a *source* (a district's SIS, say): sourcedIds are
//! unique only within it, and `roster_links` remembers what each became
//! here, with a fingerprint of the record so unchanged rows cost nothing.
//! The same email from two sources is one person with two memberships.
//!
//! People own their accounts (security rule 4), so a roster governs only
//! what it made or what the importing organisation fully governs:
//! - It links an existing account (found by a row's email) only when every
//!   role the account holds is an educator role inside the organisation
//!   imported for, below the programme itself (`policy::roster_may_link`);
//!   an account with no role at all only by the source that created it.
//!   Any other row naming an existing account is a problem, and nothing is
//!   imported. The owner is emailed the first time a source links them.
//! - It never changes an account's email address, and changes the name
//!   only of accounts it created; other differences are reported in the
//!   summary (and audited), and reported again on every import until the
//!   two agree.
//! - A person leaving it loses its memberships; the account is deactivated
//!   only if all its memberships came from this source.
//! - Every link, name change, reported difference, membership withdrawn,
//!   deactivation and reactivation is audited with the source's name and
//!   the record's sourcedId.
//!
//! [`plan`] only reads, so a dry run is the plan alone; [`apply`] writes the
//! plan, and the caller runs both in one transaction, so a failed or
//! interrupted import leaves the database as it was.
//!
//! Choices:
//! - Every staff role becomes an `educator` membership (what they do in
//!   school goes to the profile, for new people); admin rights are given in
//!   Lyceum, never by a roster.
//! - Organisations are never deleted by a roster (their history counts);
//!   a `tobedeleted` org is counted and left.
//! - A person leaves a source when `tobedeleted`, absent from a bulk file,
//!   or `enabledUser=false` (deactivated: kept, unable to sign in, when the
//!   rule above allows). A person who comes back, whose memberships all
//!   come from this source, is reactivated.
//! - A new organisation whose parent already has a child of the same kind
//!   and name is linked to it rather than duplicated.

mod accounts;
pub mod lock;
pub mod uploads;

pub use accounts::action;

use crate::bulk::{self, MembershipRow, UserRow};
use crate::schema::{memberships, orgs, roster_links, roster_sources, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::oneroster::{Mode, Package, Problem, StaffRole, Status, code};
use lyceum_domain::org::{OrgKind, OrgPath};
use lyceum_domain::profile::SchoolRole;
use lyceum_domain::role::Role;
use lyceum_domain::search::person_text;
use lyceum_domain::{OrgId, Timestamp, UserId};
use std::collections::{HashMap, HashSet};

/// What an import is for.
#[derive(Debug, Clone)]
pub struct Target {
    /// The source's name, e.g. `columbus-sis`.
    pub source: String,
    /// Where the package's top organisations are placed, and the scope
    /// nothing it touches may leave.
    pub org: OrgId,
    /// Who imports it (None: the command line), for the audit log.
    pub actor: Option<UserId>,
}

/// How many records of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub orgs: usize,
    pub users: usize,
    pub roles: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.orgs + self.users + self.roles
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub created: Counts,
    pub updated: Counts,
    pub unchanged: Counts,
    /// People deactivated, memberships withdrawn (orgs are never removed).
    pub deactivated: Counts,
    /// People brought back.
    pub reactivated: usize,
    /// Students, guardians and others not imported.
    pub ignored_users: usize,
    pub ignored_files: Vec<String>,
    /// Existing accounts this source links for the first time (counted in
    /// `updated.users` too); their owners are emailed.
    pub linked: usize,
    /// Rows whose name or email differs from the account's, which keeps its own.
    pub differences: usize,
    /// The first [`MAX_DIFFERENCE_ROWS`] of them, for the page and the command line.
    #[serde(skip)]
    pub difference_rows: Vec<Difference>,
    /// What the package did against the specification that was read anyway
    /// (`code::NOTICES`): the reader's, then the importer's.
    pub notices: Vec<Problem>,
}

/// A row whose person the account describes differently; the account keeps
/// what it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub line: u64,
    pub sourced_id: String,
    pub email: bool,
    pub name: bool,
}

/// Differences listed by row (all are counted).
pub const MAX_DIFFERENCE_ROWS: usize = 200;

const KIND_ORG: &str = "org";
const KIND_USER: &str = "user";
const KIND_ROLE: &str = "role";

/// A stable 64-bit fingerprint of a record's fields (FNV-1a).
fn fingerprint(parts: &[&str]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h as i64
}

/// Where an organisation of the package ends up.
#[derive(Debug, Clone)]
enum OrgPlace {
    /// Already here (linked before, matched by name, or the programme).
    Existing {
        id: OrgId,
        path: OrgPath,
        kind: OrgKind,
        changed_name: Option<String>,
    },
    /// To be created under the org at index `parent` of the plan, or an existing one.
    New {
        parent: ParentRef,
        kind: OrgKind,
        name: String,
    },
}

/// What happens to a record's link: made, refreshed, or left as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinkChange {
    New,
    Changed,
    Same,
}

#[derive(Debug, Clone)]
struct PlannedOrg {
    sourced_id: String,
    place: OrgPlace,
    fingerprint: i64,
    link: LinkChange,
}

#[derive(Debug, Clone)]
enum ParentRef {
    Existing(OrgId, OrgPath),
    Planned(usize),
}

/// Everything an import will do, worked out before anything is written.
pub struct Plan {
    source_id: Option<i64>,
    source_name: String,
    target: OrgId,
    target_name: String,
    actor: Option<UserId>,
    orgs: Vec<PlannedOrg>,
    users: Vec<UserPlan>,
    roles: Vec<RolePlan>,
    /// Memberships of this source to withdraw, and their links to drop.
    withdraw: Vec<(i64, String)>,
    /// Users whose links and memberships leave with this import, with their sourcedIds.
    leaving_users: Vec<(UserId, String)>,
    pub summary: Summary,
}

struct UserPlan {
    sourced_id: String,
    /// What the link remembers: the record's fingerprint, or 0 while the
    /// account differs from the record, so the next import looks again.
    fingerprint: i64,
    action: UserAction,
    enabled: bool,
    difference: Option<Difference>,
}

enum UserAction {
    Create {
        name: String,
        email: Option<String>,
        school_role: SchoolRole,
    },
    /// An existing account, new to this link.
    Link {
        account: accounts::Account,
        /// This source links it for the first time: tell its owner.
        first: bool,
        rename: Option<String>,
    },
    /// Linked before; the record changed.
    Refresh {
        id: UserId,
        /// The new name, for an account this source created; and its
        /// address, which the search text needs.
        rename: Option<(String, Option<String>)>,
    },
    Unchanged(UserId),
}

struct RolePlan {
    sourced_id: String,
    fingerprint: i64,
    user: UserRef,
    org: OrgRef,
    action: RoleAction,
}

enum UserRef {
    Existing(UserId),
    Planned(usize),
}

enum OrgRef {
    Existing(OrgId),
    Planned(usize),
}

enum RoleAction {
    Create,
    /// Its membership moves to another org.
    Move(i64),
    Unchanged,
}

fn school_role(role: StaffRole) -> SchoolRole {
    match role {
        StaffRole::Teacher => SchoolRole::Teacher,
        StaffRole::Aide => SchoolRole::Paraprofessional,
        StaffRole::Counselor => SchoolRole::Counselor,
        StaffRole::Principal | StaffRole::SiteAdministrator | StaffRole::Administrator => {
            SchoolRole::SchoolLeader
        }
        StaffRole::DistrictAdministrator => SchoolRole::DistrictStaff,
        StaffRole::SystemAdministrator => SchoolRole::Other,
    }
}

fn links(
    conn: &mut DbConn,
    source: Option<i64>,
    kind: &str,
) -> Result<HashMap<String, (i64, i64)>, DbError> {
    let Some(source) = source else {
        return Ok(HashMap::new());
    };
    let rows: Vec<(String, i64, i64)> = roster_links::table
        .filter(roster_links::source_id.eq(source))
        .filter(roster_links::kind.eq(kind))
        .select((
            roster_links::sourced_id,
            roster_links::local_id,
            roster_links::fingerprint,
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(|(s, l, f)| (s, (l, f))).collect())
}

/// The account a planned user already is (none for one to create).
fn planned_user_id(u: &UserPlan) -> Option<UserId> {
    match &u.action {
        UserAction::Create { .. } => None,
        UserAction::Link { account, .. } => Some(account.id),
        UserAction::Refresh { id, .. } | UserAction::Unchanged(id) => Some(*id),
    }
}

fn is_delete(status: Option<Status>) -> bool {
    status == Some(Status::ToBeDeleted)
}

/// When a roster was last imported into the organisation (any source), if ever.
pub fn last_import_at(conn: &mut DbConn, org: OrgId) -> Result<Option<i64>, DbError> {
    Ok(roster_sources::table
        .filter(roster_sources::org_id.eq(org.0))
        .select(diesel::dsl::max(roster_sources::last_import_at))
        .first::<Option<i64>>(conn)?)
}

/// Works out what importing `package` for `target` would do. Reads only.
pub fn plan(conn: &mut DbConn, package: &Package, target: &Target) -> Result<Plan, DbError> {
    let mut problems: Vec<Problem> = Vec::new();
    let scope_org = crate::orgs::get(conn, target.org)?;
    let scope = scope_org.org_path()?;
    let source: Option<(i64, i64)> = roster_sources::table
        .filter(roster_sources::name.eq(&target.source))
        .select((roster_sources::id, roster_sources::org_id))
        .first(conn)
        .optional()?;
    // A source belongs to the organisation that first imported it: nobody
    // else may update (or remove) what it brought.
    if let Some((_, owner)) = source
        && owner != target.org.0
    {
        return Err(DbError::Roster(vec![
            Problem::new("", 0, code::SOURCE_ELSEWHERE).with("value", &target.source),
        ]));
    }
    let source_id = source.map(|(id, _)| id);
    let mut summary = Summary {
        ignored_users: package.ignored_users,
        ignored_files: package.ignored_files.clone(),
        notices: package.notices.clone(),
        ..Summary::default()
    };

    // ---- Organisations, parents first.
    let org_links = links(conn, source_id, KIND_ORG)?;
    let by_sourced: HashMap<&str, usize> = package
        .orgs
        .iter()
        .enumerate()
        .map(|(i, o)| (o.sourced_id.as_str(), i))
        .collect();
    let mut order: Vec<usize> = Vec::with_capacity(package.orgs.len());
    let mut placed = vec![false; package.orgs.len()];
    fn visit(
        i: usize,
        p: &Package,
        by: &HashMap<&str, usize>,
        placed: &mut [bool],
        order: &mut Vec<usize>,
    ) {
        if placed[i] {
            return;
        }
        placed[i] = true;
        if let Some(parent) = p.orgs[i]
            .parent_sourced_id
            .as_deref()
            .and_then(|s| by.get(s))
        {
            visit(*parent, p, by, placed, order);
        }
        order.push(i);
    }
    for i in 0..package.orgs.len() {
        visit(i, package, &by_sourced, &mut placed, &mut order);
    }
    let mut org_plan: Vec<PlannedOrg> = Vec::new();
    let mut planned_index: HashMap<String, usize> = HashMap::new();
    for i in order {
        let rec = &package.orgs[i];
        let fp = fingerprint(&[
            &rec.name,
            rec.kind.as_str(),
            rec.parent_sourced_id.as_deref().unwrap_or(""),
        ]);
        if is_delete(rec.status) {
            summary.deactivated.orgs += 1;
            continue;
        }
        if let Some((local, old_fp)) = org_links.get(&rec.sourced_id) {
            let existing = crate::orgs::get(conn, OrgId(*local))?;
            let path = existing.org_path()?;
            if !scope.contains(&path) {
                problems.push(
                    Problem::new("orgs.csv", rec.line, code::ORG_OUTSIDE_SCOPE)
                        .with("value", &rec.sourced_id)
                        .with("place", &existing.name),
                );
                continue;
            }
            let renamed = *old_fp != fp && existing.name != rec.name;
            if renamed {
                summary.updated.orgs += 1;
            } else {
                summary.unchanged.orgs += 1;
            }
            planned_index.insert(rec.sourced_id.clone(), org_plan.len());
            org_plan.push(PlannedOrg {
                sourced_id: rec.sourced_id.clone(),
                place: OrgPlace::Existing {
                    id: existing.id(),
                    path,
                    kind: existing.kind,
                    changed_name: renamed.then(|| rec.name.clone()),
                },
                fingerprint: fp,
                link: if *old_fp == fp {
                    LinkChange::Same
                } else {
                    LinkChange::Changed
                },
            });
            continue;
        }
        // New to this source: find its parent.
        let parent = match rec.parent_sourced_id.as_deref() {
            None => None,
            Some(p) => match planned_index.get(p) {
                Some(idx) => Some(match &org_plan[*idx].place {
                    OrgPlace::Existing { id, path, kind, .. } => (
                        ParentRef::Existing(*id, path.clone()),
                        *kind,
                        id.to_string(),
                    ),
                    OrgPlace::New { kind, name, .. } => {
                        (ParentRef::Planned(*idx), *kind, name.clone())
                    }
                }),
                None => match org_links.get(p) {
                    Some((local, _)) => {
                        let o = crate::orgs::get(conn, OrgId(*local))?;
                        Some((ParentRef::Existing(o.id(), o.org_path()?), o.kind, o.name))
                    }
                    None => {
                        problems.push(
                            Problem::new("orgs.csv", rec.line, code::UNKNOWN_ORG).with("value", p),
                        );
                        continue;
                    }
                },
            },
        };
        let (parent_ref, parent_kind, parent_name) = match parent {
            Some(p) => p,
            None => {
                // A top organisation of the kind of the import's own is that
                // organisation (a district's roster names the district).
                if rec.kind == scope_org.kind {
                    summary.unchanged.orgs += 1;
                    planned_index.insert(rec.sourced_id.clone(), org_plan.len());
                    org_plan.push(PlannedOrg {
                        sourced_id: rec.sourced_id.clone(),
                        place: OrgPlace::Existing {
                            id: scope_org.id(),
                            path: scope.clone(),
                            kind: rec.kind,
                            changed_name: None,
                        },
                        fingerprint: fp,
                        link: LinkChange::New,
                    });
                    continue;
                }
                (
                    ParentRef::Existing(scope_org.id(), scope.clone()),
                    scope_org.kind,
                    scope_org.name.clone(),
                )
            }
        };
        if !parent_kind.child_kinds().contains(&rec.kind) {
            problems.push(
                Problem::new("orgs.csv", rec.line, code::CANNOT_PLACE_ORG)
                    .with("type", rec.kind.as_str())
                    .with("parent", &parent_name)
                    .with("parent_type", parent_kind.as_str()),
            );
            continue;
        }
        // Already made by hand under an existing parent? Then it is that one.
        if let ParentRef::Existing(parent_id, _) = &parent_ref {
            let same: Option<(i64, String)> = orgs::table
                .filter(orgs::parent_id.eq(parent_id.0))
                .filter(orgs::kind.eq(rec.kind.as_str()))
                .filter(orgs::name.eq(&rec.name))
                .select((orgs::id, orgs::path))
                .first(conn)
                .optional()?;
            if let Some((id, path)) = same {
                summary.unchanged.orgs += 1;
                planned_index.insert(rec.sourced_id.clone(), org_plan.len());
                let path = OrgPath::parse(&path)
                    .ok_or_else(|| DbError::Corrupt(format!("org {id} path")))?;
                org_plan.push(PlannedOrg {
                    sourced_id: rec.sourced_id.clone(),
                    place: OrgPlace::Existing {
                        id: OrgId(id),
                        path,
                        kind: rec.kind,
                        changed_name: None,
                    },
                    fingerprint: fp,
                    link: LinkChange::New,
                });
                continue;
            }
        }
        summary.created.orgs += 1;
        planned_index.insert(rec.sourced_id.clone(), org_plan.len());
        org_plan.push(PlannedOrg {
            sourced_id: rec.sourced_id.clone(),
            place: OrgPlace::New {
                parent: parent_ref,
                kind: rec.kind,
                name: rec.name.clone(),
            },
            fingerprint: fp,
            link: LinkChange::New,
        });
    }

    // ---- People.
    let user_links = links(conn, source_id, KIND_USER)?;
    let name_of = |rec: &lyceum_domain::oneroster::UserRecord| {
        let given = rec
            .preferred_given_name
            .as_deref()
            .unwrap_or(&rec.given_name);
        let family = rec
            .preferred_family_name
            .as_deref()
            .unwrap_or(&rec.family_name);
        format!("{given} {family}").trim().to_string()
    };
    let fingerprint_of = |rec: &lyceum_domain::oneroster::UserRecord| {
        let email = rec.email.as_ref().map_or("", |e| e.as_str());
        fingerprint(&[&name_of(rec), email, if rec.enabled { "1" } else { "0" }])
    };
    // Existing accounts: looked up only for the addresses of rows no link
    // explains, and linked only if this organisation fully governs them.
    let unlinked: Vec<&str> = package
        .users
        .iter()
        .filter(|r| !is_delete(r.status) && !user_links.contains_key(&r.sourced_id))
        .filter_map(|r| r.email.as_ref().map(|e| e.as_str()))
        .collect();
    let existing = accounts::by_emails(conn, &unlinked)?;
    let found: Vec<&accounts::Account> = existing.values().collect();
    let governed = accounts::linkable(conn, &found, &scope, source_id)?;
    let found_ids: Vec<i64> = found.iter().map(|a| a.id.0).collect();
    let linked_here = accounts::linked_by(conn, source_id, &found_ids)?;
    // Linked rows whose record changed: their accounts as they are now.
    let changed: Vec<i64> = package
        .users
        .iter()
        .filter(|r| !is_delete(r.status))
        .filter_map(|r| {
            let (local, old) = user_links.get(&r.sourced_id)?;
            (*old != fingerprint_of(r)).then_some(*local)
        })
        .collect();
    let current = accounts::by_ids(conn, &changed)?;
    let first_role: HashMap<&str, StaffRole> = package
        .roles
        .iter()
        .rev()
        .map(|r| (r.user_sourced_id.as_str(), r.role))
        .collect();
    let mut seen_email: HashMap<&str, (u64, &str)> = HashMap::new();
    let mut user_plan: Vec<UserPlan> = Vec::new();
    let mut user_index: HashMap<&str, usize> = HashMap::new();
    let mut leaving_users: Vec<(UserId, String)> = Vec::new();
    let mut present: HashSet<&str> = HashSet::new();
    // Rows refused already: their roles are not reported again as unknown.
    let mut refused: HashSet<&str> = HashSet::new();
    for rec in &package.users {
        present.insert(rec.sourced_id.as_str());
        let email = rec.email.as_ref().map(|e| e.as_str().to_string());
        if let Some(e) = rec.email.as_ref().map(|e| e.as_str())
            && !is_delete(rec.status)
            && let Some(&(first, first_sourced)) = seen_email.get(e)
        {
            // A teacher at two schools is often two rows with one address:
            // one person, with the roles of both rows. Not when this row is
            // already linked to another account (then it is two people).
            let elsewhere = user_links.get(&rec.sourced_id).is_some_and(|(local, _)| {
                user_index
                    .get(first_sourced)
                    .and_then(|i| planned_user_id(&user_plan[*i]))
                    .is_none_or(|id| id.0 != *local)
            });
            if elsewhere {
                problems.push(
                    Problem::new("users.csv", rec.line, code::EMAIL_USED_TWICE)
                        .with("value", e)
                        .with("first_line", first),
                );
                refused.insert(&rec.sourced_id);
                continue;
            }
            if refused.contains(first_sourced) {
                refused.insert(&rec.sourced_id);
                continue;
            }
            if let Some(i) = user_index.get(first_sourced).copied() {
                user_index.insert(rec.sourced_id.as_str(), i);
            }
            summary.notices.push(
                Problem::new("users.csv", rec.line, code::SAME_EMAIL_MERGED)
                    .with("value", e)
                    .with("first_line", first),
            );
            continue;
        }
        if let Some(e) = rec.email.as_ref().map(|e| e.as_str())
            && !is_delete(rec.status)
        {
            seen_email.insert(e, (rec.line, rec.sourced_id.as_str()));
        }
        let name = name_of(rec);
        let fp = fingerprint_of(rec);
        let linked = user_links.get(&rec.sourced_id);
        if is_delete(rec.status) {
            if let Some((local, _)) = linked {
                leaving_users.push((UserId(*local), rec.sourced_id.clone()));
            }
            continue;
        }
        // The record against the account: a name this source may refresh
        // (an account it created), or a difference to report and leave.
        let compare = |account: &accounts::Account| {
            let created_here = source_id.is_some() && account.source == source_id;
            let email_differs = email.is_some() && account.email != email;
            let name_differs = account.name != name;
            let difference =
                (email_differs || (name_differs && !created_here)).then(|| Difference {
                    line: rec.line,
                    sourced_id: rec.sourced_id.clone(),
                    email: email_differs,
                    name: name_differs && !created_here,
                });
            let rename = (name_differs && created_here).then(|| name.clone());
            (difference, rename)
        };
        let (action, difference) = match linked {
            Some((local, old_fp)) if *old_fp == fp => (UserAction::Unchanged(UserId(*local)), None),
            Some((local, _)) => match current.get(local) {
                Some(account) => {
                    let (difference, rename) = compare(account);
                    let rename = rename.map(|n| (n, account.email.clone()));
                    (
                        UserAction::Refresh {
                            id: UserId(*local),
                            rename,
                        },
                        difference,
                    )
                }
                // Deleted since: its link stays, and nothing is written to it.
                None => (UserAction::Unchanged(UserId(*local)), None),
            },
            None => match email.as_ref().and_then(|e| existing.get(e)) {
                Some(account) if !governed.contains(&account.id) => {
                    problems.push(
                        Problem::new("users.csv", rec.line, code::ACCOUNT_NOT_LINKABLE)
                            .with("value", email.as_deref().unwrap_or(""))
                            .with("org", &scope_org.name),
                    );
                    refused.insert(&rec.sourced_id);
                    continue;
                }
                Some(account) => {
                    let (difference, rename) = compare(account);
                    let created_here = source_id.is_some() && account.source == source_id;
                    (
                        UserAction::Link {
                            account: account.clone(),
                            first: !created_here && !linked_here.contains(&account.id.0),
                            rename,
                        },
                        difference,
                    )
                }
                None => (
                    UserAction::Create {
                        name,
                        email,
                        school_role: first_role
                            .get(rec.sourced_id.as_str())
                            .map_or(SchoolRole::Teacher, |r| school_role(*r)),
                    },
                    None,
                ),
            },
        };
        match &action {
            UserAction::Create { .. } => summary.created.users += 1,
            UserAction::Link { first, .. } => {
                summary.updated.users += 1;
                summary.linked += usize::from(*first);
            }
            UserAction::Refresh {
                rename: Some(_), ..
            } => summary.updated.users += 1,
            UserAction::Refresh { .. } | UserAction::Unchanged(_) => summary.unchanged.users += 1,
        }
        if let Some(d) = &difference {
            summary.differences += 1;
            if summary.difference_rows.len() < MAX_DIFFERENCE_ROWS {
                summary.difference_rows.push(d.clone());
            }
        }
        user_index.insert(rec.sourced_id.as_str(), user_plan.len());
        user_plan.push(UserPlan {
            sourced_id: rec.sourced_id.clone(),
            fingerprint: if difference.is_some() { 0 } else { fp },
            action,
            enabled: rec.enabled,
            difference,
        });
    }
    if package.modes.users == Some(Mode::Bulk) {
        for (sourced, (local, _)) in &user_links {
            if !present.contains(sourced.as_str()) {
                leaving_users.push((UserId(*local), sourced.clone()));
            }
        }
    }

    // ---- Roles.
    let role_links = links(conn, source_id, KIND_ROLE)?;
    let mut role_plan: Vec<RolePlan> = Vec::new();
    let mut withdraw: Vec<(i64, String)> = Vec::new();
    let mut present_roles: HashSet<&str> = HashSet::new();
    for rec in &package.roles {
        present_roles.insert(rec.sourced_id.as_str());
        let linked = role_links.get(&rec.sourced_id);
        if is_delete(rec.status) {
            if let Some((membership, _)) = linked {
                withdraw.push((*membership, rec.sourced_id.clone()));
            }
            continue;
        }
        let file = if package.roles_source == lyceum_domain::oneroster::RolesSource::UsersCsv {
            "users.csv"
        } else {
            "roles.csv"
        };
        let user = match user_index.get(rec.user_sourced_id.as_str()) {
            Some(i) => UserRef::Planned(*i),
            None => match user_links.get(&rec.user_sourced_id) {
                Some((local, _)) => UserRef::Existing(UserId(*local)),
                None if refused.contains(rec.user_sourced_id.as_str()) => continue,
                None => {
                    problems.push(
                        Problem::new(file, rec.line, code::UNKNOWN_USER)
                            .with("value", &rec.user_sourced_id),
                    );
                    continue;
                }
            },
        };
        let org = match planned_index.get(&rec.org_sourced_id) {
            Some(i) => match &org_plan[*i].place {
                OrgPlace::Existing { id, .. } => OrgRef::Existing(*id),
                OrgPlace::New { .. } => OrgRef::Planned(*i),
            },
            None => match org_links.get(&rec.org_sourced_id) {
                Some((local, _)) => OrgRef::Existing(OrgId(*local)),
                None => {
                    problems.push(
                        Problem::new(file, rec.line, code::UNKNOWN_ORG)
                            .with("value", &rec.org_sourced_id),
                    );
                    continue;
                }
            },
        };
        let fp = fingerprint(&[&rec.user_sourced_id, &rec.org_sourced_id]);
        let action = match linked {
            Some((_, old)) if *old == fp => RoleAction::Unchanged,
            Some((membership, _)) => RoleAction::Move(*membership),
            None => RoleAction::Create,
        };
        match action {
            RoleAction::Create => summary.created.roles += 1,
            RoleAction::Move(_) => summary.updated.roles += 1,
            RoleAction::Unchanged => summary.unchanged.roles += 1,
        }
        role_plan.push(RolePlan {
            sourced_id: rec.sourced_id.clone(),
            fingerprint: fp,
            user,
            org,
            action,
        });
    }
    if package.modes.roles == Some(Mode::Bulk) {
        for (sourced, (membership, _)) in &role_links {
            if !present_roles.contains(sourced.as_str()) {
                withdraw.push((*membership, sourced.clone()));
            }
        }
    }
    summary.deactivated.roles = withdraw.len();

    if !problems.is_empty() {
        problems.sort_by(|a, b| (a.file.as_str(), a.line).cmp(&(b.file.as_str(), b.line)));
        return Err(DbError::Roster(problems));
    }
    Ok(Plan {
        source_id,
        source_name: target.source.clone(),
        target: target.org,
        target_name: scope_org.name.clone(),
        actor: target.actor,
        orgs: org_plan,
        users: user_plan,
        roles: role_plan,
        withdraw,
        leaving_users,
        summary,
    })
}

/// Writes what [`plan`] worked out; call both inside one transaction.
/// `progress` hears how many records are done, as they are.
pub fn apply(
    conn: &mut DbConn,
    mut plan: Plan,
    now: Timestamp,
    progress: &dyn Fn(usize),
) -> Result<Summary, DbError> {
    let t = now.micros();
    let source = match plan.source_id {
        Some(id) => {
            diesel::update(roster_sources::table.find(id))
                .set(roster_sources::last_import_at.eq(t))
                .execute(conn)?;
            id
        }
        None => diesel::insert_into(roster_sources::table)
            .values((
                roster_sources::org_id.eq(plan.target.0),
                roster_sources::name.eq(&plan.source_name),
                roster_sources::created_at.eq(t),
                roster_sources::last_import_at.eq(t),
            ))
            .returning(roster_sources::id)
            .get_result(conn)?,
    };
    let (org_base, user_base, membership_base) = bulk::next_ids(conn)?;
    let mut done = 0usize;
    let mut links: Vec<(&'static str, String, i64, i64)> = Vec::new();
    let mut updated_links: Vec<(&'static str, String, i64, i64)> = Vec::new();

    // Organisations: new ones get ids now, so children can point at them.
    let mut org_ids: Vec<(OrgId, OrgPath)> = Vec::with_capacity(plan.orgs.len());
    let mut new_orgs = Vec::new();
    for planned in &plan.orgs {
        let (id, path) = match &planned.place {
            OrgPlace::Existing {
                id,
                path,
                changed_name,
                ..
            } => {
                if let Some(name) = changed_name {
                    diesel::update(orgs::table.find(id.0))
                        .set((orgs::name.eq(name), orgs::updated_at.eq(t)))
                        .execute(conn)?;
                }
                (*id, path.clone())
            }
            OrgPlace::New { parent, kind, name } => {
                let (parent_id, parent_path) = match parent {
                    ParentRef::Existing(id, path) => (*id, path.clone()),
                    ParentRef::Planned(i) => org_ids[*i].clone(),
                };
                let id = OrgId(org_base + new_orgs.len() as i64);
                let path = parent_path.child(id);
                new_orgs.push(bulk::OrgRow {
                    id: id.0,
                    parent_id: Some(parent_id.0),
                    kind: kind.as_str().into(),
                    name: name.clone(),
                    path: path.as_str().into(),
                    locale: None,
                    title_i: None,
                    poverty_band: None,
                    enrolment: None,
                    created_at: t,
                    updated_at: t,
                    // A state gets its main zone; the rest inherit.
                    time_zone: (*kind == OrgKind::State)
                        .then(|| lyceum_domain::us_states::main_zone(name))
                        .flatten()
                        .map(|z| z.name().to_string()),
                });
                (id, path)
            }
        };
        match planned.link {
            LinkChange::New => links.push((
                KIND_ORG,
                planned.sourced_id.clone(),
                id.0,
                planned.fingerprint,
            )),
            LinkChange::Changed => updated_links.push((
                KIND_ORG,
                planned.sourced_id.clone(),
                id.0,
                planned.fingerprint,
            )),
            LinkChange::Same => {}
        }
        org_ids.push((id, path));
    }
    bulk::orgs(conn, &new_orgs)?;
    done += plan.orgs.len();
    progress(done);

    // People.
    let recorder = accounts::Recorder {
        source: &plan.source_name,
        actor: plan.actor,
        org: plan.target,
        now,
    };
    let mut user_ids: Vec<UserId> = Vec::with_capacity(plan.users.len());
    let mut new_users = Vec::new();
    let mut deactivate: Vec<(UserId, String)> = std::mem::take(&mut plan.leaving_users);
    for u in &plan.users {
        let rename = |conn: &mut DbConn, id: UserId, name: &str, email: Option<&str>| {
            diesel::update(users::table.find(id.0))
                .set((
                    users::display_name.eq(name),
                    users::search_text.eq(person_text(name, email.unwrap_or(""))),
                    users::updated_at.eq(t),
                ))
                .execute(conn)?;
            recorder.record(conn, action::NAME_REFRESHED, id, &u.sourced_id, None)
        };
        let id = match &u.action {
            UserAction::Create {
                name,
                email,
                school_role,
            } => {
                let id = UserId(user_base + new_users.len() as i64);
                new_users.push(UserRow {
                    id: id.0,
                    email: email.clone(),
                    // The district's roster vouches for the address.
                    email_verified_at: email.as_ref().map(|_| t),
                    password_hash: None,
                    display_name: name.clone(),
                    preferred_language: "en".into(),
                    years_experience: None,
                    school_role: Some(school_role.as_str().into()),
                    created_at: t,
                    updated_at: t,
                    search_text: person_text(name, email.as_deref().unwrap_or("")),
                    source_id: Some(source),
                });
                links.push((KIND_USER, u.sourced_id.clone(), id.0, u.fingerprint));
                id
            }
            UserAction::Link {
                account,
                first,
                rename: new_name,
            } => {
                let id = account.id;
                links.push((KIND_USER, u.sourced_id.clone(), id.0, u.fingerprint));
                let first_time = serde_json::Value::Bool(*first);
                recorder.record(
                    conn,
                    action::LINKED,
                    id,
                    &u.sourced_id,
                    Some(("first", first_time)),
                )?;
                if *first {
                    recorder.tell_owner(conn, account, &plan.target_name)?;
                }
                if let Some(name) = new_name {
                    rename(conn, id, name, account.email.as_deref())?;
                }
                id
            }
            UserAction::Refresh {
                id,
                rename: new_name,
            } => {
                if let Some((name, email)) = new_name {
                    rename(conn, *id, name, email.as_deref())?;
                }
                updated_links.push((KIND_USER, u.sourced_id.clone(), id.0, u.fingerprint));
                *id
            }
            UserAction::Unchanged(id) => *id,
        };
        if let Some(d) = &u.difference {
            let fields: Vec<&str> = [(d.email, "email"), (d.name, "name")]
                .into_iter()
                .filter_map(|(differs, field)| differs.then_some(field))
                .collect();
            recorder.record(
                conn,
                action::IDENTITY_DIFFERENCE,
                id,
                &u.sourced_id,
                Some(("fields", serde_json::json!(fields))),
            )?;
        }
        if !u.enabled {
            deactivate.push((id, u.sourced_id.clone()));
        }
        user_ids.push(id);
    }
    bulk::users(conn, &new_users)?;
    done += plan.users.len();
    progress(done);

    // Roles: memberships of this source.
    let mut new_memberships = Vec::new();
    let mut pairs: HashSet<(i64, i64)> = HashSet::new();
    for r in &plan.roles {
        let user = match r.user {
            UserRef::Existing(id) => id,
            UserRef::Planned(i) => user_ids[i],
        };
        let org = match r.org {
            OrgRef::Existing(id) => id,
            OrgRef::Planned(i) => org_ids[i].0,
        };
        match r.action {
            RoleAction::Unchanged => {}
            RoleAction::Move(membership) => {
                diesel::update(
                    memberships::table
                        .find(membership)
                        .filter(memberships::source_id.eq(source)),
                )
                .set(memberships::org_id.eq(org.0))
                .execute(conn)?;
                updated_links.push((KIND_ROLE, r.sourced_id.clone(), membership, r.fingerprint));
            }
            RoleAction::Create => {
                // An existing membership (made in Lyceum, or by another
                // source) is linked, never duplicated or taken over.
                let brand_new = matches!(r.user, UserRef::Planned(i) if matches!(plan.users[i].action, UserAction::Create { .. }));
                let existing: Option<i64> = if brand_new {
                    None
                } else {
                    memberships::table
                        .filter(memberships::user_id.eq(user.0))
                        .filter(memberships::org_id.eq(org.0))
                        .filter(memberships::role.eq(Role::Educator.as_str()))
                        .select(memberships::id)
                        .first(conn)
                        .optional()?
                };
                let id = match existing {
                    Some(id) => id,
                    None if pairs.insert((user.0, org.0)) => {
                        let id = membership_base + new_memberships.len() as i64;
                        new_memberships.push(MembershipRow {
                            id,
                            user_id: user.0,
                            org_id: org.0,
                            role: Role::Educator.as_str().into(),
                            created_at: t,
                            source_id: Some(source),
                        });
                        id
                    }
                    // A second role of the same person at the same org
                    // (teacher and counselor, say) shares the membership.
                    None => new_memberships
                        .iter()
                        .find(|m| m.user_id == user.0 && m.org_id == org.0)
                        .map_or(0, |m| m.id),
                };
                links.push((KIND_ROLE, r.sourced_id.clone(), id, r.fingerprint));
            }
        }
    }
    bulk::memberships(conn, &new_memberships)?;
    done += plan.roles.len();
    progress(done);

    // Withdrawn roles: only this source's own memberships go.
    for (membership, sourced) in &plan.withdraw {
        let theirs: Option<(i64, i64)> = memberships::table
            .find(membership)
            .filter(memberships::source_id.eq(source))
            .select((memberships::user_id, memberships::org_id))
            .first(conn)
            .optional()?;
        if let Some((user, org)) = theirs {
            diesel::delete(memberships::table.find(membership)).execute(conn)?;
            withdrawn(conn, &recorder, UserId(user), OrgId(org), sourced)?;
        }
        diesel::delete(
            roster_links::table
                .filter(roster_links::source_id.eq(source))
                .filter(roster_links::kind.eq(KIND_ROLE))
                .filter(roster_links::sourced_id.eq(sourced)),
        )
        .execute(conn)?;
    }
    // People leaving this source (or disabled in it) lose its memberships.
    // Only those whose memberships all came from it are deactivated: one
    // who also belongs elsewhere (made in Lyceum or by another source)
    // keeps their account and the rest of their roles.
    let inactive: HashSet<i64> = users::table
        .filter(users::deactivated_at.is_not_null())
        .select(users::id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    // Someone whose record left under one sourcedId but who is here, and
    // enabled, under another (the system renumbered them) stays.
    let staying: HashSet<UserId> = plan
        .users
        .iter()
        .zip(&user_ids)
        .filter(|(u, _)| u.enabled)
        .map(|(_, id)| *id)
        .collect();
    let mut leaving: HashSet<UserId> = HashSet::new();
    for (user, sourced) in &deactivate {
        if staying.contains(user) || !leaving.insert(*user) {
            continue;
        }
        let theirs = memberships::table
            .filter(memberships::user_id.eq(user.0))
            .filter(memberships::source_id.eq(source));
        let ours: Vec<(i64, i64)> = theirs
            .select((memberships::id, memberships::org_id))
            .load(conn)?;
        let ids: Vec<i64> = ours.iter().map(|(id, _)| *id).collect();
        // Their role links go too, so a return re-creates the memberships.
        diesel::delete(
            roster_links::table
                .filter(roster_links::source_id.eq(source))
                .filter(roster_links::kind.eq(KIND_ROLE))
                .filter(roster_links::local_id.eq_any(&ids)),
        )
        .execute(conn)?;
        diesel::delete(theirs).execute(conn)?;
        for (_, org) in &ours {
            withdrawn(conn, &recorder, *user, OrgId(*org), sourced)?;
        }
        if inactive.contains(&user.0) {
            continue;
        }
        // What is left was made in Lyceum or by another source.
        let left: i64 = memberships::table
            .filter(memberships::user_id.eq(user.0))
            .count()
            .get_result(conn)?;
        let created_by: Option<i64> = users::table
            .find(user.0)
            .select(users::source_id)
            .first(conn)?;
        if left == 0 && (!ours.is_empty() || created_by == Some(source)) {
            diesel::update(users::table.find(user.0))
                .set(users::deactivated_at.eq(t))
                .execute(conn)?;
            recorder.record(conn, action::DEACTIVATED, *user, sourced, None)?;
            plan.summary.deactivated.users += 1;
        }
    }
    // People present and enabled who were deactivated come back, if they
    // have memberships and all come from this source.
    for (u, user) in plan.users.iter().zip(&user_ids) {
        if !inactive.contains(&user.0) || leaving.contains(user) {
            continue;
        }
        let sources: Vec<Option<i64>> = memberships::table
            .filter(memberships::user_id.eq(user.0))
            .select(memberships::source_id)
            .load(conn)?;
        if !sources.is_empty() && sources.iter().all(|s| *s == Some(source)) {
            diesel::update(users::table.find(user.0))
                .set(users::deactivated_at.eq(None::<i64>))
                .execute(conn)?;
            recorder.record(conn, action::REACTIVATED, *user, &u.sourced_id, None)?;
            plan.summary.reactivated += 1;
        }
    }

    // Links: new ones in bulk, changed ones one by one.
    let rows: Vec<bulk::LinkRow> = links
        .into_iter()
        .map(|(kind, sourced_id, local_id, fingerprint)| bulk::LinkRow {
            source_id: source,
            kind: kind.into(),
            sourced_id,
            local_id,
            fingerprint,
        })
        .collect();
    bulk::links(conn, &rows)?;
    for (kind, sourced, local, fp) in updated_links {
        diesel::update(
            roster_links::table
                .filter(roster_links::source_id.eq(source))
                .filter(roster_links::kind.eq(kind))
                .filter(roster_links::sourced_id.eq(&sourced)),
        )
        .set((
            roster_links::local_id.eq(local),
            roster_links::fingerprint.eq(fp),
        ))
        .execute(conn)?;
    }
    bulk::reset_sequences(conn)?;
    Ok(plan.summary)
}

/// Audits a membership of this source taken from `user` at `org`.
fn withdrawn(
    conn: &mut DbConn,
    recorder: &accounts::Recorder<'_>,
    user: UserId,
    org: OrgId,
    sourced_id: &str,
) -> Result<(), DbError> {
    recorder.record(
        conn,
        action::MEMBERSHIP_WITHDRAWN,
        user,
        sourced_id,
        Some(("org_id", serde_json::json!(org.0))),
    )
}

/// Imports `package` for `target`: the plan alone for a dry run, else the
/// plan applied in one transaction. Problems come back as `DbError::Roster`.
/// Callers (the upload page, the command line) run it, and the reading
/// before it, inside [`lock::exclusively`].
pub async fn import(
    db: &crate::Db,
    package: Package,
    target: Target,
    dry_run: bool,
    now: Timestamp,
    progress: impl Fn(usize) + Send + 'static,
) -> Result<Summary, DbError> {
    if dry_run {
        db.read(move |c| plan(c, &package, &target).map(|p| p.summary))
            .await
    } else {
        db.write(move |c| {
            let planned = plan(c, &package, &target)?;
            apply(c, planned, now, &progress)
        })
        .await
    }
}
