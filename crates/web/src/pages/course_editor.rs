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

fn stale() -> Invalid {
    Invalid(vec![FieldError::new("revision", "draft-changed")])
}

// ---- The outline page ----

pub struct LessonLine {
    pub key: String,
    pub href: String,
    pub title: String,
    pub parts: String,
}

pub struct ModuleLine {
    pub title: String,
    pub lessons: Vec<LessonLine>,
    /// The names its forms' errors are given on.
    pub lesson_field: String,
    pub title_field: String,
}

#[derive(Template)]
#[template(path = "course_editor.html")]
pub struct OutlinePage {
    page: Page,
    errors: FormErrors,
    id: i64,
    revision: i64,
    /// Why the document cannot be edited on pages, when it cannot.
    unreadable: Option<String>,
    title: String,
    slug: String,
    summary: String,
    pd_hours: String,
    licence: String,
    languages: Vec<Choice>,
    deliveries: Vec<Choice>,
    modules: Vec<ModuleLine>,
}

/// Typed values of the details form, shown again when refused.
#[derive(Debug, Default, Deserialize, Clone)]
pub struct EditForm {
    #[serde(default)]
    op: String,
    #[serde(default)]
    revision: i64,
    #[serde(default)]
    module: Option<usize>,
    #[serde(default)]
    lesson: String,
    #[serde(default)]
    title: String,
    #[serde(default, rename = "course-title")]
    course_title: String,
    #[serde(default, rename = "course-slug")]
    slug: String,
    #[serde(default, rename = "course-language")]
    language: String,
    #[serde(default, rename = "course-summary")]
    summary: String,
    #[serde(default, rename = "course-hours")]
    hours: String,
    #[serde(default, rename = "course-delivery")]
    delivery: String,
    #[serde(default, rename = "course-licence")]
    licence: String,
}

fn outline_page(
    ctx: &Ctx,
    d: &DraftRow,
    errors: FormErrors,
    typed: Option<&EditForm>,
) -> OutlinePage {
    let read = Outline::read(&d.document);
    let o = read.clone().unwrap_or_default();
    let mut page = Page::new(ctx, "editor-title").with_errors(&errors);
    if !o.title.is_empty() {
        let heading = format!("{}: {}", page.t("editor-title"), o.title);
        page = page.with_title(&heading);
    }
    let details = typed.filter(|f| f.op == "details");
    let pick = |typed: Option<&String>, stored: &str| -> String {
        typed.cloned().unwrap_or_else(|| stored.to_string())
    };
    let hours = o.pd_hours.map(|h| h.to_string()).unwrap_or_default();
    let language = pick(details.map(|f| &f.language), &o.language);
    let delivery = pick(details.map(|f| &f.delivery), &o.delivery);
    let languages = Choice::list(&page, "lang", ["en", "es"], &[language.as_str()]);
    let deliveries = Choice::list(
        &page,
        "delivery",
        ["self-paced", "cohort", "in-person", "virtual"],
        &[delivery.as_str()],
    );
    let modules = o
        .modules
        .iter()
        .enumerate()
        .map(|(i, m)| ModuleLine {
            lesson_field: format!("lesson-title-{i}"),
            title_field: format!("module-title-{i}"),
            title: m.title.clone(),
            lessons: m
                .lessons
                .iter()
                .map(|key| {
                    let l = o.lesson(key).unwrap_or_default();
                    let mut parts = Vec::new();
                    if l.quiz.is_some() {
                        parts.push(page.t("activity-quiz"));
                    }
                    if l.reflection.is_some() {
                        parts.push(page.t("activity-reflection"));
                    }
                    if l.task.is_some() {
                        parts.push(page.t("activity-task"));
                    }
                    LessonLine {
                        key: key.clone(),
                        href: lesson_path(d.id, key),
                        title: if l.title.is_empty() {
                            key.clone()
                        } else {
                            l.title
                        },
                        parts: parts.join(", "),
                    }
                })
                .collect(),
        })
        .collect::<Vec<_>>();
    OutlinePage {
        id: d.id,
        revision: d.revision,
        unreadable: read.err(),
        title: pick(details.map(|f| &f.course_title), &o.title),
        slug: pick(details.map(|f| &f.slug), &o.slug),
        summary: pick(details.map(|f| &f.summary), &o.summary),
        pd_hours: pick(details.map(|f| &f.hours), &hours),
        licence: pick(details.map(|f| &f.licence), &o.licence),
        languages,
        deliveries,
        modules,
        errors,
        page,
    }
}

