//! Checking a resource of the library: its details, its link or its file
//! (by its bytes).
//!
//! A file is recognised by what its bytes are, never by its name: PDF, PNG
//! and JPEG by their signatures; DOCX, PPTX and ODT by looking inside the
//! zip they are (with limits on entries and on what is read). The name's
//! extension must then agree with what the bytes are. [`file_type`] and
//! [`check_file`] are shared with practice materials.

use super::{Licence, ResourceKind};
use crate::i18n::Lang;
use crate::profile::{GradeBand, Subject};
use crate::throttle::Delays;
use crate::validation::{FieldError, Invalid, required_paragraphs, required_text};
use std::io::{Cursor, Read};
use std::time::Duration;

/// The largest file a resource (or a practice material) may be.
pub const MAX_RESOURCE_BYTES: usize = 10 * 1024 * 1024;
const MAX_TITLE: usize = 200;
const MAX_DESCRIPTION: usize = 5_000;
const MAX_URL: usize = 1_000;
const MAX_NAME: usize = 120;
/// A zip with more entries than this is not a document we take.
const MAX_ZIP_ENTRIES: usize = 5_000;

/// The kinds of file the library keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    Docx,
    Pptx,
    Odt,
    Png,
    Jpeg,
}

impl FileType {
    /// The media type it is stored and served with.
    pub fn media_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileType::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            FileType::Odt => "application/vnd.oasis.opendocument.text",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
        }
    }

    /// The file name extensions that say this type.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileType::Pdf => &["pdf"],
            FileType::Docx => &["docx"],
            FileType::Pptx => &["pptx"],
            FileType::Odt => &["odt"],
            FileType::Png => &["png"],
            FileType::Jpeg => &["jpg", "jpeg"],
        }
    }

    /// A short name for people ("PDF", "DOCX").
    pub fn short_name(self) -> &'static str {
        match self {
            FileType::Pdf => "PDF",
            FileType::Docx => "DOCX",
            FileType::Pptx => "PPTX",
            FileType::Odt => "ODT",
            FileType::Png => "PNG",
            FileType::Jpeg => "JPEG",
        }
    }

    pub fn from_media_type(media: &str) -> Option<FileType> {
        [
            FileType::Pdf,
            FileType::Docx,
            FileType::Pptx,
            FileType::Odt,
            FileType::Png,
            FileType::Jpeg,
        ]
        .into_iter()
        .find(|t| t.media_type() == media)
    }
}

/// What the bytes are, if one of the [`FileType`]s.
pub fn file_type(bytes: &[u8]) -> Option<FileType> {
    if bytes.starts_with(b"%PDF-") {
        Some(FileType::Pdf)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(FileType::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileType::Jpeg)
    } else if bytes.starts_with(b"PK\x03\x04") {
        zipped_type(bytes)
    } else {
        None
    }
}

/// An office document inside a zip: OOXML by `[Content_Types].xml` and a
/// `word/` or `ppt/` part; ODF text by its `mimetype` entry.
fn zipped_type(bytes: &[u8]) -> Option<FileType> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return None;
    }
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    if names.iter().any(|n| n == "mimetype") {
        let entry = zip.by_name("mimetype").ok()?;
        let mut text = String::new();
        // The entry is a few dozen bytes; read no more than that.
        entry.take(100).read_to_string(&mut text).ok()?;
        return (text.trim() == "application/vnd.oasis.opendocument.text").then_some(FileType::Odt);
    }
    if !names.iter().any(|n| n == "[Content_Types].xml") {
        return None;
    }
    if names.iter().any(|n| n.starts_with("word/")) {
        Some(FileType::Docx)
    } else if names.iter().any(|n| n.starts_with("ppt/")) {
        Some(FileType::Pptx)
    } else {
        None
    }
}

/// A file, checked: its safe name, what it is, its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFile {
    pub name: String,
    pub file_type: FileType,
    pub bytes: Vec<u8>,
}

/// A file sent in `field` as (name, bytes): too large (`file-too-large`),
/// not one of the types (`file-type`), or named as something it is not
/// (`file-mismatch`: a PDF called `.docx`) is an error on `field`.
pub fn check_file(
    errors: &mut Invalid,
    field: &str,
    name: &str,
    bytes: &[u8],
) -> Option<CheckedFile> {
    if bytes.len() > MAX_RESOURCE_BYTES {
        errors.push(FieldError::new(field, "file-too-large").with_arg("max", 10));
        return None;
    }
    let Some(file_type) = file_type(bytes) else {
        errors.add(field, "file-type");
        return None;
    };
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !file_type.extensions().contains(&extension.as_str()) {
        errors.add(field, "file-mismatch");
        return None;
    }
    let name: String = name
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\' | '"'))
        .collect();
    let name = if name.chars().count() > MAX_NAME {
        // Keep the extension when cutting a long name.
        let keep: String = name.chars().take(MAX_NAME - extension.len() - 1).collect();
        format!("{keep}.{extension}")
    } else {
        name
    };
    Some(CheckedFile {
        name,
        file_type,
        bytes: bytes.to_vec(),
    })
}

