//! One organisation's rollup as read: people who first reached each
//! milestone each month, by dimension value — and the sums pages publish
//! (to date, by school year).

use super::{ALL, Dimension, Milestone, school_year_of_month};
use std::collections::BTreeMap;

/// One stored count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub dimension: Dimension,
    pub value: String,
    pub milestone: Milestone,
    /// `YYYY-MM` on the person's home's calendar.
    pub month: String,
    pub n: u64,
}

/// An organisation's counts (its subtree's people).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rollup {
    pub counts: Vec<Count>,
}

impl Rollup {
    /// People of `value` in `dimension` who reached `milestone` by the end
    /// of `through` (`YYYY-MM`, included), or ever when `None`.
    pub fn to_date(
        &self,
        dimension: Dimension,
        value: &str,
        milestone: Milestone,
        through: Option<&str>,
    ) -> u64 {
        self.counts
            .iter()
            .filter(|c| c.dimension == dimension && c.value == value && c.milestone == milestone)
            .filter(|c| through.is_none_or(|t| c.month.as_str() <= t))
            .map(|c| c.n)
            .sum()
    }

    /// Everyone (of the organisation) who reached `milestone`, ever.
    pub fn everyone(&self, milestone: Milestone) -> u64 {
        self.to_date(Dimension::All, ALL, milestone, None)
    }

    /// Everyone who first reached `milestone` in each school year (by the
    /// year it starts).
    pub fn by_school_year(&self, milestone: Milestone) -> BTreeMap<i32, u64> {
        let mut out = BTreeMap::new();
        for c in &self.counts {
            if c.dimension == Dimension::All
                && c.milestone == milestone
                && let Some(y) = school_year_of_month(&c.month)
            {
                *out.entry(y).or_default() += c.n;
            }
        }
        out
    }

    /// Everyone who first reached `milestone` in each month.
    pub fn by_month(&self, milestone: Milestone) -> BTreeMap<String, u64> {
        let mut out = BTreeMap::new();
        for c in &self.counts {
            if c.dimension == Dimension::All && c.milestone == milestone {
                *out.entry(c.month.clone()).or_default() += c.n;
            }
        }
        out
    }

    /// Of one dimension, each value's people who reached `milestone`, ever,
    /// in the dimension's order (values with no one are zero).
    pub fn by_value(&self, dimension: Dimension, milestone: Milestone) -> Vec<(&'static str, u64)> {
        dimension
            .values()
            .iter()
            .map(|v| (*v, self.to_date(dimension, v, milestone, None)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(d: Dimension, v: &str, m: Milestone, month: &str, n: u64) -> Count {
        Count {
            dimension: d,
            value: v.into(),
            milestone: m,
            month: month.into(),
            n,
        }
    }

    #[test]
    fn sums_by_date_year_and_value() {
        let r = Rollup {
            counts: vec![
                count(Dimension::All, ALL, Milestone::Registered, "2026-06", 4),
                count(Dimension::All, ALL, Milestone::Registered, "2026-07", 5),
                count(Dimension::All, ALL, Milestone::Registered, "2027-06", 6),
                count(
                    Dimension::Locale,
                    "rural",
                    Milestone::Registered,
                    "2026-07",
                    3,
                ),
                count(
                    Dimension::Locale,
                    "city",
                    Milestone::Registered,
                    "2026-07",
                    2,
                ),
                count(Dimension::All, ALL, Milestone::Completed, "2026-08", 1),
            ],
        };
        assert_eq!(r.everyone(Milestone::Registered), 15);
        assert_eq!(
            r.to_date(Dimension::All, ALL, Milestone::Registered, Some("2026-07")),
            9
        );
        assert_eq!(
            r.by_school_year(Milestone::Registered),
            BTreeMap::from([(2025, 4), (2026, 11)])
        );
        assert_eq!(
            r.by_value(Dimension::Locale, Milestone::Registered),
            vec![
                ("city", 2),
                ("suburb", 0),
                ("town", 0),
                ("rural", 3),
                ("unknown", 0)
            ]
        );
        assert_eq!(r.by_month(Milestone::Completed).get("2026-08"), Some(&1));
    }
}
