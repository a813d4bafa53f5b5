//! The radar's counts, kept as reports are filed and merged, never counted
//! per view.
//!
//! `challenge_counts` holds, for every organisation on a report's path
//! (the programme, its state, district and school), its month and each
//! [`Dimension`] — its category, grade band, school locale and Title I
//! status — one row per value with its number of reports. A filing adds
//! one to four rows at each level of its path, in its transaction; a
//! merged duplicate takes its one back off. So the radar of the whole
//! programme, or of any organisation's subtree, is a read of its own rows
//! (the primary key's range `org_id, dimension, month`): some hundreds of
//! rows for five years, however many reports there are. Counts are of
//! one dimension at a time by month (category by month, grade band by
//! month…); crossing two dimensions (category by grade band) would need a
//! row per pair.

use crate::schema::{challenge_counts, challenge_reports};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::OrgId;
use lyceum_domain::org::{Locale, OrgPath};
use lyceum_domain::profile::GradeBand;
use lyceum_domain::radar::{Category, Dimension, UNKNOWN};
use std::collections::BTreeMap;

/// What a report counts as.
#[derive(Debug, Clone, Copy)]
pub struct Counted<'a> {
    pub from: &'a OrgPath,
    pub month: &'a str,
    pub category: Category,
    pub grade_band: GradeBand,
    pub locale: Option<Locale>,
    pub title_i: Option<bool>,
}

/// The Title I value counted.
pub fn title_i_value(t: Option<bool>) -> &'static str {
    match t {
        Some(true) => "yes",
        Some(false) => "no",
        None => UNKNOWN,
    }
}

impl Counted<'_> {
    fn values(&self) -> [(Dimension, &'static str); 4] {
        [
            (Dimension::Category, self.category.as_str()),
            (Dimension::GradeBand, self.grade_band.as_str()),
            (
                Dimension::Locale,
                self.locale.map_or(UNKNOWN, |l| l.as_str()),
            ),
            (Dimension::TitleI, title_i_value(self.title_i)),
        ]
    }
}

/// Adds `delta` (one filed, or minus one merged away) to the report's
/// counts at every organisation on its path.
pub(crate) fn add(conn: &mut DbConn, c: &Counted<'_>, delta: i64) -> Result<(), DbError> {
    for org in c.from.ids() {
        for (dimension, value) in c.values() {
            let key = (
                challenge_counts::org_id.eq(org.0),
                challenge_counts::dimension.eq(dimension.as_str()),
                challenge_counts::month.eq(c.month),
                challenge_counts::value.eq(value),
            );
            if delta < 0 {
                // The row exists: the report was counted when filed.
                diesel::update(challenge_counts::table.find((
                    org.0,
                    dimension.as_str(),
                    c.month,
                    value,
                )))
                .set(challenge_counts::n.eq(challenge_counts::n + delta))
                .execute(conn)?;
                continue;
            }
            // One statement, whatever arrives at once on other servers.
            let insert = diesel::insert_into(challenge_counts::table)
                .values((key, challenge_counts::n.eq(delta)));
            let target = (
                challenge_counts::org_id,
                challenge_counts::dimension,
                challenge_counts::month,
                challenge_counts::value,
            );
            let more = challenge_counts::n.eq(challenge_counts::n + delta);
            crate::on_backend!(conn, |c| insert
                .on_conflict(target)
                .do_update()
                .set(more)
                .execute(c))?;
        }
    }
    Ok(())
}

/// Counts by month and value of each dimension: `by[dimension][month][value]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub by: BTreeMap<Dimension, BTreeMap<String, BTreeMap<String, i64>>>,
}

impl Counts {
    /// One dimension's counts, by month then value.
    pub fn of(&self, d: Dimension) -> BTreeMap<String, BTreeMap<String, i64>> {
        self.by.get(&d).cloned().unwrap_or_default()
    }

    /// One dimension's counts over every month, by value.
    pub fn totals(&self, d: Dimension) -> BTreeMap<String, i64> {
        let mut out: BTreeMap<String, i64> = BTreeMap::new();
        for values in self.by.get(&d).into_iter().flat_map(BTreeMap::values) {
            for (v, n) in values {
                *out.entry(v.clone()).or_default() += n;
            }
        }
        out
    }

    fn put(&mut self, d: Dimension, month: String, value: String, n: i64) {
        if n != 0 {
            *self
                .by
                .entry(d)
                .or_default()
                .entry(month)
                .or_default()
                .entry(value)
                .or_default() += n;
        }
    }
}

/// The stored counts of the reports filed from `scope` and below (the
/// programme's root for the whole programme), for the months from `from`
/// to `to` (`YYYY-MM`, both included): one read of its own rows.
pub fn counts(conn: &mut DbConn, scope: OrgId, from: &str, to: &str) -> Result<Counts, DbError> {
    let rows: Vec<(String, String, String, i64)> = challenge_counts::table
        .filter(challenge_counts::org_id.eq(scope.0))
        .filter(challenge_counts::month.ge(from))
        .filter(challenge_counts::month.le(to))
        .select((
            challenge_counts::dimension,
            challenge_counts::month,
            challenge_counts::value,
            challenge_counts::n,
        ))
        .load(conn)?;
    let mut out = Counts::default();
    for (d, month, value, n) in rows {
        let d = Dimension::parse(&d)
            .ok_or_else(|| DbError::Corrupt(format!("challenge count dimension {d:?}")))?;
        out.put(d, month, value, n);
    }
    Ok(out)
}

/// The same counts worked out from the reports themselves, every one read
/// (those merged away left out): for tests and for checking the stored
/// counts, never for a page.
pub fn tally(conn: &mut DbConn, scope: &OrgPath, from: &str, to: &str) -> Result<Counts, DbError> {
    type Row = (String, String, String, Option<String>, Option<bool>);
    let rows: Vec<Row> = challenge_reports::table
        .filter(challenge_reports::merged_into.is_null())
        .filter(challenge_reports::org_path.ge(scope.as_str().to_string()))
        .filter(challenge_reports::org_path.lt(scope.subtree_end()))
        .filter(challenge_reports::month.ge(from))
        .filter(challenge_reports::month.le(to))
        .select((
            challenge_reports::month,
            challenge_reports::category,
            challenge_reports::grade_band,
            challenge_reports::locale,
            challenge_reports::title_i,
        ))
        .load(conn)?;
    let mut out = Counts::default();
    for (month, category, band, locale, title_i) in rows {
        out.put(Dimension::Category, month.clone(), category, 1);
        out.put(Dimension::GradeBand, month.clone(), band, 1);
        let locale = locale
            .as_deref()
            .and_then(Locale::parse)
            .map_or(UNKNOWN, |l| l.as_str());
        out.put(Dimension::Locale, month.clone(), locale.to_string(), 1);
        out.put(
            Dimension::TitleI,
            month,
            title_i_value(title_i).to_string(),
            1,
        );
    }
    Ok(out)
}
