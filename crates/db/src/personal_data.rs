//! Everything Lyceum holds about one person, read for their export: one
//! JSON value per area (see `lyceum_domain::personal_data`) and the list of
//! their stored files, whose bytes are read one at a time by [`file_bytes`]
//! so that the export never holds them all.
//!
//! Other people appear only as far as the person already sees them in the
//! app: by display name (a reviewer, whoever a notification is about),
//! never by email or id. Their tool reviews and the challenge reports they
//! filed (anonymous ones too: anonymity hides them from others, not from
//! themselves) are theirs; who triaged a report is not. What others did about the person (flags on their
//! posts, a moderator's identity) is not the person's data and stays out;
//! so do the decisions the person made about other people's work as a
//! reviewer or admin (comments on outside PD requests, hand-ins, drafts):
//! each is part of the other person's record and is in their export.

use crate::schema::{
    certificates, courses, enrolments, flags, learning_records, lesson_progress, notifications,
    orgs, pd_ledger, pd_requests, post_revisions, posts, quiz_attempts, reactions, reflections,
    self_assessments, space_follows, spaces, task_submissions, topics, users,
};
use crate::users::UserRow;
use crate::{DbConn, DbError, accounts, learning};
use diesel::prelude::*;
use lyceum_domain::personal_data::file_path;
use lyceum_domain::{Timestamp, UserId};
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};

/// Which table a stored file comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// Evidence sent with an outside PD request.
    Evidence,
    /// A file handed in for a practice task.
    HandIn,
}

impl FileKind {
    fn prefix(self) -> &'static str {
        match self {
            FileKind::Evidence => "evidence",
            FileKind::HandIn => "hand-in",
        }
    }
}

/// One stored file of the person's, and where it goes in the archive.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub kind: FileKind,
    pub id: i64,
    pub path: String,
}

/// The areas as JSON, in the order of `lyceum_domain::personal_data::AREAS`,
/// and the files to add.
pub struct PersonalData {
    pub areas: Vec<(&'static str, Value)>,
    pub files: Vec<StoredFile>,
}

fn ts(t: i64) -> String {
    Timestamp::from_micros(t).to_rfc3339()
}

fn ts_opt(t: Option<i64>) -> Option<String> {
    t.map(ts)
}

fn parsed(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_string()))
}

/// Reads it all. Files are listed, not read.
pub fn gather(conn: &mut DbConn, user: &UserRow, now: Timestamp) -> Result<PersonalData, DbError> {
    let uid = user.id();
    let files = stored_files(conn, uid)?;
    let paths: HashMap<(FileKind, i64), String> = files
        .iter()
        .map(|f| ((f.kind, f.id), f.path.clone()))
        .collect();
    let account = accounts::export(conn, user, now)?;
    let learning = learning(conn, uid, &paths)?;
    let credit = credit(conn, uid, &paths)?;
    let community = community(conn, uid)?;
    let authoring = authoring(conn, uid)?;
    let trial_reports = trial_reports(conn, uid)?;
    // One's classroom practices (drafts included) and follows.
    let practice_library = serde_json::to_value(crate::library::practices::of_user(conn, uid)?)
        .map_err(|e| DbError::Corrupt(format!("practice export: {e}")))?;
    let resources = resources(conn, uid)?;
    let registry = registry(conn, uid)?;
    let radar = radar(conn, uid)?;
    Ok(PersonalData {
        areas: vec![
            ("account", account),
            ("learning", learning),
            ("credit", credit),
            ("community", community),
            ("authoring", authoring),
            ("trial-reports", trial_reports),
            ("practice-library", practice_library),
            ("resources", resources),
            ("registry", registry),
            ("radar", radar),
        ],
        files,
    })
}

