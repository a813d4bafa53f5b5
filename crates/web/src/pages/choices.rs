//! Options for radios, checkboxes and selects, labelled in the reader's language.

use crate::page::Page;
use lyceum_domain::profile::{GradeBand, Subject};

#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Choice {
    /// One option per code, labelled from `<prefix>-<code>`.
    pub fn list<'a>(
        page: &Page,
        prefix: &str,
        codes: impl IntoIterator<Item = &'a str>,
        selected: &[&str],
    ) -> Vec<Choice> {
        codes
            .into_iter()
            .map(|code| Choice {
                value: code.to_string(),
                label: page.label(prefix, code),
                selected: selected.contains(&code),
            })
            .collect()
    }

    /// Every subject, `selected` chosen.
    pub fn subjects(page: &Page, selected: &str) -> Vec<Choice> {
        Self::list(
            page,
            "subject",
            Subject::ALL.iter().map(|s| s.as_str()),
            &[selected.trim()],
        )
    }

    /// Every grade band, `selected` chosen.
    pub fn grade_bands(page: &Page, selected: &str) -> Vec<Choice> {
        Self::list(
            page,
            "grade-band",
            GradeBand::ALL.iter().map(|g| g.as_str()),
            &[selected.trim()],
        )
    }

    /// One option per (id, name) — competencies, already named in the
    /// reader's language — `selected` chosen.
    pub fn named(items: &[(String, String)], selected: &str) -> Vec<Choice> {
        items
            .iter()
            .map(|(id, name)| Choice {
                value: id.clone(),
                label: name.clone(),
                selected: selected.trim() == id,
            })
            .collect()
    }
}
