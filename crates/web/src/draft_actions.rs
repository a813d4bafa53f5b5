//! Reading a draft's course file, shared by the authoring pages, the course
//! editor and the drafts API: whether it is a course (with every problem,
//! those only the database sees included), and its name for lists.

use crate::error::AppError;
use crate::state::AppState;
use lyceum_db::courses;
use lyceum_domain::course::{Course, package};

/// The largest course file a draft may hold (with the form around it).
pub const MAX_DOCUMENT: usize = 8 * 1024 * 1024;

/// Reads a document: the course, or every problem with its place (those
/// only the database can see included).
pub async fn check(
    state: &AppState,
    document: &str,
) -> Result<Result<Course, Vec<String>>, AppError> {
    let course = match package::parse(document.as_bytes()) {
        Ok(c) => c,
        Err(problems) => return Ok(Err(problems.iter().map(ToString::to_string).collect())),
    };
    let c = course.clone();
    let problems = state.db.read(move |db| courses::problems(db, &c)).await?;
    Ok(if problems.is_empty() {
        Ok(course)
    } else {
        Err(problems.iter().map(ToString::to_string).collect())
    })
}

/// (slug, title) as far as the document says, for lists.
pub fn named(document: &str) -> (Option<String>, Option<String>) {
    let v: serde_json::Value = serde_json::from_str(document).unwrap_or_default();
    let text = |k: &str| {
        v.get(k)
            .and_then(|s| s.as_str())
            .map(|s| s.chars().take(200).collect())
    };
    (text("slug"), text("title"))
}
