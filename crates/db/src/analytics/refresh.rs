//! Recounting people into the rollups.
//!
//! Triggers mark a person (`reach_dirty`) in the transaction of any change
//! that can move what they count as: a milestone's source (enrolments,
//! seats, attendance, the ledger, certificates, practices, trial reports),
//! their memberships, their account, or their school's attributes, place
//! or zone. [`refresh`] takes a batch of marks and, for each person, works
//! out from the sources what they count as now ([`Counted`]), compares it
//! with what they were counted as (`reach_people`, `reach_milestones`) and
//! moves `reach_counts` by the difference — all in one transaction, so the
//! rollups always hold whole people. A move between organisations, a
//! deletion or a school's new locale is the same difference.
//!
//! Who counts: every account not deleted, except those whose every role is
//! programme staff (`programme_admin`, `researcher`). Their home is their
//! deepest membership (the earliest of equally deep ones, as for their
//! zone: `orgs::home_path`), else the programme; months are on their
//! home's calendar.

use super::Key;
use crate::schema::{
    attendance, certificates, classroom_practices, enrolments, memberships, offering_sessions,
    orgs, pd_ledger, reach_counts, reach_dirty, reach_milestones, reach_people, registrations,
    trial_reports, users,
};
use crate::{DbConn, DbError};
use diesel::dsl::min;
use diesel::prelude::*;
use lyceum_domain::analytics::{ExperienceBand, Milestone, REACHED_PD_HOURS, Segments};
use lyceum_domain::org::{Locale, OrgKind, OrgPath, PovertyBand};
use lyceum_domain::radar::month_of;
use lyceum_domain::role::Role;
use lyceum_domain::workshop::{Mark, RegistrationStatus};
use lyceum_domain::{Timestamp, pd};
use std::collections::{BTreeMap, HashMap};

/// People recounted in one transaction by the worker.
pub const BATCH: i64 = 500;

/// What one person counts as: where, in which segments, and the month each
/// milestone first happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub path: OrgPath,
    /// Locale, Title I, poverty band, experience: codes, `unknown` unsaid.
    pub segments: [String; 4],
    pub months: BTreeMap<Milestone, String>,
}

impl Counted {
    /// Every rollup row this person adds one to.
    pub fn keys(&self) -> Vec<Key> {
        let values = [
            (lyceum_domain::analytics::Dimension::All, "all"),
            (
                lyceum_domain::analytics::Dimension::Locale,
                &*self.segments[0],
            ),
            (
                lyceum_domain::analytics::Dimension::TitleI,
                &*self.segments[1],
            ),
            (
                lyceum_domain::analytics::Dimension::Poverty,
                &*self.segments[2],
            ),
            (
                lyceum_domain::analytics::Dimension::Experience,
                &*self.segments[3],
            ),
        ];
        let mut out = Vec::new();
        for org in self.path.ids() {
            for (dimension, value) in values {
                for (milestone, month) in &self.months {
                    out.push(Key {
                        org: org.0,
                        dimension,
                        value: value.to_string(),
                        milestone: *milestone,
                        month: month.clone(),
                    });
                }
            }
        }
        out
    }
}

/// Recounts up to `limit` marked people, oldest marks first; returns how
/// many. Runs in the caller's transaction.
pub fn refresh(conn: &mut DbConn, limit: i64) -> Result<usize, DbError> {
    let people = take_marks(conn, limit)?;
    if people.is_empty() {
        return Ok(0);
    }
    let now = work_out(conn, &people)?;
    let was = stored(conn, &people)?;
    let mut delta: BTreeMap<Key, i64> = BTreeMap::new();
    for c in was.values() {
        for k in c.keys() {
            *delta.entry(k).or_default() -= 1;
        }
    }
    for c in now.values() {
        for k in c.keys() {
            *delta.entry(k).or_default() += 1;
        }
    }
    delta.retain(|_, n| *n != 0);
    apply(conn, &delta)?;
    store(conn, &people, &now)?;
    Ok(people.len())
}

