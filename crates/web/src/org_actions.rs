//! What an organisation's admin can do, shared by the pages and the JSON API
//! so both validate and record it the same way. Each returns
//! `AppError::Invalid` for input the caller should show back.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::gate::ScopedOrg;
use crate::state::AppState;
use lyceum_db::audit::{self, Event};
use lyceum_db::invitations::{self, NewInvitation};
use lyceum_db::orgs::{self, OrgRow};
use lyceum_db::{DbConn, DbError, jobs, memberships, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::org::OrgInput;
use lyceum_domain::policy::{Action, invitation_may_carry, join_code_may_carry};
use lyceum_domain::role::Role;
use lyceum_domain::token::new_token;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{OrgId, Timestamp, UserId};
use serde_json::json;
use std::time::Duration;

const INVITATION_TTL: Duration = Duration::from_secs(14 * 24 * 3600);

pub fn record(
    c: &mut DbConn,
    now: Timestamp,
    actor: UserId,
    action: &str,
    org: OrgId,
    subject: Option<UserId>,
    detail: serde_json::Value,
) -> Result<(), DbError> {
    audit::record(
        c,
        now,
        Event {
            actor: Some(actor),
            action,
            org: Some(org),
            subject,
            detail,
        },
    )
}

/// Runs `undo` (true if it changed something) and records `action` when it
/// did; nothing to undo is [`AppError::NotFound`]. For revoking codes and
/// invitations and removing domains.
pub async fn withdraw(
    state: &AppState,
    user: &CurrentUser,
    scope: &ScopedOrg,
    action: &'static str,
    detail: serde_json::Value,
    undo: impl FnOnce(&mut DbConn, Timestamp) -> Result<bool, DbError> + Send + 'static,
) -> Result<(), AppError> {
    let now = state.clock.now();
    let (id, actor) = (scope.id, user.user.id());
    let done = state
        .db
        .write(move |c| {
            let done = undo(c, now)?;
            if done {
                record(c, now, actor, action, id, None, detail)?;
            }
            Ok(done)
        })
        .await?;
    if done {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// How a role is handed out: each way carries less than the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Through {
    /// Given to an existing account, by name.
    Grant,
    /// An emailed link: never admin rights (`policy::invitation_may_carry`).
    Invitation,
    /// A code anyone holding it may use: educator or facilitator only
    /// (`policy::join_code_may_carry`).
    JoinCode,
}

/// The roles this person may hand out at this organisation, this way.
pub fn grantable(
    user: &CurrentUser,
    scope: &ScopedOrg,
    org: &OrgRow,
    through: Through,
) -> Vec<Role> {
    Role::ALL
        .iter()
        .copied()
        .filter(|r| user.actor.can(Action::GrantRole(*r), &scope.path))
        .filter(|r| !r.programme_wide() || org.parent_id.is_none())
        .filter(|r| match through {
            Through::Grant => true,
            Through::Invitation => invitation_may_carry(*r),
            Through::JoinCode => join_code_may_carry(*r),
        })
        .collect()
}

/// The role chosen in `input`, if this person may hand it out here, this way.
pub fn chosen_role(
    user: &CurrentUser,
    scope: &ScopedOrg,
    org: &OrgRow,
    input: &str,
    through: Through,
    invalid: &mut Invalid,
) -> Option<Role> {
    match Role::parse(input.trim()) {
        Some(r) if grantable(user, scope, org, through).contains(&r) => Some(r),
        Some(_) => {
            invalid.add("role", "role-not-allowed");
            None
        }
        None => {
            invalid.add("role", "choose-one");
            None
        }
    }
}

pub async fn load(state: &AppState, id: OrgId) -> Result<OrgRow, AppError> {
    Ok(state.db.read(move |c| orgs::get(c, id)).await?)
}

pub async fn update(
    state: &AppState,
    user: &CurrentUser,
    scope: &ScopedOrg,
    input: &OrgInput,
) -> Result<OrgRow, AppError> {
    let org = load(state, scope.id).await?;
    let draft = input.validate_update(org.kind).map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let (id, actor) = (scope.id, user.user.id());
    let zone_before = org.time_zone.clone();
    Ok(state
        .db
        .write(move |c| {
            orgs::update(c, id, &draft, now)?;
            record(
                c,
                now,
                actor,
                "org.updated",
                id,
                None,
                json!({ "name": draft.name }),
            )?;
            // A zone change moves every date below it: its own entry, with
            // what it was.
            let zone_after = draft.time_zone.as_ref().map(|z| z.name().to_string());
            if zone_after != zone_before {
                record(
                    c,
                    now,
                    actor,
                    "org.time_zone_changed",
                    id,
                    None,
                    json!({ "from": zone_before, "to": zone_after }),
                )?;
            }
            orgs::get(c, id)
        })
        .await?)
}

pub async fn create_child(
    state: &AppState,
    user: &CurrentUser,
    scope: &ScopedOrg,
    input: &OrgInput,
) -> Result<OrgRow, AppError> {
    let parent = load(state, scope.id).await?;
    let draft = input
        .validate_child_of(parent.kind)
        .map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let actor = user.user.id();
    Ok(state
        .db
        .write(move |c| {
            let child = orgs::create_child(c, &parent, &draft, now)?;
            record(
                c,
                now,
                actor,
                "org.created",
                child.id(),
                None,
                json!({ "name": child.name, "kind": child.kind, "parent": parent.id }),
            )?;
            Ok(child)
        })
        .await?)
}

/// Gives an existing account a role here.
pub async fn grant_role(
    state: &AppState,
    user: &CurrentUser,
    scope: &ScopedOrg,
    email: &str,
    role: &str,
) -> Result<(), AppError> {
    let org = load(state, scope.id).await?;
    let mut invalid = Invalid::new();
    let email = invalid.check("email", EmailAddress::parse(email));
    let role = chosen_role(user, scope, &org, role, Through::Grant, &mut invalid);
    let (Some(email), Some(role), true) = (email, role, invalid.is_empty()) else {
        return Err(AppError::Invalid(invalid));
    };
    let now = state.clock.now();
    let (id, actor) = (scope.id, user.user.id());
    Ok(state
        .db
        .write(move |c| {
            let person = users::by_email(c, &email)?
                .filter(|u| !u.is_deleted())
                .ok_or_else(|| DbError::invalid("email", "no-such-person"))?;
            if !memberships::add(c, person.id(), &org, role, now)? {
                return Err(DbError::invalid("email", "already-member"));
            }
            record(
                c,
                now,
                actor,
                "org.role_granted",
                id,
                Some(person.id()),
                json!({ "role": role }),
            )
        })
        .await?)
}

/// Takes a role held here away, if this person may grant that role.
pub async fn remove_role(
    state: &AppState,
    user: &CurrentUser,
    scope: &ScopedOrg,
    membership_id: i64,
) -> Result<(), AppError> {
    let membership = state
        .db
        .read(move |c| memberships::by_id(c, membership_id))
        .await?
        .filter(|m| m.org_id == scope.id)
        .ok_or(AppError::NotFound)?;
    if !user
        .actor
        .can(Action::GrantRole(membership.role), &scope.path)
    {
        return Err(AppError::Forbidden);
    }
    let now = state.clock.now();
    let (id, actor) = (scope.id, user.user.id());
    Ok(state
        .db
        .write(move |c| {
            memberships::remove(c, membership.id)?;
            record(
                c,
                now,
                actor,
                "org.role_removed",
                id,
                Some(membership.user_id),
                json!({ "role": membership.role }),
            )
        })
        .await?)
}

/// Invites an email address here with a role and queues the email.
pub async fn invite(
    state: &AppState,
    user: &CurrentUser,
    scope: &ScopedOrg,
    email: &str,
    role: &str,
    fallback_lang: Lang,
) -> Result<i64, AppError> {
    let org = load(state, scope.id).await?;
    let mut invalid = Invalid::new();
    let email = invalid.check("email", EmailAddress::parse(email));
    let role = chosen_role(user, scope, &org, role, Through::Invitation, &mut invalid);
    let (Some(email), Some(role), true) = (email, role, invalid.is_empty()) else {
        return Err(AppError::Invalid(invalid));
    };
    let ids = invite_all(state, user, scope, org, vec![(email, role)], fallback_lang).await?;
    Ok(ids.first().copied().unwrap_or_default())
}

/// Invites everyone on an uploaded list, all or none: a row without a role
/// gets `default_role`; a role this person may not give refuses the list.
pub async fn invite_list(
    state: &AppState,
    user: &CurrentUser,
    scope: &ScopedOrg,
    list: &[u8],
    default_role: &str,
    fallback_lang: Lang,
) -> Result<usize, AppError> {
    let org = load(state, scope.id).await?;
    let mut invalid = Invalid::new();
    let default_role = chosen_role(
        user,
        scope,
        &org,
        default_role,
        Through::Invitation,
        &mut invalid,
    );
    let (rows, problems) = lyceum_domain::invitation_list::parse(list);
    invalid.0.extend(problems.0);
    let allowed = grantable(user, scope, &org, Through::Invitation);
    let mut people = Vec::with_capacity(rows.len());
    for row in rows {
        match row.role.or(default_role) {
            Some(role) if allowed.contains(&role) => people.push((row.email, role)),
            Some(_) => invalid.push(
                lyceum_domain::validation::FieldError::new("file", "csv-role-not-allowed")
                    .with_arg("line", row.line),
            ),
            None => {}
        }
    }
    if !invalid.is_empty() {
        return Err(AppError::Invalid(invalid));
    }
    Ok(invite_all(state, user, scope, org, people, fallback_lang)
        .await?
        .len())
}

/// Creates the invitations and queues their emails in one transaction.
async fn invite_all(
    state: &AppState,
    user: &CurrentUser,
    scope: &ScopedOrg,
    org: OrgRow,
    people: Vec<(EmailAddress, Role)>,
    fallback_lang: Lang,
) -> Result<Vec<i64>, AppError> {
    let mut tokens = Vec::with_capacity(people.len());
    for _ in &people {
        tokens.push(new_token().map_err(AppError::internal)?);
    }
    let now = state.clock.now();
    let links: Vec<String> = tokens
        .iter()
        .map(|(t, _)| state.config.link(&format!("/invitations/{t}")))
        .collect();
    let inviter = user.user.display_name.clone();
    let (id, actor) = (scope.id, user.user.id());
    let ids = state
        .db
        .write(move |c| {
            let mut ids = Vec::with_capacity(people.len());
            for (((email, role), (_, token_hash)), link) in people.iter().zip(&tokens).zip(links) {
                // Write in the language the person chose, if they have an account.
                let lang = users::by_email(c, email)?.map_or(fallback_lang, |u| u.lang());
                let invitation = invitations::create(
                    c,
                    &NewInvitation {
                        org: id,
                        email,
                        role: *role,
                        token_hash,
                        invited_by: actor,
                        expires_at: now.plus(INVITATION_TTL),
                    },
                    now,
                )?;
                jobs::enqueue(
                    c,
                    &Job::SendEmail(Email {
                        to: email.as_str().to_string(),
                        lang,
                        message: EmailMessage::Invitation {
                            org_name: org.name.clone(),
                            inviter: inviter.clone(),
                            role: *role,
                            link,
                        },
                    }),
                    now,
                )?;
                record(
                    c,
                    now,
                    actor,
                    "org.invitation_sent",
                    id,
                    None,
                    json!({ "invitation": invitation, "role": role }),
                )?;
                ids.push(invitation);
            }
            Ok(ids)
        })
        .await?;
    state.wake_worker();
    Ok(ids)
}

/// Sends invitation `id` of this organisation again: a new link (the old
/// one stops working) and the email again, audited. At most once every
/// ten minutes (`invitations::RESEND_GAP`): sooner is an `Invalid` on
/// field `invitation` and changes nothing. 404 when it is not this
/// organisation's or no longer waits for an answer.
pub async fn resend_invitation(
    state: &AppState,
    user: &CurrentUser,
    scope: &ScopedOrg,
    id: i64,
    fallback_lang: Lang,
) -> Result<invitations::InvitationRow, AppError> {
    let org = load(state, scope.id).await?;
    let (token, token_hash) = new_token().map_err(AppError::internal)?;
    let link = state.config.link(&format!("/invitations/{token}"));
    let now = state.clock.now();
    let inviter = user.user.display_name.clone();
    let (org_id, actor) = (scope.id, user.user.id());
    let resent = state
        .db
        .write(move |c| {
            let row = match invitations::resend(c, org_id, id, &token_hash, now)? {
                invitations::Resent::Sent(row) => *row,
                other => return Ok(Err(other)),
            };
            let lang = match EmailAddress::parse(&row.email) {
                Ok(email) => users::by_email(c, &email)?.map_or(fallback_lang, |u| u.lang()),
                Err(_) => fallback_lang,
            };
            jobs::enqueue(
                c,
                &Job::SendEmail(Email {
                    to: row.email.clone(),
                    lang,
                    message: EmailMessage::Invitation {
                        org_name: org.name.clone(),
                        inviter,
                        role: row.role,
                        link,
                    },
                }),
                now,
            )?;
            record(
                c,
                now,
                actor,
                "org.invitation_resent",
                org_id,
                None,
                json!({ "invitation": row.id, "role": row.role }),
            )?;
            Ok(Ok(row))
        })
        .await?;
    match resent {
        Ok(row) => {
            state.wake_worker();
            Ok(row)
        }
        Err(invitations::Resent::TooSoon) => Err(AppError::Invalid(Invalid::one(
            "invitation",
            "invitation-resent-recently",
        ))),
        Err(_) => Err(AppError::NotFound),
    }
}
