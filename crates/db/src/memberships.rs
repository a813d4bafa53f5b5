//! Who holds which role where.

use crate::codes::Code;
use crate::orgs::OrgRow;
use crate::schema::{memberships, orgs, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::org::{OrgKind, OrgPath};
use lyceum_domain::policy::Grant;
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, Timestamp, UserId};

/// One membership, with the organisation it is in.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Membership {
    pub id: i64,
    pub role: Role,
    pub org_id: i64,
    pub org_name: String,
    pub org_kind: OrgKind,
}

diesel::alias!(orgs as above: Above);

/// Where a person works, as [`school_and_district`] finds it.
#[derive(Debug, Clone, Default)]
pub struct Workplace {
    pub school: Option<String>,
    /// The district or union local, by kind and name.
    pub district: Option<(OrgKind, String)>,
}

/// An organisation's kind and name, and its parent's.
type WithParent = (String, String, Option<(String, String)>);

/// Where a person works, as a printed transcript says it: their school's
/// name, and the district (or local agency) it belongs to — or, for someone
/// who belongs to a district but no school, that district. Either may be
/// missing. One statement: the memberships with each organisation's parent.
pub fn school_and_district(conn: &mut DbConn, user: UserId) -> Result<Workplace, DbError> {
    let rows: Vec<WithParent> = crate::on_backend!(conn, |c| memberships::table
        .inner_join(orgs::table)
        .left_join(above.on(above.field(orgs::id).nullable().eq(orgs::parent_id)))
        .filter(memberships::user_id.eq(user.0))
        .order((memberships::created_at, memberships::id))
        .select((
            orgs::kind,
            orgs::name,
            (above.field(orgs::kind), above.field(orgs::name)).nullable(),
        ))
        .load(c))?;
    let kind = |k: &str| OrgKind::parse(k);
    let district = |k: &str, name: &String| match kind(k) {
        Some(k @ (OrgKind::District | OrgKind::Local)) => Some((k, name.clone())),
        _ => None,
    };
    if let Some((_, school, parent)) = rows
        .iter()
        .find(|(k, _, _)| kind(k) == Some(OrgKind::School))
    {
        let up = parent.as_ref().and_then(|(k, name)| district(k, name));
        return Ok(Workplace {
            school: Some(school.clone()),
            district: up,
        });
    }
    Ok(Workplace {
        school: None,
        district: rows.iter().find_map(|(k, name, _)| district(k, name)),
    })
}

/// What the authorisation policy needs to know about a person.
pub fn grants_of(conn: &mut DbConn, user: UserId) -> Result<Vec<Grant>, DbError> {
    let rows: Vec<(String, String)> = crate::on_backend!(conn, |c| memberships::table
        .inner_join(orgs::table)
        .filter(memberships::user_id.eq(user.0))
        // Oldest first: `orgs::zone_of_home` breaks ties by it.
        .order((memberships::created_at, memberships::id))
        .select((memberships::role, orgs::path))
        .load(c))?;
    Ok(rows
        .into_iter()
        .filter_map(|(role, path)| {
            Some(Grant {
                role: Role::parse(&role)?,
                scope: OrgPath::parse(&path)?,
            })
        })
        .collect())
}

/// Admin roles (org admin, programme admin) by person, for those in `users`.
pub type AdminGrants = std::collections::HashMap<UserId, Vec<Grant>>;

/// The admin roles `users` hold — what decides who rules on their own
/// requests (`lyceum_domain::policy::pd_request_deciders`).
pub fn admin_grants_of(conn: &mut DbConn, users: &[UserId]) -> Result<AdminGrants, DbError> {
    let mut out = AdminGrants::new();
    let ids: Vec<i64> = users.iter().map(|u| u.0).collect();
    // Bounded batches keep the statement's parameters within every backend's limit.
    for batch in ids.chunks(500) {
        let rows: Vec<(i64, String, String)> = memberships::table
            .inner_join(orgs::table)
            .filter(memberships::user_id.eq_any(batch))
            .filter(
                memberships::role.eq_any([Role::OrgAdmin.as_str(), Role::ProgrammeAdmin.as_str()]),
            )
            .select((memberships::user_id, memberships::role, orgs::path))
            .load(conn)?;
        for (user, role, path) in rows {
            if let (Some(role), Some(scope)) = (Role::parse(&role), OrgPath::parse(&path)) {
                out.entry(UserId(user))
                    .or_default()
                    .push(Grant { role, scope });
            }
        }
    }
    Ok(out)
}

