//! The challenge radar as stored (issue 20): reports filed, read, queued
//! for triage, triaged and merged (`triage`), and the radar's counts kept
//! as they are filed and merged (`counts`).
//!
//! **Anonymity.** The reporter of an anonymous report is stored (so the
//! programme's admins may learn it, and the reporter is told when it is
//! addressed), but only [`read_for_staff`] ever reads it out, for
//! programme admins (`Actor::sees_challenge_reporters`). Every other read
//! ([`read`], [`queue`], [`mine`]) selects the reporter through a join that
//! holds only for reports *not* anonymous, so an anonymous reporter's id
//! and name never leave the database for them; [`Report`] has no field
//! that could carry them ([`Reporter::Anonymous`] is all it says). The
//! audit entries of an anonymous report's life never name its reporter:
//! its filing is recorded with no actor, and triage and merges name the
//! triager only (no entry has a subject person).

pub mod counts;
pub mod triage;

use crate::audit::{self, Event};
use crate::codes::Code;
use crate::ids::Id;
use crate::schema::{ai_tools, challenge_reports, memberships, orgs, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::org::{Locale, OrgPath};
use lyceum_domain::policy::Actor;
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::radar::{
    self, Answer, AnswerKind, Category, ReportDraft, ReportInput, Severity, Status,
};
use lyceum_domain::{ChallengeId, OrgId, Timestamp, ToolId, UserId};
use serde_json::json;

/// Who filed a report, as anyone but programme admins may know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reporter {
    /// The reporter chose to stay anonymous: nothing more.
    Anonymous,
    /// The reporter, named.
    Named { id: UserId, name: String },
    /// The reporter's account is gone.
    Gone,
}

