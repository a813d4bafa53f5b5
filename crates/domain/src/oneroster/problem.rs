//! What is wrong with a package: a stable code an admin can act on, and the
//! file, line and column it points at.

use super::table::Col;
use std::collections::HashMap;
use std::fmt;

/// Problems kept per file; the rest are summed up as `too-many-problems`, so
/// a file that is wrong on every row cannot flood the report.
pub const MAX_PROBLEMS_PER_FILE: usize = 1000;

/// The stable codes of [`Problem::code`]. The web page translates them; the
/// command line shows [`Problem`]'s English `Display`.
///
/// Whole-package and whole-file problems (line 0 unless said otherwise):
/// - `missing-file`: a file is needed but absent: `manifest.csv` itself, or a
///   file the manifest marks `bulk` or `delta`. Arg `manifest_value`.
/// - `file-not-in-manifest`: `orgs.csv`, `users.csv` or `roles.csv` is present
///   but the manifest marks it `absent` or does not list it. Not read.
/// - `nothing-to-import`: none of orgs, users, roles is in the package.
/// - `empty-file`: no header row.
/// - `missing-property`: the manifest lacks `manifest.version` or
///   `oneroster.version`. Arg `property`.
/// - `too-many-problems`: more than [`MAX_PROBLEMS_PER_FILE`] in this file;
///   the rest were not listed. Arg `max`.
///
/// CSV shape (the line is where the record starts):
/// - `invalid-utf8`: bytes that are not UTF-8. Arg `byte`: the 1-based offset
///   of the first bad byte within the field.
/// - `bad-quote`: a `"` inside an unquoted field, or text after a closing `"`.
/// - `unterminated-quote`: a quoted field never closed; the rest of the file
///   was swallowed by it.
/// - `wrong-field-count`: the row has a different number of fields from the
///   header. Args `expected`, `found`.
///
/// Header row (line 1):
/// - `missing-column`: a column this file needs is not in the header.
/// - `extra-column`: a column that is neither the specification's nor
///   `metadata.*`. Arg `expected` when it differs from one only by case.
/// - `duplicate-column`: the same column twice.
///
/// Manifest values:
/// - `bad-manifest`: a `file.*` value that is not absent, bulk or delta. Args
///   `property`, `value`.
/// - `unsupported-version`: `manifest.version` other than 1.0, or
///   `oneroster.version` other than 1.1 or 1.2. Args `property`, `value`.
/// - `duplicate-property`: a manifest property twice. Arg `first_line`.
///
/// Values in a row:
/// - `missing-required-value`: a required column is blank.
/// - `bad-status`: `status` is not active or tobedeleted. Arg `value`.
/// - `status-in-bulk`: `status` is `tobedeleted` in a bulk file (a bulk
///   file lists what exists). Arg `value`.
/// - `missing-status-in-delta`: `status` is blank in a delta file.
/// - `missing-date-in-delta`: `dateLastModified` is blank in a delta file.
/// - `bad-datetime`: not an ISO 8601 date and time with a zone, e.g.
///   2026-09-01T12:00:00Z. Arg `value`.
/// - `bad-date`: not a YYYY-MM-DD date. Arg `value`.
/// - `end-before-begin`: `endDate` before `beginDate`. Args `begin`, `end`.
/// - `bad-boolean`: not true or false. Arg `value`.
/// - `bad-email`: not an email address. Args `value`, `reason`
///   (`email-invalid` or `email-too-long`).
/// - `bad-org-type`: an org `type` outside national, state, district, local,
///   school, department. Arg `value`.
/// - `unknown-role`: a `role` outside OneRoster's vocabulary. Arg `value`.
/// - `bad-role-type`: `roleType` is not primary or secondary. Arg `value`.
/// - `duplicate-sourced-id`: a sourcedId already used earlier in the same
///   file. Args `value`, `first_line`.
///
/// References between records:
/// - `unknown-org`: an org sourcedId that `orgs.csv` (bulk) does not have.
///   Arg `value`.
/// - `unknown-user`: a user sourcedId that `users.csv` (bulk) does not have.
///   Arg `value`.
/// - `org-cycle`: orgs that are their own ancestors; reported once per cycle,
///   at its first line. Arg `cycle`: the sourcedIds, `a > b > a`.
/// - `bad-org-parent`: Lyceum's tree does not allow this type under its
///   parent's (e.g. a school under a school). Args `type`, `parent_type`,
///   `parent`.
/// - `department-without-parent`: a department with no parent org, so its
///   people cannot be placed in a school.
///
/// The zip (line 0; the file is the entry's name when one file is at fault):
/// - `bad-zip`: not a zip that can be read. Arg `reason`.
/// - `zip-too-many-files`: more entries than allowed. Arg `max`.
/// - `zip-file-too-large`: a file unpacks to more than allowed. Arg `max`
///   (e.g. `256 MB`).
/// - `zip-too-large`: the files unpack to more than allowed together. Arg `max`.
/// - `zip-ratio`: a file unpacks to more times its packed size than allowed.
///   Arg `max`.
///
/// Found by the importer, against what the database already holds:
/// - `account-not-linkable`: the row's email is an existing account that this
///   import may not take in (a role beyond educator, a membership outside the
///   organisation imported for or at the programme, or no membership at all).
///   Args `value` (the email), `org` (the organisation imported for).
/// - `import-running`: another import for the same organisation is under way.
///
/// Notices: what real exports do against the specification that Lyceum
/// reads anyway, told in the summary (never a refusal; `code::NOTICES`):
/// - `no-manifest`: no `manifest.csv`; the files present were read as bulk
///   (line 0 of manifest.csv).
/// - `active-in-bulk`: `active` in a bulk file's status column, read as
///   blank. Args `count`, `first_line`.
/// - `date-in-bulk`: `dateLastModified` filled in a bulk file, ignored.
///   Args `count`, `first_line`.
/// - `column-order`: a column out of the specification's order (columns are
///   read by their names). Arg `after`.
/// - `org-before-parent`: orgs listed before their parents. Args `count`,
///   `first_line`.
/// - `roles-from-users`: roles read from 1.1-style `role` and
///   `orgSourcedIds` columns of users.csv.
/// - `users-not-imported`: users whose roles Lyceum does not take (students,
///   parents, guardians, relatives, proctors, `ext:` roles), skipped. Arg `count`.
/// - `same-email-merged` (the importer): a user row with the email of an
///   earlier row of the same source is the same person, with the roles of
///   both. Args `value`, `first_line`.
pub mod code {
    pub const MISSING_FILE: &str = "missing-file";
    pub const FILE_NOT_IN_MANIFEST: &str = "file-not-in-manifest";
    pub const NOTHING_TO_IMPORT: &str = "nothing-to-import";
    pub const EMPTY_FILE: &str = "empty-file";
    pub const MISSING_PROPERTY: &str = "missing-property";
    pub const TOO_MANY_PROBLEMS: &str = "too-many-problems";
    pub const INVALID_UTF8: &str = "invalid-utf8";
    pub const BAD_QUOTE: &str = "bad-quote";
    pub const UNTERMINATED_QUOTE: &str = "unterminated-quote";
    pub const WRONG_FIELD_COUNT: &str = "wrong-field-count";
    pub const MISSING_COLUMN: &str = "missing-column";
    pub const EXTRA_COLUMN: &str = "extra-column";
    pub const DUPLICATE_COLUMN: &str = "duplicate-column";
    pub const COLUMN_ORDER: &str = "column-order";
    pub const BAD_MANIFEST: &str = "bad-manifest";
    pub const UNSUPPORTED_VERSION: &str = "unsupported-version";
    pub const DUPLICATE_PROPERTY: &str = "duplicate-property";
    pub const MISSING_REQUIRED_VALUE: &str = "missing-required-value";
    pub const BAD_STATUS: &str = "bad-status";
    pub const STATUS_IN_BULK: &str = "status-in-bulk";
    pub const DATE_IN_BULK: &str = "date-in-bulk";
    pub const MISSING_STATUS_IN_DELTA: &str = "missing-status-in-delta";
    pub const MISSING_DATE_IN_DELTA: &str = "missing-date-in-delta";
    pub const BAD_DATETIME: &str = "bad-datetime";
    pub const BAD_DATE: &str = "bad-date";
    pub const END_BEFORE_BEGIN: &str = "end-before-begin";
    pub const BAD_BOOLEAN: &str = "bad-boolean";
    pub const BAD_EMAIL: &str = "bad-email";
    pub const BAD_ORG_TYPE: &str = "bad-org-type";
    pub const UNKNOWN_ROLE: &str = "unknown-role";
    pub const BAD_ROLE_TYPE: &str = "bad-role-type";
    pub const DUPLICATE_SOURCED_ID: &str = "duplicate-sourced-id";
    pub const UNKNOWN_ORG: &str = "unknown-org";
    pub const UNKNOWN_USER: &str = "unknown-user";
    pub const ORG_CYCLE: &str = "org-cycle";
    pub const BAD_ORG_PARENT: &str = "bad-org-parent";
    pub const DEPARTMENT_WITHOUT_PARENT: &str = "department-without-parent";
    // Found by the importer, against what the database already holds.
    pub const EMAIL_USED_TWICE: &str = "email-used-twice";
    pub const ACCOUNT_NOT_LINKABLE: &str = "account-not-linkable";
    pub const CANNOT_PLACE_ORG: &str = "cannot-place-org";
    pub const ORG_OUTSIDE_SCOPE: &str = "org-outside-scope";
    pub const BAD_ZIP: &str = "bad-zip";
    pub const ZIP_TOO_MANY_FILES: &str = "zip-too-many-files";
    pub const ZIP_FILE_TOO_LARGE: &str = "zip-file-too-large";
    pub const ZIP_TOO_LARGE: &str = "zip-too-large";
    pub const ZIP_RATIO: &str = "zip-ratio";
    pub const SOURCE_ELSEWHERE: &str = "source-elsewhere";
    pub const IMPORT_RUNNING: &str = "import-running";
    // Notices.
    pub const NO_MANIFEST: &str = "no-manifest";
    pub const ACTIVE_IN_BULK: &str = "active-in-bulk";
    pub const ORG_BEFORE_PARENT: &str = "org-before-parent";
    pub const ROLES_FROM_USERS: &str = "roles-from-users";
    pub const USERS_NOT_IMPORTED: &str = "users-not-imported";
    pub const SAME_EMAIL_MERGED: &str = "same-email-merged";

