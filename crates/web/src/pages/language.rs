//! The language switch in every page's header.

use crate::context::{Ctx, append_cookie};
use crate::error::AppError;
use crate::flash::{local_path, redirect};
use crate::forms::HtmlForm;
use crate::session::lang_cookie;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::users;
use lyceum_domain::i18n::Lang;
use lyceum_domain::validation::Invalid;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    return_to: String,
}

pub async fn switch(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(form): HtmlForm<LanguageForm>,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&form.lang)
        .ok_or_else(|| AppError::Invalid(Invalid::one("lang", "choose-one")))?;
    if let Some(user) = &ctx.user {
        let id = user.user.id();
        state
            .db
            .write(move |c| users::set_language(c, id, lang))
            .await?;
    }
    let mut response = redirect(local_path(&form.return_to, "/"));
    append_cookie(
        response.headers_mut(),
        &lang_cookie(lang, state.config.secure_cookies()),
    );
    Ok(response)
}
