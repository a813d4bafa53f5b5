//! What people hand in as evidence: a link, or a file of a type we accept
//! and can show safely (PDF, PNG, JPEG — judged by the bytes, not the name),
//! up to a size. Outside-PD requests and practice tasks both take it.

use crate::validation::Invalid;

/// The largest file anyone may upload as evidence.
pub const MAX_EVIDENCE_BYTES: usize = 5 * 1024 * 1024;
const MAX_URL: usize = 500;
const MAX_NAME: usize = 100;

/// A file given as evidence, of a type we accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// The type of an evidence file, by its first bytes (not its name): PDF,
/// PNG or JPEG.
pub fn evidence_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// A web link as typed into `field`: empty is none; anything but an
/// `http(s)` address without spaces is an error (`url-invalid`).
pub fn link(errors: &mut Invalid, field: &str, input: &str) -> Option<String> {
    match input.trim() {
        "" => None,
        u if u.len() <= MAX_URL
            && (u.starts_with("https://") || u.starts_with("http://"))
            && !u.chars().any(char::is_whitespace) =>
        {
            Some(u.to_string())
        }
        _ => {
            errors.add(field, "url-invalid");
            None
        }
    }
}

/// A file sent in `field` as (name, bytes): too large (`file-too-large`)
/// or of another type (`file-type`) is an error. The name keeps only what
/// is safe to show and to put in a download header.
pub fn file(errors: &mut Invalid, field: &str, file: Option<(&str, &[u8])>) -> Option<Evidence> {
    let (name, bytes) = file?;
    if bytes.len() > MAX_EVIDENCE_BYTES {
        errors.add(field, "file-too-large");
        return None;
    }
    let Some(content_type) = evidence_type(bytes) else {
        errors.add(field, "file-type");
        return None;
    };
    Some(Evidence {
        name: name
            .chars()
            .filter(|c| !c.is_control() && !matches!(c, '/' | '\\' | '"'))
            .take(MAX_NAME)
            .collect(),
        content_type,
        bytes: bytes.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_files_are_checked() {
        let mut e = Invalid::new();
        assert_eq!(link(&mut e, "u", "  "), None);
        assert_eq!(
            link(&mut e, "u", " https://x.org/a "),
            Some("https://x.org/a".into())
        );
        assert_eq!(link(&mut e, "u", "javascript:alert(1)"), None);
        assert!(e.has("u"));

        let mut e = Invalid::new();
        let png = file(&mut e, "f", Some(("a/\"b\".png", b"\x89PNG\r\n\x1a\n..."))).unwrap();
        assert_eq!(
            (png.name.as_str(), png.content_type),
            ("ab.png", "image/png")
        );
        assert!(file(&mut e, "f", Some(("x.exe", b"MZ"))).is_none());
        assert_eq!(e.0[0].code, "file-type");
        let big = vec![b'%'; MAX_EVIDENCE_BYTES + 1];
        let mut e = Invalid::new();
        assert!(file(&mut e, "g", Some(("big.pdf", &big))).is_none());
        assert_eq!(
            (e.0[0].field.as_str(), e.0[0].code),
            ("g", "file-too-large")
        );
        assert!(file(&mut e, "g", None).is_none());
    }
}
