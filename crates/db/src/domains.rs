//! Registration by email domain: a verified address in a listed domain joins
//! the organisation that listed it, as an educator.

use crate::orgs::OrgRow;
use crate::schema::{org_email_domains, orgs};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::{OrgId, Timestamp};

pub fn org_for(conn: &mut DbConn, domain: &str) -> Result<Option<OrgRow>, DbError> {
    Ok(org_email_domains::table
        .inner_join(orgs::table)
        .filter(org_email_domains::domain.eq(domain))
        .select(OrgRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn of_org(conn: &mut DbConn, org: OrgId) -> Result<Vec<String>, DbError> {
    Ok(org_email_domains::table
        .filter(org_email_domains::org_id.eq(org.0))
        .order(org_email_domains::domain)
        .select(org_email_domains::domain)
        .load(conn)?)
}

/// Lists `domain` for `org`. A domain belongs to one organisation only.
pub fn add(conn: &mut DbConn, org: OrgId, domain: &str, now: Timestamp) -> Result<(), DbError> {
    if org_for(conn, domain)?.is_some() {
        return Err(DbError::invalid("domain", "domain-taken"));
    }
    diesel::insert_into(org_email_domains::table)
        .values((
            org_email_domains::domain.eq(domain),
            org_email_domains::org_id.eq(org.0),
            org_email_domains::created_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn remove(conn: &mut DbConn, org: OrgId, domain: &str) -> Result<bool, DbError> {
    let n = diesel::delete(
        org_email_domains::table
            .filter(org_email_domains::org_id.eq(org.0))
            .filter(org_email_domains::domain.eq(domain)),
    )
    .execute(conn)?;
    Ok(n > 0)
}
