//! Learning: enrolments (pinned to a course version), lessons finished,
//! course completion, and the learning record — every event as an xAPI
//! statement, written in the same transaction as the change it records.
//!
//! Statements are built by the caller (which knows the deployment's URLs);
//! this module decides which of them happened and stores those.

use crate::courses::CourseRow;
use crate::ids::Id;
use crate::schema::{courses, enrolments, learning_records, lesson_progress};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::course::task::SubmissionStatus;
use lyceum_domain::course::{ActivityKind, Course, Lesson};
use lyceum_domain::xapi::{self, Statement};
use lyceum_domain::{CourseId, Timestamp, UserId};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = enrolments)]
pub struct Enrolment {
    #[diesel(deserialize_as = Id<UserId>)]
    pub user_id: UserId,
    #[diesel(deserialize_as = Id<CourseId>)]
    pub course_id: CourseId,
    pub version: i32,
    pub enrolled_at: i64,
    pub completed_at: Option<i64>,
    pub last_lesson_key: Option<String>,
    pub updated_at: i64,
}

/// Stores one statement. A statement about a course the person is enrolled
/// in gets that enrolment's `context.registration` here, where the
/// enrolment row is at hand; every statement is checked against xAPI 1.0.3
/// first, and one that breaks a rule is an error (a bug of ours, never
/// stored).
pub fn record(conn: &mut DbConn, s: &Statement, course: Option<CourseId>) -> Result<(), DbError> {
    let mut s = s.clone();
    if let Some(course) = course
        && let Some(e) = enrolment(conn, UserId(s.user), course)?
    {
        s.registration = Some(xapi::registration(
            e.user_id.0,
            e.course_id.0,
            Timestamp::from_micros(e.enrolled_at),
        ));
    }
    let json = s.to_json();
    let problems = xapi::validate(&json);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(DbError::Corrupt(format!(
            "xAPI statement {} breaks {}",
            s.id,
            list.join(", ")
        )));
    }
    diesel::insert_into(learning_records::table)
        .values((
            learning_records::id.eq(&s.id),
            learning_records::user_id.eq(s.user),
            learning_records::verb.eq(s.verb.as_str()),
            learning_records::object_id.eq(&s.object.id),
            learning_records::course_id.eq(course.map(|c| c.0)),
            learning_records::stored_at.eq(s.timestamp.micros()),
            learning_records::statement.eq(json.to_string()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn enrolment(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
) -> Result<Option<Enrolment>, DbError> {
    Ok(enrolments::table
        .find((user.0, course.0))
        .select(Enrolment::as_select())
        .first(conn)
        .optional()?)
}

/// Enrols the person in the version learners start now, and records it.
/// Enrolling again changes nothing. True if they were enrolled now.
pub fn enrol(
    conn: &mut DbConn,
    user: UserId,
    course: &CourseRow,
    registered: &Statement,
    now: Timestamp,
) -> Result<bool, DbError> {
    if enrolment(conn, user, course.id)?.is_some() {
        return Ok(false);
    }
    diesel::insert_into(enrolments::table)
        .values((
            enrolments::user_id.eq(user.0),
            enrolments::course_id.eq(course.id.0),
            enrolments::version.eq(course.version),
            enrolments::enrolled_at.eq(now.micros()),
            enrolments::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    record(conn, registered, Some(course.id))?;
    Ok(true)
}

/// The lessons of a course this person has finished.
pub fn done(conn: &mut DbConn, user: UserId, course: CourseId) -> Result<HashSet<String>, DbError> {
    Ok(lesson_progress::table
        .filter(lesson_progress::user_id.eq(user.0))
        .filter(lesson_progress::course_id.eq(course.0))
        .select(lesson_progress::lesson_key)
        .load::<String>(conn)?
        .into_iter()
        .collect())
}

/// What finishing a lesson did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    /// False if the lesson was finished before (nothing recorded again).
    pub lesson: bool,
    /// The course was completed by this lesson.
    pub course: bool,
    /// The certificate that completion issued.
    pub certificate: Option<String>,
}

/// Marks a lesson of the learner's version finished, and the course
/// completed when every lesson of that version is (which earns its PD hours
/// and a certificate: see `credit::on_completion`). `lesson_done` and
/// `course_done` are the statements for each, recorded only if it happened.
/// Refused (`NotFound`) if the person is not enrolled or the lesson is not
/// in their version.
#[allow(clippy::too_many_arguments)]
pub fn finish_lesson(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
    version: &Course,
    key: &str,
    lesson_done: &Statement,
    course_done: &Statement,
    now: Timestamp,
) -> Result<Finished, DbError> {
    let e = enrolment(conn, user, course)?.ok_or(DbError::NotFound)?;
    if !version.lessons().any(|l| l.key == key) {
        return Err(DbError::NotFound);
    }
    let mut done = done(conn, user, course)?;
    let lesson = !done.contains(key);
    if lesson {
        diesel::insert_into(lesson_progress::table)
            .values((
                lesson_progress::user_id.eq(user.0),
                lesson_progress::course_id.eq(course.0),
                lesson_progress::lesson_key.eq(key),
                lesson_progress::completed_at.eq(now.micros()),
            ))
            .execute(conn)?;
        record(conn, lesson_done, Some(course))?;
        done.insert(key.to_string());
    }
    diesel::update(enrolments::table.find((user.0, course.0)))
        .set((
            enrolments::last_lesson_key.eq(key),
            enrolments::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    let completed = complete_if_all_done(conn, &e, version, &done, course_done, now)?;
    Ok(Finished {
        lesson,
        course: completed.is_some(),
        certificate: completed.flatten(),
    })
}

/// Completes the enrolment if every lesson of its version (`content`) is in
/// `done` and it was not complete yet: records `course_done`, counts the
/// completion, and earns the hours and the certificate — unless the person
/// completed the course in its other language, which earned them already
/// (credit is once per course, whatever the language). None: not completed
/// now; else the certificate's code, if one was issued.
fn complete_if_all_done(
    conn: &mut DbConn,
    e: &Enrolment,
    content: &Course,
    done: &HashSet<String>,
    course_done: &Statement,
    now: Timestamp,
) -> Result<Option<Option<String>>, DbError> {
    if e.completed_at.is_some() || !content.lessons().all(|l| done.contains(&l.key)) {
        return Ok(None);
    }
    let (user, course) = (e.user_id, e.course_id);
    let credited = completed_in_other_language(conn, user, course)?;
    diesel::update(enrolments::table.find((user.0, course.0)))
        .set(enrolments::completed_at.eq(now.micros()))
        .execute(conn)?;
    record(conn, course_done, Some(course))?;
    crate::courses::count_completion(conn, course)?;
    // A cohort run of the course may need it completed for its credit.
    crate::workshops::attendance::on_course_completed(conn, user, course, now)?;
    if credited {
        return Ok(Some(None));
    }
    Ok(Some(Some(crate::credit::on_completion(
        conn, user, course, e.version, content, now,
    )?)))
}

/// Has the person completed `course` in its other language? Both languages'
/// completions first write the same row — the person's enrolment in the
/// lower course id of the two — so on PostgreSQL the second waits for the
/// first to commit and then sees it (SQLite writes one at a time anyway).
fn completed_in_other_language(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
) -> Result<bool, DbError> {
    let Some(other) = crate::courses::translation(conn, course)? else {
        return Ok(false);
    };
    diesel::update(enrolments::table.find((user.0, course.min(other.id).0)))
        .set(enrolments::updated_at.eq(enrolments::updated_at))
        .execute(conn)?;
    Ok(enrolments::table
        .find((user.0, other.id.0))
        .select(enrolments::completed_at)
        .first::<Option<i64>>(conn)
        .optional()?
        .flatten()
        .is_some())
}

/// Switches a learner to the course's other language, `to` (content: the
/// version they follow there — the current one if not enrolled yet):
/// enrols them there if they are not (recording `registered`), and carries
/// over, lesson by corresponding lesson (by position:
/// `course::translation::corresponding_lessons`), what they did in `from`:
/// their quiz attempts ([`carry_attempts`]), their reflection
/// ([`carry_reflection`]) and the lesson finished — recorded as completed
/// in this enrolment by `lesson_done[key]` (a statement for each lesson of
/// `to_content`, by key), so the learning record of the new enrolment
/// holds every lesson it counts as finished. If that finishes every lesson
/// the course completes, earning nothing the other language earned
/// already. `NotFound` if not enrolled in `from`.
#[allow(clippy::too_many_arguments)]
pub fn switch_language(
    conn: &mut DbConn,
    user: UserId,
    from: (CourseId, &Course),
    to: &CourseRow,
    to_content: &Course,
    registered: &Statement,
    lesson_done: &HashMap<String, Statement>,
    course_done: &Statement,
    now: Timestamp,
) -> Result<Finished, DbError> {
    let (from_id, from_content) = from;
    enrolment(conn, user, from_id)?.ok_or(DbError::NotFound)?;
    if enrolment(conn, user, to.id)?.is_none() {
        enrol(conn, user, to, registered, now)?;
    }
    let e = enrolment(conn, user, to.id)?.ok_or(DbError::NotFound)?;
    let finished_there = done(conn, user, from_id)?;
    let mut here = done(conn, user, to.id)?;
    let mut carried = false;
    for (a, b) in
        lyceum_domain::course::translation::corresponding_lessons(from_content, to_content)
    {
        carry_attempts(conn, user, (from_id, a), (to.id, e.version, b))?;
        if a.reflection.is_some() && b.reflection.is_some() {
            carry_reflection(conn, user, (from_id, &a.key), (to.id, &b.key))?;
        }
        if finished_there.contains(&a.key) && !here.contains(&b.key) {
            diesel::insert_into(lesson_progress::table)
                .values((
                    lesson_progress::user_id.eq(user.0),
                    lesson_progress::course_id.eq(to.id.0),
                    lesson_progress::lesson_key.eq(&b.key),
                    lesson_progress::completed_at.eq(now.micros()),
                ))
                .execute(conn)?;
            let statement = lesson_done.get(&b.key).ok_or_else(|| {
                DbError::Corrupt(format!("no statement for carried lesson {}", b.key))
            })?;
            record(conn, statement, Some(to.id))?;
            here.insert(b.key.clone());
            carried = true;
        }
    }
    let completed = complete_if_all_done(conn, &e, to_content, &here, course_done, now)?;
    Ok(Finished {
        lesson: carried,
        course: completed.is_some(),
        certificate: completed.flatten(),
    })
}

/// Copies the learner's attempts at lesson `a`'s quiz in course `from` to
/// the corresponding lesson `b` of course `to` (followed at the version
/// given), each attempt once: a copy keeps its original's instant, score
/// and outcome, names the attempt first made in `carried_from` (so going
/// back and forth copies nothing twice), takes the next number there (so
/// attempts count against the quiz's limit in either language), and holds
/// the original's answers moved to `b`'s quiz by position
/// (`translation::corresponding_answers`), so its marking shows there.
fn carry_attempts(
    conn: &mut DbConn,
    user: UserId,
    from: (CourseId, &Lesson),
    to: (CourseId, i32, &Lesson),
) -> Result<(), DbError> {
    use crate::schema::quiz_attempts as qa;
    use lyceum_domain::course::translation::corresponding_answers;
    let ((CourseId(from_id), a), (CourseId(to_id), version, b)) = (from, to);
    let (Some(from_quiz), Some(to_quiz)) = (&a.quiz, &b.quiz) else {
        return Ok(());
    };
    let theirs: Vec<(i64, Option<i64>, String, i32, bool, i64)> = qa::table
        .filter(qa::user_id.eq(user.0))
        .filter(qa::course_id.eq(from_id))
        .filter(qa::lesson_key.eq(&a.key))
        .order(qa::attempt)
        .select((
            qa::id,
            qa::carried_from,
            qa::answers,
            qa::score,
            qa::passed,
            qa::created_at,
        ))
        .load(conn)?;
    if theirs.is_empty() {
        return Ok(());
    }
    let here: Vec<(i64, Option<i64>, i32)> = qa::table
        .filter(qa::user_id.eq(user.0))
        .filter(qa::course_id.eq(to_id))
        .filter(qa::lesson_key.eq(&b.key))
        .select((qa::id, qa::carried_from, qa::attempt))
        .load(conn)?;
    let mut have: HashSet<i64> = here.iter().map(|(id, f, _)| f.unwrap_or(*id)).collect();
    let mut number = here.iter().map(|(_, _, n)| *n).max().unwrap_or(0);
    for (id, carried_from, answers, score, passed, created_at) in theirs {
        let first = carried_from.unwrap_or(id);
        if !have.insert(first) {
            continue;
        }
        let picked: HashMap<String, Vec<String>> = serde_json::from_str(&answers)
            .map_err(|e| DbError::Corrupt(format!("quiz attempt {id}'s answers: {e}")))?;
        let moved = serde_json::to_string(&corresponding_answers(from_quiz, to_quiz, &picked))
            .map_err(|e| DbError::Corrupt(format!("quiz attempt {id}'s answers: {e}")))?;
        number += 1;
        diesel::insert_into(qa::table)
            .values((
                qa::user_id.eq(user.0),
                qa::course_id.eq(to_id),
                qa::version.eq(version),
                qa::lesson_key.eq(&b.key),
                qa::attempt.eq(number),
                qa::answers.eq(moved),
                qa::score.eq(score),
                qa::passed.eq(passed),
                qa::created_at.eq(created_at),
                qa::carried_from.eq(Some(first)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Carries the learner's reflection on lesson `a` of course `from` to
/// lesson `b` of course `to` when it is newer than the one there (or there
/// is none): both languages show the text they wrote last.
fn carry_reflection(
    conn: &mut DbConn,
    user: UserId,
    from: (CourseId, &str),
    to: (CourseId, &str),
) -> Result<(), DbError> {
    use crate::schema::reflections as r;
    let (from, to) = ((from.0.0, from.1), (to.0.0, to.1));
    let Some((body, created_at, updated_at)) = r::table
        .find((user.0, from.0, from.1))
        .select((r::body, r::created_at, r::updated_at))
        .first::<(String, i64, i64)>(conn)
        .optional()?
    else {
        return Ok(());
    };
    let here: Option<i64> = r::table
        .find((user.0, to.0, to.1))
        .select(r::updated_at)
        .first(conn)
        .optional()?;
    match here {
        Some(at) if at >= updated_at => {}
        Some(_) => {
            diesel::update(r::table.find((user.0, to.0, to.1)))
                .set((r::body.eq(&body), r::updated_at.eq(updated_at)))
                .execute(conn)?;
        }
        None => {
            diesel::insert_into(r::table)
                .values((
                    r::user_id.eq(user.0),
                    r::course_id.eq(to.0),
                    r::lesson_key.eq(to.1),
                    r::body.eq(&body),
                    r::created_at.eq(created_at),
                    r::updated_at.eq(updated_at),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// Moves a learner who has not completed the course onto the version
/// learners start now (`current`, the content of `row.version`). Lessons
/// they finished keep counting where the new version has them (lesson keys
/// are stable); if that finishes every lesson, the course completes.
/// `NotFound` if not enrolled; nothing changes if they are on it already
/// or completed their version. Returns the completion, if any.
pub fn move_to_current(
    conn: &mut DbConn,
    user: UserId,
    row: &CourseRow,
    current: &Course,
    course_done: &Statement,
    now: Timestamp,
) -> Result<Finished, DbError> {
    let mut e = enrolment(conn, user, row.id)?.ok_or(DbError::NotFound)?;
    let unchanged = Finished {
        lesson: false,
        course: false,
        certificate: None,
    };
    if e.version >= row.version || e.completed_at.is_some() {
        return Ok(unchanged);
    }
    diesel::update(enrolments::table.find((user.0, row.id.0)))
        .set((
            enrolments::version.eq(row.version),
            enrolments::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    e.version = row.version;
    let done = done(conn, user, row.id)?;
    let completed = complete_if_all_done(conn, &e, current, &done, course_done, now)?;
    Ok(Finished {
        course: completed.is_some(),
        certificate: completed.flatten(),
        ..unchanged
    })
}

/// Are a lesson's activities done — quiz passed, reflection written, task
/// accepted? (Reading is done by the learner finishing the lesson.)
pub fn activities_done(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
    lesson: &Lesson,
) -> Result<bool, DbError> {
    use crate::schema::{quiz_attempts as qa, reflections as r, task_submissions as ts};
    use diesel::dsl::exists;
    for kind in &lesson.activities {
        let done: bool = match kind {
            ActivityKind::Reading => true,
            ActivityKind::Quiz => diesel::select(exists(
                qa::table
                    .filter(qa::user_id.eq(user.0))
                    .filter(qa::course_id.eq(course.0))
                    .filter(qa::lesson_key.eq(&lesson.key))
                    .filter(qa::passed.eq(true)),
            ))
            .get_result(conn)?,
            ActivityKind::Reflection => {
                diesel::select(exists(r::table.find((user.0, course.0, &lesson.key))))
                    .get_result(conn)?
            }
            ActivityKind::Task => diesel::select(exists(
                ts::table
                    .filter(ts::user_id.eq(user.0))
                    .filter(ts::course_id.eq(course.0))
                    .filter(ts::lesson_key.eq(&lesson.key))
                    .filter(ts::status.eq(SubmissionStatus::Accepted.as_str())),
            ))
            .get_result(conn)?,
        };
        if !done {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Finishes the lesson (see [`finish_lesson`]) if its activities are all
/// done now; None if some are not.
#[allow(clippy::too_many_arguments)]
pub fn finish_if_done(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
    content: &Course,
    key: &str,
    lesson_done: &Statement,
    course_done: &Statement,
    now: Timestamp,
) -> Result<Option<Finished>, DbError> {
    let lesson = content
        .lessons()
        .find(|l| l.key == key)
        .ok_or(DbError::NotFound)?;
    if !activities_done(conn, user, course, lesson)? {
        return Ok(None);
    }
    finish_lesson(
        conn,
        user,
        course,
        content,
        key,
        lesson_done,
        course_done,
        now,
    )
    .map(Some)
}

/// The courses a person is enrolled in, most recently active first.
pub fn courses_of(conn: &mut DbConn, user: UserId) -> Result<Vec<(CourseRow, Enrolment)>, DbError> {
    Ok(enrolments::table
        .inner_join(courses::table)
        .filter(enrolments::user_id.eq(user.0))
        .order(enrolments::updated_at.desc())
        .select((CourseRow::as_select(), Enrolment::as_select()))
        .load(conn)?)
}

/// How far a person is in one course they follow, and what of theirs waits.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct Progress {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub course_id: i64,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub slug: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub language: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub title: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub pd_quarter_hours: i32,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
    pub completed_at: Option<i64>,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub updated_at: i64,
    /// Lessons in the version they follow.
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub lessons: i64,
    /// Of those, the ones they finished.
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub done: i64,
    /// The first lesson not finished yet, in the course's order: (key, title).
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    pub next_key: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    pub next_title: Option<String>,
    /// Their hand-ins waiting for a facilitator.
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub waiting: i64,
    /// Tasks whose latest hand-in was sent back.
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub returned: i64,
}

impl Progress {
    pub fn lang(&self) -> lyceum_domain::i18n::Lang {
        lyceum_domain::i18n::Lang::parse(&self.language).unwrap_or(lyceum_domain::i18n::Lang::En)
    }

    /// The lesson they are on, counting from 1 (the last one once all are done).
    pub fn on_lesson(&self) -> i64 {
        (self.done + 1).min(self.lessons)
    }

    /// Finished, in whole percent.
    pub fn percent(&self) -> i64 {
        if self.lessons == 0 {
            0
        } else {
            self.done * 100 / self.lessons
        }
    }
}

/// The courses a person follows, most recently active first, each with how
/// far they are and their hand-ins waiting or sent back — in one statement
/// (one round trip on PostgreSQL), as the home and "My learning" read it.
pub fn progress_of(conn: &mut DbConn, user: UserId) -> Result<Vec<Progress>, DbError> {
    // `$1` is one parameter on both backends (SQLite numbers a repeated
    // named parameter once).
    let in_version = "l.course_id = e.course_id AND l.version = e.version";
    let finished = "SELECT 1 FROM lesson_progress p WHERE p.user_id = e.user_id \
                    AND p.course_id = e.course_id AND p.lesson_key = l.key";
    let next = |column: &str| {
        format!(
            "(SELECT l.{column} FROM lessons l WHERE {in_version} AND NOT EXISTS ({finished}) \
             ORDER BY l.module_position, l.position LIMIT 1)"
        )
    };
    let sql = format!(
        "SELECT c.id AS course_id, c.slug, c.language, c.title, c.pd_quarter_hours, \
         e.completed_at, e.updated_at, \
         (SELECT COUNT(*) FROM lessons l WHERE {in_version}) AS lessons, \
         (SELECT COUNT(*) FROM lessons l WHERE {in_version} AND EXISTS ({finished})) AS done, \
         {next_key} AS next_key, {next_title} AS next_title, \
         (SELECT COUNT(*) FROM task_submissions t WHERE t.user_id = e.user_id \
          AND t.course_id = e.course_id AND t.status = '{submitted}') AS waiting, \
         (SELECT COUNT(*) FROM task_submissions t WHERE t.user_id = e.user_id \
          AND t.course_id = e.course_id AND t.status = '{returned}' \
          AND NOT EXISTS (SELECT 1 FROM task_submissions u WHERE u.user_id = t.user_id \
           AND u.course_id = t.course_id AND u.lesson_key = t.lesson_key AND u.id > t.id)) AS returned \
         FROM enrolments e JOIN courses c ON c.id = e.course_id \
         WHERE e.user_id = $1 ORDER BY e.updated_at DESC, c.id",
        next_key = next("key"),
        next_title = next("title"),
        submitted = SubmissionStatus::Submitted.as_str(),
        returned = SubmissionStatus::Returned.as_str(),
    );
    Ok(crate::on_backend!(conn, |c| diesel::sql_query(
        sql.as_str()
    )
    .bind::<diesel::sql_types::BigInt, _>(user.0)
    .load(c))?)
}

/// A person's statements, oldest first (the learning record, for tests and
/// for the LRS to come): (verb, object id, statement JSON), each with its
/// enrolment's registration ([`with_registration`]).
pub fn statements_of(
    conn: &mut DbConn,
    user: UserId,
) -> Result<Vec<(String, String, String)>, DbError> {
    type Stored = (String, String, String, Option<i64>, i64, Option<i64>);
    let rows: Vec<Stored> = learning_records::table
        .left_join(
            enrolments::table.on(enrolments::user_id.eq(learning_records::user_id).and(
                enrolments::course_id
                    .nullable()
                    .eq(learning_records::course_id),
            )),
        )
        .filter(learning_records::user_id.eq(user.0))
        .order((learning_records::stored_at, learning_records::id))
        .select((
            learning_records::verb,
            learning_records::object_id,
            learning_records::statement,
            learning_records::course_id,
            learning_records::stored_at,
            enrolments::enrolled_at.nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(verb, object, statement, course, stored_at, enrolled_at)| {
                let statement = with_registration(statement, user, course, stored_at, enrolled_at);
                (verb, object, statement)
            },
        )
        .collect())
}

/// A stored statement as it is read: statements stored before [`record`]
/// gave them `context.registration` (December 2026) get it here, where
/// they belong to an enrolment — about one of its learner's courses, stored
/// no earlier than they enrolled in it (`enrolled_at`). The registration
/// is derived from the enrolment row ([`xapi::registration`]), so it is the
/// one `record` gives their later statements. One stored before the
/// enrolment (of an earlier one, whose instant is gone) gets none.
pub fn with_registration(
    statement: String,
    user: UserId,
    course: Option<i64>,
    stored_at: i64,
    enrolled_at: Option<i64>,
) -> String {
    let (Some(course), Some(enrolled_at)) = (course, enrolled_at) else {
        return statement;
    };
    if stored_at < enrolled_at {
        return statement;
    }
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&statement) else {
        return statement;
    };
    let Some(context) = value.as_object_mut().and_then(|v| {
        v.entry("context")
            .or_insert_with(|| serde_json::json!({}))
            .as_object_mut()
    }) else {
        return statement;
    };
    if context.contains_key("registration") {
        return statement;
    }
    context.insert(
        "registration".into(),
        xapi::registration(user.0, course, Timestamp::from_micros(enrolled_at)).into(),
    );
    value.to_string()
}

/// A learner's attempts at a lesson's quiz: how many, and the latest's
/// answers (to show its marking again) — latest in time, as an attempt
/// carried from the course's other language keeps its instant.
pub fn attempts(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
    key: &str,
) -> Result<(i64, Option<String>), DbError> {
    use crate::schema::quiz_attempts as qa;
    let count = qa::table
        .filter(qa::user_id.eq(user.0))
        .filter(qa::course_id.eq(course.0))
        .filter(qa::lesson_key.eq(key))
        .count()
        .get_result(conn)?;
    let latest = qa::table
        .filter(qa::user_id.eq(user.0))
        .filter(qa::course_id.eq(course.0))
        .filter(qa::lesson_key.eq(key))
        .order((qa::created_at.desc(), qa::id.desc()))
        .select(qa::answers)
        .first(conn)
        .optional()?;
    Ok((count, latest))
}

/// One stored attempt at a lesson's quiz.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct AttemptRow {
    pub attempt: i32,
    pub version: i32,
    /// The answers as JSON: {"question": ["option", …]}.
    pub answers: String,
    pub score: i32,
    pub passed: bool,
    pub created_at: i64,
}

/// A learner's attempts at a lesson's quiz, first first.
pub fn attempt_history(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
    key: &str,
) -> Result<Vec<AttemptRow>, DbError> {
    use crate::schema::quiz_attempts as qa;
    Ok(qa::table
        .filter(qa::user_id.eq(user.0))
        .filter(qa::course_id.eq(course.0))
        .filter(qa::lesson_key.eq(key))
        .order(qa::attempt)
        .select((
            qa::attempt,
            qa::version,
            qa::answers,
            qa::score,
            qa::passed,
            qa::created_at,
        ))
        .load(conn)?)
}

/// One attempt at a quiz, already graded.
pub struct Attempt<'a> {
    pub key: &'a str,
    pub version: i32,
    /// The answers as JSON: {"question": ["option", …]}.
    pub answers: &'a str,
    pub score: u32,
    pub passed: bool,
    /// `passed` or `failed`, about the lesson.
    pub statement: &'a Statement,
    /// How many attempts the quiz allows, if it limits them.
    pub max_attempts: Option<u32>,
}

/// Stores an attempt and its statement. A passing one finishes the lesson
/// if its other activities are done too (see [`finish_if_done`], whose
/// statements are given too).
#[allow(clippy::too_many_arguments)]
pub fn record_attempt(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
    content: &Course,
    a: &Attempt<'_>,
    lesson_done: &Statement,
    course_done: &Statement,
    now: Timestamp,
) -> Result<Option<Finished>, DbError> {
    use crate::schema::quiz_attempts as qa;
    // The attempt's number is unique per learner and lesson: of two
    // attempts sent at once, on any servers, only one gets each number;
    // the other fails as a unique violation (the caller may try again).
    let (used, _) = attempts(conn, user, course, a.key)?;
    let number = used + 1;
    if a.max_attempts.is_some_and(|max| number > i64::from(max)) {
        return Err(DbError::invalid("quiz", "no-attempts-left"));
    }
    diesel::insert_into(qa::table)
        .values((
            qa::user_id.eq(user.0),
            qa::course_id.eq(course.0),
            qa::version.eq(a.version),
            qa::lesson_key.eq(a.key),
            qa::attempt.eq(i32::try_from(number).unwrap_or(i32::MAX)),
            qa::answers.eq(a.answers),
            qa::score.eq(i32::try_from(a.score).unwrap_or(0)),
            qa::passed.eq(a.passed),
            qa::created_at.eq(now.micros()),
        ))
        .execute(conn)?;
    record(conn, a.statement, Some(course))?;
    if a.passed {
        finish_if_done(
            conn,
            user,
            course,
            content,
            a.key,
            lesson_done,
            course_done,
            now,
        )
    } else {
        Ok(None)
    }
}
