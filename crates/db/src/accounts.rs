//! Account operations that span several tables: each is one transaction's
//! worth of work, called inside [`crate::Db::write`].

use crate::audit::{self, Event};
use crate::email_tokens::{self, Purpose};
use crate::memberships;
use crate::users::{self, NewUser, UserRow};
use crate::{
    DbConn, DbError, api_tokens, domains, invitations, jobs, join_codes, orgs, sessions, throttle,
};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::role::Role;
use lyceum_domain::throttle::Delays;
use lyceum_domain::{Timestamp, UserId};
use serde_json::json;
use std::time::Duration;

/// Someone signing up with email and password.
pub struct Registration<'a> {
    pub email: &'a EmailAddress,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub lang: Lang,
    /// As typed; empty when none was given.
    pub join_code: &'a str,
    pub verify_token_hash: &'a str,
    pub verify_expires_at: Timestamp,
    /// The verification email, its link already holding the token.
    pub verify_email: Job,
}

/// Creates an unverified account in the organisation its join code or email
/// domain leads to, and queues the verification email.
///
/// The way in is checked before the address, so that an address with an
/// account gets the same answers as one without, up to `email-taken` —
/// which the caller must not show (see [`tell_owner_of_registration`]).
pub fn register(
    conn: &mut DbConn,
    r: &Registration<'_>,
    now: Timestamp,
) -> Result<UserId, DbError> {
    let (org, role) = way_in(conn, r, now)?;
    if users::by_email(conn, r.email)?.is_some() {
        return Err(DbError::invalid("email", "email-taken"));
    }
    let user = users::insert(
        conn,
        &NewUser {
            email: r.email,
            display_name: r.display_name,
            password_hash: Some(r.password_hash),
            lang: r.lang,
            verified: false,
        },
        now,
    )?;
    memberships::add(conn, user, &org, role, now)?;
    // Their first sign-in asks for their school and what they teach.
    crate::welcome::start(conn, user, now)?;
    email_tokens::issue(
        conn,
        user,
        Purpose::VerifyEmail,
        None,
        r.verify_token_hash,
        now,
        r.verify_expires_at,
    )?;
    jobs::enqueue(conn, &r.verify_email, now)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(user),
            action: "account.registered",
            org: Some(org.id()),
            subject: Some(user),
            detail: json!({ "role": role, "via": if r.join_code.trim().is_empty() { "email_domain" } else { "join_code" } }),
        },
    )?;
    Ok(user)
}

/// The organisation and role a registration's join code or email domain
/// leads to (a join code's use is counted).
fn way_in(
    conn: &mut DbConn,
    r: &Registration<'_>,
    now: Timestamp,
) -> Result<(orgs::OrgRow, Role), DbError> {
    Ok(if r.join_code.trim().is_empty() {
        let org = domains::org_for(conn, r.email.domain())?
            .ok_or_else(|| DbError::invalid("email", "email-domain-not-allowed"))?;
        (org, Role::Educator)
    } else {
        join_codes::redeem(conn, r.join_code, now)?
    })
}

/// At most one "someone tried to register with your address" email an
/// hour to one person, however often the form is filled in.
const OWNER_TOLD: Delays = Delays {
    free: 1,
    first: Duration::from_secs(3600),
    cap: Duration::from_secs(3600),
    window: Duration::from_secs(3600),
};

/// Someone registered with the address of an existing account: its owner
/// is emailed instead of the page saying so. `link` is the sign-in page.
pub fn tell_owner_of_registration(
    conn: &mut DbConn,
    email: &EmailAddress,
    link: String,
    now: Timestamp,
) -> Result<(), DbError> {
    let Some(owner) = users::by_email(conn, email)?.filter(|u| !u.is_deleted()) else {
        return Ok(());
    };
    let key = format!("registration-notice:{}", owner.id());
    if throttle::claim(conn, &key, now, OWNER_TOLD)?.is_err() {
        return Ok(());
    }
    jobs::enqueue(
        conn,
        &Job::SendEmail(Email {
            to: email.as_str().to_string(),
            lang: owner.lang(),
            message: EmailMessage::AccountExists {
                name: owner.display_name.clone(),
                link,
            },
        }),
        now,
    )?;
    Ok(())
}

/// Someone accepting an invitation who has no account yet: the link proved
/// the address, so the account starts verified.
pub struct InvitedRegistration<'a> {
    pub invitation_token_hash: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub lang: Lang,
}