/// A link as typed into `field`: an `http(s)` address with a host and no
/// spaces (`url-invalid`), or nothing (`None`, no error).
pub fn check_link(errors: &mut Invalid, field: &str, input: &str) -> Option<String> {
    let u = input.trim();
    if u.is_empty() {
        return None;
    }
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        Some(h)
            if !h.is_empty()
                && u.len() <= MAX_URL
                && !u.chars().any(|c| c.is_whitespace() || c.is_control()) =>
        {
            Some(u.to_string())
        }
        _ => {
            errors.add(field, "url-invalid");
            None
        }
    }
}

/// A resource's details as a form or the API sends them (codes as text).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ResourceInput {
    pub title: String,
    pub description: String,
    pub kind: String,
    /// Empty: CC BY 4.0.
    pub licence: String,
    pub language: String,
    pub subjects: Vec<String>,
    pub grade_bands: Vec<String>,
    pub competencies: Vec<String>,
    /// The link, for a link resource.
    pub url: String,
}

/// A resource's details, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceDetails {
    pub title: String,
    pub description: String,
    pub kind: ResourceKind,
    pub licence: Licence,
    pub language: Lang,
    pub subjects: Vec<Subject>,
    pub grade_bands: Vec<GradeBand>,
    /// Competency ids; the caller checks they are the framework's.
    pub competencies: Vec<String>,
}

fn codes<T: Copy + PartialEq>(
    errors: &mut Invalid,
    field: &str,
    given: &[String],
    parse: impl Fn(&str) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    for g in given.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match parse(g) {
            Some(v) if !out.contains(&v) => out.push(v),
            Some(_) => {}
            None => errors.push(FieldError::new(field, "unknown-choice").with_arg("value", g)),
        }
    }
    out
}

/// Checks the details (not the link or file); every problem, by field.
pub fn check_details(errors: &mut Invalid, input: &ResourceInput) -> Option<ResourceDetails> {
    let title = errors.check("title", required_text(&input.title, MAX_TITLE));
    let description = errors.check(
        "description",
        required_paragraphs(&input.description, MAX_DESCRIPTION),
    );
    let kind = ResourceKind::parse(input.kind.trim());
    if kind.is_none() {
        errors.add("kind", "required");
    }
    let licence = match input.licence.trim() {
        "" => Some(Licence::CcBy),
        l => Licence::parse(l),
    };
    if licence.is_none() {
        errors.push(FieldError::new("licence", "unknown-choice").with_arg("value", &input.licence));
    }
    let language = Lang::parse(input.language.trim());
    if language.is_none() {
        errors.add("language", "required");
    }
    let subjects = codes(errors, "subjects", &input.subjects, Subject::parse);
    let grade_bands = codes(errors, "grade_bands", &input.grade_bands, GradeBand::parse);
    let mut competencies: Vec<String> = Vec::new();
    for c in input
        .competencies
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
    {
        if !competencies.iter().any(|k| k == c) {
            competencies.push(c.to_string());
        }
    }
    Some(ResourceDetails {
        title: title?,
        description: description?,
        kind: kind?,
        licence: licence?,
        language: language?,
        subjects,
        grade_bands,
        competencies,
    })
}

/// Stars a rating may give.
pub fn check_stars(stars: i64) -> Result<i32, Invalid> {
    if (1..=5).contains(&stars) {
        Ok(stars as i32)
    } else {
        Err(Invalid::one("stars", "stars-range"))
    }
}

/// The longest comment.
pub const MAX_COMMENT: usize = 5_000;

/// Comments one person may write on resources: ten in ten minutes, then one
/// every ten minutes until the window has passed (as posts are limited: a
/// handful in a few minutes). Each is claimed in the database before it is
/// written (`db::throttle`), so comments sent at once to several app
/// servers get no more.
pub const COMMENTS: Delays = Delays {
    free: 10,
    first: Duration::from_secs(10 * 60),
    cap: Duration::from_secs(10 * 60),
    window: Duration::from_secs(10 * 60),
};

