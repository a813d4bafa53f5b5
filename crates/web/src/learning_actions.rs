//! Following a course, for pages and the API alike: which version a person
//! follows, enrolling, finishing a lesson, a quiz attempt and moving to a
//! new version — each with the statements that record it (see
//! `lyceum_domain::xapi`). Handlers turn the outcomes into a redirect or
//! JSON; the rules live here once.

use crate::course_access;
use crate::error::AppError;
use crate::state::AppState;
use lyceum_db::courses::{self, CourseRow};
use lyceum_db::{DbError, learning};
use lyceum_domain::course::quiz::Graded;
use lyceum_domain::course::{Course, Lesson};
use lyceum_domain::policy::Actor;
use lyceum_domain::validation::Invalid;
use lyceum_domain::xapi::{Activity, ActivityType, Statement, Verb, statement_id};
use lyceum_domain::{Timestamp, UserId};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

pub fn course_path(slug: &str) -> String {
    format!("/courses/{slug}")
}

pub fn lesson_path(slug: &str, key: &str) -> String {
    format!("/courses/{slug}/lessons/{key}")
}

/// Answers to a quiz: question key → the option keys picked.
pub type Answers = HashMap<String, Vec<String>>;

pub fn course_activity(state: &AppState, row: &CourseRow) -> Activity {
    Activity {
        id: state.config.link(&course_path(&row.slug)),
        kind: ActivityType::Course,
        name: row.title.clone(),
        lang: row.lang().as_str(),
    }
}

