//! Single sign-on: the OpenID providers organisations configure, the
//! identities they vouch for (`sub` per provider), and sign-ins under way.
//!
//! A sign-in under way lives here, not in a server's memory, so whichever app
//! server the browser comes back to can finish it, and only once.

use crate::audit::{self, Event};
use crate::orgs::{self, OrgRow};
use crate::schema::{
    org_email_domains, orgs as orgs_t, sso_identities, sso_logins, sso_provider_domains,
    sso_providers, users as users_t,
};
use crate::users::{self, NewUser, UserRow};
use crate::{DbConn, DbError, api_tokens, domains, email_tokens, memberships, sessions};
use diesel::prelude::*;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::policy::provider_may_sign_in;
use lyceum_domain::role::Role;
use lyceum_domain::secrets::{Keyring, PLAIN_PREFIX, SealError, Secret};
use lyceum_domain::sso::{ProviderDraft, SignInRefusal, email_is_trusted, secret_context};
use lyceum_domain::{OrgId, Timestamp, UserId};
use serde_json::json;

diesel::define_sql_function! {
    /// Lower case, the same on both backends for the ASCII names people search.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

#[derive(Clone, Queryable, Selectable)]
#[diesel(table_name = sso_providers)]
pub struct ProviderRow {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    /// Encrypted for the issuer ([`client_secret`] opens it); never shown
    /// to anyone, sent only to the provider's token endpoint.
    pub client_secret: String,
    pub created_at: i64,
    pub updated_at: i64,
}

// By hand, so the client secret never reaches a log through `{:?}`.
impl std::fmt::Debug for ProviderRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderRow")
            .field("id", &self.id)
            .field("org_id", &self.org_id)
            .field("name", &self.name)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &lyceum_domain::secrets::REDACTED)
            .finish_non_exhaustive()
    }
}

impl ProviderRow {
    pub fn org(&self) -> OrgId {
        OrgId(self.org_id)
    }
}

/// A provider with the email domains it speaks for, for the admin page.
#[derive(Debug, Clone)]
pub struct ProviderWithDomains {
    pub provider: ProviderRow,
    pub domains: Vec<String>,
}

/// A provider as people choosing how to sign in see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderChoice {
    pub id: i64,
    pub name: String,
    pub org_name: String,
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Option<ProviderRow>, DbError> {
    Ok(sso_providers::table
        .find(id)
        .select(ProviderRow::as_select())
        .first(conn)
        .optional()?)
}

/// The provider, if it belongs to `org`.
pub fn get_in_org(
    conn: &mut DbConn,
    org: OrgId,
    id: i64,
) -> Result<Option<ProviderWithDomains>, DbError> {
    let Some(provider) = get(conn, id)?.filter(|p| p.org_id == org.0) else {
        return Ok(None);
    };
    let domains = domains_of(conn, id)?;
    Ok(Some(ProviderWithDomains { provider, domains }))
}

pub fn domains_of(conn: &mut DbConn, provider: i64) -> Result<Vec<String>, DbError> {
    Ok(sso_provider_domains::table
        .filter(sso_provider_domains::provider_id.eq(provider))
        .order(sso_provider_domains::domain)
        .select(sso_provider_domains::domain)
        .load(conn)?)
}

/// The organisation's providers, by name.
pub fn of_org(conn: &mut DbConn, org: OrgId) -> Result<Vec<ProviderWithDomains>, DbError> {
    let providers: Vec<ProviderRow> = sso_providers::table
        .filter(sso_providers::org_id.eq(org.0))
        .order((sso_providers::name, sso_providers::id))
        .select(ProviderRow::as_select())
        .load(conn)?;
    providers
        .into_iter()
        .map(|provider| {
            let domains = domains_of(conn, provider.id)?;
            Ok(ProviderWithDomains { provider, domains })
        })
        .collect()
}

