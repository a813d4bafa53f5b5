use crate::api::dto::{MeDto, MembershipDto, ProfileBody, ProfileDto};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use lyceum_db::users;
use lyceum_domain::profile::ProfileInput;

/// The account behind the token: profile, memberships and unread notifications.
#[utoipa::path(get, path = "/api/v1/me", tag = "me",
    responses((status = 200, body = MeDto), (status = 401, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Json<MeDto>, AppError> {
    let me = ctx.require_user()?;
    let user = me.user.clone();
    let time_zone = ctx.zone().name().to_string();
    let u = user.clone();
    let profile = state.db.read(move |c| users::profile(c, &u)).await?;
    let memberships = &me.memberships;
    Ok(Json(MeDto {
        id: user.id,
        email: user.email().to_string(),
        time_zone,
        profile: ProfileDto::from(&profile),
        memberships: memberships.iter().map(MembershipDto::from).collect(),
        unread_notifications: me.unread,
    }))
}

/// Replaces the profile.
#[utoipa::path(put, path = "/api/v1/me/profile", tag = "me", request_body = ProfileBody,
    responses((status = 200, body = ProfileDto), (status = 400, body = crate::api::dto::ErrorBody),
              (status = 422, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn update_profile(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<ProfileBody>,
) -> Result<Json<ProfileDto>, AppError> {
    let id = ctx.require_user()?.user.id();
    let profile = ProfileInput::from(body)
        .validate()
        .map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let dto = ProfileDto::from(&profile);
    state
        .db
        .write(move |c| users::save_profile(c, id, &profile, now))
        .await?;
    Ok(Json(dto))
}

/// Everything Lyceum holds about the account: a zip with `manifest.json`,
/// one JSON file per area (account, learning, credit, community, authoring)
/// and the person's own files under `files/`.
#[utoipa::path(get, path = "/api/v1/me/export", tag = "me",
    responses((status = 200, content_type = "application/zip",
               description = "The personal data export (format lyceum-personal-data/2)"),
              (status = 401, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<axum::response::Response, AppError> {
    let user = ctx.require_user()?.user.clone();
    crate::personal_export::download(&state, user).await
}
