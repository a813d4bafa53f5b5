//! Reflections and practice tasks: the learner's side on the lesson page
//! (write a reflection; hand in an artefact and see its reviews) and the
//! facilitator's review queue (`/review`), which lists hand-ins by learners
//! in the organisations where the reviewer facilitates or administers.

use super::courses::{Typed, lesson_page, lesson_path};
use super::credit::date;
use super::learning::finished_flash;
use super::pd_requests::evidence_response;
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::{HtmlForm, Upload};
use crate::markdown;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::practice_actions::{self as actions, Decided};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::practice::{self, Submission};
use lyceum_domain::course::Lesson;
use lyceum_domain::course::task::{ArtefactKind, SubmissionStatus, Task};
use lyceum_domain::evidence::MAX_EVIDENCE_BYTES;
use lyceum_domain::time::TimeZone;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{CourseId, HandInId, UserId};

/// The largest hand-in: the file and the form around it.
pub const MAX_UPLOAD: usize = MAX_EVIDENCE_BYTES + 64 * 1024;

// ---- On the lesson page ----

pub struct ReflectionView {
    pub prompt: String,
    /// Where the form posts, for an enrolled learner.
    pub action: Option<String>,
    pub text: String,
    pub saved: bool,
}

/// The lesson's reflection, with what the learner wrote (or just typed).
pub(super) async fn reflection_view(
    state: &AppState,
    learner: Option<UserId>,
    course: CourseId,
    lesson: &Lesson,
    base: &str,
    typed: Option<String>,
) -> Result<Option<ReflectionView>, AppError> {
    let Some(r) = &lesson.reflection else {
        return Ok(None);
    };
    let saved = match learner {
        Some(u) => {
            let key = lesson.key.clone();
            state
                .db
                .read(move |c| practice::reflection(c, u, course, &key))
                .await?
        }
        None => None,
    };
    Ok(Some(ReflectionView {
        prompt: r.prompt.clone(),
        action: learner.map(|_| format!("{base}/reflection")),
        saved: saved.is_some(),
        text: typed.or(saved).unwrap_or_default(),
    }))
}

/// A hand-in as its learner and reviewers see it.
pub struct SubmissionView {
    pub id: HandInId,
    pub status: SubmissionStatus,
    pub submitted_on: String,
    pub text: Option<String>,
    pub link: Option<String>,
    /// The file's name and where to download it.
    pub file: Option<(String, String)>,
    pub met: Vec<String>,
    pub comment: Option<String>,
}

fn submission_view(s: Submission, task: &Task, zone: &TimeZone) -> SubmissionView {
    let met = s
        .met()
        .iter()
        .filter_map(|k| task.rubric.iter().find(|c| c.key == *k))
        .map(|c| c.text.clone())
        .collect();
    let kind = s.artefact_kind;
    SubmissionView {
        id: s.id,
        status: s.status,
        submitted_on: date(s.submitted_at, zone),
        text: s
            .artefact_text
            .clone()
            .filter(|_| kind == ArtefactKind::Text),
        link: s
            .artefact_text
            .clone()
            .filter(|_| kind == ArtefactKind::Link),
        file: s
            .file_name
            .clone()
            .map(|n| (n, format!("/review/{}/file", s.id))),
        met,
        comment: s.review_comment,
    }
}

pub struct TaskView {
    /// Sanitised by `markdown::to_html`.
    pub instructions: String,
    pub rubric: Vec<String>,
    pub text: bool,
    pub link: bool,
    pub file: bool,
    /// Where the form posts: for an enrolled learner with nothing waiting
    /// or accepted.
    pub action: Option<String>,
    pub typed_text: String,
    pub typed_link: String,
    /// The file sent with a hand-in that was sent back: a file cannot be
    /// filled in again, so the form names it.
    pub earlier_file: Option<String>,
    pub max_mb: usize,
    /// Newest first.
    pub submissions: Vec<SubmissionView>,
}

