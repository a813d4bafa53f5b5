//! Who holds a session or an API token, in one query: the session, its person, their
//! memberships with their organisations, the time zone of their school, and how
//! many of their notifications are unread (a scalar subquery, for the header's
//! count: the partial index `notifications_user_unread` answers it). Every
//! signed-in page starts with this; on PostgreSQL each query is a round
//! trip, and it was three (session and person, memberships, zone).
//!
//! The zone is the nearest one set on the home organisation
//! ([`crate::orgs::zone_of_user`]) or its ancestors, read by joining up to three
//! parents: the tree is at most four deep (programme, state, district or
//! local, school). Should a deeper tree ever exist, the rest is looked up
//! as before ([`crate::orgs::zone_of`]).

use crate::api_tokens::ApiTokenRow;
use crate::memberships::Membership;
use crate::schema::{api_tokens, memberships, notifications, orgs, sessions, users};
use crate::sessions::SessionRow;
use crate::users::UserRow;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::Timestamp;
use lyceum_domain::org::{OrgKind, OrgPath};
use lyceum_domain::policy::Grant;
use lyceum_domain::role::Role;
use lyceum_domain::time::TimeZone;

diesel::alias!(orgs as parent: Parent, orgs as grandparent: Grandparent, orgs as great: Great);

/// A live session's or token's person, what they may do, and their zone.
pub struct SignedIn<K> {
    /// The session or token row.
    pub by: K,
    pub user: UserRow,
    /// Oldest first.
    pub grants: Vec<Grant>,
    /// With their organisations' names, by organisation path then role
    /// (as [`crate::memberships::of_user`] lists them).
    pub memberships: Vec<Membership>,
    pub zone: TimeZone,
    /// Their notifications not yet read, for the header.
    pub unread: i64,
}

/// One membership of the person (none: one line of `None`s), with the
/// zones set on its organisation and its three nearest ancestors, and
/// whether the tree goes higher still.
type Line<K> = (
    K,
    UserRow,
    Option<String>,
    Option<String>,
    [Option<String>; 4],
    Option<i64>,
    Option<Held>,
    Option<i64>,
);

/// A membership's id, and its organisation's id, name and kind.
type Held = (i64, i64, String, String);

type Row<K> = (
    K,
    UserRow,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<Held>,
    Option<i64>,
);

/// `$query` (joined to `users`) with the person's memberships, their
/// organisations and three ancestors, oldest membership first, selecting
/// `$key` and a [`Row`] (the person's unread notifications counted on each line).
macro_rules! with_memberships {
    ($query:expr, $key:expr) => {
        $query
            .left_join(memberships::table.on(memberships::user_id.eq(users::id)))
            .left_join(orgs::table.on(orgs::id.eq(memberships::org_id)))
            .left_join(parent.on(parent.field(orgs::id).nullable().eq(orgs::parent_id)))
            .left_join(
                grandparent.on(grandparent
                    .field(orgs::id)
                    .nullable()
                    .eq(parent.field(orgs::parent_id))),
            )
            .left_join(
                great.on(great
                    .field(orgs::id)
                    .nullable()
                    .eq(grandparent.field(orgs::parent_id))),
            )
            .filter(users::deleted_at.is_null())
            .filter(users::deactivated_at.is_null())
            // Oldest first: the home organisation's ties are broken by it.
            .order((memberships::created_at, memberships::id))
            .select((
                $key,
                UserRow::as_select(),
                memberships::role.nullable(),
                orgs::path.nullable(),
                orgs::time_zone.nullable(),
                parent.field(orgs::time_zone).nullable(),
                grandparent.field(orgs::time_zone).nullable(),
                great.field(orgs::time_zone).nullable(),
                great.field(orgs::parent_id).nullable(),
                (memberships::id, orgs::id, orgs::name, orgs::kind).nullable(),
                notifications::table
                    .filter(notifications::user_id.eq(users::id))
                    .filter(notifications::read_at.is_null())
                    .count()
                    .single_value(),
            ))
    };
}

