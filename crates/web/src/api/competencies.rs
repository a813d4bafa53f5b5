//! Competency frameworks over the API: the list, one framework's tree, and
//! one competency — the same frameworks the pages show, read the same way
//! (`lyceum_db::competencies`). Text comes in both languages as stored, so
//! a client chooses (and knows when one is missing).

use crate::api::dto::ErrorBody;
use crate::error::AppError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use lyceum_db::competencies;
use lyceum_domain::competency::{Framework, Item, Text};
use serde::Serialize;
use utoipa::ToSchema;

/// Words in English and Spanish; either may be missing.
#[derive(Debug, Serialize, ToSchema)]
pub struct TextDto {
    pub en: Option<String>,
    pub es: Option<String>,
}

impl From<&Text> for TextDto {
    fn from(t: &Text) -> Self {
        TextDto {
            en: t.en.clone(),
            es: t.es.clone(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FrameworkSummaryDto {
    pub id: String,
    pub title: TextDto,
    pub publisher: String,
}

/// The competency frameworks, in the order the page lists them.
#[utoipa::path(get, path = "/api/v1/frameworks", tag = "learning",
    responses((status = 200, body = Vec<FrameworkSummaryDto>), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
) -> Result<Json<Vec<FrameworkSummaryDto>>, AppError> {
    let rows = state.db.read(competencies::list).await?;
    Ok(Json(
        rows.iter()
            .map(|f| FrameworkSummaryDto {
                id: f.id.clone(),
                title: TextDto::from(&f.title()),
                publisher: f.publisher.clone(),
            })
            .collect(),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LevelDto {
    pub key: String,
    pub name: TextDto,
    pub summary: TextDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ItemDto {
    pub id: String,
    /// Absent at the top of the tree.
    pub parent: Option<String>,
    /// `aspect`, `competency`, or a CASE item type.
    pub kind: String,
    /// A human coding scheme, e.g. `1.2`.
    pub code: Option<String>,
    /// The key of the level it is reached at, if the framework has levels.
    pub level: Option<String>,
    pub name: TextDto,
    pub summary: TextDto,
}

impl From<&Item> for ItemDto {
    fn from(i: &Item) -> Self {
        ItemDto {
            id: i.id.clone(),
            parent: i.parent.clone(),
            kind: i.kind.clone(),
            code: i.code.clone(),
            level: i.level.clone(),
            name: TextDto::from(&i.name),
            summary: TextDto::from(&i.summary),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FrameworkDto {
    pub id: String,
    pub title: TextDto,
    pub publisher: String,
    /// Who made it and under which licence: cite it wherever it is shown.
    pub attribution: String,
    /// `builtin` (shipped with Lyceum) or `case` (imported).
    pub source: String,
    /// In order; empty for a framework without levels.
    pub levels: Vec<LevelDto>,
    /// The tree in display order, each parent before its children.
    pub items: Vec<ItemDto>,
}

async fn load(state: &AppState, id: String) -> Result<Framework, AppError> {
    state
        .db
        .read(move |c| competencies::load(c, &id))
        .await?
        .ok_or(AppError::NotFound)
}

/// One framework: its levels and its whole tree.
#[utoipa::path(get, path = "/api/v1/frameworks/{framework_id}", tag = "learning",
    params(("framework_id" = String, Path)),
    responses((status = 200, body = FrameworkDto), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<FrameworkDto>, AppError> {
    let f = load(&state, id).await?;
    Ok(Json(FrameworkDto {
        id: f.id.clone(),
        title: TextDto::from(&f.title),
        publisher: f.publisher.clone(),
        attribution: f.attribution.clone(),
        source: f.source.as_str().into(),
        levels: f
            .levels
            .iter()
            .map(|l| LevelDto {
                key: l.key.clone(),
                name: TextDto::from(&l.name),
                summary: TextDto::from(&l.summary),
            })
            .collect(),
        items: f.items.iter().map(ItemDto::from).collect(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CompetencyDto {
    pub framework_id: String,
    pub item: ItemDto,
    /// Its ancestors, from the top of the tree down.
    pub ancestors: Vec<ItemDto>,
    /// The items directly below it.
    pub children: Vec<ItemDto>,
    /// The level it is reached at, described.
    pub level: Option<LevelDto>,
}

/// One competency (any item of the tree), with where it sits.
#[utoipa::path(get, path = "/api/v1/frameworks/{framework_id}/competencies/{competency_id}", tag = "learning",
    params(("framework_id" = String, Path), ("competency_id" = String, Path)),
    responses((status = 200, body = CompetencyDto), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn competency(
    State(state): State<AppState>,
    Path((framework, id)): Path<(String, String)>,
) -> Result<Json<CompetencyDto>, AppError> {
    let f = load(&state, framework).await?;
    let find = |id: &str| f.items.iter().find(|i| i.id == id);
    let item = find(&id).ok_or(AppError::NotFound)?;
    let mut ancestors = Vec::new();
    let mut up = item.parent.as_deref();
    // Parents come before children, so the walk ends; the bound guards it anyway.
    while let Some(p) = up.and_then(find) {
        if ancestors.len() > f.items.len() {
            break;
        }
        ancestors.push(ItemDto::from(p));
        up = p.parent.as_deref();
    }
    ancestors.reverse();
    Ok(Json(CompetencyDto {
        framework_id: f.id.clone(),
        ancestors,
        children: f.children_of(Some(&item.id)).map(ItemDto::from).collect(),
        level: item.level.as_ref().and_then(|k| {
            f.levels.iter().find(|l| &l.key == k).map(|l| LevelDto {
                key: l.key.clone(),
                name: TextDto::from(&l.name),
                summary: TextDto::from(&l.summary),
            })
        }),
        item: ItemDto::from(item),
    }))
}