/// Marks everyone (the seed loads in bulk, without the triggers on
/// PostgreSQL): the next refreshes recount the whole programme.
pub fn mark_everyone(conn: &mut DbConn) -> Result<usize, DbError> {
    Ok(diesel::sql_query(
        // `WHERE true`: SQLite reads an `ON` right after `FROM users` as a join's.
        "INSERT INTO reach_dirty (user_id, marked_at) SELECT id, 0 FROM users WHERE true \
         ON CONFLICT (user_id) DO NOTHING",
    )
    .execute(conn)?)
}

/// Takes (deletes) up to `limit` marks, oldest first. On PostgreSQL a mark
/// whose change has not committed is locked by it and skipped.
fn take_marks(conn: &mut DbConn, limit: i64) -> Result<Vec<i64>, DbError> {
    #[derive(QueryableByName)]
    struct Taken {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        user_id: i64,
    }
    match conn {
        DbConn::Pg(_) => {
            let taken: Vec<Taken> = diesel::sql_query(
                "DELETE FROM reach_dirty WHERE user_id IN (
                    SELECT user_id FROM reach_dirty ORDER BY marked_at, user_id
                    LIMIT $1 FOR UPDATE SKIP LOCKED)
                 RETURNING user_id",
            )
            .bind::<diesel::sql_types::BigInt, _>(limit)
            .load(conn)?;
            let mut ids: Vec<i64> = taken.into_iter().map(|t| t.user_id).collect();
            ids.sort_unstable();
            Ok(ids)
        }
        DbConn::Sqlite(_) => {
            // One writer: nothing comes between the read and the delete.
            let mut ids: Vec<i64> = reach_dirty::table
                .order((reach_dirty::marked_at, reach_dirty::user_id))
                .select(reach_dirty::user_id)
                .limit(limit)
                .load(conn)?;
            diesel::delete(reach_dirty::table.filter(reach_dirty::user_id.eq_any(&ids)))
                .execute(conn)?;
            ids.sort_unstable();
            Ok(ids)
        }
    }
}

/// What `people` count as now, from the sources; those who do not count
/// (deleted, programme staff only) are absent.
pub fn work_out(conn: &mut DbConn, people: &[i64]) -> Result<BTreeMap<i64, Counted>, DbError> {
    let Some(root) = crate::orgs::root(conn)? else {
        return Ok(BTreeMap::new());
    };
    let root_path = root.org_path()?;
    let zones: Vec<(i64, Option<String>)> = orgs::table
        .filter(orgs::time_zone.is_not_null())
        .select((orgs::id, orgs::time_zone))
        .load(conn)?;
    let accounts: Vec<(i64, i64, Option<i32>)> = users::table
        .filter(users::id.eq_any(people))
        .filter(users::deleted_at.is_null())
        .select((users::id, users::created_at, users::years_experience))
        .load(conn)?;
    type Place = (
        i64,
        String,
        String,
        String,
        Option<String>,
        Option<bool>,
        Option<String>,
    );
    let places: Vec<Place> = memberships::table
        .inner_join(orgs::table)
        .filter(memberships::user_id.eq_any(people))
        .order((
            memberships::user_id,
            memberships::created_at,
            memberships::id,
        ))
        .select((
            memberships::user_id,
            memberships::role,
            orgs::path,
            orgs::kind,
            orgs::locale,
            orgs::title_i,
            orgs::poverty_band,
        ))
        .load(conn)?;
    let mut by_person: HashMap<i64, Vec<&Place>> = HashMap::new();
    for p in &places {
        by_person.entry(p.0).or_default().push(p);
    }
    let sources = Sources::read(conn, people)?;
    let mut out = BTreeMap::new();
    for (id, created_at, years) in accounts {
        let mine = by_person.get(&id).map(Vec::as_slice).unwrap_or_default();
        let staff_only = !mine.is_empty()
            && mine.iter().all(|p| {
                Role::parse(&p.1)
                    .is_some_and(|r| matches!(r, Role::ProgrammeAdmin | Role::Researcher))
            });
        if staff_only {
            continue;
        }
        let paths: Vec<OrgPath> = mine.iter().filter_map(|p| OrgPath::parse(&p.2)).collect();
        let path = crate::orgs::home_path(&paths)
            .cloned()
            .unwrap_or_else(|| root_path.clone());
        let home = mine.iter().find(|p| p.2 == path.as_str());
        let school = home.filter(|p| p.3 == OrgKind::School.as_str());
        let segments = Segments {
            locale: school.and_then(|p| p.4.as_deref()).and_then(Locale::parse),
            title_i: school.and_then(|p| p.5),
            poverty: school
                .and_then(|p| p.6.as_deref())
                .and_then(PovertyBand::parse),
            experience: years.and_then(ExperienceBand::of_years),
        };
        let values = segments.values();
        let zone =
            crate::orgs::nearest_zone(&path.ids().iter().map(|o| o.0).collect::<Vec<_>>(), &zones);
        let months = sources
            .firsts(id, Timestamp(created_at))
            .into_iter()
            .map(|(m, at)| (m, month_of(at.date_in(&zone))))
            .collect();
        out.insert(
            id,
            Counted {
                path,
                segments: [1, 2, 3, 4].map(|i| values[i].1.to_string()),
                months,
            },
        );
    }
    Ok(out)
}

