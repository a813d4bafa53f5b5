//! `users.csv`: the people. In 1.1-style files it also carries each person's
//! role and orgs, from which roles are derived when there is no `roles.csv`.

use super::fields::{CommonCols, SourcedIds, required};
use super::manifest::Mode;
use super::problem::{Problem, Problems, code};
use super::roles::RoleRecord;
use super::table::{Col, Row, Table};
use super::values::{Status, list_items, parse_bool};
use super::vocab::{RoleType, RoleValue, parse_role};
use crate::email::EmailAddress;
use crate::time::Timestamp;

pub(crate) const FILE: &str = "users.csv";

/// The columns of `users.csv` in the specification's order. 1.2 dropped
/// 1.1's `orgSourcedIds` and `role` and appended the columns after
/// `password`, so one order serves both versions.
pub(crate) const SPEC: &[&str] = &[
    "sourcedId",
    "status",
    "dateLastModified",
    "enabledUser",
    "orgSourcedIds",
    "role",
    "username",
    "userIds",
    "givenName",
    "familyName",
    "middleName",
    "identifier",
    "email",
    "sms",
    "phone",
    "agentSourcedIds",
    "grades",
    "password",
    "userMasterIdentifier",
    "resourceSourcedIds",
    "preferredGivenName",
    "preferredMiddleName",
    "preferredFamilyName",
    "primaryOrgSourcedId",
    "pronouns",
];

/// A person to create, update or (in a delta) delete: staff only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRecord {
    /// Where the row starts in `users.csv`.
    pub line: u64,
    pub sourced_id: String,
    /// `None` in a bulk file.
    pub status: Option<Status>,
    /// `None` in a bulk file.
    pub date_last_modified: Option<Timestamp>,
    /// `enabledUser`: whether the person may sign in.
    pub enabled: bool,
    pub username: String,
    pub given_name: String,
    pub family_name: String,
    pub middle_name: Option<String>,
    pub preferred_given_name: Option<String>,
    pub preferred_family_name: Option<String>,
    pub identifier: Option<String>,
    /// Normalised (trimmed, lower-cased).
    pub email: Option<EmailAddress>,
    /// CEDS grade codes as written (`KG`, `01` … `12`, `PK`, …).
    pub grades: Vec<String>,
    /// With departments folded into the org above them.
    pub primary_org_sourced_id: Option<String>,
}

/// What `users.csv` gives, and where its org references are.
#[derive(Debug)]
pub(crate) struct UsersRead {
    pub users: Vec<UserRecord>,
    /// Derived from 1.1-style `role` and `orgSourcedIds`; empty otherwise.
    pub derived_roles: Vec<RoleRecord>,
    /// Whether roles came from this file's `role` and `orgSourcedIds`.
    pub derives_roles: bool,
    pub ignored_users: usize,
    /// 1.1-style roles not derived because they are not staff roles.
    pub ignored_roles: usize,
    /// Every user's sourcedId, staff or not, for references from roles.
    pub ids: SourcedIds,
    /// See [`Table::ids_complete`].
    pub ids_complete: bool,
    pub primary_org_col: Col,
    pub org_ids_col: Col,
}

