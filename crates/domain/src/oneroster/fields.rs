//! Checks every OneRoster file shares: required values, unique sourcedIds,
//! and `status` and `dateLastModified`, which bulk and delta treat differently.

use super::fast_hash::{FastMap, FxHasher};
use super::manifest::Mode;
use super::problem::{Problem, Problems, code};
use super::table::{Col, Header, Row};
use super::values::{Status, parse_code, parse_datetime};
use crate::time::Timestamp;
use std::hash::{BuildHasher, BuildHasherDefault};

pub(crate) const SOURCED_ID: &str = "sourcedId";
pub(crate) const STATUS: &str = "status";
pub(crate) const DATE_LAST_MODIFIED: &str = "dateLastModified";

/// A row's lifecycle columns: both blank in bulk files, both set in delta.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Lifecycle {
    pub status: Option<Status>,
    pub date_last_modified: Option<Timestamp>,
}

/// The columns every file starts with.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CommonCols {
    pub sourced_id: Col,
    status: Col,
    date_last_modified: Col,
}

impl CommonCols {
    pub(crate) fn new(header: &Header) -> Self {
        Self {
            sourced_id: header.col(SOURCED_ID),
            status: header.col(STATUS),
            date_last_modified: header.col(DATE_LAST_MODIFIED),
        }
    }

    /// The columns a file in `mode` must have. A bulk file may leave out the
    /// two lifecycle columns, since they must be blank anyway.
    pub(crate) fn required(mode: Mode) -> &'static [&'static str] {
        match mode {
            Mode::Bulk => &[SOURCED_ID],
            Mode::Delta => &[SOURCED_ID, STATUS, DATE_LAST_MODIFIED],
        }
    }

    /// Checks `status` and `dateLastModified` against the file's mode.
    pub(crate) fn lifecycle(
        &self,
        row: &Row<'_>,
        mode: Mode,
        file: &str,
        problems: &mut Problems,
    ) -> Option<Lifecycle> {
        let at = |col: Col, code: &'static str| Problem::new(file, row.line, code).at(col);
        let (status, date) = (row.get(self.status), row.get(self.date_last_modified));
        match mode {
            Mode::Bulk => {
                // Exporters write `active` and a date on every row of a
                // full export: both say nothing a bulk file does not, so
                // they are told once and read as blank. `tobedeleted`
                // contradicts "this is everything" and is refused.
                let refused = status.filter(|v| !v.eq_ignore_ascii_case("active"));
                if let Some(value) = refused {
                    problems.push(at(self.status, code::STATUS_IN_BULK).with("value", value));
                } else if status.is_some() {
                    problems.count(file, row.line, code::ACTIVE_IN_BULK);
                }
                if date.is_some() {
                    problems.count(file, row.line, code::DATE_IN_BULK);
                }
                refused.is_none().then_some(Lifecycle {
                    status: None,
                    date_last_modified: None,
                })
            }
            Mode::Delta => {
                let status = match status {
                    // A missing column was reported once, as `missing-column`.
                    None if self.status.index.is_none() => None,
                    None => {
                        problems.push(at(self.status, code::MISSING_STATUS_IN_DELTA));
                        None
                    }
                    Some(value) => {
                        let parsed = parse_code(Status::ALL, Status::as_str, value);
                        if parsed.is_none() {
                            problems.push(at(self.status, code::BAD_STATUS).with("value", value));
                        }
                        parsed
                    }
                };
                let date = match date {
                    None if self.date_last_modified.index.is_none() => None,
                    None => {
                        problems.push(at(self.date_last_modified, code::MISSING_DATE_IN_DELTA));
                        None
                    }
                    Some(value) => {
                        let parsed = parse_datetime(value);
                        if parsed.is_none() {
                            problems.push(
                                at(self.date_last_modified, code::BAD_DATETIME)
                                    .with("value", value),
                            );
                        }
                        parsed
                    }
                };
                Some(Lifecycle {
                    status: Some(status?),
                    date_last_modified: Some(date?),
                })
            }
        }
    }
}