/// The lesson's practice task, with the learner's hand-ins.
pub(super) async fn task_view(
    state: &AppState,
    learner: Option<UserId>,
    course: CourseId,
    lesson: &Lesson,
    base: &str,
    typed: Option<(String, String)>,
    zone: &TimeZone,
) -> Result<Option<TaskView>, AppError> {
    let Some(t) = &lesson.task else {
        return Ok(None);
    };
    let mine = match learner {
        Some(u) => {
            let key = lesson.key.clone();
            state
                .db
                .read(move |c| practice::submissions(c, u, course, &key))
                .await?
        }
        None => Vec::new(),
    };
    let open = mine.iter().any(|s| {
        matches!(
            s.status,
            SubmissionStatus::Submitted | SubmissionStatus::Accepted
        )
    });
    // Sent back: the form starts with what they handed in.
    let returned = mine
        .first()
        .filter(|s| s.status == SubmissionStatus::Returned);
    let earlier_file = returned.and_then(|s| s.file_name.clone());
    let (typed_text, typed_link) = typed.unwrap_or_else(|| match returned {
        Some(s) if s.artefact_kind == ArtefactKind::Text => {
            (s.artefact_text.clone().unwrap_or_default(), String::new())
        }
        Some(s) if s.artefact_kind == ArtefactKind::Link => {
            (String::new(), s.artefact_text.clone().unwrap_or_default())
        }
        _ => Default::default(),
    });
    Ok(Some(TaskView {
        earlier_file,
        instructions: markdown::to_html(&t.instructions),
        rubric: t.rubric.iter().map(|c| c.text.clone()).collect(),
        text: t.accepts(ArtefactKind::Text),
        link: t.accepts(ArtefactKind::Link),
        file: t.accepts(ArtefactKind::File),
        action: learner.filter(|_| !open).map(|_| format!("{base}/task")),
        typed_text,
        typed_link,
        max_mb: MAX_EVIDENCE_BYTES / (1024 * 1024),
        submissions: mine
            .into_iter()
            .map(|s| submission_view(s, t, zone))
            .collect(),
    }))
}

// ---- The learner's actions ----

#[derive(Debug, Default, serde::Deserialize)]
pub struct ReflectionForm {
    #[serde(default)]
    reflection: String,
}

/// `POST /courses/{slug}/lessons/{lesson_key}/reflection`: saves the
/// learner's reflection (again, if they edit it) and finishes the lesson
/// when nothing else is left.
pub async fn reflect(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
    HtmlForm(form): HtmlForm<ReflectionForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let t = actions::target(&state, &me.actor, &slug, &key).await?;
    let finished = match actions::reflect(&state, &me.actor, &t, &form.reflection).await? {
        Ok(finished) => finished,
        Err(invalid) => {
            let typed = Typed {
                reflection: Some(form.reflection),
                ..Typed::default()
            };
            return refused(&state, &ctx, slug, key, &invalid, typed).await;
        }
    };
    Ok(redirect_with(
        &lesson_path(&slug, &t.lesson.key),
        finished_flash(finished.as_ref(), Flash::ReflectionSaved),
        state.config.secure_cookies(),
    ))
}

async fn refused(
    state: &AppState,
    ctx: &Ctx,
    slug: String,
    key: String,
    invalid: &Invalid,
    typed: Typed,
) -> Result<Response, AppError> {
    let errors = FormErrors::from_invalid(invalid, ctx.lang);
    Ok(render_invalid(
        &lesson_page(state, ctx, slug, key, errors, typed).await?,
    ))
}

/// `POST /courses/{slug}/lessons/{lesson_key}/task` (multipart): hands in
/// the artefact — text, a link or a file — for a facilitator to review.
pub async fn hand_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
    form: Upload,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let t = actions::target(&state, &me.actor, &slug, &key).await?;
    let (text, link) = (form.text("artefact_text"), form.text("artefact_url"));
    let file = form.file("artefact_file");
    let file = file.as_ref().map(|(n, b)| (n.as_str(), b.as_slice()));
    match actions::hand_in(&state, &me.actor, &t, &text, &link, file).await? {
        Ok(_) => Ok(redirect_with(
            &lesson_path(&slug, &key),
            Flash::TaskSubmitted,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let typed = Typed {
                artefact: Some((text, link)),
                ..Typed::default()
            };
            refused(&state, &ctx, slug, key, &invalid, typed).await
        }
    }
}

// ---- The facilitator's queue ----

pub struct WaitingView {
    pub learner: String,
    pub course_title: String,
    pub course_lang: Option<&'static str>,
    pub lesson_title: String,
    pub lesson_href: String,
    pub rubric: Vec<(String, String)>,
    pub submission: SubmissionView,
    /// The learner's reflections in this course: (lesson title, text).
    pub reflections: Vec<(String, String)>,
    /// Their earlier hand-ins of this task with the reviews they had,
    /// newest first.
    pub earlier: Vec<SubmissionView>,
}

