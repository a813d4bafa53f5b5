//! `orgs.csv`: the organisations, read row by row. Their tree is checked in
//! `tree.rs`, once every row is in.

use super::fields::{CommonCols, Lifecycle, SourcedIds, required};
use super::manifest::Mode;
use super::problem::{Problem, Problems, code};
use super::table::{Col, Table};
use super::values::Status;
use super::vocab::{OrgType, parse_org_type};
use crate::org::OrgKind;
use crate::time::Timestamp;

pub(crate) const FILE: &str = "orgs.csv";

/// The columns of `orgs.csv`, in the specification's order (1.1 and 1.2).
pub(crate) const SPEC: &[&str] = &[
    "sourcedId",
    "status",
    "dateLastModified",
    "name",
    "type",
    "identifier",
    "parentSourcedId",
];

/// An organisation to create, update or (in a delta) delete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgRecord {
    /// Where the row starts in `orgs.csv`.
    pub line: u64,
    pub sourced_id: String,
    /// `None` in a bulk file.
    pub status: Option<Status>,
    /// `None` in a bulk file.
    pub date_last_modified: Option<Timestamp>,
    pub name: String,
    pub kind: OrgKind,
    pub identifier: Option<String>,
    /// With departments folded away: the nearest org above that is not a
    /// department. In a delta it may name an org sent earlier.
    pub parent_sourced_id: Option<String>,
}

/// A row as read, before departments are folded away.
#[derive(Debug)]
pub(crate) struct OrgRow {
    pub line: u64,
    pub sourced_id: String,
    pub lifecycle: Lifecycle,
    pub name: String,
    pub org_type: OrgType,
    pub identifier: Option<String>,
    pub parent_sourced_id: Option<String>,
}

/// The rows of `orgs.csv` that are well formed, and where its parent column is.
#[derive(Debug)]
pub(crate) struct OrgsRead {
    pub rows: Vec<OrgRow>,
    /// Every sourcedId in the file, including rows with problems, so that a
    /// reference to such a row is not also reported as unknown.
    pub ids: SourcedIds,
    /// See [`Table::ids_complete`].
    pub ids_complete: bool,
    pub parent_col: Col,
}

pub(crate) fn read(bytes: &[u8], mode: Mode, problems: &mut Problems) -> OrgsRead {
    let Some(mut table) = Table::open(FILE, bytes, SPEC, problems) else {
        return OrgsRead {
            rows: Vec::new(),
            ids: SourcedIds::default(),
            ids_complete: false,
            parent_col: Col {
                name: "parentSourcedId",
                index: None,
            },
        };
    };
    let header = table.header();
    let common = CommonCols::new(header);
    let (name_col, type_col) = (header.col("name"), header.col("type"));
    let identifier_col = header.col("identifier");
    let parent_col = header.col("parentSourcedId");
    table.require(CommonCols::required(mode), problems);
    table.require(&["name", "type"], problems);

    let mut ids = SourcedIds::with_capacity(table.row_estimate());
    let mut rows = Vec::with_capacity(table.row_estimate());
    while let Some(row) = table.next_row(problems) {
        let sourced_id = ids.claim(&row, common.sourced_id, FILE, problems);
        let lifecycle = common.lifecycle(&row, mode, FILE, problems);
        let name = required(&row, name_col, FILE, problems);
        let org_type = required(&row, type_col, FILE, problems).and_then(|value| {
            let parsed = parse_org_type(value);
            if parsed.is_none() {
                problems.push(
                    Problem::new(FILE, row.line, code::BAD_ORG_TYPE)
                        .at(type_col)
                        .with("value", value),
                );
            }
            parsed
        });
        let (Some(sourced_id), Some(lifecycle), Some(name), Some(org_type)) =
            (sourced_id, lifecycle, name, org_type)
        else {
            continue;
        };
        rows.push(OrgRow {
            line: row.line,
            sourced_id: sourced_id.to_owned(),
            lifecycle,
            name: name.to_owned(),
            org_type,
            identifier: row.get(identifier_col).map(str::to_owned),
            parent_sourced_id: row.get(parent_col).map(str::to_owned),
        });
    }
    OrgsRead {
        rows,
        ids,
        ids_complete: table.ids_complete(),
        parent_col,
    }
}
