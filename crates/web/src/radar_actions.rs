//! The challenge radar — filing a report, one's own reports, the triage
//! queue, one report as its reader may see it, triage and merging, and
//! the radar's counts (suppressed outside the programme team) — shared by
//! `pages/radar/` and `api/radar.rs`.
//!
//! Anonymity is the database's first (`lyceum_db::radar`: only
//! `read_for_staff` ever reads an anonymous reporter, for programme
//! admins); here, on top, an anonymous report read by anyone but a
//! programme admin or its reporter names only the district (or local) it
//! came from, never the school.

use crate::context::{Ctx, CurrentUser};
use crate::error::{AppError, Outcome, refused};
use crate::state::AppState;
use lyceum_db::radar::{self, Addressed, Report, Reporter, counts};
use lyceum_db::registry::{self as tools_db};
use lyceum_domain::disclosure::{self, Cell, Table};
use lyceum_domain::org::{Locale, OrgKind};
use lyceum_domain::policy::{Action, Actor};
use lyceum_domain::profile::GradeBand;
use lyceum_domain::radar::{
    Answer, AnswerKind, Category, Dimension, ReportInput, Status, TriageInput, UNKNOWN,
};
use lyceum_domain::registry::ToolSort;
use lyceum_domain::time::TimeZone;
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::{ChallengeId, CourseId, OrgId, ResourceId, UserId};
use serde::Deserialize;

/// One's own reports listed, newest first.
pub const MINE_LIMIT: i64 = 200;
/// Reports a queue page lists.
pub const QUEUE_LIMIT: i64 = 50;
/// Months the radar shows, ending with this one.
pub const MONTHS: usize = 12;
/// Addressed reports the radar lists.
pub const ADDRESSED_LIMIT: i64 = 10;

pub fn href(id: ChallengeId) -> String {
    format!("/challenges/{}", id.0)
}

/// The registry's tools a report may name, by name (the first page of the
/// registry: keep it simple), as (id, name).
pub async fn tools(state: &AppState) -> Result<Vec<(i64, String)>, AppError> {
    let page = state
        .db
        .read(|c| tools_db::list(c, ToolSort::Name, 0))
        .await?;
    Ok(page.items.into_iter().map(|t| (t.id.0, t.name)).collect())
}

/// Files the reader's report: refused by field, nothing saved; else its id.
pub async fn file(
    state: &AppState,
    user: &CurrentUser,
    input: &ReportInput,
) -> Outcome<ChallengeId> {
    if let Err(e) = input.validate() {
        return Ok(Err(e));
    }
    let me = user.user.id();
    let input = input.clone();
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| radar::file(c, me, &input, now))
            .await,
    )
}

/// The reader's own reports, newest first (anonymous ones too: they are theirs).
pub async fn mine(state: &AppState, user: &CurrentUser) -> Result<Vec<Report>, AppError> {
    let me = user.user.id();
    Ok(state
        .db
        .read(move |c| radar::mine(c, me, MINE_LIMIT))
        .await?)
}

/// The queue's filters, as the page's GET form and the API's query send them.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// `new`, `triaged`, `addressed` or `declined`; empty for any.
    #[serde(default)]
    pub status: Option<String>,
    /// A category code (`academic-integrity`, `bias`, …); empty for any.
    #[serde(default)]
    pub category: Option<String>,
    /// Reports older than this id: the next page.
    #[serde(default)]
    pub before: Option<String>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "any")
}

fn unknown(field: &str, v: &str) -> FieldError {
    FieldError::new(field, "unknown-choice").with_arg("value", v)
}

/// The queue's filters, checked: status, category, and the page's start.
pub type Filters = (Option<Status>, Option<Category>, Option<ChallengeId>);

