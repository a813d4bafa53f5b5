//! Reading one CSV file the way every OneRoster file is read: RFC 4180, UTF-8
//! with an optional byte-order mark, a header row checked against the
//! specification's columns, and physical line numbers for every record.
//!
//! The `csv` crate splits records (fast, and right about quoted commas and
//! newlines) but is lenient where RFC 4180 is strict and counts lines in its
//! own way, so quoting and line numbers are checked here against the raw bytes.

use super::problem::{Problem, Problems, code};
use csv::ByteRecord;

const BOM: &[u8] = b"\xEF\xBB\xBF";
const METADATA_PREFIX: &str = "metadata.";

/// A specification column and where the file has it (0-based), if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Col {
    pub name: &'static str,
    pub index: Option<usize>,
}

/// The header row, read against the specification's columns.
#[derive(Debug)]
pub(crate) struct Header {
    /// The names as the file spells them, trimmed.
    names: Vec<String>,
    spec: &'static [&'static str],
}

impl Header {
    /// Where the file has the specification column `name`.
    pub(crate) fn col(&self, name: &'static str) -> Col {
        debug_assert!(self.spec.contains(&name), "{name} is not in the spec");
        Col {
            name,
            index: self.names.iter().position(|n| n == name),
        }
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    pub(crate) fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }
}

/// One data row: fields already known to be UTF-8, as many as the header has.
pub(crate) struct Row<'r> {
    pub line: u64,
    record: &'r ByteRecord,
}

impl<'r> Row<'r> {
    /// The trimmed value in `col`; `None` if the file lacks the column or the
    /// value is blank.
    pub(crate) fn get(&self, col: Col) -> Option<&'r str> {
        let bytes = self.record.get(col.index?)?;
        // Checked in `Table::next_row`; a failure here cannot happen.
        let value = std::str::from_utf8(bytes).ok()?.trim();
        (!value.is_empty()).then_some(value)
    }
}

/// A file being read, header first, then row by row.
pub(crate) struct Table<'a> {
    file: &'static str,
    input: &'a [u8],
    reader: csv::Reader<&'a [u8]>,
    record: ByteRecord,
    lines: LineCounter,
    header: Header,
    /// Rows skipped as malformed, whose sourcedIds are therefore unknown.
    malformed: usize,
}

