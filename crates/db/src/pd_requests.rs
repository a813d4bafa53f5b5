//! Requests for PD hours earned outside Lyceum: an educator asks one of
//! their organisations; an admin of it (or above it) approves — the hours
//! go to the ledger — returns it with a comment, or rejects it with one.
//! Nobody decides their own: an admin's request goes to the admins above
//! them (`lyceum_domain::policy::pd_request_deciders`), asked at the time
//! of deciding, with the requester's roles as they are then.

use crate::codes::Code;
use crate::credit::{NewEntry, add_entry};
use crate::notices::{self, Notice};
use crate::schema::{orgs, pd_requests, users};
use crate::{DbConn, DbError, memberships};
use diesel::prelude::*;
use lyceum_domain::community::NotificationKind;
use lyceum_domain::org::OrgPath;
use lyceum_domain::pd::{OutsideDraft, RequestStatus, Source};
use lyceum_domain::policy::Actor;
use lyceum_domain::{Timestamp, UserId};

/// A request without its evidence file (which is read only to serve it).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = pd_requests)]
pub struct RequestRow {
    pub id: i64,
    pub user_id: i64,
    pub org_id: i64,
    pub title: String,
    pub description: Option<String>,
    pub quarter_hours: i32,
    pub completed_at: i64,
    pub evidence_url: Option<String>,
    pub evidence_name: Option<String>,
    pub evidence_type: Option<String>,
    #[diesel(deserialize_as = Code<RequestStatus>)]
    pub status: RequestStatus,
    pub review_comment: Option<String>,
    pub reviewer_id: Option<i64>,
    pub reviewed_at: Option<i64>,
    pub created_at: i64,
}

impl RequestRow {
    pub fn hours(&self) -> u32 {
        u32::try_from(self.quarter_hours).unwrap_or(0)
    }
}

/// Sends a request to one of the person's organisations (one where they
/// hold a role), telling those who decide it (`notices::pd_deciders`;
/// emails' links made with `base`). Returns its id.
pub fn submit(
    conn: &mut DbConn,
    user: UserId,
    d: &OutsideDraft,
    base: &str,
    now: Timestamp,
) -> Result<i64, DbError> {
    let grants = memberships::grants_of(conn, user)?;
    let theirs = grants.iter().any(|g| g.scope.ids().last() == Some(&d.org));
    if !theirs {
        return Err(DbError::invalid("org", "choose-one"));
    }
    // The day typed is a day of the school's calendar: stored as its noon
    // there, it reads as the same date in every US zone.
    let org_path = crate::orgs::path_of(conn, d.org)?.ok_or(DbError::NotFound)?;
    let completed_at = d
        .completed_on
        .noon_in(&crate::orgs::zone_of(conn, &org_path)?);
    let (name, kind, bytes) = match &d.evidence {
        Some(e) => (
            Some(e.name.as_str()),
            Some(e.content_type),
            Some(e.bytes.as_slice()),
        ),
        None => (None, None, None),
    };
    let id: i64 = diesel::insert_into(pd_requests::table)
        .values((
            pd_requests::user_id.eq(user.0),
            pd_requests::org_id.eq(d.org.0),
            pd_requests::title.eq(&d.title),
            pd_requests::description.eq(&d.description),
            pd_requests::quarter_hours.eq(i32::try_from(d.quarter_hours).unwrap_or(i32::MAX)),
            pd_requests::completed_at.eq(completed_at.micros()),
            pd_requests::evidence_url.eq(&d.evidence_url),
            pd_requests::evidence_name.eq(name),
            pd_requests::evidence_type.eq(kind),
            pd_requests::evidence.eq(bytes),
            pd_requests::status.eq(RequestStatus::Pending.as_str()),
            pd_requests::created_at.eq(now.micros()),
        ))
        .returning(pd_requests::id)
        .get_result(conn)?;
    let requester = Actor {
        user_id: user,
        grants,
    };
    let (deciders, queue) = notices::pd_deciders(conn, &org_path, &requester)?;
    if let Some(queue) = queue {
        let link = lyceum_domain::paths::pd_requests_of(queue);
        for decider in deciders {
            let n = Notice {
                user: decider,
                kind: NotificationKind::PdRequestWaiting,
                actor: user,
                subject: &d.title,
                link: &link,
                extra_link: None,
            };
            notices::tell(conn, &n, base, now)?;
        }
    }
    Ok(id)
}

