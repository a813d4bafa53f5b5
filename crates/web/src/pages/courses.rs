//! Courses for everyone to read: the catalogue (search, facets with their
//! counts, the reader's language first and the other one link away), a
//! course's page, and its lessons. Course text is in the course's own
//! language, marked with `lang` when it differs from the page's.

use super::Choice;
use super::competencies::{Shown, framework_path};
use super::learning::{Following, following};
use crate::catalogue::{self, CatalogueQuery, FOR_YOU, HOURS, SORTS};
use crate::catalogue_facets::{ANY_LANGUAGE, Facet, FacetCounts};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::markdown;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::competencies::Described;
use lyceum_db::courses::{Catalogue, CourseRow};
use lyceum_db::learning;
use lyceum_domain::OrgId;
use lyceum_domain::course::quiz::Kind;
use lyceum_domain::course::task::SubmissionStatus;
use lyceum_domain::course::{Course, Delivery, hours_in};
use lyceum_domain::i18n::Lang;
use lyceum_domain::paths;
use lyceum_domain::policy::Action;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

/// The course's language, when it is not the page's.
pub(super) fn other_lang(course: Lang, page: Lang) -> Option<&'static str> {
    (course != page).then(|| course.as_str())
}

pub use crate::learning_actions::{course_path, lesson_path};

// ---- The catalogue ----

