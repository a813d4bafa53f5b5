//! Checking what an author writes of a classroom practice
//! (`PracticeContent`): every problem named by its field, as the editor's
//! form names it (`materials-<n>-url`, numbered from 1). Which competency
//! ids exist is the framework's, asked by the db layer (`competencies`).
//!
//! Steps are Markdown, shown sanitised; still, raw HTML that would run
//! (`<script>`, `javascript:` addresses, `on…=` handlers) is refused with a
//! reason rather than silently dropped, so the author knows what readers
//! will not see.

use super::{Material, PracticeContent};
use crate::validation::{FieldError, Invalid, required_paragraphs, required_text};

pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 600;
pub const MAX_GOAL: usize = 2_000;
pub const MAX_TOOLS: usize = 500;
pub const MAX_STEPS: usize = 20_000;
pub const MAX_NOTES: usize = 5_000;
pub const MAX_LOGIC_MODEL: usize = 5_000;
pub const MAX_COMPETENCIES: usize = 10;
pub const MAX_MATERIALS: usize = 20;
pub const MAX_MATERIAL_TITLE: usize = 200;
pub const MAX_MATERIAL_LICENCE: usize = 200;
pub const MAX_URL: usize = 500;
pub const MAX_MINUTES: u32 = 600;

/// What is wrong with `c`, every problem by field; nothing when it may be
/// saved, submitted and published as it is.
pub fn check(c: &PracticeContent) -> Result<(), Invalid> {
    let mut e = Invalid::new();
    e.check("title", required_text(&c.title, MAX_TITLE));
    e.check("summary", required_paragraphs(&c.summary, MAX_SUMMARY));
    e.check("goal", required_paragraphs(&c.goal, MAX_GOAL));
    if c.subjects.is_empty() {
        e.add("subjects", "choose-at-least-one");
    }
    if c.grade_bands.is_empty() {
        e.add("grade_bands", "choose-at-least-one");
    }
    if c.competencies.len() > MAX_COMPETENCIES {
        e.push(FieldError::new("competencies", "too-many").with_arg("max", MAX_COMPETENCIES));
    }
    optional_paragraphs(&mut e, "tools", &c.tools, MAX_TOOLS);
    if let Err(code) = required_paragraphs(&c.steps, MAX_STEPS) {
        e.add("steps", code);
    } else if let Some(code) = unsafe_markup(&c.steps) {
        e.add("steps", code);
    }
    if c.materials.len() > MAX_MATERIALS {
        e.push(FieldError::new("materials", "too-many").with_arg("max", MAX_MATERIALS));
    }
    for (i, m) in c.materials.iter().enumerate() {
        material(&mut e, i + 1, m);
    }
    if c.minutes == 0 || c.minutes > MAX_MINUTES {
        e.push(FieldError::new("minutes", "out-of-range").with_arg("max", MAX_MINUTES));
    }
    optional_paragraphs(&mut e, "equity_notes", &c.equity_notes, MAX_NOTES);
    optional_paragraphs(&mut e, "privacy_notes", &c.privacy_notes, MAX_NOTES);
    optional_paragraphs(&mut e, "logic_model", &c.logic_model, MAX_LOGIC_MODEL);
    e.into_result()
}

fn optional_paragraphs(e: &mut Invalid, field: &str, text: &str, max: usize) {
    if text.trim().is_empty() {
        return;
    }
    if let Err(code) = required_paragraphs(text, max) {
        e.add(field, code);
    }
}

fn material(e: &mut Invalid, n: usize, m: &Material) {
    let field = |f: &str| format!("materials-{n}-{f}");
    e.check(&field("title"), required_text(&m.title, MAX_MATERIAL_TITLE));
    e.check(
        &field("licence"),
        required_text(&m.licence, MAX_MATERIAL_LICENCE),
    );
    let url = m.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
    match (url, m.file_id) {
        (Some(_), Some(_)) | (None, None) => e.add(field("url"), "link-or-file"),
        (Some(u), None) => {
            if !is_web_address(u) {
                e.add(field("url"), "url-invalid");
            }
        }
        (None, Some(_)) => {}
    }
}

/// An `http(s)` address without spaces, of a sensible length.
pub fn is_web_address(u: &str) -> bool {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"));
    u.len() <= MAX_URL
        && rest.is_some_and(|r| !r.is_empty())
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Raw HTML in Markdown that would run in a reader's browser: a `<script>`
/// (or other active element), a `javascript:`/`vbscript:`/`data:text/html`
/// address, or an `on…=` event handler inside a tag. The code names the
/// reason (`markdown-script`).
pub fn unsafe_markup(markdown: &str) -> Option<&'static str> {
    let lower = markdown.to_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    for active in [
        "<script", "<iframe", "<object", "<embed", "<style", "<form", "<meta", "<link",
    ] {
        if lower.contains(active) {
            return Some("markdown-script");
        }
    }
    if ["javascript:", "vbscript:", "data:text/html"]
        .iter()
        .any(|s| compact.contains(s))
    {
        return Some("markdown-script");
    }
    // `on…=` inside a tag: between a `<` and the next `>`.
    let mut rest = lower.as_str();
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let tag = after.find('>').map_or(after, |close| &after[..close]);
        if has_handler(tag) {
            return Some("markdown-script");
        }
        rest = after;
    }
    None
}