/// A person's requests, newest first.
pub fn of_user(conn: &mut DbConn, user: UserId) -> Result<Vec<RequestRow>, DbError> {
    Ok(pd_requests::table
        .filter(pd_requests::user_id.eq(user.0))
        .order((pd_requests::created_at.desc(), pd_requests::id.desc()))
        .select(RequestRow::as_select())
        .load(conn)?)
}

/// A request waiting for an admin, with who sent it and to which organisation.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub request: RequestRow,
    pub requester: String,
    pub org_name: String,
}

/// Pending requests to `scope` or any organisation inside it that
/// `decider` may decide, oldest first.
pub fn pending_in(
    conn: &mut DbConn,
    decider: &Actor,
    scope: &OrgPath,
) -> Result<Vec<Waiting>, DbError> {
    let rows: Vec<(RequestRow, String, String, String)> = pd_requests::table
        .inner_join(orgs::table)
        .inner_join(users::table.on(users::id.eq(pd_requests::user_id)))
        .filter(pd_requests::status.eq(RequestStatus::Pending.as_str()))
        .filter(orgs::path.ge(scope.as_str()))
        .filter(orgs::path.lt(scope.subtree_end()))
        .order((pd_requests::created_at, pd_requests::id))
        .select((
            RequestRow::as_select(),
            users::display_name,
            orgs::name,
            orgs::path,
        ))
        .load(conn)?;
    let mut requesters: Vec<UserId> = rows.iter().map(|r| UserId(r.0.user_id)).collect();
    requesters.sort();
    requesters.dedup();
    let admins = memberships::admin_grants_of(conn, &requesters)?;
    Ok(rows
        .into_iter()
        .filter(|(request, _, _, path)| {
            OrgPath::parse(path).is_some_and(|p| {
                decider.decides_pd_request(&p, &requester(&admins, request.user_id))
            })
        })
        .map(|(request, requester, org_name, _)| Waiting {
            request,
            requester,
            org_name,
        })
        .collect())
}

diesel::alias!(users as decided_by: DecidedBy);

/// A request decided, with who sent it, to which organisation and who decided.
#[derive(Debug, Clone)]
pub struct Decided {
    pub request: RequestRow,
    pub requester: String,
    pub org_name: String,
    /// `None` once the decider's account is gone.
    pub decider: Option<String>,
}

/// Requests to `scope` or inside it that were decided, most recent
/// decision first: `limit` of them after skipping `offset`.
pub fn decided_in(
    conn: &mut DbConn,
    scope: &OrgPath,
    offset: i64,
    limit: i64,
) -> Result<Vec<Decided>, DbError> {
    let rows: Vec<(RequestRow, String, String, Option<String>)> = pd_requests::table
        .inner_join(orgs::table)
        .inner_join(users::table.on(users::id.eq(pd_requests::user_id)))
        .left_join(
            decided_by.on(pd_requests::reviewer_id.eq(decided_by.field(users::id).nullable())),
        )
        .filter(pd_requests::status.ne(RequestStatus::Pending.as_str()))
        .filter(pd_requests::reviewed_at.is_not_null())
        .filter(orgs::path.ge(scope.as_str()))
        .filter(orgs::path.lt(scope.subtree_end()))
        .order((pd_requests::reviewed_at.desc(), pd_requests::id.desc()))
        .offset(offset)
        .limit(limit)
        .select((
            RequestRow::as_select(),
            users::display_name,
            orgs::name,
            decided_by.field(users::display_name).nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(request, requester, org_name, decider)| Decided {
            request,
            requester,
            org_name,
            decider,
        })
        .collect())
}

/// The requester as the policy sees them here: their admin roles are all
/// that change who decides (see `pd_request_deciders`).
fn requester(admins: &memberships::AdminGrants, user: i64) -> Actor {
    Actor {
        user_id: UserId(user),
        grants: admins.get(&UserId(user)).cloned().unwrap_or_default(),
    }
}

