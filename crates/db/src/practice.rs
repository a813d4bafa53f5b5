//! Reflections and practice tasks: what learners write and hand in, and
//! facilitators' reviews. Each change that may finish a lesson finishes it
//! in the same transaction (see `learning::finish_if_done`).

use crate::codes::Code;
use crate::ids::Id;
use crate::learning::{self, Finished, record};
use crate::notices::{self, Notice};
use crate::schema::{courses, lessons, memberships, orgs, reflections, task_submissions, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::community::NotificationKind;
use lyceum_domain::course::Course;
use lyceum_domain::course::task::{Artefact, ArtefactKind, Review, SubmissionStatus};
use lyceum_domain::jobs::Job;
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::Actor;
use lyceum_domain::xapi::Statement;
use lyceum_domain::{CourseId, HandInId, Timestamp, UserId, paths};

/// Statements a change may record: what the person did, and the lesson and
/// course completions it may cause.
pub struct Events<'a> {
    pub done: &'a Statement,
    pub lesson_done: &'a Statement,
    pub course_done: &'a Statement,
}

/// The learner's reflection on a lesson, if written.
pub fn reflection(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
    key: &str,
) -> Result<Option<String>, DbError> {
    Ok(reflections::table
        .find((user.0, course.0, key))
        .select(reflections::body)
        .first(conn)
        .optional()?)
}

/// The learner's reflections in a course: (lesson key, text), for them and
/// for the facilitators who review their work.
pub fn reflections_in(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
) -> Result<Vec<(String, String)>, DbError> {
    Ok(reflections::table
        .filter(reflections::user_id.eq(user.0))
        .filter(reflections::course_id.eq(course.0))
        .order(reflections::created_at)
        .select((reflections::lesson_key, reflections::body))
        .load(conn)?)
}

/// Writes (or rewrites) the learner's reflection, records it, and finishes
/// the lesson if that was the last thing to do. `NotFound` if the person is
/// not enrolled.
#[allow(clippy::too_many_arguments)]
pub fn reflect(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
    content: &Course,
    key: &str,
    body: &str,
    events: &Events<'_>,
    now: Timestamp,
) -> Result<Option<Finished>, DbError> {
    learning::enrolment(conn, user, course)?.ok_or(DbError::NotFound)?;
    let updated = diesel::update(reflections::table.find((user.0, course.0, key)))
        .set((
            reflections::body.eq(body),
            reflections::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(reflections::table)
            .values((
                reflections::user_id.eq(user.0),
                reflections::course_id.eq(course.0),
                reflections::lesson_key.eq(key),
                reflections::body.eq(body),
                reflections::created_at.eq(now.micros()),
                reflections::updated_at.eq(now.micros()),
            ))
            .execute(conn)?;
    }
    record(conn, events.done, Some(course))?;
    learning::finish_if_done(
        conn,
        user,
        course,
        content,
        key,
        events.lesson_done,
        events.course_done,
        now,
    )
}

/// A hand-in as listed (without the file's bytes).
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = task_submissions)]
pub struct Submission {
    #[diesel(deserialize_as = Id<HandInId>)]
    pub id: HandInId,
    #[diesel(deserialize_as = Id<UserId>)]
    pub user_id: UserId,
    #[diesel(deserialize_as = Id<CourseId>)]
    pub course_id: CourseId,
    pub version: i32,
    pub lesson_key: String,
    #[diesel(deserialize_as = Code<ArtefactKind>)]
    pub artefact_kind: ArtefactKind,
    pub artefact_text: Option<String>,
    pub file_name: Option<String>,
    #[diesel(deserialize_as = Code<SubmissionStatus>)]
    pub status: SubmissionStatus,
    pub criteria_met: Option<String>,
    pub review_comment: Option<String>,
    pub reviewed_at: Option<i64>,
    pub submitted_at: i64,
}

impl Submission {
    pub fn met(&self) -> Vec<&str> {
        self.criteria_met
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .collect()
    }
}