pub fn register_invited(
    conn: &mut DbConn,
    r: &InvitedRegistration<'_>,
    now: Timestamp,
) -> Result<UserRow, DbError> {
    let (invitation, org) = invitations::open(conn, r.invitation_token_hash, now)?;
    let email =
        EmailAddress::parse(&invitation.email).map_err(|code| DbError::invalid("email", code))?;
    // Used first: of two acceptances at once, the second stops here
    // (the invitation is used), before it would collide on the address.
    invitations::mark_accepted(conn, invitation.id, now)?;
    let user = users::insert(
        conn,
        &NewUser {
            email: &email,
            display_name: r.display_name,
            password_hash: Some(r.password_hash),
            lang: r.lang,
            verified: true,
        },
        now,
    )?;
    grant_invited_role(conn, &invitation, &org, user, now)?;
    users::by_id(conn, user)?.ok_or(DbError::NotFound)
}

/// A signed-in person accepting an invitation sent to their address.
pub fn accept_invitation_as(
    conn: &mut DbConn,
    token_hash: &str,
    user: &UserRow,
    now: Timestamp,
) -> Result<orgs::OrgRow, DbError> {
    let (invitation, org) = invitations::open(conn, token_hash, now)?;
    if invitation.email != user.email() {
        return Err(DbError::invalid("token", "invitation-other-email"));
    }
    invitations::mark_accepted(conn, invitation.id, now)?;
    grant_invited_role(conn, &invitation, &org, user.id(), now)?;
    Ok(org)
}

/// Gives `user` the role of an invitation already marked accepted.
fn grant_invited_role(
    conn: &mut DbConn,
    invitation: &invitations::InvitationRow,
    org: &orgs::OrgRow,
    user: UserId,
    now: Timestamp,
) -> Result<(), DbError> {
    let role = invitation.role;
    memberships::add(conn, user, org, role, now)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(user),
            action: "invitation.accepted",
            org: Some(org.id()),
            subject: Some(user),
            detail: json!({ "role": role, "invitation": invitation.id }),
        },
    )
}

/// Follows a verification link.
pub fn verify_email(
    conn: &mut DbConn,
    token_hash: &str,
    now: Timestamp,
) -> Result<UserRow, DbError> {
    let token = email_tokens::consume(conn, token_hash, Purpose::VerifyEmail, now, "token")?;
    let user = UserId(token.user_id);
    users::mark_verified(conn, user, now)?;
    users::by_id(conn, user)?.ok_or(DbError::NotFound)
}

/// An emailed link of some purpose for whoever owns `email`, if anyone does.
/// Says nothing either way, so the page cannot reveal who has an account.
pub fn send_link(
    conn: &mut DbConn,
    email: &EmailAddress,
    purpose: Purpose,
    token_hash: &str,
    expires_at: Timestamp,
    make_email: impl FnOnce(&UserRow) -> Job,
    now: Timestamp,
) -> Result<(), DbError> {
    let Some(user) = users::by_email(conn, email)? else {
        return Ok(());
    };
    if purpose == Purpose::VerifyEmail && user.is_verified() {
        return Ok(());
    }
    email_tokens::issue(conn, user.id(), purpose, None, token_hash, now, expires_at)?;
    jobs::enqueue(conn, &make_email(&user), now)?;
    Ok(())
}

/// Follows a reset link: sets the password, signs out everywhere and
/// revokes every API token (whoever knew the old password may have made
/// one). The link proved the address, so the email counts as verified too.
pub fn reset_password(
    conn: &mut DbConn,
    token_hash: &str,
    password_hash: &str,
    now: Timestamp,
) -> Result<UserRow, DbError> {
    let token = email_tokens::consume(conn, token_hash, Purpose::ResetPassword, now, "token")?;
    let user = UserId(token.user_id);
    users::set_password(conn, user, password_hash, now)?;
    users::mark_verified(conn, user, now)?;
    sessions::delete_for_user(conn, user, None)?;
    let revoked = api_tokens::revoke_all(conn, user, now)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(user),
            action: "account.password_reset",
            org: None,
            subject: Some(user),
            detail: json!({ "api_tokens_revoked": revoked }),
        },
    )?;
    users::by_id(conn, user)?.ok_or(DbError::NotFound)
}

/// Sets a new password and signs out every other session; with
/// `revoke_tokens`, every API token stops working too.
pub fn change_password(
    conn: &mut DbConn,
    user: UserId,
    password_hash: &str,
    keep_session: Option<&str>,
    revoke_tokens: bool,
    now: Timestamp,
) -> Result<(), DbError> {
    users::set_password(conn, user, password_hash, now)?;
    sessions::delete_for_user(conn, user, keep_session)?;
    let revoked = match revoke_tokens {
        true => api_tokens::revoke_all(conn, user, now)?,
        false => 0,
    };
    audit::record(
        conn,
        now,
        Event {
            actor: Some(user),
            action: "account.password_changed",
            org: None,
            subject: Some(user),
            detail: json!({ "api_tokens_revoked": revoked }),
        },
    )
}