/// The trial reports the person filed on classroom practices, as they
/// wrote them (their classroom as recorded, without the school's id).
fn trial_reports(conn: &mut DbConn, uid: UserId) -> Result<Value, DbError> {
    let rows = crate::library::trials::of_person(conn, uid)?;
    Ok(Value::Array(
        rows.into_iter()
            .map(|(title, r)| {
                let rep = &r.report;
                let e = &rep.evidence;
                json!({
                    "practice": title,
                    "practice_id": r.practice.0,
                    "version": r.version,
                    "subject": rep.context.subject.as_str(),
                    "grade_band": rep.context.grade_band.as_str(),
                    "locale": rep.context.locale.map(|l| l.as_str()),
                    "title_i": rep.context.title_i,
                    "students": rep.students,
                    "periods": rep.periods,
                    "fidelity": rep.fidelity.as_str(),
                    "happened": rep.happened,
                    "would_change": rep.would_change,
                    "use_again": rep.use_again,
                    "design": e.design.as_str(),
                    "controls_for_selection": e.controls_for_selection,
                    "sample_size": e.sample_size,
                    "comparison_size": e.comparison_size,
                    "sites": e.sites,
                    "measure": e.measure,
                    "effect_direction": e.effect_direction.map(|d| d.as_str()),
                    "effect_size_centi": e.effect_size_centi,
                    "significant": e.significant,
                    "filed_at": ts(r.created_at.micros()),
                    "updated_at": ts(r.updated_at.micros()),
                })
            })
            .collect(),
    ))
}

/// The resources the person added to the library, their ratings and
/// their comments.
fn resources(conn: &mut DbConn, uid: UserId) -> Result<Value, DbError> {
    let mine = crate::library::resources::of_user(conn, uid)?;
    Ok(json!({
        "added": mine.resources.iter().map(|r| json!({
            "id": r.id.0,
            "kind": r.kind.as_str(),
            "title": r.title,
            "description": r.description,
            "language": r.language.as_str(),
            "licence": r.licence.as_str(),
            "url": r.url,
            "file_id": r.file_id.map(|f| f.0),
        })).collect::<Vec<_>>(),
        "ratings": mine.ratings.iter().map(|(id, title, stars)| json!({
            "resource_id": id,
            "resource": title,
            "stars": stars,
        })).collect::<Vec<_>>(),
        "comments": mine.comments.iter().map(|(id, body, at)| json!({
            "resource_id": id,
            "body": body,
            "written_at": ts(*at),
        })).collect::<Vec<_>>(),
    }))
}

/// The person's reviews of AI tools, as they wrote them: each criterion's
/// rating and comment, by the criterion's code.
fn registry(conn: &mut DbConn, uid: UserId) -> Result<Value, DbError> {
    let reviews = crate::registry::reviews::of_user(conn, uid)?;
    Ok(json!({
        "tool_reviews": reviews.iter().map(|(tool, name, r)| json!({
            "tool": {"id": tool.0, "name": name},
            "ratings": r.review.ratings()
                .map(|(c, rating)| (c.as_str().to_string(), json!(rating.as_str())))
                .collect::<serde_json::Map<_, _>>(),
            "comments": r.review.comments()
                .map(|(c, text)| (c.as_str().to_string(), json!(text)))
                .collect::<serde_json::Map<_, _>>(),
            "written_at": ts(r.created_at),
            "updated_at": ts(r.updated_at),
        })).collect::<Vec<_>>(),
    }))
}

/// The challenge reports the person filed, anonymous ones included (they
/// are theirs: anonymity keeps their name from others, not from them),
/// with what became of each; never who triaged it.
fn radar(conn: &mut DbConn, uid: UserId) -> Result<Value, DbError> {
    // Every one of theirs: a person files a handful, never an unbounded list.
    let reports = crate::radar::mine(conn, uid, i64::MAX)?;
    let tools: Vec<lyceum_domain::ToolId> = reports
        .iter()
        .filter_map(|r| r.tool)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let tool_names: HashMap<lyceum_domain::ToolId, String> = crate::registry::by_ids(conn, &tools)?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    let mut reports = reports;
    reports.sort_by_key(|r| r.id.0);
    Ok(json!({
        "challenge_reports": reports.iter().map(|r| json!({
            "id": r.id.0,
            "category": r.category.as_str(),
            "severity": r.severity.as_str(),
            "tool": r.tool.map(|t| json!({"id": t.0, "name": tool_names.get(&t)})),
            "subject": r.subject.as_str(),
            "grade_band": r.grade_band.as_str(),
            "what_happened": r.happened,
            "what_they_tried": r.tried,
            "anonymous": matches!(r.by, crate::radar::Reporter::Anonymous),
            "status": r.status.as_str(),
            "merged_into": r.merged_into.map(|m| m.0),
            "month": r.month,
            "filed_at": ts(r.created_at.micros()),
            "updated_at": ts(r.updated_at.micros()),
        })).collect::<Vec<_>>(),
    }))
}

