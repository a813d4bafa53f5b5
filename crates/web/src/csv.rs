//! CSV for people's spreadsheets (RFC 4180), made safe to open: a field a
//! spreadsheet would run as a formula is defused.

/// One CSV field: quoted when it must be, and defused when a spreadsheet
/// would read it as a formula (a name starting with `=` or `+`).
pub fn csv_field(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// One CSV line, fields joined and ended with CRLF.
pub fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let line: Vec<String> = fields.iter().map(|f| csv_field(f.as_ref())).collect();
    format!("{}\r\n", line.join(","))
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        assert_eq!(csv_field("Ana"), "Ana");
        assert_eq!(csv_field("Rivera, Ana"), "\"Rivera, Ana\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+1"), "'+1");
    }

    /// Every character a spreadsheet starts a formula with (OWASP's list):
    /// the field is defused, and quoted when it must be.
    #[test]
    fn every_formula_start_is_defused() {
        for (value, written) in [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "\"'\r=1+1\""),
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            (
                "=HYPERLINK(\"https://evil.example\",\"x\")",
                "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\"",
            ),
        ] {
            assert_eq!(csv_field(value), written, "{value:?}");
        }
        // Inside a value, or after a letter, they are only text.
        assert_eq!(csv_field("a=1"), "a=1");
        assert_eq!(csv_field("2026-10-02"), "2026-10-02");
    }
}
