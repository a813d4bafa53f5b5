//! Following a course on the pages: enrolling, finishing lessons, quiz
//! attempts and moving to a new version. What each does is
//! `crate::learning_actions` (the API does the same); this turns its
//! outcome into the next page.

use super::courses::{Typed, lesson_page};
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::learning_actions::{self as actions, Answers, Attempted, course_path, lesson_path};
use crate::page::{FormErrors, render_invalid};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::learning;

pub(super) use crate::learning_actions::{Following, following};

/// `POST /courses/{slug}/enrol`: enrols in the version learners start now
/// and goes to its first lesson.
pub async fn enrol(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (row, course, _) = actions::enrol(&state, &me.actor, slug).await?;
    let first = course.lessons().next().map_or_else(
        || course_path(&row.slug),
        |l| lesson_path(&row.slug, &l.key),
    );
    Ok(redirect_with(
        &first,
        Flash::Enrolled,
        state.config.secure_cookies(),
    ))
}

/// `POST /courses/{slug}/move`: moves the learner onto the version learners
/// start now; what they finished there keeps counting.
pub async fn move_to_current(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (row, moved) = actions::move_to_current(&state, &me.actor, slug).await?;
    Ok(redirect_with(
        &course_path(&row.slug),
        finished_flash(Some(&moved), Flash::MovedToNewVersion),
        state.config.secure_cookies(),
    ))
}

/// `POST /courses/{slug}/switch`: continues the course in its other
/// language, keeping what the learner finished; goes to the lesson
/// corresponding to the form's `lesson`, else to the course.
pub async fn switch_language(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    HtmlForm(form): HtmlForm<SwitchForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let lesson = Some(form.lesson).filter(|k| !k.is_empty());
    let (row, landing, switched) =
        actions::switch_language(&state, &me.actor, slug, lesson).await?;
    let to = landing.map_or_else(|| course_path(&row.slug), |k| lesson_path(&row.slug, &k));
    Ok(redirect_with(
        &to,
        finished_flash(Some(&switched), Flash::SwitchedLanguage),
        state.config.secure_cookies(),
    ))
}

/// The switch's form: the lesson the learner was reading, if any.
#[derive(Debug, serde::Deserialize)]
pub struct SwitchForm {
    #[serde(default)]
    pub lesson: String,
}

/// `POST /courses/{slug}/lessons/{lesson_key}/finish`: marks the lesson
/// finished and goes to the next one (or back to the course when it was the
/// last, saying if the course is now complete).
pub async fn finish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let f = actions::followed_by(&state, &me.actor, slug).await?;
    let finished = actions::finish(&state, &me.actor, &f, &key).await?;
    let next = {
        let keys: Vec<&str> = f.course.lessons().map(|l| l.key.as_str()).collect();
        let at = keys.iter().position(|k| *k == key).unwrap_or(0);
        keys.get(at + 1).map(|k| lesson_path(&f.row.slug, k))
    };
    let secure = state.config.secure_cookies();
    Ok(match (finished.course, next) {
        (true, _) => redirect_with(&course_path(&f.row.slug), Flash::CourseCompleted, secure),
        (false, Some(next)) => redirect_with(&next, Flash::LessonFinished, secure),
        (false, None) => redirect_with(&course_path(&f.row.slug), Flash::LessonFinished, secure),
    })
}

/// `POST /courses/{slug}/lessons/{lesson_key}/quiz`: grades the answers,
/// records the attempt (and, if it passes, finishes the lesson), then shows
/// the lesson with its marking. Answers of the wrong shape are refused with
/// the page and what was picked, and count as no attempt.
pub async fn quiz(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
    HtmlForm(pairs): HtmlForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let f = actions::followed_by(&state, &me.actor, slug.clone()).await?;
    let mut answers: Answers = Answers::new();
    for (name, value) in pairs {
        if let Some(q) = name.strip_prefix("q-") {
            answers.entry(q.to_string()).or_default().push(value);
        }
    }
    let lesson_href = lesson_path(&f.row.slug, &key);
    let secure = state.config.secure_cookies();
    Ok(
        match actions::attempt(&state, &me.actor, &f, &key, &answers).await? {
            Attempted::AlreadyFinished => {
                redirect_with(&lesson_href, Flash::LessonFinished, secure)
            }
            Attempted::Refused(invalid) => {
                let errors = FormErrors::from_invalid(&invalid, ctx.lang);
                let typed = Typed {
                    answers: Some(answers),
                    ..Typed::default()
                };
                render_invalid(&lesson_page(&state, &ctx, slug, key, errors, typed).await?)
            }
            // The page lands on the result: by its fragment without
            // JavaScript, by focus with it (`data-lands-here`).
            Attempted::Graded(graded, finished) => redirect_with(
                &format!("{lesson_href}#quiz-result"),
                finished_flash(
                    finished.as_ref(),
                    if graded.passed {
                        Flash::QuizPassed
                    } else {
                        Flash::QuizFailed
                    },
                ),
                secure,
            ),
        },
    )
}

/// What to say after an activity: that the course is complete, if it
/// completed it, else `otherwise`.
pub(super) fn finished_flash(finished: Option<&learning::Finished>, otherwise: Flash) -> Flash {
    match finished {
        Some(f) if f.course => Flash::CourseCompleted,
        _ => otherwise,
    }
}
