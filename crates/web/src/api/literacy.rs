//! The AI-literacy picture over the API: where you stand on each aspect of
//! the default framework (your self-assessment beside what your completed
//! courses show, with those courses' competencies as evidence), what to
//! take next, and your self-assessment — through the same functions as the
//! page (`crate::literacy_actions`).

use super::competencies::TextDto;
use crate::api::dto::ErrorBody;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::ApiJson;
use crate::literacy_actions::{self as actions, Picture};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use lyceum_domain::competency::standing;
use lyceum_domain::validation::Invalid;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct LiteracyLevelDto {
    pub key: String,
    pub name: TextDto,
}

/// A completed course's competency, counted for its aspect.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvidenceDto {
    /// The competency's item id.
    pub competency: String,
    pub name: TextDto,
    /// The level's key the course builds it to (the course's or the
    /// competency's own).
    pub level: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AspectStandingDto {
    /// The aspect's item id: the key of `levels` in a self-assessment.
    pub id: String,
    pub code: Option<String>,
    pub name: TextDto,
    /// The level's key you gave yourself; null for "not yet".
    pub assessed: Option<String>,
    /// The highest level's key your completed courses show; null for none.
    pub shown: Option<String>,
    pub evidence: Vec<EvidenceDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SuggestionDto {
    pub course_slug: String,
    pub course_title: String,
    /// The course's language, `en` or `es`.
    pub language: String,
    pub pd_hours: f64,
    /// The aspect (item id) it builds, and to which level (key).
    pub aspect: String,
    pub level: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LiteracyDto {
    /// The framework's id.
    pub framework: String,
    /// Its levels, lowest first.
    pub levels: Vec<LiteracyLevelDto>,
    /// Each aspect, in the framework's order.
    pub aspects: Vec<AspectStandingDto>,
    /// Courses that build your weakest aspects at their next level, for
    /// your subjects and grade bands.
    pub suggestions: Vec<SuggestionDto>,
}

impl From<&Picture> for LiteracyDto {
    fn from(p: &Picture) -> Self {
        let f = &p.framework;
        let aspects = standing::aspects(f)
            .into_iter()
            .zip(&p.standings)
            .map(|(a, s)| AspectStandingDto {
                id: a.id.clone(),
                code: a.code.clone(),
                name: TextDto::from(&a.name),
                assessed: p.level_key(s.assessed).map(str::to_string),
                shown: p.level_key(s.shown).map(str::to_string),
                evidence: p
                    .built
                    .iter()
                    .filter_map(|(id, level)| {
                        let item = f.items.iter().find(|i| i.id == *id)?;
                        (item.parent.as_deref() == Some(a.id.as_str())).then(|| EvidenceDto {
                            competency: id.clone(),
                            name: TextDto::from(&item.name),
                            level: level.clone().or_else(|| item.level.clone()),
                        })
                    })
                    .collect(),
            })
            .collect();
        LiteracyDto {
            framework: f.id.clone(),
            levels: f
                .levels
                .iter()
                .map(|l| LiteracyLevelDto {
                    key: l.key.clone(),
                    name: TextDto::from(&l.name),
                })
                .collect(),
            aspects,
            suggestions: p
                .suggestions
                .iter()
                .map(|s| SuggestionDto {
                    course_slug: s.course.slug.clone(),
                    course_title: s.course.title.clone(),
                    language: s.course.language.clone(),
                    pd_hours: f64::from(s.course.pd_quarter_hours) / 4.0,
                    aspect: s.aspect.clone(),
                    level: s.level.clone(),
                })
                .collect(),
        }
    }
}

/// Where you stand in AI literacy, on the default framework.
#[utoipa::path(get, path = "/api/v1/literacy", tag = "learning",
    responses((status = 200, body = LiteracyDto), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Json<LiteracyDto>, AppError> {
    let p = actions::picture(&state, ctx.require_user()?, ctx.lang).await?;
    Ok(Json(LiteracyDto::from(&p)))
}

/// A whole self-assessment, replacing the one stored.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfAssessmentBody {
    /// A level's key per aspect id; an aspect left out, or null, is "not yet".
    #[serde(default)]
    pub levels: HashMap<String, Option<String>>,
}

/// Saves your self-assessment (the whole of it: aspects left out are "not
/// yet") and answers with your picture. 422 names each refused entry as
/// `levels.<aspect id>`: an aspect or level the framework does not have.
#[utoipa::path(put, path = "/api/v1/literacy/self-assessment", tag = "learning",
    request_body = SelfAssessmentBody,
    responses((status = 200, body = LiteracyDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn assess(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<SelfAssessmentBody>,
) -> Result<Json<LiteracyDto>, AppError> {
    let me = ctx.require_user()?;
    let f = actions::framework(&state).await?;
    let aspects = standing::aspects(&f);
    let mut unknown = Invalid::new();
    let mut named: Vec<&String> = body.levels.keys().collect();
    named.sort();
    for id in named {
        if !aspects.iter().any(|a| a.id == *id) {
            unknown.add(format!("levels.{id}"), "choose-one");
        }
    }
    if !unknown.is_empty() {
        return Err(AppError::Invalid(unknown));
    }
    actions::assess(&state, me.user.id(), &f, |_, a| {
        (
            format!("levels.{}", a.id),
            body.levels.get(&a.id).cloned().flatten(),
        )
    })
    .await?
    .map_err(AppError::Invalid)?;
    let p = actions::picture(&state, me, ctx.lang).await?;
    Ok(Json(LiteracyDto::from(&p)))
}