/// When each milestone's sources first show it, for a batch of people.
#[derive(Default)]
struct Sources {
    firsts: HashMap<(i64, Milestone), i64>,
}

impl Sources {
    fn read(conn: &mut DbConn, people: &[i64]) -> Result<Self, DbError> {
        let mut s = Sources::default();
        let enrolled: Vec<(i64, Option<i64>, Option<i64>)> = enrolments::table
            .filter(enrolments::user_id.eq_any(people))
            .group_by(enrolments::user_id)
            .select((
                enrolments::user_id,
                min(enrolments::enrolled_at),
                min(enrolments::completed_at),
            ))
            .load(conn)?;
        for (u, started, completed) in enrolled {
            s.note(u, Milestone::Started, started);
            s.note(u, Milestone::Completed, completed);
        }
        let seats: Vec<(i64, Option<i64>)> = registrations::table
            .filter(registrations::user_id.eq_any(people))
            .filter(registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
            .group_by(registrations::user_id)
            .select((registrations::user_id, min(registrations::created_at)))
            .load(conn)?;
        for (u, at) in seats {
            s.note(u, Milestone::Started, at);
        }
        let present = [Mark::Present, Mark::Late, Mark::LeftEarly].map(Mark::as_str);
        let attended: Vec<(i64, Option<i64>)> = attendance::table
            .inner_join(offering_sessions::table)
            .filter(attendance::user_id.eq_any(people))
            .filter(attendance::mark.eq_any(present))
            .group_by(attendance::user_id)
            .select((attendance::user_id, min(offering_sessions::starts_at)))
            .load(conn)?;
        for (u, at) in attended {
            s.note(u, Milestone::Attended, at);
            s.note(u, Milestone::Started, at);
        }
        let ledger: Vec<(i64, String, i32, i64)> = pd_ledger::table
            .filter(pd_ledger::user_id.eq_any(people))
            .order((pd_ledger::user_id, pd_ledger::earned_at, pd_ledger::id))
            .select((
                pd_ledger::user_id,
                pd_ledger::source,
                pd_ledger::quarter_hours,
                pd_ledger::earned_at,
            ))
            .load(conn)?;
        let mut hours: HashMap<i64, i32> = HashMap::new();
        for (u, source, quarters, at) in ledger {
            if source == pd::Source::Workshop.as_str() {
                s.note(u, Milestone::Completed, Some(at));
            }
            let h = hours.entry(u).or_default();
            let before = *h;
            *h += quarters;
            if before < REACHED_PD_HOURS * 4 && *h >= REACHED_PD_HOURS * 4 {
                s.note(u, Milestone::PdHours, Some(at));
            }
        }
        let certified: Vec<(i64, Option<i64>)> = certificates::table
            .filter(certificates::user_id.eq_any(people))
            .filter(certificates::revoked_at.is_null())
            .group_by(certificates::user_id)
            .select((certificates::user_id, min(certificates::issued_at)))
            .load(conn)?;
        for (u, at) in certified {
            s.note(u, Milestone::Certified, at);
        }
        let published: Vec<(Option<i64>, Option<i64>)> = classroom_practices::table
            .filter(classroom_practices::author_id.eq_any(people))
            .filter(classroom_practices::published_at.is_not_null())
            .group_by(classroom_practices::author_id)
            .select((
                classroom_practices::author_id,
                min(classroom_practices::published_at),
            ))
            .load(conn)?;
        for (u, at) in published {
            if let Some(u) = u {
                s.note(u, Milestone::Shared, at);
            }
        }
        let reported: Vec<(Option<i64>, Option<i64>)> = trial_reports::table
            .filter(trial_reports::reporter_id.eq_any(people))
            .group_by(trial_reports::reporter_id)
            .select((trial_reports::reporter_id, min(trial_reports::created_at)))
            .load(conn)?;
        for (u, at) in reported {
            if let Some(u) = u {
                s.note(u, Milestone::Shared, at);
            }
        }
        Ok(s)
    }

    /// Keeps the earliest time seen for the person's milestone.
    fn note(&mut self, person: i64, m: Milestone, at: Option<i64>) {
        if let Some(at) = at {
            self.firsts
                .entry((person, m))
                .and_modify(|t| *t = (*t).min(at))
                .or_insert(at);
        }
    }

    /// The person's milestones with when each first happened.
    fn firsts(&self, person: i64, registered: Timestamp) -> Vec<(Milestone, Timestamp)> {
        let mut out = vec![(Milestone::Registered, registered)];
        for m in Milestone::ALL {
            if let Some(at) = self.firsts.get(&(person, *m)) {
                out.push((*m, Timestamp(*at)));
            }
        }
        out
    }
}

/// What `people` were counted as (those never counted, or no longer, absent).
fn stored(conn: &mut DbConn, people: &[i64]) -> Result<BTreeMap<i64, Counted>, DbError> {
    let rows: Vec<(i64, String, String, String, String, String)> = reach_people::table
        .filter(reach_people::user_id.eq_any(people))
        .select((
            reach_people::user_id,
            reach_people::org_path,
            reach_people::locale,
            reach_people::title_i,
            reach_people::poverty,
            reach_people::experience,
        ))
        .load(conn)?;
    let months: Vec<(i64, String, String)> = reach_milestones::table
        .filter(reach_milestones::user_id.eq_any(people))
        .select((
            reach_milestones::user_id,
            reach_milestones::milestone,
            reach_milestones::month,
        ))
        .load(conn)?;
    let mut out = BTreeMap::new();
    for (id, path, locale, title_i, poverty, experience) in rows {
        let path = OrgPath::parse(&path)
            .ok_or_else(|| DbError::Corrupt(format!("reach_people path {path:?}")))?;
        out.insert(
            id,
            Counted {
                path,
                segments: [locale, title_i, poverty, experience],
                months: BTreeMap::new(),
            },
        );
    }
    for (id, m, month) in months {
        let m = Milestone::parse(&m)
            .ok_or_else(|| DbError::Corrupt(format!("reach milestone {m:?}")))?;
        if let Some(c) = out.get_mut(&id) {
            c.months.insert(m, month);
        }
    }
    Ok(out)
}

/// Rows per statement when moving counts (six values each).
const CHUNK: usize = 500;

/// Moves the rollups by `delta`, keys in order (so two refreshes on
/// PostgreSQL lock shared rows in the same order and cannot deadlock).
fn apply(conn: &mut DbConn, delta: &BTreeMap<Key, i64>) -> Result<(), DbError> {
    let rows: Vec<_> = delta
        .iter()
        .map(|(k, n)| {
            (
                reach_counts::org_id.eq(k.org),
                reach_counts::dimension.eq(k.dimension.as_str()),
                reach_counts::value.eq(k.value.as_str()),
                reach_counts::milestone.eq(k.milestone.as_str()),
                reach_counts::month.eq(k.month.as_str()),
                reach_counts::n.eq(*n),
            )
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        let insert = diesel::insert_into(reach_counts::table).values(chunk);
        let target = (
            reach_counts::org_id,
            reach_counts::dimension,
            reach_counts::value,
            reach_counts::milestone,
            reach_counts::month,
        );
        let more = reach_counts::n.eq(reach_counts::n + diesel::upsert::excluded(reach_counts::n));
        crate::on_backend!(conn, |c| insert
            .on_conflict(target)
            .do_update()
            .set(more)
            .execute(c))?;
    }
    // Rows back at nothing are dropped: the rollups hold only what counts.
    let orgs_touched: Vec<i64> = {
        let mut v: Vec<i64> = delta.keys().map(|k| k.org).collect();
        v.dedup();
        v
    };
    for chunk in orgs_touched.chunks(CHUNK) {
        diesel::delete(
            reach_counts::table
                .filter(reach_counts::org_id.eq_any(chunk))
                .filter(reach_counts::n.eq(0)),
        )
        .execute(conn)?;
    }
    Ok(())
}

/// Records what `people` count as now (`now` holds those who count).
fn store(conn: &mut DbConn, people: &[i64], now: &BTreeMap<i64, Counted>) -> Result<(), DbError> {
    for chunk in people.chunks(CHUNK) {
        diesel::delete(reach_milestones::table.filter(reach_milestones::user_id.eq_any(chunk)))
            .execute(conn)?;
        diesel::delete(reach_people::table.filter(reach_people::user_id.eq_any(chunk)))
            .execute(conn)?;
    }
    let people_rows: Vec<_> = now
        .iter()
        .map(|(id, c)| {
            (
                reach_people::user_id.eq(*id),
                reach_people::org_path.eq(c.path.as_str()),
                reach_people::locale.eq(&c.segments[0]),
                reach_people::title_i.eq(&c.segments[1]),
                reach_people::poverty.eq(&c.segments[2]),
                reach_people::experience.eq(&c.segments[3]),
            )
        })
        .collect();
    for chunk in people_rows.chunks(CHUNK) {
        let insert = diesel::insert_into(reach_people::table).values(chunk);
        crate::on_backend!(conn, |c| insert.execute(c))?;
    }
    let month_rows: Vec<_> = now
        .iter()
        .flat_map(|(id, c)| {
            c.months.iter().map(move |(m, month)| {
                (
                    reach_milestones::user_id.eq(*id),
                    reach_milestones::milestone.eq(m.as_str()),
                    reach_milestones::month.eq(month.as_str()),
                )
            })
        })
        .collect();
    for chunk in month_rows.chunks(CHUNK) {
        let insert = diesel::insert_into(reach_milestones::table).values(chunk);
        crate::on_backend!(conn, |c| insert.execute(c))?;
    }
    Ok(())
}

/// The rollups worked out from scratch — every person recounted from the
/// sources, nothing stored read: for tests and checks, never for a page.
pub fn tally(conn: &mut DbConn) -> Result<BTreeMap<Key, i64>, DbError> {
    let ids: Vec<i64> = users::table.select(users::id).order(users::id).load(conn)?;
    let mut out: BTreeMap<Key, i64> = BTreeMap::new();
    for chunk in ids.chunks(CHUNK) {
        for c in work_out(conn, chunk)?.values() {
            for k in c.keys() {
                *out.entry(k).or_default() += 1;
            }
        }
    }
    Ok(out)
}

/// The rollups as stored, every row.
pub fn stored_counts(conn: &mut DbConn) -> Result<BTreeMap<Key, i64>, DbError> {
    let rows: Vec<(i64, String, String, String, String, i64)> = reach_counts::table
        .select((
            reach_counts::org_id,
            reach_counts::dimension,
            reach_counts::value,
            reach_counts::milestone,
            reach_counts::month,
            reach_counts::n,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(org, d, value, m, month, n)| Ok((Key::read(org, &d, value, &m, month)?, n)))
        .collect()
}
