//! Reading JSON that people wrote or exported from another system
//! (competency frameworks, course packages): every problem is collected
//! with the JSON path it is at, so one attempt reports them all.

use serde_json::{Map, Value};
use std::fmt;

/// Something wrong in a file, and where (a JSON path such as
/// `CFAssociations[3].destinationNodeURI.identifier`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: String,
    pub message: String,
}

impl Problem {
    pub fn new(at: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            at: at.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.at, self.message)
        }
    }
}

/// The path of `key` inside the object at `at` (`""` is the top).
pub fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// Reads a JSON document field by field, collecting every problem with
/// its path instead of stopping at the first.
#[derive(Default)]
pub struct Reader {
    pub problems: Vec<Problem>,
}

impl Reader {
    pub fn problem(&mut self, at: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(at, message));
    }

    /// The list at `key` of `obj` (whose own path is `at`).
    pub fn array<'a>(&mut self, obj: &'a Map<String, Value>, at: &str, key: &str) -> &'a [Value] {
        let at = join(at, key);
        match obj.get(key) {
            Some(Value::Array(a)) => a,
            Some(_) => {
                self.problem(&at, "not a list");
                &[]
            }
            None => {
                self.problem(&at, "missing");
                &[]
            }
        }
    }

    pub fn id(&mut self, obj: &Map<String, Value>, at: &str, key: &str) -> Option<String> {
        let at = join(at, key);
        match obj.get(key).and_then(Value::as_str) {
            Some(v) => id_value(v.trim()).map_err(|e| self.problem(&at, e)).ok(),
            None => {
                self.problem(&at, "missing");
                None
            }
        }
    }

    pub fn text(
        &mut self,
        obj: &Map<String, Value>,
        at: &str,
        key: &str,
        max: usize,
    ) -> Option<String> {
        let at = format!("{at}.{key}");
        match obj.get(key).and_then(Value::as_str) {
            Some(v) => self.check_text(&at, v, max),
            None => {
                self.problem(&at, "missing");
                None
            }
        }
    }

    pub fn check_text(&mut self, at: &str, value: &str, max: usize) -> Option<String> {
        text_value(value, max).map_err(|e| self.problem(at, e)).ok()
    }

    /// The `identifier` of a LinkURI (`{"title", "identifier", "uri"}`).
    pub fn node_ref(&mut self, obj: &Map<String, Value>, at: &str, key: &str) -> Option<String> {
        match obj.get(key).and_then(Value::as_object) {
            Some(link) => self.id(link, &format!("{at}.{key}"), "identifier"),
            None => {
                self.problem(&format!("{at}.{key}"), "missing, or not an object");
                None
            }
        }
    }
}

/// Trims and checks one text value: present, at most `max` characters.
pub fn text_value(value: &str, max: usize) -> Result<String, String> {
    let v = value.trim();
    if v.is_empty() {
        Err("is empty".into())
    } else if v.chars().count() > max {
        Err(format!("is longer than {max} characters"))
    } else if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        Err("contains control characters".into())
    } else {
        Ok(v.to_string())
    }
}

/// Longest id (a CASE identifier is a 36-character UUID).
pub const MAX_ID: usize = 200;

/// An id: 1 to [`MAX_ID`] printable ASCII characters without spaces.
pub fn id_value(value: &str) -> Result<String, String> {
    if value.is_empty() || value.len() > MAX_ID {
        Err(format!("must be 1 to {MAX_ID} characters"))
    } else if !value.bytes().all(|b| b.is_ascii_graphic()) {
        Err("may hold only letters, digits and punctuation, no spaces".into())
    } else {
        Ok(value.to_string())
    }
}
