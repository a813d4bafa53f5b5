//! Field-level validation errors that every layer reports the same way.
//!
//! A [`FieldError`] names the field and a stable code. The code is what the
//! JSON API returns, and `error-<code>` is the Fluent message key that pages
//! and emails show, so the two can never drift apart.

use crate::i18n::{Arg, Lang, catalogue};
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The form field or JSON property, e.g. `email` or `subjects`.
    pub field: String,
    /// Stable, kebab-case, e.g. `email-taken`.
    pub code: &'static str,
    /// Values the message needs, e.g. `("max", "200")`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str) -> Self {
        Self {
            field: field.into(),
            code,
            args: Vec::new(),
        }
    }

    pub fn with_arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The message for people: `error-<code>--<field>` if the catalogue has
    /// one (say, "Enter your name"); for one of a repeated field numbered
    /// `<field>-<n>` (`aspect-3`), `error-<code>--<field>`; else the general
    /// `error-<code>`.
    pub fn message(&self, lang: Lang) -> String {
        let c = catalogue();
        let repeated = self
            .field
            .rsplit_once('-')
            .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .map(|(field, _)| field);
        // A row's field, `<rows>-<n>-<field>` (`sessions-2-end`), as `<rows>-<field>`.
        let in_row = self.field.split('-').collect::<Vec<_>>();
        let in_row = (in_row.len() == 3
            && !in_row[1].is_empty()
            && in_row[1].bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{}-{}", in_row[0], in_row[2]));
        let key = [Some(self.field.as_str()), repeated, in_row.as_deref()]
            .into_iter()
            .flatten()
            .map(|field| format!("error-{}--{field}", self.code))
            .find(|key| c.has(lang, key))
            .unwrap_or_else(|| format!("error-{}", self.code));
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            // Whole numbers go to Fluent as numbers, so plurals can select on them.
            .map(|(k, v)| (*k, v.parse().map_or(Arg::Str(v.as_str()), Arg::Num)))
            .collect();
        c.text_with(lang, &key, &args)
    }
}

/// The input was invalid; every problem found is listed, not just the first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Invalid(pub Vec<FieldError>);

impl Invalid {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn one(field: impl Into<String>, code: &'static str) -> Self {
        Self(vec![FieldError::new(field, code)])
    }

    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    pub fn add(&mut self, field: impl Into<String>, code: &'static str) {
        self.push(FieldError::new(field, code));
    }

    /// Records the error of `result`, if any, under `field`; returns the value.
    pub fn check<T>(&mut self, field: &str, result: Result<T, &'static str>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(code) => {
                self.add(field, code);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    /// True when the only problem is `code` on `field`.
    pub fn is_only(&self, field: &str, code: &str) -> bool {
        matches!(&self.0[..], [e] if e.field == field && e.code == code)
    }

    pub fn into_result(self) -> Result<(), Invalid> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.code))
            .collect();
        write!(f, "invalid input ({})", parts.join(", "))
    }
}

impl std::error::Error for Invalid {}

/// A choice from a fixed list, as a form or a JSON body sends its code:
/// blank is `choose-one`, a code `parse` does not know is `unknown-choice`
/// (naming it), both on `field`.
pub fn choice<T>(
    inv: &mut Invalid,
    field: &str,
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let value = value.trim();
    if value.is_empty() {
        inv.add(field, "choose-one");
        return None;
    }
    let parsed = parse(value);
    if parsed.is_none() {
        inv.push(FieldError::new(field, "unknown-choice").with_arg("value", value));
    }
    parsed
}

/// Like [`required_text`], for text written in a box of several lines (a
/// post, a reflection, a comment): line breaks (sent as CRLF by browsers,
/// kept as LF) and tabs are allowed; other control characters are not.
pub fn required_paragraphs(input: &str, max: usize) -> Result<String, &'static str> {
    let text = input.replace("\r\n", "\n");
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err("required")
    } else if trimmed.chars().count() > max {
        Err("too-long")
    } else if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        Err("control-characters")
    } else {
        Ok(trimmed.to_string())
    }
}

/// Trims `input` and checks it holds between 1 and `max` characters.
pub fn required_text(input: &str, max: usize) -> Result<String, &'static str> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        Err("required")
    } else if trimmed.chars().count() > max {
        Err("too-long")
    } else if trimmed.chars().any(|c| c.is_control()) {
        Err("control-characters")
    } else {
        Ok(trimmed.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::FieldError;
    use crate::i18n::Lang;

    #[test]
    fn a_field_named_for_its_own_message_and_a_numbered_one_for_its_kind() {
        let own = FieldError::new("title", "required");
        assert_eq!(own.message(Lang::En), "Enter a title.");
        let numbered = FieldError::new("comment-12", "required");
        assert_eq!(numbered.message(Lang::En), "Say what should change.");
        assert_eq!(
            FieldError::new("aspect-3", "choose-one").message(Lang::Es),
            "Elija uno de los niveles que se ofrecen para este aspecto."
        );
        // Only a trailing number marks a repeat: `time_zone` is no `time`.
        assert_eq!(
            FieldError::new("nothing-known", "required").message(Lang::En),
            "Enter this."
        );
    }
}
