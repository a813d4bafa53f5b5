//! Trial reports: filing one (a second on the same version updates the
//! first; a new one tells the author, and queues the telling of the
//! followers for the worker), a practice's summary and reports, the
//! researchers' export.

use super::PracticeRow;
use crate::notices::{self, Notice};
use crate::schema::{
    classroom_practice_follows, classroom_practices, memberships, notifications, orgs,
    trial_reports, user_grade_bands, user_subjects, users,
};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::community::NotificationKind;
use lyceum_domain::jobs::Job;
use lyceum_domain::library::trial::{self, Classroom};
use lyceum_domain::library::{
    Design, EffectDirection, Evidence, Fidelity, TrialContext, TrialReport,
};
use lyceum_domain::org::{Locale, OrgKind, OrgPath};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::{OrgId, PracticeId, Timestamp, TrialReportId, UserId};

/// A school as a report's classroom reads it: id, name, path, locale, Title I.
type SchoolRow = (i64, String, String, Option<String>, Option<bool>);
/// A stored report with its reporter's name and id, when the account remains.
type StoredWithReporter = (Stored, Option<(String, Option<i64>)>);

diesel::alias!(orgs as state_orgs: StateOrgs);

/// Where a reporter teaches, from their profile and their school (the
/// first school they belong to), as a report records it.
#[derive(Debug, Clone)]
pub struct Place {
    pub classroom: Classroom,
    pub school: Option<OrgId>,
    pub school_name: Option<String>,
    /// The school's state (the organisation of kind state above it).
    pub state: Option<OrgId>,
    pub state_name: Option<String>,
}

/// The reporter's classroom choices and school, read in two statements.
pub fn place_of(conn: &mut DbConn, user: UserId) -> Result<Place, DbError> {
    let subjects: Vec<String> = user_subjects::table
        .filter(user_subjects::user_id.eq(user.0))
        .select(user_subjects::subject)
        .load(conn)?;
    let bands: Vec<String> = user_grade_bands::table
        .filter(user_grade_bands::user_id.eq(user.0))
        .select(user_grade_bands::grade_band)
        .load(conn)?;
    let school: Option<SchoolRow> = memberships::table
        .inner_join(orgs::table)
        .filter(memberships::user_id.eq(user.0))
        .filter(orgs::kind.eq(OrgKind::School.as_str()))
        .order((memberships::created_at, memberships::id))
        .select((
            orgs::id,
            orgs::name,
            orgs::path,
            orgs::locale,
            orgs::title_i,
        ))
        .first(conn)
        .optional()?;
    let mut subjects: Vec<Subject> = subjects.iter().filter_map(|s| Subject::parse(s)).collect();
    let mut bands: Vec<GradeBand> = bands.iter().filter_map(|b| GradeBand::parse(b)).collect();
    subjects.sort_by_key(|s| Subject::ALL.iter().position(|x| x == s));
    bands.sort_by_key(|b| GradeBand::ALL.iter().position(|x| x == b));
    let mut place = Place {
        classroom: Classroom {
            subjects,
            grade_bands: bands,
            locale: None,
            title_i: None,
        },
        school: None,
        school_name: None,
        state: None,
        state_name: None,
    };
    if let Some((id, name, path, locale, title_i)) = school {
        place.school = Some(OrgId(id));
        place.school_name = Some(name);
        place.classroom.locale = locale.as_deref().and_then(Locale::parse);
        place.classroom.title_i = title_i;
        let above: Vec<OrgId> = OrgPath::parse(&path).map(|p| p.ids()).unwrap_or_default();
        let state: Option<(i64, String)> = orgs::table
            .filter(orgs::id.eq_any(above.iter().map(|o| o.0).collect::<Vec<_>>()))
            .filter(orgs::kind.eq(OrgKind::State.as_str()))
            .select((orgs::id, orgs::name))
            .first(conn)
            .optional()?;
        if let Some((sid, sname)) = state {
            place.state = Some(OrgId(sid));
            place.state_name = Some(sname);
        }
    }
    Ok(place)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = trial_reports)]
struct Stored {
    id: i64,
    practice_id: i64,
    version: i32,
    reporter_id: Option<i64>,
    subject: String,
    grade_band: String,
    locale: Option<String>,
    title_i: Option<bool>,
    students: i32,
    periods: i32,
    fidelity: String,
    happened: String,
    would_change: String,
    use_again: bool,
    design: String,
    controls_for_selection: bool,
    sample_size: Option<i32>,
    comparison_size: Option<i32>,
    sites: Option<i32>,
    measure: Option<String>,
    effect_direction: Option<String>,
    effect_size_centi: Option<i32>,
    significant: Option<bool>,
    created_at: i64,
    updated_at: i64,
}

