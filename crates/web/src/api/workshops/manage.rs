//! Running offerings over the API, for the admins of the organising
//! organisation: create, update, copy, cancel, register others and decide
//! approvals — through `workshop_manage_actions`, as the pages do.

use crate::api::dto::{CreatedDto, ErrorBody};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::ApiJson;
use crate::gate::{Access, ScopedOrg};
use crate::routes::{POST, PUT, Routes};
use crate::state::AppState;
use crate::workshop_manage_actions::{self as actions, Draft};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::policy::Action;
use lyceum_domain::validation::Invalid;
use lyceum_domain::workshop::offering::{OfferingInput, SessionInput};
use lyceum_domain::{OfferingId, SessionId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(create, update, copy, cancel, register_others, decide),
    components(schemas(
        OfferingBody,
        SessionBody,
        OfferingSavedDto,
        DoubleBookingDto,
        CopyBody,
        CancelBody,
        CancelledDto,
        PeopleBody,
        PersonOutcomeDto,
        ApprovalBody,
        DecisionDto
    ))
)]
pub struct Doc;

pub fn routes(r: Routes) -> Routes {
    r.add(
        POST,
        "/v1/orgs/{org_id}/offerings",
        Access::Org(Action::ManageOfferings),
        create,
    )
    .add(PUT, "/v1/offerings/{offering_id}", Access::SignedIn, update)
    .add(
        POST,
        "/v1/offerings/{offering_id}/copy",
        Access::SignedIn,
        copy,
    )
    .add(
        POST,
        "/v1/offerings/{offering_id}/cancel",
        Access::SignedIn,
        cancel,
    )
    .add(
        POST,
        "/v1/offerings/{offering_id}/register-others",
        Access::SignedIn,
        register_others,
    )
    .add(
        POST,
        "/v1/offerings/{offering_id}/approvals/{user_id}",
        Access::SignedIn,
        decide,
    )
}

/// One session: a date and wall-clock times in a named zone.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionBody {
    /// An existing session of this offering, to change it in place (its
    /// calendar UID stays, its SEQUENCE goes up); leave out for a new one.
    /// On update, a session left out is cancelled (or deleted if nobody
    /// is registered).
    #[serde(default)]
    pub id: Option<i64>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// `HH:MM`, 24-hour.
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
    /// IANA, e.g. `America/Chicago`.
    #[serde(default)]
    pub time_zone: String,
    /// `in_person`, `virtual` or `both`.
    #[serde(default)]
    pub mode: String,
    #[serde(default)]
    pub venue: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub room: Option<String>,
    /// `https://` only.
    #[serde(default)]
    pub meeting_url: Option<String>,
}

/// An offering as planned.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferingBody {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// `en` or `es`.
    #[serde(default)]
    pub language: String,
    /// PD hours, in quarter hours (0 to 200).
    #[serde(default)]
    pub hours: Option<f64>,
    #[serde(default)]
    pub capacity: Option<i64>,
    /// `YYYY-MM-DD`, on the first session's calendar.
    #[serde(default)]
    pub registration_opens: String,
    #[serde(default)]
    pub registration_closes: String,
    #[serde(default)]
    pub needs_approval: bool,
    /// Share of sessions attended for credit (default 80).
    #[serde(default)]
    pub credit_min_percent: Option<i64>,
    #[serde(default)]
    pub credit_needs_course: bool,
    /// Minutes before each session (null: a day and an hour; 0: none).
    #[serde(default)]
    pub remind_first_minutes: Option<i64>,
    #[serde(default)]
    pub remind_second_minutes: Option<i64>,
    /// A cohort run of this course (one you may see).
    #[serde(default)]
    pub course_id: Option<i64>,
    /// Who may register: this organisation or one just below it; null
    /// for anyone signed in.
    #[serde(default)]
    pub audience_org_id: Option<i64>,
    /// People with the facilitator role at, above or below the organiser.
    #[serde(default)]
    pub facilitator_ids: Vec<i64>,
    /// Competency ids of the default framework.
    #[serde(default)]
    pub competencies: Vec<String>,
    #[serde(default)]
    pub sessions: Vec<SessionBody>,
}