pub struct CourseCard {
    pub href: String,
    pub title: String,
    pub summary: String,
    pub lang: Option<&'static str>,
    pub hours: String,
    pub delivery: String,
    pub language: String,
    /// The same course in its other language: (address, "Also in Español"),
    /// and that language's code for `lang`.
    pub also: Option<(String, String, &'static str)>,
}

fn card(row: &CourseRow, other: Option<&CourseRow>, page: &Page) -> CourseCard {
    CourseCard {
        also: other.map(|o| {
            (
                course_path(&o.slug),
                page.t1(
                    "course-also-in",
                    "language",
                    &page.label("lang", &o.language),
                ),
                o.lang().as_str(),
            )
        }),
        href: course_path(&row.slug),
        title: row.title.clone(),
        summary: row.summary.clone(),
        lang: other_lang(row.lang(), page.lang),
        hours: hours_in(row.hours(), page.lang),
        delivery: page.t(&row.delivery.label_key()),
        language: page.label("lang", &row.language),
    }
}

#[derive(Template)]
#[template(path = "courses.html")]
pub struct CataloguePage {
    page: Page,
    errors: FormErrors,
    q: String,
    subjects: Vec<Choice>,
    grade_bands: Vec<Choice>,
    competencies: Vec<Choice>,
    deliveries: Vec<Choice>,
    languages: Vec<Choice>,
    hours: Vec<Choice>,
    sorts: Vec<Choice>,
    /// Which languages are shown, and the link to the other choice.
    languages_shown: LanguagesShown,
    courses: Vec<CourseCard>,
    found: i64,
    searched: bool,
    /// "Page 2 of 13", with the neighbours' addresses, when there is more
    /// than one page.
    pages: Option<Pages>,
}

impl CataloguePage {
    /// A filter is chosen (or one is in error): its disclosure starts open,
    /// so a phone shows what narrows the list.
    fn filtered(&self) -> bool {
        !self.errors.is_empty()
            || [
                &self.subjects,
                &self.grade_bands,
                &self.competencies,
                &self.deliveries,
                &self.hours,
            ]
            .iter()
            .any(|list| list.iter().any(|c| c.selected && !c.value.is_empty()))
    }
}

/// "Showing courses in English." and a link that shows the other language
/// too (or, when both are shown, only the reader's): a plain link, so it
/// works without JavaScript, and the choice stays in the address.
pub struct LanguagesShown {
    pub text: String,
    pub href: String,
    pub label: String,
}

/// The choices of one facet, each labelled with how many courses it finds;
/// those finding none are left out, unless chosen (so it can be undone).
fn counted(choices: Vec<Choice>, facet: Facet, counts: &FacetCounts) -> Vec<Choice> {
    choices
        .into_iter()
        .filter_map(|c| {
            let n = counts.get(facet, &c.value);
            (n > 0 || c.selected).then(|| Choice {
                label: format!("{} ({n})", c.label),
                ..c
            })
        })
        .collect()
}

/// The catalogue's address for `query` (from its first page).
fn catalogue_href(query: &CatalogueQuery) -> String {
    let q = CatalogueQuery {
        page: String::new(),
        ..query.clone()
    };
    match serde_html_form::to_string(&q) {
        Ok(s) => format!("/courses?{s}"),
        Err(_) => "/courses".into(),
    }
}

fn languages_shown(page: &Page, query: &CatalogueQuery, lang: Lang) -> LanguagesShown {
    let shown = query.shown_language(lang);
    match Lang::parse(shown) {
        Some(one) => {
            let other = Lang::ALL.iter().copied().find(|l| *l != one).unwrap_or(one);
            LanguagesShown {
                text: page.t1(
                    "catalogue-showing-language",
                    "language",
                    &page.label("lang", one.as_str()),
                ),
                href: catalogue_href(&CatalogueQuery {
                    language: ANY_LANGUAGE.into(),
                    ..query.clone()
                }),
                label: page.t1(
                    "catalogue-show-too",
                    "language",
                    &page.label("lang", other.as_str()),
                ),
            }
        }
        None => LanguagesShown {
            text: page.t("catalogue-showing-every-language"),
            href: catalogue_href(&CatalogueQuery {
                language: String::new(),
                ..query.clone()
            }),
            label: page.t1(
                "catalogue-show-only",
                "language",
                &page.label("lang", lang.as_str()),
            ),
        },
    }
}

pub struct Pages {
    pub at: usize,
    pub of: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// `GET /courses`: every course, or those the search and filters find.
pub async fn catalogue(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(query): HtmlQuery<CatalogueQuery>,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let competency_list = catalogue::competency_choices(&state, lang).await?;
    let (filters, errors) = match query.filters(&competency_list, lang) {
        Ok(f) => (f, FormErrors::none()),
        Err(invalid) => (
            Catalogue {
                language: Some(lang),
                ..Catalogue::default()
            },
            FormErrors::from_invalid(&invalid, lang),
        ),
    };
    let at = query.page_number()?;
    let signed_in = ctx.user.is_some();
    let for_you = errors.is_empty() && query.order(signed_in) == FOR_YOU;
    let reader = catalogue::reader(&state, &ctx).await?;
    let viewer = ctx.user.as_ref().map(|u| u.actor.clone());
    let found = catalogue::find(&state, viewer, &reader, filters, for_you, at).await?;
    let of = catalogue::pages(found.total);
    let link = |n: usize| -> Option<String> {
        let q = CatalogueQuery {
            page: if n == 1 { String::new() } else { n.to_string() },
            ..query.clone()
        };
        serde_html_form::to_string(&q)
            .ok()
            .map(|s| format!("/courses?{s}"))
    };
    let pages = (of > 1).then(|| Pages {
        at,
        of,
        previous: (at > 1).then(|| link(at - 1)).flatten(),
        next: (at < of).then(|| link(at + 1)).flatten(),
    });
    let page = Page::new(&ctx, "courses-title").with_errors(&errors);
    // A choice list with the one value asked for selected (none when empty).
    let list =
        |prefix: &str, all: Vec<&str>, asked: &str| Choice::list(&page, prefix, all, &[asked]);
    let counts = &found.counts;
    let view = CataloguePage {
        subjects: counted(
            Choice::subjects(&page, &query.subject),
            Facet::Subject,
            counts,
        ),
        grade_bands: counted(
            Choice::grade_bands(&page, &query.grade_band),
            Facet::GradeBand,
            counts,
        ),
        deliveries: counted(
            list(
                "delivery",
                Delivery::ALL.iter().map(|d| d.as_str()).collect(),
                &query.delivery,
            ),
            Facet::Delivery,
            counts,
        ),
        languages: counted(
            list(
                "lang",
                std::iter::once(ANY_LANGUAGE)
                    .chain(Lang::ALL.iter().map(|l| l.as_str()))
                    .collect(),
                query.shown_language(lang),
            ),
            Facet::Language,
            counts,
        ),
        hours: counted(
            list(
                "catalogue-hours",
                HOURS.iter().map(|(k, _, _)| *k).collect(),
                &query.hours,
            ),
            Facet::Hours,
            counts,
        ),
        sorts: list(
            "catalogue-sort",
            SORTS
                .iter()
                .map(|(k, _)| *k)
                .filter(|k| signed_in || *k != FOR_YOU)
                .collect(),
            query.order(signed_in),
        ),
        competencies: counted(
            Choice::named(&competency_list, &query.competency),
            Facet::Competency,
            counts,
        ),
        languages_shown: languages_shown(&page, &query, lang),
        courses: found
            .rows
            .iter()
            .map(|r| card(r, found.others.get(&r.id), &page))
            .collect(),
        pages,
        found: i64::try_from(found.total).unwrap_or(i64::MAX),
        searched: !query.is_empty(),
        q: query.q.clone(),
        errors,
        page,
    };
    Ok(if view.errors.is_empty() {
        render(&view)
    } else {
        render_invalid(&view)
    })
}

// ---- A course ----

pub struct BuildsView {
    pub href: String,
    pub name: Shown,
    pub level: Option<Shown>,
}

pub struct LessonLink {
    pub href: String,
    pub title: String,
    /// Finished by the reader.
    pub done: bool,
    /// Where the reader's practice task stands, when it waits or was sent
    /// back (a tag's text).
    pub task: Option<String>,
}

pub struct ModuleView {
    pub title: String,
    pub lessons: Vec<LessonLink>,
}

/// Where the reader stands with the course.
pub enum Standing {
    /// Not signed in: sign in to enrol (and come back here).
    Anonymous {
        sign_in: String,
    },
    NotEnrolled {
        enrol_action: String,
    },
    Enrolled {
        done: usize,
        total: usize,
        /// The first lesson not finished yet.
        continue_href: Option<String>,
        completed: bool,
        /// The certificate the completion issued.
        certificate: Option<String>,
        /// Where "move to the new version" posts, when a newer version is
        /// out and this learner has not completed theirs.
        move_action: Option<String>,
    },
}

#[derive(Template)]
#[template(path = "course.html")]
pub struct CoursePage {
    page: Page,
    lang: Option<&'static str>,
    card: CourseCard,
    licence: String,
    subjects: Vec<String>,
    grade_bands: Vec<String>,
    builds: Vec<BuildsView>,
    prerequisites: Vec<(String, String)>,
    modules: Vec<ModuleView>,
    first_lesson: Option<String>,
    standing: Standing,
    /// The organisation offering a course that is not the programme's.
    offered_by: Option<String>,
    /// For a learner of a course in two languages: where "continue in
    /// Español" posts, and its label.
    switch: Option<(String, String)>,
}

/// The same lesson in the course's other language: a learner's form that
/// switches (keeping their progress), or a reader's link.
pub struct OtherLanguage {
    /// Where the learner's form posts (`…/switch`); None: a link.
    pub action: Option<String>,
    pub href: String,
    pub lesson: String,
    pub label: String,
    pub lang: &'static str,
}

fn builds_view(described: Vec<Described>, lang: Lang) -> Vec<BuildsView> {
    described
        .into_iter()
        .map(|d| BuildsView {
            href: framework_path(&d.framework_id),
            name: Shown::of(&d.name, lang),
            level: d.level.as_ref().map(|l| Shown::of(l, lang)),
        })
        .collect()
}

/// `GET /courses/{slug}`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let viewer = ctx.user.as_ref().map(|u| u.actor.clone());
    let user = viewer.as_ref().map(|a| a.user_id);
    let Following {
        row,
        course,
        enrolment,
        done,
    } = following(&state, viewer.as_ref(), slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let catalogue::Details {
        described,
        prerequisites,
        certificate,
        offered_by,
        translation,
    } = catalogue::details(&state, viewer, &row, &course, enrolment.as_ref()).await?;
    let prerequisites: Vec<(String, String)> = prerequisites
        .into_iter()
        .map(|o| (course_path(&o.slug), o.title))
        .collect();
    let page = Page::new(&ctx, "courses-title").with_title(&row.title);
    let Course {
        slug,
        subjects,
        grade_bands,
        modules,
        licence,
        ..
    } = &*course;
    let keys: Vec<&str> = modules
        .iter()
        .flat_map(|m| m.lessons.iter().map(|l| l.key.as_str()))
        .collect();
    let standing = match (user, &enrolment) {
        (None, _) => Standing::Anonymous {
            sign_in: format!(
                "/sign-in?next={}",
                utf8_percent_encode(&course_path(slug), NON_ALPHANUMERIC)
            ),
        },
        (Some(_), None) => Standing::NotEnrolled {
            enrol_action: format!("{}/enrol", course_path(slug)),
        },
        (Some(_), Some(e)) => Standing::Enrolled {
            done: keys.iter().filter(|k| done.contains(**k)).count(),
            total: keys.len(),
            continue_href: keys
                .iter()
                .find(|k| !done.contains(**k))
                .map(|k| lesson_path(slug, k)),
            completed: e.completed_at.is_some(),
            certificate: certificate.map(|code| paths::certificate(&code)),
            move_action: (e.version < row.version && e.completed_at.is_none())
                .then(|| format!("{}/move", course_path(slug))),
        },
    };
    // Where the learner's practice tasks stand (only for a course with
    // tasks: the others' pages read nothing more).
    let has_tasks = modules
        .iter()
        .any(|m| m.lessons.iter().any(|l| l.task.is_some()));
    let tasks = match (user, &enrolment) {
        (Some(me), Some(_)) if has_tasks => {
            let course_id = row.id;
            state
                .db
                .read(move |c| lyceum_db::practice::task_statuses(c, me, course_id))
                .await?
        }
        _ => Vec::new(),
    };
    let task_tag = |key: &str| {
        tasks
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, status)| match status {
                SubmissionStatus::Returned => Some(page.t("lesson-task-returned-tag")),
                SubmissionStatus::Submitted => Some(page.t("lesson-task-waiting-tag")),
                SubmissionStatus::Accepted => None,
            })
    };
    let switch = translation
        .as_ref()
        .filter(|_| enrolment.is_some())
        .map(|t| {
            (
                format!("{}/switch", course_path(slug)),
                page.t1(
                    "course-switch",
                    "language",
                    &page.label("lang", &t.language),
                ),
            )
        });
    Ok(render(&CoursePage {
        offered_by,
        switch,
        lang: other_lang(row.lang(), page.lang),
        card: card(&row, translation.as_ref(), &page),
        licence: licence.clone(),
        subjects: subjects
            .iter()
            .map(|s| page.label("subject", s.as_str()))
            .collect(),
        grade_bands: grade_bands
            .iter()
            .map(|g| page.label("grade-band", g.as_str()))
            .collect(),
        builds: builds_view(described, page.lang),
        prerequisites,
        first_lesson: keys.first().map(|k| lesson_path(slug, k)),
        standing,
        modules: modules
            .iter()
            .map(|m| ModuleView {
                title: m.title.clone(),
                lessons: m
                    .lessons
                    .iter()
                    .map(|l| LessonLink {
                        done: done.contains(&l.key),
                        task: task_tag(&l.key),
                        href: lesson_path(slug, &l.key),
                        title: l.title.clone(),
                    })
                    .collect(),
            })
            .collect(),
        page,
    }))
}

