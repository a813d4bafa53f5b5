//! Reading and validating a OneRoster 1.2 CSV package (1.1-style `users.csv`
//! accepted): what Lyceum imports, or every problem, each with file, line,
//! column and a stable code.
//!
//! This is pure: it takes the files' bytes by name and does no IO. The
//! importer unpacks the folder or zip and applies the [`Package`] to the
//! database; everything about the database (who already exists, emails used
//! by another person, records a delta refers to) is its job.
//!
//! Lyceum uses `orgs.csv`, `users.csv` and `roles.csv`. Other files are
//! accepted and listed in [`Package::ignored_files`] without being read.
//!
//! # Decisions where the specification is silent or Lyceum differs
//! - **Files and the manifest.** Without a `manifest.csv` the files present
//!   are read as bulk (notice `no-manifest`); a package with none of the
//!   used files and no manifest is refused. Otherwise the manifest is the authority. A used file
//!   present but marked `absent` (or not listed) is a problem
//!   (`file-not-in-manifest`) rather than silently skipped, since its sender
//!   plainly meant it to count. Any file marked `bulk` or `delta` must be
//!   present (`missing-file`). Unused files are ignored whatever the manifest
//!   says of them.
//! - **Columns.** Names are case-sensitive; specification columns may be
//!   left out unless required, and are read by name: out of the
//!   specification's order (or after `metadata.*` columns, which are
//!   ignored) is a notice. A bulk file may leave out `status` and `dateLastModified`.
//!   One column order serves 1.1 and 1.2 `users.csv`.
//! - **Values** are trimmed. Vocabulary values (status, type, role,
//!   roleType, enabledUser, manifest modes) are matched ignoring ASCII case,
//!   as spreadsheets write `TRUE`. Rows that are blank or only commas are
//!   skipped. `dateLastModified` needs a zone (`Z` or `±HH:MM`).
//! - **Bulk and delta.** A bulk row's `status` `active` and its
//!   `dateLastModified` are read as blank (counted notices); `tobedeleted`
//!   in bulk is a problem. A delta row needs both. Rows marked `tobedeleted` still need
//!   their required values.
//! - **Org types.** national → programme, state → state, district →
//!   district, local → local, school → school; `department` is folded into
//!   the nearest org above it that is not a department (its people join that
//!   school), counted in [`Package::folded_departments`]; `ext:` types are
//!   `bad-org-type`. Parents must fit Lyceum's tree (`OrgKind::child_kinds`)
//!   when both are in the package.
//! - **Who is imported.** Staff roles ([`StaffRole`]) are. A user whose only
//!   roles in the package are student, guardian, parent, relative, proctor or an `ext:`
//!   role is counted (notice `users-not-imported`) in [`Package::ignored_users`] and not returned; such
//!   rows are checked only for a unique sourcedId and a known role, since an
//!   ill-formed email on a pupil's row must not block the staff import. A user
//!   with no role in the package at all (say, a delta that only renames) is
//!   returned.
//! - **1.1 style.** When roles do not come from `roles.csv` and `users.csv`
//!   has `role` and `orgSourcedIds`, one role per listed org is derived,
//!   primary for the first org, secondary for the rest, with sourcedId
//!   `<userSourcedId>:<orgSourcedId>` and the user's status and date (notice
//!   `roles-from-users`). With a `roles.csv`, those columns are ignored.
//! - **Order.** Orgs may come before their parents (notice
//!   `org-before-parent`); the importer places parents first.
//! - **References** are checked only into a file present in bulk and read
//!   whole (see `references.rs`); in a delta, or when the file is absent,
//!   the importer resolves them. A row that could not be read at all is
//!   reported once, and references to it are not reported again as unknown.
//! - **Problems** are capped at [`MAX_PROBLEMS_PER_FILE`] per file. Without
//!   a readable manifest nothing else is checked (no file's mode is known);
//!   without a readable header row, nothing else in that file.

mod archive;
mod fast_hash;
mod fields;
mod manifest;
mod orgs;
mod people;
mod plan;
mod problem;
mod references;
mod roles;
mod table;
mod tree;
mod users;
mod values;
mod vocab;

pub use crate::time::Date;
pub use archive::{
    MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_RATIO, MAX_UNPACKED_BYTES, ZipLimits, files_from_zip,
    files_from_zip_within, megabytes,
};
pub use manifest::{Mode, Version};
pub use orgs::OrgRecord;
pub use plan::is_read as is_read_file;
pub use problem::{MAX_PROBLEMS_PER_FILE, Problem, code};
pub use roles::RoleRecord;
pub use users::UserRecord;
pub use values::Status;
pub use vocab::{RoleType, StaffRole};

use problem::Problems;
use std::collections::BTreeMap;