#[derive(Template)]
#[template(path = "review.html")]
pub struct ReviewPage {
    page: Page,
    errors: FormErrors,
    /// False for someone who facilitates nowhere.
    reviewer: bool,
    waiting: Vec<WaitingView>,
    /// The hand-in an error is about, with what was ticked and typed.
    failed: Option<(HandInId, Vec<String>, String)>,
}

impl ReviewPage {
    fn ticked(&self, id: &HandInId, key: &str) -> bool {
        self.failed
            .as_ref()
            .is_some_and(|(f, met, _)| f == id && met.iter().any(|m| m == key))
    }

    fn typed(&self, id: &HandInId) -> &str {
        match &self.failed {
            Some((f, _, c)) if f == id => c,
            _ => "",
        }
    }
}

async fn review_page(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    failed: Option<(HandInId, Vec<String>, String)>,
) -> Result<ReviewPage, AppError> {
    let actor = ctx.require_user()?.actor.clone();
    let page = Page::new(ctx, "review-title").with_errors(&errors);
    let lang = page.lang;
    let reviewer = !actor.review_scopes().is_empty();
    let mut waiting = Vec::new();
    for actions::WaitingItem {
        waiting: w,
        row,
        content,
        reflections,
        earlier,
    } in actions::waiting(state, &actor).await?
    {
        let Some(lesson) = content.lessons().find(|l| l.key == w.submission.lesson_key) else {
            continue;
        };
        let Some(task) = &lesson.task else { continue };
        waiting.push(WaitingView {
            learner: w.learner,
            course_lang: super::courses::other_lang(row.lang(), lang),
            lesson_href: lesson_path(&row.slug, &lesson.key),
            lesson_title: lesson.title.clone(),
            course_title: row.title.clone(),
            rubric: task
                .rubric
                .iter()
                .map(|c| (c.key.clone(), c.text.clone()))
                .collect(),
            submission: submission_view(w.submission, task, &ctx.zone()),
            earlier: earlier
                .into_iter()
                .map(|e| submission_view(e, task, &ctx.zone()))
                .collect(),
            reflections: reflections
                .into_iter()
                .map(|(key, text)| {
                    let title = content
                        .lessons()
                        .find(|l| l.key == key)
                        .map_or(key, |l| l.title.clone());
                    (title, text)
                })
                .collect(),
        });
    }
    Ok(ReviewPage {
        page,
        errors,
        reviewer,
        waiting,
        failed,
    })
}

/// `GET /review`
pub async fn queue(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    Ok(render(
        &review_page(&state, &ctx, FormErrors::none(), None).await?,
    ))
}

/// `POST /review/{submission_id}`: `decision` is accepted or returned,
/// `met` the criteria met (all, to accept), `comment` what to do next
/// (required to return).
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<HandInId>,
    HtmlForm(pairs): HtmlForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let reviewer = &ctx.require_user()?.actor;
    let field = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let met = field("met");
    let decision = field("decision").pop().unwrap_or_default();
    let comment = field("comment").pop().unwrap_or_default();
    match actions::decide(&state, reviewer, id, &decision, &met, &comment).await? {
        Decided::Refused(invalid) => {
            // Each card's fields are named by its hand-in.
            let errors = FormErrors::from_invalid(&invalid, ctx.lang).for_item(id);
            Ok(render_invalid(
                &review_page(&state, &ctx, errors, Some((id, met, comment))).await?,
            ))
        }
        Decided::AlreadyReviewed | Decided::Done => Ok(redirect_with(
            "/review",
            Flash::TaskReviewed,
            state.config.secure_cookies(),
        )),
    }
}

/// `GET /review/{submission_id}/file`: a hand-in's file, for its learner
/// and for those who may review it; always a download.
pub async fn file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<HandInId>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?.user.id();
    let s = state
        .db
        .read(move |c| practice::submission(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let learner = s.user_id;
    if learner != me && !actions::may_review(&state, &ctx.require_user()?.actor, learner).await? {
        return Err(AppError::NotFound);
    }
    let (name, kind, bytes) = state
        .db
        .read(move |c| practice::file(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    evidence_response(name, kind, bytes)
}