fn stored_files(conn: &mut DbConn, uid: UserId) -> Result<Vec<StoredFile>, DbError> {
    let evidence: Vec<(i64, Option<String>)> = pd_requests::table
        .filter(pd_requests::user_id.eq(uid.0))
        .filter(pd_requests::evidence.is_not_null())
        .order(pd_requests::id)
        .select((pd_requests::id, pd_requests::evidence_name))
        .load(conn)?;
    let hand_ins: Vec<(i64, Option<String>)> = task_submissions::table
        .filter(task_submissions::user_id.eq(uid.0))
        .filter(task_submissions::file.is_not_null())
        .order(task_submissions::id)
        .select((task_submissions::id, task_submissions::file_name))
        .load(conn)?;
    let file = |kind: FileKind, (id, name): (i64, Option<String>)| StoredFile {
        kind,
        id,
        path: file_path(kind.prefix(), id, name.as_deref().unwrap_or("")),
    };
    Ok(evidence
        .into_iter()
        .map(|r| file(FileKind::Evidence, r))
        .chain(hand_ins.into_iter().map(|r| file(FileKind::HandIn, r)))
        .collect())
}

/// The bytes of one of the person's files; `None` if it went meanwhile.
pub fn file_bytes(
    conn: &mut DbConn,
    user: UserId,
    file: &StoredFile,
) -> Result<Option<Vec<u8>>, DbError> {
    Ok(match file.kind {
        FileKind::Evidence => pd_requests::table
            .filter(pd_requests::id.eq(file.id))
            .filter(pd_requests::user_id.eq(user.0))
            .select(pd_requests::evidence)
            .first::<Option<Vec<u8>>>(conn)
            .optional()?
            .flatten(),
        FileKind::HandIn => task_submissions::table
            .filter(task_submissions::id.eq(file.id))
            .filter(task_submissions::user_id.eq(user.0))
            .select(task_submissions::file)
            .first::<Option<Vec<u8>>>(conn)
            .optional()?
            .flatten(),
    })
}

/// Courses by id as `{id, slug, title, language}`.
fn course_refs(
    conn: &mut DbConn,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, Value>, DbError> {
    let ids: Vec<i64> = ids
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let rows: Vec<(i64, String, String, String)> = courses::table
        .filter(courses::id.eq_any(&ids))
        .select((
            courses::id,
            courses::slug,
            courses::title,
            courses::language,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, slug, title, language)| {
            (
                id,
                json!({"id": id, "slug": slug, "title": title, "language": language}),
            )
        })
        .collect())
}

