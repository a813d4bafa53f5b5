//! PD credit over the API: the transcript (JSON, and the page's CSV),
//! outside PD requests (sending one, yours, an admin's queue and decision)
//! and certificates (yours, verifying one by its code with no token,
//! revoking one) — through the same functions as the pages
//! (`crate::credit_actions`), so nobody decides their own request and an
//! admin acts only on people inside their organisation.

use crate::api::dto::{CreatedDto, ErrorBody};
use crate::context::Ctx;
use crate::credit_actions::{self as actions, Verified};
use crate::error::AppError;
use crate::forms::{ApiJson, Upload};
use crate::gate::ScopedOrg;
use crate::ratelimit::ClientIp;
use crate::state::AppState;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Json};
use lyceum_db::credit::{self, CertificateRow, LedgerRow};
use lyceum_db::pd_requests::{RequestRow, Waiting};
use lyceum_domain::pd::{OutsideInput, school_year_label};
use lyceum_domain::time::TimeZone;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{Timestamp, paths};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

fn hours(quarter_hours: u32) -> f64 {
    f64::from(quarter_hours) / 4.0
}

// ---- The transcript ----

#[derive(Debug, Serialize, ToSchema)]
pub struct LedgerEntryDto {
    /// The day it was earned, on your school's calendar (`time_zone`).
    pub date: String,
    pub earned_at: String,
    /// The school year (July–June) it counts in, e.g. `2026–27`.
    pub school_year: String,
    pub title: String,
    /// `course`, `workshop` or `outside`.
    pub source: String,
    pub hours: f64,
    /// The certificate this entry came with (a completed course), where
    /// anyone may verify it; null for none.
    pub certificate_path: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SchoolYearDto {
    /// e.g. `2026–27`.
    pub school_year: String,
    /// The calendar year it starts in (July).
    pub starts: i32,
    pub hours: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TranscriptDto {
    pub name: String,
    /// Your school, as the printed transcript names it; null for none.
    pub school: Option<String>,
    /// The district (or union local) your school belongs to; null for none.
    pub district: Option<String>,
    /// The IANA zone dates and school years are reckoned in: your school's.
    pub time_zone: String,
    pub total_hours: f64,
    /// Newest first.
    pub school_years: Vec<SchoolYearDto>,
    /// Newest first.
    pub entries: Vec<LedgerEntryDto>,
}

fn entry(row: &LedgerRow, certificate: Option<&str>, zone: &TimeZone) -> LedgerEntryDto {
    LedgerEntryDto {
        date: actions::date(row.earned_at, zone),
        earned_at: time(row.earned_at),
        school_year: school_year_label(row.school_year),
        title: row.title.clone(),
        source: row.source.as_str().into(),
        hours: hours(row.hours()),
        certificate_path: certificate.map(paths::certificate),
    }
}

/// Your PD transcript: every ledger entry, with totals per school year.
#[utoipa::path(get, path = "/api/v1/transcript", tag = "credit",
    responses((status = 200, body = TranscriptDto), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn transcript(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<TranscriptDto>, AppError> {
    let me = ctx.require_user()?;
    let t = actions::transcript(&state, me.user.id()).await?;
    let zone = ctx.zone();
    Ok(Json(TranscriptDto {
        name: me.user.display_name.clone(),
        school: t.school,
        district: t.district.map(|(_, name)| name),
        time_zone: zone.name().to_string(),
        total_hours: hours(t.lines.iter().map(|(r, _)| r.hours()).sum()),
        school_years: actions::school_years(&t.lines, |(r, _)| r)
            .iter()
            .map(|y| SchoolYearDto {
                school_year: school_year_label(y.start),
                starts: y.start,
                hours: hours(y.quarter_hours),
            })
            .collect(),
        entries: t
            .lines
            .iter()
            .map(|(r, code)| entry(r, code.as_deref(), &zone))
            .collect(),
    }))
}

/// Your PD transcript as CSV, as the transcript page downloads it: school
/// year, date (your school's calendar), activity, source, hours; headed in
/// the language of `Accept-Language`.
#[utoipa::path(get, path = "/api/v1/transcript.csv", tag = "credit",
    responses((status = 200, content_type = "text/csv", description = "One ledger entry a line (RFC 4180)"),
              (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn transcript_csv(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let id = me.user.id();
    let rows = state.db.read(move |c| credit::ledger_of(c, id)).await?;
    let t = |k: &str| lyceum_domain::i18n::catalogue().text(ctx.lang, k);
    Ok(actions::transcript_csv(&rows, &ctx.zone(), t))
}

// ---- Outside PD requests ----

#[derive(Debug, Serialize, ToSchema)]
pub struct PdRequestDto {
    pub id: i64,
    /// The organisation asked.
    pub org_id: i64,
    pub title: String,
    pub description: Option<String>,
    pub hours: f64,
    /// The day it was done, on the calendar of the organisation asked.
    pub completed_on: String,
    pub evidence_url: Option<String>,
    /// The evidence file's name, if one was sent.
    pub evidence_file: Option<String>,
    /// `pending`, `approved`, `returned` or `rejected`.
    pub status: String,
    /// The reviewer's comment.
    pub comment: Option<String>,
    pub sent_at: String,
    pub decided_at: Option<String>,
}

impl PdRequestDto {
    pub(super) fn new(r: RequestRow, zone: &TimeZone) -> Self {
        PdRequestDto {
            id: r.id,
            org_id: r.org_id,
            hours: hours(r.hours()),
            completed_on: actions::date(r.completed_at, zone),
            evidence_file: r.evidence_name,
            status: r.status.as_str().into(),
            comment: r.review_comment,
            sent_at: time(r.created_at),
            decided_at: r.reviewed_at.map(time),
            title: r.title,
            description: r.description,
            evidence_url: r.evidence_url,
        }
    }
}

/// An outside activity to count, as JSON (evidence as a link; send the
/// page's `multipart/form-data` fields to attach a file instead).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PdRequestBody {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// From 0.25, in quarter hours.
    #[serde(default)]
    pub hours: Option<f64>,
    /// `YYYY-MM-DD`, not in the future.
    #[serde(default)]
    pub completed_on: String,
    /// An `https://` address.
    #[serde(default)]
    pub evidence_url: Option<String>,
    /// The organisation asked: one where you hold a role.
    #[serde(default)]
    pub org_id: Option<i64>,
}

/// The same request as the transcript page's form sends it, with a file.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct PdRequestForm {
    pub title: String,
    pub description: Option<String>,
    /// e.g. `1.5`.
    pub hours: String,
    pub completed_on: String,
    pub evidence_url: Option<String>,
    /// The organisation's id.
    pub org: String,
    /// PDF, PNG or JPEG.
    #[schema(value_type = Option<String>, format = Binary)]
    pub evidence_file: Option<Vec<u8>>,
}

/// Asks one of your organisations to count PD hours earned elsewhere, with
/// evidence: JSON with a link, or `multipart/form-data` (the page's
/// fields) with a file. Its admins, or those above, decide — never you.
#[utoipa::path(post, path = "/api/v1/pd-requests", tag = "credit",
    request_body(content((PdRequestBody = "application/json"), (PdRequestForm = "multipart/form-data"))),
    responses((status = 201, body = CreatedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    req: Request,
) -> Result<(StatusCode, Json<CreatedDto>), AppError> {
    let multipart = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let (input, file) = if multipart {
        let form = Upload::from_request(req, &state).await?;
        (actions::outside_input(&form), form.file("evidence_file"))
    } else {
        let ApiJson(b) = ApiJson::<PdRequestBody>::from_request(req, &state).await?;
        let input = OutsideInput {
            title: b.title,
            description: b.description.unwrap_or_default(),
            hours: b.hours.map(|h| h.to_string()).unwrap_or_default(),
            completed_on: b.completed_on,
            evidence_url: b.evidence_url.unwrap_or_default(),
            org: b.org_id.map(|o| o.to_string()).unwrap_or_default(),
        };
        (input, None)
    };
    let me = ctx.require_user()?.user.id();
    let file = file.as_ref().map(|(n, b)| (n.as_str(), b.as_slice()));
    let id = actions::submit(&state, me, &ctx.zone(), &input, file)
        .await?
        .map_err(|invalid| {
            AppError::Invalid(if multipart {
                invalid
            } else {
                rename(invalid, "org", "org_id")
            })
        })?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id })))
}

/// The domain names fields as the page's form does.
fn rename(mut invalid: Invalid, from: &str, to: &str) -> Invalid {
    for e in &mut invalid.0 {
        if e.field == from {
            e.field = to.to_string();
        }
    }
    invalid
}

/// Your outside PD requests, newest first, with their decisions.
#[utoipa::path(get, path = "/api/v1/pd-requests", tag = "credit",
    responses((status = 200, body = Vec<PdRequestDto>), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn mine(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<PdRequestDto>>, AppError> {
    let me = ctx.require_user()?.user.id();
    let rows = actions::requests_of(&state, me).await?;
    Ok(Json(
        rows.into_iter()
            .map(|(r, zone)| PdRequestDto::new(r, &zone))
            .collect(),
    ))
}

/// The evidence file you sent with one of your requests (404 for one
/// without a file, or not yours).
#[utoipa::path(get, path = "/api/v1/pd-requests/{request_id}/evidence", tag = "credit",
    params(("request_id" = i64, Path)),
    responses((status = 200, content_type = "application/octet-stream", description = "The file, as a download"),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn own_evidence(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    actions::own_evidence(&state, ctx.require_user()?.user.id(), id).await
}

/// The evidence file of a request to this organisation or below it, for
/// its admins (404 for one that went elsewhere, or without a file).
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/pd-requests/{request_id}/evidence", tag = "credit",
    params(("org_id" = i64, Path), ("request_id" = i64, Path)),
    responses((status = 200, content_type = "application/octet-stream", description = "The file, as a download"),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn evidence(
    State(state): State<AppState>,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    actions::scoped_evidence(&state, &scope, id).await
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WaitingRequestDto {
    pub request: PdRequestDto,
    pub requester: String,
    pub org_name: String,
}

/// Requests waiting for you in this organisation and below it, oldest
/// first: those you may decide (never your own, nor an admin's at your
/// level). Admins of the organisation only.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/pd-requests", tag = "credit",
    params(("org_id" = i64, Path)),
    responses((status = 200, body = Vec<WaitingRequestDto>), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Json<Vec<WaitingRequestDto>>, AppError> {
    let me = &ctx.require_user()?.actor;
    let rows = actions::queue(&state, me, &scope).await?;
    Ok(Json(
        rows.into_iter()
            .map(
                |(
                    Waiting {
                        request,
                        requester,
                        org_name,
                    },
                    zone,
                )| WaitingRequestDto {
                    request: PdRequestDto::new(request, &zone),
                    requester,
                    org_name,
                },
            )
            .collect(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    /// `approved`, `returned` or `rejected`.
    #[serde(default)]
    pub decision: String,
    /// Why (required to return or reject).
    #[serde(default)]
    pub comment: Option<String>,
}

/// Decides a request: approves it (its hours go to the ledger), returns it
/// or rejects it with a comment. 404 for a request not in this
/// organisation or no longer waiting; 403 for your own, or one that goes
/// to the admins above you.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/pd-requests/{request_id}/decision", tag = "credit",
    request_body = DecisionBody,
    params(("org_id" = i64, Path), ("request_id" = i64, Path)),
    responses((status = 200, body = PdRequestDto), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, id)): Path<(i64, i64)>,
    ApiJson(b): ApiJson<DecisionBody>,
) -> Result<Json<PdRequestDto>, AppError> {
    let me = &ctx.require_user()?.actor;
    let comment = b.comment.unwrap_or_default();
    let r = actions::decide(&state, me, &scope, id, &b.decision, &comment)
        .await?
        .map_err(AppError::Invalid)?;
    let zone = state
        .db
        .read(move |c| {
            let org = lyceum_db::orgs::get(c, lyceum_domain::OrgId(r.org_id))?;
            Ok((lyceum_db::orgs::zone_of(c, &org.org_path()?)?, r))
        })
        .await?;
    Ok(Json(PdRequestDto::new(zone.1, &zone.0)))
}

// ---- Certificates ----

#[derive(Debug, Serialize, ToSchema)]
pub struct CertifiedCompetencyDto {
    pub id: String,
    pub name_en: Option<String>,
    pub name_es: Option<String>,
    pub level_en: Option<String>,
    pub level_es: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CertificateDto {
    /// Its code: anyone may verify it at `verify_path`.
    pub code: String,
    pub verify_path: String,
    /// Whom it was issued to; null when that account has since been
    /// deleted (the certificate stays verifiable).
    pub recipient: Option<String>,
    pub course_title: String,
    /// The course's language, `en` or `es`.
    pub course_language: String,
    /// The course, while it is in the catalogue.
    pub course_slug: Option<String>,
    pub course_version: i32,
    /// A workshop's certificate: the offering whose credit rule was met
    /// (`course_title` is then its title).
    pub offering_id: Option<i64>,
    pub hours: f64,
    pub competencies: Vec<CertifiedCompetencyDto>,
    pub issuer: String,
    pub issued_at: String,
    /// The day it was issued, on the holder's calendar (`time_zone`).
    pub issued_on: String,
    pub expires_at: Option<String>,
    /// `valid`, `revoked` or `expired`.
    pub status: String,
    pub revoked_at: Option<String>,
    pub revoked_reason: Option<String>,
    /// The holder's zone, whoever looks.
    pub time_zone: String,
}

impl CertificateDto {
    fn new(
        cert: CertificateRow,
        slug: Option<String>,
        zone: &TimeZone,
        now: Timestamp,
    ) -> Result<Self, AppError> {
        let competencies = cert
            .competencies()?
            .into_iter()
            .map(|k| CertifiedCompetencyDto {
                id: k.id,
                name_en: k.name_en,
                name_es: k.name_es,
                level_en: k.level_en,
                level_es: k.level_es,
            })
            .collect();
        Ok(CertificateDto {
            verify_path: paths::certificate(&cert.code),
            recipient: cert.recipient().map(str::to_string),
            course_slug: slug,
            course_version: cert.course_version,
            offering_id: cert.offering_id.map(|o| o.0),
            hours: hours(cert.hours()),
            competencies,
            issued_at: time(cert.issued_at),
            issued_on: actions::date(cert.issued_at, zone),
            expires_at: cert.expires_at.map(time),
            status: actions::status(&cert, now).to_string(),
            revoked_at: cert.revoked_at.map(time),
            time_zone: zone.name().to_string(),
            code: cert.code,
            course_title: cert.course_title,
            course_language: cert.course_language,
            issuer: cert.issuer,
            revoked_reason: cert.revoked_reason,
        })
    }

    fn verified(v: Verified, now: Timestamp) -> Result<Self, AppError> {
        Self::new(v.cert, v.slug, &v.zone, now)
    }
}

/// Your certificates, newest first.
#[utoipa::path(get, path = "/api/v1/certificates", tag = "credit",
    responses((status = 200, body = Vec<CertificateDto>), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn certificates(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<CertificateDto>>, AppError> {
    let me = ctx.require_user()?.user.id();
    let (zone, now) = (ctx.zone(), state.clock.now());
    actions::mine(&state, me)
        .await?
        .into_iter()
        .map(|c| CertificateDto::new(c, None, &zone, now))
        .collect::<Result<Vec<_>, _>>()
        .map(Json)
}

/// Verifies a certificate by its code, for anyone (no token needed): what
/// it certifies, to whom, and whether it still holds.
#[utoipa::path(get, path = "/api/v1/certificates/{code}", tag = "credit",
    params(("code" = String, Path)),
    responses((status = 200, body = CertificateDto), (status = 404, body = ErrorBody)))]
pub async fn verify(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<CertificateDto>, AppError> {
    let v = actions::verify(&state, None, code).await?;
    Ok(Json(CertificateDto::verified(v, state.clock.now())?))
}

/// A certificate as a one-page PDF, for anyone (no token needed): who,
/// what course, hours, competencies, the day issued, issuer, whether it
/// still holds (a revoked one says so, with when and why), and the
/// verification address with its QR code. In the language of
/// `Accept-Language`.
#[utoipa::path(get, path = "/api/v1/certificates/{code}/pdf", tag = "credit",
    params(("code" = String, Path)),
    responses((status = 200, content_type = "application/pdf", description = "The certificate, one A4 page"),
              (status = 404, body = ErrorBody),
              (status = 429, body = ErrorBody, description = "Too many PDFs made for this network in the last minute")))]
pub async fn verify_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let v = actions::verify(&state, None, code).await?;
    actions::certificate_pdf(&state, ip, &v, ctx.lang).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevokeBody {
    /// Why, shown on the certificate's page (at most 500 characters).
    #[serde(default)]
    pub reason: String,
}

/// Revokes the certificate of someone in this organisation (or below it),
/// saying why. Admins of the organisation only; 404 for a certificate of
/// nobody there. Revoking one revoked already changes nothing.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/certificates/{code}/revoke", tag = "credit",
    request_body = RevokeBody,
    params(("org_id" = i64, Path), ("code" = String, Path)),
    responses((status = 200, body = CertificateDto), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, code)): Path<(i64, String)>,
    ApiJson(b): ApiJson<RevokeBody>,
) -> Result<Json<CertificateDto>, AppError> {
    let me = ctx.require_user()?.user.id();
    actions::revoke(&state, me, &scope, &code, &b.reason)
        .await?
        .map_err(AppError::Invalid)?;
    let v = actions::verify(&state, None, code).await?;
    Ok(Json(CertificateDto::verified(v, state.clock.now())?))
}
