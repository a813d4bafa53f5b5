//! Programme analytics as stored: rollups of people by milestone, month,
//! organisation and segment (`reach_counts`), kept by [`refresh`] from the
//! marks triggers leave (`reach_dirty`), and the reads dashboards make —
//! an organisation's own rows and its children's totals, never the people.

pub mod refresh;

pub use refresh::{BATCH, refresh};

use crate::schema::{orgs, reach_counts, reach_dirty};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::analytics::rollup::{Count, Rollup};
use lyceum_domain::analytics::{ALL, Dimension, Milestone};
use lyceum_domain::org::OrgKind;
use lyceum_domain::{OrgId, Timestamp};

/// One rollup row's key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub org: i64,
    pub dimension: Dimension,
    pub value: String,
    pub milestone: Milestone,
    pub month: String,
}

impl Key {
    fn read(
        org: i64,
        dimension: &str,
        value: String,
        milestone: &str,
        month: String,
    ) -> Result<Key, DbError> {
        Ok(Key {
            org,
            dimension: Dimension::parse(dimension)
                .ok_or_else(|| DbError::Corrupt(format!("reach dimension {dimension:?}")))?,
            value,
            milestone: Milestone::parse(milestone)
                .ok_or_else(|| DbError::Corrupt(format!("reach milestone {milestone:?}")))?,
            month,
        })
    }
}

type Row = (String, String, String, String, i64);

fn counts_of(rows: Vec<Row>) -> Result<Vec<Count>, DbError> {
    rows.into_iter()
        .map(|(d, value, m, month, n)| {
            let k = Key::read(0, &d, value, &m, month)?;
            Ok(Count {
                dimension: k.dimension,
                value: k.value,
                milestone: k.milestone,
                month: k.month,
                n: u64::try_from(n)
                    .map_err(|_| DbError::Corrupt(format!("reach count {n} below zero")))?,
            })
        })
        .collect()
}

/// The rollup of `org`'s subtree: its own rows (a few thousand at most,
/// however many people), on the primary key's range.
pub fn rollup(conn: &mut DbConn, org: OrgId) -> Result<Rollup, DbError> {
    let rows: Vec<Row> = reach_counts::table
        .filter(reach_counts::org_id.eq(org.0))
        .select((
            reach_counts::dimension,
            reach_counts::value,
            reach_counts::milestone,
            reach_counts::month,
            reach_counts::n,
        ))
        .load(conn)?;
    Ok(Rollup {
        counts: counts_of(rows)?,
    })
}

/// A child organisation with everyone's counts under it.
#[derive(Debug, Clone)]
pub struct Child {
    pub id: OrgId,
    pub name: String,
    pub kind: OrgKind,
    /// Its equity attributes, where it is a school (the structural facts a
    /// reader of the dashboards knows: `domain::disclosure` accounts for them).
    pub locale: Option<String>,
    pub title_i: Option<bool>,
    pub poverty: Option<String>,
    pub rollup: Rollup,
}

impl Child {
    /// An organisation's attributes alone, with no counts: the structural
    /// facts a reader knows of it.
    pub fn of(o: &crate::orgs::OrgRow) -> Child {
        Child {
            id: OrgId(o.id),
            name: o.name.clone(),
            kind: o.kind,
            locale: o.locale.clone(),
            title_i: o.title_i,
            poverty: o.poverty_band.clone(),
            rollup: Rollup::default(),
        }
    }
}

/// The children of `parent` with their everyone rows of `milestones`
/// (one read for all of them), by name.
pub fn children(
    conn: &mut DbConn,
    parent: OrgId,
    milestones: &[Milestone],
) -> Result<Vec<Child>, DbError> {
    let kids = crate::orgs::children(conn, parent)?;
    let ids: Vec<i64> = kids.iter().map(|o| o.id).collect();
    let wanted: Vec<&str> = milestones.iter().map(|m| m.as_str()).collect();
    let mut rows: Vec<(i64, String, String, String, String, i64)> = Vec::new();
    for chunk in ids.chunks(500) {
        rows.extend(
            reach_counts::table
                .filter(reach_counts::org_id.eq_any(chunk))
                .filter(reach_counts::dimension.eq(Dimension::All.as_str()))
                .filter(reach_counts::value.eq(ALL))
                .filter(reach_counts::milestone.eq_any(&wanted))
                .select((
                    reach_counts::org_id,
                    reach_counts::dimension,
                    reach_counts::value,
                    reach_counts::milestone,
                    reach_counts::month,
                    reach_counts::n,
                ))
                .load::<(i64, String, String, String, String, i64)>(conn)?,
        );
    }
    let mut by_org: std::collections::HashMap<i64, Vec<Row>> = Default::default();
    for (org, d, v, m, month, n) in rows {
        by_org.entry(org).or_default().push((d, v, m, month, n));
    }
    kids.into_iter()
        .map(|o| {
            Ok(Child {
                id: OrgId(o.id),
                rollup: Rollup {
                    counts: counts_of(by_org.remove(&o.id).unwrap_or_default())?,
                },
                name: o.name,
                kind: o.kind,
                locale: o.locale,
                title_i: o.title_i,
                poverty: o.poverty_band,
            })
        })
        .collect()
}

/// Recounts everyone marked, a batch a transaction (any number of servers
/// may at once: each takes its own marks). Returns how many people.
pub async fn drain(db: &crate::Db) -> Result<usize, DbError> {
    let mut total = 0;
    loop {
        let n = db.write(|c| refresh(c, BATCH)).await?;
        total += n;
        if n < usize::try_from(BATCH).unwrap_or(usize::MAX) {
            return Ok(total);
        }
    }
}

/// When the oldest change not yet counted was made; `None` when the
/// rollups hold everything.
pub fn waiting_since(conn: &mut DbConn) -> Result<Option<Timestamp>, DbError> {
    Ok(reach_dirty::table
        .select(diesel::dsl::min(reach_dirty::marked_at))
        .first::<Option<i64>>(conn)?
        .map(Timestamp))
}

/// How many people wait to be recounted.
pub fn waiting(conn: &mut DbConn) -> Result<i64, DbError> {
    Ok(reach_dirty::table.count().get_result(conn)?)
}

/// The organisation's name, for pages (the root's for the programme).
pub fn name_of(conn: &mut DbConn, org: OrgId) -> Result<Option<String>, DbError> {
    Ok(orgs::table
        .find(org.0)
        .select(orgs::name)
        .first(conn)
        .optional()?)
}