// ---- A lesson ----

pub struct OptionView {
    pub key: String,
    pub text: String,
    pub checked: bool,
}

pub struct QuestionView {
    /// The form field: `q-<key>`.
    pub field: String,
    pub prompt: String,
    pub multiple: bool,
    pub options: Vec<OptionView>,
    /// After an attempt: right or not, and the feedback of what was picked.
    pub marked: Option<(bool, Vec<String>)>,
}

pub struct QuizView {
    pub pass_mark: u32,
    /// Where answers post; None when no attempt may be made now.
    pub action: Option<String>,
    pub questions: Vec<QuestionView>,
    /// The latest attempt's score and whether it passed.
    pub result: Option<(u32, bool)>,
    /// None: no limit.
    pub attempts_left: Option<u32>,
}

#[derive(Template)]
#[template(path = "lesson.html")]
pub struct LessonPage {
    page: Page,
    errors: FormErrors,
    lang: Option<&'static str>,
    course_href: String,
    course_title: String,
    module_title: String,
    /// Sanitised by `markdown::to_html`.
    body: String,
    previous: Option<(String, String)>,
    next: Option<(String, String)>,
    /// For an enrolled reader of a lesson without a quiz: where "finished"
    /// posts.
    finish_action: Option<String>,
    finished: bool,
    quiz: Option<QuizView>,
    reflection: Option<super::practice::ReflectionView>,
    task: Option<super::practice::TaskView>,
    other_language: Option<OtherLanguage>,
    /// Resources linked from this lesson, and where the course's editors
    /// add or remove one (empty for the rest).
    linked: Vec<crate::resource_actions::Linked>,
    link_action: String,
}