impl QueueQuery {
    pub fn parse(&self) -> Result<Filters, Invalid> {
        let mut inv = Invalid::new();
        let status = given(&self.status).and_then(|s| {
            let p = Status::parse(s);
            if p.is_none() {
                inv.push(unknown("status", s));
            }
            p
        });
        let category = given(&self.category).and_then(|s| {
            let p = Category::parse(s);
            if p.is_none() {
                inv.push(unknown("category", s));
            }
            p
        });
        let before = given(&self.before).and_then(|s| match s.parse::<i64>() {
            Ok(n) if n > 0 => Some(ChallengeId(n)),
            _ => {
                inv.push(unknown("before", s));
                None
            }
        });
        inv.into_result()?;
        Ok((status, category, before))
    }
}

/// The reader's triage queue, newest first, filtered (empty for those who
/// triage nowhere); and the id to ask for the next page, if any.
pub async fn queue(
    state: &AppState,
    user: &CurrentUser,
    q: &QueueQuery,
) -> Outcome<(Vec<Report>, Option<ChallengeId>)> {
    let (status, category, before) = match q.parse() {
        Ok(v) => v,
        Err(e) => return Ok(Err(e)),
    };
    if user.actor.triage_scopes().is_empty() {
        return Ok(Ok((Vec::new(), None)));
    }
    let actor = user.actor.clone();
    let found = state
        .db
        .read(move |c| {
            // The database filters by status; the category here, reading
            // on page after page until this one is full (at most five).
            let mut out: Vec<Report> = Vec::new();
            let mut before = before;
            for _ in 0..5 {
                let rows = radar::queue(c, &actor, status, before, QUEUE_LIMIT + 1)?;
                let exhausted = rows.len() <= QUEUE_LIMIT as usize;
                before = rows.last().map(|r| r.id);
                out.extend(
                    rows.into_iter()
                        .filter(|r| category.is_none_or(|k| r.category == k)),
                );
                if exhausted || out.len() > QUEUE_LIMIT as usize {
                    let more = out.len() > QUEUE_LIMIT as usize || !exhausted;
                    out.truncate(QUEUE_LIMIT as usize);
                    let next = if more { out.last().map(|r| r.id) } else { None };
                    return Ok((out, next));
                }
            }
            let next = out.last().map(|r| r.id).or(before);
            Ok((out, next))
        })
        .await?;
    Ok(Ok(found))
}

/// Who filed a report, as its reader may know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// Anonymous, and the reader may not know who.
    Anonymous,
    /// Anonymous, and the reader (a programme admin) may: who it was.
    AnonymousKnown {
        id: UserId,
        name: String,
    },
    Named {
        id: UserId,
        name: String,
    },
    /// The reporter's account is gone.
    Gone,
}

/// What answered a report, as pages and the API show it.
#[derive(Debug, Clone)]
pub struct AnswerShown {
    pub kind: AnswerKind,
    /// The course's, practice's or resource's id.
    pub id: Option<i64>,
    /// The lesson's key.
    pub lesson: Option<String>,
    /// Guidance written on the report.
    pub guidance: Option<String>,
    /// Where it is (none for guidance, or a course gone).
    pub href: Option<String>,
    /// Its title, when it has one.
    pub title: Option<String>,
}

/// What answered, with where it is and its title.
fn shown(c: &mut lyceum_db::DbConn, a: &Answer) -> Result<AnswerShown, lyceum_db::DbError> {
    let (kind, id, _) = a.parts();
    let mut s = AnswerShown {
        kind,
        id,
        lesson: None,
        guidance: None,
        href: None,
        title: None,
    };
    match a {
        Answer::Course(cid) => {
            if let Some(row) = lyceum_db::courses::by_id(c, *cid)? {
                s.href = Some(format!("/courses/{}", row.slug));
                s.title = Some(row.title);
            }
        }
        Answer::Lesson { course, lesson } => {
            s.lesson = Some(lesson.clone());
            if let Some(row) = lyceum_db::courses::by_id(c, CourseId(course.0))? {
                s.href = Some(format!("/courses/{}/lessons/{lesson}", row.slug));
                s.title = Some(format!("{} — {lesson}", row.title));
            }
        }
        Answer::Practice(p) => {
            s.href = Some(format!("/practices/{}", p.0));
            // Its title once published (a draft's is its author's alone).
            if let Some((row, _)) = lyceum_db::library::practice(c, *p)?
                && row.is_published()
            {
                s.title = Some(row.title);
            }
        }
        Answer::Resource(r) => {
            s.href = Some(format!("/resources/{}", r.0));
            if let Some(res) = lyceum_db::library::resources::resource(c, ResourceId(r.0))? {
                s.title = Some(res.row.title);
            }
        }
        Answer::Guidance(g) => s.guidance = Some(g.clone()),
    }
    Ok(s)
}

