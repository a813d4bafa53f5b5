//! Triage: a report's status, tags and what answered it, and merging a
//! duplicate into another report.
//!
//! Who triages is the policy's (`Actor::triages_challenge`: programme
//! admins, and admins of the organisation a report was filed from or
//! above it; never its reporter), asked here inside the write after the
//! report's row is locked; anyone else finds no such report (`NotFound`).
//! Each change is audited with what it was and what it is, naming the
//! triager only (never the reporter: no entry has a subject person). When a
//! report becomes addressed its reporter is told in the app
//! (`ChallengeAddressed`), with themselves as the notification's actor, so
//! it names nobody — neither who triaged it nor, to anyone else, who filed it.

use super::counts::{self, Counted};
use super::{Report, load, reporter_of};
use crate::audit::{self, Event};
use crate::notices::{self, Notice};
use crate::schema::{challenge_reports, classroom_practices, courses, lessons, resources};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::ChallengeId;
use lyceum_domain::Timestamp;
use lyceum_domain::community::NotificationKind;
use lyceum_domain::policy::Actor;
use lyceum_domain::radar::{Answer, Status, TriageInput};
use lyceum_domain::validation::{FieldError, Invalid};
use serde_json::json;

/// Takes the report's row lock (PostgreSQL; SQLite has one writer), so
/// two triagers at once are applied and audited one after the other;
/// false when there is no such report.
fn lock(conn: &mut DbConn, id: ChallengeId) -> Result<bool, DbError> {
    let n = diesel::update(challenge_reports::table.find(id.0))
        .set(challenge_reports::updated_at.eq(challenge_reports::updated_at))
        .execute(conn)?;
    Ok(n == 1)
}

/// The report, locked, if `actor` triages it; `NotFound` otherwise.
fn triaged_by(conn: &mut DbConn, actor: &Actor, id: ChallengeId) -> Result<Report, DbError> {
    if !lock(conn, id)? {
        return Err(DbError::NotFound);
    }
    let report = load(conn, id)?.ok_or(DbError::NotFound)?;
    let reporter = reporter_of(conn, id)?;
    if actor.triages_challenge(&report.from, reporter) {
        Ok(report)
    } else {
        Err(DbError::NotFound)
    }
}

/// Is the answer something the programme has? (A lesson: a lesson of that
/// key in some version of the course.)
fn answer_exists(conn: &mut DbConn, a: &Answer) -> Result<bool, DbError> {
    let found: Option<i64> = match a {
        Answer::Guidance(_) => return Ok(true),
        Answer::Course(c) => courses::table
            .find(c.0)
            .select(courses::id)
            .first(conn)
            .optional()?,
        Answer::Lesson { course, lesson } => lessons::table
            .filter(lessons::course_id.eq(course.0))
            .filter(lessons::key.eq(lesson))
            .select(lessons::id)
            .first(conn)
            .optional()?,
        Answer::Practice(p) => classroom_practices::table
            .find(p.0)
            .select(classroom_practices::id)
            .first(conn)
            .optional()?,
        Answer::Resource(r) => resources::table
            .find(r.0)
            .select(resources::id)
            .first(conn)
            .optional()?,
    };
    Ok(found.is_some())
}

fn audited(status: Status, tags: &[String], answer: Option<&Answer>) -> serde_json::Value {
    json!({
        "status": status.as_str(),
        "tags": tags,
        "answer": answer.map(|a| {
            let (kind, id, text) = a.parts();
            json!({ "kind": kind.as_str(), "id": id, "text": text })
        }),
    })
}

/// The report's "what happened", cut to this many characters, names it in
/// its reporter's notification.
const SUBJECT_CHARS: usize = 80;

fn subject_of(r: &Report) -> String {
    let mut s: String = r.happened.chars().take(SUBJECT_CHARS).collect();
    if r.happened.chars().count() > SUBJECT_CHARS {
        s.push('…');
    }
    s
}

/// Where a report's page is.
pub fn link(id: ChallengeId) -> String {
    format!("/challenges/{}", id.0)
}

