//! Invitations: an admin invites an email address into an organisation with a role.

use crate::codes::Code;
use crate::orgs::{self, OrgRow};
use crate::schema::invitations;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::policy::invitation_may_carry;
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, Timestamp, UserId};

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = invitations)]
pub struct InvitationRow {
    pub id: i64,
    pub org_id: i64,
    pub email: String,
    #[diesel(deserialize_as = Code<Role>)]
    pub role: Role,
    #[serde(skip)]
    pub token_hash: String,
    pub invited_by: Option<i64>,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// When it was last sent again (`None`: only once, at `created_at`).
    pub resent_at: Option<i64>,
}

impl InvitationRow {
    /// When its email last went out.
    pub fn last_sent(&self) -> &i64 {
        self.resent_at.as_ref().unwrap_or(&self.created_at)
    }
}

/// The shortest time between two sendings of one invitation.
pub const RESEND_GAP: std::time::Duration = std::time::Duration::from_secs(10 * 60);

pub struct NewInvitation<'a> {
    pub org: OrgId,
    pub email: &'a EmailAddress,
    pub role: Role,
    pub token_hash: &'a str,
    pub invited_by: UserId,
    pub expires_at: Timestamp,
}

/// Stores an invitation. An earlier unanswered one for the same person and
/// organisation is withdrawn, so inviting again means "send it again".
/// Refuses (on field `role`) a role no invitation may carry, whoever asks.
pub fn create(conn: &mut DbConn, new: &NewInvitation<'_>, now: Timestamp) -> Result<i64, DbError> {
    if !invitation_may_carry(new.role) {
        return Err(DbError::invalid("role", "role-not-allowed"));
    }
    diesel::update(
        invitations::table
            .filter(invitations::org_id.eq(new.org.0))
            .filter(invitations::email.eq(new.email.as_str()))
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::revoked_at.is_null()),
    )
    .set(invitations::revoked_at.eq(now.micros()))
    .execute(conn)?;
    Ok(diesel::insert_into(invitations::table)
        .values((
            invitations::org_id.eq(new.org.0),
            invitations::email.eq(new.email.as_str()),
            invitations::role.eq(new.role.as_str()),
            invitations::token_hash.eq(new.token_hash),
            invitations::invited_by.eq(new.invited_by.0),
            invitations::created_at.eq(now.micros()),
            invitations::expires_at.eq(new.expires_at.micros()),
        ))
        .returning(invitations::id)
        .get_result(conn)?)
}

/// Invitations of the organisation not yet answered or withdrawn, newest first.
pub fn pending_of_org(
    conn: &mut DbConn,
    org: OrgId,
    now: Timestamp,
) -> Result<Vec<InvitationRow>, DbError> {
    Ok(invitations::table
        .filter(invitations::org_id.eq(org.0))
        .filter(invitations::accepted_at.is_null())
        .filter(invitations::revoked_at.is_null())
        .filter(invitations::expires_at.gt(now.micros()))
        .order(invitations::id.desc())
        .select(InvitationRow::as_select())
        .load(conn)?)
}

/// The invitation behind a link, if it can still be accepted (errors on field `token`).
pub fn open(
    conn: &mut DbConn,
    token_hash: &str,
    now: Timestamp,
) -> Result<(InvitationRow, OrgRow), DbError> {
    let row = invitations::table
        .filter(invitations::token_hash.eq(token_hash))
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| DbError::invalid("token", "token-invalid"))?;
    if row.accepted_at.is_some() {
        return Err(DbError::invalid("token", "token-used"));
    }
    if row.revoked_at.is_some() {
        return Err(DbError::invalid("token", "token-invalid"));
    }
    if row.expires_at <= now.micros() {
        return Err(DbError::invalid("token", "token-expired"));
    }
    // One sent before invitations were limited never grants admin rights.
    if !invitation_may_carry(row.role) {
        return Err(DbError::invalid("token", "token-invalid"));
    }
    let org = orgs::get(conn, OrgId(row.org_id))?;
    Ok((row, org))
}

/// Marks the invitation accepted; of two acceptances at once, on any
/// servers, the second finds it used (the update itself decides).
pub fn mark_accepted(conn: &mut DbConn, id: i64, now: Timestamp) -> Result<(), DbError> {
    let accepted = diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::revoked_at.is_null()),
    )
    .set(invitations::accepted_at.eq(now.micros()))
    .execute(conn)?;
    if accepted == 0 {
        return Err(DbError::invalid("token", "token-used"));
    }
    Ok(())
}

pub fn revoke(conn: &mut DbConn, org: OrgId, id: i64, now: Timestamp) -> Result<bool, DbError> {
    let n = diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::org_id.eq(org.0))
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::revoked_at.is_null()),
    )
    .set(invitations::revoked_at.eq(now.micros()))
    .execute(conn)?;
    Ok(n > 0)
}

/// How many invitations of the organisation wait for an answer.
pub fn pending_count(conn: &mut DbConn, org: OrgId, now: Timestamp) -> Result<i64, DbError> {
    Ok(invitations::table
        .filter(invitations::org_id.eq(org.0))
        .filter(invitations::accepted_at.is_null())
        .filter(invitations::revoked_at.is_null())
        .filter(invitations::expires_at.gt(now.micros()))
        .count()
        .get_result(conn)?)
}

/// What came of asking to send an invitation again.
#[derive(Debug, Clone)]
pub enum Resent {
    /// Sent again: the new link replaces the old one, which no longer works.
    Sent(Box<InvitationRow>),
    /// Sent less than [`RESEND_GAP`] ago: nothing changed.
    TooSoon,
    /// Not this organisation's, or answered, withdrawn or expired.
    NotFound,
}

/// Gives invitation `id` of `org` a new link (`token_hash`), voiding the
/// old, if it still waits for an answer and was last sent at least
/// [`RESEND_GAP`] ago. One conditional update decides, so two requests at
/// once on two servers send it once.
pub fn resend(
    conn: &mut DbConn,
    org: OrgId,
    id: i64,
    token_hash: &str,
    now: Timestamp,
) -> Result<Resent, DbError> {
    let cutoff = now.micros() - i64::try_from(RESEND_GAP.as_micros()).unwrap_or(i64::MAX);
    let open = invitations::table
        .find(id)
        .filter(invitations::org_id.eq(org.0))
        .filter(invitations::accepted_at.is_null())
        .filter(invitations::revoked_at.is_null())
        .filter(invitations::expires_at.gt(now.micros()));
    let n = diesel::update(
        open.filter(
            invitations::resent_at.lt(cutoff).or(invitations::resent_at
                .is_null()
                .and(invitations::created_at.lt(cutoff))),
        ),
    )
    .set((
        invitations::token_hash.eq(token_hash),
        invitations::resent_at.eq(now.micros()),
    ))
    .execute(conn)?;
    let row = open
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()?;
    Ok(match row {
        Some(row) if n > 0 => Resent::Sent(Box::new(row)),
        Some(_) => Resent::TooSoon,
        None => Resent::NotFound,
    })
}
