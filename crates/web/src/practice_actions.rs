//! Reflections and practice tasks, for pages and the API alike: writing a
//! reflection, handing in an artefact, who may review a learner's work
//! (never the learner: nobody decides their own case), the reviewer's
//! queue, and a review. Handlers turn the outcomes into pages or JSON.

use crate::error::AppError;
use crate::learning_actions::{Finishing, Following, finishing, followed_by, statement};
use crate::state::AppState;
use lyceum_db::courses::{self, CourseRow};
use lyceum_db::practice::{self, Events, Submission, Waiting};
use lyceum_db::{DbError, learning};
use lyceum_domain::course::task::{self, SubmissionStatus};
use lyceum_domain::course::{Course, Lesson};
use lyceum_domain::policy::Actor;
use lyceum_domain::validation::Invalid;
use lyceum_domain::xapi::Verb;
use lyceum_domain::{HandInId, UserId};

/// The enrolled learner's version of a lesson.
pub struct Target {
    pub f: Following,
    pub lesson: Lesson,
    pub version: i32,
}

/// 404 when the course or lesson is not there for `me`, 403 when they are
/// not enrolled.
pub async fn target(
    state: &AppState,
    me: &Actor,
    slug: &str,
    key: &str,
) -> Result<Target, AppError> {
    let f = followed_by(state, me, slug.to_string()).await?;
    let version = f.enrolled()?.version;
    let lesson = f.lesson(key)?.clone();
    Ok(Target { f, lesson, version })
}

/// Saves the learner's reflection (again, if they edit it); finishes the
/// lesson when nothing else is left. `Err(Invalid)` inside: the text was
/// refused and nothing changed. 404 for a lesson without a reflection.
pub async fn reflect(
    state: &AppState,
    me: &Actor,
    t: &Target,
    text: &str,
) -> Result<Result<Option<learning::Finished>, Invalid>, AppError> {
    if t.lesson.reflection.is_none() {
        return Err(AppError::NotFound);
    }
    let body = match task::reflection_text(text) {
        Ok(b) => b,
        Err(invalid) => return Ok(Err(invalid)),
    };
    let user = me.user_id;
    let now = state.clock.now();
    let Finishing {
        lesson: activity,
        course: parent,
        lesson_done,
        course_done,
    } = finishing(state, user, &t.f.row, &t.lesson, t.version, now)?;
    let done = statement(
        state,
        user,
        Verb::Submitted,
        activity,
        Some(parent),
        t.version,
        now,
    )?;
    let (course, content, key) = (t.f.row.id, t.f.course.clone(), t.lesson.key.clone());
    Ok(Ok(state
        .db
        .write(move |c| {
            let events = Events {
                done: &done,
                lesson_done: &lesson_done,
                course_done: &course_done,
            };
            practice::reflect(c, user, course, &content, &key, &body, &events, now)
        })
        .await?))
}

/// Hands in an artefact — text, a link or a file — for a facilitator to
/// review. `Err(Invalid)` inside: refused (its form, or one waiting or
/// accepted already) and nothing changed. 404 for a lesson without a task.
pub async fn hand_in(
    state: &AppState,
    me: &Actor,
    t: &Target,
    text: &str,
    link: &str,
    file: Option<(&str, &[u8])>,
) -> Result<Result<HandInId, Invalid>, AppError> {
    let task = t.lesson.task.as_ref().ok_or(AppError::NotFound)?;
    let artefact = match task::artefact(task, text, link, file) {
        Ok(a) => a,
        Err(invalid) => return Ok(Err(invalid)),
    };
    let user = me.user_id;
    let now = state.clock.now();
    let Finishing {
        lesson: activity,
        course: parent,
        ..
    } = finishing(state, user, &t.f.row, &t.lesson, t.version, now)?;
    let submitted = statement(
        state,
        user,
        Verb::Submitted,
        activity,
        Some(parent),
        t.version,
        now,
    )?;
    let (course, version, k) = (t.f.row.id, t.version, t.lesson.key.clone());
    let base = state.config.public_origin().to_string();
    match state
        .db
        .write(move |c| {
            practice::submit(
                c, user, course, version, &k, &artefact, &submitted, &base, now,
            )
        })
        .await
    {
        Ok(id) => Ok(Ok(id)),
        Err(DbError::Invalid(invalid)) => Ok(Err(invalid)),
        Err(e) => Err(e.into()),
    }
}

/// May `reviewer` review this learner's work? Never their own.
pub async fn may_review(
    state: &AppState,
    reviewer: &Actor,
    learner: UserId,
) -> Result<bool, AppError> {
    // Never their own (the policy says so too): no need to read further.
    if lyceum_domain::policy::own_case(reviewer.user_id, learner) {
        return Ok(false);
    }
    let paths = state
        .db
        .read(move |c| practice::paths_of(c, learner))
        .await?;
    Ok(reviewer.reviews_work_of(learner, &paths))
}