/// The learner's hand-ins for a lesson's task, newest first.
pub fn submissions(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
    key: &str,
) -> Result<Vec<Submission>, DbError> {
    Ok(task_submissions::table
        .filter(task_submissions::user_id.eq(user.0))
        .filter(task_submissions::course_id.eq(course.0))
        .filter(task_submissions::lesson_key.eq(key))
        .order(task_submissions::id.desc())
        .select(Submission::as_select())
        .load(conn)?)
}

/// Where the learner's practice tasks in a course stand: each lesson's
/// latest hand-in's status, by lesson key.
pub fn task_statuses(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
) -> Result<Vec<(String, SubmissionStatus)>, DbError> {
    let rows: Vec<(String, Code<SubmissionStatus>)> = task_submissions::table
        .filter(task_submissions::user_id.eq(user.0))
        .filter(task_submissions::course_id.eq(course.0))
        .order(task_submissions::id.desc())
        .select((task_submissions::lesson_key, task_submissions::status))
        .load(conn)?;
    let mut out: Vec<(String, SubmissionStatus)> = Vec::new();
    for (key, status) in rows {
        if !out.iter().any(|(k, _)| *k == key) {
            out.push((key, status.into()));
        }
    }
    Ok(out)
}

/// Hands in an artefact for review. Refused with `Invalid` (field
/// `artefact_text`) while an earlier one waits or once one was accepted;
/// `NotFound` if the person is not enrolled. Those who may review it are
/// told by the worker (`HandInWaiting`, enqueued here; emails' links made
/// with `base`).
#[allow(clippy::too_many_arguments)]
pub fn submit(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
    version: i32,
    key: &str,
    artefact: &Artefact,
    submitted: &Statement,
    base: &str,
    now: Timestamp,
) -> Result<HandInId, DbError> {
    learning::enrolment(conn, user, course)?.ok_or(DbError::NotFound)?;
    let open = submissions(conn, user, course, key)?.into_iter().any(|s| {
        matches!(
            s.status,
            SubmissionStatus::Submitted | SubmissionStatus::Accepted
        )
    });
    if open {
        return Err(DbError::Invalid(lyceum_domain::validation::Invalid::one(
            "artefact_text",
            "task-already-submitted",
        )));
    }
    let (text, file) = match artefact {
        Artefact::Text(t) | Artefact::Link(t) => (Some(t.as_str()), None),
        Artefact::File(f) => (None, Some(f)),
    };
    let id: i64 = diesel::insert_into(task_submissions::table)
        .values((
            task_submissions::user_id.eq(user.0),
            task_submissions::course_id.eq(course.0),
            task_submissions::version.eq(version),
            task_submissions::lesson_key.eq(key),
            task_submissions::artefact_kind.eq(artefact.kind().as_str()),
            task_submissions::artefact_text.eq(text),
            task_submissions::file_name.eq(file.map(|f| f.name.as_str())),
            task_submissions::file_type.eq(file.map(|f| f.content_type)),
            task_submissions::file.eq(file.map(|f| f.bytes.as_slice())),
            task_submissions::status.eq(SubmissionStatus::Submitted.as_str()),
            task_submissions::submitted_at.eq(now.micros()),
        ))
        .returning(task_submissions::id)
        .get_result(conn)?;
    record(conn, submitted, Some(course))?;
    let job = Job::HandInWaiting {
        hand_in: HandInId(id),
        base: base.to_string(),
    };
    crate::jobs::enqueue(conn, &job, now)?;
    Ok(HandInId(id))
}

/// One of a person's own hand-ins as "My learning" lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MyHandIn {
    pub id: HandInId,
    pub course_slug: String,
    pub course_title: String,
    pub course_language: String,
    pub lesson_key: String,
    /// The lesson's title in the version it was handed in for.
    pub lesson_title: Option<String>,
    pub status: SubmissionStatus,
    pub submitted_at: i64,
    pub reviewed_at: Option<i64>,
}

