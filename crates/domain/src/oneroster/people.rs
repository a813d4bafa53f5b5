//! Users and roles: who is staff, who is not, and whether their references
//! hold.

use super::fast_hash::FastSet;
use super::manifest::Mode;
use super::problem::Problems;
use super::references::{self, RoleSource};
use super::roles::{self, RoleRecord, RolesRead};
use super::tree::OrgLookup;
use super::users::{self, UserRecord};
use super::{FileModes, RolesSource, plan};
use std::collections::BTreeMap;

/// The people side of a package.
#[derive(Debug)]
pub(crate) struct People {
    pub users: Vec<UserRecord>,
    pub roles: Vec<RoleRecord>,
    pub roles_source: RolesSource,
    pub ignored_users: usize,
    pub ignored_roles: usize,
}

/// Reads `roles.csv`, then `users.csv` (which needs to know who is staff),
/// then checks both files' references.
pub(crate) fn read(
    files: &BTreeMap<String, Vec<u8>>,
    modes: FileModes,
    orgs: &OrgLookup,
    problems: &mut Problems,
) -> People {
    let roles_read = modes
        .roles
        .map(|mode| roles::read(plan::bytes(files, roles::FILE), mode, problems));
    let mut users_read = modes.users.map(|mode| {
        let ignored = NotImported::new(roles_read.as_ref());
        let is_ignored = |id: &str| ignored.contains(id);
        users::read(
            plan::bytes(files, users::FILE),
            mode,
            roles_read.is_some(),
            &is_ignored,
            problems,
        )
    });

    let (mut roles, roles_source, ignored_roles, source) = if let Some(r) = roles_read {
        let source = RoleSource {
            file: roles::FILE,
            user_col: Some(r.user_col),
            org_col: r.org_col,
        };
        (r.staff, RolesSource::RolesCsv, r.ignored, Some(source))
    } else if let Some(u) = users_read.as_mut().filter(|u| u.derives_roles) {
        let source = RoleSource {
            file: users::FILE,
            user_col: None,
            org_col: u.org_ids_col,
        };
        let roles = std::mem::take(&mut u.derived_roles);
        (roles, RolesSource::UsersCsv, u.ignored_roles, Some(source))
    } else {
        (Vec::new(), RolesSource::None, 0, None)
    };
    if let Some(source) = &source {
        // Only a bulk users.csv read whole lists everyone there is.
        let known_users = users_read
            .as_ref()
            .filter(|u| modes.users == Some(Mode::Bulk) && u.ids_complete)
            .map(|u| &u.ids);
        references::check_roles(&mut roles, source, known_users, orgs, problems);
    }
    let (users, ignored_users) = match users_read {
        Some(read) => {
            let mut users = read.users;
            references::check_users(
                &mut users,
                users::FILE,
                read.primary_org_col,
                orgs,
                problems,
            );
            (users, read.ignored_users)
        }
        None => (Vec::new(), 0),
    };
    People {
        users,
        roles,
        roles_source,
        ignored_users,
        ignored_roles,
    }
}

/// Users whose roles in `roles.csv` are all roles Lyceum does not import.
struct NotImported<'a> {
    not_staff: Option<&'a FastSet<String>>,
    /// Users in `not_staff` who also hold a staff role (kept).
    also_staff: FastSet<&'a str>,
}

impl<'a> NotImported<'a> {
    fn new(roles: Option<&'a RolesRead>) -> Self {
        let Some(roles) = roles else {
            return Self {
                not_staff: None,
                also_staff: FastSet::default(),
            };
        };
        let also_staff = roles
            .staff
            .iter()
            .map(|role| role.user_sourced_id.as_str())
            .filter(|user| roles.not_staff_users.contains(*user))
            .collect();
        Self {
            not_staff: Some(&roles.not_staff_users),
            also_staff,
        }
    }

    fn contains(&self, user: &str) -> bool {
        self.not_staff.is_some_and(|n| n.contains(user)) && !self.also_staff.contains(user)
    }
}
