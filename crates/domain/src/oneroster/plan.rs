//! Which files to read: what the manifest says, checked against what the
//! package holds.

use super::manifest::{self, Manifest};
use super::problem::{Problem, Problems, code};
use super::{FileModes, orgs, roles, users};
use std::collections::BTreeMap;

/// The files Lyceum reads, besides the manifest.
const USED: [&str; 3] = [orgs::FILE, users::FILE, roles::FILE];

/// The mode of each used file that is to be read (`None`: not read), after
/// reporting files the manifest promises but the package lacks, and used
/// files the package holds but the manifest does not give a mode.
pub(crate) fn files_to_read(
    files: &BTreeMap<String, Vec<u8>>,
    manifest: &Manifest,
    problems: &mut Problems,
) -> FileModes {
    for (name, mode) in &manifest.files {
        if let Some(mode) = mode
            && !files.contains_key(name)
        {
            problems.push(
                Problem::new(name, 0, code::MISSING_FILE).with("manifest_value", mode.as_str()),
            );
        }
    }
    if USED.iter().all(|f| manifest.mode(f).is_none()) {
        problems.push(Problem::new(manifest::FILE, 0, code::NOTHING_TO_IMPORT));
    }
    let mut mode_of = |file: &str| {
        let mode = manifest.mode(file);
        let present = files.contains_key(file);
        // A `file.*` row with a bad value was reported already.
        if mode.is_none() && present && !manifest.unreadable.contains(file) {
            problems.push(Problem::new(file, 0, code::FILE_NOT_IN_MANIFEST));
        }
        mode.filter(|_| present)
    };
    FileModes {
        orgs: mode_of(orgs::FILE),
        users: mode_of(users::FILE),
        roles: mode_of(roles::FILE),
    }
}

/// Whether the package holds any file Lyceum reads (besides a manifest).
pub(crate) fn any_used(files: &BTreeMap<String, Vec<u8>>) -> bool {
    USED.iter().any(|f| files.contains_key(*f))
}

/// Whether Lyceum reads this file of a package (the others are only listed).
pub fn is_read(name: &str) -> bool {
    name == manifest::FILE || USED.contains(&name)
}

/// Files in the package that Lyceum does not read, by name.
pub(crate) fn ignored_files(files: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    files.keys().filter(|f| !is_read(f)).cloned().collect()
}

/// A file's bytes; empty for a file the package lacks (never read then).
pub(crate) fn bytes<'a>(files: &'a BTreeMap<String, Vec<u8>>, name: &str) -> &'a [u8] {
    files.get(name).map_or(&[], Vec::as_slice)
}
