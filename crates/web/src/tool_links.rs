//! Registry tools linked from a classroom practice, for its page and the
//! API alike: everyone who sees the practice sees them; its author and its
//! curators link and unlink them, as they do its resources.

use crate::context::CurrentUser;
use crate::error::{AppError, Outcome};
use crate::state::AppState;
use lyceum_db::registry::{ToolRow, links};
use lyceum_domain::validation::{Invalid, choice};
use lyceum_domain::{PracticeId, ToolId};
use serde::Deserialize;

/// A tool linked from a practice, as its page shows it.
pub struct LinkedTool {
    pub id: i64,
    pub href: String,
    pub name: String,
}

pub fn href(id: ToolId) -> String {
    format!("/tools/{}", id.0)
}

pub fn shown(rows: Vec<ToolRow>) -> Vec<LinkedTool> {
    rows.into_iter()
        .map(|t| LinkedTool {
            id: t.id.0,
            href: href(t.id),
            name: t.name,
        })
        .collect()
}

/// The form that links or unlinks a tool.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ToolLinkForm {
    /// The tool's id.
    pub tool_id: String,
    /// `add` (default) or `remove`.
    pub action: String,
}

impl ToolLinkForm {
    fn parse(&self) -> Result<(ToolId, bool), Invalid> {
        let mut inv = Invalid::new();
        let id = choice(&mut inv, "tool_id", &self.tool_id, |s| {
            s.parse::<i64>().ok().map(ToolId)
        });
        match id {
            Some(id) => Ok((id, self.action.trim() != "remove")),
            None => Err(inv),
        }
    }
}

/// The tools linked from a practice the reader sees (404 otherwise).
pub async fn of_practice(
    state: &AppState,
    user: &CurrentUser,
    practice: PracticeId,
) -> Result<Vec<ToolRow>, AppError> {
    let view = crate::library_access::load(state, user, practice).await?;
    let id = view.practice.id;
    Ok(state.db.read(move |c| links::of_practice(c, id)).await?)
}

/// Links or unlinks a tool: the practice's author or a curator of it (403
/// for others who see it); a tool not in the registry is refused on
/// `tool_id`, with nothing written.
pub async fn link(
    state: &AppState,
    user: &CurrentUser,
    practice: PracticeId,
    form: &ToolLinkForm,
) -> Outcome<()> {
    let view = crate::library_access::load(state, user, practice).await?;
    if !(view.is_author || view.curates || view.curator_of_own) {
        return Err(AppError::Forbidden);
    }
    let (tool, add) = match form.parse() {
        Ok(v) => v,
        Err(e) => return Ok(Err(e)),
    };
    let id = view.practice.id;
    match state
        .db
        .write(move |c| links::link_practice(c, id, tool, add))
        .await
    {
        Ok(()) => Ok(Ok(())),
        Err(lyceum_db::DbError::Invalid(_)) => Ok(Err(Invalid::one("tool_id", "unknown-tool"))),
        Err(e) => Err(e.into()),
    }
}