impl<'a> Table<'a> {
    /// Reads and checks the header. `None` when the file has no header row
    /// (reported as `empty-file`).
    pub(crate) fn open(
        file: &'static str,
        bytes: &'a [u8],
        spec: &'static [&'static str],
        problems: &mut Problems,
    ) -> Option<Self> {
        let input = bytes.strip_prefix(BOM).unwrap_or(bytes);
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(input);
        let mut table = Table {
            file,
            input,
            reader,
            record: ByteRecord::new(),
            lines: LineCounter::default(),
            header: Header {
                names: Vec::new(),
                spec,
            },
            malformed: 0,
        };
        let Some((line, quoting)) = table.read_record() else {
            problems.push(Problem::new(file, 0, code::EMPTY_FILE));
            return None;
        };
        if let Err(problem_code) = quoting {
            // Without a header no row can be read.
            problems.push(Problem::new(file, line, problem_code));
            return None;
        }
        let mut names = Vec::with_capacity(table.record.len());
        for (index, field) in table.record.iter().enumerate() {
            let name = match std::str::from_utf8(field) {
                Ok(name) => name.trim().to_owned(),
                Err(e) => {
                    problems.push(
                        Problem::new(file, line, code::INVALID_UTF8)
                            .with("byte", e.valid_up_to() + 1)
                            .at_index(&String::from_utf8_lossy(field), index),
                    );
                    String::from_utf8_lossy(field).trim().to_owned()
                }
            };
            names.push(name);
        }
        table.header.names = names;
        check_header(file, &table.header, problems);
        Some(table)
    }

    /// About how many rows follow (lines in the file), for sizing.
    pub(crate) fn row_estimate(&self) -> usize {
        self.input.iter().filter(|b| **b == b'\n').count()
    }

    /// Whether every row so far had its sourcedId read (blank ones aside):
    /// only then can a reference to a sourcedId the file lacks be called
    /// unknown, rather than be a row that could not be read.
    pub(crate) fn ids_complete(&self) -> bool {
        self.malformed == 0 && self.header.has("sourcedId")
    }

    pub(crate) fn header(&self) -> &Header {
        &self.header
    }

    /// Reports each of `columns` the header lacks as `missing-column`.
    pub(crate) fn require(&self, columns: &[&'static str], problems: &mut Problems) {
        for &name in columns {
            if !self.header.has(name) {
                problems.push(
                    Problem::new(self.file, 1, code::MISSING_COLUMN).at(Col { name, index: None }),
                );
            }
        }
    }

    /// The next data row that is well formed; rows that are not are reported
    /// and skipped, blank rows skipped silently.
    pub(crate) fn next_row(&mut self, problems: &mut Problems) -> Option<Row<'_>> {
        loop {
            let line = self.next_record(problems)?;
            if self
                .record
                .iter()
                .all(|f| f.iter().all(u8::is_ascii_whitespace))
            {
                continue; // e.g. `,,,` from a spreadsheet
            }
            if self.record.len() != self.header.len() {
                self.malformed += 1;
                problems.push(
                    Problem::new(self.file, line, code::WRONG_FIELD_COUNT)
                        .with("expected", self.header.len())
                        .with("found", self.record.len()),
                );
                continue;
            }
            if fields_are_utf8(&self.record) {
                return Some(Row {
                    line,
                    record: &self.record,
                });
            }
            self.malformed += 1;
            for (index, field) in self.record.iter().enumerate() {
                if let Err(e) = std::str::from_utf8(field) {
                    problems.push(
                        Problem::new(self.file, line, code::INVALID_UTF8)
                            .at_index(self.header.name(index), index)
                            .with("byte", e.valid_up_to() + 1),
                    );
                }
            }
        }
    }

    /// The next record whose quoting is right, and the physical line it
    /// starts on; records whose quoting is wrong are reported and skipped.
    fn next_record(&mut self, problems: &mut Problems) -> Option<u64> {
        loop {
            let (line, quoting) = self.read_record()?;
            match quoting {
                Ok(()) => return Some(line),
                Err(problem_code) => {
                    self.malformed += 1;
                    problems.push(Problem::new(self.file, line, problem_code));
                }
            }
        }
    }

    /// Reads the next record into `self.record`: the physical line it starts
    /// on, and whether its quoting follows RFC 4180.
    fn read_record(&mut self) -> Option<(u64, Result<(), &'static str>)> {
        let from = usize::try_from(self.reader.position().byte()).ok()?;
        // Reading from a slice cannot fail, and byte records skip UTF-8.
        if !self.reader.read_byte_record(&mut self.record).ok()? {
            return None;
        }
        let to = usize::try_from(self.reader.position().byte()).ok()?;
        let raw = self.input.get(from..to)?;
        // The reader's position is where the previous record ended, which
        // can be before line endings and blank lines.
        let skipped = raw
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let line = self.lines.line_at(self.input, from + skipped);
        Some((line, check_quotes(raw.get(skipped..)?)))
    }
}

/// Whether every field is UTF-8, checked in one pass over the whole record:
/// if the fields end to end are UTF-8, a field can only be broken where it
/// meets the next, and then the next starts with a continuation byte.
fn fields_are_utf8(record: &ByteRecord) -> bool {
    std::str::from_utf8(record.as_slice()).is_ok()
        && record
            .iter()
            .all(|field| field.first().is_none_or(|b| b & 0xC0 != 0x80))
}