/// A stored report, as pages, the API and the export read it.
#[derive(Debug, Clone)]
pub struct ReportRow {
    pub id: TrialReportId,
    pub practice: PracticeId,
    pub version: i32,
    pub reporter: Option<UserId>,
    /// The reporter's display name; `None` once their account is gone.
    pub reporter_name: Option<String>,
    pub report: TrialReport,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

fn corrupt(id: i64, what: &str, v: &str) -> DbError {
    DbError::Corrupt(format!("trial report {id} {what} {v:?}"))
}

fn u(v: Option<i32>) -> Option<u32> {
    v.and_then(|n| u32::try_from(n).ok())
}

impl Stored {
    fn into_row(self, name: Option<String>) -> Result<ReportRow, DbError> {
        let id = self.id;
        let report = TrialReport {
            context: TrialContext {
                subject: Subject::parse(&self.subject)
                    .ok_or_else(|| corrupt(id, "subject", &self.subject))?,
                grade_band: GradeBand::parse(&self.grade_band)
                    .ok_or_else(|| corrupt(id, "grade band", &self.grade_band))?,
                locale: self.locale.as_deref().and_then(Locale::parse),
                title_i: self.title_i,
            },
            students: u32::try_from(self.students).unwrap_or(0),
            periods: u32::try_from(self.periods).unwrap_or(0),
            fidelity: Fidelity::parse(&self.fidelity)
                .ok_or_else(|| corrupt(id, "fidelity", &self.fidelity))?,
            happened: self.happened,
            would_change: self.would_change,
            use_again: self.use_again,
            evidence: Evidence {
                design: Design::parse(&self.design)
                    .ok_or_else(|| corrupt(id, "design", &self.design))?,
                controls_for_selection: self.controls_for_selection,
                sample_size: u(self.sample_size),
                comparison_size: u(self.comparison_size),
                sites: u(self.sites),
                measure: self.measure,
                effect_direction: self
                    .effect_direction
                    .as_deref()
                    .and_then(EffectDirection::parse),
                effect_size_centi: self.effect_size_centi,
                significant: self.significant,
            },
        };
        Ok(ReportRow {
            id: TrialReportId(id),
            practice: PracticeId(self.practice_id),
            version: self.version,
            reporter: self.reporter_id.map(UserId),
            reporter_name: name,
            report,
            created_at: Timestamp::from_micros(self.created_at),
            updated_at: Timestamp::from_micros(self.updated_at),
        })
    }
}

/// The reader's own report on a version, if they filed one.
pub fn mine(
    conn: &mut DbConn,
    practice: PracticeId,
    version: i32,
    user: UserId,
) -> Result<Option<ReportRow>, DbError> {
    let row: Option<Stored> = trial_reports::table
        .filter(trial_reports::practice_id.eq(practice.0))
        .filter(trial_reports::version.eq(version))
        .filter(trial_reports::reporter_id.eq(user.0))
        .select(Stored::as_select())
        .first(conn)
        .optional()?;
    row.map(|r| r.into_row(None)).transpose()
}

/// What filing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filed {
    New(TrialReportId),
    /// The reporter's earlier report on this version, updated.
    Updated(TrialReportId),
}