/// A report as its reader stands to it.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub report: Report,
    pub who: Who,
    /// Where it came from as the reader may know it: the school, or, for an
    /// anonymous report read by anyone but a programme admin or its
    /// reporter, the district (or local) above it.
    pub place: Option<String>,
    pub tool: Option<String>,
    pub answer: Option<AnswerShown>,
    /// The reader filed it.
    pub own: bool,
    /// The reader triages it.
    pub triages: bool,
}

/// The report for `user` (404 unless they filed it or triage it).
pub async fn load(
    state: &AppState,
    user: &CurrentUser,
    id: ChallengeId,
) -> Result<ReportView, AppError> {
    let actor = user.actor.clone();
    let me = user.user.id();
    let view = state
        .db
        .read(move |c| {
            let report = radar::read(c, &actor, id)?;
            let own = radar::filed_by(c, id, me)?;
            let staff = actor.sees_challenge_reporters();
            let who = match (&report.by, staff) {
                (Reporter::Anonymous, true) => match radar::read_for_staff(c, &actor, id)?.reporter
                {
                    Some((id, name)) => Who::AnonymousKnown { id, name },
                    None => Who::Gone,
                },
                (Reporter::Anonymous, false) => Who::Anonymous,
                (Reporter::Named { id, name }, _) => Who::Named {
                    id: *id,
                    name: name.clone(),
                },
                (Reporter::Gone, _) => Who::Gone,
            };
            let lineage = lyceum_db::orgs::lineage(c, &report.from)?;
            let exact = !matches!(who, Who::Anonymous) || own;
            let place = if exact {
                lineage.last().map(|o| o.name.clone())
            } else {
                lineage
                    .iter()
                    .rev()
                    .find(|o| o.kind != OrgKind::School)
                    .map(|o| o.name.clone())
            };
            let tool = match report.tool {
                Some(t) => tools_db::by_ids(c, &[t])?
                    .into_iter()
                    .next()
                    .map(|t| t.name),
                None => None,
            };
            let answer = report.answer.as_ref().map(|a| shown(c, a)).transpose()?;
            let triages = !own && actor.can(Action::TriageChallenges, &report.from);
            Ok(ReportView {
                report,
                who,
                place,
                tool,
                answer,
                own,
                triages,
            })
        })
        .await?;
    Ok(view)
}

/// Applies the reader's triage: refused by field (the status a report in
/// its present one may not take, an answer that does not exist, …); 404
/// for anyone who does not triage it. The reporter is told when it becomes
/// addressed (in the same transaction, by the database).
pub async fn triage(
    state: &AppState,
    user: &CurrentUser,
    id: ChallengeId,
    input: &TriageInput,
) -> Outcome<Report> {
    if let Err(e) = input.validate() {
        // Still 404 for those who may not see it: ask first.
        load(state, user, id).await?;
        return Ok(Err(e));
    }
    let actor = user.actor.clone();
    let input = input.clone();
    let base = state.config.public_origin().to_string();
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| radar::triage::triage(c, &actor, id, &input, &base, now))
            .await,
    )
}