    /// Every notice code (`DATE_IN_BULK` and `COLUMN_ORDER` were problems
    /// once; they are notices now).
    pub const NOTICES: &[&str] = &[
        NO_MANIFEST,
        ACTIVE_IN_BULK,
        DATE_IN_BULK,
        COLUMN_ORDER,
        ORG_BEFORE_PARENT,
        ROLES_FROM_USERS,
        USERS_NOT_IMPORTED,
        SAME_EMAIL_MERGED,
    ];

    /// Every code, for translators and for tests that check each has a message.
    pub const ALL: &[&str] = &[
        MISSING_FILE,
        FILE_NOT_IN_MANIFEST,
        NOTHING_TO_IMPORT,
        EMPTY_FILE,
        MISSING_PROPERTY,
        TOO_MANY_PROBLEMS,
        INVALID_UTF8,
        BAD_QUOTE,
        UNTERMINATED_QUOTE,
        WRONG_FIELD_COUNT,
        MISSING_COLUMN,
        EXTRA_COLUMN,
        DUPLICATE_COLUMN,
        BAD_MANIFEST,
        UNSUPPORTED_VERSION,
        DUPLICATE_PROPERTY,
        MISSING_REQUIRED_VALUE,
        BAD_STATUS,
        STATUS_IN_BULK,
        MISSING_STATUS_IN_DELTA,
        MISSING_DATE_IN_DELTA,
        BAD_DATETIME,
        BAD_DATE,
        END_BEFORE_BEGIN,
        BAD_BOOLEAN,
        BAD_EMAIL,
        BAD_ORG_TYPE,
        UNKNOWN_ROLE,
        BAD_ROLE_TYPE,
        DUPLICATE_SOURCED_ID,
        UNKNOWN_ORG,
        UNKNOWN_USER,
        ORG_CYCLE,
        BAD_ORG_PARENT,
        DEPARTMENT_WITHOUT_PARENT,
        EMAIL_USED_TWICE,
        ACCOUNT_NOT_LINKABLE,
        CANNOT_PLACE_ORG,
        ORG_OUTSIDE_SCOPE,
        BAD_ZIP,
        ZIP_TOO_MANY_FILES,
        ZIP_FILE_TOO_LARGE,
        ZIP_TOO_LARGE,
        ZIP_RATIO,
        SOURCE_ELSEWHERE,
        IMPORT_RUNNING,
    ];
}