/// Every hand-in of `user`, newest first, with its course and lesson.
pub fn hand_ins_of(conn: &mut DbConn, user: UserId) -> Result<Vec<MyHandIn>, DbError> {
    type Row = (
        i64,
        String,
        String,
        String,
        String,
        Option<String>,
        Code<SubmissionStatus>,
        i64,
        Option<i64>,
    );
    let rows: Vec<Row> = task_submissions::table
        .inner_join(courses::table)
        .left_join(
            lessons::table.on(lessons::course_id
                .eq(task_submissions::course_id)
                .and(lessons::version.eq(task_submissions::version))
                .and(lessons::key.eq(task_submissions::lesson_key))),
        )
        .filter(task_submissions::user_id.eq(user.0))
        .order(task_submissions::id.desc())
        .select((
            task_submissions::id,
            courses::slug,
            courses::title,
            courses::language,
            task_submissions::lesson_key,
            lessons::title.nullable(),
            task_submissions::status,
            task_submissions::submitted_at,
            task_submissions::reviewed_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                course_slug,
                course_title,
                course_language,
                lesson_key,
                lesson_title,
                status,
                submitted_at,
                reviewed_at,
            )| MyHandIn {
                id: HandInId(id),
                course_slug,
                course_title,
                course_language,
                lesson_key,
                lesson_title,
                status: status.into(),
                submitted_at,
                reviewed_at,
            },
        )
        .collect())
}

/// One hand-in, whoever made it.
pub fn submission(conn: &mut DbConn, id: HandInId) -> Result<Option<Submission>, DbError> {
    Ok(task_submissions::table
        .find(id.0)
        .select(Submission::as_select())
        .first(conn)
        .optional()?)
}

/// The file of a hand-in: (name, type, bytes).
pub fn file(conn: &mut DbConn, id: HandInId) -> Result<Option<(String, String, Vec<u8>)>, DbError> {
    type Stored = (Option<String>, Option<String>, Option<Vec<u8>>);
    let row: Option<Stored> = task_submissions::table
        .find(id.0)
        .select((
            task_submissions::file_name,
            task_submissions::file_type,
            task_submissions::file,
        ))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((Some(name), Some(kind), Some(bytes))) => Some((name, kind, bytes)),
        _ => None,
    })
}

/// The organisations a person belongs to, as paths (for the policy's
/// "is this learner in my scope?").
pub fn paths_of(conn: &mut DbConn, user: UserId) -> Result<Vec<OrgPath>, DbError> {
    let paths: Vec<String> = memberships::table
        .inner_join(orgs::table)
        .filter(memberships::user_id.eq(user.0))
        .select(orgs::path)
        .distinct()
        .load(conn)?;
    Ok(paths.iter().filter_map(|p| OrgPath::parse(p)).collect())
}

/// A hand-in waiting for review, with who made it.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub submission: Submission,
    pub learner: String,
}

/// Most hand-ins one queue shows.
pub const QUEUE_LIMIT: i64 = 100;

/// Hand-ins `reviewer` may review (`Actor::reviews_work_of`): waiting, by
/// learners who belong inside the reviewer's review scopes, never the
/// reviewer's own; oldest first, at most [`QUEUE_LIMIT`].
pub fn waiting_for(conn: &mut DbConn, reviewer: &Actor) -> Result<Vec<Waiting>, DbError> {
    let mut all: Vec<Waiting> = Vec::new();
    for scope in &reviewer.review_scopes() {
        let rows: Vec<(Submission, String)> = task_submissions::table
            .inner_join(users::table.on(users::id.eq(task_submissions::user_id)))
            .filter(task_submissions::status.eq(SubmissionStatus::Submitted.as_str()))
            .filter(task_submissions::user_id.ne(reviewer.user_id.0))
            .filter(diesel::dsl::exists(
                memberships::table
                    .inner_join(orgs::table)
                    .filter(memberships::user_id.eq(task_submissions::user_id))
                    .filter(orgs::path.ge(scope.as_str()))
                    .filter(orgs::path.lt(scope.subtree_end())),
            ))
            .order((task_submissions::submitted_at, task_submissions::id))
            .limit(QUEUE_LIMIT)
            .select((Submission::as_select(), users::display_name))
            .load(conn)?;
        for (submission, learner) in rows {
            if !all.iter().any(|w| w.submission.id == submission.id) {
                all.push(Waiting {
                    submission,
                    learner,
                });
            }
        }
    }
    all.sort_by_key(|w| (w.submission.submitted_at, w.submission.id));
    all.truncate(QUEUE_LIMIT as usize);
    Ok(all)
}