/// A report as stored, without its reporter when anonymous.
#[derive(Debug, Clone)]
pub struct Report {
    pub id: ChallengeId,
    pub by: Reporter,
    pub category: Category,
    pub severity: Severity,
    pub tool: Option<ToolId>,
    pub subject: Subject,
    pub grade_band: GradeBand,
    pub happened: String,
    pub tried: String,
    /// Where the reporter taught when they filed it.
    pub school: Option<OrgId>,
    pub state: Option<OrgId>,
    pub locale: Option<Locale>,
    pub title_i: Option<bool>,
    /// The organisation it was filed from: its admins and those above triage it.
    pub from: OrgPath,
    /// The month it counts in (`YYYY-MM`, in that organisation's zone).
    pub month: String,
    pub status: Status,
    pub tags: Vec<String>,
    /// The report it was merged into, as a duplicate.
    pub merged_into: Option<ChallengeId>,
    pub answer: Option<Answer>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A report as programme admins read it: with its reporter, anonymous or not.
#[derive(Debug, Clone)]
pub struct ReportForStaff {
    pub report: Report,
    /// The reporter's id and display name; `None` once the account is gone.
    pub reporter: Option<(UserId, String)>,
}

/// A stored report's columns, the reporter left out.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = challenge_reports)]
struct Stored {
    id: i64,
    anonymous: bool,
    #[diesel(deserialize_as = Code<Category>)]
    category: Category,
    #[diesel(deserialize_as = Code<Severity>)]
    severity: Severity,
    #[diesel(deserialize_as = Id<Option<ToolId>>)]
    tool_id: Option<ToolId>,
    subject: String,
    grade_band: String,
    happened: String,
    tried: String,
    #[diesel(deserialize_as = Id<Option<OrgId>>)]
    school_id: Option<OrgId>,
    #[diesel(deserialize_as = Id<Option<OrgId>>)]
    state_id: Option<OrgId>,
    locale: Option<String>,
    title_i: Option<bool>,
    org_path: String,
    month: String,
    #[diesel(deserialize_as = Code<Status>)]
    status: Status,
    tags: String,
    #[diesel(deserialize_as = Id<Option<ChallengeId>>)]
    merged_into: Option<ChallengeId>,
    answer_kind: Option<String>,
    answer_id: Option<i64>,
    answer_text: Option<String>,
    created_at: i64,
    updated_at: i64,
}

fn corrupt(id: i64, what: &str, v: &str) -> DbError {
    DbError::Corrupt(format!("challenge report {id} {what} {v:?}"))
}

impl Stored {
    /// The report, its reporter as `by` (never named when anonymous).
    fn into_report(self, named: Option<(i64, String)>) -> Result<Report, DbError> {
        let id = self.id;
        let by = match (self.anonymous, named) {
            (true, _) => Reporter::Anonymous,
            (false, Some((u, name))) => Reporter::Named {
                id: UserId(u),
                name,
            },
            (false, None) => Reporter::Gone,
        };
        let answer = match self.answer_kind.as_deref() {
            None => None,
            Some(k) => {
                let kind = AnswerKind::parse(k).ok_or_else(|| corrupt(id, "answer", k))?;
                Some(
                    Answer::from_parts(kind, self.answer_id, self.answer_text)
                        .ok_or_else(|| corrupt(id, "answer", k))?,
                )
            }
        };
        Ok(Report {
            id: ChallengeId(id),
            by,
            category: self.category,
            severity: self.severity,
            tool: self.tool_id,
            subject: Subject::parse(&self.subject)
                .ok_or_else(|| corrupt(id, "subject", &self.subject))?,
            grade_band: GradeBand::parse(&self.grade_band)
                .ok_or_else(|| corrupt(id, "grade band", &self.grade_band))?,
            happened: self.happened,
            tried: self.tried,
            school: self.school_id,
            state: self.state_id,
            locale: self.locale.as_deref().and_then(Locale::parse),
            title_i: self.title_i,
            from: OrgPath::parse(&self.org_path)
                .ok_or_else(|| corrupt(id, "path", &self.org_path))?,
            month: self.month,
            status: self.status,
            tags: serde_json::from_str(&self.tags).map_err(|_| corrupt(id, "tags", &self.tags))?,
            merged_into: self.merged_into,
            answer,
            created_at: Timestamp::from_micros(self.created_at),
            updated_at: Timestamp::from_micros(self.updated_at),
        })
    }
}

/// The reporter's id and name as others may read them: through a join that
/// holds only when the report is not anonymous.
type Named = (Option<i64>, Option<String>);

macro_rules! reports_for_others {
    () => {
        challenge_reports::table.left_join(
            users::table.on(users::id
                .nullable()
                .eq(challenge_reports::reporter_id)
                .and(challenge_reports::anonymous.eq(false))),
        )
    };
}

fn named((id, name): Named) -> Option<(i64, String)> {
    Some((id?, name?))
}

/// The report as anyone but the programme's admins may read it (never an
/// anonymous reporter), without asking who reads it: the callers below do.
fn load(conn: &mut DbConn, id: ChallengeId) -> Result<Option<Report>, DbError> {
    let row: Option<(Stored, Named)> = reports_for_others!()
        .filter(challenge_reports::id.eq(id.0))
        .select((
            Stored::as_select(),
            (users::id.nullable(), users::display_name.nullable()),
        ))
        .first(conn)
        .optional()?;
    row.map(|(s, n)| s.into_report(named(n))).transpose()
}

/// The stored reporter of a report, for the policy's own-case rule and for
/// telling them; never handed out of this module but to programme admins.
fn reporter_of(conn: &mut DbConn, id: ChallengeId) -> Result<Option<UserId>, DbError> {
    let r: Option<Option<i64>> = challenge_reports::table
        .find(id.0)
        .select(challenge_reports::reporter_id)
        .first(conn)
        .optional()?;
    Ok(r.flatten().map(UserId))
}

/// The report for `actor`: its reporter (as anyone reads it: their own
/// anonymity is theirs to see, not a name), those who triage it
/// (`Actor::triages_challenge`: programme admins, admins of the
/// organisation it was filed from and above) — never with an anonymous
/// reporter. `NotFound` for anyone else.
pub fn read(conn: &mut DbConn, actor: &Actor, id: ChallengeId) -> Result<Report, DbError> {
    let report = load(conn, id)?.ok_or(DbError::NotFound)?;
    let reporter = reporter_of(conn, id)?;
    let own = reporter == Some(actor.user_id);
    if own || actor.triages_challenge(&report.from, reporter) {
        Ok(report)
    } else {
        Err(DbError::NotFound)
    }
}

/// The report with its reporter, anonymous or not: programme admins only
/// (`Actor::sees_challenge_reporters`); `NotFound` for anyone else.
pub fn read_for_staff(
    conn: &mut DbConn,
    actor: &Actor,
    id: ChallengeId,
) -> Result<ReportForStaff, DbError> {
    if !actor.sees_challenge_reporters() {
        return Err(DbError::NotFound);
    }
    let row: Option<(Stored, Named)> = challenge_reports::table
        .left_join(users::table.on(users::id.nullable().eq(challenge_reports::reporter_id)))
        .filter(challenge_reports::id.eq(id.0))
        .select((
            Stored::as_select(),
            (users::id.nullable(), users::display_name.nullable()),
        ))
        .first(conn)
        .optional()?;
    let (stored, n) = row.ok_or(DbError::NotFound)?;
    let reporter = named(n);
    let by_name = if stored.anonymous {
        None
    } else {
        reporter.clone()
    };
    Ok(ReportForStaff {
        report: stored.into_report(by_name)?,
        reporter: reporter.map(|(id, name)| (UserId(id), name)),
    })
}

/// One's own reports, newest first.
pub fn mine(conn: &mut DbConn, user: UserId, limit: i64) -> Result<Vec<Report>, DbError> {
    let rows: Vec<(Stored, Named)> = reports_for_others!()
        .filter(challenge_reports::reporter_id.eq(user.0))
        .order(challenge_reports::id.desc())
        .limit(limit)
        .select((
            Stored::as_select(),
            (users::id.nullable(), users::display_name.nullable()),
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(s, n)| s.into_report(named(n)))
        .collect()
}

/// The triage queue for `actor`, newest first: every report for
/// programme admins; for an org admin, those filed from the subtrees they
/// administer (each an index range of `org_path`); nothing for anyone
/// else. Never their own reports, nor duplicates merged away; of one
/// status when asked; older than `before` for the next page. Anonymous
/// reporters are never read (use [`read_for_staff`] for one report).
pub fn queue(
    conn: &mut DbConn,
    actor: &Actor,
    status: Option<Status>,
    before: Option<ChallengeId>,
    limit: i64,
) -> Result<Vec<Report>, DbError> {
    let scopes: Vec<Option<OrgPath>> = if actor.is_programme_admin() {
        vec![None]
    } else {
        let mut s = actor.triage_scopes();
        // A scope inside another adds nothing.
        let all = s.clone();
        s.retain(|p| !all.iter().any(|q| q != p && q.contains(p)));
        s.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        s.dedup();
        s.into_iter().map(Some).collect()
    };
    let mut out: Vec<Report> = Vec::new();
    for scope in scopes {
        let mut q = reports_for_others!()
            .filter(challenge_reports::merged_into.is_null())
            .filter(
                challenge_reports::reporter_id
                    .is_null()
                    .or(challenge_reports::reporter_id.ne(actor.user_id.0)),
            )
            .into_boxed();
        if let Some(scope) = &scope {
            q = q
                .filter(challenge_reports::org_path.ge(scope.as_str().to_string()))
                .filter(challenge_reports::org_path.lt(scope.subtree_end()));
        }
        if let Some(s) = status {
            q = q.filter(challenge_reports::status.eq(s.as_str()));
        }
        if let Some(b) = before {
            q = q.filter(challenge_reports::id.lt(b.0));
        }
        let rows: Vec<(Stored, Named)> = q
            .order(challenge_reports::id.desc())
            .limit(limit)
            .select((
                Stored::as_select(),
                (users::id.nullable(), users::display_name.nullable()),
            ))
            .load(conn)?;
        for (s, n) in rows {
            out.push(s.into_report(named(n))?);
        }
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.id));
    out.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(out)
}

/// The organisation a report by `user` is filed from: their school (as
/// `place_of` found it), else their deepest membership, else the programme.
fn filed_from(conn: &mut DbConn, user: UserId, school: Option<OrgId>) -> Result<OrgPath, DbError> {
    if let Some(school) = school
        && let Some(path) = crate::orgs::path_of(conn, school)?
    {
        return Ok(path);
    }
    let paths: Vec<String> = memberships::table
        .inner_join(orgs::table)
        .filter(memberships::user_id.eq(user.0))
        .order((memberships::created_at, memberships::id))
        .select(orgs::path)
        .load(conn)?;
    let paths: Vec<OrgPath> = paths.iter().filter_map(|p| OrgPath::parse(p)).collect();
    if let Some(home) = crate::orgs::home_path(&paths) {
        return Ok(home.clone());
    }
    let root = crate::orgs::root(conn)?.ok_or(DbError::NotFound)?;
    root.org_path()
}

/// Files `input` as `reporter`'s report, in one transaction: checked by
/// field (`DbError::Invalid`; a tool not in the registry on `tool`,
/// `unknown-tool`), where they teach recorded from their profile's school
/// (`library::trials::place_of`: school, state, locale, Title I), the month
/// reckoned in that school's zone, the radar's counts moved, and audited —
/// with no actor when anonymous, so the log never names its reporter.
pub fn file(
    conn: &mut DbConn,
    reporter: UserId,
    input: &ReportInput,
    now: Timestamp,
) -> Result<ChallengeId, DbError> {
    let draft: ReportDraft = input.validate()?;
    if let Some(tool) = draft.tool {
        let found: Option<i64> = ai_tools::table
            .find(tool.0)
            .select(ai_tools::id)
            .first(conn)
            .optional()?;
        if found.is_none() {
            return Err(DbError::invalid("tool", "unknown-tool"));
        }
    }
    let place = crate::library::trials::place_of(conn, reporter)?;
    let from = filed_from(conn, reporter, place.school)?;
    let zone = crate::orgs::zone_of(conn, &from)?;
    let month = radar::month_of(now.date_in(&zone));
    let locale = place.classroom.locale;
    let title_i = place.classroom.title_i;
    let id: i64 = diesel::insert_into(challenge_reports::table)
        .values((
            challenge_reports::reporter_id.eq(Some(reporter.0)),
            challenge_reports::anonymous.eq(draft.anonymous),
            challenge_reports::category.eq(draft.category.as_str()),
            challenge_reports::severity.eq(draft.severity.as_str()),
            challenge_reports::tool_id.eq(draft.tool.map(|t| t.0)),
            challenge_reports::subject.eq(draft.subject.as_str()),
            challenge_reports::grade_band.eq(draft.grade_band.as_str()),
            challenge_reports::happened.eq(&draft.happened),
            challenge_reports::tried.eq(&draft.tried),
            challenge_reports::school_id.eq(place.school.map(|o| o.0)),
            challenge_reports::state_id.eq(place.state.map(|o| o.0)),
            challenge_reports::locale.eq(locale.map(|l| l.as_str())),
            challenge_reports::title_i.eq(title_i),
            (
                challenge_reports::org_path.eq(from.as_str()),
                challenge_reports::month.eq(&month),
                challenge_reports::status.eq(Status::New.as_str()),
                challenge_reports::tags.eq("[]"),
                challenge_reports::created_at.eq(now.micros()),
                challenge_reports::updated_at.eq(now.micros()),
            ),
        ))
        .returning(challenge_reports::id)
        .get_result(conn)?;
    let counted = counts::Counted {
        from: &from,
        month: &month,
        category: draft.category,
        grade_band: draft.grade_band,
        locale,
        title_i,
    };
    counts::add(conn, &counted, 1)?;
    audit::record(
        conn,
        now,
        Event {
            actor: (!draft.anonymous).then_some(reporter),
            action: "challenge.file",
            org: from.ids().last().copied(),
            subject: None,
            detail: json!({
                "report": id,
                "category": draft.category.as_str(),
                "anonymous": draft.anonymous,
            }),
        },
    )?;
    Ok(ChallengeId(id))
}

/// An addressed report as the radar lists it: its kind and what answered
/// it — never who filed it, where exactly, or what they wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressed {
    pub id: ChallengeId,
    pub category: Category,
    pub answer: Option<Answer>,
    pub month: String,
    pub updated_at: Timestamp,
}

