//! `roles.csv` (OneRoster 1.2): who holds which role at which org.

use super::fast_hash::FastSet;
use super::fields::{CommonCols, SourcedIds, required};
use super::manifest::Mode;
use super::problem::{Problem, Problems, code};
use super::table::{Col, Row, Table};
use super::values::Status;
use super::vocab::{RoleType, RoleValue, StaffRole, parse_role, parse_role_type};
use crate::time::Date;
use crate::time::Timestamp;

pub(crate) const FILE: &str = "roles.csv";

/// The columns of `roles.csv`, in the specification's order.
pub(crate) const SPEC: &[&str] = &[
    "sourcedId",
    "status",
    "dateLastModified",
    "userSourcedId",
    "roleType",
    "role",
    "beginDate",
    "endDate",
    "orgSourcedId",
    "userProfileSourcedId",
];

/// A staff role to grant, update or (in a delta) withdraw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleRecord {
    /// Where the row starts: in `roles.csv`, or in `users.csv` for roles
    /// derived from 1.1-style `role` and `orgSourcedIds` columns.
    pub line: u64,
    /// From `roles.csv`; for 1.1-style roles, `<userSourcedId>:<orgSourcedId>`,
    /// stable across imports as long as the person stays at that org.
    pub sourced_id: String,
    /// `None` in a bulk file.
    pub status: Option<Status>,
    /// `None` in a bulk file.
    pub date_last_modified: Option<Timestamp>,
    pub user_sourced_id: String,
    pub role: StaffRole,
    pub role_type: RoleType,
    /// With departments folded into the org above them.
    pub org_sourced_id: String,
    pub begin_date: Option<Date>,
    pub end_date: Option<Date>,
}

/// What `roles.csv` says, as far as Lyceum needs it.
#[derive(Debug)]
pub(crate) struct RolesRead {
    pub staff: Vec<RoleRecord>,
    /// Users with a student, guardian, parent, relative or `ext:` role.
    pub not_staff_users: FastSet<String>,
    /// Rows with such roles.
    pub ignored: usize,
    pub user_col: Col,
    pub org_col: Col,
}

pub(crate) fn read(bytes: &[u8], mode: Mode, problems: &mut Problems) -> RolesRead {
    let mut read = RolesRead {
        staff: Vec::new(),
        not_staff_users: FastSet::default(),
        ignored: 0,
        user_col: Col {
            name: "userSourcedId",
            index: None,
        },
        org_col: Col {
            name: "orgSourcedId",
            index: None,
        },
    };
    let Some(mut table) = Table::open(FILE, bytes, SPEC, problems) else {
        return read;
    };
    let header = table.header();
    let common = CommonCols::new(header);
    let cols = Cols {
        role_type: header.col("roleType"),
        role: header.col("role"),
        begin: header.col("beginDate"),
        end: header.col("endDate"),
    };
    read.user_col = header.col("userSourcedId");
    read.org_col = header.col("orgSourcedId");
    table.require(CommonCols::required(mode), problems);
    table.require(
        &["userSourcedId", "roleType", "role", "orgSourcedId"],
        problems,
    );

    let rows = table.row_estimate();
    read.staff.reserve(rows);
    let mut ids = SourcedIds::with_capacity(rows);
    while let Some(row) = table.next_row(problems) {
        let sourced_id = ids.claim(&row, common.sourced_id, FILE, problems);
        let user = required(&row, read.user_col, FILE, problems);
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
            // Not imported, so its other columns do not matter to Lyceum.
            read.ignored += 1;
            if let Some(user) = user {
                read.not_staff_users.insert(user.to_owned());
            }
            continue;
        }
        let lifecycle = common.lifecycle(&row, mode, FILE, problems);
        let role_type = required(&row, cols.role_type, FILE, problems).and_then(|value| {
            let parsed = parse_role_type(value);
            if parsed.is_none() {
                problems.push(
                    Problem::new(FILE, row.line, code::BAD_ROLE_TYPE)
                        .at(cols.role_type)
                        .with("value", value),
                );
            }
            parsed
        });
        let org = required(&row, read.org_col, FILE, problems);
        let dates = cols.dates(&row, problems);
        let (
            Some(sourced_id),
            Some(user),
            Some(RoleValue::Staff(role)),
            Some(lifecycle),
            Some(role_type),
            Some(org),
            Some((begin_date, end_date)),
        ) = (sourced_id, user, role, lifecycle, role_type, org, dates)
        else {
            continue;
        };
        read.staff.push(RoleRecord {
            line: row.line,
            sourced_id: sourced_id.to_owned(),
            status: lifecycle.status,
            date_last_modified: lifecycle.date_last_modified,
            user_sourced_id: user.to_owned(),
            role,
            role_type,
            org_sourced_id: org.to_owned(),
            begin_date,
            end_date,
        });
    }
    read
}

#[derive(Debug, Clone, Copy)]
struct Cols {
    role_type: Col,
    role: Col,
    begin: Col,
    end: Col,
}

impl Cols {
    /// `beginDate` and `endDate`, each optional, the end not before the begin.
    fn dates(
        &self,
        row: &Row<'_>,
        problems: &mut Problems,
    ) -> Option<(Option<Date>, Option<Date>)> {
        let mut date = |col: Col| -> Result<Option<Date>, ()> {
            let Some(value) = row.get(col) else {
                return Ok(None);
            };
            match Date::parse(value) {
                Some(date) => Ok(Some(date)),
                None => {
                    problems.push(
                        Problem::new(FILE, row.line, code::BAD_DATE)
                            .at(col)
                            .with("value", value),
                    );
                    Err(())
                }
            }
        };
        let (begin, end) = (date(self.begin), date(self.end));
        let (begin, end) = (begin.ok()?, end.ok()?);
        if let (Some(b), Some(e)) = (begin, end)
            && e < b
        {
            problems.push(
                Problem::new(FILE, row.line, code::END_BEFORE_BEGIN)
                    .at(self.end)
                    .with("begin", b)
                    .with("end", e),
            );
            return None;
        }
        Some((begin, end))
    }
}