/// Display names by user id; a deleted account has none (null).
fn names(
    conn: &mut DbConn,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, String>, DbError> {
    let ids: Vec<i64> = ids
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let rows: Vec<(i64, String)> = users::table
        .filter(users::id.eq_any(&ids))
        .filter(users::deleted_at.is_null())
        .select((users::id, users::display_name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

type Paths = HashMap<(FileKind, i64), String>;

fn learning(conn: &mut DbConn, uid: UserId, paths: &Paths) -> Result<Value, DbError> {
    type Enrolment = (i64, i32, i64, Option<i64>, Option<String>);
    let enrolled: Vec<Enrolment> = enrolments::table
        .filter(enrolments::user_id.eq(uid.0))
        .order(enrolments::enrolled_at)
        .select((
            enrolments::course_id,
            enrolments::version,
            enrolments::enrolled_at,
            enrolments::completed_at,
            enrolments::last_lesson_key,
        ))
        .load(conn)?;
    let progress: Vec<(i64, String, i64)> = lesson_progress::table
        .filter(lesson_progress::user_id.eq(uid.0))
        .order(lesson_progress::completed_at)
        .select((
            lesson_progress::course_id,
            lesson_progress::lesson_key,
            lesson_progress::completed_at,
        ))
        .load(conn)?;
    type Attempt = (i64, i32, String, i32, String, i32, bool, i64);
    let attempts: Vec<Attempt> = quiz_attempts::table
        .filter(quiz_attempts::user_id.eq(uid.0))
        .order(quiz_attempts::id)
        .select((
            quiz_attempts::course_id,
            quiz_attempts::version,
            quiz_attempts::lesson_key,
            quiz_attempts::attempt,
            quiz_attempts::answers,
            quiz_attempts::score,
            quiz_attempts::passed,
            quiz_attempts::created_at,
        ))
        .load(conn)?;
    let written: Vec<(i64, String, String, i64, i64)> = reflections::table
        .filter(reflections::user_id.eq(uid.0))
        .order(reflections::created_at)
        .select((
            reflections::course_id,
            reflections::lesson_key,
            reflections::body,
            reflections::created_at,
            reflections::updated_at,
        ))
        .load(conn)?;
    type HandIn = (
        i64,
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<i64>,
        Option<i64>,
        i64,
    );
    let handed_in: Vec<HandIn> = task_submissions::table
        .filter(task_submissions::user_id.eq(uid.0))
        .order(task_submissions::id)
        .select((
            task_submissions::id,
            task_submissions::course_id,
            task_submissions::lesson_key,
            task_submissions::artefact_kind,
            task_submissions::artefact_text,
            task_submissions::file_name,
            task_submissions::status,
            task_submissions::criteria_met,
            task_submissions::review_comment,
            task_submissions::reviewer_id,
            task_submissions::reviewed_at,
            task_submissions::submitted_at,
        ))
        .load(conn)?;
    let assessed: Vec<(String, String, String, i64)> = self_assessments::table
        .filter(self_assessments::user_id.eq(uid.0))
        .order(self_assessments::aspect_id)
        .select((
            self_assessments::framework_id,
            self_assessments::aspect_id,
            self_assessments::level_key,
            self_assessments::updated_at,
        ))
        .load(conn)?;
    let records: Vec<(String, Option<i64>, i64)> = learning_records::table
        .filter(learning_records::user_id.eq(uid.0))
        .order(learning_records::stored_at)
        .select((
            learning_records::statement,
            learning_records::course_id,
            learning_records::stored_at,
        ))
        .load(conn)?;
    let enrolled_at: HashMap<i64, i64> = enrolled.iter().map(|e| (e.0, e.2)).collect();

    let course_ids = enrolled
        .iter()
        .map(|e| e.0)
        .chain(attempts.iter().map(|a| a.0))
        .chain(written.iter().map(|r| r.0))
        .chain(handed_in.iter().map(|h| h.1));
    let courses = course_refs(conn, course_ids)?;
    let course = |id: i64| courses.get(&id).cloned().unwrap_or(json!({"id": id}));
    let reviewers = names(conn, handed_in.iter().filter_map(|h| h.9))?;

    Ok(json!({
        "enrolments": enrolled.iter().map(|(c, version, at, done, last)| json!({
            "course": course(*c),
            "version": version,
            "enrolled_at": ts(*at),
            "completed_at": ts_opt(*done),
            "last_lesson": last,
            "lessons_completed": progress.iter().filter(|p| p.0 == *c)
                .map(|(_, key, at)| json!({"lesson": key, "completed_at": ts(*at)}))
                .collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "quiz_attempts": attempts.iter().map(|(c, version, key, n, answers, score, passed, at)| json!({
            "course": course(*c),
            "version": version,
            "lesson": key,
            "attempt": n,
            "answers": parsed(answers),
            "score": score,
            "passed": passed,
            "at": ts(*at),
        })).collect::<Vec<_>>(),
        "reflections": written.iter().map(|(c, key, body, at, updated)| json!({
            "course": course(*c),
            "lesson": key,
            "body": body,
            "written_at": ts(*at),
            "updated_at": ts(*updated),
        })).collect::<Vec<_>>(),
        "practice_hand_ins": handed_in.iter().map(|h| json!({
            "course": course(h.1),
            "lesson": h.2,
            "kind": h.3,
            "text": h.4,
            "file_name": h.5,
            "file": paths.get(&(FileKind::HandIn, h.0)),
            "status": h.6,
            "review": h.10.map(|at| json!({
                "criteria_met": h.7.as_deref().map(parsed),
                "comment": h.8,
                "reviewer": h.9.and_then(|r| reviewers.get(&r)),
                "reviewed_at": ts(at),
            })),
            "handed_in_at": ts(h.11),
        })).collect::<Vec<_>>(),
        "self_assessment": assessed.iter().map(|(framework, aspect, level, at)| json!({
            "framework": framework,
            "aspect": aspect,
            "level": level,
            "updated_at": ts(*at),
        })).collect::<Vec<_>>(),
        "learning_records": records.into_iter().map(|(s, course, at)| {
            let enrolled = course.and_then(|c| enrolled_at.get(&c).copied());
            parsed(&learning::with_registration(s, uid, course, at, enrolled))
        }).collect::<Vec<_>>(),
    }))
}

fn credit(conn: &mut DbConn, uid: UserId, paths: &Paths) -> Result<Value, DbError> {
    let ledger: Vec<(String, Option<i64>, String, i32, i64, i32)> = pd_ledger::table
        .filter(pd_ledger::user_id.eq(uid.0))
        .order(pd_ledger::earned_at)
        .select((
            pd_ledger::source,
            pd_ledger::course_id,
            pd_ledger::title,
            pd_ledger::quarter_hours,
            pd_ledger::earned_at,
            pd_ledger::school_year,
        ))
        .load(conn)?;
    type Request = (
        i64,
        String,
        String,
        Option<String>,
        i32,
        i64,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
        Option<i64>,
        Option<i64>,
        i64,
    );
    let requests: Vec<Request> = pd_requests::table
        .inner_join(orgs::table.on(orgs::id.eq(pd_requests::org_id)))
        .filter(pd_requests::user_id.eq(uid.0))
        .order(pd_requests::id)
        .select((
            pd_requests::id,
            orgs::name,
            pd_requests::title,
            pd_requests::description,
            pd_requests::quarter_hours,
            pd_requests::completed_at,
            pd_requests::evidence_url,
            pd_requests::evidence_name,
            pd_requests::status,
            pd_requests::review_comment,
            pd_requests::reviewer_id,
            pd_requests::reviewed_at,
            pd_requests::created_at,
        ))
        .load(conn)?;
    type Certificate = (
        String,
        String,
        String,
        String,
        i32,
        i32,
        String,
        String,
        i64,
        Option<i64>,
        Option<i64>,
        Option<String>,
    );
    let certs: Vec<Certificate> = certificates::table
        .filter(certificates::user_id.eq(uid.0))
        .order(certificates::issued_at)
        .select((
            certificates::code,
            certificates::recipient_name,
            certificates::course_title,
            certificates::course_language,
            certificates::course_version,
            certificates::quarter_hours,
            certificates::competencies,
            certificates::issuer,
            certificates::issued_at,
            certificates::expires_at,
            certificates::revoked_at,
            certificates::revoked_reason,
        ))
        .load(conn)?;
    let courses = course_refs(conn, ledger.iter().filter_map(|l| l.1))?;
    let reviewers = names(conn, requests.iter().filter_map(|r| r.10))?;
    Ok(json!({
        "pd_ledger": ledger.iter().map(|(source, c, title, qh, at, year)| json!({
            "source": source,
            "course": c.map(|c| courses.get(&c).cloned().unwrap_or(json!({"id": c}))),
            "title": title,
            "hours": f64::from(*qh) / 4.0,
            "earned_at": ts(*at),
            "school_year": year,
        })).collect::<Vec<_>>(),
        "outside_pd_requests": requests.iter().map(|r| json!({
            "organisation": r.1,
            "title": r.2,
            "description": r.3,
            "hours": f64::from(r.4) / 4.0,
            "completed_at": ts(r.5),
            "evidence_url": r.6,
            "evidence_name": r.7,
            "evidence_file": paths.get(&(FileKind::Evidence, r.0)),
            "status": r.8,
            "review": r.11.map(|at| json!({
                "comment": r.9,
                "reviewer": r.10.and_then(|id| reviewers.get(&id)),
                "reviewed_at": ts(at),
            })),
            "sent_at": ts(r.12),
        })).collect::<Vec<_>>(),
        "certificates": certs.iter().map(|c| json!({
            "code": c.0,
            "recipient_name": c.1,
            "course_title": c.2,
            "course_language": c.3,
            "course_version": c.4,
            "hours": f64::from(c.5) / 4.0,
            "competencies": parsed(&c.6),
            "issuer": c.7,
            "issued_at": ts(c.8),
            "expires_at": ts_opt(c.9),
            "revoked_at": ts_opt(c.10),
            "revoked_reason": c.11,
        })).collect::<Vec<_>>(),
    }))
}

fn community(conn: &mut DbConn, uid: UserId) -> Result<Value, DbError> {
    let started: Vec<(i64, String, String, String, i64)> = topics::table
        .inner_join(spaces::table.on(spaces::id.eq(topics::space_id)))
        .filter(topics::author_id.eq(uid.0))
        .order(topics::id)
        .select((
            topics::id,
            spaces::title,
            topics::kind,
            topics::title,
            topics::created_at,
        ))
        .load(conn)?;
    type Post = (
        i64,
        i64,
        String,
        String,
        i64,
        Option<i64>,
        Option<i64>,
        Option<i64>,
    );
    let written: Vec<Post> = posts::table
        .inner_join(topics::table.on(topics::id.eq(posts::topic_id)))
        .filter(posts::author_id.eq(uid.0))
        .order(posts::id)
        .select((
            posts::id,
            topics::id,
            topics::title,
            posts::body,
            posts::created_at,
            posts::edited_at,
            posts::deleted_at,
            posts::hidden_at,
        ))
        .load(conn)?;
    let revisions: Vec<(i64, String, i64)> = post_revisions::table
        .filter(post_revisions::author_id.eq(uid.0))
        .order(post_revisions::id)
        .select((
            post_revisions::post_id,
            post_revisions::body,
            post_revisions::replaced_at,
        ))
        .load(conn)?;
    let reacted: Vec<(i64, String, i64)> = reactions::table
        .filter(reactions::user_id.eq(uid.0))
        .order(reactions::created_at)
        .select((reactions::post_id, reactions::kind, reactions::created_at))
        .load(conn)?;
    let followed: Vec<(i64, String, i64)> = space_follows::table
        .inner_join(spaces::table.on(spaces::id.eq(space_follows::space_id)))
        .filter(space_follows::user_id.eq(uid.0))
        .order(space_follows::created_at)
        .select((spaces::id, spaces::title, space_follows::created_at))
        .load(conn)?;
    type Notification = (
        String,
        i64,
        i64,
        String,
        Option<i64>,
        i64,
        Option<i64>,
        Option<String>,
    );
    let told: Vec<Notification> = notifications::table
        .inner_join(topics::table.on(topics::id.nullable().eq(notifications::topic_id)))
        .filter(notifications::user_id.eq(uid.0))
        .order(notifications::id)
        .select((
            notifications::kind,
            notifications::actor_id,
            topics::id,
            topics::title,
            notifications::post_id,
            notifications::created_at,
            notifications::read_at,
            notifications::note,
        ))
        .load(conn)?;
    // Decisions on their work and work that waited for them.
    type Notice = (
        String,
        i64,
        Option<String>,
        Option<String>,
        i64,
        Option<i64>,
    );
    let decided: Vec<Notice> = notifications::table
        .filter(notifications::user_id.eq(uid.0))
        .filter(notifications::topic_id.is_null())
        .order(notifications::id)
        .select((
            notifications::kind,
            notifications::actor_id,
            notifications::subject,
            notifications::link,
            notifications::created_at,
            notifications::read_at,
        ))
        .load(conn)?;
    type Flag = (i64, String, i64, Option<String>, Option<i64>);
    let flagged: Vec<Flag> = flags::table
        .filter(flags::reporter_id.eq(uid.0))
        .order(flags::id)
        .select((
            flags::post_id,
            flags::reason,
            flags::created_at,
            flags::decision,
            flags::decided_at,
        ))
        .load(conn)?;
    let actors = names(
        conn,
        told.iter().map(|n| n.1).chain(decided.iter().map(|n| n.1)),
    )?;
    Ok(json!({
        "topics": started.iter().map(|(id, space, kind, title, at)| json!({
            "id": id, "space": space, "kind": kind, "title": title, "started_at": ts(*at),
        })).collect::<Vec<_>>(),
        "posts": written.iter().map(|p| json!({
            "id": p.0,
            "topic": {"id": p.1, "title": p.2},
            "body": p.3,
            "written_at": ts(p.4),
            "edited_at": ts_opt(p.5),
            "deleted_at": ts_opt(p.6),
            "hidden_at": ts_opt(p.7),
            "earlier_versions": revisions.iter().filter(|r| r.0 == p.0)
                .map(|(_, body, at)| json!({"body": body, "replaced_at": ts(*at)}))
                .collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "reactions": reacted.iter().map(|(post, kind, at)| json!({
            "post": post, "kind": kind, "at": ts(*at),
        })).collect::<Vec<_>>(),
        "follows": followed.iter().map(|(id, title, at)| json!({
            "space": {"id": id, "title": title}, "since": ts(*at),
        })).collect::<Vec<_>>(),
        "notifications": told.iter().map(|n| json!({
            "kind": n.0,
            "from": actors.get(&n.1),
            "topic": {"id": n.2, "title": n.3},
            "post": n.4,
            "at": ts(n.5),
            "read_at": ts_opt(n.6),
            "note": n.7,
        })).collect::<Vec<_>>(),
        "notifications_of_decisions": decided.iter().map(|n| json!({
            "kind": n.0,
            "from": actors.get(&n.1),
            "about": n.2,
            "link": n.3,
            "at": ts(n.4),
            "read_at": ts_opt(n.5),
        })).collect::<Vec<_>>(),
        "flags_made": flagged.iter().map(|(post, reason, at, decision, decided)| json!({
            "post": post,
            "reason": reason,
            "at": ts(*at),
            "decision": decision,
            "decided_at": ts_opt(*decided),
        })).collect::<Vec<_>>(),
    }))
}

/// Course drafts the person wrote, as they last saved them, with the
/// organisation that owns each one's course and the review it had (the
/// reviewer by name, as the draft's page shows it). Drafts they reviewed
/// are their authors' and stay out.
fn authoring(conn: &mut DbConn, uid: UserId) -> Result<Value, DbError> {
    let mut drafts = crate::drafts::of_author(conn, uid)?;
    drafts.sort_by_key(|(d, _)| d.id);
    let reviewers = names(conn, drafts.iter().filter_map(|(d, _)| d.reviewer_id))?;
    Ok(json!({
        "course_drafts": drafts.iter().map(|(d, owner)| json!({
            "slug": d.slug,
            "title": d.title,
            "owner": owner,
            "status": d.status,
            "document": parsed(&d.document),
            "review": d.reviewer_id.map(|r| json!({
                "reviewer": reviewers.get(&r),
                "comment": d.review_comment,
            })),
            "published_version": d.published_version,
            "started_at": ts(d.created_at),
            "updated_at": ts(d.updated_at),
        })).collect::<Vec<_>>(),
    }))
}
