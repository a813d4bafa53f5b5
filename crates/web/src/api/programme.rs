//! The programme's settings in the API (`/api/v1/programme/settings`):
//! programme admins read and change them (403 for anyone else, before
//! anything is read or the body's fields are looked at) — through the
//! same functions as the page (`crate::programme_settings_actions`).
//!
//! The body is checked by hand, field by field, so a wrong type or an
//! unknown field is a 422 naming it, as every other refused input is.

use crate::api::dto::ErrorBody;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::ApiJson;
use crate::gate::Access::SignedIn;
use crate::programme_settings_actions::{self as actions, Settings};
use crate::routes::{GET, PUT, Routes};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use lyceum_domain::validation::{FieldError, Invalid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(show, update),
    tags((name = "programme", description = "The programme's own settings, for its admins"))
)]
pub struct Doc;

/// Registered relative to `/api`. Programme admins only: asked by the
/// handler (`programme_settings_actions::require_manager`), and again in
/// the write.
pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/v1/programme/settings", SignedIn, show).add(
        PUT,
        "/v1/programme/settings",
        SignedIn,
        update,
    )
}

/// The programme's settings.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgrammeSettingsDto {
    /// The challenge radar's summaries (programme-wide, every count under
    /// ten `<10`, as for anyone outside the programme team) published to
    /// everyone, without sign-in: `/radar`, `/radar.csv`, `GET
    /// /api/v1/radar` and `GET /api/v1/radar.csv` without a token.
    pub public_radar: bool,
    /// When `public_radar` was last changed (UTC, RFC 3339); null if never.
    pub public_radar_changed_at: Option<String>,
}

impl From<Settings> for ProgrammeSettingsDto {
    fn from(s: Settings) -> Self {
        ProgrammeSettingsDto {
            public_radar: s.public_radar,
            public_radar_changed_at: s.public_radar_changed.map(|t| t.to_rfc3339()),
        }
    }
}

/// The settings to change. Every field is required; anything else is
/// refused by name.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeSettingsBody {
    /// Publish the radar's summaries to everyone, without sign-in.
    pub public_radar: bool,
}

/// The body, checked: an object with `public_radar`, a boolean, and
/// nothing else. Refused by field: `public_radar` missing (`required`) or
/// not a boolean (`not-a-boolean`); any other field (`unknown-field`); a
/// body that is not an object, on `body` (`not-an-object`).
pub fn parse_body(v: &Value) -> Result<ProgrammeSettingsBody, Invalid> {
    let Some(obj) = v.as_object() else {
        return Err(Invalid::one("body", "not-an-object"));
    };
    let mut inv = Invalid::new();
    for key in obj.keys().filter(|k| *k != "public_radar") {
        inv.push(FieldError::new(key.as_str(), "unknown-field").with_arg("field", key));
    }
    let public_radar = match obj.get("public_radar") {
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => {
            inv.add("public_radar", "not-a-boolean");
            None
        }
        None => {
            inv.add("public_radar", "required");
            None
        }
    };
    inv.into_result()?;
    Ok(ProgrammeSettingsBody {
        public_radar: public_radar.unwrap_or_default(),
    })
}

/// The programme's settings. Programme admins only (403 for anyone else).
#[utoipa::path(get, path = "/api/v1/programme/settings", tag = "programme",
    responses((status = 200, body = ProgrammeSettingsDto),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<ProgrammeSettingsDto>, AppError> {
    let user = ctx.require_user()?;
    Ok(Json(actions::read(&state, user).await?.into()))
}

/// Changes the programme's settings and answers with them as they now
/// are. Programme admins only (403 for anyone else, before the body's
/// fields are looked at; nothing changes). 422 names the field:
/// `public_radar` missing or not a boolean, any field not listed (each by
/// its name), a body that is not an object (`body`). A change is audited with what it was and what
/// it is; setting what is already set changes nothing.
#[utoipa::path(put, path = "/api/v1/programme/settings", tag = "programme",
    request_body = ProgrammeSettingsBody,
    responses((status = 200, body = ProgrammeSettingsDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<ProgrammeSettingsDto>, AppError> {
    let user = ctx.require_user()?;
    actions::require_manager(user)?;
    let body = parse_body(&body).map_err(AppError::Invalid)?;
    actions::set_public_radar(&state, user, body.public_radar)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(Json(actions::read(&state, user).await?.into()))
}

#[cfg(test)]
mod tests {
    use super::parse_body;
    use serde_json::json;

    #[test]
    fn the_body_is_refused_by_field() {
        assert!(
            parse_body(&json!({ "public_radar": true }))
                .unwrap()
                .public_radar
        );
        assert!(
            !parse_body(&json!({ "public_radar": false }))
                .unwrap()
                .public_radar
        );
        let e = parse_body(&json!({ "public_radar": "yes" })).unwrap_err();
        assert!(e.is_only("public_radar", "not-a-boolean"), "{e:?}");
        let e = parse_body(&json!({})).unwrap_err();
        assert!(e.is_only("public_radar", "required"), "{e:?}");
        let e = parse_body(&json!({ "public_radar": true, "publik": 1 })).unwrap_err();
        assert!(e.is_only("publik", "unknown-field"), "{e:?}");
        let e = parse_body(&json!([true])).unwrap_err();
        assert!(e.is_only("body", "not-an-object"), "{e:?}");
    }
}
