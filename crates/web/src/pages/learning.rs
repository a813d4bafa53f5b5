//! Following a course: enrolling, finishing lessons, and the statements
//! that record both (see `lyceum_domain::xapi`).

use super::courses::{Answers, Typed, course_path, lesson_page, lesson_path};
use crate::context::Ctx;
use crate::course_access;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, render_invalid};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::courses::{self, CourseRow};
use lyceum_db::{DbError, learning};
use lyceum_domain::course::{Course, Lesson};
use lyceum_domain::policy::Actor;
use lyceum_domain::xapi::{Activity, ActivityType, Statement, Verb, statement_id};
use lyceum_domain::{Timestamp, UserId};

pub(super) fn course_activity(state: &AppState, row: &CourseRow) -> Activity {
    Activity {
        id: state.config.link(&course_path(&row.slug)),
        kind: ActivityType::Course,
        name: row.title.clone(),
        lang: row.lang().as_str(),
    }
}

pub(super) fn statement(
    state: &AppState,
    user: UserId,
    verb: Verb,
    object: Activity,
    parent: Option<Activity>,
    version: i32,
    now: Timestamp,
) -> Result<Statement, AppError> {
    Ok(Statement {
        id: statement_id().map_err(|e| AppError::Internal(e.to_string()))?,
        home_page: state.config.public_origin().to_string(),
        user: user.0,
        instructor: None,
        registration: None,
        verb,
        object,
        parent,
        course_version: Some(version),
        result: None,
        timestamp: now,
    })
}

/// What finishing a lesson may record: the lesson completed and, if that
/// completes the course, the course completed (with the two activities).
pub(super) struct Finishing {
    pub lesson: Activity,
    pub course: Activity,
    pub lesson_done: Statement,
    pub course_done: Statement,
}

pub(super) fn finishing(
    state: &AppState,
    user: UserId,
    row: &CourseRow,
    lesson: &Lesson,
    version: i32,
    now: Timestamp,
) -> Result<Finishing, AppError> {
    let course = course_activity(state, row);
    let lesson = Activity {
        id: state.config.link(&lesson_path(&row.slug, &lesson.key)),
        kind: ActivityType::Lesson,
        name: lesson.title.clone(),
        lang: row.lang().as_str(),
    };
    Ok(Finishing {
        lesson_done: statement(
            state,
            user,
            Verb::Completed,
            lesson.clone(),
            Some(course.clone()),
            version,
            now,
        )?,
        course_done: statement(
            state,
            user,
            Verb::Completed,
            course.clone(),
            None,
            version,
            now,
        )?,
        lesson,
        course,
    })
}

/// `POST /courses/{slug}/enrol`: enrols in the version learners start now
/// and goes to its first lesson.
pub async fn enrol(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let user = me.user.id();
    let (row, course) = state
        .db
        .read(move |c| courses::current(c, &slug))
        .await?
        .ok_or(AppError::NotFound)?;
    if !course_access::sees(&state, Some(&me.actor), &row).await? {
        return Err(AppError::NotFound);
    }
    let now = state.clock.now();
    let registered = statement(
        &state,
        user,
        Verb::Registered,
        course_activity(&state, &row),
        None,
        row.version,
        now,
    )?;
    let enrolled = row.clone();
    match state
        .db
        .write(move |c| learning::enrol(c, user, &enrolled, &registered, now))
        .await
    {
        // A second click that raced the first (PostgreSQL): already enrolled.
        Err(e) if e.is_unique_violation() => {}
        other => {
            other?;
        }
    }
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
    let user = me.user.id();
    let Following { row, enrolment, .. } = following(&state, Some(&me.actor), slug)
        .await?
        .ok_or(AppError::NotFound)?;
    if enrolment.is_none() {
        return Err(AppError::Forbidden);
    }
    let current = state
        .course_version(&row, row.version)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let course_done = statement(
        &state,
        user,
        Verb::Completed,
        course_activity(&state, &row),
        None,
        row.version,
        now,
    )?;
    let r = row.clone();
    let moved = state
        .db
        .write(move |c| learning::move_to_current(c, user, &r, &current, &course_done, now))
        .await;
    let moved = match moved {
        Err(lyceum_db::DbError::NotFound) => return Err(AppError::Forbidden),
        other => other?,
    };
    Ok(redirect_with(
        &course_path(&row.slug),
        finished_flash(Some(&moved), Flash::MovedToNewVersion),
        state.config.secure_cookies(),
    ))
}

