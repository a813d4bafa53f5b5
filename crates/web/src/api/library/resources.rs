//! The practice library in the API: resources — finding them (words and
//! facets, with counts), one resource, adding a link (JSON) or a file
//! (multipart), rating, comments, featuring — through the same functions
//! as the pages (`crate::resource_actions`).

use crate::api::dto::{CreatedDto, ErrorBody};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{ApiJson, HtmlQuery, Upload};
use crate::gate::Access::SignedIn;
use crate::resource_actions::{self as actions, FindQuery, SourceInput};
use crate::routes::{DELETE, GET, POST, PUT, Routes};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use lyceum_db::library::resources::ResourceRow;
use lyceum_domain::library::resource::ResourceInput;
use lyceum_domain::{ResourceId, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(paths(
    list,
    show,
    create_link,
    create_file,
    rate,
    comments,
    comment,
    feature,
    unfeature
))]
pub struct Doc;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/v1/resources", SignedIn, list)
        .add(POST, "/v1/resources", SignedIn, create_link)
        .add_upload(
            POST,
            "/v1/resources/file",
            SignedIn,
            create_file,
            actions::MAX_UPLOAD,
        )
        .add(GET, "/v1/resources/{resource_id}", SignedIn, show)
        .add(PUT, "/v1/resources/{resource_id}/rating", SignedIn, rate)
        .add(
            GET,
            "/v1/resources/{resource_id}/comments",
            SignedIn,
            comments,
        )
        .add(
            POST,
            "/v1/resources/{resource_id}/comments",
            SignedIn,
            comment,
        )
        .add(
            PUT,
            "/v1/resources/{resource_id}/feature",
            SignedIn,
            feature,
        )
        .add(
            DELETE,
            "/v1/resources/{resource_id}/feature",
            SignedIn,
            unfeature,
        )
}

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

/// A resource as lists show it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResourceSummaryDto {
    pub id: i64,
    /// `lesson_plan`, `prompt_template`, `guidance` or `policy_template`.
    pub kind: String,
    pub title: String,
    pub description: String,
    /// `en` or `es`.
    pub language: String,
    /// `cc-by`, `cc-by-sa` or `cc0`.
    pub licence: String,
    /// The link; null for a file.
    pub url: Option<String>,
    /// Where to download its file; null for a link.
    pub file_url: Option<String>,
    pub featured: bool,
    /// The mean rating (1–5, to a tenth); null before any rating.
    pub rating: Option<f64>,
    pub rating_count: i64,
    pub comment_count: i32,
    pub created_at: String,
}

impl From<ResourceRow> for ResourceSummaryDto {
    fn from(r: ResourceRow) -> Self {
        ResourceSummaryDto {
            id: r.id.0,
            kind: r.kind.as_str().into(),
            language: r.language.as_str().into(),
            licence: r.licence.as_str().into(),
            file_url: r.file_id.map(|_| format!("/resources/{}/file", r.id.0)),
            featured: r.featured_at.is_some(),
            rating: r.rating_tenths().map(|t| t as f64 / 10.0),
            rating_count: r.rating_count,
            comment_count: r.comment_count,
            created_at: time(r.created_at),
            url: r.url,
            title: r.title,
            description: r.description,
        }
    }
}

/// A page of resources and the facets' counts over all that matched.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResourcesDto {
    pub items: Vec<ResourceSummaryDto>,
    pub total: usize,
    pub page: u32,
    pub per_page: usize,
    /// Facet (`kind`, `subject`, `grade_band`, `competency`, `language`)
    /// → code → how many of those found have it.
    pub facets: BTreeMap<String, BTreeMap<String, usize>>,
}