/// One thing wrong with a package, located as exactly as the file allows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file's name in the package, e.g. `users.csv`.
    pub file: String,
    /// The 1-based physical line where the record starts (a quoted field may
    /// span lines); 1 for the header; 0 for a problem with the whole file.
    pub line: u64,
    /// The column's header name, when the problem is in one column.
    pub column: Option<String>,
    /// The column's 1-based position, when the file has that column.
    pub column_number: Option<usize>,
    /// One of [`code::ALL`].
    pub code: &'static str,
    /// What the message needs, e.g. `("value", "x@")`.
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    pub fn new(file: &str, line: u64, code: &'static str) -> Self {
        Self {
            file: file.to_owned(),
            line,
            column: None,
            column_number: None,
            code,
            args: Vec::new(),
        }
    }

    /// Points the problem at a column (its number, if the file has it).
    pub(crate) fn at(mut self, col: Col) -> Self {
        self.column = Some(col.name.to_owned());
        self.column_number = col.index.map(|i| i + 1);
        self
    }

    /// Points the problem at the `index`th (0-based) column, named `name`.
    pub(crate) fn at_index(mut self, name: &str, index: usize) -> Self {
        self.column = Some(name.to_owned());
        self.column_number = Some(index + 1);
        self
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The value of argument `name`, if the problem has one.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The English sentence after the location, for the command line.
    pub fn message(&self) -> String {
        let a = |name: &str| self.arg(name).unwrap_or("");
        let column = self.column.as_deref().unwrap_or("");
        match self.code {
            code::MISSING_FILE if self.file == "manifest.csv" => {
                "the package has no manifest.csv".to_owned()
            }
            code::MISSING_FILE => format!(
                "the manifest marks this file {} but the package does not have it",
                a("manifest_value")
            ),
            code::FILE_NOT_IN_MANIFEST => {
                "the file is present but the manifest marks it absent or does not list it, so it was not read"
                    .to_owned()
            }
            code::NOTHING_TO_IMPORT => {
                "the manifest lists none of orgs.csv, users.csv and roles.csv".to_owned()
            }
            code::EMPTY_FILE => "the file is empty: it needs at least a header row".to_owned(),
            code::MISSING_PROPERTY => format!("the manifest has no {} row", a("property")),
            code::TOO_MANY_PROBLEMS => format!(
                "more than {} problems in this file; fix these and try again to see the rest",
                a("max")
            ),
            code::INVALID_UTF8 => format!(
                "byte {} of this field is not UTF-8; save the file as UTF-8",
                a("byte")
            ),
            code::BAD_QUOTE => {
                "a double quote inside an unquoted field, or text after a closing quote; quote the whole field and double the quotes inside it"
                    .to_owned()
            }
            code::UNTERMINATED_QUOTE => {
                "a quoted field starts here and is never closed".to_owned()
            }
            code::WRONG_FIELD_COUNT => format!(
                "the row has {} fields but the header has {}",
                a("found"),
                a("expected")
            ),
            code::MISSING_COLUMN => format!("the header has no {column} column"),
            code::EXTRA_COLUMN => match self.arg("expected") {
                Some(expected) => format!(
                    "{column:?} is not a column of this file; did you mean {expected:?}? (column names are case-sensitive)"
                ),
                None => format!(
                    "{column:?} is not a column of this file; extra columns must be named metadata.* and come last"
                ),
            },
            code::DUPLICATE_COLUMN => format!("the header has the {column} column twice"),
            code::COLUMN_ORDER => format!(
                "column {column} comes after column {}, unlike the specification; it was read by its name",
                a("after")
            ),
            code::BAD_MANIFEST => format!(
                "{:?} is not a processing mode for {}: use absent, bulk or delta",
                a("value"),
                a("property")
            ),
            code::UNSUPPORTED_VERSION => format!(
                "{} {:?} is not supported (manifest.version must be 1.0; oneroster.version 1.1 or 1.2)",
                a("property"),
                a("value")
            ),
            code::DUPLICATE_PROPERTY => format!(
                "this property was already given on line {}",
                a("first_line")
            ),
            code::MISSING_REQUIRED_VALUE => "a value is required".to_owned(),
            code::BAD_STATUS => format!(
                "{:?} is not a status: use active or tobedeleted",
                a("value")
            ),
            code::STATUS_IN_BULK => format!(
                "status must be blank or active in a bulk file, not {:?}",
                a("value")
            ),
            code::DATE_IN_BULK => format!(
                "{} rows of this bulk file (the first on line {}) have a dateLastModified; it was ignored",
                a("count"),
                a("first_line")
            ),
            code::NO_MANIFEST => {
                "the package has no manifest.csv: the files present were read as bulk (the whole roster)".to_owned()
            }
            code::ACTIVE_IN_BULK => format!(
                "{} rows of this bulk file (the first on line {}) say status active; a bulk file lists only what is active, so it was read as blank",
                a("count"),
                a("first_line")
            ),
            code::ORG_BEFORE_PARENT => format!(
                "{} orgs (the first on line {}) come before their parent org; they were placed under it all the same",
                a("count"),
                a("first_line")
            ),
            code::ROLES_FROM_USERS => {
                "roles were read from the OneRoster 1.1 columns role and orgSourcedIds of users.csv".to_owned()
            }
            code::USERS_NOT_IMPORTED => format!(
                "{} users were skipped: Lyceum takes staff only, not students, parents, guardians, relatives or proctors",
                a("count")
            ),
            code::SAME_EMAIL_MERGED => format!(
                "{:?} is also the email on line {}: both rows are one person, with the roles of both",
                a("value"),
                a("first_line")
            ),
            code::MISSING_STATUS_IN_DELTA => {
                "a delta file needs a status (active or tobedeleted) on every row".to_owned()
            }
            code::MISSING_DATE_IN_DELTA => {
                "a delta file needs a dateLastModified on every row".to_owned()
            }
            code::BAD_DATETIME => format!(
                "{:?} is not a date and time like 2026-09-01T12:00:00Z",
                a("value")
            ),
            code::BAD_DATE => format!("{:?} is not a date like 2026-09-01", a("value")),
            code::END_BEFORE_BEGIN => format!(
                "the end date {} is before the begin date {}",
                a("end"),
                a("begin")
            ),
            code::BAD_BOOLEAN => format!("{:?} is not true or false", a("value")),
            code::BAD_EMAIL => format!("{:?} is not an email address", a("value")),
            code::BAD_ORG_TYPE => format!(
                "{:?} is not an org type Lyceum can place: use national, state, district, local, school or department",
                a("value")
            ),
            code::UNKNOWN_ROLE => format!("{:?} is not a OneRoster role", a("value")),
            code::BAD_ROLE_TYPE => format!(
                "{:?} is not a role type: use primary or secondary",
                a("value")
            ),
            code::DUPLICATE_SOURCED_ID => format!(
                "sourcedId {:?} is already used on line {}",
                a("value"),
                a("first_line")
            ),
            code::UNKNOWN_ORG => format!("no org in orgs.csv has sourcedId {:?}", a("value")),
            code::UNKNOWN_USER => {
                format!("no user in users.csv has sourcedId {:?}", a("value"))
            }
            code::ORG_CYCLE => format!("these orgs are their own ancestors: {}", a("cycle")),
            code::BAD_ORG_PARENT => format!(
                "a {} cannot sit under a {} (parent {:?})",
                a("type"),
                a("parent_type"),
                a("parent")
            ),
            code::DEPARTMENT_WITHOUT_PARENT => {
                "a department needs a parentSourcedId: its people join the school above it"
                    .to_owned()
            }
            code::EMAIL_USED_TWICE => format!(
                "{} is also the email of the user on line {}; one person, one account",
                a("value"),
                a("first_line")
            ),
            code::ACCOUNT_NOT_LINKABLE => format!(
                "{} already has a Lyceum account that this roster cannot take over: it has a role beyond educator, belongs to an organisation outside {}, or belongs to none. Remove the row; the person can join through an invitation or a join code",
                a("value"),
                a("org")
            ),
            code::CANNOT_PLACE_ORG => format!(
                "a {} cannot be placed under {} ({})",
                a("type"),
                a("parent"),
                a("parent_type")
            ),
            code::BAD_ZIP => format!("the zip file cannot be read: {}", a("reason")),
            code::ZIP_TOO_MANY_FILES => format!(
                "the zip holds more than {} files; a roster has at most 13",
                a("max")
            ),
            code::ZIP_FILE_TOO_LARGE => {
                format!("the file unpacks to more than {}", a("max"))
            }
            code::ZIP_TOO_LARGE => format!("the zip unpacks to more than {} in all", a("max")),
            code::ZIP_RATIO => format!(
                "the file unpacks to more than {} times its packed size, which roster files never do; it was not unpacked",
                a("max")
            ),
            code::IMPORT_RUNNING => {
                "an import for this organisation is already running; try again in a few minutes"
                    .to_owned()
            }
            code::SOURCE_ELSEWHERE => format!(
                "the source {:?} belongs to another organisation; give this import another name",
                a("value")
            ),
            code::ORG_OUTSIDE_SCOPE => format!(
                "{} was imported before into {}, outside the organisation this import is for",
                a("value"),
                a("place")
            ),
            other => other.to_owned(),
        }
    }
}

