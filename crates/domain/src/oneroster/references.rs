//! References from users and roles to orgs and users.
//!
//! A reference is checked when the file it points into is in the package in
//! bulk and every row of it could be read: that file then lists everything
//! that exists. Otherwise (a delta, or
//! the file absent) it may name a record sent earlier, and the importer
//! resolves it against the database. References to a department in the
//! package are read as references to the org above it.

use super::fields::SourcedIds;
use super::problem::{Problem, Problems, code};
use super::roles::RoleRecord;
use super::table::Col;
use super::tree::{OrgLookup, OrgRef};
use super::users::UserRecord;

/// Where a batch of roles came from, for pointing at their columns.
pub(crate) struct RoleSource {
    pub file: &'static str,
    /// `None` for 1.1-style roles, which sit on their user's own row.
    pub user_col: Option<Col>,
    pub org_col: Col,
}

/// `users`: the sourcedIds of a bulk `users.csv`, if there is one.
pub(crate) fn check_roles(
    roles: &mut [RoleRecord],
    source: &RoleSource,
    users: Option<&SourcedIds>,
    orgs: &OrgLookup,
    problems: &mut Problems,
) {
    for role in roles {
        if let (Some(users), Some(col)) = (users, source.user_col)
            && !users.contains(&role.user_sourced_id)
        {
            problems.push(
                Problem::new(source.file, role.line, code::UNKNOWN_USER)
                    .at(col)
                    .with("value", &role.user_sourced_id),
            );
        }
        resolve_org(
            &mut role.org_sourced_id,
            orgs,
            || Problem::new(source.file, role.line, code::UNKNOWN_ORG).at(source.org_col),
            problems,
        );
    }
}

pub(crate) fn check_users(
    users: &mut [UserRecord],
    file: &'static str,
    primary_org_col: Col,
    orgs: &OrgLookup,
    problems: &mut Problems,
) {
    for user in users {
        let line = user.line;
        if let Some(org) = &mut user.primary_org_sourced_id {
            resolve_org(
                org,
                orgs,
                || Problem::new(file, line, code::UNKNOWN_ORG).at(primary_org_col),
                problems,
            );
        }
    }
}

/// Rewrites a department reference to the org above it; reports unknown ones.
fn resolve_org(
    org: &mut String,
    orgs: &OrgLookup,
    problem: impl FnOnce() -> Problem,
    problems: &mut Problems,
) {
    match orgs.resolve(org) {
        OrgRef::AsWritten => {}
        OrgRef::Folded(above) => *org = above.to_owned(),
        OrgRef::Unknown => problems.push(problem().with("value", org.as_str())),
    }
}