fn has_handler(tag: &str) -> bool {
    let bytes = tag.as_bytes();
    let mut i = 0;
    while let Some(at) = tag[i..].find("on") {
        let start = i + at;
        let boundary = start == 0
            || matches!(
                bytes[start - 1],
                b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'"' | b'\''
            );
        let mut j = start + 2;
        while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
            j += 1;
        }
        let named = j > start + 2;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if boundary && named && bytes.get(j) == Some(&b'=') {
            return true;
        }
        i = start + 2;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::library::Licence;
    use crate::profile::{GradeBand, Subject};

    fn good() -> PracticeContent {
        PracticeContent {
            language: Lang::En,
            title: "Reading passages at three levels".into(),
            summary: "The teacher drafts with AI and checks each one.".into(),
            goal: "Every student reads the same content at their level.".into(),
            subjects: vec![Subject::Ela],
            grade_bands: vec![GradeBand::G3to5],
            competencies: vec![],
            tools: "A chatbot".into(),
            steps: "1. Ask for a passage.\n2. **Check** it.".into(),
            materials: vec![Material {
                title: "Prompt".into(),
                url: Some("https://example.org/prompt".into()),
                file_id: None,
                licence: "CC BY 4.0".into(),
            }],
            minutes: 45,
            equity_notes: String::new(),
            privacy_notes: String::new(),
            logic_model: String::new(),
            licence: Licence::CcBy,
        }
    }

    fn fields(c: &PracticeContent) -> Vec<(String, &'static str)> {
        check(c)
            .err()
            .map(|e| e.0.into_iter().map(|f| (f.field, f.code)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_complete_practice_passes() {
        assert_eq!(check(&good()), Ok(()));
    }

    #[test]
    fn every_required_field_is_named() {
        let mut c = good();
        c.title = " ".into();
        c.summary = String::new();
        c.goal = String::new();
        c.subjects.clear();
        c.grade_bands.clear();
        c.steps = "\n".into();
        c.minutes = 0;
        let f = fields(&c);
        for (field, code) in [
            ("title", "required"),
            ("summary", "required"),
            ("goal", "required"),
            ("subjects", "choose-at-least-one"),
            ("grade_bands", "choose-at-least-one"),
            ("steps", "required"),
            ("minutes", "out-of-range"),
        ] {
            assert!(f.contains(&(field.to_string(), code)), "{field}: {f:?}");
        }
    }

    #[test]
    fn lengths_and_counts_are_bounded() {
        let mut c = good();
        c.title = "t".repeat(201);
        c.summary = "s".repeat(601);
        c.steps = "x".repeat(20_001);
        c.equity_notes = "n".repeat(5_001);
        c.logic_model = "l".repeat(5_001);
        c.minutes = 601;
        c.competencies = (0..11).map(|i| format!("c{i}")).collect();
        c.materials = vec![good().materials[0].clone(); 21];
        let f = fields(&c);
        for (field, code) in [
            ("title", "too-long"),
            ("summary", "too-long"),
            ("steps", "too-long"),
            ("equity_notes", "too-long"),
            ("logic_model", "too-long"),
            ("minutes", "out-of-range"),
            ("competencies", "too-many"),
            ("materials", "too-many"),
        ] {
            assert!(f.contains(&(field.to_string(), code)), "{field}: {f:?}");
        }
        let mut edge = good();
        edge.title = "t".repeat(200);
        edge.minutes = 600;
        edge.steps = "x".repeat(20_000);
        assert_eq!(check(&edge), Ok(()));
    }

    #[test]
    fn a_markdown_step_with_script_is_refused_with_a_reason() {
        for steps in [
            "Do this.\n\n<script>alert(1)</script>",
            "[click](javascript:alert(1))",
            "[click](JavaScript :alert(1))",
            "<img src=x onerror=alert(1)>",
            "<a href=\"#\" onclick = \"x()\">a</a>",
            "<iframe src=\"https://example.org\"></iframe>",
        ] {
            let mut c = good();
            c.steps = steps.into();
            assert_eq!(
                fields(&c),
                vec![("steps".to_string(), "markdown-script")],
                "{steps}"
            );
        }
        // Words that merely contain "on" and tags without handlers pass.
        let mut c = good();
        c.steps = "Put students on task: <b>one</b> question, then <em>discussion</em>.".into();
        assert_eq!(check(&c), Ok(()));
    }

    #[test]
    fn a_material_is_a_link_or_a_file_of_the_practice_never_both_nor_neither() {
        let mut c = good();
        c.materials = vec![
            Material {
                title: String::new(),
                url: None,
                file_id: None,
                licence: String::new(),
            },
            Material {
                title: "Both".into(),
                url: Some("https://example.org".into()),
                file_id: Some(3),
                licence: "CC0".into(),
            },
            Material {
                title: "Bad link".into(),
                url: Some("ftp://example.org/x".into()),
                file_id: None,
                licence: "CC0".into(),
            },
            Material {
                title: "A file".into(),
                url: None,
                file_id: Some(4),
                licence: "Used with permission".into(),
            },
        ];
        assert_eq!(
            fields(&c),
            vec![
                ("materials-1-title".to_string(), "required"),
                ("materials-1-licence".to_string(), "required"),
                ("materials-1-url".to_string(), "link-or-file"),
                ("materials-2-url".to_string(), "link-or-file"),
                ("materials-3-url".to_string(), "url-invalid"),
            ]
        );
    }
}