/// The newest addressed reports filed from `scope` and below (duplicates
/// merged away left out), at most `limit`, newest first: the radar's list
/// of what answered them. Walks the queue index (`status`, `id`) from the
/// newest.
pub fn addressed(
    conn: &mut DbConn,
    scope: &OrgPath,
    limit: i64,
) -> Result<Vec<Addressed>, DbError> {
    type Row = (
        i64,
        String,
        Option<String>,
        Option<i64>,
        Option<String>,
        String,
        i64,
    );
    let mut q = challenge_reports::table
        .filter(challenge_reports::status.eq(Status::Addressed.as_str()))
        .filter(challenge_reports::merged_into.is_null())
        .into_boxed();
    // The programme holds every report (there is one root): asked for its
    // range anyway, SQLite's planner — guessing a range holds a few rows —
    // read every report by `challenge_reports_from` and sorted them.
    if scope.depth() > 1 {
        q = q
            .filter(challenge_reports::org_path.ge(scope.as_str().to_string()))
            .filter(challenge_reports::org_path.lt(scope.subtree_end()));
    }
    let rows: Vec<Row> = q
        .order(challenge_reports::id.desc())
        .limit(limit)
        .select((
            challenge_reports::id,
            challenge_reports::category,
            challenge_reports::answer_kind,
            challenge_reports::answer_id,
            challenge_reports::answer_text,
            challenge_reports::month,
            challenge_reports::updated_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, category, kind, answer_id, text, month, updated)| {
            let category =
                Category::parse(&category).ok_or_else(|| corrupt(id, "category", &category))?;
            let answer = match kind.as_deref() {
                None => None,
                Some(k) => {
                    let kind = AnswerKind::parse(k).ok_or_else(|| corrupt(id, "answer", k))?;
                    Some(
                        Answer::from_parts(kind, answer_id, text)
                            .ok_or_else(|| corrupt(id, "answer", k))?,
                    )
                }
            };
            Ok(Addressed {
                id: ChallengeId(id),
                category,
                answer,
                month,
                updated_at: Timestamp::from_micros(updated),
            })
        })
        .collect()
}

/// Unlinks `user` from the challenges they reported (their account is
/// being deleted): each report stays as the programme's record of what
/// happened, counted as before, filed by nobody — so nobody is told of
/// it again, and nobody, programme admins included, can learn who wrote it.
pub fn forget_reporter(conn: &mut DbConn, user: UserId) -> Result<(), DbError> {
    diesel::update(challenge_reports::table.filter(challenge_reports::reporter_id.eq(user.0)))
        .set(challenge_reports::reporter_id.eq(None::<i64>))
        .execute(conn)?;
    Ok(())
}

/// Did `user` file the report? The reporter's own question (their page
/// shows them their anonymous report as theirs); it says nothing of anyone
/// else.
pub fn filed_by(conn: &mut DbConn, id: ChallengeId, user: UserId) -> Result<bool, DbError> {
    Ok(reporter_of(conn, id)? == Some(user))
}