/// `GET /authoring/{draft_id}/edit`
pub async fn outline(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let d = own_draft(&state, &ctx, id).await?;
    if !d.status.editable() {
        return Ok(crate::flash::redirect(&draft_path(id)));
    }
    Ok(render(&outline_page(&ctx, &d, FormErrors::none(), None)))
}

fn way(op: &str) -> Move {
    if op.ends_with("-up") {
        Move::Up
    } else {
        Move::Down
    }
}

/// Reads the details form into the outline's details, or its errors.
fn details(form: &EditForm, invalid: &mut Invalid) -> Details {
    let title = text("course-title", &form.course_title, MAX_TITLE, invalid);
    let slug = form.slug.trim().to_string();
    if !is_slug(&slug) {
        invalid
            .0
            .push(FieldError::new("course-slug", "course-slug"));
    }
    let summary = text("course-summary", &form.summary, MAX_SUMMARY, invalid);
    let hours = form.hours.trim().replace(',', ".");
    let pd_hours = match hours.parse::<f64>() {
        Ok(h) if h > 0.0 && h <= 200.0 && (h * 4.0).fract() == 0.0 => h,
        _ => {
            invalid
                .0
                .push(FieldError::new("course-hours", "course-hours"));
            0.0
        }
    };
    let language = form.language.clone();
    if !["en", "es"].contains(&language.as_str()) {
        invalid
            .0
            .push(FieldError::new("course-language", "choose-one"));
    }
    let delivery = form.delivery.clone();
    if !["self-paced", "cohort", "in-person", "virtual"].contains(&delivery.as_str()) {
        invalid
            .0
            .push(FieldError::new("course-delivery", "choose-one"));
    }
    let licence = text("course-licence", &form.licence, MAX_TITLE, invalid);
    Details {
        slug,
        language,
        title,
        summary,
        pd_hours,
        delivery,
        licence,
    }
}

