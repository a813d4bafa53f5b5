//! Every word a template shows must come from the translation layer: after
//! removing askama tags, HTML tags and entities, no letters may remain, and
//! no attribute that people read (alt, title, aria-label, placeholder) may
//! hold text of its own.

#![cfg(test)]

use std::path::Path;

fn strip(source: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + close.len()..],
            None => return out,
        }
        out.push(' ');
    }
    out.push_str(rest);
    out
}

/// The text a person would read in `source`, with all expressions removed.
fn literal_text(source: &str) -> String {
    let no_askama = strip(&strip(&strip(source, "{#", "#}"), "{%", "%}"), "{{", "}}");
    let no_tags = strip(&no_askama, "<", ">");
    strip(&no_tags, "&", ";")
}

fn read_attribute_values(source: &str) -> Vec<String> {
    let no_askama = strip(&strip(source, "{#", "#}"), "{{", "}}");
    let mut values = Vec::new();
    for attr in ["alt=\"", "title=\"", "aria-label=\"", "placeholder=\""] {
        for part in no_askama.split(attr).skip(1) {
            values.push(part.split('"').next().unwrap_or("").to_string());
        }
    }
    values
}

#[test]
fn templates_hold_no_words_of_their_own() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut offenders = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        checked += 1;
        let source = std::fs::read_to_string(&path).unwrap();
        let text = literal_text(&source);
        // Punctuation between expressions (" – ", " · ", "/") is not a word.
        if text.chars().any(char::is_alphabetic) {
            let words: Vec<&str> = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            offenders.push(format!("{}: {words:?}", path.display()));
        }
        for value in read_attribute_values(&source) {
            if value.chars().any(char::is_alphabetic) {
                offenders.push(format!("{}: attribute text {value:?}", path.display()));
            }
        }
    }
    assert!(checked > 10);
    assert!(
        offenders.is_empty(),
        "hard-coded text in templates:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_check_finds_hard_coded_text() {
    assert_eq!(
        literal_text("<p>{{ page.t(\"x\") }} · {% if a %}{% endif %}</p>").trim(),
        "·"
    );
    assert!(literal_text("<button>Save</button>").contains("Save"));
    assert_eq!(
        read_attribute_values("<img alt=\"Logo\"><a aria-label=\"{{ page.t(\"k\") }}\">"),
        ["Logo", " "]
    );
}