/// A hand-in waiting for review, with its course version and the learner's
/// reflections in that course: (lesson key, text).
pub struct WaitingItem {
    pub waiting: Waiting,
    pub row: CourseRow,
    pub content: Course,
    pub reflections: Vec<(String, String)>,
    /// The learner's earlier hand-ins of the same task, with their reviews,
    /// newest first.
    pub earlier: Vec<Submission>,
}

/// The hand-ins `reviewer` may review that wait for it.
pub async fn waiting(state: &AppState, reviewer: &Actor) -> Result<Vec<WaitingItem>, AppError> {
    let actor = reviewer.clone();
    Ok(state
        .db
        .read(move |c| {
            let mut out = Vec::new();
            let waiting = practice::waiting_for(c, &actor)?;
            let learners: Vec<UserId> = waiting.iter().map(|w| w.submission.user_id).collect();
            // One read for every card's history.
            let mut reviewed = if learners.is_empty() {
                Vec::new()
            } else {
                practice::reviewed_of(c, &learners)?
            };
            for w in waiting {
                let s = &w.submission;
                let Some(row) = courses::by_id(c, s.course_id)? else {
                    continue;
                };
                let Some(content) = courses::load_version(c, &row, s.version)? else {
                    continue;
                };
                let reflections = practice::reflections_in(c, s.user_id, s.course_id)?;
                let (earlier, rest): (Vec<Submission>, Vec<Submission>) =
                    reviewed.into_iter().partition(|e| {
                        e.user_id == s.user_id
                            && e.course_id == s.course_id
                            && e.lesson_key == s.lesson_key
                    });
                reviewed = rest;
                out.push(WaitingItem {
                    waiting: w,
                    row,
                    content,
                    reflections,
                    earlier,
                });
            }
            Ok(out)
        })
        .await?)
}

/// What a review did.
pub enum Decided {
    /// Reviewed already (by someone else, or a second click): nothing changed.
    AlreadyReviewed,
    /// Refused (criteria, comment): nothing changed.
    Refused(Invalid),
    Done,
}

/// A hand-in `reviewer` may review, or 404 (none, or not theirs to review).
pub async fn reviewable(
    state: &AppState,
    reviewer: &Actor,
    id: HandInId,
) -> Result<Submission, AppError> {
    let s = state
        .db
        .read(move |c| practice::submission(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_review(state, reviewer, s.user_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(s)
}

/// Accepts (`decision` = `accepted`, every criterion `met`) or returns
/// (`returned`, with a `comment`) a hand-in. 404 when it is not the
/// reviewer's to review; 400 for a decision that is neither.
pub async fn decide(
    state: &AppState,
    reviewer: &Actor,
    id: HandInId,
    decision: &str,
    met: &[String],
    comment: &str,
) -> Result<Decided, AppError> {
    let s = reviewable(state, reviewer, id).await?;
    let learner = s.user_id;
    if s.status != SubmissionStatus::Submitted {
        return Ok(Decided::AlreadyReviewed);
    }
    let (course_id, version) = (s.course_id, s.version);
    let (row, content) = state
        .db
        .read(move |c| {
            let Some(row) = courses::by_id(c, course_id)? else {
                return Ok(None);
            };
            Ok(courses::load_version(c, &row, version)?.map(|content| (row, content)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let lesson = content
        .lessons()
        .find(|l| l.key == s.lesson_key)
        .ok_or(AppError::NotFound)?
        .clone();
    let task = lesson.task.as_ref().ok_or(AppError::NotFound)?;
    let review = match task::review(task, decision, met, comment) {
        Ok(r) => r,
        Err(invalid) if invalid.has("decision") => {
            return Err(AppError::BadRequest(
                "decision: accepted or returned".into(),
            ));
        }
        Err(invalid) => return Ok(Decided::Refused(invalid)),
    };
    let now = state.clock.now();
    let Finishing {
        lesson: activity,
        course: parent,
        lesson_done,
        course_done,
    } = finishing(state, learner, &row, &lesson, version, now)?;
    // The result is the learner's: they are the actor, the reviewer the
    // instructor.
    let mut done = statement(
        state,
        learner,
        Verb::Reviewed,
        activity,
        Some(parent),
        version,
        now,
    )?;
    let met_percent = (review.met.len() * 100 / task.rubric.len().max(1)) as u32;
    done.result = Some((met_percent, review.accepted));
    done.instructor = Some(reviewer.user_id.0);
    let by = reviewer.user_id;
    let base = state.config.public_origin().to_string();
    state
        .db
        .write(move |c| {
            let events = Events {
                done: &done,
                lesson_done: &lesson_done,
                course_done: &course_done,
            };
            practice::review(c, id, &content, &review, by, &events, &base, now)
        })
        .await?;
    Ok(Decided::Done)
}