/// `POST /authoring/{draft_id}/edit`: one edit of the course's details,
/// modules or lessons (`op`), made on the page's `revision`.
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<EditForm>,
) -> Result<Response, AppError> {
    let d = own_draft(&state, &ctx, id).await?;
    let refuse = |d: &DraftRow, invalid: Invalid| {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        Ok(render_invalid(&outline_page(&ctx, d, errors, Some(&form))))
    };
    if !d.status.editable() {
        return Ok(crate::flash::redirect(&draft_path(id)));
    }
    if form.revision != d.revision {
        return refuse(&d, stale());
    }
    let Ok(mut o) = Outline::read(&d.document) else {
        return Err(AppError::NotFound);
    };
    let module = form.module.unwrap_or(usize::MAX);
    let gone = |_: Missing| AppError::NotFound;
    let mut invalid = Invalid::new();
    let mut to = edit_path(id);
    match form.op.as_str() {
        "details" => {
            let details = details(&form, &mut invalid);
            if invalid.0.is_empty() {
                o.set_details(details);
                to.push_str("#details");
            }
        }
        "add-module" => {
            let title = text("module-title", &form.title, MAX_TITLE, &mut invalid);
            if invalid.0.is_empty() {
                match o.add_module(&title) {
                    Ok(i) => to.push_str(&format!("#module-{i}")),
                    Err(_) => invalid
                        .0
                        .push(FieldError::new("module-title", "editor-full")),
                }
            }
        }
        "rename-module" => {
            let field = format!("module-title-{module}");
            let title = text(&field, &form.title, MAX_TITLE, &mut invalid);
            if invalid.0.is_empty() {
                o.rename_module(module, &title).map_err(gone)?;
                to.push_str(&format!("#module-{module}"));
            }
        }
        "module-up" | "module-down" => {
            let w = way(&form.op);
            o.move_module(module, w);
            let now = match w {
                Move::Up => module.saturating_sub(1),
                Move::Down => (module + 1).min(o.modules.len().saturating_sub(1)),
            };
            to.push_str(&format!("#module-{now}"));
        }
        "remove-module" => o.remove_module(module).map_err(gone)?,
        "add-lesson" => {
            let field = format!("lesson-title-{module}");
            let title = text(&field, &form.title, MAX_TITLE, &mut invalid);
            if invalid.0.is_empty() {
                match o.add_lesson(module, &title) {
                    Ok(key) => to = lesson_path(id, &key),
                    Err(Ok(m)) => return Err(gone(m)),
                    Err(Err(_)) => invalid.0.push(FieldError::new(&field, "editor-full")),
                }
            }
        }
        "lesson-up" | "lesson-down" => {
            o.move_lesson(&form.lesson, way(&form.op)).map_err(gone)?;
            to.push_str(&format!("#lesson-{}", form.lesson));
        }
        "remove-lesson" => {
            let (m, _) = o.place_of(&form.lesson).ok_or(AppError::NotFound)?;
            o.remove_lesson(&form.lesson).map_err(gone)?;
            to.push_str(&format!("#module-{m}"));
        }
        _ => return Err(AppError::BadRequest("op: an edit of the outline".into())),
    }
    if !invalid.0.is_empty() {
        return refuse(&d, invalid);
    }
    match store(&state, &ctx, id, form.revision, &o).await? {
        Ok(_) => Ok(redirect_with(
            &to,
            Flash::DraftSaved,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let d = own_draft(&state, &ctx, id).await?;
            refuse(&d, invalid)
        }
    }
}

// ---- A lesson ----

pub struct OptionForm {
    pub text: String,
    pub correct: bool,
    pub feedback: String,
}

pub struct QuestionForm {
    pub prompt: String,
    pub multiple: bool,
    pub options: Vec<OptionForm>,
}

pub struct CriterionForm {
    pub text: String,
}

#[derive(Template)]
#[template(path = "lesson_editor.html")]
pub struct LessonPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    key: String,
    revision: i64,
    course_title: String,
    lesson_title: String,
    markdown: String,
    /// The text rendered (by `markdown::to_html`), when asked for.
    preview: Option<String>,
    reflection: String,
    has_quiz: bool,
    pass_mark: String,
    max_attempts: String,
    questions: Vec<QuestionForm>,
    has_task: bool,
    instructions: String,
    artefacts: Vec<Choice>,
    criteria: Vec<CriterionForm>,
}

/// A lesson as its form shows it: numbers as typed.
struct Typed {
    lesson: LessonOutline,
    pass_mark: String,
    max_attempts: String,
}

impl Typed {
    fn of(lesson: LessonOutline) -> Typed {
        Typed {
            pass_mark: lesson
                .quiz
                .as_ref()
                .map(|q| q.pass_mark.to_string())
                .unwrap_or_default(),
            max_attempts: lesson
                .quiz
                .as_ref()
                .and_then(|q| q.max_attempts)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            lesson,
        }
    }
}