pub fn statement(
    state: &AppState,
    user: UserId,
    verb: Verb,
    object: Activity,
    parent: Option<Activity>,
    version: i32,
    now: Timestamp,
) -> Result<Statement, AppError> {
    Ok(Statement {
        id: statement_id().map_err(AppError::internal)?,
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
pub struct Finishing {
    pub lesson: Activity,
    pub course: Activity,
    pub lesson_done: Statement,
    pub course_done: Statement,
}

pub fn finishing(
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

/// The version a person follows (theirs if enrolled, else the current one),
/// with their enrolment and the lessons they finished.
pub struct Following {
    pub row: CourseRow,
    pub course: Arc<Course>,
    pub enrolment: Option<learning::Enrolment>,
    pub done: HashSet<String>,
}

impl Following {
    /// The lesson of this version, or 404.
    pub fn lesson(&self, key: &str) -> Result<&Lesson, AppError> {
        self.course
            .lessons()
            .find(|l| l.key == key)
            .ok_or(AppError::NotFound)
    }

    /// The enrolment, or 403: only learners act on a course.
    pub fn enrolled(&self) -> Result<&learning::Enrolment, AppError> {
        self.enrolment.as_ref().ok_or(AppError::Forbidden)
    }
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

/// [`following`] for a signed-in person, 404 when the course is not there
/// for them.
pub async fn followed_by(
    state: &AppState,
    me: &Actor,
    slug: String,
) -> Result<Following, AppError> {
    following(state, Some(me), slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// Enrols `me` in the version learners start now (enrolling again changes
/// nothing). The course, that version, and whether they were enrolled now.
pub async fn enrol(
    state: &AppState,
    me: &Actor,
    slug: String,
) -> Result<(CourseRow, Course, bool), AppError> {
    let user = me.user_id;
    let (row, course) = state
        .db
        .read(move |c| courses::current(c, &slug))
        .await?
        .ok_or(AppError::NotFound)?;
    if !course_access::sees(state, Some(me), &row).await? {
        return Err(AppError::NotFound);
    }
    let now = state.clock.now();
    let registered = statement(
        state,
        user,
        Verb::Registered,
        course_activity(state, &row),
        None,
        row.version,
        now,
    )?;
    let enrolled = row.clone();
    let new = match state
        .db
        .write(move |c| learning::enrol(c, user, &enrolled, &registered, now))
        .await
    {
        // A second click that raced the first (PostgreSQL): already enrolled.
        Err(e) if e.is_unique_violation() => false,
        other => other?,
    };
    Ok((row, course, new))
}

/// Moves the learner onto the version learners start now; what they
/// finished there keeps counting. 403 when not enrolled; nothing changes
/// for one on it already or who completed their version.
pub async fn move_to_current(
    state: &AppState,
    me: &Actor,
    slug: String,
) -> Result<(CourseRow, learning::Finished), AppError> {
    let user = me.user_id;
    let f = followed_by(state, me, slug).await?;
    f.enrolled()?;
    let row = f.row;
    let current = state
        .course_version(&row, row.version)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let course_done = statement(
        state,
        user,
        Verb::Completed,
        course_activity(state, &row),
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
        Err(DbError::NotFound) => return Err(AppError::Forbidden),
        other => other?,
    };
    Ok((row, moved))
}

/// Switches `me` from the course `slug` to the same course in its other
/// language, keeping the lessons they finished where lessons correspond
/// (`learning::switch_language`). The course switched to, the key there of
/// the lesson corresponding to `lesson` (if asked and there is one), and
/// what the switch completed. 404 when the course has no other language,
/// 403 when not enrolled in it.
pub async fn switch_language(
    state: &AppState,
    me: &Actor,
    slug: String,
    lesson: Option<String>,
) -> Result<(CourseRow, Option<String>, learning::Finished), AppError> {
    let user = me.user_id;
    let from = followed_by(state, me, slug).await?;
    from.enrolled()?;
    let from_id = from.row.id;
    let other = state
        .db
        .read(move |c| courses::translation(c, from_id))
        .await?
        .ok_or(AppError::NotFound)?;
    let to = followed_by(state, me, other.slug).await?;
    let landing = lesson.and_then(|k| {
        lyceum_domain::course::translation::corresponding(&from.course, &to.course)
            .into_iter()
            .find(|(a, _)| *a == k)
            .map(|(_, b)| b.to_string())
    });
    let version = to.enrolment.as_ref().map_or(to.row.version, |e| e.version);
    let now = state.clock.now();
    let activity = course_activity(state, &to.row);
    let registered = statement(
        state,
        user,
        Verb::Registered,
        activity.clone(),
        None,
        version,
        now,
    )?;
    let course_done = statement(state, user, Verb::Completed, activity, None, version, now)?;
    // Each lesson the switch may carry over is recorded as completed there.
    let mut lesson_done = HashMap::new();
    for l in to.course.lessons() {
        let f = finishing(state, user, &to.row, l, version, now)?;
        lesson_done.insert(l.key.clone(), f.lesson_done);
    }
    let (from_course, to_row, to_course) = (from.course.clone(), to.row.clone(), to.course.clone());
    let switched = state
        .db
        .write(move |c| {
            learning::switch_language(
                c,
                user,
                (from_id, &from_course),
                &to_row,
                &to_course,
                &registered,
                &lesson_done,
                &course_done,
                now,
            )
        })
        .await;
    let switched = match switched {
        Err(DbError::NotFound) => return Err(AppError::Forbidden),
        other => other?,
    };
    Ok((to.row, landing, switched))
}

/// Marks a lesson finished that reading finishes (403 for one its
/// activities finish, or when not enrolled). Finishing it again changes
/// nothing.
pub async fn finish(
    state: &AppState,
    me: &Actor,
    f: &Following,
    key: &str,
) -> Result<learning::Finished, AppError> {
    let user = me.user_id;
    let enrolment = f.enrolled()?;
    let lesson = f.lesson(key)?;
    if !lesson.finished_by_reading() {
        return Err(AppError::Forbidden);
    }
    let now = state.clock.now();
    let Finishing {
        lesson_done,
        course_done,
        ..
    } = finishing(state, user, &f.row, lesson, enrolment.version, now)?;
    let (course_id, content, k) = (f.row.id, f.course.clone(), key.to_string());
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
    Ok(match finished {
        Err(e) if e.is_unique_violation() => learning::Finished {
            lesson: false,
            course: false,
            certificate: None,
        },
        other => other?,
    })
}

/// What a quiz attempt did.
pub enum Attempted {
    /// The lesson was finished before: no attempt is made.
    AlreadyFinished,
    /// Answers of the wrong shape: no attempt is counted.
    Refused(Invalid),
    /// Graded and stored; what it finished, if anything.
    Graded(Graded, Option<learning::Finished>),
}

/// How often a quiz attempt that lost a race for its number counts again.
const RACE_RETRIES: u32 = 16;

/// Grades the answers and records the attempt (a passing one finishes the
/// lesson). 404 for a lesson without a quiz, 403 when not enrolled or no
/// attempts are left.
pub async fn attempt(
    state: &AppState,
    me: &Actor,
    f: &Following,
    key: &str,
    answers: &Answers,
) -> Result<Attempted, AppError> {
    let user = me.user_id;
    let enrolment = f.enrolled()?;
    let lesson = f.lesson(key)?;
    let quiz = lesson.quiz.as_ref().ok_or(AppError::NotFound)?;
    if f.done.contains(key) {
        return Ok(Attempted::AlreadyFinished);
    }
    let (course_id, k) = (f.row.id, key.to_string());
    let (used, _) = state
        .db
        .read(move |c| learning::attempts(c, user, course_id, &k))
        .await?;
    if quiz.max_attempts.is_some_and(|m| used >= i64::from(m)) {
        return Err(AppError::Forbidden);
    }
    let graded = match quiz.grade(answers) {
        Ok(g) => g,
        Err(invalid) => return Ok(Attempted::Refused(invalid)),
    };
    let now = state.clock.now();
    let version = enrolment.version;
    let Finishing {
        lesson: lesson_activity,
        course: course_activity,
        lesson_done,
        course_done,
    } = finishing(state, user, &f.row, lesson, version, now)?;
    let mut outcome = statement(
        state,
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
    let json = serde_json::to_string(answers).map_err(AppError::internal)?;
    let (passed, score) = (graded.passed, graded.score);
    let record = || {
        let (content, k, json) = (f.course.clone(), key.to_string(), json.clone());
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
    Ok(Attempted::Graded(graded, finished))
}