/// The report to merge into, as typed: its number (or its address).
pub fn parse_into(v: &str) -> Result<ChallengeId, Invalid> {
    let v = v
        .trim()
        .trim_start_matches("/challenges/")
        .trim_start_matches('#');
    if v.is_empty() {
        return Err(Invalid::one("into", "required"));
    }
    match v.parse::<i64>() {
        Ok(n) if n > 0 => Ok(ChallengeId(n)),
        _ => Err(Invalid::one("into", "unknown-challenge")),
    }
}

/// Merges report `id` into the one `into` names, as its duplicate:
/// refused by field (into itself, into one merged elsewhere or unknown);
/// 404 for anyone who does not triage `id`.
pub async fn merge(
    state: &AppState,
    user: &CurrentUser,
    id: ChallengeId,
    into: &str,
) -> Outcome<ChallengeId> {
    let into = match parse_into(into) {
        Ok(i) => i,
        Err(e) => {
            load(state, user, id).await?;
            return Ok(Err(e));
        }
    };
    let actor = user.actor.clone();
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| radar::triage::merge(c, &actor, id, into, now))
            .await,
    )
    .map(|r| r.map(|()| into))
}

// ---- The radar ----

/// Who reads the radar: someone signed in, or anyone at all — when a
/// programme admin has published the radar's summaries
/// (`lyceum_db::programme_settings::public_radar`).
#[derive(Clone, Copy)]
pub enum RadarReader<'a> {
    SignedIn(&'a CurrentUser),
    /// Not signed in, the radar published: the programme-wide radar,
    /// suppressed as for anyone outside the programme team, with no link
    /// to a page that needs signing in.
    Public,
}

impl<'a> RadarReader<'a> {
    fn actor(self) -> Option<&'a Actor> {
        match self {
            RadarReader::SignedIn(u) => Some(&u.actor),
            RadarReader::Public => None,
        }
    }

    pub fn is_public(self) -> bool {
        matches!(self, RadarReader::Public)
    }
}

/// The one place that decides who may read the radar (`/radar`,
/// `/radar.csv` and their API twins, whose gate is public): anyone signed
/// in; anyone else only while the programme publishes it, read from the
/// database on every request (one primary-key read; servers keep no copy,
/// so turning it off holds on every server at once). Otherwise exactly as
/// a signed-in route: 401 (pages: to sign-in).
pub async fn radar_reader<'a>(state: &AppState, ctx: &'a Ctx) -> Result<RadarReader<'a>, AppError> {
    if let Some(user) = ctx.user.as_deref() {
        return Ok(RadarReader::SignedIn(user));
    }
    let public = state
        .db
        .read(lyceum_db::programme_settings::public_radar)
        .await?;
    if public {
        Ok(RadarReader::Public)
    } else {
        Err(AppError::Unauthenticated)
    }
}

/// The radar's scope, as the page's GET form and the API's query send it.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RadarQuery {
    /// An organisation whose subtree to count: one you administer (programme
    /// admins: any); absent for the whole programme.
    #[serde(default)]
    pub org: Option<String>,
}

/// One dimension's counts: a row per value, a column per month.
#[derive(Debug, Clone)]
pub struct RadarTable {
    pub dimension: Dimension,
    /// The values' codes (`Category` codes, grade bands, locales with
    /// `unknown`, Title I `yes`/`no`/`unknown`).
    pub rows: Vec<String>,
    pub table: Table,
}

/// The radar for one reader and scope.
#[derive(Debug, Clone)]
pub struct Radar {
    pub org: OrgId,
    pub org_name: String,
    /// Exact counts (programme admins); else every count under ten is
    /// "<10" and no hidden one can be worked out.
    pub exact: bool,
    /// `YYYY-MM`, oldest first.
    pub months: Vec<String>,
    /// Category, grade band, locale, Title I, in that order.
    pub tables: Vec<RadarTable>,
    /// The newest addressed reports with what answered them.
    pub addressed: Vec<(Addressed, Option<AnswerShown>)>,
    /// The scopes the reader may choose, (id, name), the programme first.
    pub scopes: Vec<(i64, String)>,
}