/// What a valid package asks Lyceum to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// `oneroster.version` from the manifest.
    pub version: Version,
    pub modes: FileModes,
    pub roles_source: RolesSource,
    /// Departments folded away; in file order.
    pub orgs: Vec<OrgRecord>,
    /// Staff, and users with no role in the package; in file order.
    pub users: Vec<UserRecord>,
    /// Staff roles only; in file order.
    pub roles: Vec<RoleRecord>,
    /// Files present that Lyceum does not read (classes.csv, courses.csv,
    /// enrollments.csv, academicSessions.csv, userProfiles.csv,
    /// demographics.csv, …), by name.
    pub ignored_files: Vec<String>,
    /// Students, guardians, parents and relatives: counted, not imported.
    pub ignored_users: usize,
    /// Their roles (and `ext:` roles): counted, not returned.
    pub ignored_roles: usize,
    /// Departments whose people were placed in the org above them.
    pub folded_departments: usize,
    /// What the package does against the specification that was read
    /// anyway (codes in `code::NOTICES`), for the summary.
    pub notices: Vec<Problem>,
}

/// How each file Lyceum reads is to be applied; `None` when it is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileModes {
    pub orgs: Option<Mode>,
    pub users: Option<Mode>,
    /// For 1.1-style roles, the mode of `users.csv`, where they came from.
    pub roles: Option<Mode>,
}

/// Where [`Package::roles`] came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RolesSource {
    /// `roles.csv` (OneRoster 1.2).
    RolesCsv,
    /// `role` and `orgSourcedIds` in `users.csv` (OneRoster 1.1 style).
    UsersCsv,
    /// Neither: the package grants no roles.
    None,
}

/// The files of a template roster, in order: each with the header row of
/// the OneRoster 1.2 columns read here (a manifest naming the other three
/// as bulk files), for people who prepare a roster by hand.
pub const TEMPLATE_FILES: &[&str] = &["manifest.csv", "orgs.csv", "users.csv", "roles.csv"];

/// One of [`TEMPLATE_FILES`], or `None` for any other name.
pub fn template_file(name: &str) -> Option<String> {
    let header = |spec: &[&str]| format!("{}\r\n", spec.join(","));
    Some(match name {
        "manifest.csv" => "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.2\r\n\
                           file.orgs,bulk\r\nfile.users,bulk\r\nfile.roles,bulk\r\n"
            .to_string(),
        "orgs.csv" => header(orgs::SPEC),
        "users.csv" => header(users::SPEC),
        "roles.csv" => header(roles::SPEC),
        _ => return None,
    })
}

/// Reads the files of one package, by file name (`users.csv`), as bytes.
///
/// Returns every problem found (up to [`MAX_PROBLEMS_PER_FILE`] per file), in
/// file then line order, if there is any.
pub fn read_package(files: &BTreeMap<String, Vec<u8>>) -> Result<Package, Vec<Problem>> {
    let mut problems = Problems::default();
    let manifest = match files.get(manifest::FILE) {
        // Without a readable manifest no file's mode is known.
        Some(bytes) => match manifest::read(bytes, &mut problems) {
            Some(manifest) => manifest,
            None => return Err(problems.into_sorted()),
        },
        // Many exporters send none: the files present are the whole roster.
        None if plan::any_used(files) => {
            problems.notice(Problem::new(manifest::FILE, 0, code::NO_MANIFEST));
            manifest::all_bulk(files)
        }
        None => {
            problems.push(Problem::new(manifest::FILE, 0, code::MISSING_FILE));
            return Err(problems.into_sorted());
        }
    };
    let modes = plan::files_to_read(files, &manifest, &mut problems);

    let tree = match modes.orgs {
        Some(mode) => tree::build(
            orgs::read(plan::bytes(files, orgs::FILE), mode, &mut problems),
            mode,
            &mut problems,
        ),
        None => tree::Tree::empty(),
    };
    let people = people::read(files, modes, &tree.lookup, &mut problems);

    if !problems.is_empty() {
        return Err(problems.into_sorted());
    }
    if people.roles_source == RolesSource::UsersCsv {
        problems.notice(Problem::new(users::FILE, 1, code::ROLES_FROM_USERS));
    }
    if people.ignored_users > 0 {
        problems.notice(
            Problem::new(users::FILE, 0, code::USERS_NOT_IMPORTED)
                .with("count", people.ignored_users),
        );
    }
    Ok(Package {
        notices: problems.take_notices(),
        version: manifest.version.unwrap_or(Version::V1_2),
        modes: FileModes {
            roles: match people.roles_source {
                RolesSource::RolesCsv => modes.roles,
                RolesSource::UsersCsv => modes.users,
                RolesSource::None => None,
            },
            ..modes
        },
        roles_source: people.roles_source,
        orgs: tree.orgs,
        users: people.users,
        roles: people.roles,
        ignored_files: plan::ignored_files(files),
        ignored_users: people.ignored_users,
        ignored_roles: people.ignored_roles,
        folded_departments: tree.folded_departments,
    })
}
