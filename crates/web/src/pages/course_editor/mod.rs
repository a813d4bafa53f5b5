//! Writing a course on pages (`/authoring/{id}/edit` and its lessons): the
//! draft's course file stays the one source of truth. Each form reads it
//! into a `course::editor::Outline`, applies one edit and saves it back
//! through `drafts::save` — the same policy on the course's owner inside
//! the writing transaction as the file editor — naming the revision the
//! page showed, so an edit from a stale page is refused and loses nothing.
//! A new course starts here from a title; it need not be a valid course
//! until it is sent for review (on the draft's page, as before).

use super::Choice;
use super::authoring::{authoring_orgs, draft_path, refused_new};
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::markdown;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::drafts::{self, DraftRow};
use lyceum_db::{DbError, courses};
use lyceum_domain::course::editor::{Details, LessonOutline, Missing, Move, Outline, slug_of};
use lyceum_domain::course::quiz::{Kind, MAX_ATTEMPTS};
use lyceum_domain::course::task::{ArtefactKind, MAX_INSTRUCTIONS, MAX_PROMPT, Reflection};
use lyceum_domain::course::{MAX_MARKDOWN, MAX_SUMMARY, MAX_TITLE, is_slug};
use lyceum_domain::validation::{FieldError, Invalid};
use serde::Deserialize;
use std::collections::HashMap;

mod lesson;
mod outline;

pub use lesson::{edit_lesson, lesson};
pub use outline::{edit, outline};

/// The largest lesson form: 100,000 characters of Markdown, each up to
/// nine bytes once form-encoded, with the quiz and task around it.
pub const MAX_LESSON_FORM: usize = 2 * 1024 * 1024;

fn edit_path(id: i64) -> String {
    format!("/authoring/{id}/edit")
}

fn lesson_path(id: i64, key: &str) -> String {
    format!("/authoring/{id}/lessons/{key}")
}

/// A required text of at most `max` characters, or its error on `field`.
fn text(field: &str, value: &str, max: usize, errors: &mut Invalid) -> String {
    let v = value.trim();
    if v.is_empty() {
        errors.0.push(FieldError::new(field, "required"));
    } else if v.chars().count() > max {
        errors
            .0
            .push(FieldError::new(field, "too-long").with_arg("max", max));
    }
    v.to_string()
}

fn too_long(field: &str, value: &str, max: usize, errors: &mut Invalid) {
    if value.chars().count() > max {
        errors
            .0
            .push(FieldError::new(field, "too-long").with_arg("max", max));
    }
}

// ---- Starting a course on pages ----

#[derive(Debug, Default, Deserialize)]
pub struct StartForm {
    #[serde(default, rename = "new-title")]
    title: String,
    #[serde(default, rename = "new-org")]
    org: String,
}

/// `POST /authoring/new`: a new course from its title alone, owned by the
/// organisation chosen (when the author has a choice); its slug is made of
/// the title and kept clear of existing courses, so a new course never
/// becomes a new version of another.
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(form): HtmlForm<StartForm>,
) -> Result<Response, AppError> {
    let actor = ctx.require_user()?.actor.clone();
    let mut invalid = Invalid::new();
    let title = text("new-title", &form.title, MAX_TITLE, &mut invalid);
    let orgs = authoring_orgs(&state, &actor).await?;
    let typed = form.org.trim().to_string();
    let chosen = match (typed.as_str(), orgs.as_slice()) {
        ("", [(only, _)]) => Some(*only),
        (typed, _) => orgs
            .iter()
            .find(|(id, _)| id.0.to_string() == typed)
            .map(|(id, _)| *id),
    };
    if chosen.is_none() {
        invalid.0.push(FieldError::new("new-org", "choose-one"));
    }
    if !invalid.0.is_empty() {
        return refused_new(&state, &ctx, invalid, &typed, &form.title).await;
    }
    let base = slug_of(&title, "course");
    let slug = state
        .db
        .read(move |c| {
            let mut n = 1;
            loop {
                let s = if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                };
                if courses::by_slug(c, &s)?.is_none() {
                    return Ok(s);
                }
                n += 1;
            }
        })
        .await?;
    let outline = Outline::new_course(&slug, ctx.lang.as_str(), &title);
    let document = outline.write();
    let now = state.clock.now();
    let created = state
        .db
        .write(move |c| {
            drafts::create(
                c,
                &actor,
                chosen,
                &document,
                (Some(&slug), Some(&title)),
                now,
            )
        })
        .await;
    match created {
        Ok(id) => Ok(redirect_with(
            &edit_path(id),
            Flash::DraftCreated,
            state.config.secure_cookies(),
        )),
        Err(DbError::Invalid(mut invalid)) => {
            for e in invalid.0.iter_mut() {
                e.field = if e.field == "org" {
                    "new-org".into()
                } else {
                    "new-title".into()
                };
            }
            refused_new(&state, &ctx, invalid, &typed, &form.title).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---- Reading and saving a draft's outline ----

/// The author's own draft, while they may change it: `NotFound` for
/// anyone else (nobody else learns that it exists).
async fn own_draft(state: &AppState, ctx: &Ctx, id: i64) -> Result<DraftRow, AppError> {
    let me = ctx.require_user()?.actor.user_id;
    state
        .db
        .read(move |c| drafts::by_id(c, id))
        .await?
        .filter(|d| d.author_id == me)
        .ok_or(AppError::NotFound)
}

/// Saves an outline made on `revision`: the new revision, or what was
/// refused (a stale page, a course its author may not write).
async fn store(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    revision: i64,
    outline: &Outline,
) -> Result<Result<i64, Invalid>, AppError> {
    let actor = ctx.require_user()?.actor.clone();
    let document = outline.write();
    let slug = Some(outline.slug.clone()).filter(|s| !s.is_empty());
    let title = Some(outline.title.clone()).filter(|s| !s.is_empty());
    let now = state.clock.now();
    let saved = state
        .db
        .write(move |c| {
            drafts::save(
                c,
                id,
                &actor,
                Some(revision),
                &document,
                (slug.as_deref(), title.as_deref()),
                false,
                now,
            )
        })
        .await;
    match saved {
        Ok(r) => Ok(Ok(r)),
        Err(DbError::Invalid(invalid)) => Ok(Err(invalid)),
        Err(e) => Err(e.into()),
    }
}

/// Which way a "move" button (`…-up`, `…-down`) moves its item.
fn way(op: &str) -> Move {
    if op.ends_with("-up") {
        Move::Up
    } else {
        Move::Down
    }
}

fn stale() -> Invalid {
    Invalid(vec![FieldError::new("revision", "draft-changed")])
}
