//! `GET/POST /admin/programme`: the programme's settings, for its admins
//! (403 for anyone else, asked before anything is read; the write asks the
//! policy again). Today one: publishing the challenge radar's summaries to
//! everyone, without sign-in.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::programme_settings_actions::{self as actions, Settings};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "programme_settings.html")]
pub struct SettingsPage {
    page: Page,
    errors: FormErrors,
    settings: Settings,
}

impl SettingsPage {
    /// When publishing was last turned on or off, if ever.
    fn changed(&self) -> Option<String> {
        self.settings.public_radar_changed.map(|at| {
            self.page.t1(
                "programme-settings-changed",
                "date",
                &self.page.datetime(&at.micros()),
            )
        })
    }
}

/// `GET /admin/programme`
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let settings = actions::read(&state, ctx.require_user()?).await?;
    Ok(render(&SettingsPage {
        page: Page::new(&ctx, "programme-settings-title"),
        errors: FormErrors::none(),
        settings,
    }))
}

/// The form as sent: a ticked checkbox sends `public_radar=on`, an
/// unticked one nothing.
#[derive(Debug, Default, Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    public_radar: Option<String>,
}

/// `POST /admin/programme`
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(form): HtmlForm<SettingsForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    actions::require_manager(user)?;
    let on = form.public_radar.as_deref().is_some_and(|v| !v.is_empty());
    match actions::set_public_radar(&state, user, on).await? {
        Ok(_) => Ok(redirect_with(
            "/admin/programme",
            Flash::ProgrammeSettingsSaved,
            state.config.secure_cookies(),
        )),
        Err(e) => {
            let settings = actions::read(&state, user).await?;
            let errors = FormErrors::from_invalid(&e, ctx.lang);
            Ok(render_invalid(&SettingsPage {
                page: Page::new(&ctx, "programme-settings-title").with_errors(&errors),
                errors,
                settings,
            }))
        }
    }
}