/// The value in `col`, or `missing-required-value`.
pub(crate) fn required<'r>(
    row: &Row<'r>,
    col: Col,
    file: &str,
    problems: &mut Problems,
) -> Option<&'r str> {
    let value = row.get(col);
    if value.is_none() && col.index.is_some() {
        // A column the header lacks was reported once, as `missing-column`.
        problems.push(Problem::new(file, row.line, code::MISSING_REQUIRED_VALUE).at(col));
    }
    value
}

/// The sourcedIds of one file, each with the line that first used it.
///
/// The ids sit end to end in one string, found through a map from their
/// hash: one allocation per file instead of one per row, which at 400,000
/// rows is much of the time it takes to read a file.
#[derive(Debug, Default)]
pub(crate) struct SourcedIds {
    text: String,
    entries: Vec<IdEntry>,
    /// Hash → the latest entry with that hash; older ones follow `next`.
    by_hash: FastMap<u64, usize>,
}

#[derive(Debug)]
struct IdEntry {
    start: usize,
    end: usize,
    line: u64,
    next: Option<usize>,
}

impl SourcedIds {
    /// Room for `rows` ids, so that a large file does not rehash as it goes.
    pub(crate) fn with_capacity(rows: usize) -> Self {
        let mut by_hash = FastMap::default();
        by_hash.reserve(rows);
        Self {
            text: String::with_capacity(rows * 8),
            entries: Vec::with_capacity(rows),
            by_hash,
        }
    }

    /// The row's sourcedId, unless it is blank or was used before (reported).
    pub(crate) fn claim<'r>(
        &mut self,
        row: &Row<'r>,
        col: Col,
        file: &str,
        problems: &mut Problems,
    ) -> Option<&'r str> {
        let id = required(row, col, file, problems)?;
        let hash = hash_id(id);
        if let Some(first) = self.find(id, hash) {
            problems.push(
                Problem::new(file, row.line, code::DUPLICATE_SOURCED_ID)
                    .at(col)
                    .with("value", id)
                    .with("first_line", first),
            );
            return None;
        }
        let start = self.text.len();
        self.text.push_str(id);
        let next = self.by_hash.insert(hash, self.entries.len());
        self.entries.push(IdEntry {
            start,
            end: self.text.len(),
            line: row.line,
            next,
        });
        Some(id)
    }

    pub(crate) fn contains(&self, id: &str) -> bool {
        self.find(id, hash_id(id)).is_some()
    }

    /// The line that first used `id`.
    fn find(&self, id: &str, hash: u64) -> Option<u64> {
        let mut at = self.by_hash.get(&hash).copied();
        while let Some(entry) = at.and_then(|i| self.entries.get(i)) {
            if self.text.get(entry.start..entry.end) == Some(id) {
                return Some(entry.line);
            }
            at = entry.next;
        }
        None
    }
}

fn hash_id(id: &str) -> u64 {
    BuildHasherDefault::<FxHasher>::default().hash_one(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oneroster::table::Table;

    #[test]
    fn sourced_ids_report_the_second_use() {
        let input = "sourcedId\na\nb\na\nab\nb\n";
        let mut problems = Problems::default();
        let mut table =
            Table::open("t.csv", input.as_bytes(), &["sourcedId"], &mut problems).unwrap();
        let col = table.header().col("sourcedId");
        let mut ids = SourcedIds::default();
        let mut claimed = Vec::new();
        while let Some(row) = table.next_row(&mut problems) {
            claimed.push(
                ids.claim(&row, col, "t.csv", &mut problems)
                    .map(str::to_owned),
            );
        }
        let claimed: Vec<Option<&str>> = claimed.iter().map(Option::as_deref).collect();
        assert_eq!(claimed, vec![Some("a"), Some("b"), None, Some("ab"), None]);
        assert!(ids.contains("ab") && ids.contains("a") && !ids.contains("ba"));
        let shown: Vec<String> = problems
            .into_sorted()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            vec![
                r#"t.csv line 4, column sourcedId: sourcedId "a" is already used on line 2"#,
                r#"t.csv line 6, column sourcedId: sourcedId "b" is already used on line 3"#,
            ]
        );
    }
}