/// Sends a confirmation link to the new address; nothing changes until it is followed.
pub fn start_email_change(
    conn: &mut DbConn,
    user: &UserRow,
    new_email: &EmailAddress,
    token_hash: &str,
    expires_at: Timestamp,
    confirmation: &Job,
    now: Timestamp,
) -> Result<(), DbError> {
    if new_email.as_str() == user.email() {
        return Err(DbError::invalid("email", "email-unchanged"));
    }
    if users::by_email(conn, new_email)?.is_some() {
        return Err(DbError::invalid("email", "email-taken"));
    }
    email_tokens::issue(
        conn,
        user.id(),
        Purpose::ChangeEmail,
        Some(new_email.as_str()),
        token_hash,
        now,
        expires_at,
    )?;
    jobs::enqueue(conn, confirmation, now)?;
    Ok(())
}

/// Follows the confirmation link: the new address replaces the old, and the
/// old address is told (in case someone else did this).
pub fn finish_email_change(
    conn: &mut DbConn,
    token_hash: &str,
    notice: impl FnOnce(&UserRow, &str) -> Job,
    now: Timestamp,
) -> Result<UserRow, DbError> {
    let token = email_tokens::consume(conn, token_hash, Purpose::ChangeEmail, now, "token")?;
    let user = users::by_id(conn, UserId(token.user_id))?.ok_or(DbError::NotFound)?;
    let new_email = token
        .new_email
        .as_deref()
        .and_then(|e| EmailAddress::parse(e).ok())
        .ok_or_else(|| DbError::Corrupt("email change token without an address".into()))?;
    if users::by_email(conn, &new_email)?.is_some() {
        return Err(DbError::invalid("token", "email-taken"));
    }
    users::set_email(conn, user.id(), &new_email, now)?;
    jobs::enqueue(conn, &notice(&user, new_email.as_str()), now)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(user.id()),
            action: "account.email_changed",
            org: None,
            subject: Some(user.id()),
            detail: json!({}),
        },
    )?;
    users::by_id(conn, user.id())?.ok_or(DbError::NotFound)
}

/// Deletes what identifies the person: their email, name, password, profile,
/// memberships, sessions, tokens and links; their tool reviews (the tools'
/// counts move back); their name on the challenges they reported. The row itself stays, empty, so
/// that the audit log's references to it still resolve (to "deleted account")
/// and certificates stay verifiable by code: no code path deletes a `users`
/// row, and the database refuses to while certificates point at it
/// (migration 2026-12-07-000300).
pub fn delete_account(conn: &mut DbConn, user: UserId, now: Timestamp) -> Result<(), DbError> {
    memberships::remove_all_of(conn, user)?;
    sessions::delete_for_user(conn, user, None)?;
    api_tokens::delete_for_user(conn, user)?;
    email_tokens::delete_for_user(conn, user)?;
    crate::digests::delete_for_user(conn, user)?;
    crate::sso::unlink_user(conn, user)?;
    crate::registry::reviews::withdraw_all_of(conn, user)?;
    crate::radar::forget_reporter(conn, user)?;
    // A first step still waiting is nothing to keep.
    match crate::welcome::skip(conn, user) {
        Ok(()) | Err(DbError::NotFound) => {}
        Err(e) => return Err(e),
    }
    users::anonymise(conn, user, now)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(user),
            action: "account.deleted",
            org: None,
            subject: Some(user),
            detail: json!({}),
        },
    )
}

/// The account area of the personal data export (`personal_data`): the
/// account, profile, memberships, live tokens and what they did.
pub fn export(
    conn: &mut DbConn,
    user: &UserRow,
    now: Timestamp,
) -> Result<serde_json::Value, DbError> {
    let profile = users::profile(conn, user)?;
    let memberships = memberships::of_user(conn, user.id())?;
    let tokens = api_tokens::live_of(conn, user.id(), now)?;
    let activity: Vec<serde_json::Value> = audit::by_actor(conn, user.id())?
        .into_iter()
        .map(|(at, action, detail)| {
            json!({
                "at": Timestamp::from_micros(at).to_rfc3339(),
                "action": action,
                "detail": serde_json::from_str::<serde_json::Value>(&detail).unwrap_or_default(),
            })
        })
        .collect();
    let ts = |t: Option<i64>| t.map(|t| Timestamp::from_micros(t).to_rfc3339());
    Ok(json!({
        "account": {
            "id": user.id,
            "email": user.email,
            "email_verified_at": ts(user.email_verified_at),
            "created_at": ts(Some(user.created_at)),
        },
        "profile": profile,
        "memberships": memberships,
        "api_tokens": tokens.iter().map(|t| json!({
            "name": t.name,
            "scopes": t.scopes,
            "created_at": ts(Some(t.created_at)),
            "last_used_at": ts(t.last_used_at),
            "expires_at": ts(t.expires_at),
        })).collect::<Vec<_>>(),
        "activity": activity,
    }))
}