/// The last `n` months up to `today`'s, oldest first.
fn months(year: i32, month: i32, n: usize) -> Vec<String> {
    let mut out: Vec<String> = (0..n as i32)
        .map(|k| {
            let m = year * 12 + (month - 1) - k;
            format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
        })
        .collect();
    out.reverse();
    out
}

/// The values counted for a dimension, in the order shown.
pub fn values(d: Dimension) -> Vec<String> {
    match d {
        Dimension::Category => Category::ALL
            .iter()
            .map(|c| c.as_str().to_string())
            .collect(),
        Dimension::GradeBand => GradeBand::ALL
            .iter()
            .map(|c| c.as_str().to_string())
            .collect(),
        Dimension::Locale => Locale::ALL
            .iter()
            .map(|c| c.as_str())
            .chain([UNKNOWN])
            .map(str::to_string)
            .collect(),
        Dimension::TitleI => ["yes", "no", UNKNOWN].map(str::to_string).to_vec(),
    }
}

/// A table of exact counts with its totals.
fn exact_table(counts: &[Vec<u64>], columns: usize) -> Table {
    let row_totals: Vec<u64> = counts.iter().map(|r| r.iter().sum()).collect();
    let column_totals: Vec<u64> = (0..columns)
        .map(|j| counts.iter().map(|r| r[j]).sum())
        .collect();
    Table {
        cells: counts
            .iter()
            .map(|r| r.iter().map(|n| Cell::Shown(*n)).collect())
            .collect(),
        row_totals: row_totals.iter().map(|n| Cell::Shown(*n)).collect(),
        total: Cell::Shown(row_totals.iter().sum()),
        column_totals: column_totals.into_iter().map(Cell::Shown).collect(),
    }
}

/// The tables of `counts` for these months: exact, or suppressed.
pub fn tables(counts: &counts::Counts, months: &[String], exact: bool) -> Vec<RadarTable> {
    [
        Dimension::Category,
        Dimension::GradeBand,
        Dimension::Locale,
        Dimension::TitleI,
    ]
    .into_iter()
    .map(|d| {
        let by_month = counts.of(d);
        let rows = values(d);
        let grid: Vec<Vec<u64>> = rows
            .iter()
            .map(|v| {
                months
                    .iter()
                    .map(|m| {
                        by_month
                            .get(m)
                            .and_then(|vs| vs.get(v))
                            .map_or(0, |n| u64::try_from(*n).unwrap_or(0))
                    })
                    .collect()
            })
            .collect();
        let table = if exact {
            exact_table(&grid, months.len())
        } else {
            disclosure::suppress_table(&grid)
        };
        RadarTable {
            dimension: d,
            rows,
            table,
        }
    })
    .collect()
}

