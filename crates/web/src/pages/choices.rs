//! Options for radios, checkboxes and selects, labelled in the reader's language.

use crate::page::Page;

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
}