/// A comment's body (plain text or Markdown, sanitised when shown).
pub fn check_comment(body: &str) -> Result<String, Invalid> {
    required_paragraphs(body, MAX_COMMENT).map_err(|code| {
        let mut e = Invalid::new();
        e.push(FieldError::new("body", code).with_arg("max", MAX_COMMENT));
        e
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    /// A zip holding `entries` (name, contents).
    pub(crate) fn zipped(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut out);
            let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
            for (name, bytes) in entries {
                z.start_file(*name, o).unwrap();
                z.write_all(bytes).unwrap();
            }
            z.finish().unwrap();
        }
        out.into_inner()
    }

    fn docx() -> Vec<u8> {
        zipped(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", b"<w:document/>"),
        ])
    }

    #[test]
    fn each_type_is_known_by_its_bytes() {
        assert_eq!(file_type(b"%PDF-1.7\n..."), Some(FileType::Pdf));
        assert_eq!(file_type(b"\x89PNG\r\n\x1a\n...."), Some(FileType::Png));
        assert_eq!(file_type(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(FileType::Jpeg));
        assert_eq!(file_type(&docx()), Some(FileType::Docx));
        let pptx = zipped(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("ppt/presentation.xml", b"<p/>"),
        ]);
        assert_eq!(file_type(&pptx), Some(FileType::Pptx));
        let odt = zipped(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<office:document-content/>"),
        ]);
        assert_eq!(file_type(&odt), Some(FileType::Odt));
        // A spreadsheet, a plain zip, a zip claiming Word without its
        // content types, and a broken zip are none of them.
        let ods = zipped(&[(
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        )]);
        assert_eq!(file_type(&ods), None);
        assert_eq!(file_type(&zipped(&[("a.txt", b"hi")])), None);
        assert_eq!(file_type(&zipped(&[("word/document.xml", b"x")])), None);
        assert_eq!(file_type(b"PK\x03\x04garbage"), None);
        assert_eq!(file_type(b"MZ\x90\x00"), None);
        assert_eq!(file_type(b""), None);
    }

    #[test]
    fn the_name_must_agree_with_the_bytes() {
        let mut e = Invalid::new();
        let f = check_file(&mut e, "file", "Plan \"v2\".DOCX", &docx()).unwrap();
        assert_eq!(
            (f.name.as_str(), f.file_type),
            ("Plan v2.DOCX", FileType::Docx)
        );
        assert!(e.is_empty());
        assert!(check_file(&mut e, "file", "plan.pdf", &docx()).is_none());
        assert!(e.is_only("file", "file-mismatch"));
        let mut e = Invalid::new();
        assert!(check_file(&mut e, "file", "photo.jpeg", &[0xFF, 0xD8, 0xFF, 0]).is_some());
        assert!(check_file(&mut e, "file", "photo", &[0xFF, 0xD8, 0xFF, 0]).is_none());
        assert!(e.is_only("file", "file-mismatch"));
        let mut e = Invalid::new();
        assert!(check_file(&mut e, "file", "x.exe", b"MZ").is_none());
        assert!(e.is_only("file", "file-type"));
    }

    #[test]
    fn too_big_is_refused_at_the_limit() {
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_RESOURCE_BYTES, b' ');
        let mut e = Invalid::new();
        assert!(check_file(&mut e, "file", "a.pdf", &big).is_some());
        big.push(b' ');
        assert!(check_file(&mut e, "file", "a.pdf", &big).is_none());
        assert!(e.is_only("file", "file-too-large"));
    }

    #[test]
    fn links_are_http_with_a_host() {
        let mut e = Invalid::new();
        assert_eq!(
            check_link(&mut e, "url", " https://tech.ed.gov/ai/ "),
            Some("https://tech.ed.gov/ai/".into())
        );
        assert_eq!(check_link(&mut e, "url", ""), None);
        assert!(e.is_empty());
        for bad in [
            "javascript:alert(1)",
            "https://",
            "ftp://x.org/a",
            "https://a b.org",
            "tech.ed.gov",
        ] {
            let mut e = Invalid::new();
            assert_eq!(check_link(&mut e, "url", bad), None, "{bad}");
            assert!(e.is_only("url", "url-invalid"), "{bad}");
        }
    }

    #[test]
    fn details_name_every_problem_and_licence_defaults() {
        let mut e = Invalid::new();
        let ok = check_details(
            &mut e,
            &ResourceInput {
                title: " Prompt template ".into(),
                description: "Use it.".into(),
                kind: "prompt_template".into(),
                language: "en".into(),
                subjects: vec!["math".into(), "math".into()],
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(ok.licence, Licence::CcBy);
        assert_eq!(ok.title, "Prompt template");
        assert_eq!(ok.subjects.len(), 1);
        let mut e = Invalid::new();
        assert!(
            check_details(
                &mut e,
                &ResourceInput {
                    licence: "all-rights".into(),
                    subjects: vec!["alchemy".into()],
                    ..Default::default()
                }
            )
            .is_none()
        );
        for f in [
            "title",
            "description",
            "kind",
            "licence",
            "language",
            "subjects",
        ] {
            assert!(e.has(f), "{f}");
        }
    }

    #[test]
    fn stars_and_comments() {
        assert_eq!(check_stars(5), Ok(5));
        assert!(check_stars(0).unwrap_err().is_only("stars", "stars-range"));
        assert!(check_stars(6).is_err());
        assert_eq!(check_comment(" Useful. \r\n").unwrap(), "Useful.");
        assert!(check_comment(" ").unwrap_err().has("body"));
        assert!(check_comment(&"x".repeat(MAX_COMMENT + 1)).is_err());
        // Ten free, then a wait; the sweep keeps the key longer than that.
        assert_eq!(COMMENTS.wait_after(9), Duration::ZERO);
        assert_eq!(COMMENTS.wait_after(10), Duration::from_secs(600));
        assert!(COMMENTS.window <= crate::throttle::KEPT_FOR);
    }
}