/// Reports extra, repeated and out-of-order columns.
fn check_header(file: &str, header: &Header, problems: &mut Problems) {
    // The spec position and name of the furthest specification column so far.
    let mut furthest: Option<(usize, &str)> = None;
    let mut metadata: Option<&str> = None;
    for (index, name) in header.names.iter().enumerate() {
        if name.starts_with(METADATA_PREFIX) {
            metadata.get_or_insert(name);
            continue;
        }
        let Some(spec_index) = header.spec.iter().position(|s| s == name) else {
            let mut problem = Problem::new(file, 1, code::EXTRA_COLUMN).at_index(name, index);
            if let Some(expected) = header.spec.iter().find(|s| s.eq_ignore_ascii_case(name)) {
                problem = problem.with("expected", expected);
            }
            problems.push(problem);
            continue;
        };
        if header.names[..index].contains(name) {
            problems.push(Problem::new(file, 1, code::DUPLICATE_COLUMN).at_index(name, index));
            continue;
        }
        let after = match (metadata, furthest) {
            (Some(meta), _) => Some(meta),
            (None, Some((at, other))) if at > spec_index => Some(other),
            _ => None,
        };
        // Columns are read by their names, so the order only deserves a
        // word in the summary.
        if let Some(after) = after {
            problems.notice(
                Problem::new(file, 1, code::COLUMN_ORDER)
                    .at_index(name, index)
                    .with("after", after),
            );
        }
        if furthest.is_none_or(|(at, _)| at < spec_index) {
            furthest = Some((spec_index, name));
        }
    }
}

/// Checks one record's raw bytes against RFC 4180 quoting: a field is either
/// unquoted and free of `"`, or wholly quoted with inner quotes doubled.
fn check_quotes(raw: &[u8]) -> Result<(), &'static str> {
    if !raw.contains(&b'"') {
        return Ok(());
    }
    let mut bytes = raw.iter().copied().peekable();
    let mut at_field_start = true;
    while let Some(b) = bytes.next() {
        match b {
            b'"' if at_field_start => loop {
                match bytes.next() {
                    None => return Err(code::UNTERMINATED_QUOTE),
                    Some(b'"') if bytes.peek() == Some(&b'"') => {
                        bytes.next();
                    }
                    Some(b'"') => match bytes.peek() {
                        None | Some(b',' | b'\r' | b'\n') => {
                            at_field_start = false;
                            break;
                        }
                        Some(_) => return Err(code::BAD_QUOTE),
                    },
                    Some(_) => {}
                }
            },
            b'"' => return Err(code::BAD_QUOTE),
            b',' => at_field_start = true,
            b'\r' | b'\n' => return Ok(()),
            _ => at_field_start = false,
        }
    }
    Ok(())
}

/// Turns byte offsets into 1-based line numbers, counting forwards only.
#[derive(Debug)]
struct LineCounter {
    offset: usize,
    line: u64,
}

impl Default for LineCounter {
    fn default() -> Self {
        Self { offset: 0, line: 1 }
    }
}

