//! Programme analytics: who the programme reached, how far along the
//! learning funnel, and how fairly across the kinds of schools it serves.
//!
//! What is counted is a person's *milestones*: the first time each happened
//! (registered, started a course or workshop, completed one, earned a
//! certificate, shared a practice or trial report, attended a workshop,
//! reached the PD hours that count as reached). `db::analytics` keeps, for
//! every organisation on a person's home path, how many people first
//! reached each milestone in each month, by segment ([`Dimension`]); pages
//! read those counts, by school year, never the people.

pub mod goal;
pub mod rollup;

use crate::org::{Locale, PovertyBand};

crate::code_enum! {
    /// The first time something happened to a person, as counted.
    pub enum Milestone: "milestone" {
        /// Their account was made.
        Registered = "registered",
        /// Enrolled in a course or held a seat at a workshop.
        Started = "started",
        /// Completed a course, or met a workshop's credit rule.
        Completed = "completed",
        /// Holds a certificate (not revoked).
        Certified = "certified",
        /// Published a classroom practice or filed a trial report.
        Shared = "shared",
        /// Was marked present at a workshop session.
        Attended = "attended",
        /// Reached [`REACHED_PD_HOURS`] hours in the PD ledger.
        PdHours = "pd-hours",
    }
}

impl Milestone {
    /// The learning funnel, in order: each step usually follows the one
    /// before, though nothing forces it (a certificate from an outside
    /// workshop without a course, say).
    pub const FUNNEL: [Milestone; 5] = [
        Milestone::Registered,
        Milestone::Started,
        Milestone::Completed,
        Milestone::Certified,
        Milestone::Shared,
    ];
}

/// PD hours that count as reached, for [`ReachedBy::PdHours`].
pub const REACHED_PD_HOURS: i32 = 6;

crate::code_enum! {
    /// What the programme counts as having reached an educator: its
    /// admins choose one (the goal is stated in it).
    pub enum ReachedBy: "reached-by" {
        /// Completed at least one course or workshop.
        Completed = "completed",
        /// Earned at least one certificate.
        Certified = "certified",
        /// Attended at least one workshop session.
        Attended = "attended",
        /// Earned at least six PD hours.
        PdHours = "pd-hours",
    }
}

impl ReachedBy {
    /// The milestone it counts.
    pub fn milestone(self) -> Milestone {
        match self {
            ReachedBy::Completed => Milestone::Completed,
            ReachedBy::Certified => Milestone::Certified,
            ReachedBy::Attended => Milestone::Attended,
            ReachedBy::PdHours => Milestone::PdHours,
        }
    }
}

crate::code_enum! {
    /// What people are counted by: everyone together, or one of the
    /// equity segments of their school or of themselves.
    pub enum Dimension: "analytics-dimension" {
        All = "all",
        Locale = "locale",
        TitleI = "title-i",
        Poverty = "poverty",
        Experience = "experience",
    }
}

impl Dimension {
    /// The segments, in the order pages show them.
    pub const SEGMENTS: [Dimension; 4] = [
        Dimension::Locale,
        Dimension::TitleI,
        Dimension::Poverty,
        Dimension::Experience,
    ];

    /// Every value it takes, [`UNKNOWN`] last (where there is one).
    pub fn values(self) -> &'static [&'static str] {
        match self {
            Dimension::All => &[ALL],
            Dimension::Locale => &["city", "suburb", "town", "rural", UNKNOWN],
            Dimension::TitleI => &["yes", "no", UNKNOWN],
            Dimension::Poverty => &["low", "mid-low", "mid-high", "high", UNKNOWN],
            Dimension::Experience => &["0-3", "4-10", "11-20", "21+", UNKNOWN],
        }
    }
}

/// The one value of [`Dimension::All`].
pub const ALL: &str = "all";
/// A segment the school (or the person) did not say.
pub const UNKNOWN: &str = "unknown";

crate::code_enum! {
    /// Years of teaching experience, in the bands reported.
    pub enum ExperienceBand: "experience" {
        /// The first three years.
        New = "0-3",
        Early = "4-10",
        Mid = "11-20",
        Veteran = "21+",
    }
}

