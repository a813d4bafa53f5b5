//! The shape of a personal data export: one zip holding a JSON file per
//! area (`account.json`, `learning.json`, `credit.json`, `community.json`,
//! `authoring.json`, … `registry.json` — tool reviews — and `radar.json` —
//! challenge reports filed; [`AREAS`]),
//! a `manifest.json` naming them, and the person's own files under
//! `files/`, each under a name built here so that nothing typed by a person
//! can become a path (`../`, a drive, a folder) inside the archive.
//!
//! The writer is generic over where the bytes go: the web layer writes to
//! a temporary file on a blocking thread, one file at a time, so an export
//! of many hand-ins does not sit in memory.

use std::io::{Seek, Write};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

/// What the archive calls itself, in `manifest.json` and on the API.
pub const FORMAT: &str = "lyceum-personal-data/2";
/// The folder of the archive that holds the person's files.
pub const FILES_DIR: &str = "files";
/// Longest a file's own name may be inside the archive (before the prefix).
const MAX_NAME_CHARS: usize = 80;

/// The areas, in the order they are written.
pub const AREAS: [&str; 10] = [
    "account",
    "learning",
    "credit",
    "community",
    "authoring",
    "trial-reports",
    "practice-library",
    "resources",
    "registry",
    "radar",
];

/// The path a stored file gets inside the archive: `files/<kind>-<id>-<name>`,
/// `kind` and `id` making it unique, `name` keeping only letters, digits,
/// `.`, `-` and `_` (anything else becomes `_`), never starting with a dot.
pub fn file_path(kind: &str, id: i64, name: &str) -> String {
    let mut safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(MAX_NAME_CHARS)
        .collect();
    while safe.starts_with('.') {
        safe.remove(0);
    }
    if safe.is_empty() {
        safe.push_str("file");
    }
    format!("{FILES_DIR}/{kind}-{id}-{safe}")
}

/// An export being written: areas and files go in one at a time.
pub struct ExportZip<W: Write + Seek> {
    zip: zip::ZipWriter<W>,
}

impl<W: Write + Seek> ExportZip<W> {
    pub fn new(out: W) -> Self {
        ExportZip {
            zip: zip::ZipWriter::new(out),
        }
    }

    fn options() -> SimpleFileOptions {
        SimpleFileOptions::default().compression_method(CompressionMethod::Deflated)
    }

    /// `<name>.json`, pretty-printed so a person can read it.
    pub fn json(
        &mut self,
        name: &str,
        value: &serde_json::Value,
    ) -> Result<(), zip::result::ZipError> {
        self.zip
            .start_file(format!("{name}.json"), Self::options())?;
        serde_json::to_writer_pretty(&mut self.zip, value).map_err(std::io::Error::from)?;
        Ok(())
    }

    /// A stored file at `path` (from [`file_path`]). Files already packed
    /// (PDF, PNG, JPEG) are stored as they are.
    pub fn file(&mut self, path: &str, bytes: &[u8]) -> Result<(), zip::result::ZipError> {
        self.zip.start_file(
            path,
            SimpleFileOptions::default().compression_method(CompressionMethod::Stored),
        )?;
        self.zip.write_all(bytes)?;
        Ok(())
    }

    /// Writes the archive's directory and hands back where it went.
    pub fn finish(self) -> Result<W, zip::result::ZipError> {
        self.zip.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Read};

    #[test]
    fn file_names_cannot_leave_the_files_folder() {
        assert_eq!(
            file_path("evidence", 7, "../../etc/passwd"),
            "files/evidence-7-_.._etc_passwd"
        );
        assert_eq!(
            file_path("hand-in", 3, "C:\\x.pdf"),
            "files/hand-in-3-C__x.pdf"
        );
        assert_eq!(file_path("evidence", 1, "..."), "files/evidence-1-file");
        assert_eq!(file_path("evidence", 1, ""), "files/evidence-1-file");
        assert_eq!(
            file_path("evidence", 2, "Año 1.pdf"),
            "files/evidence-2-Año_1.pdf"
        );
        let long = "a".repeat(300);
        assert_eq!(
            file_path("evidence", 1, &long).len(),
            "files/evidence-1-".len() + 80
        );
    }

    #[test]
    fn an_export_reads_back() {
        let mut z = ExportZip::new(Cursor::new(Vec::new()));
        z.json(
            "learning",
            &serde_json::json!({"reflections": [{"body": "hi"}]}),
        )
        .unwrap();
        z.file("files/evidence-1-a.pdf", b"%PDF-1.4").unwrap();
        let bytes = z.finish().unwrap().into_inner();
        let mut a = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut s = String::new();
        a.by_name("learning.json")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        assert!(s.contains("\"hi\""));
        let mut f = Vec::new();
        a.by_name("files/evidence-1-a.pdf")
            .unwrap()
            .read_to_end(&mut f)
            .unwrap();
        assert_eq!(f, b"%PDF-1.4");
    }
}