/// The reviewed hand-ins (returned or accepted) of these learners, newest
/// first: what the queue shows beside a new hand-in of the same task.
pub fn reviewed_of(conn: &mut DbConn, learners: &[UserId]) -> Result<Vec<Submission>, DbError> {
    let ids: Vec<i64> = learners.iter().map(|u| u.0).collect();
    Ok(task_submissions::table
        .filter(task_submissions::user_id.eq_any(ids))
        .filter(task_submissions::status.ne(SubmissionStatus::Submitted.as_str()))
        .order(task_submissions::id.desc())
        .select(Submission::as_select())
        .load(conn)?)
}

/// Records a facilitator's review of a waiting hand-in, and — when it is
/// accepted — finishes the learner's lesson if that was the last thing to
/// do. The learner is told (and of the course it completed), emails'
/// links made with `base`. `events.done` is the "reviewed" statement (the learner its actor,
/// the reviewer its instructor); the completions are the learner's. `NotFound` if the hand-in is not waiting.
#[allow(clippy::too_many_arguments)]
pub fn review(
    conn: &mut DbConn,
    id: HandInId,
    content: &Course,
    review: &Review,
    reviewer: UserId,
    events: &Events<'_>,
    base: &str,
    now: Timestamp,
) -> Result<(Submission, Option<Finished>), DbError> {
    let s = submission(conn, id)?
        .filter(|s| s.status == SubmissionStatus::Submitted)
        .ok_or(DbError::NotFound)?;
    let status = if review.accepted {
        SubmissionStatus::Accepted
    } else {
        SubmissionStatus::Returned
    };
    diesel::update(task_submissions::table.find(id.0))
        .set((
            task_submissions::status.eq(status.as_str()),
            task_submissions::criteria_met.eq(review.met.join(" ")),
            task_submissions::review_comment.eq(&review.comment),
            task_submissions::reviewer_id.eq(reviewer.0),
            task_submissions::reviewed_at.eq(now.micros()),
        ))
        .execute(conn)?;
    record(conn, events.done, Some(s.course_id))?;
    let finished = if review.accepted {
        learning::finish_if_done(
            conn,
            s.user_id,
            s.course_id,
            content,
            &s.lesson_key,
            events.lesson_done,
            events.course_done,
            now,
        )?
    } else {
        None
    };
    let lesson = content
        .lessons()
        .find(|l| l.key == s.lesson_key)
        .map_or(s.lesson_key.as_str(), |l| l.title.as_str());
    let subject = format!("{} · {lesson}", content.title);
    let link = paths::lesson(&content.slug, &s.lesson_key);
    let kind = if review.accepted {
        NotificationKind::TaskAccepted
    } else {
        NotificationKind::TaskReturned
    };
    let mut n = Notice {
        user: s.user_id,
        kind,
        actor: reviewer,
        subject: &subject,
        link: &link,
        extra_link: None,
    };
    notices::tell(conn, &n, base, now)?;
    if let Some(f) = finished.as_ref().filter(|f| f.course) {
        let certificate = f.certificate.as_deref().map(paths::certificate);
        let course = paths::course(&content.slug);
        n.kind = NotificationKind::CourseCompleted;
        n.subject = &content.title;
        n.link = &course;
        n.extra_link = certificate.as_deref();
        notices::tell(conn, &n, base, now)?;
    }
    Ok((s, finished))
}
