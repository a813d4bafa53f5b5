//! A classroom practice's page (`/practices/{practice_id}`): everything its
//! author wrote (steps as sanitised Markdown), materials with their
//! licences, the practice's licence and its deed, who wrote it and for
//! which organisation, its version and earlier ones, following it, trying
//! it and reporting back, and its discussion. Three sections are rendered
//! by other parts: the trial summary (`trial_actions`), the evidence tier
//! badge (`tier_actions`), linked resources (`resource_actions`) and
//! linked registry tools (`tool_links`). Material files are served from
//! here too, as downloads, to those who see the practice.

use crate::classroom_practice_actions::{self as actions, Shown};
use crate::context::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::gate::Access::SignedIn;
use crate::page::{Page, render};
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::http::header::X_CONTENT_TYPE_OPTIONS;
use axum::response::{IntoResponse, Redirect, Response};
use lyceum_domain::{LibraryFileId, PracticeId};

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/practices/{practice_id}", SignedIn, show)
        .add(
            GET,
            "/practices/{practice_id}/versions/{version}",
            SignedIn,
            show_version,
        )
        .add(POST, "/practices/{practice_id}/follow", SignedIn, follow)
        .add(POST, "/practices/{practice_id}/tools", SignedIn, link_tool)
        .add(
            POST,
            "/practices/{practice_id}/unfollow",
            SignedIn,
            unfollow,
        )
        .add(
            GET,
            "/practices/{practice_id}/files/{file_id}",
            SignedIn,
            file,
        )
}

pub struct MaterialView {
    pub title: String,
    pub href: String,
    pub licence: String,
    pub is_file: bool,
}