pub use crate::learning_actions::Answers;

/// What the reader typed into a lesson's form that was refused, to show
/// it again.
#[derive(Debug, Default)]
pub struct Typed {
    pub answers: Option<Answers>,
    pub reflection: Option<String>,
    /// A task's artefact: (text, link).
    pub artefact: Option<(String, String)>,
}

/// The lesson page of the version the reader follows; `typed` and
/// `errors` when a form was refused.
pub async fn lesson_page(
    state: &AppState,
    ctx: &Ctx,
    slug: String,
    key: String,
    errors: FormErrors,
    typed: Typed,
) -> Result<LessonPage, AppError> {
    let viewer = ctx.user.as_ref().map(|u| &u.actor);
    let user = viewer.map(|a| a.user_id);
    let Following {
        row,
        course,
        enrolment,
        done,
    } = following(state, viewer, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let (in_order, at) = course.lessons_around(&key).ok_or(AppError::NotFound)?;
    let (module, lesson) = in_order[at];
    let link = |i: usize| {
        in_order
            .get(i)
            .map(|(_, l)| (lesson_path(&course.slug, &l.key), l.title.clone()))
    };
    let finished = done.contains(&key);
    let quiz = match &lesson.quiz {
        None => None,
        Some(q) => {
            // For an enrolled learner: attempts so far, and the latest's answers.
            let (used, latest) = match (user, &enrolment) {
                (Some(u), Some(_)) => {
                    let (course_id, k) = (row.id, key.clone());
                    let (count, latest) = state
                        .db
                        .read(move |c| learning::attempts(c, u, course_id, &k))
                        .await?;
                    let latest: Option<Answers> =
                        latest.and_then(|json| serde_json::from_str(&json).ok());
                    (Some(u32::try_from(count).unwrap_or(u32::MAX)), latest)
                }
                _ => (None, None),
            };
            // Marking is shown for the latest attempt, not over refused answers.
            let graded = latest
                .as_ref()
                .filter(|_| typed.answers.is_none())
                .and_then(|a| q.grade(a).ok());
            let shown = typed.answers.as_ref().or(latest.as_ref());
            let attempts_left = q.max_attempts.map(|m| m.saturating_sub(used.unwrap_or(0)));
            Some(QuizView {
                pass_mark: q.pass_mark,
                action: (used.is_some() && !finished && attempts_left != Some(0))
                    .then(|| format!("{}/quiz", lesson_path(&course.slug, &key))),
                result: graded.as_ref().map(|g| (g.score, g.passed)),
                attempts_left,
                questions: q
                    .questions
                    .iter()
                    .map(|question| {
                        let picked = shown.and_then(|a| a.get(&question.key));
                        QuestionView {
                            field: format!("q-{}", question.key),
                            prompt: question.prompt.clone(),
                            multiple: question.kind == Kind::Multiple,
                            options: question
                                .options
                                .iter()
                                .map(|o| OptionView {
                                    key: o.key.clone(),
                                    text: o.text.clone(),
                                    checked: picked.is_some_and(|p| p.contains(&o.key)),
                                })
                                .collect(),
                            marked: graded
                                .as_ref()
                                .and_then(|g| g.questions.iter().find(|m| m.key == question.key))
                                .map(|m| (m.right, m.feedback.clone())),
                        }
                    })
                    .collect(),
            })
        }
    };
    let learner = user.filter(|_| enrolment.is_some());
    let base = lesson_path(&course.slug, &key);
    let reflection =
        super::practice::reflection_view(state, learner, row.id, lesson, &base, typed.reflection)
            .await?;
    let page = Page::new(ctx, "courses-title")
        .with_title(&lesson.title)
        .about(&row.title)
        .with_errors(&errors);
    let task = super::practice::task_view(
        state,
        learner,
        row.id,
        lesson,
        &base,
        typed.artefact,
        &ctx.zone(),
    )
    .await?;
    let other_language =
        other_language(state, &page, &row, &course, &key, enrolment.is_some()).await?;
    let linked = crate::resource_actions::of_lesson(state, row.id, key.clone(), page.lang).await?;
    // The course's editors link resources here (as `link_lesson` checks).
    let edits = match viewer {
        Some(actor) => state
            .org_path(OrgId(row.org_id))
            .await?
            .is_some_and(|owner| actor.can(Action::WriteCourse, &owner)),
        None => false,
    };
    Ok(LessonPage {
        linked,
        link_action: match edits {
            true => format!("{base}/resources"),
            false => String::new(),
        },
        other_language,
        lang: other_lang(row.lang(), page.lang),
        course_href: course_path(&course.slug),
        course_title: row.title.clone(),
        module_title: course.modules[module].title.clone(),
        body: markdown::to_html(&lesson.markdown),
        previous: at.checked_sub(1).and_then(link),
        next: link(at + 1),
        finish_action: enrolment
            .as_ref()
            .filter(|_| lesson.finished_by_reading())
            .map(|_| format!("{}/finish", lesson_path(&course.slug, &key))),
        finished,
        quiz,
        reflection,
        task,
        errors,
        page,
    })
}

/// The lesson `key` of `course` in the course's other language, if it has
/// one (that language's current version; lessons correspond by position).
async fn other_language(
    state: &AppState,
    page: &Page,
    row: &CourseRow,
    course: &Course,
    key: &str,
    enrolled: bool,
) -> Result<Option<OtherLanguage>, AppError> {
    let id = row.id;
    let Some(other) = state
        .db
        .read(move |c| lyceum_db::courses::translation(c, id))
        .await?
    else {
        return Ok(None);
    };
    let Some(content) = state.course_version(&other, other.version).await? else {
        return Ok(None);
    };
    let lesson = lyceum_domain::course::translation::corresponding(course, &content)
        .into_iter()
        .find(|(a, _)| *a == key)
        .map(|(_, b)| b.to_string());
    let language = page.label("lang", &other.language);
    Ok(Some(OtherLanguage {
        action: enrolled.then(|| format!("{}/switch", course_path(&row.slug))),
        href: lesson
            .as_ref()
            .map_or_else(|| course_path(&other.slug), |k| lesson_path(&other.slug, k)),
        label: page.t1(
            if enrolled {
                "lesson-switch"
            } else {
                "lesson-other-language"
            },
            "language",
            &language,
        ),
        lesson: key.to_string(),
        lang: other.lang().as_str(),
    }))
}

/// `GET /courses/{slug}/lessons/{key}`: the version the reader follows.
pub async fn lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
) -> Result<Response, AppError> {
    Ok(render(
        &lesson_page(
            &state,
            &ctx,
            slug,
            key,
            FormErrors::none(),
            Typed::default(),
        )
        .await?,
    ))
}
