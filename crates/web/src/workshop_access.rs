//! Who may see and do what with a workshop offering, for pages and the API
//! alike. An offering exists (404 otherwise) for its audience (members of
//! its audience subtree, or everyone signed in when it has none), its
//! facilitators, the people registered for it and those who manage it
//! (`Action::ManageOfferings` at its organisation). The meeting link and the
//! check-in code are for fewer still.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use lyceum_db::workshops::{self, Standing};
use lyceum_domain::OfferingId;
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{Action, Actor};
use lyceum_domain::workshop::RegistrationStatus;

/// An offering as the signed-in reader stands to it.
#[derive(Debug, Clone)]
pub struct OfferingView {
    pub standing: Standing,
    /// Where the organising organisation sits.
    pub org_path: OrgPath,
    /// The reader manages it: edits, copies, cancels, registers others,
    /// decides approvals, sees the roster.
    pub manages: bool,
    /// The reader belongs to its audience: may register.
    pub in_audience: bool,
}

impl OfferingView {
    pub fn facilitates(&self) -> bool {
        self.standing.facilitates
    }

    /// The reader's registration status, if they have one in play.
    pub fn status(&self) -> Option<RegistrationStatus> {
        self.standing
            .registration
            .as_ref()
            .map(|r| r.status)
            .filter(|s| s.active())
    }

    /// Whether the reader may see it at all.
    pub fn visible(&self) -> bool {
        self.manages || self.facilitates() || self.status().is_some() || self.in_audience
    }

    /// The meeting link: for people holding a seat, facilitators and those
    /// who manage it.
    pub fn sees_meeting_link(&self) -> bool {
        self.manages || self.facilitates() || self.status() == Some(RegistrationStatus::Confirmed)
    }

    /// The roster, the waitlist, attendance and survey results: for the
    /// facilitators and those who manage it.
    pub fn leads(&self) -> bool {
        self.manages || self.facilitates()
    }
}

/// Whether `actor` is in the audience whose root is at `audience`
/// (`None`: everyone signed in).
pub fn in_audience(actor: &Actor, audience: Option<&OrgPath>) -> bool {
    match audience {
        None => true,
        Some(scope) => actor.grants.iter().any(|g| scope.contains(&g.scope)),
    }
}

/// The offering as `user` stands to it; 404 when it does not exist for them.
pub async fn load(
    state: &AppState,
    user: &CurrentUser,
    id: OfferingId,
) -> Result<OfferingView, AppError> {
    let me = user.actor.user_id;
    let standing = state
        .db
        .read_brief(move |c| workshops::standing_of(c, id, me))
        .await?
        .ok_or(AppError::NotFound)?;
    let row = &standing.offering.offering;
    let org_path = state
        .org_path(row.org_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let audience = match row.audience_org_id {
        Some(a) => Some(state.org_path(a).await?.ok_or(AppError::NotFound)?),
        None => None,
    };
    let view = OfferingView {
        manages: user.actor.can(Action::ManageOfferings, &org_path),
        in_audience: in_audience(&user.actor, audience.as_ref()),
        org_path,
        standing,
    };
    if view.visible() {
        Ok(view)
    } else {
        Err(AppError::NotFound)
    }
}

/// As [`load`], for those who manage it only (403 for the rest who see it).
pub async fn load_managed(
    state: &AppState,
    user: &CurrentUser,
    id: OfferingId,
) -> Result<OfferingView, AppError> {
    let view = load(state, user, id).await?;
    if view.manages {
        Ok(view)
    } else {
        Err(AppError::Forbidden)
    }
}

/// As [`load`], for its facilitators and those who manage it.
pub async fn load_led(
    state: &AppState,
    user: &CurrentUser,
    id: OfferingId,
) -> Result<OfferingView, AppError> {
    let view = load(state, user, id).await?;
    if view.leads() {
        Ok(view)
    } else {
        Err(AppError::Forbidden)
    }
}
