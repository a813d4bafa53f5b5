//! `manifest.csv`: the package's versions and how each file is processed.

use super::problem::{Problem, Problems, code};
use super::table::Table;
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub(crate) const FILE: &str = "manifest.csv";
const SPEC: &[&str] = &["propertyName", "value"];

/// How a file is processed: the whole truth, or changes to what was sent before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The file lists every record; what it leaves out no longer exists.
    /// `status` and `dateLastModified` are blank.
    Bulk,
    /// The file lists only changes; each row has a `status` and a
    /// `dateLastModified`, and may refer to records sent earlier.
    Delta,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Bulk => "bulk",
            Mode::Delta => "delta",
        }
    }
}

/// The `oneroster.version` the manifest declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Version {
    /// 1.1: roles sit in `users.csv` (`role`, `orgSourcedIds`).
    V1_1,
    /// 1.2: roles have their own file, `roles.csv`.
    V1_2,
}

impl Version {
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V1_1 => "1.1",
            Version::V1_2 => "1.2",
        }
    }
}

/// What the manifest says, as far as it could be read.
#[derive(Debug)]
pub(crate) struct Manifest {
    pub version: Option<Version>,
    /// By file name (`users.csv`): its mode, or `None` for `absent`. Files the
    /// manifest does not list are absent too.
    pub files: BTreeMap<String, Option<Mode>>,
    /// Files whose `file.*` row has a value that is not a mode (reported).
    pub unreadable: BTreeSet<String>,
}

impl Manifest {
    pub(crate) fn mode(&self, file: &str) -> Option<Mode> {
        self.files.get(file).copied().flatten()
    }
}

/// What a package without a manifest is read as: every file present, bulk.
pub(crate) fn all_bulk(files: &BTreeMap<String, Vec<u8>>) -> Manifest {
    Manifest {
        version: None,
        files: files
            .keys()
            .map(|f| (f.clone(), Some(Mode::Bulk)))
            .collect(),
        unreadable: BTreeSet::new(),
    }
}

/// `None` when there is no usable header, so no file's mode can be known.
pub(crate) fn read(bytes: &[u8], problems: &mut Problems) -> Option<Manifest> {
    let mut table = Table::open(FILE, bytes, SPEC, problems)?;
    let (name_col, value_col) = (table.header().col(SPEC[0]), table.header().col(SPEC[1]));
    table.require(SPEC, problems);
    if name_col.index.is_none() || value_col.index.is_none() {
        return None;
    }
    let mut manifest = Manifest {
        version: None,
        files: BTreeMap::new(),
        unreadable: BTreeSet::new(),
    };
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut manifest_version_seen = false;
    while let Some(row) = table.next_row(problems) {
        let line = row.line;
        let Some(property) = row.get(name_col) else {
            problems.push(Problem::new(FILE, line, code::MISSING_REQUIRED_VALUE).at(name_col));
            continue;
        };
        if let Some(first) = seen.get(property) {
            problems.push(
                Problem::new(FILE, line, code::DUPLICATE_PROPERTY)
                    .at(name_col)
                    .with("first_line", first),
            );
            continue;
        }
        seen.insert(property.to_owned(), line);
        let value = row.get(value_col).unwrap_or("");
        let unsupported = || {
            Problem::new(FILE, line, code::UNSUPPORTED_VERSION)
                .at(value_col)
                .with("property", property)
                .with("value", value)
        };
        if property == "manifest.version" {
            manifest_version_seen = true;
            if value != "1.0" {
                problems.push(unsupported());
            }
        } else if property == "oneroster.version" {
            manifest.version = match value {
                "1.1" => Some(Version::V1_1),
                "1.2" => Some(Version::V1_2),
                _ => {
                    problems.push(unsupported());
                    continue;
                }
            };
        } else if let Some(name) = property.strip_prefix("file.") {
            let mode = match value.to_ascii_lowercase().as_str() {
                "absent" => None,
                "bulk" => Some(Mode::Bulk),
                "delta" => Some(Mode::Delta),
                _ => {
                    problems.push(
                        Problem::new(FILE, line, code::BAD_MANIFEST)
                            .at(value_col)
                            .with("property", property)
                            .with("value", value),
                    );
                    manifest.unreadable.insert(format!("{name}.csv"));
                    continue;
                }
            };
            manifest.files.insert(format!("{name}.csv"), mode);
        }
        // Other properties (source.systemName, source.systemCode, ...) are
        // informative only.
    }
    let oneroster_version_seen = seen.contains_key("oneroster.version");
    for (seen, property) in [
        (manifest_version_seen, "manifest.version"),
        (oneroster_version_seen, "oneroster.version"),
    ] {
        if !seen {
            problems.push(Problem::new(FILE, 0, code::MISSING_PROPERTY).with("property", property));
        }
    }
    Some(manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(input: &str) -> (Option<Manifest>, Vec<String>) {
        let mut problems = Problems::default();
        let manifest = read(input.as_bytes(), &mut problems);
        let shown = problems
            .into_sorted()
            .iter()
            .map(ToString::to_string)
            .collect();
        (manifest, shown)
    }

    #[test]
    fn reads_versions_and_modes() {
        let (m, problems) = read_str(
            "propertyName,value\n\
             manifest.version,1.0\n\
             oneroster.version,1.2\n\
             file.orgs,bulk\n\
             file.users,Delta\n\
             file.roles,absent\n\
             source.systemName,Example SIS\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let m = m.unwrap();
        assert_eq!(m.version, Some(Version::V1_2));
        assert_eq!(m.mode("orgs.csv"), Some(Mode::Bulk));
        assert_eq!(m.mode("users.csv"), Some(Mode::Delta));
        assert_eq!(m.mode("roles.csv"), None);
        assert_eq!(m.mode("classes.csv"), None);
        assert_eq!(m.files.len(), 3);
    }

    #[test]
    fn reports_bad_rows() {
        let (m, problems) = read_str(
            "propertyName,value\n\
             manifest.version,2.0\n\
             file.orgs,full\n\
             file.orgs,bulk\n\
             ,bulk\n",
        );
        assert!(m.is_some());
        assert_eq!(
            problems,
            vec![
                "manifest.csv: the manifest has no oneroster.version row",
                r#"manifest.csv line 2, column value: manifest.version "2.0" is not supported (manifest.version must be 1.0; oneroster.version 1.1 or 1.2)"#,
                r#"manifest.csv line 3, column value: "full" is not a processing mode for file.orgs: use absent, bulk or delta"#,
                "manifest.csv line 4, column propertyName: this property was already given on line 3",
                "manifest.csv line 5, column propertyName: a value is required",
            ]
        );
    }

    #[test]
    fn needs_its_two_columns() {
        let (m, problems) = read_str("property,value\nmanifest.version,1.0\n");
        assert!(m.is_none());
        assert_eq!(
            problems,
            vec![
                r#"manifest.csv line 1, column property: "property" is not a column of this file; extra columns must be named metadata.* and come last"#,
                "manifest.csv line 1, column propertyName: the header has no propertyName column",
            ]
        );
    }
}
