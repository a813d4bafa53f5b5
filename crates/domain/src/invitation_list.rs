//! A list of people to invite, as a CSV an admin uploads: one line each,
//! an email address and optionally `,role` (a first line `email,role` is a
//! header and skipped).

use crate::email::EmailAddress;
use crate::role::Role;
use crate::validation::{FieldError, Invalid};

/// At most this many invitations in one upload.
pub const MAX_ROWS: usize = 5_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    pub email: EmailAddress,
    /// None: the role chosen on the form.
    pub role: Option<Role>,
}

fn problem(code: &'static str, line: u64) -> FieldError {
    FieldError::new("file", code).with_arg("line", line)
}

/// The readable rows and every problem (field `file`, with the line); the
/// rows are returned even beside problems so a caller can check them too
/// and report everything at once.
pub fn parse(bytes: &[u8]) -> (Vec<Row>, Invalid) {
    let mut rows = Vec::new();
    let mut invalid = Invalid::new();
    let Ok(text) = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) else {
        invalid.add("file", "csv-not-utf8");
        return (rows, invalid);
    };
    let mut seen = std::collections::HashMap::new();
    // Two plain fields per line: no quoting is needed for addresses and
    // role names, so a line is a line (and its number is exact).
    for (i, raw) in text.lines().enumerate() {
        let line = i as u64 + 1;
        let mut fields = raw.split(',').map(|f| f.trim().trim_matches('"').trim());
        let email_field = fields.next().unwrap_or("");
        let role_field = fields.next().unwrap_or("");
        if fields.any(|f| !f.is_empty()) {
            invalid.push(problem("csv-unreadable", line));
            continue;
        }
        if email_field.is_empty() && role_field.is_empty() {
            continue;
        }
        if i == 0 && email_field.eq_ignore_ascii_case("email") {
            continue;
        }
        let email = match EmailAddress::parse(email_field) {
            Ok(e) => e,
            Err(_) => {
                invalid.push(problem("csv-email-invalid", line).with_arg("value", email_field));
                continue;
            }
        };
        let role = match role_field {
            "" => None,
            r => match Role::parse(&r.to_ascii_lowercase().replace([' ', '-'], "_")) {
                Some(role) => Some(role),
                None => {
                    invalid.push(problem("csv-role-unknown", line).with_arg("value", r));
                    continue;
                }
            },
        };
        if let Some(first) = seen.insert(email.clone(), line) {
            invalid.push(problem("csv-email-twice", line).with_arg("first", first));
            continue;
        }
        rows.push(Row { line, email, role });
    }
    if rows.len() > MAX_ROWS {
        invalid.push(FieldError::new("file", "csv-too-many").with_arg("max", MAX_ROWS));
    }
    if rows.is_empty() && invalid.is_empty() {
        invalid.add("file", "csv-empty");
    }
    (rows, invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_reports_each_problem_by_line() {
        let (ok, none) =
            parse(b"\xEF\xBB\xBFemail,role\nAna@School.org,facilitator\n\nbo@school.org\n");
        assert!(none.is_empty());
        assert_eq!(ok.len(), 2);
        assert_eq!(
            (ok[0].line, ok[0].email.as_str(), ok[0].role),
            (2, "ana@school.org", Some(Role::Facilitator))
        );
        assert_eq!((ok[1].line, ok[1].role), (4, None));

        let (readable, bad) =
            parse(b"ana@school.org\nnot-an-email\ncy@school.org,wizard\nANA@school.org\n");
        assert_eq!(readable.len(), 1, "the first line is still read");
        let found: Vec<(&str, String)> = bad
            .0
            .iter()
            .map(|e| (e.code, e.args[0].1.clone()))
            .collect();
        assert_eq!(
            found,
            [
                ("csv-email-invalid", "2".to_string()),
                ("csv-role-unknown", "3".to_string()),
                ("csv-email-twice", "4".to_string())
            ]
        );
        assert_eq!(parse(b"\n\n").1.0[0].code, "csv-empty");
        assert_eq!(parse(&[0xff, 0xfe]).1.0[0].code, "csv-not-utf8");
    }
}
