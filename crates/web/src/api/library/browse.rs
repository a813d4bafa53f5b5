//! The practice library in the API: browse and search — the same words,
//! filters, order, pages and validation as `/practices`
//! (`crate::library_browse`).

use crate::api::dto::{ErrorBody, FacetCountDto};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::gate::Access::SignedIn;
use crate::library_browse::{self as lb, ANY_LANGUAGE, BrowseQuery, Facet, SORTS, TIERS};
use crate::routes::{GET, Routes};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use lyceum_db::library::browse::{FacetCounts, Listed};
use lyceum_domain::i18n::Lang;
use lyceum_domain::profile::{GradeBand, Subject};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(paths(list))]
pub struct Doc;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/v1/practices", SignedIn, list)
}

/// A published classroom practice as the library lists it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeCardDto {
    pub id: i64,
    pub title: String,
    pub summary: String,
    /// `en` or `es`.
    pub language: String,
    pub subjects: Vec<String>,
    pub grade_bands: Vec<String>,
    /// Competency ids, in the author's order.
    pub competencies: Vec<String>,
    /// The evidence tier a curator confirmed (1–4); absent: not yet rated.
    pub tier: Option<i32>,
    /// The tier Lyceum proposes from the trial reports; absent: none yet.
    pub proposed_tier: Option<i32>,
    /// Trial reports filed ("tried in N classrooms").
    pub trials: i32,
    /// When first published (RFC 3339).
    pub published_at: String,
    /// With words searched: an extract of the summary and goal, HTML-escaped,
    /// the words found in `<mark>`.
    pub extract: Option<String>,
}

fn card(l: &Listed, words: &[String]) -> PracticeCardDto {
    PracticeCardDto {
        id: l.id.0,
        title: l.title.clone(),
        summary: l.summary.clone(),
        language: l.language.clone(),
        subjects: l.subjects.clone(),
        grade_bands: l.grade_bands.clone(),
        competencies: l.competencies.clone(),
        tier: l.tier,
        proposed_tier: l.proposed_tier,
        trials: l.trials,
        published_at: lyceum_domain::Timestamp::from_micros(l.published_at).to_rfc3339(),
        extract: (!words.is_empty())
            .then(|| crate::highlight::snippet(&format!("{}\n\n{}", l.summary, l.goal), words)),
    }
}

/// Per filter, its values with how many practices each finds with the
/// other filters as asked (a value's own filter aside); values finding
/// none are left out, unless asked for.
#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeFacetCountsDto {
    pub subject: Vec<FacetCountDto>,
    pub grade_band: Vec<FacetCountDto>,
    pub competency: Vec<FacetCountDto>,
    /// `1`–`4`, and `none` for not yet rated.
    pub tier: Vec<FacetCountDto>,
    /// `any` counts every language.
    pub language: Vec<FacetCountDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticePageDto {
    pub practices: Vec<PracticeCardDto>,
    /// Practices found in all.
    pub found: i64,
    pub page: i64,
    pub pages: i64,
    /// The `page` to ask for next; absent on the last.
    pub next_page: Option<i64>,
    /// The languages shown: `en` or `es` (with no `language` asked, the
    /// request's language), or `any`.
    pub language: String,
    /// The order applied.
    pub sort: String,
    /// Every order offered.
    pub sorts: Vec<String>,
    pub counts: PracticeFacetCountsDto,
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// `values` of `facet` with their counts (see [`FacetCountDto::listed`]).
fn counted<'a>(
    counts: &FacetCounts,
    facet: Facet,
    values: impl IntoIterator<Item = &'a str>,
    asked: &str,
) -> Vec<FacetCountDto> {
    FacetCountDto::listed(values, asked, |v| counts.get(facet, v))
}

/// Published classroom practices the words and filters find, 20 a page,
/// newest first (with words: best match first), with each filter value's
/// count. With no `language` asked, practices in the request's language
/// (`any`: every language). A value that is not one of its filter's
/// choices is refused (422, naming the field); a page that is not a
/// number from 1, 400.
#[utoipa::path(get, path = "/api/v1/practices", tag = "library",
    params(BrowseQuery),
    responses((status = 200, body = PracticePageDto), (status = 400, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(query): HtmlQuery<BrowseQuery>,
) -> Result<Json<PracticePageDto>, AppError> {
    let choices = crate::catalogue::competency_choices(&state, ctx.lang).await?;
    let filters = query
        .filters(&choices, ctx.lang)
        .map_err(AppError::Invalid)?;
    let at = query.page_number()?;
    let words = filters.words.clone();
    let found = lb::find(&state, filters, at).await?;
    let pages = lb::pages(found.total);
    let c = &found.counts;
    let language = query.shown_language(ctx.lang).to_string();
    let languages: Vec<&str> = std::iter::once(ANY_LANGUAGE)
        .chain(Lang::ALL.iter().map(|s| s.as_str()))
        .collect();
    Ok(Json(PracticePageDto {
        practices: found.practices().map(|l| card(l, &words)).collect(),
        found: count(found.total),
        page: count(at),
        pages: count(pages),
        next_page: (at < pages).then(|| count(at + 1)),
        sort: query.order().to_string(),
        sorts: SORTS.iter().map(|(k, _)| k.to_string()).collect(),
        counts: PracticeFacetCountsDto {
            subject: counted(
                c,
                Facet::Subject,
                Subject::ALL.iter().map(|s| s.as_str()),
                &query.subject,
            ),
            grade_band: counted(
                c,
                Facet::GradeBand,
                GradeBand::ALL.iter().map(|s| s.as_str()),
                &query.grade_band,
            ),
            competency: counted(
                c,
                Facet::Competency,
                choices.iter().map(|(id, _)| id.as_str()),
                &query.competency,
            ),
            tier: counted(c, Facet::Tier, TIERS.iter().copied(), &query.tier),
            language: counted(c, Facet::Language, languages.iter().copied(), &language),
        },
        language,
    }))
}