/// Finds resources: featured first, then newest (with `q`, best match
/// first); 20 a page. `language` defaults to yours; `any` for every one.
#[utoipa::path(get, path = "/api/v1/resources", tag = "library",
    params(FindQuery),
    responses((status = 200, body = ResourcesDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<FindQuery>,
) -> Result<Json<ResourcesDto>, AppError> {
    ctx.require_user()?;
    let found = actions::find(&state, &q, ctx.lang).await?;
    Ok(Json(ResourcesDto {
        items: found.items.into_iter().map(Into::into).collect(),
        total: found.total,
        page: q.page(),
        per_page: actions::PER_PAGE,
        facets: found
            .counts
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    }))
}

/// One resource, with its facets.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResourceDto {
    #[serde(flatten)]
    pub summary: ResourceSummaryDto,
    /// The owning organisation's id and name.
    pub org_id: i64,
    pub org_name: String,
    pub subjects: Vec<String>,
    pub grade_bands: Vec<String>,
    pub competencies: Vec<String>,
    /// The file's name, media type and size in bytes; null for a link.
    pub file_name: Option<String>,
    pub file_type: Option<String>,
    pub file_size: Option<i64>,
    /// Your rating (1–5), if you gave one.
    pub your_rating: Option<i32>,
    /// You may edit it / feature it and hide its comments.
    pub you_edit: bool,
    pub you_curate: bool,
}

/// One resource.
#[utoipa::path(get, path = "/api/v1/resources/{resource_id}", tag = "library",
    params(("resource_id" = i64, Path)),
    responses((status = 200, body = ResourceDto), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<ResourceDto>, AppError> {
    let v = actions::load(&state, ctx.require_user()?, ResourceId(id)).await?;
    let r = v.resource;
    let (file_name, file_type, file_size) = match r.file {
        Some((n, t, s)) => (Some(n), Some(t), Some(s)),
        None => (None, None, None),
    };
    Ok(Json(ResourceDto {
        org_id: r.row.org_id.0,
        org_name: r.owner_name,
        subjects: r.subjects,
        grade_bands: r.grade_bands,
        competencies: r.competencies,
        file_name,
        file_type,
        file_size,
        your_rating: v.my_rating,
        you_edit: v.edits,
        you_curate: v.curates,
        summary: r.row.into(),
    }))
}

/// A link resource to add.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourceBody {
    /// The owning organisation: one where you curate (authors, programme admins).
    pub org_id: i64,
    pub title: String,
    /// Markdown.
    pub description: String,
    /// `lesson_plan`, `prompt_template`, `guidance` or `policy_template`.
    pub kind: String,
    /// `cc-by` (default), `cc-by-sa` or `cc0`.
    #[serde(default)]
    pub licence: Option<String>,
    /// `en` or `es`.
    pub language: String,
    #[serde(default)]
    pub subjects: Vec<String>,
    #[serde(default)]
    pub grade_bands: Vec<String>,
    /// Competency ids of the framework.
    #[serde(default)]
    pub competencies: Vec<String>,
    /// An `https://` or `http://` address.
    pub url: String,
}

/// Adds a link resource. 403 unless you curate at `org_id`; 422 names the
/// field (`title`, `description`, `kind`, `licence`, `language`,
/// `subjects`, `grade_bands`, `competencies`, `url`).
#[utoipa::path(post, path = "/api/v1/resources", tag = "library",
    request_body = ResourceBody,
    responses((status = 201, body = CreatedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_link(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(b): ApiJson<ResourceBody>,
) -> Result<(StatusCode, Json<CreatedDto>), AppError> {
    let user = ctx.require_user()?;
    let input = ResourceInput {
        title: b.title,
        description: b.description,
        kind: b.kind,
        licence: b.licence.unwrap_or_default(),
        language: b.language,
        subjects: b.subjects,
        grade_bands: b.grade_bands,
        competencies: b.competencies,
        url: b.url.clone(),
    };
    let src = SourceInput {
        url: b.url,
        file: None,
    };
    let id = actions::create(&state, user, &b.org_id.to_string(), &input, &src)
        .await?
        .map_err(AppError::Invalid)?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id: id.0 })))
}

/// A file resource as `multipart/form-data`.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct ResourceFileForm {
    pub org: i64,
    pub title: String,
    pub description: String,
    pub kind: String,
    pub licence: Option<String>,
    pub language: String,
    /// Repeat the field for several.
    pub subjects: Option<Vec<String>>,
    pub grade_bands: Option<Vec<String>>,
    /// Comma-separated competency ids.
    pub competencies: Option<String>,
    /// PDF, DOCX, PPTX, ODT, PNG or JPEG (by its bytes, named as what it
    /// is), at most 10 MB.
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
}

