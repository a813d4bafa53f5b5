//! The competency frameworks, for everyone: the list, and one framework as
//! a grid of aspects by levels (or, for a framework without levels, as its
//! tree). Text missing in the reader's language is shown in the other one,
//! marked with its `lang` so screen readers pronounce it right.

use crate::context::Ctx;
use crate::error::AppError;
use crate::page::{Page, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::competencies;
use lyceum_domain::competency::{DEFAULT_FRAMEWORK, Framework, Item, Source, Text};
use lyceum_domain::i18n::Lang;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

/// Text as shown: the words, and their language when it is not the page's.
pub struct Shown {
    pub text: String,
    pub lang: Option<&'static str>,
}

impl Shown {
    pub fn of(t: &Text, lang: Lang) -> Shown {
        Shown {
            text: t.get(lang).to_string(),
            lang: t.fallback_lang(lang).map(Lang::as_str),
        }
    }
}

/// The default framework's competencies as (id, name in `lang`), for
/// choosing one (catalogue filters, topic tags).
pub fn named_competencies(
    conn: &mut lyceum_db::DbConn,
    lang: Lang,
) -> Result<Vec<(String, String)>, lyceum_db::DbError> {
    Ok(competencies::named(conn, DEFAULT_FRAMEWORK)?
        .into_iter()
        .map(|(id, name)| (id, name.get(lang).to_string()))
        .collect())
}

pub fn framework_path(id: &str) -> String {
    format!(
        "/competencies/{}",
        utf8_percent_encode(id, NON_ALPHANUMERIC)
    )
}

// ---- The list ----

pub struct FrameworkLink {
    pub href: String,
    pub title: Shown,
    pub publisher: String,
}

#[derive(Template)]
#[template(path = "competencies.html")]
pub struct ListPage {
    page: Page,
    frameworks: Vec<FrameworkLink>,
}

/// `GET /competencies`
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let rows = state.db.read(competencies::list).await?;
    let frameworks = rows
        .into_iter()
        .map(|f| FrameworkLink {
            href: framework_path(&f.id),
            title: Shown::of(&f.title(), ctx.lang),
            publisher: f.publisher,
        })
        .collect();
    Ok(render(&ListPage {
        page: Page::new(&ctx, "competencies-title"),
        frameworks,
    }))
}

// ---- One framework ----

pub struct CompetencyCell {
    pub code: Option<String>,
    pub name: Shown,
    pub summary: Shown,
}

pub struct LevelColumn {
    pub name: Shown,
    pub summary: Shown,
}

/// One aspect: its competencies at each level, in the levels' order.
pub struct AspectRow {
    pub name: Shown,
    pub cells: Vec<Vec<CompetencyCell>>,
}

/// One item of a framework without levels, in tree order, with the list
/// markup that opens and closes around it (fixed tags only).
pub struct TreeRow {
    pub before: &'static str,
    pub closes: usize,
    pub code: Option<String>,
    pub name: Shown,
    pub summary: Shown,
}

#[derive(Template)]
#[template(path = "competency_framework.html")]
pub struct FrameworkPage {
    page: Page,
    /// The title's language, when it is not the page's.
    title_lang: Option<&'static str>,
    attribution: String,
    /// Shipped with Lyceum: the summaries and translation are ours.
    builtin: bool,
    levels: Vec<LevelColumn>,
    aspects: Vec<AspectRow>,
    tree: Vec<TreeRow>,
    /// `</li></ul>` pairs to close after the last tree row.
    tree_end: usize,
}

fn cell(item: &Item, lang: Lang) -> CompetencyCell {
    CompetencyCell {
        code: item.code.clone(),
        name: Shown::of(&item.name, lang),
        summary: Shown::of(&item.summary, lang),
    }
}

/// Aspects (top items) by levels: for frameworks whose competencies have levels.
fn grid(f: &Framework, lang: Lang) -> Vec<AspectRow> {
    f.children_of(None)
        .map(|aspect| AspectRow {
            name: Shown::of(&aspect.name, lang),
            cells: f
                .levels
                .iter()
                .map(|level| {
                    f.children_of(Some(&aspect.id))
                        .filter(|c| c.level.as_deref() == Some(level.key.as_str()))
                        .map(|c| cell(c, lang))
                        .collect()
                })
                .collect(),
        })
        .collect()
}

/// The whole tree as nested lists; returns the rows and how many lists
/// remain open after the last one.
fn tree(f: &Framework, lang: Lang) -> (Vec<TreeRow>, usize) {
    // Typed: `d + 1` alone is ambiguous once a crate adds `Add` for references.
    let mut depth_of = std::collections::HashMap::<&str, usize>::new();
    let mut rows = Vec::with_capacity(f.items.len());
    let mut previous = 0usize;
    for item in &f.items {
        let depth = item
            .parent
            .as_ref()
            .and_then(|p| depth_of.get(p.as_str()))
            .map_or(1, |d| d + 1);
        depth_of.insert(item.id.as_str(), depth);
        let (before, closes) = if depth > previous {
            ("<ul>", 0)
        } else {
            ("</li>", previous - depth)
        };
        let c = cell(item, lang);
        rows.push(TreeRow {
            before,
            closes,
            code: c.code,
            name: c.name,
            summary: c.summary,
        });
        previous = depth;
    }
    (rows, previous)
}

/// `GET /competencies/{framework_id}`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let f = state
        .db
        .read(move |c| competencies::load(c, &id))
        .await?
        .ok_or(AppError::NotFound)?;
    let lang = ctx.lang;
    let with_levels = !f.levels.is_empty();
    let (tree, tree_end) = if with_levels {
        (Vec::new(), 0)
    } else {
        tree(&f, lang)
    };
    Ok(render(&FrameworkPage {
        page: Page::new(&ctx, "competencies-title").with_title(f.title.get(lang)),
        title_lang: f.title.fallback_lang(lang).map(Lang::as_str),
        attribution: f.attribution.clone(),
        builtin: f.source == Source::Builtin,
        levels: f
            .levels
            .iter()
            .map(|l| LevelColumn {
                name: Shown::of(&l.name, lang),
                summary: Shown::of(&l.summary, lang),
            })
            .collect(),
        aspects: if with_levels {
            grid(&f, lang)
        } else {
            Vec::new()
        },
        tree,
        tree_end,
    }))
}