/// The version a person follows (theirs if enrolled, else the current one),
/// with their enrolment and the lessons they finished.
pub struct Following {
    pub row: CourseRow,
    pub course: std::sync::Arc<Course>,
    pub enrolment: Option<learning::Enrolment>,
    pub done: std::collections::HashSet<String>,
}

/// The course as `viewer` (`None`: not signed in) follows it — `None` if
/// there is no such course for them: none by that name, or one they may not
/// see and are not enrolled in (`course_access`).
pub async fn following(
    state: &AppState,
    viewer: Option<&Actor>,
    slug: String,
) -> Result<Option<Following>, AppError> {
    let user = viewer.map(|a| a.user_id);
    let found = state
        .db
        .read(move |c| {
            let Some(row) = courses::by_slug(c, &slug)? else {
                return Ok(None);
            };
            let enrolment = match user {
                Some(u) => learning::enrolment(c, u, row.id)?,
                None => None,
            };
            let done = match (user, &enrolment) {
                (Some(u), Some(_)) => learning::done(c, u, row.id)?,
                _ => Default::default(),
            };
            Ok(Some((row, enrolment, done)))
        })
        .await?;
    let Some((row, enrolment, done)) = found else {
        return Ok(None);
    };
    if enrolment.is_none() && !course_access::sees(state, viewer, &row).await? {
        return Ok(None);
    }
    let version = enrolment.as_ref().map_or(row.version, |e| e.version);
    let Some(course) = state.course_version(&row, version).await? else {
        return Ok(None);
    };
    Ok(Some(Following {
        row,
        course,
        enrolment,
        done,
    }))
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
    let user = me.user.id();
    let f = following(&state, Some(&me.actor), slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(enrolment) = &f.enrolment else {
        return Err(AppError::Forbidden);
    };
    let lesson = f
        .course
        .lessons()
        .find(|l| l.key == key)
        .ok_or(AppError::NotFound)?;
    if !lesson.finished_by_reading() {
        // Its activities finish it.
        return Err(AppError::Forbidden);
    }
    let now = state.clock.now();
    let Finishing {
        lesson_done,
        course_done,
        ..
    } = finishing(&state, user, &f.row, lesson, enrolment.version, now)?;
    let next = {
        let keys: Vec<&str> = f.course.lessons().map(|l| l.key.as_str()).collect();
        let at = keys.iter().position(|k| *k == key).unwrap_or(0);
        keys.get(at + 1).map(|k| lesson_path(&f.row.slug, k))
    };
    let (course_id, content, k) = (f.row.id, f.course.clone(), key.clone());
    let finished = state
        .db
        .write(move |c| {
            learning::finish_lesson(
                c,
                user,
                course_id,
                &content,
                &k,
                &lesson_done,
                &course_done,
                now,
            )
        })
        .await;
    // A second click that raced the first (PostgreSQL) finished nothing new.
    let finished = match finished {
        Err(e) if e.is_unique_violation() => learning::Finished {
            lesson: false,
            course: false,
            certificate: None,
        },
        other => other?,
    };
    let secure = state.config.secure_cookies();
    Ok(match (finished.course, next) {
        (true, _) => redirect_with(&course_path(&f.row.slug), Flash::CourseCompleted, secure),
        (false, Some(next)) => redirect_with(&next, Flash::LessonFinished, secure),
        (false, None) => redirect_with(&course_path(&f.row.slug), Flash::LessonFinished, secure),
    })
}

/// How often a quiz attempt that lost a race for its number counts again.
const RACE_RETRIES: u32 = 16;

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
    let user = me.user.id();
    let f = following(&state, Some(&me.actor), slug.clone())
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(enrolment) = &f.enrolment else {
        return Err(AppError::Forbidden);
    };
    let lesson = f
        .course
        .lessons()
        .find(|l| l.key == key)
        .ok_or(AppError::NotFound)?;
    let quiz = lesson.quiz.as_ref().ok_or(AppError::NotFound)?;
    let lesson_href = lesson_path(&f.row.slug, &key);
    let secure = state.config.secure_cookies();
    if f.done.contains(&key) {
        return Ok(redirect_with(&lesson_href, Flash::LessonFinished, secure));
    }
    let (course_id, k) = (f.row.id, key.clone());
    let (used, _) = state
        .db
        .read(move |c| learning::attempts(c, user, course_id, &k))
        .await?;
    if quiz.max_attempts.is_some_and(|m| used >= i64::from(m)) {
        return Err(AppError::Forbidden);
    }
    let mut answers: Answers = Answers::new();
    for (name, value) in pairs {
        if let Some(q) = name.strip_prefix("q-") {
            answers.entry(q.to_string()).or_default().push(value);
        }
    }
    let graded = match quiz.grade(&answers) {
        Ok(g) => g,
        Err(invalid) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            let typed = Typed {
                answers: Some(answers),
                ..Typed::default()
            };
            return Ok(render_invalid(
                &lesson_page(&state, &ctx, slug, key, errors, typed).await?,
            ));
        }
    };
    let now = state.clock.now();
    let version = enrolment.version;
    let Finishing {
        lesson: lesson_activity,
        course: course_activity,
        lesson_done,
        course_done,
    } = finishing(&state, user, &f.row, lesson, version, now)?;
    let mut outcome = statement(
        &state,
        user,
        if graded.passed {
            Verb::Passed
        } else {
            Verb::Failed
        },
        lesson_activity,
        Some(course_activity),
        version,
        now,
    )?;
    outcome.result = Some((graded.score, graded.passed));
    let json = serde_json::to_string(&answers).map_err(|e| AppError::Internal(e.to_string()))?;
    let (passed, score) = (graded.passed, graded.score);
    let record = || {
        let (content, k, json) = (f.course.clone(), key.clone(), json.clone());
        let (outcome, lesson_done, course_done) =
            (outcome.clone(), lesson_done.clone(), course_done.clone());
        let max_attempts = quiz.max_attempts;
        state.db.write(move |c| {
            learning::record_attempt(
                c,
                user,
                course_id,
                &content,
                &learning::Attempt {
                    key: &k,
                    version,
                    answers: &json,
                    score,
                    passed,
                    statement: &outcome,
                    max_attempts,
                },
                &lesson_done,
                &course_done,
                now,
            )
        })
    };
    // Attempts sent at once (two tabs, two servers) race for the same
    // number: one that lost counts again, and each loss means another
    // attempt was stored, so the limit (or the retries) soon ends it.
    let mut tries = 0;
    let finished = loop {
        tries += 1;
        match record().await {
            Err(e) if e.is_unique_violation() && tries < RACE_RETRIES => continue,
            Err(e) if e.is_unique_violation() => break Err(AppError::RateLimited),
            Err(DbError::Invalid(i)) if i.is_only("quiz", "no-attempts-left") => {
                break Err(AppError::Forbidden);
            }
            other => break other.map_err(AppError::from),
        }
    }?;
    Ok(redirect_with(
        &lesson_href,
        finished_flash(
            finished.as_ref(),
            if passed {
                Flash::QuizPassed
            } else {
                Flash::QuizFailed
            },
        ),
        secure,
    ))
}

/// What to say after an activity: that the course is complete, if it
/// completed it, else `otherwise`.
pub(super) fn finished_flash(finished: Option<&learning::Finished>, otherwise: Flash) -> Flash {
    match finished {
        Some(f) if f.course => Flash::CourseCompleted,
        _ => otherwise,
    }
}