/// The session `id_hash` with its person, if the account is live (expiry
/// is the caller's to judge).
pub fn by_session(
    conn: &mut DbConn,
    id_hash: &str,
) -> Result<Option<SignedIn<SessionRow>>, DbError> {
    let rows: Vec<Row<SessionRow>> = crate::on_backend!(conn, |c| with_memberships!(
        sessions::table
            .inner_join(users::table)
            .filter(sessions::id_hash.eq(id_hash)),
        SessionRow::as_select()
    )
    .load(c))?;
    signed_in(conn, rows)
}

/// The live token with this hash and its live person
/// ([`crate::api_tokens::authenticate`], with memberships and zone).
pub fn by_token(
    conn: &mut DbConn,
    token_hash: &str,
    now: Timestamp,
) -> Result<Option<SignedIn<ApiTokenRow>>, DbError> {
    let rows: Vec<Row<ApiTokenRow>> = crate::on_backend!(conn, |c| with_memberships!(
        api_tokens::table
            .inner_join(users::table)
            .filter(api_tokens::token_hash.eq(token_hash))
            .filter(api_tokens::revoked_at.is_null())
            // A token without an expiry compares as unknown here: refused.
            .filter(api_tokens::expires_at.gt(now.micros())),
        ApiTokenRow::as_select()
    )
    .load(c))?;
    signed_in(conn, rows)
}

/// A membership's grant, the zones set on it and its three nearest
/// ancestors, whether the tree goes higher still, and the membership.
type Granted<'a> = (Grant, &'a [Option<String>; 4], Option<i64>, Membership);

fn signed_in<K: Clone>(
    conn: &mut DbConn,
    rows: Vec<Row<K>>,
) -> Result<Option<SignedIn<K>>, DbError> {
    let lines: Vec<Line<K>> = rows
        .into_iter()
        .map(|(k, u, role, path, z0, z1, z2, z3, beyond, held, unread)| {
            (k, u, role, path, [z0, z1, z2, z3], beyond, held, unread)
        })
        .collect();
    let Some(first) = lines.first() else {
        return Ok(None);
    };
    let (by, user, unread) = (first.0.clone(), first.1.clone(), first.7.unwrap_or(0));
    // (grant, zones, higher, membership) of each membership whose codes are ours.
    let held: Vec<Granted<'_>> = lines
        .iter()
        .filter_map(|(_, _, role, path, zones, beyond, held, _)| {
            let grant = Grant {
                role: Role::parse(role.as_deref()?)?,
                scope: OrgPath::parse(path.as_deref()?)?,
            };
            let (id, org_id, org_name, org_kind) = held.clone()?;
            let membership = Membership {
                id,
                role: grant.role,
                org_id,
                org_name,
                org_kind: OrgKind::parse(&org_kind)?,
            };
            Some((grant, zones, *beyond, membership))
        })
        .collect();
    // Home: the deepest membership, the oldest among equally deep ones.
    let deepest = held.iter().map(|(g, ..)| g.scope.depth()).max();
    let home = held.iter().find(|(g, ..)| Some(g.scope.depth()) == deepest);
    let zone = match home {
        None => TimeZone::programme(),
        Some((grant, zones, beyond, _)) => {
            // A name no longer known is skipped as if unset.
            match zones
                .iter()
                .find_map(|z| z.as_deref().and_then(TimeZone::parse))
            {
                Some(z) => z,
                None if beyond.is_some() => crate::orgs::zone_of(conn, &grant.scope)?,
                None => TimeZone::programme(),
            }
        }
    };
    let mut memberships: Vec<(OrgPath, Membership)> = held
        .iter()
        .map(|(g, .., m)| (g.scope.clone(), m.clone()))
        .collect();
    memberships.sort_by(|(a, x), (b, y)| {
        (a.as_str(), x.role.as_str()).cmp(&(b.as_str(), y.role.as_str()))
    });
    Ok(Some(SignedIn {
        by,
        user,
        grants: held.into_iter().map(|(g, ..)| g).collect(),
        memberships: memberships.into_iter().map(|(_, m)| m).collect(),
        zone,
        unread,
    }))
}