/// The radar for `reader`: the whole programme, or (`org`) a subtree they
/// administer (programme admins: any organisation; the public: none but
/// the programme). Exact for programme admins, suppressed for everyone
/// else. Refused on `org` when it is not one they may choose. Read from
/// the stored monthly counts, never the reports.
pub async fn radar(state: &AppState, reader: RadarReader<'_>, q: &RadarQuery) -> Outcome<Radar> {
    let actor = reader.actor().cloned();
    let asked = match given(&q.org) {
        None => None,
        Some(s) => match s.parse::<i64>() {
            Ok(n) if n > 0 => Some(OrgId(n)),
            _ => return Ok(Err(Invalid(vec![unknown("org", s)]))),
        },
    };
    let today = state.clock.now().date_in(&TimeZone::utc());
    let months = months(i32::from(today.year()), i32::from(today.month()), MONTHS);
    let (from, to) = (months[0].clone(), months[MONTHS - 1].clone());
    let exact = actor.as_ref().is_some_and(Actor::is_programme_admin);
    let r = state
        .db
        .read(move |c| {
            let root = lyceum_db::orgs::root(c)?.ok_or(lyceum_db::DbError::NotFound)?;
            let mut scopes = vec![(root.id, root.name.clone())];
            let admin = actor.as_ref().is_some_and(Actor::is_programme_admin);
            let triages = |path: &lyceum_domain::org::OrgPath| {
                actor
                    .as_ref()
                    .is_some_and(|a| a.can(Action::TriageChallenges, path))
            };
            if let Some(actor) = actor.as_ref().filter(|_| !admin) {
                for p in actor.triage_scopes() {
                    if let Some(o) = p.ids().last().copied()
                        && o.0 != root.id
                        && let Some(row) = lyceum_db::orgs::by_id(c, o)?
                    {
                        scopes.push((row.id, row.name));
                    }
                }
            }
            let (org, name, path) = match asked {
                None => (root.id(), root.name.clone(), root.org_path()?),
                Some(o) => {
                    let row = lyceum_db::orgs::by_id(c, o)?;
                    let path = row.as_ref().map(|r| r.org_path()).transpose()?;
                    match (row, path) {
                        (Some(row), Some(path)) if admin || o == root.id() || triages(&path) => {
                            (o, row.name, path)
                        }
                        _ => {
                            return Ok(Err(Invalid(vec![unknown("org", &o.0.to_string())])));
                        }
                    }
                }
            };
            let counts = counts::counts(c, org, &from, &to)?;
            let addressed = radar::addressed(c, &path, ADDRESSED_LIMIT)?;
            let mut listed = Vec::with_capacity(addressed.len());
            for a in addressed {
                let s = a.answer.as_ref().map(|x| shown(c, x)).transpose()?;
                listed.push((a, s));
            }
            Ok(Ok((org, name, counts, listed, scopes)))
        })
        .await?;
    let (org, org_name, counts, mut addressed, scopes) = match r {
        Ok(v) => v,
        Err(e) => return Ok(Err(e)),
    };
    if reader.is_public() {
        // No way into pages that need signing in: titles stay, links go.
        for s in addressed.iter_mut().filter_map(|(_, s)| s.as_mut()) {
            s.href = None;
        }
    }
    Ok(Ok(Radar {
        org,
        org_name,
        exact,
        tables: tables(&counts, &months, exact),
        months,
        addressed,
        scopes,
    }))
}

/// The radar's counts as CSV (RFC 4180), headed in the reader's language:
/// one line per published count — dimension, value, month, count — with
/// each value's total (month `total`), each month's (value `total`) and
/// the grand total, exactly as the page publishes them (`<10`,
/// `suppressed`, or the number).
pub fn csv(r: &Radar, t: impl Fn(&str) -> String) -> axum::response::Response {
    use crate::csv::csv_line;
    use axum::body::Body;
    use axum::http::HeaderValue;
    use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    let mut out = csv_line(&[
        t("radar-csv-dimension"),
        t("radar-csv-value"),
        t("radar-csv-month"),
        t("radar-csv-count"),
    ]);
    for rt in &r.tables {
        let d = rt.dimension.as_str();
        for (i, value) in rt.rows.iter().enumerate() {
            for (j, month) in r.months.iter().enumerate() {
                out.push_str(&csv_line(&[d, value, month, &rt.table.cells[i][j].text()]));
            }
            out.push_str(&csv_line(&[
                d,
                value,
                "total",
                &rt.table.row_totals[i].text(),
            ]));
        }
        for (j, month) in r.months.iter().enumerate() {
            out.push_str(&csv_line(&[
                d,
                "total",
                month,
                &rt.table.column_totals[j].text(),
            ]));
        }
        out.push_str(&csv_line(&[d, "total", "total", &rt.table.total.text()]));
    }
    let mut resp = axum::response::Response::new(Body::from(out));
    resp.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    resp.headers_mut().insert(
        CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"challenge-radar.csv\""),
    );
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_end_with_this_one_across_a_new_year() {
        assert_eq!(
            months(2026, 2, 4),
            vec!["2025-11", "2025-12", "2026-01", "2026-02"]
        );
    }
}
