//! Who may see and do what with a classroom practice, for pages and the API
//! alike. A published practice is for everyone signed in; one not yet
//! published exists (404 otherwise) only for its author and its curators
//! (`Action::CurateLibrary` at its owning organisation). Curating it —
//! publishing, returning, confirming its tier — is never its author's.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use lyceum_db::library::{self, PracticeRow};
use lyceum_domain::PracticeId;
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::Action;

/// A practice as the signed-in reader stands to it.
#[derive(Debug, Clone)]
pub struct PracticeView {
    pub practice: PracticeRow,
    /// Where the owning organisation sits.
    pub owner: OrgPath,
    /// The reader wrote it: edits its draft, submits it.
    pub is_author: bool,
    /// The reader may publish or return it and confirm its tier (never its
    /// author: `Actor::curates_practice`).
    pub curates: bool,
    /// The reader curates at its owner but wrote it: sees the curators'
    /// view, decides nothing.
    pub curator_of_own: bool,
}

impl PracticeView {
    /// Whether the reader may see it at all.
    pub fn visible(&self) -> bool {
        self.practice.is_published() || self.is_author || self.curates || self.curator_of_own
    }
}

/// The practice as `user` stands to it; 404 when it does not exist for them.
pub async fn load(
    state: &AppState,
    user: &CurrentUser,
    id: PracticeId,
) -> Result<PracticeView, AppError> {
    let (practice, owner) = state
        .db
        .read_brief(move |c| library::practice(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let actor = &user.actor;
    let is_author = practice.author_id == Some(actor.user_id);
    let view = PracticeView {
        curates: actor.curates_practice(&owner, practice.author_id),
        curator_of_own: is_author && actor.can(Action::CurateLibrary, &owner),
        is_author,
        practice,
        owner,
    };
    if view.visible() {
        Ok(view)
    } else {
        Err(AppError::NotFound)
    }
}

/// As [`load`], for its curators only (403 for the rest who see it).
pub async fn load_curated(
    state: &AppState,
    user: &CurrentUser,
    id: PracticeId,
) -> Result<PracticeView, AppError> {
    let view = load(state, user, id).await?;
    if view.curates {
        Ok(view)
    } else {
        Err(AppError::Forbidden)
    }
}