/// Adds a file resource. The file is checked by its bytes: `file-type`,
/// `file-mismatch` (its name says something else), `file-too-large`.
#[utoipa::path(post, path = "/api/v1/resources/file", tag = "library",
    request_body(content = ResourceFileForm, content_type = "multipart/form-data"),
    responses((status = 201, body = CreatedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_file(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Upload,
) -> Result<(StatusCode, Json<CreatedDto>), AppError> {
    let user = ctx.require_user()?;
    let input = actions::input_from(&form);
    let src = SourceInput {
        url: String::new(),
        file: form.file("file"),
    };
    let src = if src.file.is_none() {
        // A file resource needs its file: name the field that is missing.
        return Err(AppError::Invalid(lyceum_domain::validation::Invalid::one(
            "file", "required",
        )));
    } else {
        src
    };
    let id = actions::create(&state, user, &form.text("org"), &input, &src)
        .await?
        .map_err(AppError::Invalid)?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id: id.0 })))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingBody {
    /// 1 to 5.
    pub stars: i64,
}

/// Sets your rating (one a person; a second changes yours). 422 on
/// `stars` outside 1–5.
#[utoipa::path(put, path = "/api/v1/resources/{resource_id}/rating", tag = "library",
    params(("resource_id" = i64, Path)), request_body = RatingBody,
    responses((status = 204, description = "Rated"), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn rate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<RatingBody>,
) -> Result<StatusCode, AppError> {
    actions::rate(&state, ctx.require_user()?, ResourceId(id), b.stars)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CommentDto {
    pub id: i64,
    /// The writer's name; null once their account is gone.
    pub author: Option<String>,
    /// As written (Markdown).
    pub body: String,
    pub created_at: String,
    /// Set when a curator hid it (only curators see hidden comments).
    pub hidden_at: Option<String>,
}

/// The resource's comments, oldest first.
#[utoipa::path(get, path = "/api/v1/resources/{resource_id}/comments", tag = "library",
    params(("resource_id" = i64, Path)),
    responses((status = 200, body = Vec<CommentDto>), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn comments(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<Vec<CommentDto>>, AppError> {
    let view = actions::load(&state, ctx.require_user()?, ResourceId(id)).await?;
    let rows = actions::comments(&state, &view).await?;
    Ok(Json(
        rows.into_iter()
            .map(|c| CommentDto {
                id: c.id,
                author: c.author_name,
                body: c.body,
                created_at: time(c.created_at),
                hidden_at: c.hidden_at.map(time),
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentBody {
    /// Plain text or Markdown, up to 5,000 characters.
    pub body: String,
}

/// Comments on a resource (rate-limited: 429 after a handful in a few minutes).
#[utoipa::path(post, path = "/api/v1/resources/{resource_id}/comments", tag = "library",
    params(("resource_id" = i64, Path)), request_body = CommentBody,
    responses((status = 201, body = CreatedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<CommentBody>,
) -> Result<(StatusCode, Json<CreatedDto>), AppError> {
    let c = actions::comment(&state, ctx.require_user()?, ResourceId(id), &b.body)
        .await?
        .map_err(AppError::Invalid)?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id: c })))
}

/// Features a resource (curators at its owner; never one's own: 403).
#[utoipa::path(put, path = "/api/v1/resources/{resource_id}/feature", tag = "library",
    params(("resource_id" = i64, Path)),
    responses((status = 204, description = "Featured"), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn feature(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    actions::feature(&state, ctx.require_user()?, ResourceId(id), true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Stops featuring a resource.
#[utoipa::path(delete, path = "/api/v1/resources/{resource_id}/feature", tag = "library",
    params(("resource_id" = i64, Path)),
    responses((status = 204, description = "No longer featured"), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn unfeature(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    actions::feature(&state, ctx.require_user()?, ResourceId(id), false).await?;
    Ok(StatusCode::NO_CONTENT)
}
