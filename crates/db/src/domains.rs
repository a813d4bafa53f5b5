//! Email domains organisations claim, and prove (see
//! `lyceum_domain::domain_proof`). A proven domain lets a verified address
//! in it join its organisation as an educator, and lets the organisation's
//! sign-in providers speak for it; a claim not yet proven does neither, and
//! blocks no one. The first organisation to prove a domain holds it.

use crate::audit::{self, Event};
use crate::orgs::OrgRow;
use crate::schema::{org_email_domains, orgs};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::domain_proof::DomainProof;
use lyceum_domain::org::OrgPath;
use lyceum_domain::{OrgId, Timestamp, UserId};
use serde_json::json;

/// One organisation's claim on a domain.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = org_email_domains)]
pub struct DomainClaim {
    pub id: i64,
    pub domain: String,
    pub org_id: i64,
    pub created_at: i64,
    /// What the TXT record must carry (public: it is published).
    pub token: String,
    pub verified_at: Option<i64>,
    pub verified_how: Option<String>,
    pub verified_by: Option<i64>,
}

impl DomainClaim {
    pub fn is_proven(&self) -> bool {
        self.verified_at.is_some()
    }

    pub fn proof(&self) -> Option<DomainProof> {
        self.verified_how.as_deref().and_then(DomainProof::parse)
    }
}

/// A claim waiting for proof, with its organisation, for the programme
/// admins' queue.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub claim: DomainClaim,
    pub org_name: String,
}

/// The organisation that holds (has proven) `domain`, if any.
pub fn org_for(conn: &mut DbConn, domain: &str) -> Result<Option<OrgRow>, DbError> {
    Ok(org_email_domains::table
        .inner_join(orgs::table)
        .filter(org_email_domains::domain.eq(domain))
        .filter(org_email_domains::verified_at.is_not_null())
        .select(OrgRow::as_select())
        .first(conn)
        .optional()?)
}

/// The organisation's claims, proven or not, by domain.
pub fn of_org(conn: &mut DbConn, org: OrgId) -> Result<Vec<DomainClaim>, DbError> {
    Ok(org_email_domains::table
        .filter(org_email_domains::org_id.eq(org.0))
        .order(org_email_domains::domain)
        .select(DomainClaim::as_select())
        .load(conn)?)
}

/// The claim, if it is `org`'s.
pub fn get_in_org(conn: &mut DbConn, org: OrgId, id: i64) -> Result<Option<DomainClaim>, DbError> {
    Ok(org_email_domains::table
        .find(id)
        .filter(org_email_domains::org_id.eq(org.0))
        .select(DomainClaim::as_select())
        .first(conn)
        .optional()?)
}

/// At most this many waiting claims are listed at once.
pub const WAITING_LIMIT: i64 = 200;

/// Claims waiting for proof by organisations in `scope`'s subtree, oldest first.
pub fn waiting_within(conn: &mut DbConn, scope: &OrgPath) -> Result<Vec<Waiting>, DbError> {
    let rows: Vec<(DomainClaim, String)> = org_email_domains::table
        .inner_join(orgs::table)
        .filter(org_email_domains::verified_at.is_null())
        .filter(orgs::path.ge(scope.as_str()))
        .filter(orgs::path.lt(scope.subtree_end()))
        .order((org_email_domains::created_at, org_email_domains::id))
        .limit(WAITING_LIMIT)
        .select((DomainClaim::as_select(), orgs::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(claim, org_name)| Waiting { claim, org_name })
        .collect())
}

/// `org` claims `domain` (normalised), to prove with the TXT record that
/// carries `token`. Refused if another organisation has proven it, or this
/// one claimed it already; others' unproven claims do not matter.
pub fn claim(
    conn: &mut DbConn,
    org: OrgId,
    domain: &str,
    token: &str,
    now: Timestamp,
) -> Result<i64, DbError> {
    if org_for(conn, domain)?.is_some() {
        return Err(DbError::invalid("domain", "domain-taken"));
    }
    let mine = org_email_domains::table
        .filter(org_email_domains::org_id.eq(org.0))
        .filter(org_email_domains::domain.eq(domain))
        .count()
        .get_result::<i64>(conn)?;
    if mine > 0 {
        return Err(DbError::invalid("domain", "domain-claimed-already"));
    }
    Ok(diesel::insert_into(org_email_domains::table)
        .values((
            org_email_domains::domain.eq(domain),
            org_email_domains::org_id.eq(org.0),
            org_email_domains::created_at.eq(now.micros()),
            org_email_domains::token.eq(token),
        ))
        .returning(org_email_domains::id)
        .get_result(conn)?)
}

/// Marks the claim proven (`how`, by whom if a person approved it) and
/// withdraws every other organisation's claim on the domain, auditing each.
/// Refused (`domain-taken`) if another organisation proved it first: the
/// conditional update and the one-holder index decide, on any number of
/// servers.
pub fn prove(
    conn: &mut DbConn,
    id: i64,
    how: DomainProof,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<DomainClaim, DbError> {
    let claim: DomainClaim = org_email_domains::table
        .find(id)
        .select(DomainClaim::as_select())
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound)?;
    if claim.is_proven() {
        return Ok(claim);
    }
    if org_for(conn, &claim.domain)?.is_some() {
        return Err(DbError::invalid("domain", "domain-taken"));
    }
    let updated = diesel::update(
        org_email_domains::table
            .find(id)
            .filter(org_email_domains::verified_at.is_null()),
    )
    .set((
        org_email_domains::verified_at.eq(now.micros()),
        org_email_domains::verified_how.eq(how.as_str()),
        org_email_domains::verified_by.eq(by.map(|u| u.0)),
    ))
    .execute(conn);
    match updated {
        Ok(_) => {}
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => return Err(DbError::invalid("domain", "domain-taken")),
        Err(e) => return Err(e.into()),
    }
    audit::record(
        conn,
        now,
        Event {
            actor: by,
            action: "org.domain_verified",
            org: Some(OrgId(claim.org_id)),
            subject: None,
            detail: json!({ "domain": claim.domain, "how": how.as_str() }),
        },
    )?;
    let others: Vec<(i64, i64)> = org_email_domains::table
        .filter(org_email_domains::domain.eq(&claim.domain))
        .filter(org_email_domains::id.ne(id))
        .select((org_email_domains::id, org_email_domains::org_id))
        .load(conn)?;
    for (other, org) in others {
        diesel::delete(org_email_domains::table.find(other)).execute(conn)?;
        audit::record(
            conn,
            now,
            Event {
                actor: by,
                action: "org.domain_claim_withdrawn",
                org: Some(OrgId(org)),
                subject: None,
                detail: json!({ "domain": claim.domain, "proven_by_org": claim.org_id }),
            },
        )?;
    }
    Ok(org_email_domains::table
        .find(id)
        .select(DomainClaim::as_select())
        .first(conn)?)
}

/// Claims and proves a domain at once: for tools that set organisations up
/// (the demo, the seed, tests), where whoever runs them vouches for it.
pub fn add_proven(
    conn: &mut DbConn,
    org: OrgId,
    domain: &str,
    how: DomainProof,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<i64, DbError> {
    let token = lyceum_domain::token::new_token()
        .map_err(|e| DbError::task_from("no random numbers", e))?
        .0;
    let id = claim(conn, org, domain, &token, now)?;
    prove(conn, id, how, by, now)?;
    Ok(id)
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