/// Whether `decider` may decide request `id`, if it went to `scope` or
/// inside it (`None`: there is no such request there).
pub fn decidable(
    conn: &mut DbConn,
    decider: &Actor,
    scope: &OrgPath,
    id: i64,
) -> Result<Option<bool>, DbError> {
    let found: Option<(i64, String)> = pd_requests::table
        .inner_join(orgs::table)
        .filter(pd_requests::id.eq(id))
        .filter(orgs::path.ge(scope.as_str()))
        .filter(orgs::path.lt(scope.subtree_end()))
        .select((pd_requests::user_id, orgs::path))
        .first(conn)
        .optional()?;
    let Some((user, path)) = found else {
        return Ok(None);
    };
    let path = OrgPath::parse(&path)
        .ok_or_else(|| DbError::Corrupt(format!("request {id} is at {path:?}")))?;
    let admins = memberships::admin_grants_of(conn, &[UserId(user)])?;
    Ok(Some(
        decider.decides_pd_request(&path, &requester(&admins, user)),
    ))
}

/// The request, if it went to `scope` or inside it.
pub fn in_scope(
    conn: &mut DbConn,
    scope: &OrgPath,
    id: i64,
) -> Result<Option<RequestRow>, DbError> {
    Ok(pd_requests::table
        .inner_join(orgs::table)
        .filter(pd_requests::id.eq(id))
        .filter(orgs::path.ge(scope.as_str()))
        .filter(orgs::path.lt(scope.subtree_end()))
        .select(RequestRow::as_select())
        .first(conn)
        .optional()?)
}

/// An evidence file as stored: name, type, bytes (each absent without a file).
type StoredFile = (Option<String>, Option<String>, Option<Vec<u8>>);

/// The evidence file: (name, type, bytes).
pub fn evidence(conn: &mut DbConn, id: i64) -> Result<Option<(String, String, Vec<u8>)>, DbError> {
    let row: Option<StoredFile> = pd_requests::table
        .find(id)
        .select((
            pd_requests::evidence_name,
            pd_requests::evidence_type,
            pd_requests::evidence,
        ))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((Some(name), Some(kind), Some(bytes))) => Some((name, kind, bytes)),
        _ => None,
    })
}

/// Decides a pending request in `scope`: approved (the hours go to the
/// ledger, dated the day of the activity), returned or rejected (with a
/// comment). `NotFound` if it is not in scope, not pending, or not the
/// reviewer's to decide (see [`decidable`]). The requester is told
/// (emails' links made with `base`).
#[allow(clippy::too_many_arguments)]
pub fn decide(
    conn: &mut DbConn,
    scope: &OrgPath,
    id: i64,
    decision: RequestStatus,
    comment: Option<&str>,
    reviewer: &Actor,
    base: &str,
    now: Timestamp,
) -> Result<RequestRow, DbError> {
    if decidable(conn, reviewer, scope, id)? != Some(true) {
        return Err(DbError::NotFound);
    }
    let reviewer = reviewer.user_id;
    let request = in_scope(conn, scope, id)?
        .filter(|r| r.status == RequestStatus::Pending)
        .ok_or(DbError::NotFound)?;
    diesel::update(pd_requests::table.find(id))
        .set((
            pd_requests::status.eq(decision.as_str()),
            pd_requests::review_comment.eq(comment),
            pd_requests::reviewer_id.eq(reviewer.0),
            pd_requests::reviewed_at.eq(now.micros()),
        ))
        .execute(conn)?;
    if decision == RequestStatus::Approved {
        add_entry(
            conn,
            UserId(request.user_id),
            &NewEntry {
                source: Source::Outside,
                course: None,
                offering: None,
                title: &request.title,
                quarter_hours: request.hours(),
                earned_at: Timestamp::from_micros(request.completed_at),
            },
            now,
        )?;
    }
    let kind = match decision {
        RequestStatus::Approved => Some(NotificationKind::PdApproved),
        RequestStatus::Returned => Some(NotificationKind::PdReturned),
        RequestStatus::Rejected => Some(NotificationKind::PdRejected),
        RequestStatus::Pending => None,
    };
    if let Some(kind) = kind {
        let n = Notice {
            user: UserId(request.user_id),
            kind,
            actor: reviewer,
            subject: &request.title,
            link: lyceum_domain::paths::TRANSCRIPT,
            extra_link: None,
        };
        notices::tell(conn, &n, base, now)?;
    }
    Ok(request)
}