impl LineCounter {
    fn line_at(&mut self, input: &[u8], offset: usize) -> u64 {
        if let Some(between) = input.get(self.offset..offset) {
            self.line += between.iter().filter(|b| **b == b'\n').count() as u64;
            self.offset = offset;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &[&str] = &["sourcedId", "status", "name", "type"];

    /// (line, fields) of every row, and the problems, as `line:code`.
    fn read(input: &str) -> (Vec<(u64, Vec<String>)>, Vec<String>) {
        let mut problems = Problems::default();
        let mut rows = Vec::new();
        if let Some(mut table) = Table::open("t.csv", input.as_bytes(), SPEC, &mut problems) {
            let cols: Vec<Col> = SPEC.iter().map(|n| table.header().col(n)).collect();
            while let Some(row) = table.next_row(&mut problems) {
                let fields = cols
                    .iter()
                    .map(|c| row.get(*c).unwrap_or("").to_owned())
                    .collect();
                rows.push((row.line, fields));
            }
        }
        let notices = problems.take_notices();
        let problems = problems
            .into_sorted()
            .iter()
            .chain(&notices)
            .map(|p| {
                format!(
                    "{}:{}:{}",
                    p.line,
                    p.column.as_deref().unwrap_or("-"),
                    p.code
                )
            })
            .collect();
        (rows, problems)
    }

    #[test]
    fn quoted_newlines_keep_physical_line_numbers() {
        let (rows, problems) = read(
            "sourcedId,status,name,type\r\n\
             a,,\"Line one\r\nline two\",school\r\n\
             \r\n\
             b,,\"say \"\"hi\"\", ok\",district\n\
             c,,plain,\"state\"",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1[2], "Line one\r\nline two");
        assert_eq!(rows[1].0, 5);
        assert_eq!(rows[1].1[2], "say \"hi\", ok");
        assert_eq!(rows[2].0, 6);
        assert_eq!(rows[2].1[3], "state");
    }

    #[test]
    fn drops_a_bom_and_blank_rows() {
        let (rows, problems) =
            read("\u{feff}sourcedId,status,name,type\n\n,,,\n  ,, ,\nx,,n,t\n\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            rows,
            vec![(5, vec!["x".into(), "".into(), "n".into(), "t".into()])]
        );
    }

    #[test]
    fn empty_input_has_no_header() {
        assert_eq!(read("").1, vec!["0:-:empty-file"]);
        assert_eq!(read("\u{feff}").1, vec!["0:-:empty-file"]);
        assert_eq!(read("\n\r\n").1, vec!["0:-:empty-file"]);
    }

    #[test]
    fn header_problems() {
        let (_, problems) = read("status,sourcedId,Name,type,type,metadata.x,name\n");
        assert_eq!(
            problems,
            // Out of order is a notice (listed last), read by name.
            vec![
                "1:Name:extra-column",
                "1:type:duplicate-column",
                "1:sourcedId:column-order",
                "1:name:column-order",
            ]
        );
    }

    #[test]
    fn a_header_with_bad_quoting_stops_the_file() {
        assert_eq!(
            read("sourcedId,\"status\"x,name,type\na,,b,c\n").1,
            vec!["1:-:bad-quote"]
        );
        assert_eq!(
            read("\"sourcedId,status\na,,b,c\n").1,
            vec!["1:-:unterminated-quote"]
        );
    }

    #[test]
    fn quoting_errors_are_reported_and_the_row_skipped() {
        let (rows, problems) = read(
            "sourcedId,status,name,type\n\
             a,,5'10\",school\n\
             b,,\"quoted\"tail,school\n\
             c,,ok,school\n\
             d,,\"never closed,school\n\
             e,,x,school\n",
        );
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), vec![4]);
        assert_eq!(
            problems,
            vec!["2:-:bad-quote", "3:-:bad-quote", "5:-:unterminated-quote"]
        );
    }

    #[test]
    fn field_counts_and_utf8() {
        let mut input = b"sourcedId,status,name,type\na,,b\nc,,\xC3\x28x,school\n".to_vec();
        input.extend_from_slice(b"d,,ok,school,\n");
        let mut problems = Problems::default();
        let mut table = Table::open("t.csv", &input, SPEC, &mut problems).unwrap();
        assert!(table.next_row(&mut problems).is_none());
        let p = problems.into_sorted();
        let shown: Vec<String> = p.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "t.csv line 2: the row has 3 fields but the header has 4",
                "t.csv line 3, column name: byte 1 of this field is not UTF-8; save the file as UTF-8",
                "t.csv line 4: the row has 5 fields but the header has 4",
            ]
        );
        assert_eq!(p[1].column_number, Some(3));
    }

    #[test]
    fn utf8_split_between_fields_is_caught() {
        // "é" is C3 A9: valid end to end, broken in each field.
        let mut record = ByteRecord::new();
        record.push_field(b"a\xC3");
        record.push_field(b"\xA9b");
        assert!(!fields_are_utf8(&record));
        let mut fine = ByteRecord::new();
        fine.push_field("José".as_bytes());
        fine.push_field("".as_bytes());
        fine.push_field("Zoë".as_bytes());
        assert!(fields_are_utf8(&fine));
    }

    #[test]
    fn quote_checker() {
        assert_eq!(check_quotes(b"a,b\n"), Ok(()));
        assert_eq!(check_quotes(b"\"a,\"\"b\"\"\",c\r\n"), Ok(()));
        assert_eq!(check_quotes(b"\"\",\"\""), Ok(()));
        assert_eq!(check_quotes(b"a\"b"), Err(code::BAD_QUOTE));
        assert_eq!(check_quotes(b"\"a\" ,b"), Err(code::BAD_QUOTE));
        assert_eq!(check_quotes(b"\"a"), Err(code::UNTERMINATED_QUOTE));
    }
}