fn text<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

impl OfferingBody {
    fn into_draft(self) -> Draft {
        let session_ids = self.sessions.iter().map(|s| s.id.map(SessionId)).collect();
        Draft {
            input: OfferingInput {
                title: self.title,
                description: self.description.unwrap_or_default(),
                language: self.language,
                hours: text(self.hours),
                capacity: text(self.capacity),
                registration_opens: self.registration_opens,
                registration_closes: self.registration_closes,
                needs_approval: self.needs_approval,
                credit_min_percent: text(self.credit_min_percent),
                credit_needs_course: self.credit_needs_course,
                remind_first_minutes: text(self.remind_first_minutes),
                remind_second_minutes: text(self.remind_second_minutes),
                sessions: self
                    .sessions
                    .into_iter()
                    .map(|s| SessionInput {
                        date: s.date,
                        start: s.start,
                        end: s.end,
                        time_zone: s.time_zone,
                        mode: s.mode,
                        venue: s.venue.unwrap_or_default(),
                        address: s.address.unwrap_or_default(),
                        room: s.room.unwrap_or_default(),
                        meeting_url: s.meeting_url.unwrap_or_default(),
                    })
                    .collect(),
            },
            session_ids,
            course: self.course_id,
            audience: self.audience_org_id,
            facilitators: self.facilitator_ids,
            competencies: self.competencies,
        }
    }
}