fn insert_domains(conn: &mut DbConn, provider: i64, domains: &[String]) -> Result<(), DbError> {
    // One row at a time: MultiConnection has no batch insert, and the lists are short.
    for d in domains {
        diesel::insert_into(sso_provider_domains::table)
            .values((
                sso_provider_domains::provider_id.eq(provider),
                sso_provider_domains::domain.eq(d),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Whether `domain` is held — claimed and proven — by `org` or an
/// organisation inside it. A provider speaks only for such domains.
fn domain_held_within(conn: &mut DbConn, org: &OrgRow, domain: &str) -> Result<bool, DbError> {
    let Some(holder) = domains::org_for(conn, domain)? else {
        return Ok(false);
    };
    Ok(org.org_path()?.contains(&holder.org_path()?))
}

fn check_domains_held(conn: &mut DbConn, org: OrgId, list: &[String]) -> Result<(), DbError> {
    let org = orgs::get(conn, org)?;
    for d in list {
        if !domain_held_within(conn, &org, d)? {
            return Err(DbError::invalid("domains", "sso-domain-not-held"));
        }
    }
    Ok(())
}

/// The provider's client secret, decrypted: only to send it to the
/// provider's token endpoint. It does not open if the issuer changed
/// since it was given (or the row was tampered with).
pub fn client_secret(keys: &Keyring, provider: &ProviderRow) -> Result<Secret, SealError> {
    keys.open(&provider.client_secret, &secret_context(&provider.issuer))
        .map(Secret::new)
}

fn seal(keys: &Keyring, secret: &Secret, issuer: &str) -> Result<String, DbError> {
    keys.seal(secret.expose(), &secret_context(issuer))
        .map_err(|e| DbError::task_from("sealing a client secret", e))
}

/// Adds a provider; the draft must carry a client secret, which is stored
/// encrypted for the issuer.
pub fn create(
    conn: &mut DbConn,
    org: OrgId,
    draft: &ProviderDraft,
    keys: &Keyring,
    now: Timestamp,
) -> Result<i64, DbError> {
    let secret = draft
        .client_secret
        .as_ref()
        .ok_or_else(|| DbError::invalid("client_secret", "required"))?;
    check_domains_held(conn, org, &draft.domains)?;
    let secret = seal(keys, secret, &draft.issuer)?;
    let id: i64 = diesel::insert_into(sso_providers::table)
        .values((
            sso_providers::org_id.eq(org.0),
            sso_providers::name.eq(&draft.name),
            sso_providers::issuer.eq(&draft.issuer),
            sso_providers::client_id.eq(&draft.client_id),
            sso_providers::client_secret.eq(&secret),
            sso_providers::created_at.eq(now.micros()),
            sso_providers::updated_at.eq(now.micros()),
        ))
        .returning(sso_providers::id)
        .get_result(conn)?;
    insert_domains(conn, id, &draft.domains)?;
    Ok(id)
}

/// What [`update`] changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Updated {
    pub secret_replaced: bool,
    /// The issuer changed, so the accounts linked by `sub` were unlinked:
    /// a subject means something only at the issuer that gave it.
    pub links_removed: usize,
}

/// Saves the provider's settings. A draft without a secret keeps the one
/// stored — unless the issuer changes: the secret was given for the old
/// one, and the next sign-in would send it to the new host, so a new
/// secret must come with a new issuer.
pub fn update(
    conn: &mut DbConn,
    org: OrgId,
    id: i64,
    draft: &ProviderDraft,
    keys: &Keyring,
    now: Timestamp,
) -> Result<Updated, DbError> {
    let old = get(conn, id)?
        .filter(|p| p.org_id == org.0)
        .ok_or(DbError::NotFound)?;
    if old.issuer != draft.issuer && draft.client_secret.is_none() {
        return Err(DbError::invalid("client_secret", "sso-secret-again"));
    }
    check_domains_held(conn, org, &draft.domains)?;
    diesel::update(sso_providers::table.find(id))
        .set((
            sso_providers::name.eq(&draft.name),
            sso_providers::issuer.eq(&draft.issuer),
            sso_providers::client_id.eq(&draft.client_id),
            sso_providers::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    if let Some(secret) = &draft.client_secret {
        diesel::update(sso_providers::table.find(id))
            .set(sso_providers::client_secret.eq(seal(keys, secret, &draft.issuer)?))
            .execute(conn)?;
    }
    diesel::delete(sso_provider_domains::table.filter(sso_provider_domains::provider_id.eq(id)))
        .execute(conn)?;
    insert_domains(conn, id, &draft.domains)?;
    let links_removed = if old.issuer == draft.issuer {
        0
    } else {
        diesel::delete(sso_identities::table.filter(sso_identities::provider_id.eq(id)))
            .execute(conn)?
    };
    Ok(Updated {
        secret_replaced: draft.client_secret.is_some(),
        links_removed,
    })
}

/// What [`seal_stored`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Resealed {
    /// Secrets stored in plain text (before secrets were encrypted), now sealed.
    pub sealed: usize,
    /// Secrets sealed with an older key, now sealed with the current one.
    pub rotated: usize,
}

/// Encrypts the client secrets still in plain text with the current key
/// and, with `rotate`, re-encrypts those sealed with an older key (once
/// every server has the new key: until then, one with only the old key
/// could not read them). Each row is updated only if it still holds what
/// was read, so servers starting together do not undo each other. A
/// secret that opens with no configured key is left as it is, and reported
/// by the error of its provider's next sign-in.
pub fn seal_stored(conn: &mut DbConn, keys: &Keyring, rotate: bool) -> Result<Resealed, DbError> {
    let rows: Vec<(i64, String, String)> = sso_providers::table
        .select((
            sso_providers::id,
            sso_providers::issuer,
            sso_providers::client_secret,
        ))
        .order(sso_providers::id)
        .load(conn)?;
    let mut done = Resealed::default();
    for (id, issuer, stored) in rows {
        let plain = match stored.strip_prefix(PLAIN_PREFIX) {
            Some(plain) => Secret::new(plain),
            None if rotate && !keys.is_current(&stored) => {
                match keys.open(&stored, &secret_context(&issuer)) {
                    Ok(plain) => Secret::new(plain),
                    Err(e) => {
                        tracing::warn!(provider = id, error = %e, "a client secret does not open");
                        continue;
                    }
                }
            }
            None => continue,
        };
        let n = diesel::update(
            sso_providers::table
                .find(id)
                .filter(sso_providers::client_secret.eq(&stored)),
        )
        .set(sso_providers::client_secret.eq(seal(keys, &plain, &issuer)?))
        .execute(conn)?;
        if stored.starts_with(PLAIN_PREFIX) {
            done.sealed += n;
        } else {
            done.rotated += n;
        }
    }
    Ok(done)
}

/// Removes the provider with its links and sign-ins under way.
pub fn remove(conn: &mut DbConn, org: OrgId, id: i64) -> Result<bool, DbError> {
    if get(conn, id)?.filter(|p| p.org_id == org.0).is_none() {
        return Ok(false);
    }
    // Children first: the cascade is declared, but SQLite's needs foreign_keys on.
    diesel::delete(sso_logins::table.filter(sso_logins::provider_id.eq(id))).execute(conn)?;
    diesel::delete(sso_identities::table.filter(sso_identities::provider_id.eq(id)))
        .execute(conn)?;
    diesel::delete(sso_provider_domains::table.filter(sso_provider_domains::provider_id.eq(id)))
        .execute(conn)?;
    let n = diesel::delete(sso_providers::table.find(id)).execute(conn)?;
    Ok(n > 0)
}

/// At most this many providers are offered for one search.
pub const CHOICES_LIMIT: i64 = 20;

/// Providers for an email address's domain: those that list the domain, and
/// those of the organisation that registers people by it.
pub fn for_email_domain(conn: &mut DbConn, domain: &str) -> Result<Vec<ProviderChoice>, DbError> {
    let listed: Vec<i64> = sso_provider_domains::table
        .filter(sso_provider_domains::domain.eq(domain))
        .select(sso_provider_domains::provider_id)
        .load(conn)?;
    let org: Option<i64> = org_email_domains::table
        .filter(org_email_domains::domain.eq(domain))
        .filter(org_email_domains::verified_at.is_not_null())
        .select(org_email_domains::org_id)
        .first(conn)
        .optional()?;
    let rows: Vec<(i64, String, String)> = sso_providers::table
        .inner_join(orgs_t::table)
        .filter(
            sso_providers::id
                .eq_any(listed)
                .or(sso_providers::org_id.nullable().eq(org)),
        )
        .order((sso_providers::name, sso_providers::id))
        .limit(CHOICES_LIMIT)
        .select((sso_providers::id, sso_providers::name, orgs_t::name))
        .load(conn)?;
    Ok(choices(rows))
}

/// Providers whose name, or whose organisation's name, contains `words`.
pub fn search(conn: &mut DbConn, words: &str) -> Result<Vec<ProviderChoice>, DbError> {
    let escaped: String = words
        .trim()
        .to_lowercase()
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    let pattern = format!("%{escaped}%");
    let rows: Vec<(i64, String, String)> = sso_providers::table
        .inner_join(orgs_t::table)
        .filter(
            lower(sso_providers::name)
                .like(&pattern)
                .escape('\\')
                .or(lower(orgs_t::name).like(&pattern).escape('\\')),
        )
        .order((sso_providers::name, sso_providers::id))
        .limit(CHOICES_LIMIT)
        .select((sso_providers::id, sso_providers::name, orgs_t::name))
        .load(conn)?;
    Ok(choices(rows))
}

fn choices(rows: Vec<(i64, String, String)>) -> Vec<ProviderChoice> {
    rows.into_iter()
        .map(|(id, name, org_name)| ProviderChoice { id, name, org_name })
        .collect()
}

// ---- Sign-ins under way ----

/// A sign-in sent to a provider, as stored until the browser comes back.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sso_logins)]
pub struct PendingLogin {
    pub state_hash: String,
    pub provider_id: i64,
    pub nonce_hash: String,
    pub pkce_verifier: String,
    pub return_to: String,
    pub created_at: i64,
    pub expires_at: i64,
}

pub struct NewLogin<'a> {
    pub state_hash: &'a str,
    pub provider_id: i64,
    pub nonce_hash: &'a str,
    pub pkce_verifier: &'a str,
    pub return_to: &'a str,
    pub expires_at: Timestamp,
}

/// Records a sign-in under way, and forgets those that expired unused.
pub fn begin(conn: &mut DbConn, new: &NewLogin<'_>, now: Timestamp) -> Result<(), DbError> {
    diesel::delete(sso_logins::table.filter(sso_logins::expires_at.le(now.micros())))
        .execute(conn)?;
    diesel::insert_into(sso_logins::table)
        .values((
            sso_logins::state_hash.eq(new.state_hash),
            sso_logins::provider_id.eq(new.provider_id),
            sso_logins::nonce_hash.eq(new.nonce_hash),
            sso_logins::pkce_verifier.eq(new.pkce_verifier),
            sso_logins::return_to.eq(new.return_to),
            sso_logins::created_at.eq(now.micros()),
            sso_logins::expires_at.eq(new.expires_at.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Takes the sign-in with this state out of the store: it can be taken once.
/// None if there is none, it was taken already, or it has expired.
pub fn take(
    conn: &mut DbConn,
    state_hash: &str,
    now: Timestamp,
) -> Result<Option<PendingLogin>, DbError> {
    let Some(row) = sso_logins::table
        .find(state_hash)
        .select(PendingLogin::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    // Whoever deletes the row owns it: of two servers racing, one gets 0.
    let deleted = diesel::delete(sso_logins::table.find(state_hash)).execute(conn)?;
    Ok((deleted == 1 && row.expires_at > now.micros()).then_some(row))
}

// ---- Identities and accounts ----

/// What a provider vouched for, its ID token already checked.
#[derive(Debug, Clone)]
pub struct Assertion<'a> {
    pub provider: &'a ProviderRow,
    pub subject: &'a str,
    pub email: Option<&'a EmailAddress>,
    /// The `email_verified` claim, if the token had one.
    pub email_verified: Option<bool>,
    pub display_name: &'a str,
    /// For a new account.
    pub lang: Lang,
}

/// How the person was signed in.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: UserRow,
    pub created: bool,
    pub linked: bool,
    pub joined: bool,
}

/// Finds, links or creates the account a provider vouched for.
///
/// 1. A subject already linked at this provider signs in that account, if
///    the provider may still speak for it (below).
/// 2. Otherwise the address must be in one of the provider's domains that
///    its organisation (or one inside it) holds and has proven — a provider
///    speaks for its own people only — and the provider must have said it
///    verified the address (see [`lyceum_domain::sso::email_is_trusted`]).
///    An account with that address is linked to the subject only if
///    [`provider_may_sign_in`]: an educator of the provider's organisation
///    and of nothing else. Whoever runs a provider must not be able to sign
///    in as someone who answers to anyone else, or who holds any power.
///    Such people sign in with their password. With no account, a new one
///    (verified, with no password) is made.
///
/// A newly linked or created account becomes an educator at the provider's
/// organisation if it held no role there or below; later sign-ins leave
/// roles alone (an admin who removed one is not overruled). Deleted or
/// deactivated accounts are refused. A refusal writes nothing.
pub fn sign_in(
    conn: &mut DbConn,
    a: &Assertion<'_>,
    now: Timestamp,
) -> Result<Result<SignedIn, SignInRefusal>, DbError> {
    let provider = a.provider;
    let org = orgs::get(conn, provider.org())?;
    let linked: Option<UserRow> = sso_identities::table
        .inner_join(users_t::table)
        .filter(sso_identities::provider_id.eq(provider.id))
        .filter(sso_identities::subject.eq(a.subject))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?;
    if let Some(user) = linked {
        if user.is_deleted() || user.is_deactivated() {
            return Ok(Err(SignInRefusal::AccountClosed));
        }
        // A link made once is no standing permission: the account may have
        // gained power, or roles elsewhere, since.
        if !answers_only_to(conn, &user, &org)? {
            return Ok(Err(SignInRefusal::LinkNeedsPassword));
        }
        diesel::update(sso_identities::table.find((provider.id, a.subject.to_string())))
            .set(sso_identities::last_used_at.eq(now.micros()))
            .execute(conn)?;
        return Ok(Ok(SignedIn {
            user,
            created: false,
            linked: false,
            joined: false,
        }));
    }

    let Some(email) = a.email else {
        return Ok(Err(SignInRefusal::NoEmail));
    };
    let listed = domains_of(conn, provider.id)?
        .iter()
        .any(|d| d == email.domain());
    if !listed || !domain_held_within(conn, &org, email.domain())? {
        return Ok(Err(SignInRefusal::DomainNotAllowed));
    }
    if !email_is_trusted(a.email_verified) {
        return Ok(Err(SignInRefusal::EmailUnverified));
    }
    let (user, created) = match users::by_email(conn, email)? {
        Some(user) if user.is_deleted() || user.is_deactivated() => {
            return Ok(Err(SignInRefusal::AccountClosed));
        }
        Some(user) if user.is_verified() => {
            if !answers_only_to(conn, &user, &org)? {
                return Ok(Err(SignInRefusal::LinkNeedsPassword));
            }
            (user, false)
        }
        Some(user) => {
            // Whoever registered this address never proved it; the provider
            // just did. What they set up must not follow the real owner in:
            // no password, no sessions, no tokens, no roles.
            let id = user.id();
            memberships::remove_all_of(conn, id)?;
            sessions::delete_for_user(conn, id, None)?;
            api_tokens::delete_for_user(conn, id)?;
            email_tokens::delete_for_user(conn, id)?;
            diesel::update(users_t::table.find(user.id))
                .set((
                    users_t::password_hash.eq(None::<String>),
                    users_t::email_verified_at.eq(now.micros()),
                    users_t::updated_at.eq(now.micros()),
                ))
                .execute(conn)?;
            (user, false)
        }
        None => {
            let id = users::insert(
                conn,
                &NewUser {
                    email,
                    display_name: a.display_name,
                    password_hash: None,
                    lang: a.lang,
                    verified: true,
                },
                now,
            )?;
            let user = users::by_id(conn, id)?.ok_or(DbError::NotFound)?;
            (user, true)
        }
    };
    diesel::insert_into(sso_identities::table)
        .values((
            sso_identities::provider_id.eq(provider.id),
            sso_identities::subject.eq(a.subject),
            sso_identities::user_id.eq(user.id),
            sso_identities::created_at.eq(now.micros()),
            sso_identities::last_used_at.eq(now.micros()),
        ))
        .execute(conn)?;
    let joined = join(conn, &user, &org, now)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(user.id()),
            action: if created {
                "account.registered"
            } else {
                "sso.linked"
            },
            org: Some(org.id()),
            subject: Some(user.id()),
            detail: json!({ "via": "sso", "provider": provider.id, "joined": joined }),
        },
    )?;
    let user = users::by_id(conn, user.id())?.ok_or(DbError::NotFound)?;
    Ok(Ok(SignedIn {
        user,
        created,
        linked: !created,
        joined,
    }))
}

/// Whether the provider of `org` may sign this account in: see
/// [`lyceum_domain::policy::provider_may_sign_in`].
fn answers_only_to(conn: &mut DbConn, user: &UserRow, org: &OrgRow) -> Result<bool, DbError> {
    Ok(provider_may_sign_in(
        &org.org_path()?,
        &memberships::grants_of(conn, user.id())?,
    ))
}

/// Gives the person the educator role at `org` unless they already hold a
/// role there or below it. True if it did.
fn join(conn: &mut DbConn, user: &UserRow, org: &OrgRow, now: Timestamp) -> Result<bool, DbError> {
    let scope = org.org_path()?;
    let inside = memberships::grants_of(conn, user.id())?
        .iter()
        .any(|g| scope.contains(&g.scope));
    if inside {
        return Ok(false);
    }
    memberships::add(conn, user.id(), org, Role::Educator, now)
}

/// Forgets every link of an account (when it is deleted).
pub fn unlink_user(conn: &mut DbConn, user: UserId) -> Result<usize, DbError> {
    Ok(
        diesel::delete(sso_identities::table.filter(sso_identities::user_id.eq(user.0)))
            .execute(conn)?,
    )
}
