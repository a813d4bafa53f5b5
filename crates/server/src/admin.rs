//! `lyceum admin …`: what an operator does from the command line before the
//! first programme admin can sign in.

use anyhow::{Context, anyhow, bail};
use lyceum_db::audit::{self, Event};
use lyceum_db::email_tokens::{self, Purpose};
use lyceum_db::users::{self, NewUser};
use lyceum_db::{Db, memberships, orgs};
use lyceum_domain::Clock;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::profile::validate_name;
use lyceum_domain::role::Role;
use lyceum_domain::token::new_token;
use serde_json::json;
use std::time::Duration;

/// How long the printed set-password link works.
const SETUP_LINK_TTL: Duration = Duration::from_secs(7 * 24 * 3600);

pub async fn create_programme(db: &Db, clock: &Clock, name: &str) -> anyhow::Result<orgs::OrgRow> {
    let name = validate_name(name).map_err(|_| anyhow!("--name must be 1 to 100 characters"))?;
    let now = clock.now();
    db.write(move |c| {
        let root = orgs::create_root(c, &name, now)?;
        audit::record(
            c,
            now,
            Event {
                actor: None,
                action: "admin.programme_created",
                org: Some(root.id()),
                subject: None,
                detail: json!({ "name": root.name, "via": "cli" }),
            },
        )?;
        Ok(root)
    })
    .await
    .map_err(|e| match e {
        lyceum_db::DbError::Invalid(_) => anyhow!("a programme already exists; there is only one"),
        e => e.into(),
    })
}

pub struct CreatedUser {
    pub email: String,
    pub org_name: String,
    pub role: Role,
    /// Where the person chooses their password.
    pub setup_link: String,
}

/// Creates (or finds) the account, gives it the role at the organisation and
/// returns a one-time link to choose a password. Nothing is emailed: the
/// operator hands the link over.
pub async fn create_user(
    db: &Db,
    clock: &Clock,
    public_url: &str,
    email: &str,
    name: &str,
    role: &str,
    org: &str,
) -> anyhow::Result<CreatedUser> {
    let email = EmailAddress::parse(email).map_err(|code| anyhow!("--email: {code}"))?;
    let name = validate_name(name).map_err(|_| anyhow!("--name must be 1 to 100 characters"))?;
    let role = Role::parse(&role.replace('-', "_")).ok_or_else(|| {
        let all: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
        anyhow!("--role must be one of: {}", all.join(", "))
    })?;
    let org_query = org.to_string();
    let address = email.as_str().to_string();
    let (token, token_hash) = new_token().context("random token")?;
    let now = clock.now();
    let created = db
        .write(move |c| {
            let found = orgs::find(c, &org_query)?;
            let org = match found.as_slice() {
                [one] => one.clone(),
                [] => {
                    return Err(lyceum_db::DbError::Config(format!(
                        "no organisation has the id or name {org_query:?}"
                    )));
                }
                many => {
                    return Err(lyceum_db::DbError::Config(format!(
                        "{} organisations are named {org_query:?}; give the id instead",
                        many.len()
                    )));
                }
            };
            let user = match users::by_email(c, &email)? {
                Some(u) => u.id(),
                None => users::insert(
                    c,
                    &NewUser {
                        email: &email,
                        display_name: &name,
                        password_hash: None,
                        lang: Lang::En,
                        verified: true,
                    },
                    now,
                )?,
            };
            memberships::add(c, user, &org, role, now)?;
            email_tokens::issue(
                c,
                user,
                Purpose::ResetPassword,
                None,
                &token_hash,
                now,
                now.plus(SETUP_LINK_TTL),
            )?;
            audit::record(
                c,
                now,
                Event {
                    actor: None,
                    action: "admin.user_created",
                    org: Some(org.id()),
                    subject: Some(user),
                    detail: json!({ "role": role, "via": "cli" }),
                },
            )?;
            Ok(org.name)
        })
        .await
        .map_err(|e| match e {
            lyceum_db::DbError::Invalid(i) => anyhow!("{i}"),
            lyceum_db::DbError::Config(m) => anyhow!("{m}"),
            e => e.into(),
        })?;
    if created.is_empty() {
        bail!("the organisation has no name");
    }
    Ok(CreatedUser {
        email: address,
        org_name: created,
        role,
        setup_link: format!(
            "{}/reset-password?token={token}",
            public_url.trim_end_matches('/')
        ),
    })
}