/// `roles_csv_read`: roles come from `roles.csv`, so 1.1 columns are ignored.
/// `is_ignored`: whether `roles.csv` gives the user only roles Lyceum does
/// not import.
pub(crate) fn read(
    bytes: &[u8],
    mode: Mode,
    roles_csv_read: bool,
    is_ignored: &dyn Fn(&str) -> bool,
    problems: &mut Problems,
) -> UsersRead {
    let mut read = UsersRead {
        users: Vec::new(),
        derived_roles: Vec::new(),
        derives_roles: false,
        ignored_users: 0,
        ignored_roles: 0,
        ids: SourcedIds::default(),
        ids_complete: false,
        primary_org_col: Col {
            name: "primaryOrgSourcedId",
            index: None,
        },
        org_ids_col: Col {
            name: "orgSourcedIds",
            index: None,
        },
    };
    let Some(mut table) = Table::open(FILE, bytes, SPEC, problems) else {
        return read;
    };
    let header = table.header();
    let common = CommonCols::new(header);
    let cols = Cols::new(header);
    read.primary_org_col = cols.primary_org;
    read.org_ids_col = cols.org_ids;
    read.derives_roles =
        !roles_csv_read && (cols.role.index.is_some() || cols.org_ids.index.is_some());
    table.require(CommonCols::required(mode), problems);
    table.require(
        &["enabledUser", "username", "givenName", "familyName"],
        problems,
    );
    if read.derives_roles {
        table.require(&["orgSourcedIds", "role"], problems);
    }

    let rows = table.row_estimate();
    read.users.reserve(rows);
    read.ids = SourcedIds::with_capacity(rows);
    while let Some(row) = table.next_row(problems) {
        let sourced_id = read.ids.claim(&row, common.sourced_id, FILE, problems);
        let legacy_role = if read.derives_roles {
            let role = required(&row, cols.role, FILE, problems).and_then(|value| {
                let parsed = parse_role(value);
                if parsed.is_none() {
                    problems.push(
                        Problem::new(FILE, row.line, code::UNKNOWN_ROLE)
                            .at(cols.role)
                            .with("value", value),
                    );
                }
                parsed
            });
            if role == Some(RoleValue::NotStaff) {
                read.ignored_users += 1;
                read.ignored_roles += row.get(cols.org_ids).map_or(0, |v| list_items(v).count());
                continue;
            }
            role
        } else {
            if sourced_id.is_some_and(is_ignored) {
                read.ignored_users += 1;
                continue;
            }
            None
        };

        let lifecycle = common.lifecycle(&row, mode, FILE, problems);
        let person = cols.person(&row, problems);
        let org_ids = if read.derives_roles {
            required(&row, cols.org_ids, FILE, problems).and_then(|value| {
                let ids: Vec<&str> = list_items(value).collect();
                if ids.is_empty() {
                    problems.push(
                        Problem::new(FILE, row.line, code::MISSING_REQUIRED_VALUE).at(cols.org_ids),
                    );
                    return None;
                }
                Some(ids)
            })
        } else {
            Some(Vec::new())
        };
        let (Some(sourced_id), Some(lifecycle), Some(person), Some(org_ids)) =
            (sourced_id, lifecycle, person, org_ids)
        else {
            continue;
        };
        if let Some(RoleValue::Staff(role)) = legacy_role {
            let mut seen: Vec<&str> = Vec::with_capacity(org_ids.len());
            for org in org_ids {
                if seen.contains(&org) {
                    continue;
                }
                let role_type = if seen.is_empty() {
                    RoleType::Primary
                } else {
                    RoleType::Secondary
                };
                seen.push(org);
                read.derived_roles.push(RoleRecord {
                    line: row.line,
                    sourced_id: format!("{sourced_id}:{org}"),
                    status: lifecycle.status,
                    date_last_modified: lifecycle.date_last_modified,
                    user_sourced_id: sourced_id.to_owned(),
                    role,
                    role_type,
                    org_sourced_id: org.to_owned(),
                    begin_date: None,
                    end_date: None,
                });
            }
        }
        read.users.push(UserRecord {
            line: row.line,
            sourced_id: sourced_id.to_owned(),
            status: lifecycle.status,
            date_last_modified: lifecycle.date_last_modified,
            enabled: person.enabled,
            username: person.username.to_owned(),
            given_name: person.given_name,
            family_name: person.family_name,
            middle_name: row.get(cols.middle_name).and_then(readable_name),
            preferred_given_name: row.get(cols.preferred_given_name).and_then(readable_name),
            preferred_family_name: row.get(cols.preferred_family_name).and_then(readable_name),
            identifier: row.get(cols.identifier).map(str::to_owned),
            email: person.email,
            grades: row
                .get(cols.grades)
                .map(|v| list_items(v).map(str::to_owned).collect())
                .unwrap_or_default(),
            primary_org_sourced_id: row.get(cols.primary_org).map(str::to_owned),
        });
    }
    read.ids_complete = table.ids_complete();
    read
}

/// The columns read beyond the common ones.
#[derive(Debug, Clone, Copy)]
struct Cols {
    enabled: Col,
    org_ids: Col,
    role: Col,
    username: Col,
    given_name: Col,
    family_name: Col,
    middle_name: Col,
    identifier: Col,
    email: Col,
    grades: Col,
    preferred_given_name: Col,
    preferred_family_name: Col,
    primary_org: Col,
}

/// The checked values of a row that need checking.
struct Person<'r> {
    enabled: bool,
    username: &'r str,
    given_name: String,
    family_name: String,
    email: Option<EmailAddress>,
}

/// A name without invisible formatting characters; None if nothing is left.
fn readable_name(value: &str) -> Option<String> {
    crate::profile::clean_name(value).map(|(name, _)| name)
}

impl Cols {
    fn new(header: &super::table::Header) -> Self {
        Self {
            enabled: header.col("enabledUser"),
            org_ids: header.col("orgSourcedIds"),
            role: header.col("role"),
            username: header.col("username"),
            given_name: header.col("givenName"),
            family_name: header.col("familyName"),
            middle_name: header.col("middleName"),
            identifier: header.col("identifier"),
            email: header.col("email"),
            grades: header.col("grades"),
            preferred_given_name: header.col("preferredGivenName"),
            preferred_family_name: header.col("preferredFamilyName"),
            primary_org: header.col("primaryOrgSourcedId"),
        }
    }

    /// A required name, as people will read it: without the invisible
    /// formatting characters that could make one name pass for another.
    /// One made of nothing else is missing.
    fn name(&self, row: &Row<'_>, col: Col, problems: &mut Problems) -> Option<String> {
        let value = required(row, col, FILE, problems)?;
        let name = readable_name(value);
        if name.is_none() {
            problems.push(Problem::new(FILE, row.line, code::MISSING_REQUIRED_VALUE).at(col));
        }
        name
    }

    fn person<'r>(&self, row: &Row<'r>, problems: &mut Problems) -> Option<Person<'r>> {
        let enabled = required(row, self.enabled, FILE, problems).and_then(|value| {
            let parsed = parse_bool(value);
            if parsed.is_none() {
                problems.push(
                    Problem::new(FILE, row.line, code::BAD_BOOLEAN)
                        .at(self.enabled)
                        .with("value", value),
                );
            }
            parsed
        });
        let username = required(row, self.username, FILE, problems);
        let given_name = self.name(row, self.given_name, problems);
        let family_name = self.name(row, self.family_name, problems);
        let email = match row.get(self.email).map(|v| (v, EmailAddress::parse(v))) {
            None => Some(None),
            Some((_, Ok(email))) => Some(Some(email)),
            Some((value, Err(reason))) => {
                problems.push(
                    Problem::new(FILE, row.line, code::BAD_EMAIL)
                        .at(self.email)
                        .with("value", value)
                        .with("reason", reason),
                );
                None
            }
        };
        Some(Person {
            enabled: enabled?,
            username: username?,
            given_name: given_name?,
            family_name: family_name?,
            email: email?,
        })
    }
}