fn lesson_page(
    ctx: &Ctx,
    d: &DraftRow,
    course_title: &str,
    key: &str,
    t: Typed,
    preview: Option<String>,
    errors: FormErrors,
) -> LessonPage {
    let l = t.lesson;
    let mut page = Page::new(ctx, "editor-lesson-title").with_errors(&errors);
    if !l.title.is_empty() {
        let heading = format!("{}: {}", page.t("editor-lesson-title"), l.title);
        page = page.with_title(&heading);
    }
    let chosen: Vec<&str> = l
        .task
        .as_ref()
        .map(|t| t.artefacts.iter().map(|a| a.as_str()).collect())
        .unwrap_or_default();
    let artefacts = Choice::list(&page, "artefact", ["text", "link", "file"], &chosen);
    LessonPage {
        id: d.id,
        key: key.to_string(),
        revision: d.revision,
        course_title: course_title.to_string(),
        lesson_title: l.title.clone(),
        markdown: l.markdown.clone(),
        preview,
        reflection: l
            .reflection
            .as_ref()
            .map(|r| r.prompt.clone())
            .unwrap_or_default(),
        has_quiz: l.quiz.is_some(),
        pass_mark: t.pass_mark,
        max_attempts: t.max_attempts,
        questions: l
            .quiz
            .as_ref()
            .map(|q| {
                q.questions
                    .iter()
                    .map(|q| QuestionForm {
                        prompt: q.prompt.clone(),
                        multiple: q.kind == Kind::Multiple,
                        options: q
                            .options
                            .iter()
                            .map(|o| OptionForm {
                                text: o.text.clone(),
                                correct: o.correct,
                                feedback: o.feedback.clone().unwrap_or_default(),
                            })
                            .collect(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        has_task: l.task.is_some(),
        instructions: l
            .task
            .as_ref()
            .map(|t| t.instructions.clone())
            .unwrap_or_default(),
        artefacts,
        criteria: l
            .task
            .as_ref()
            .map(|t| {
                t.rubric
                    .iter()
                    .map(|c| CriterionForm {
                        text: c.text.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        errors,
        page,
    }
}

/// `GET /authoring/{draft_id}/lessons/{lesson_key}`
pub async fn lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, key)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let d = own_draft(&state, &ctx, id).await?;
    if !d.status.editable() {
        return Ok(crate::flash::redirect(&draft_path(id)));
    }
    let o = Outline::read(&d.document).map_err(|_| AppError::NotFound)?;
    let l = o.lesson(&key).map_err(|_| AppError::NotFound)?;
    Ok(render(&lesson_page(
        &ctx,
        &d,
        &o.title,
        &key,
        Typed::of(l),
        None,
        FormErrors::none(),
    )))
}

/// The lesson form's fields, by name (checkboxes may repeat).
struct Fields(HashMap<String, Vec<String>>);

impl Fields {
    fn of(pairs: Vec<(String, String)>) -> Fields {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in pairs {
            map.entry(k).or_default().push(v);
        }
        Fields(map)
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).and_then(|v| v.first()).map(String::as_str)
    }

    fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or("").to_string()
    }

    fn all(&self, name: &str) -> &[String] {
        self.0.get(name).map_or(&[], Vec::as_slice)
    }
}

/// Puts what was typed into the stored lesson (by place: the revision
/// check makes places the page's), and says what is wrong with it; with
/// `complete`, also what is missing. Numbers come back as typed.
fn apply_typed(lesson: &mut LessonOutline, f: &Fields, complete: bool) -> (Typed, Invalid) {
    let mut invalid = Invalid::new();
    lesson.title = text(
        "lesson-title",
        &f.text("lesson-title"),
        MAX_TITLE,
        &mut invalid,
    );
    lesson.markdown = f.text("markdown");
    if complete && lesson.markdown.trim().is_empty() {
        invalid.0.push(FieldError::new("markdown", "required"));
    }
    too_long("markdown", &lesson.markdown, MAX_MARKDOWN, &mut invalid);
    let prompt = f.text("reflection").trim().to_string();
    too_long("reflection", &prompt, MAX_PROMPT, &mut invalid);
    lesson.reflection = (!prompt.is_empty()).then_some(Reflection { prompt });
    let pass_mark = f.text("pass-mark");
    let max_attempts = f.text("max-attempts");
    if let Some(quiz) = lesson.quiz.as_mut() {
        match pass_mark.trim().parse::<u32>() {
            Ok(n) if (1..=100).contains(&n) => quiz.pass_mark = n,
            _ => invalid.0.push(
                FieldError::new("pass-mark", "number-range")
                    .with_arg("min", 1)
                    .with_arg("max", 100),
            ),
        }
        match max_attempts.trim() {
            "" => quiz.max_attempts = None,
            typed => match typed.parse::<u32>() {
                Ok(n) if (1..=MAX_ATTEMPTS).contains(&n) => quiz.max_attempts = Some(n),
                _ => invalid.0.push(
                    FieldError::new("max-attempts", "number-range")
                        .with_arg("min", 1)
                        .with_arg("max", MAX_ATTEMPTS),
                ),
            },
        }
        for (i, q) in quiz.questions.iter_mut().enumerate() {
            let n = i + 1;
            q.prompt = f.text(&format!("q{i}-prompt")).trim().to_string();
            if complete && q.prompt.is_empty() {
                invalid.0.push(
                    FieldError::new(format!("q{i}-prompt"), "question-prompt").with_arg("n", n),
                );
            }
            too_long(&format!("q{i}-prompt"), &q.prompt, MAX_PROMPT, &mut invalid);
            q.kind = if f.get(&format!("q{i}-kind")) == Some("multiple") {
                Kind::Multiple
            } else {
                Kind::Single
            };
            for (j, o) in q.options.iter_mut().enumerate() {
                o.text = f.text(&format!("q{i}-o{j}-text")).trim().to_string();
                if complete && o.text.is_empty() {
                    invalid.0.push(
                        FieldError::new(format!("q{i}-o{j}-text"), "option-text")
                            .with_arg("n", n)
                            .with_arg("option", j + 1),
                    );
                }
                too_long(&format!("q{i}-o{j}-text"), &o.text, MAX_TITLE, &mut invalid);
                o.correct = f.get(&format!("q{i}-o{j}-correct")).is_some();
                let feedback = f.text(&format!("q{i}-o{j}-feedback")).trim().to_string();
                too_long(
                    &format!("q{i}-o{j}-feedback"),
                    &feedback,
                    MAX_PROMPT,
                    &mut invalid,
                );
                o.feedback = (!feedback.is_empty()).then_some(feedback);
            }
            let right = q.options.iter().filter(|o| o.correct).count();
            let wrong = match q.kind {
                Kind::Single => right != 1,
                Kind::Multiple => right == 0,
            };
            if complete && wrong {
                let code = match q.kind {
                    Kind::Single => "question-one-right",
                    Kind::Multiple => "question-some-right",
                };
                invalid
                    .0
                    .push(FieldError::new(format!("q{i}-kind"), code).with_arg("n", n));
            }
        }
    }
    if let Some(task) = lesson.task.as_mut() {
        task.instructions = f.text("task-instructions").trim().to_string();
        if complete && task.instructions.is_empty() {
            invalid
                .0
                .push(FieldError::new("task-instructions", "required"));
        }
        too_long(
            "task-instructions",
            &task.instructions,
            MAX_INSTRUCTIONS,
            &mut invalid,
        );
        task.artefacts = f
            .all("task-artefacts")
            .iter()
            .filter_map(|a| ArtefactKind::parse(a))
            .collect();
        if complete && task.artefacts.is_empty() {
            invalid
                .0
                .push(FieldError::new("task-artefacts", "choose-one"));
        }
        for (i, c) in task.rubric.iter_mut().enumerate() {
            c.text = f.text(&format!("c{i}-text")).trim().to_string();
            if complete && c.text.is_empty() {
                invalid.0.push(
                    FieldError::new(format!("c{i}-text"), "criterion-text").with_arg("n", i + 1),
                );
            }
            too_long(&format!("c{i}-text"), &c.text, MAX_TITLE, &mut invalid);
        }
        if complete && task.rubric.is_empty() {
            invalid
                .0
                .push(FieldError::new("add-criterion", "rubric-empty"));
        }
    }
    (
        Typed {
            lesson: lesson.clone(),
            pass_mark,
            max_attempts,
        },
        invalid,
    )
}

/// Indexes in an op such as `move-option-up:2:1`.
fn indexes(op: &str) -> (&str, Vec<usize>) {
    let mut parts = op.split(':');
    let name = parts.next().unwrap_or("");
    (name, parts.filter_map(|p| p.parse().ok()).collect())
}

/// `POST /authoring/{draft_id}/lessons/{lesson_key}`: the whole lesson form
/// with one `op`: `save`, `preview` (renders the text, saves nothing), or
/// a change to its quiz or task (saved, and back to the form's place).
pub async fn edit_lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, key)): Path<(i64, String)>,
    HtmlForm(pairs): HtmlForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let f = Fields::of(pairs);
    let d = own_draft(&state, &ctx, id).await?;
    if !d.status.editable() {
        return Ok(crate::flash::redirect(&draft_path(id)));
    }
    let mut o = Outline::read(&d.document).map_err(|_| AppError::NotFound)?;
    let mut lesson = o.lesson(&key).map_err(|_| AppError::NotFound)?;
    let op = f.text("op");
    let (name, at) = indexes(&op);
    let revision: i64 = f.get("revision").and_then(|r| r.parse().ok()).unwrap_or(0);
    let complete = name == "save";
    let (typed, mut invalid) = apply_typed(&mut lesson, &f, complete);
    let course_title = o.title.clone();
    let show = |d: &DraftRow, typed: Typed, preview: Option<String>, invalid: &Invalid| {
        lesson_page(
            &ctx,
            d,
            &course_title,
            &key,
            typed,
            preview,
            FormErrors::from_invalid(invalid, ctx.lang),
        )
    };
    if revision != d.revision {
        // Shown again as typed, on the newer revision: nothing is lost,
        // and saving again is the author's informed choice.
        return Ok(render_invalid(&show(&d, typed, None, &stale())));
    }
    if name == "preview" {
        let html = markdown::to_html(&lesson.markdown);
        let page = show(&d, typed, Some(html), &invalid);
        return Ok(if invalid.0.is_empty() {
            render(&page)
        } else {
            render_invalid(&page)
        });
    }
    if !invalid.0.is_empty() {
        return Ok(render_invalid(&show(&d, typed, None, &invalid)));
    }
    let i = at.first().copied().unwrap_or(usize::MAX);
    let j = at.get(1).copied().unwrap_or(usize::MAX);
    let gone = |_: Missing| AppError::NotFound;
    let mut anchor = String::new();
    match name {
        "save" => {}
        "add-question" => match lesson.add_question() {
            Ok(q) => anchor = format!("question-{q}"),
            Err(_) => invalid
                .0
                .push(FieldError::new("add-question", "editor-full")),
        },
        "remove-question" => {
            lesson.remove_question(i).map_err(gone)?;
            anchor = "quiz".into();
        }
        "move-question-up" | "move-question-down" => {
            let w = way(name);
            lesson.move_question(i, w);
            let now = if w == Move::Up {
                i.saturating_sub(1)
            } else {
                i + 1
            };
            let last = lesson
                .quiz
                .as_ref()
                .map_or(0, |q| q.questions.len().saturating_sub(1));
            anchor = format!("question-{}", now.min(last));
        }
        "add-option" => match lesson.add_option(i) {
            Ok(_) => anchor = format!("question-{i}"),
            Err(Ok(m)) => return Err(gone(m)),
            Err(Err(_)) => invalid
                .0
                .push(FieldError::new(format!("q{i}-kind"), "editor-full")),
        },
        "remove-option" => {
            lesson.remove_option(i, j).map_err(gone)?;
            anchor = format!("question-{i}");
        }
        "move-option-up" | "move-option-down" => {
            lesson.move_option(i, j, way(name));
            anchor = format!("question-{i}");
        }
        "add-task" => {
            lesson.task_mut();
            anchor = "task".into();
        }
        "remove-task" => {
            lesson.task = None;
            anchor = "task".into();
        }
        "add-criterion" => match lesson.add_criterion() {
            Ok(_) => anchor = "rubric".into(),
            Err(_) => invalid
                .0
                .push(FieldError::new("add-criterion", "editor-full")),
        },
        "remove-criterion" => {
            lesson.remove_criterion(i).map_err(gone)?;
            anchor = "rubric".into();
        }
        "move-criterion-up" | "move-criterion-down" => {
            lesson.move_criterion(i, way(name));
            anchor = "rubric".into();
        }
        _ => return Err(AppError::BadRequest("op: an edit of the lesson".into())),
    }
    if !invalid.0.is_empty() {
        return Ok(render_invalid(&show(&d, Typed::of(lesson), None, &invalid)));
    }
    o.put_lesson(&key, &lesson);
    match store(&state, &ctx, id, revision, &o).await? {
        Ok(_) => {
            let to = if complete {
                format!("{}#lesson-{key}", edit_path(id))
            } else {
                format!("{}#{anchor}", lesson_path(id, &key))
            };
            Ok(redirect_with(
                &to,
                if complete {
                    Flash::LessonSaved
                } else {
                    Flash::DraftSaved
                },
                state.config.secure_cookies(),
            ))
        }
        Err(invalid) => {
            let d = own_draft(&state, &ctx, id).await?;
            Ok(render_invalid(&show(&d, Typed::of(lesson), None, &invalid)))
        }
    }
}