/// A facilitator booked elsewhere at the same time: a warning, not a refusal.
#[derive(Debug, Serialize, ToSchema)]
pub struct DoubleBookingDto {
    pub facilitator: String,
    /// This offering's session, from 1 in order of start.
    pub session: usize,
    /// When their other session starts (RFC 3339).
    pub other_starts_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferingSavedDto {
    pub id: i64,
    /// Facilitators' double bookings (saved all the same).
    pub warnings: Vec<DoubleBookingDto>,
}

async fn saved(state: &AppState, id: OfferingId) -> Result<OfferingSavedDto, AppError> {
    let warnings = actions::warnings(state, id).await?;
    Ok(OfferingSavedDto {
        id: id.0,
        warnings: warnings
            .into_iter()
            .map(|w| DoubleBookingDto {
                facilitator: w.facilitator,
                session: w.session,
                other_starts_at: w.other_starts_at.to_rfc3339(),
            })
            .collect(),
    })
}

/// Creates an offering organised by this organisation, with its sessions.
/// Facilitators booked elsewhere at the same time are warned about in
/// `warnings`, not refused.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/offerings", tag = "workshops",
    params(("org_id" = i64, Path)),
    request_body = OfferingBody,
    responses((status = 201, body = OfferingSavedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    ApiJson(body): ApiJson<OfferingBody>,
) -> Result<(StatusCode, Json<OfferingSavedDto>), AppError> {
    let me = ctx.require_user()?;
    let id = actions::create(&state, me, scope.id, &scope.path, &body.into_draft())
        .await?
        .map_err(AppError::Invalid)?;
    Ok((StatusCode::CREATED, Json(saved(&state, id).await?)))
}

/// Updates an offering you manage. Capacity never goes below the seats
/// taken; a changed session keeps its UID and its SEQUENCE goes up; people
/// registered are emailed when sessions change.
#[utoipa::path(put, path = "/api/v1/offerings/{offering_id}", tag = "workshops",
    params(("offering_id" = i64, Path)),
    request_body = OfferingBody,
    responses((status = 200, body = OfferingSavedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<OfferingBody>,
) -> Result<Json<OfferingSavedDto>, AppError> {
    let me = ctx.require_user()?;
    let id = OfferingId(id);
    actions::update(&state, me, id, &body.into_draft())
        .await?
        .map_err(AppError::Invalid)?;
    Ok(Json(saved(&state, id).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CopyBody {
    /// The copy's first session date, `YYYY-MM-DD`; every session moves by
    /// the same number of days, keeping its times in its zone.
    #[serde(default)]
    pub first_date: String,
}

/// Copies an offering to a new date (registrations are not copied).
#[utoipa::path(post, path = "/api/v1/offerings/{offering_id}/copy", tag = "workshops",
    params(("offering_id" = i64, Path)),
    request_body = CopyBody,
    responses((status = 201, body = CreatedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn copy(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CopyBody>,
) -> Result<(StatusCode, Json<CreatedDto>), AppError> {
    let me = ctx.require_user()?;
    let copy = actions::copy(&state, me, OfferingId(id), &body.first_date)
        .await?
        .map_err(AppError::Invalid)?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id: copy.0 })))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelBody {
    /// A note to everyone registered (up to 1,000 characters).
    #[serde(default)]
    pub message: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CancelledDto {
    /// People emailed.
    pub told: usize,
}

/// Cancels an offering and all its sessions; everyone registered, waiting
/// or asking is emailed with the note. Registrations are kept.
#[utoipa::path(post, path = "/api/v1/offerings/{offering_id}/cancel", tag = "workshops",
    params(("offering_id" = i64, Path)),
    request_body = CancelBody,
    responses((status = 200, body = CancelledDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CancelBody>,
) -> Result<Json<CancelledDto>, AppError> {
    let me = ctx.require_user()?;
    let told = actions::cancel(&state, me, OfferingId(id), &body.message)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(Json(CancelledDto { told }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PeopleBody {
    /// Email addresses (up to 1,000).
    #[serde(default)]
    pub emails: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonOutcomeDto {
    pub email: String,
    /// `registered`, `waitlisted`, `unknown_email`, `outside_audience`,
    /// `already_registered` or `invalid_email`.
    pub outcome: String,
}

/// Registers people by email, each with its own outcome: one that fails
/// never blocks the others.
#[utoipa::path(post, path = "/api/v1/offerings/{offering_id}/register-others", tag = "workshops",
    params(("offering_id" = i64, Path)),
    request_body = PeopleBody,
    responses((status = 200, body = Vec<PersonOutcomeDto>), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn register_others(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PeopleBody>,
) -> Result<Json<Vec<PersonOutcomeDto>>, AppError> {
    let me = ctx.require_user()?;
    if body.emails.len() > actions::MAX_PEOPLE {
        return Err(AppError::Invalid(Invalid(vec![
            lyceum_domain::validation::FieldError::new("emails", "too-many")
                .with_arg("max", actions::MAX_PEOPLE),
        ])));
    }
    let mut valid = Vec::new();
    for (i, e) in body.emails.iter().enumerate() {
        if let Ok(addr) = EmailAddress::parse(e.trim()) {
            valid.push((i as u64, addr));
        }
    }
    let lines = actions::register_others(&state, me, OfferingId(id), valid)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(Json(
        body.emails
            .iter()
            .enumerate()
            .map(|(i, e)| PersonOutcomeDto {
                email: e.clone(),
                outcome: lines
                    .iter()
                    .find(|l| l.line == i as u64)
                    .map_or("invalid_email", |l| l.outcome.as_str())
                    .to_string(),
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApprovalBody {
    /// true to approve (a seat if one is free, else the waitlist), false
    /// to decline.
    pub approve: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionDto {
    /// The registration's status now: `confirmed`, `waitlisted` or `declined`.
    pub status: String,
}

/// Approves or declines a pending registration. Nobody decides their own.
#[utoipa::path(post, path = "/api/v1/offerings/{offering_id}/approvals/{user_id}", tag = "workshops",
    params(("offering_id" = i64, Path), ("user_id" = i64, Path)),
    request_body = ApprovalBody,
    responses((status = 200, body = DecisionDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, user)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<ApprovalBody>,
) -> Result<Json<DecisionDto>, AppError> {
    let me = ctx.require_user()?;
    let status = actions::decide(&state, me, OfferingId(id), UserId(user), body.approve)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(Json(DecisionDto {
        status: status.as_str().to_string(),
    }))
}