#[derive(Template)]
#[template(path = "library/practice_page.html")]
pub struct PracticePage {
    page: Page,
    id: i64,
    href: String,
    lang: &'static str,
    summary: String,
    goal: String,
    subjects: String,
    grade_bands: String,
    competencies: Vec<String>,
    tools: String,
    steps_html: std::sync::Arc<str>,
    materials: Vec<MaterialView>,
    minutes: String,
    equity_notes: String,
    privacy_notes: String,
    logic_model: String,
    licence: String,
    licence_url: &'static str,
    author: String,
    owner: String,
    /// "Version 3", or that it is not published yet.
    version_line: String,
    /// An earlier version shown: a link to the current one.
    earlier: bool,
    versions: Vec<(i32, String)>,
    published: bool,
    following: bool,
    /// The reader wrote it: edit, and where its draft stands.
    edit_href: Option<String>,
    draft_status: Option<String>,
    /// Its curators: the draft under review.
    review_href: Option<String>,
    topic_href: Option<String>,
    // Sections other parts render (HTML fragments), joined by the lead
    // after merging; `None` until then.
    /// The trials part: the trial summary and the latest reports.
    pub trial_summary: Option<String>,
    /// The evidence tier badge, linking to its reasons
    /// (`/practices/{id}/evidence`).
    pub badge: Option<crate::tier_actions::TierBadge>,
    /// Resources linked from this practice, and where its author and
    /// curators add or remove one (empty for the rest).
    pub linked: Vec<crate::resource_actions::Linked>,
    pub link_action: String,
    /// Registry tools linked from this practice; the address that links or
    /// unlinks one and the tools to choose from (both empty unless the
    /// reader is its author or a curator).
    tools_linked: Vec<crate::tool_links::LinkedTool>,
    tool_action: String,
    tool_choices: Vec<(i64, String)>,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    me: &CurrentUser,
    shown: Shown,
) -> Result<PracticePage, AppError> {
    let c = &shown.content;
    let lang = ctx.lang;
    let id = shown.view.practice.id;
    let published = shown.view.practice.is_published();
    let reports = published && shown.view.practice.trials > 0;
    let edits = published && (shown.view.is_author || shown.view.curates);
    // What the page shows beside the practice, in one read.
    let (named, latest, linked, tools, choices) = state
        .db
        .read_brief(move |c| {
            lyceum_db::snapshot(c, |c| {
                Ok((
                    lyceum_db::competencies::named(
                        c,
                        lyceum_domain::competency::DEFAULT_FRAMEWORK,
                    )?,
                    match reports {
                        true => lyceum_db::library::trials::latest(c, id)?,
                        false => Vec::new(),
                    },
                    lyceum_db::library::resources::of_practice(c, id)?,
                    lyceum_db::registry::links::of_practice(c, id)?,
                    match edits {
                        true => lyceum_db::registry::links::choices(c)?,
                        false => Vec::new(),
                    },
                ))
            })
        })
        .await?;
    let page = Page::new(ctx, "practice-title").with_title(&c.title);
    let href = actions::href(id);
    let current = shown.view.practice.version;
    Ok(PracticePage {
        id: id.0,
        lang: c.language.as_str(),
        summary: c.summary.clone(),
        goal: c.goal.clone(),
        subjects: c
            .subjects
            .iter()
            .map(|s| page.label("subject", s.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
        grade_bands: c
            .grade_bands
            .iter()
            .map(|s| page.label("grade-band", s.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
        competencies: c
            .competencies
            .iter()
            .map(|k| {
                named
                    .iter()
                    .find(|(id, _)| id == k)
                    .map_or_else(|| k.clone(), |(_, n)| n.get(lang).to_string())
            })
            .collect(),
        tools: c.tools.clone(),
        steps_html: state.rendered_steps.html(id.0, &c.steps),
        materials: c
            .materials
            .iter()
            .map(|m| MaterialView {
                title: m.title.clone(),
                href: m
                    .url
                    .clone()
                    .unwrap_or_else(|| format!("{href}/files/{}", m.file_id.unwrap_or_default())),
                licence: m.licence.clone(),
                is_file: m.url.is_none(),
            })
            .collect(),
        minutes: page.tn("practice-minutes", i64::from(c.minutes)),
        equity_notes: c.equity_notes.clone(),
        privacy_notes: c.privacy_notes.clone(),
        logic_model: c.logic_model.clone(),
        licence: page.label("licence", c.licence.as_str()),
        licence_url: c.licence.url(),
        author: shown
            .author
            .clone()
            .unwrap_or_else(|| page.t("practice-author-gone")),
        owner: shown.owner.clone(),
        version_line: if shown.version == 0 {
            page.t("practice-not-published")
        } else {
            page.t1("practice-version", "version", &shown.version.to_string())
        },
        earlier: shown.version > 0 && shown.version < current,
        versions: shown
            .versions
            .iter()
            .map(|v| (*v, format!("{href}/versions/{v}")))
            .collect(),
        published,
        following: shown.following,
        edit_href: shown.view.is_author.then(|| format!("{href}/edit")),
        draft_status: shown
            .draft_status
            .map(|s| page.label("practice-draft-status", s.as_str())),
        review_href: (shown.view.curates || shown.view.curator_of_own)
            .then(|| shown.draft_status.map(|_| format!("{href}/review")))
            .flatten(),
        topic_href: shown
            .view
            .practice
            .topic_id
            .map(|t| format!("/topics/{}", t.0)),
        trial_summary: published
            .then(|| {
                let s = lyceum_db::library::trials::Summary::of(&shown.view.practice, latest);
                crate::trial_actions::summary_html(&s, me, id, lang)
            })
            .transpose()?,
        badge: crate::tier_actions::badge_of(lang, &shown.view.practice),
        linked: crate::resource_actions::linked(linked, lang),
        link_action: match edits {
            true => format!("{href}/resources"),
            false => String::new(),
        },
        tools_linked: crate::tool_links::shown(tools),
        tool_action: match edits {
            true => format!("{href}/tools"),
            false => String::new(),
        },
        tool_choices: choices.into_iter().map(|(t, n)| (t.0, n)).collect(),
        href,
        page,
    })
}

/// `GET /practices/{practice_id}`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let shown = actions::show(&state, me, PracticeId(id), None).await?;
    Ok(render(&page(&state, &ctx, me, shown).await?))
}

/// `GET /practices/{practice_id}/versions/{version}`
pub async fn show_version(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, version)): Path<(i64, i32)>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let shown = actions::show(&state, me, PracticeId(id), Some(version)).await?;
    Ok(render(&page(&state, &ctx, me, shown).await?))
}

/// `POST /practices/{practice_id}/follow`
pub async fn follow(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let id = PracticeId(id);
    actions::follow(&state, ctx.require_user()?, id, true).await?;
    Ok(redirect_with(
        &actions::href(id),
        Flash::PracticeFollowed,
        state.config.secure_cookies(),
    ))
}

/// `POST /practices/{practice_id}/tools`: links or unlinks a registry
/// tool, back to the practice's tools.
pub async fn link_tool(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(f): HtmlForm<crate::tool_links::ToolLinkForm>,
) -> Result<Response, AppError> {
    let id = PracticeId(id);
    crate::tool_links::link(&state, ctx.require_user()?, id, &f)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(Redirect::to(&format!("{}#tools", actions::href(id))).into_response())
}

/// `POST /practices/{practice_id}/unfollow`
pub async fn unfollow(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let id = PracticeId(id);
    actions::follow(&state, ctx.require_user()?, id, false).await?;
    Ok(redirect_with(
        &actions::href(id),
        Flash::PracticeUnfollowed,
        state.config.secure_cookies(),
    ))
}

/// `GET /practices/{practice_id}/files/{file_id}`: always a download.
pub async fn file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (name, kind, bytes) = actions::file(
        &state,
        ctx.require_user()?,
        PracticeId(id),
        LibraryFileId(file),
    )
    .await?;
    let mut r = crate::credit_actions::evidence_response(name, kind, bytes)?;
    r.headers_mut()
        .insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    Ok(r)
}
