//! The existing accounts a roster meets: who already has an address the
//! package names, whether this import may take them in (only accounts the
//! importing organisation fully governs: `policy::roster_may_link`), and the
//! record of what it did to them — an audit entry naming the source for
//! every link, difference, withdrawal and deactivation, and an email telling
//! the owner the first time their account is linked.

use crate::schema::{memberships, orgs, roster_links, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::i18n::Lang;
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{Grant, roster_may_link};
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, Timestamp, UserId};
use std::collections::{HashMap, HashSet};

/// Values bound per query: well under SQLite's limit, and a few round trips
/// even for a programme-wide roster.
const CHUNK: usize = 500;

/// An existing account, as the importer needs it.
#[derive(Debug, Clone)]
pub(super) struct Account {
    pub id: UserId,
    pub email: Option<String>,
    pub name: String,
    pub lang: Lang,
    /// The roster source that created it, if one did.
    pub source: Option<i64>,
}

type AccountColumns = (i64, Option<String>, String, String, Option<i64>);

fn account((id, email, name, lang, source): AccountColumns) -> Account {
    Account {
        id: UserId(id),
        email,
        name,
        lang: Lang::parse(&lang).unwrap_or(Lang::En),
        source,
    }
}

/// The columns an [`Account`] is read from.
const COLUMNS: (
    users::id,
    users::email,
    users::display_name,
    users::preferred_language,
    users::source_id,
) = (
    users::id,
    users::email,
    users::display_name,
    users::preferred_language,
    users::source_id,
);

/// The live accounts with these addresses, by address. Only the addresses a
/// package names are looked up, never every account.
pub(super) fn by_emails(
    conn: &mut DbConn,
    emails: &[&str],
) -> Result<HashMap<String, Account>, DbError> {
    let mut found = HashMap::new();
    for chunk in emails.chunks(CHUNK) {
        let rows: Vec<AccountColumns> = users::table
            .filter(users::email.eq_any(chunk))
            .filter(users::deleted_at.is_null())
            .select(COLUMNS)
            .load(conn)?;
        for row in rows {
            let a = account(row);
            if let Some(email) = a.email.clone() {
                found.insert(email, a);
            }
        }
    }
    Ok(found)
}

/// These accounts, by id (deleted ones left out).
pub(super) fn by_ids(conn: &mut DbConn, ids: &[i64]) -> Result<HashMap<i64, Account>, DbError> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<AccountColumns> = users::table
            .filter(users::id.eq_any(chunk))
            .filter(users::deleted_at.is_null())
            .select(COLUMNS)
            .load(conn)?;
        found.extend(rows.into_iter().map(|r| (r.0, account(r))));
    }
    Ok(found)
}

/// The accounts among `found` that an import for `scope` by `source` may
/// link. A role or place the database holds but cannot read counts against.
pub(super) fn linkable(
    conn: &mut DbConn,
    found: &[&Account],
    scope: &OrgPath,
    source: Option<i64>,
) -> Result<HashSet<UserId>, DbError> {
    let ids: Vec<i64> = found.iter().map(|a| a.id.0).collect();
    let mut grants: HashMap<i64, Option<Vec<Grant>>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(i64, String, String)> = memberships::table
            .inner_join(orgs::table)
            .filter(memberships::user_id.eq_any(chunk))
            .select((memberships::user_id, memberships::role, orgs::path))
            .load(conn)?;
        for (user, role, path) in rows {
            let grant = Role::parse(&role)
                .zip(OrgPath::parse(&path))
                .map(|(role, scope)| Grant { role, scope });
            let held = grants.entry(user).or_insert_with(|| Some(Vec::new()));
            match (held.as_mut(), grant) {
                (Some(list), Some(g)) => list.push(g),
                _ => *held = None,
            }
        }
    }
    Ok(found
        .iter()
        .filter(|a| {
            let created_here = source.is_some() && a.source == source;
            match grants.get(&a.id.0) {
                None => roster_may_link(&[], scope, created_here),
                Some(Some(held)) => roster_may_link(held, scope, created_here),
                Some(None) => false,
            }
        })
        .map(|a| a.id)
        .collect())
}

/// The accounts among `ids` that a person link of `source` already points at.
pub(super) fn linked_by(
    conn: &mut DbConn,
    source: Option<i64>,
    ids: &[i64],
) -> Result<HashSet<i64>, DbError> {
    let Some(source) = source else {
        return Ok(HashSet::new());
    };
    let mut linked = HashSet::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<i64> = roster_links::table
            .filter(roster_links::source_id.eq(source))
            .filter(roster_links::kind.eq(super::KIND_USER))
            .filter(roster_links::local_id.eq_any(chunk))
            .select(roster_links::local_id)
            .load(conn)?;
        linked.extend(rows);
    }
    Ok(linked)
}

/// The audit log's names for what a roster does to an account.
pub mod action {
    pub const LINKED: &str = "roster.account_linked";
    pub const NAME_REFRESHED: &str = "roster.name_refreshed";
    pub const IDENTITY_DIFFERENCE: &str = "roster.identity_difference";
    pub const MEMBERSHIP_WITHDRAWN: &str = "roster.membership_withdrawn";
    pub const DEACTIVATED: &str = "roster.account_deactivated";
    pub const REACTIVATED: &str = "roster.account_reactivated";
}

/// Writes what an import does to accounts into the audit log, each entry
/// naming the source and the record's sourcedId.
pub(super) struct Recorder<'a> {
    pub source: &'a str,
    pub actor: Option<UserId>,
    pub org: OrgId,
    pub now: Timestamp,
}

impl Recorder<'_> {
    pub fn record(
        &self,
        conn: &mut DbConn,
        action: &str,
        subject: UserId,
        sourced_id: &str,
        more: Option<(&'static str, serde_json::Value)>,
    ) -> Result<(), DbError> {
        let mut detail = serde_json::json!({ "source": self.source, "sourced_id": sourced_id });
        if let (Some((key, value)), Some(map)) = (more, detail.as_object_mut()) {
            map.insert(key.to_string(), value);
        }
        crate::audit::record(
            conn,
            self.now,
            crate::audit::Event {
                actor: self.actor,
                action,
                org: Some(self.org),
                subject: Some(subject),
                detail,
            },
        )
    }

    /// Tells the owner, in their language, that this source linked their
    /// account, and whom to ask.
    pub fn tell_owner(
        &self,
        conn: &mut DbConn,
        account: &Account,
        org_name: &str,
    ) -> Result<(), DbError> {
        let Some(to) = account.email.clone() else {
            return Ok(());
        };
        let job = Job::SendEmail(Email {
            to,
            lang: account.lang,
            message: EmailMessage::RosterLinked {
                name: account.name.clone(),
                org_name: org_name.to_string(),
                source: self.source.to_string(),
            },
        });
        crate::jobs::enqueue(conn, &job, self.now).map(|_| ())
    }
}