/// Files `input` as `reporter`'s report on the practice's current version
/// (or updates theirs on it), in one transaction: the classroom from their
/// profile and school, the practice's count of reports, the tier
/// proposed anew, and the author told (never the reporter); the followers
/// are told by the worker (`TrialReported`, queued here): a practice with
/// thousands of them costs the filing one job.
/// Refused by field (`DbError::Invalid`); `NotFound` unless published.
pub fn file(
    conn: &mut DbConn,
    practice: PracticeId,
    reporter: UserId,
    input: &trial::TrialInput,
    base: &str,
    now: Timestamp,
) -> Result<Filed, DbError> {
    // The practice's row lock first (PostgreSQL; SQLite has one writer):
    // the same person filing twice at once (a double click) then finds
    // their first report and updates it, where both would insert and one
    // meet the unique key. (A column the library does not list: the lock
    // alone moves no server's listing.)
    diesel::update(classroom_practices::table.find(practice.0))
        .set(classroom_practices::updated_at.eq(classroom_practices::updated_at))
        .execute(conn)?;
    let Some((row, _)) = super::practice(conn, practice)? else {
        return Err(DbError::NotFound);
    };
    if !row.is_published() {
        return Err(DbError::NotFound);
    }
    let place = place_of(conn, reporter)?;
    let report = input.validate(&place.classroom).map_err(DbError::Invalid)?;
    let earlier = mine(conn, practice, row.version, reporter)?;
    let e = &report.evidence;
    let i = |v: Option<u32>| v.map(|n| i32::try_from(n).unwrap_or(i32::MAX));
    let values = (
        trial_reports::subject.eq(report.context.subject.as_str()),
        trial_reports::grade_band.eq(report.context.grade_band.as_str()),
        trial_reports::school_id.eq(place.school.map(|o| o.0)),
        trial_reports::state_id.eq(place.state.map(|o| o.0)),
        trial_reports::locale.eq(report.context.locale.map(|l| l.as_str())),
        trial_reports::title_i.eq(report.context.title_i),
        trial_reports::students.eq(report.students as i32),
        trial_reports::periods.eq(report.periods as i32),
        trial_reports::fidelity.eq(report.fidelity.as_str()),
        trial_reports::happened.eq(&report.happened),
        trial_reports::would_change.eq(&report.would_change),
        trial_reports::use_again.eq(report.use_again),
        (
            trial_reports::design.eq(e.design.as_str()),
            trial_reports::controls_for_selection.eq(e.controls_for_selection),
            trial_reports::sample_size.eq(i(e.sample_size)),
            trial_reports::comparison_size.eq(i(e.comparison_size)),
            trial_reports::sites.eq(i(e.sites)),
            trial_reports::measure.eq(e.measure.as_deref()),
            trial_reports::effect_direction.eq(e.effect_direction.map(|d| d.as_str())),
            trial_reports::effect_size_centi.eq(e.effect_size_centi),
            trial_reports::significant.eq(e.significant),
            trial_reports::updated_at.eq(now.micros()),
        ),
    );
    let filed = match earlier {
        Some(r) => {
            diesel::update(trial_reports::table.find(r.id.0))
                .set(values)
                .execute(conn)?;
            Filed::Updated(r.id)
        }
        None => {
            let id: i64 = diesel::insert_into(trial_reports::table)
                .values((
                    trial_reports::practice_id.eq(practice.0),
                    trial_reports::version.eq(row.version),
                    trial_reports::reporter_id.eq(reporter.0),
                    trial_reports::created_at.eq(now.micros()),
                    values,
                ))
                .returning(trial_reports::id)
                .get_result(conn)?;
            Filed::New(TrialReportId(id))
        }
    };
    recount(conn, Some(practice))?;
    super::tiers::repropose(conn, practice, now)?;
    if let Filed::New(id) = filed {
        // The author here; the followers, however many, by the worker.
        if let Some(author) = row.author_id.filter(|a| *a != reporter) {
            let n = Notice {
                user: author,
                kind: NotificationKind::TrialReported,
                actor: reporter,
                subject: &row.title,
                link: &link(practice),
                extra_link: None,
            };
            notices::tell(conn, &n, base, now)?;
        }
        let job = Job::TrialReported {
            report: id,
            base: base.to_string(),
        };
        crate::jobs::enqueue(conn, &job, now)?;
    }
    Ok(filed)
}

/// Where a notification of a practice's reports leads.
fn link(practice: PracticeId) -> String {
    format!("/practices/{}/trials", practice.0)
}

/// Followers looked at per transaction.
pub const BATCH: i64 = 500;

