//! The programme's settings, shared by `pages/programme_settings.rs`
//! (`/admin/programme`) and `api/programme.rs`
//! (`/api/v1/programme/settings`): who may change them (the programme's
//! admins: 403 for anyone else, asked before anything is read; the write
//! asks the policy again, `lyceum_db::programme_settings`), reading them,
//! and changing them.
//!
//! Today there is one: whether the challenge radar's summaries are
//! published to everyone, without sign-in (what that lets in is
//! `radar_actions::radar_reader`'s to decide).

use crate::context::CurrentUser;
use crate::error::{AppError, Outcome, refused};
use crate::state::AppState;
use lyceum_db::programme_settings as settings;
use lyceum_domain::Timestamp;
use lyceum_domain::policy::{Action, Actor};
use lyceum_domain::role::Role;

/// The settings as their pages and the API show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The radar's summaries published to everyone, without sign-in.
    pub public_radar: bool,
    /// When that was last changed (never: none).
    pub public_radar_changed: Option<Timestamp>,
}

/// Whether `actor` changes the programme's settings: the programme's
/// admins (asked of the policy where they hold the role).
pub fn manages(actor: &Actor) -> bool {
    actor
        .grants
        .iter()
        .filter(|g| g.role == Role::ProgrammeAdmin)
        .any(|g| actor.can(Action::ManageProgrammeSettings, &g.scope))
}

/// 403 unless `user` manages the programme's settings.
pub fn require_manager(user: &CurrentUser) -> Result<(), AppError> {
    if manages(&user.actor) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The settings now (programme admins only: 403 for anyone else).
pub async fn read(state: &AppState, user: &CurrentUser) -> Result<Settings, AppError> {
    require_manager(user)?;
    let row = state
        .db
        .read(|c| {
            let row = settings::get(c, settings::PUBLIC_RADAR)?;
            let on = settings::public_radar(c)?;
            Ok((on, row.map(|r| r.updated_at())))
        })
        .await?;
    Ok(Settings {
        public_radar: row.0,
        public_radar_changed: row.1,
    })
}

/// Publishes the radar to everyone, or stops (programme admins only: 403
/// for anyone else, and the write asks again). Audited when it changes;
/// returns whether it did.
pub async fn set_public_radar(state: &AppState, user: &CurrentUser, on: bool) -> Outcome<bool> {
    require_manager(user)?;
    let actor = user.actor.clone();
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| settings::set_public_radar(c, &actor, on, now))
            .await,
    )
}
