//! The catalogue over the API: the search the catalogue page makes (same
//! words, filters, order and pages: `crate::catalogue`), one course with
//! its modules and lessons, and one lesson's content — in the version the
//! reader follows, and only courses they may see (`learning_actions::following`).

use super::competencies::TextDto;
use crate::api::dto::{ErrorBody, FacetCountDto};
use crate::catalogue::{self, CatalogueQuery, FOR_YOU, HOURS, SORTS};
use crate::catalogue_facets::{ANY_LANGUAGE, Facet, FacetCounts};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::learning_actions::{Following, following};
use crate::markdown;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use lyceum_db::courses::CourseRow;
use lyceum_db::learning;
use lyceum_domain::course::quiz::Kind;
use lyceum_domain::course::{Course, Delivery};
use lyceum_domain::i18n::Lang;
use lyceum_domain::profile::{GradeBand, Subject};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct CourseCardDto {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// The course's language: `en` or `es`.
    pub language: String,
    /// PD credit in quarter hours (6 is an hour and a half).
    pub pd_quarter_hours: i32,
    /// `self-paced`, `cohort` or `blended`.
    pub delivery: String,
    /// The version learners start now.
    pub version: i32,
    /// The same course in its other language, when it has one: progress
    /// carries over between the two (`POST …/switch`) and PD credit is
    /// earned once.
    pub translation: Option<TranslationDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TranslationDto {
    pub slug: String,
    /// `en` or `es`.
    pub language: String,
    pub title: String,
}

impl CourseCardDto {
    fn with(r: &CourseRow, other: Option<&CourseRow>) -> Self {
        CourseCardDto {
            translation: other.map(|o| TranslationDto {
                slug: o.slug.clone(),
                language: o.language.clone(),
                title: o.title.clone(),
            }),
            ..CourseCardDto::from(r)
        }
    }
}

impl From<&CourseRow> for CourseCardDto {
    fn from(r: &CourseRow) -> Self {
        CourseCardDto {
            translation: None,
            slug: r.slug.clone(),
            title: r.title.clone(),
            summary: r.summary.clone(),
            language: r.language.clone(),
            pd_quarter_hours: r.pd_quarter_hours,
            delivery: r.delivery.as_str().into(),
            version: r.version,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NamedDto {
    pub id: String,
    pub name: String,
}

/// The values each filter takes (as the page's choices).
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetsDto {
    pub subject: Vec<String>,
    pub grade_band: Vec<String>,
    /// The default framework's competencies, named in the request's language.
    pub competency: Vec<NamedDto>,
    pub delivery: Vec<String>,
    pub language: Vec<String>,
    pub hours: Vec<String>,
    pub sort: Vec<String>,
    /// How many courses each value finds with the other filters as asked
    /// (a value's own filter aside); values finding none are left out,
    /// unless asked for.
    pub counts: FacetCountsDto,
}

/// Per filter, its values with how many courses each finds.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCountsDto {
    pub subject: Vec<FacetCountDto>,
    pub grade_band: Vec<FacetCountDto>,
    pub competency: Vec<FacetCountDto>,
    pub delivery: Vec<FacetCountDto>,
    /// `any` counts both languages (a course in two languages once).
    pub language: Vec<FacetCountDto>,
    pub hours: Vec<FacetCountDto>,
}

/// `values` of `facet` with their counts (see [`FacetCountDto::listed`]).
fn counted<'a>(
    counts: &FacetCounts,
    facet: Facet,
    values: impl IntoIterator<Item = &'a str>,
    asked: &str,
) -> Vec<FacetCountDto> {
    FacetCountDto::listed(values, asked, |v| counts.get(facet, v))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CataloguePageDto {
    pub courses: Vec<CourseCardDto>,
    /// Courses found in all.
    pub found: i64,
    pub page: i64,
    pub pages: i64,
    /// The `page` to ask for next; absent on the last.
    pub next_page: Option<i64>,
    /// The languages shown: `en` or `es` (with no `language` asked, the
    /// request's language), or `any`.
    pub language: String,
    /// The order applied (with no `sort` asked, `for-you` when signed in).
    pub sort: String,
    pub facets: FacetsDto,
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Courses you may see that the search and filters find, 24 a page, in the
/// catalogue page's order, with each filter value's count. With no
/// `language` asked, courses in the request's language (`any` shows both,
/// a course in two languages once); never the other language of a course
/// you follow. With no `sort` asked, best match for your subjects and grade
/// bands first. A filter value that is not one of its facet's values is
/// refused (422, naming the field).
#[utoipa::path(get, path = "/api/v1/courses", tag = "learning",
    params(CatalogueQuery),
    responses((status = 200, body = CataloguePageDto), (status = 400, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn catalogue(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(query): HtmlQuery<CatalogueQuery>,
) -> Result<Json<CataloguePageDto>, AppError> {
    let choices = catalogue::competency_choices(&state, ctx.lang).await?;
    let filters = query
        .filters(&choices, ctx.lang)
        .map_err(AppError::Invalid)?;
    let at = query.page_number()?;
    let order = query.order(ctx.user.is_some()).to_string();
    let reader = catalogue::reader(&state, &ctx).await?;
    let viewer = ctx.user.as_ref().map(|u| u.actor.clone());
    let found = catalogue::find(&state, viewer, &reader, filters, order == FOR_YOU, at).await?;
    let pages = catalogue::pages(found.total);
    let c = &found.counts;
    let languages: Vec<&str> = std::iter::once(ANY_LANGUAGE)
        .chain(Lang::ALL.iter().map(|s| s.as_str()))
        .collect();
    let language = query.shown_language(ctx.lang).to_string();
    Ok(Json(CataloguePageDto {
        courses: found
            .rows
            .iter()
            .map(|r| CourseCardDto::with(r, found.others.get(&r.id)))
            .collect(),
        found: count(found.total),
        page: count(at),
        pages: count(pages),
        next_page: (at < pages).then(|| count(at + 1)),
        facets: FacetsDto {
            counts: FacetCountsDto {
                subject: counted(
                    c,
                    Facet::Subject,
                    Subject::ALL.iter().map(|s| s.as_str()),
                    &query.subject,
                ),
                grade_band: counted(
                    c,
                    Facet::GradeBand,
                    GradeBand::ALL.iter().map(|s| s.as_str()),
                    &query.grade_band,
                ),
                competency: counted(
                    c,
                    Facet::Competency,
                    choices.iter().map(|(id, _)| id.as_str()),
                    &query.competency,
                ),
                delivery: counted(
                    c,
                    Facet::Delivery,
                    Delivery::ALL.iter().map(|s| s.as_str()),
                    &query.delivery,
                ),
                language: counted(c, Facet::Language, languages.iter().copied(), &language),
                hours: counted(
                    c,
                    Facet::Hours,
                    HOURS.iter().map(|(k, _, _)| *k),
                    &query.hours,
                ),
            },
            subject: Subject::ALL.iter().map(|s| s.as_str().into()).collect(),
            grade_band: GradeBand::ALL.iter().map(|s| s.as_str().into()).collect(),
            competency: choices
                .into_iter()
                .map(|(id, name)| NamedDto { id, name })
                .collect(),
            delivery: Delivery::ALL.iter().map(|s| s.as_str().into()).collect(),
            language: languages.iter().map(|s| (*s).into()).collect(),
            hours: HOURS.iter().map(|(k, _, _)| (*k).into()).collect(),
            sort: SORTS.iter().map(|(k, _)| (*k).into()).collect(),
        },
        language,
        sort: order,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BuildsDto {
    pub framework_id: String,
    pub competency_id: String,
    pub name: TextDto,
    pub level: Option<TextDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LessonSummaryDto {
    pub key: String,
    pub title: String,
    /// `quiz`, `reflection`, `task` — what finishes it besides reading.
    pub activities: Vec<String>,
    /// Finished by you (false when not enrolled).
    pub done: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ModuleDto {
    pub title: String,
    pub lessons: Vec<LessonSummaryDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CourseDto {
    pub card: CourseCardDto,
    /// The version shown: yours when enrolled, else the one learners start now.
    pub version: i32,
    pub licence: String,
    pub subjects: Vec<String>,
    pub grade_bands: Vec<String>,
    pub builds: Vec<BuildsDto>,
    /// Slugs of the courses to take first (those you may see).
    pub prerequisites: Vec<String>,
    /// The organisation offering it, when it is not the programme.
    pub offered_by: Option<String>,
    pub modules: Vec<ModuleDto>,
    /// Yours, when you are enrolled.
    pub enrolment: Option<super::learning::ProgressDto>,
}

fn activities(l: &lyceum_domain::course::Lesson) -> Vec<String> {
    let mut out = Vec::new();
    if l.quiz.is_some() {
        out.push("quiz".to_string());
    }
    if l.reflection.is_some() {
        out.push("reflection".to_string());
    }
    if l.task.is_some() {
        out.push("task".to_string());
    }
    out
}

fn modules(course: &Course, done: &std::collections::HashSet<String>) -> Vec<ModuleDto> {
    course
        .modules
        .iter()
        .map(|m| ModuleDto {
            title: m.title.clone(),
            lessons: m
                .lessons
                .iter()
                .map(|l| LessonSummaryDto {
                    key: l.key.clone(),
                    title: l.title.clone(),
                    activities: activities(l),
                    done: done.contains(&l.key),
                })
                .collect(),
        })
        .collect()
}

/// One course: what the course page says, with its modules and lessons.
#[utoipa::path(get, path = "/api/v1/courses/{slug}", tag = "learning",
    params(("slug" = String, Path)),
    responses((status = 200, body = CourseDto), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Json<CourseDto>, AppError> {
    let viewer = ctx.user.as_ref().map(|u| u.actor.clone());
    let f = following(&state, viewer.as_ref(), slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let details =
        catalogue::details(&state, viewer, &f.row, &f.course, f.enrolment.as_ref()).await?;
    let enrolment = match &f.enrolment {
        Some(e) => Some(super::learning::progress(
            &f,
            e,
            details.certificate.clone(),
        )),
        None => None,
    };
    let c = &f.course;
    Ok(Json(CourseDto {
        card: CourseCardDto::with(&f.row, details.translation.as_ref()),
        version: f.enrolment.as_ref().map_or(f.row.version, |e| e.version),
        licence: c.licence.clone(),
        subjects: c.subjects.iter().map(|s| s.as_str().into()).collect(),
        grade_bands: c.grade_bands.iter().map(|g| g.as_str().into()).collect(),
        builds: details
            .described
            .into_iter()
            .map(|d| BuildsDto {
                framework_id: d.framework_id,
                competency_id: d.id,
                name: TextDto::from(&d.name),
                level: d.level.as_ref().map(TextDto::from),
            })
            .collect(),
        prerequisites: details.prerequisites.into_iter().map(|p| p.slug).collect(),
        offered_by: details.offered_by,
        modules: modules(c, &f.done),
        enrolment,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OptionDto {
    pub key: String,
    pub text: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionDto {
    pub key: String,
    pub prompt: String,
    /// Pick every right option (else exactly one).
    pub multiple: bool,
    pub options: Vec<OptionDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuizDto {
    /// Percent needed to pass.
    pub pass_mark: i64,
    /// Absent: no limit.
    pub max_attempts: Option<i64>,
    /// Yours so far (absent when not enrolled).
    pub attempts_used: Option<i64>,
    pub questions: Vec<QuestionDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CriterionDto {
    pub key: String,
    pub text: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TaskDto {
    /// Markdown.
    pub instructions: String,
    pub rubric: Vec<CriterionDto>,
    /// `text`, `link`, `file`: the forms the artefact may take.
    pub artefacts: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LessonDto {
    pub key: String,
    pub title: String,
    pub course_slug: String,
    pub module_title: String,
    /// Markdown as written.
    pub markdown: String,
    /// The same, as the sanitised HTML the page shows.
    pub html: String,
    pub previous_key: Option<String>,
    pub next_key: Option<String>,
    /// Finished by you.
    pub finished: bool,
    /// Reading finishes it (`POST …/finish`); else its activities do.
    pub finished_by_reading: bool,
    pub quiz: Option<QuizDto>,
    /// The question a reflection answers.
    pub reflection_prompt: Option<String>,
    pub task: Option<TaskDto>,
}

/// One lesson of the version you follow.
#[utoipa::path(get, path = "/api/v1/courses/{slug}/lessons/{lesson_key}", tag = "learning",
    params(("slug" = String, Path), ("lesson_key" = String, Path)),
    responses((status = 200, body = LessonDto), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
) -> Result<Json<LessonDto>, AppError> {
    let viewer = ctx.user.as_ref().map(|u| u.actor.clone());
    let f: Following = following(&state, viewer.as_ref(), slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let (in_order, at) = f.course.lessons_around(&key).ok_or(AppError::NotFound)?;
    let (module, l) = in_order[at];
    let attempts_used = match (&f.enrolment, &l.quiz, viewer.as_ref()) {
        (Some(_), Some(_), Some(a)) => {
            let (u, course, k) = (a.user_id, f.row.id, key.clone());
            let (n, _) = state
                .db
                .read(move |c| learning::attempts(c, u, course, &k))
                .await?;
            Some(n)
        }
        _ => None,
    };
    Ok(Json(LessonDto {
        key: l.key.clone(),
        title: l.title.clone(),
        course_slug: f.row.slug.clone(),
        module_title: f.course.modules[module].title.clone(),
        markdown: l.markdown.clone(),
        html: markdown::to_html(&l.markdown),
        previous_key: at
            .checked_sub(1)
            .and_then(|i| in_order.get(i))
            .map(|(_, l)| l.key.clone()),
        next_key: in_order.get(at + 1).map(|(_, l)| l.key.clone()),
        finished: f.done.contains(&key),
        finished_by_reading: l.finished_by_reading(),
        quiz: l.quiz.as_ref().map(|q| QuizDto {
            pass_mark: i64::from(q.pass_mark),
            max_attempts: q.max_attempts.map(i64::from),
            attempts_used,
            questions: q
                .questions
                .iter()
                .map(|q| QuestionDto {
                    key: q.key.clone(),
                    prompt: q.prompt.clone(),
                    multiple: q.kind == Kind::Multiple,
                    options: q
                        .options
                        .iter()
                        .map(|o| OptionDto {
                            key: o.key.clone(),
                            text: o.text.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }),
        reflection_prompt: l.reflection.as_ref().map(|r| r.prompt.clone()),
        task: l.task.as_ref().map(|t| TaskDto {
            instructions: t.instructions.clone(),
            rubric: t
                .rubric
                .iter()
                .map(|c| CriterionDto {
                    key: c.key.clone(),
                    text: c.text.clone(),
                })
                .collect(),
            artefacts: t.artefacts.iter().map(|a| a.as_str().into()).collect(),
        }),
    }))
}