/// Applies `actor`'s triage to the report: its status (as
/// `Status::may_become` allows from the present one: `status`,
/// `challenge-status-not-allowed`), tags (replacing the old) and answer (a
/// course, lesson, practice or resource that exists: `answer_id`,
/// `unknown-answer`; or guidance). A duplicate merged away is triaged
/// through the report it was merged into (`challenge-merged-already`).
/// `NotFound` unless `actor` triages it. Audited (`challenge.triage`, old
/// and new). When it becomes addressed, its reporter is told. Returns the
/// report as it now is.
pub fn triage(
    conn: &mut DbConn,
    actor: &Actor,
    id: ChallengeId,
    input: &TriageInput,
    base: &str,
    now: Timestamp,
) -> Result<Report, DbError> {
    let old = triaged_by(conn, actor, id)?;
    if old.merged_into.is_some() {
        return Err(DbError::invalid("status", "challenge-merged-already"));
    }
    let t = input.validate()?;
    let mut inv = Invalid::new();
    if !old.status.may_become(t.status) {
        inv.push(
            FieldError::new("status", "challenge-status-not-allowed")
                .with_arg("from", old.status.as_str())
                .with_arg("to", t.status.as_str()),
        );
    }
    if let Some(a) = &t.answer
        && !answer_exists(conn, a)?
    {
        inv.add("answer_id", "unknown-answer");
    }
    inv.into_result()?;
    let (kind, answer_id, answer_text) = match &t.answer {
        Some(a) => {
            let (k, i, x) = a.parts();
            (Some(k.as_str()), i, x.map(str::to_string))
        }
        None => (None, None, None),
    };
    let tags = serde_json::to_string(&t.tags)
        .map_err(|e| DbError::Corrupt(format!("challenge tags: {e}")))?;
    diesel::update(challenge_reports::table.find(id.0))
        .set((
            challenge_reports::status.eq(t.status.as_str()),
            challenge_reports::tags.eq(tags),
            challenge_reports::answer_kind.eq(kind),
            challenge_reports::answer_id.eq(answer_id),
            challenge_reports::answer_text.eq(answer_text),
            challenge_reports::triaged_by.eq(Some(actor.user_id.0)),
            challenge_reports::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(actor.user_id),
            action: "challenge.triage",
            org: old.from.ids().last().copied(),
            subject: None,
            detail: json!({
                "report": id.0,
                "old": audited(old.status, &old.tags, old.answer.as_ref()),
                "new": audited(t.status, &t.tags, t.answer.as_ref()),
            }),
        },
    )?;
    let new = load(conn, id)?.ok_or(DbError::NotFound)?;
    if t.status == Status::Addressed
        && old.status != Status::Addressed
        && let Some(reporter) = reporter_of(conn, id)?
    {
        // The reporter is the actor of their own notification: it names
        // nobody who triaged it, and nobody else is ever told.
        let subject = subject_of(&new);
        let link = link(id);
        let n = Notice {
            user: reporter,
            kind: NotificationKind::ChallengeAddressed,
            actor: reporter,
            subject: &subject,
            link: &link,
            extra_link: None,
        };
        notices::tell(conn, &n, base, now)?;
    }
    Ok(new)
}

/// Merges the report `dup` into `into`, as its duplicate: it stops
/// counting on the radar (its counts taken off in this transaction) and
/// leaves the queue; reports merged into `dup` before follow it into
/// `into`, so no chain forms. Refused, with nothing changed: into itself
/// (`into`, `challenge-merge-itself`), into a report merged elsewhere
/// (`into`, `challenge-merged-already`), into one `actor` does not triage
/// or that does not exist (`into`, `unknown-challenge`), a report already
/// merged (`report`, `challenge-merged-already`); `NotFound` unless `actor`
/// triages `dup`. Audited (`challenge.merge`).
pub fn merge(
    conn: &mut DbConn,
    actor: &Actor,
    dup: ChallengeId,
    into: ChallengeId,
    now: Timestamp,
) -> Result<(), DbError> {
    if dup == into {
        return Err(DbError::invalid("into", "challenge-merge-itself"));
    }
    // Both rows' locks, the lower id first: two merges at once never wait
    // on each other in a circle.
    let (first, second) = if dup < into { (dup, into) } else { (into, dup) };
    let found = (lock(conn, first)?, lock(conn, second)?);
    let dup_found = if first == dup { found.0 } else { found.1 };
    if !dup_found {
        return Err(DbError::NotFound);
    }
    let report = triaged_by(conn, actor, dup)?;
    let target = match triaged_by(conn, actor, into) {
        Ok(t) => t,
        Err(DbError::NotFound) => return Err(DbError::invalid("into", "unknown-challenge")),
        Err(e) => return Err(e),
    };
    if report.merged_into.is_some() {
        return Err(DbError::invalid("report", "challenge-merged-already"));
    }
    if target.merged_into.is_some() {
        return Err(DbError::invalid("into", "challenge-merged-already"));
    }
    diesel::update(challenge_reports::table.filter(challenge_reports::merged_into.eq(dup.0)))
        .set(challenge_reports::merged_into.eq(into.0))
        .execute(conn)?;
    diesel::update(challenge_reports::table.find(dup.0))
        .set((
            challenge_reports::merged_into.eq(into.0),
            challenge_reports::triaged_by.eq(Some(actor.user_id.0)),
            challenge_reports::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    let counted = Counted {
        from: &report.from,
        month: &report.month,
        category: report.category,
        grade_band: report.grade_band,
        locale: report.locale,
        title_i: report.title_i,
    };
    counts::add(conn, &counted, -1)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(actor.user_id),
            action: "challenge.merge",
            org: report.from.ids().last().copied(),
            subject: None,
            detail: json!({ "report": dup.0, "into": into.0 }),
        },
    )
}