/// Tells the next batch of followers (ids above `after`) of a new report's
/// practice, as filing told them before it was the worker's
/// (`TrialReported`): never the reporter nor the author (told when it was
/// filed), nor anyone told of this report already, so a retried job tells
/// nobody twice. Each notification is dated when the report was filed.
/// Returns where the next batch starts, or `None` when every follower has
/// been looked at (or the report, or its reporter's account, is gone).
pub fn tell_followers(
    conn: &mut DbConn,
    report: TrialReportId,
    base: &str,
    after: i64,
) -> Result<Option<i64>, DbError> {
    let found: Option<(i64, Option<i64>, i64)> = trial_reports::table
        .find(report.0)
        .select((
            trial_reports::practice_id,
            trial_reports::reporter_id,
            trial_reports::created_at,
        ))
        .first(conn)
        .optional()?;
    let Some((practice, Some(reporter), filed_at)) = found else {
        return Ok(None);
    };
    let practice = PracticeId(practice);
    let Some((row, _)) = super::practice(conn, practice)? else {
        return Ok(None);
    };
    let author = row.author_id.map_or(0, |a| a.0);
    let followers: Vec<i64> = classroom_practice_follows::table
        .filter(classroom_practice_follows::practice_id.eq(practice.0))
        .filter(classroom_practice_follows::user_id.gt(after))
        .filter(classroom_practice_follows::user_id.ne(reporter))
        .filter(classroom_practice_follows::user_id.ne(author))
        .order(classroom_practice_follows::user_id)
        .limit(BATCH)
        .select(classroom_practice_follows::user_id)
        .load(conn)?;
    let Some(&last) = followers.last() else {
        return Ok(None);
    };
    let link = link(practice);
    // This report's notifications: by its reporter, dated when it was filed.
    let told: Vec<i64> = notifications::table
        .filter(notifications::user_id.eq_any(&followers))
        .filter(notifications::kind.eq(NotificationKind::TrialReported.as_str()))
        .filter(notifications::actor_id.eq(reporter))
        .filter(notifications::link.eq(&link))
        .filter(notifications::created_at.eq(filed_at))
        .select(notifications::user_id)
        .load(conn)?;
    let at = Timestamp::from_micros(filed_at);
    for user in followers.iter().filter(|f| !told.contains(f)) {
        let n = Notice {
            user: UserId(*user),
            kind: NotificationKind::TrialReported,
            actor: UserId(reporter),
            subject: &row.title,
            link: &link,
            extra_link: None,
        };
        notices::tell(conn, &n, base, at)?;
    }
    Ok((followers.len() as i64 == BATCH).then_some(last))
}

/// A practice's reports in a few numbers, and the latest three.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Reports (one a classroom a version).
    pub classrooms: i64,
    /// Distinct states of the reporters' schools.
    pub states: i64,
    pub rural: i64,
    pub title_i: i64,
    pub use_again: i64,
    pub latest: Vec<ReportRow>,
}

impl Summary {
    /// The counts kept on the practice's row (by [`recount`]) with its
    /// [`latest`] reports.
    pub fn of(practice: &PracticeRow, latest: Vec<ReportRow>) -> Summary {
        Summary {
            classrooms: i64::from(practice.trials),
            states: i64::from(practice.trial_states),
            rural: i64::from(practice.trial_rural),
            title_i: i64::from(practice.trial_title_i),
            use_again: i64::from(practice.trial_use_again),
            latest,
        }
    }
}

/// The practice's latest three reports, with their reporters' names.
pub fn latest(conn: &mut DbConn, practice: PracticeId) -> Result<Vec<ReportRow>, DbError> {
    page(conn, practice, 0, 3)
}

/// Counts a practice's reports onto its row (`trials` and the summary's
/// `trial_*`), or every practice's with `None` (after a bulk load). The
/// same statement as the columns' migration, so the two cannot disagree.
pub fn recount(conn: &mut DbConn, practice: Option<PracticeId>) -> Result<(), DbError> {
    // An integer of ours in the text, never a person's words.
    let only = practice.map_or_else(String::new, |p| format!("WHERE id = {}", p.0));
    let of = "FROM trial_reports r WHERE r.practice_id = classroom_practices.id";
    diesel::sql_query(format!(
        "UPDATE classroom_practices SET \
         trials = (SELECT COUNT(*) {of}), \
         trial_states = (SELECT COUNT(DISTINCT r.state_id) {of}), \
         trial_rural = (SELECT COUNT(*) {of} AND r.locale = 'rural'), \
         trial_title_i = (SELECT COUNT(*) {of} AND r.title_i), \
         trial_use_again = (SELECT COUNT(*) {of} AND r.use_again) {only}"
    ))
    .execute(conn)?;
    Ok(())
}

