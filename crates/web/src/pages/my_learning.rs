//! "My learning" (`/learning`): the courses one follows with how far one
//! is, the ones completed, certificates, and hand-ins with their status.

use super::home::{Continue, continue_at};
use crate::context::Ctx;
use crate::error::AppError;
use crate::learning_actions::{course_path, lesson_path};
use crate::my_learning;
use crate::page::{Page, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_domain::paths;

pub struct Line {
    pub href: String,
    pub title: String,
    pub lang: Option<&'static str>,
    /// A date, a status, or both.
    pub meta: String,
}

#[derive(Template)]
#[template(path = "my_learning.html")]
pub struct MyLearningPage {
    page: Page,
    in_progress: Vec<Continue>,
    completed: Vec<Line>,
    certificates: Vec<Line>,
    hand_ins: Vec<Line>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?.user.id();
    let m = my_learning::of(&state, me).await?;
    let page = Page::new(&ctx, "learning-title");
    let lang_of = |code: &str| {
        lyceum_domain::i18n::Lang::parse(code)
            .filter(|l| *l != page.lang)
            .map(|l| l.as_str())
    };
    let in_progress = m
        .in_progress
        .iter()
        .map(|p| continue_at(&page, p))
        .collect();
    let completed = m
        .completed
        .iter()
        .map(|p| Line {
            href: course_path(&p.slug),
            title: p.title.clone(),
            lang: lang_of(&p.language),
            meta: p
                .completed_at
                .map(|at| page.t1("learning-completed-on", "date", &page.date(&at)))
                .unwrap_or_default(),
        })
        .collect();
    let certificates = m
        .certificates
        .iter()
        .map(|c| Line {
            href: paths::certificate(&c.code),
            title: c.course_title.clone(),
            lang: lang_of(&c.course_language),
            meta: if c.revoked_at.is_some() {
                page.t("learning-certificate-revoked")
            } else {
                page.t1("learning-issued-on", "date", &page.date(&c.issued_at))
            },
        })
        .collect();
    let hand_ins = m
        .hand_ins
        .iter()
        .map(|h| Line {
            href: lesson_path(&h.course_slug, &h.lesson_key),
            title: format!(
                "{} — {}",
                h.course_title,
                h.lesson_title.as_deref().unwrap_or(&h.lesson_key)
            ),
            lang: lang_of(&h.course_language),
            meta: format!(
                "{} · {}",
                page.label("submission-status", h.status.as_str()),
                page.t1("learning-handed-in-on", "date", &page.date(&h.submitted_at))
            ),
        })
        .collect();
    Ok(render(&MyLearningPage {
        in_progress,
        completed,
        certificates,
        hand_ins,
        page,
    }))
}