impl ExperienceBand {
    pub fn of_years(years: i32) -> Option<Self> {
        match years {
            ..0 => None,
            0..=3 => Some(ExperienceBand::New),
            4..=10 => Some(ExperienceBand::Early),
            11..=20 => Some(ExperienceBand::Mid),
            _ => Some(ExperienceBand::Veteran),
        }
    }
}

/// What a person is counted as in each dimension: their school's equity
/// attributes (where their home is a school) and their own experience.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Segments {
    pub locale: Option<Locale>,
    pub title_i: Option<bool>,
    pub poverty: Option<PovertyBand>,
    pub experience: Option<ExperienceBand>,
}

impl Segments {
    /// The value counted in each dimension, [`Dimension::All`] first.
    pub fn values(&self) -> [(Dimension, &'static str); 5] {
        [
            (Dimension::All, ALL),
            (
                Dimension::Locale,
                self.locale.map_or(UNKNOWN, |l| l.as_str()),
            ),
            (
                Dimension::TitleI,
                match self.title_i {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => UNKNOWN,
                },
            ),
            (
                Dimension::Poverty,
                self.poverty.map_or(UNKNOWN, |p| p.as_str()),
            ),
            (
                Dimension::Experience,
                self.experience.map_or(UNKNOWN, |e| e.as_str()),
            ),
        ]
    }
}

/// The school year (by the year it starts, July to June) of a month
/// written `YYYY-MM`; `None` for anything else.
pub fn school_year_of_month(month: &str) -> Option<i32> {
    let (y, m) = month.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    match m {
        1..=6 => Some(y - 1),
        7..=12 => Some(y),
        _ => None,
    }
}

/// The first and last month (`YYYY-MM`) of the school year starting in `year`.
pub fn months_of_school_year(year: i32) -> (String, String) {
    (format!("{year:04}-07"), format!("{:04}-06", year + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dimension_lists_each_value_its_segments_give() {
        let all = Segments {
            locale: Some(Locale::Rural),
            title_i: Some(true),
            poverty: Some(PovertyBand::High),
            experience: Some(ExperienceBand::New),
        };
        for s in [all, Segments::default()] {
            for (d, v) in s.values() {
                assert!(d.values().contains(&v), "{d} {v}");
            }
        }
        for l in Locale::ALL {
            assert!(Dimension::Locale.values().contains(&l.as_str()));
        }
        for p in PovertyBand::ALL {
            assert!(Dimension::Poverty.values().contains(&p.as_str()));
        }
        for e in ExperienceBand::ALL {
            assert!(Dimension::Experience.values().contains(&e.as_str()));
        }
    }

    #[test]
    fn experience_bands_meet_at_their_edges() {
        assert_eq!(ExperienceBand::of_years(-1), None);
        assert_eq!(ExperienceBand::of_years(0), Some(ExperienceBand::New));
        assert_eq!(ExperienceBand::of_years(3), Some(ExperienceBand::New));
        assert_eq!(ExperienceBand::of_years(4), Some(ExperienceBand::Early));
        assert_eq!(ExperienceBand::of_years(10), Some(ExperienceBand::Early));
        assert_eq!(ExperienceBand::of_years(11), Some(ExperienceBand::Mid));
        assert_eq!(ExperienceBand::of_years(20), Some(ExperienceBand::Mid));
        assert_eq!(ExperienceBand::of_years(21), Some(ExperienceBand::Veteran));
    }

    #[test]
    fn a_month_belongs_to_the_school_year_that_holds_it() {
        assert_eq!(school_year_of_month("2026-06"), Some(2025));
        assert_eq!(school_year_of_month("2026-07"), Some(2026));
        assert_eq!(school_year_of_month("2027-01"), Some(2026));
        assert_eq!(school_year_of_month("2026-13"), None);
        assert_eq!(school_year_of_month("2026-7"), None);
        assert_eq!(school_year_of_month("nonsense"), None);
        assert_eq!(
            months_of_school_year(2026),
            ("2026-07".to_string(), "2027-06".to_string())
        );
    }
}