/// The practice's reports, newest first, `limit` from `offset`.
pub fn page(
    conn: &mut DbConn,
    practice: PracticeId,
    offset: i64,
    limit: i64,
) -> Result<Vec<ReportRow>, DbError> {
    let rows: Vec<StoredWithReporter> = crate::on_backend!(conn, |c| {
        trial_reports::table
            .left_join(users::table.on(users::id.nullable().eq(trial_reports::reporter_id)))
            .filter(trial_reports::practice_id.eq(practice.0))
            .order((trial_reports::updated_at.desc(), trial_reports::id.desc()))
            .offset(offset)
            .limit(limit)
            .select((
                Stored::as_select(),
                (users::display_name, users::deleted_at).nullable(),
            ))
            .load(c)
    })?;
    rows.into_iter()
        .map(|(s, who)| {
            let name = who.and_then(|(n, gone)| gone.is_none().then_some(n));
            s.into_row(name)
        })
        .collect()
}

/// How many reports the practice has.
pub fn count(conn: &mut DbConn, practice: PracticeId) -> Result<i64, DbError> {
    Ok(trial_reports::table
        .filter(trial_reports::practice_id.eq(practice.0))
        .count()
        .get_result(conn)?)
}

/// One line of the researchers' export: never a name, an email, a user or
/// school id, nor free text.
#[derive(Debug, Clone)]
pub struct ExportRow {
    pub report: ReportRow,
    pub state_name: Option<String>,
}

/// Every report, by practice and then as filed, with its state's name.
pub fn export(conn: &mut DbConn) -> Result<Vec<ExportRow>, DbError> {
    let rows: Vec<(Stored, Option<String>)> = crate::on_backend!(conn, |c| {
        trial_reports::table
            .left_join(
                state_orgs.on(state_orgs
                    .field(orgs::id)
                    .nullable()
                    .eq(trial_reports::state_id)),
            )
            .order((trial_reports::practice_id, trial_reports::id))
            .select((Stored::as_select(), state_orgs.field(orgs::name).nullable()))
            .load(c)
    })?;
    rows.into_iter()
        .map(|(s, state_name)| {
            Ok(ExportRow {
                report: s.into_row(None)?,
                state_name,
            })
        })
        .collect()
}

/// Per practice (by id): its reports' counts by locale, Title I and use
/// again, as [`crate::library::trials::tallies`] returns them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub practice: i64,
    pub version: i32,
    pub total: u64,
    /// City, suburb, town, rural, unknown.
    pub locale: [u64; 5],
    /// Title I, not Title I, unknown.
    pub title_i: [u64; 3],
    /// Would use again, would not.
    pub use_again: [u64; 2],
}

/// One statement: each published practice's tallies (practices without
/// reports included, with zeros).
pub fn tallies(conn: &mut DbConn) -> Result<Vec<Tally>, DbError> {
    let practices: Vec<(i64, i32)> = classroom_practices::table
        .filter(classroom_practices::version.gt(0))
        .order(classroom_practices::id)
        .select((classroom_practices::id, classroom_practices::version))
        .load(conn)?;
    let rows: Vec<(i64, Option<String>, Option<bool>, bool)> = trial_reports::table
        .select((
            trial_reports::practice_id,
            trial_reports::locale,
            trial_reports::title_i,
            trial_reports::use_again,
        ))
        .load(conn)?;
    let mut out: Vec<Tally> = practices
        .into_iter()
        .map(|(practice, version)| Tally {
            practice,
            version,
            ..Tally::default()
        })
        .collect();
    for (p, locale, title_i, again) in rows {
        let Ok(i) = out.binary_search_by_key(&p, |t| t.practice) else {
            continue;
        };
        let t = &mut out[i];
        t.total += 1;
        let l = match locale.as_deref().and_then(Locale::parse) {
            Some(Locale::City) => 0,
            Some(Locale::Suburb) => 1,
            Some(Locale::Town) => 2,
            Some(Locale::Rural) => 3,
            None => 4,
        };
        t.locale[l] += 1;
        t.title_i[match title_i {
            Some(true) => 0,
            Some(false) => 1,
            None => 2,
        }] += 1;
        t.use_again[usize::from(!again)] += 1;
    }
    Ok(out)
}

/// The person's own reports, for their personal data export (with the
/// practice's title).
pub fn of_person(conn: &mut DbConn, user: UserId) -> Result<Vec<(String, ReportRow)>, DbError> {
    let rows: Vec<(Stored, String)> = trial_reports::table
        .inner_join(classroom_practices::table)
        .filter(trial_reports::reporter_id.eq(user.0))
        .order(trial_reports::id)
        .select((Stored::as_select(), classroom_practices::title))
        .load(conn)?;
    rows.into_iter()
        .map(|(s, title)| Ok((title, s.into_row(None)?)))
        .collect()
}