pub fn of_user(conn: &mut DbConn, user: UserId) -> Result<Vec<Membership>, DbError> {
    let rows: Vec<(i64, String, i64, String, Code<OrgKind>)> = memberships::table
        .inner_join(orgs::table)
        .filter(memberships::user_id.eq(user.0))
        .order((orgs::path, memberships::role))
        .select((
            memberships::id,
            memberships::role,
            orgs::id,
            orgs::name,
            orgs::kind,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, role, org_id, org_name, org_kind)| {
            Some(Membership {
                id,
                role: Role::parse(&role)?,
                org_id,
                org_name,
                org_kind: org_kind.into(),
            })
        })
        .collect())
}

/// Gives `user` the `role` at `org`. Returns false if they already had it.
pub fn add(
    conn: &mut DbConn,
    user: UserId,
    org: &OrgRow,
    role: Role,
    now: Timestamp,
) -> Result<bool, DbError> {
    if role.programme_wide() && org.parent_id.is_some() {
        return Err(DbError::invalid("role", "programme-role-at-root"));
    }
    let exists: i64 = memberships::table
        .filter(memberships::user_id.eq(user.0))
        .filter(memberships::org_id.eq(org.id))
        .filter(memberships::role.eq(role.as_str()))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    diesel::insert_into(memberships::table)
        .values((
            memberships::user_id.eq(user.0),
            memberships::org_id.eq(org.id),
            memberships::role.eq(role.as_str()),
            memberships::created_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(true)
}

/// One membership with its holder and organisation, for an admin acting on it.
#[derive(Debug, Clone)]
pub struct MembershipDetail {
    pub id: i64,
    pub user_id: UserId,
    pub role: Role,
    pub org_id: OrgId,
    pub org_path: OrgPath,
}

pub fn by_id(conn: &mut DbConn, id: i64) -> Result<Option<MembershipDetail>, DbError> {
    let row: Option<(i64, i64, String, i64, String)> = memberships::table
        .inner_join(orgs::table)
        .filter(memberships::id.eq(id))
        .select((
            memberships::id,
            memberships::user_id,
            memberships::role,
            orgs::id,
            orgs::path,
        ))
        .first(conn)
        .optional()?;
    Ok(row.and_then(|(id, user_id, role, org_id, path)| {
        Some(MembershipDetail {
            id,
            user_id: UserId(user_id),
            role: Role::parse(&role)?,
            org_id: OrgId(org_id),
            org_path: OrgPath::parse(&path)?,
        })
    }))
}

pub fn remove(conn: &mut DbConn, id: i64) -> Result<(), DbError> {
    diesel::delete(memberships::table.find(id)).execute(conn)?;
    Ok(())
}

pub fn remove_all_of(conn: &mut DbConn, user: UserId) -> Result<(), DbError> {
    diesel::delete(memberships::table.filter(memberships::user_id.eq(user.0))).execute(conn)?;
    Ok(())
}

/// A role held directly at an organisation, with who holds it.
#[derive(Debug, Clone)]
pub struct Holder {
    pub membership_id: i64,
    pub role: Role,
    pub user_id: UserId,
    pub name: String,
    pub email: String,
}

/// Roles held directly at one organisation, by role then name.
pub fn at_org(conn: &mut DbConn, org: OrgId) -> Result<Vec<Holder>, DbError> {
    let rows: Vec<(i64, String, i64, String, Option<String>)> = memberships::table
        .inner_join(users::table)
        .filter(memberships::org_id.eq(org.0))
        .filter(users::deleted_at.is_null())
        .order((memberships::role, users::display_name))
        .select((
            memberships::id,
            memberships::role,
            users::id,
            users::display_name,
            users::email,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(membership_id, role, user_id, name, email)| {
            Some(Holder {
                membership_id,
                role: Role::parse(&role)?,
                user_id: UserId(user_id),
                name,
                email: email.unwrap_or_default(),
            })
        })
        .collect())
}