/// `users.csv line 17, column email: "x@" is not an email address`.
/// A problem with the whole package (no file) is its message alone.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.file.is_empty() && self.line == 0 && self.column.is_none() {
            return f.write_str(&self.message());
        }
        f.write_str(&self.file)?;
        if self.line > 0 {
            write!(f, " line {}", self.line)?;
        }
        if let Some(column) = &self.column {
            let sep = if self.line > 0 { "," } else { "" };
            write!(f, "{sep} column {column}")?;
        }
        write!(f, ": {}", self.message())
    }
}

/// Collects problems, capped per file, and hands them back in reading order.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    list: Vec<Problem>,
    per_file: HashMap<String, usize>,
    notices: Vec<Problem>,
    /// Notices told once per file with how often: (file, code) → (first
    /// line, count).
    counted: std::collections::BTreeMap<(String, &'static str), (u64, usize)>,
}

impl Problems {
    pub(crate) fn push(&mut self, problem: Problem) {
        let count = match self.per_file.get_mut(&problem.file) {
            Some(count) => count,
            None => self.per_file.entry(problem.file.clone()).or_default(),
        };
        *count += 1;
        if *count <= MAX_PROBLEMS_PER_FILE {
            self.list.push(problem);
        } else if *count == MAX_PROBLEMS_PER_FILE + 1 {
            self.list.push(
                Problem::new(&problem.file, 0, code::TOO_MANY_PROBLEMS)
                    .with("max", MAX_PROBLEMS_PER_FILE),
            );
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Something read anyway, for the summary.
    pub(crate) fn notice(&mut self, notice: Problem) {
        self.notices.push(notice);
    }

    /// A notice told once per file, with the first line and how many rows.
    pub(crate) fn count(&mut self, file: &str, line: u64, code: &'static str) {
        self.counted
            .entry((file.to_owned(), code))
            .or_insert((line, 0))
            .1 += 1;
    }

    /// The notices, in file then line order.
    pub(crate) fn take_notices(&mut self) -> Vec<Problem> {
        let mut notices = std::mem::take(&mut self.notices);
        for ((file, code), (first_line, count)) in std::mem::take(&mut self.counted) {
            notices.push(
                Problem::new(&file, first_line, code)
                    .with("count", count)
                    .with("first_line", first_line),
            );
        }
        notices.sort_by_key(|p| (file_rank(&p.file), p.line, p.column_number));
        notices
    }

    /// Sorted by file (manifest, orgs, users, roles, then the rest), then
    /// line and column (a column the file lacks last); `too-many-problems` closes its file's list.
    pub(crate) fn into_sorted(mut self) -> Vec<Problem> {
        self.list.sort_by(|a, b| {
            let key = |p: &Problem| {
                (
                    file_rank(&p.file),
                    p.code == code::TOO_MANY_PROBLEMS,
                    p.line,
                    p.column_number.unwrap_or(usize::MAX),
                )
            };
            key(a).cmp(&key(b)).then_with(|| a.file.cmp(&b.file))
        });
        self.list
    }
}

fn file_rank(file: &str) -> u8 {
    match file {
        "manifest.csv" => 0,
        "orgs.csv" => 1,
        "users.csv" => 2,
        "roles.csv" => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_own_message() {
        let every: Vec<&str> = code::ALL.iter().chain(code::NOTICES).copied().collect();
        for c in &every {
            let p = Problem::new("users.csv", 3, c);
            assert_ne!(p.message(), *c, "{c} has no message");
        }
        let mut unique = every.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), every.len(), "a code is a problem or a notice");
    }

    #[test]
    fn displays_location_then_message() {
        let p = Problem::new("users.csv", 17, code::BAD_EMAIL)
            .at_index("email", 10)
            .with("value", "x@");
        assert_eq!(
            p.to_string(),
            r#"users.csv line 17, column email: "x@" is not an email address"#
        );
        let whole = Problem::new("roles.csv", 0, code::EMPTY_FILE);
        assert_eq!(
            whole.to_string(),
            "roles.csv: the file is empty: it needs at least a header row"
        );
        let package = Problem::new("", 0, code::IMPORT_RUNNING);
        assert_eq!(
            package.to_string(),
            "an import for this organisation is already running; try again in a few minutes"
        );
    }

    #[test]
    fn caps_each_file_and_sorts() {
        let mut problems = Problems::default();
        for line in (2..MAX_PROBLEMS_PER_FILE as u64 + 10).rev() {
            problems.push(Problem::new("users.csv", line, code::BAD_BOOLEAN));
        }
        problems.push(Problem::new("orgs.csv", 9, code::BAD_ORG_TYPE));
        let sorted = problems.into_sorted();
        assert_eq!(sorted.len(), MAX_PROBLEMS_PER_FILE + 2);
        assert_eq!(sorted[0].file, "orgs.csv");
        assert!(
            sorted[1..]
                .windows(2)
                .all(|w| w[0].line <= w[1].line || w[1].code == code::TOO_MANY_PROBLEMS)
        );
        assert_eq!(sorted.last().map(|p| p.code), Some(code::TOO_MANY_PROBLEMS));
    }
}
