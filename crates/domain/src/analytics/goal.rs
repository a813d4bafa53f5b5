//! The programme's goal: how many educators it means to reach, in which
//! school years, and the milestone due by the end of each; whether the
//! programme is on track, and when it would reach the goal at its pace.
//!
//! Months are written `YYYY-MM` and school years go by the year they start
//! (July to June), as in the rest of [`crate::analytics`].

use super::{ReachedBy, school_year_of_month};
use crate::validation::{FieldError, Invalid, choice};
use serde::{Deserialize, Serialize};

/// The goal a programme starts with: 400,000 educators in five school years.
pub const DEFAULT_TARGET: u32 = 400_000;
/// People reached by the end of each of the default goal's five years.
pub const DEFAULT_MILESTONES: [u32; 5] = [40_000, 120_000, 220_000, 320_000, 400_000];
/// Most people a goal may aim at: well above every US state's educators.
pub const MAX_TARGET: u32 = 10_000_000;
/// The school years a goal may start in.
pub const FIRST_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
/// Most school years a goal may span (one milestone each).
pub const MAX_YEARS: usize = 10;

/// The programme's goal, as its admins set it (stored as JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    /// People to reach by the end of the last year.
    pub target: u32,
    /// The school year the programme starts, by the year it starts: 2026
    /// is July 2026 to June 2027.
    pub first_year: i32,
    /// People reached, counted from the start, by the end of each school
    /// year from `first_year` on: never decreasing, the last the target.
    pub milestones: Vec<u32>,
    /// What counts as having reached an educator.
    pub reached_by: ReachedBy,
}

impl Goal {
    /// The default goal for a programme starting in school year `first_year`.
    pub fn default_from(first_year: i32) -> Goal {
        Goal {
            target: DEFAULT_TARGET,
            first_year,
            milestones: DEFAULT_MILESTONES.to_vec(),
            reached_by: ReachedBy::Completed,
        }
    }

    /// The last school year of the goal, whose milestone is the target.
    pub fn last_year(&self) -> i32 {
        // At most MAX_YEARS milestones: the length fits.
        self.first_year + i32::try_from(self.milestones.len()).unwrap_or(i32::MAX) - 1
    }

    /// People due by the end of school year `year`, counted from the
    /// start; `None` outside the goal's years.
    pub fn milestone_for(&self, year: i32) -> Option<u32> {
        let k = usize::try_from(year.checked_sub(self.first_year)?).ok()?;
        self.milestones.get(k).copied()
    }
}

/// A goal as a form or a JSON body sends it, every value as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct GoalInput {
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub first_year: String,
    /// One a school year, in order. Blank ones at the end are rows the form
    /// offered and nobody filled: they are left out.
    #[serde(default)]
    pub milestones: Vec<String>,
    #[serde(default)]
    pub reached_by: String,
}

impl From<&Goal> for GoalInput {
    /// The form filled with a goal, to change it.
    fn from(g: &Goal) -> Self {
        GoalInput {
            target: g.target.to_string(),
            first_year: g.first_year.to_string(),
            milestones: g.milestones.iter().map(u32::to_string).collect(),
            reached_by: g.reached_by.as_str().to_string(),
        }
    }
}

impl GoalInput {
    /// The goal it makes, or every problem with it by field: `target`,
    /// `first_year`, `milestones` (none or too many), `milestones-<n>`
    /// (counted from 1), `reached_by`.
    pub fn validate(&self) -> Result<Goal, Invalid> {
        let mut inv = Invalid::new();
        let target = number(&mut inv, "target", &self.target, 1, MAX_TARGET.into());
        let first_year = year(&mut inv, "first_year", &self.first_year);
        let milestones = self.milestones(&mut inv, target);
        let reached_by = choice(&mut inv, "reached_by", &self.reached_by, ReachedBy::parse);
        // Each `None` recorded its problem.
        match (target, first_year, milestones, reached_by) {
            (Some(target), Some(first_year), Some(milestones), Some(reached_by))
                if inv.is_empty() =>
            {
                Ok(Goal {
                    // Within MAX_TARGET, checked above.
                    target: u32::try_from(target).unwrap_or(MAX_TARGET),
                    first_year,
                    milestones,
                    reached_by,
                })
            }
            _ => Err(inv),
        }
    }

    /// The milestones, each checked on its own field: a whole number from 0
    /// to the target, none below the one before, the last the target.
    fn milestones(&self, inv: &mut Invalid, target: Option<u64>) -> Option<Vec<u32>> {
        let typed = self
            .milestones
            .iter()
            .rposition(|m| !m.trim().is_empty())
            .map_or(&self.milestones[..0], |last| &self.milestones[..=last]);
        if typed.is_empty() {
            inv.add("milestones", "required");
            return None;
        }
        if typed.len() > MAX_YEARS {
            inv.push(FieldError::new("milestones", "too-many").with_arg("max", MAX_YEARS));
        }
        let problems_before = inv.0.len();
        let most = target.unwrap_or(MAX_TARGET.into());
        let mut values = Vec::with_capacity(typed.len());
        // The milestone read last, for the next to be compared with.
        let mut before: Option<u64> = None;
        for (k, text) in typed.iter().enumerate() {
            let field = format!("milestones-{}", k + 1);
            let Some(v) = number(inv, &field, text, 0, most) else {
                continue;
            };
            let last = k + 1 == typed.len();
            if let Some(b) = before.filter(|&b| v < b) {
                // Milestones count everyone reached so far: they never fall.
                inv.push(
                    FieldError::new(field, "milestone-below-previous")
                        .with_arg("previous", b)
                        .with_arg("year", k + 1),
                );
            } else if let Some(t) = target.filter(|&t| last && v != t) {
                inv.push(
                    FieldError::new(field, "milestone-not-target")
                        .with_arg("target", t)
                        .with_arg("year", k + 1),
                );
            }
            before = Some(v);
            values.push(u32::try_from(v).unwrap_or(MAX_TARGET));
        }
        (inv.0.len() == problems_before).then_some(values)
    }
}

/// A whole number from `min` to `max` typed in `field`: blank is
/// `required`, anything else out of range or not a whole number
/// `number-range`.
fn number(inv: &mut Invalid, field: &str, text: &str, min: u64, max: u64) -> Option<u64> {
    if text.trim().is_empty() {
        inv.add(field, "required");
        return None;
    }
    match whole_number(text) {
        Some(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            inv.push(
                FieldError::new(field, "number-range")
                    .with_arg("min", min)
                    .with_arg("max", max),
            );
            None
        }
    }
}

/// The school year the goal starts, as typed.
fn year(inv: &mut Invalid, field: &str, text: &str) -> Option<i32> {
    let text = text.trim();
    if text.is_empty() {
        inv.add(field, "required");
        return None;
    }
    match text.parse::<i32>() {
        Ok(y) if FIRST_YEARS.contains(&y) => Some(y),
        _ => {
            inv.push(
                FieldError::new(field, "number-range")
                    .with_arg("min", FIRST_YEARS.start())
                    .with_arg("max", FIRST_YEARS.end()),
            );
            None
        }
    }
}

/// A whole number as people type large ones: `400000`, `400,000`,
/// `400.000` or `400 000` (one kind of separator, between groups of three
/// digits, so `1.5` is no number here rather than fifteen).
fn whole_number(text: &str) -> Option<u64> {
    let text = text.trim();
    let separator = text.chars().find(|c| !c.is_ascii_digit());
    let groups: Vec<&str> = match separator {
        None => vec![text],
        Some(s @ (',' | '.' | ' ' | '\u{a0}' | '\u{202f}')) => text.split(s).collect(),
        Some(_) => return None,
    };
    let (first, rest) = groups.split_first()?;
    let well_grouped = !first.is_empty()
        && first.bytes().all(|b| b.is_ascii_digit())
        && (rest.is_empty() || first.len() <= 3)
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if !well_grouped {
        return None;
    }
    groups.concat().parse().ok()
}

// ---------------------------------------------------------------------------
// Pace and projection.

/// When the programme reaches its goal at its current pace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Projection {
    /// The target is reached already.
    Reached,
    /// The month (`YYYY-MM`) the target is reached in at the current pace.
    At(String),
    /// Never at this pace: nobody reached lately (or not before year 9999).
    Never,
}

/// The months counted back for the pace: a year, so seasons even out.
const PACE_MONTHS: i64 = 12;

/// Months since year 0 of a `YYYY-MM` month.
fn month_index(month: &str) -> Option<i64> {
    // `school_year_of_month` checks the shape.
    school_year_of_month(month)?;
    let (y, m) = month.split_once('-')?;
    Some(y.parse::<i64>().ok()? * 12 + m.parse::<i64>().ok()? - 1)
}

/// The `YYYY-MM` month of a [`month_index`].
fn month_from_index(index: i64) -> String {
    format!(
        "{:04}-{:02}",
        index.div_euclid(12),
        index.rem_euclid(12) + 1
    )
}

/// People reached per month, on average over the 12 complete months before
/// `this_month` (the month under way is only partly counted). A younger
/// programme averages over its months so far, from the month of its
/// earliest entry (give its first month with 0 if nobody was reached in
/// it); months without an entry count as 0. 0.0 when no complete month is
/// counted, or `this_month` is not a month.
pub fn pace(reached_by_month: &[(String, u64)], this_month: &str) -> f64 {
    let Some(now) = month_index(this_month) else {
        return 0.0;
    };
    let months: Vec<(i64, u64)> = reached_by_month
        .iter()
        .filter_map(|(m, n)| Some((month_index(m)?, *n)))
        .filter(|&(m, _)| m < now)
        .collect();
    let Some(start) = months.iter().map(|&(m, _)| m).min() else {
        return 0.0;
    };
    let from = start.max(now - PACE_MONTHS);
    let people: u64 = months
        .iter()
        .filter(|&&(m, _)| m >= from)
        .map(|&(_, n)| n)
        .sum();
    people as f64 / (now - from) as f64
}

/// The month the goal's target is reached if `pace_per_month` more people
/// are reached each month from this one on: the month under way counts
/// whole, so a target one person away is reached this month.
pub fn projected_month(
    goal: &Goal,
    reached: u64,
    pace_per_month: f64,
    this_month: &str,
) -> Projection {
    let Some(left) = u64::from(goal.target)
        .checked_sub(reached)
        .filter(|&l| l > 0)
    else {
        return Projection::Reached;
    };
    let Some(now) = month_index(this_month) else {
        return Projection::Never;
    };
    // NaN fails this test too.
    if pace_per_month.is_nan() || pace_per_month <= 0.0 {
        return Projection::Never;
    }
    let months = (left as f64 / pace_per_month).ceil();
    // Past year 9999 the month is no `YYYY-MM`: as good as never.
    let last = month_index("9999-12").unwrap_or(i64::MAX);
    if months > (last - now + 1) as f64 {
        return Projection::Never;
    }
    Projection::At(month_from_index(now + months as i64 - 1))
}

/// Whether `reached` keeps up with the goal in `this_month`: at least the
/// milestone pro-rated through the school year, from the previous year's
/// milestone (0 before the first year) to this year's, by the months
/// complete before this one (the month under way is only partly counted;
/// July asks the previous milestone, June eleven twelfths of the way).
/// `None` before the first year starts, after the last one ends, or for no
/// month.
pub fn on_track(goal: &Goal, reached: u64, this_month: &str) -> Option<bool> {
    let year = school_year_of_month(this_month)?;
    let due_by_end = u64::from(goal.milestone_for(year)?);
    let due_at_start = if year == goal.first_year {
        0
    } else {
        u64::from(goal.milestone_for(year - 1)?)
    };
    let july = month_index(&super::months_of_school_year(year).0)?;
    let done = u64::try_from(month_index(this_month)? - july).ok()?;
    // reached ≥ start + (end − start) × done / 12, in whole numbers.
    let due_twelfths = due_at_start * 12 + due_by_end.saturating_sub(due_at_start) * done;
    Some(u128::from(reached) * 12 >= u128::from(due_twelfths))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(target: &str, first_year: &str, milestones: &[&str], reached_by: &str) -> GoalInput {
        GoalInput {
            target: target.into(),
            first_year: first_year.into(),
            milestones: milestones.iter().map(|m| m.to_string()).collect(),
            reached_by: reached_by.into(),
        }
    }

    /// The problems found, as (field, code).
    fn problems(i: &GoalInput) -> Vec<(String, &'static str)> {
        match i.validate() {
            Ok(g) => panic!("accepted {g:?}"),
            Err(inv) => inv.0.into_iter().map(|e| (e.field, e.code)).collect(),
        }
    }

    fn p(field: &str, code: &'static str) -> (String, &'static str) {
        (field.to_string(), code)
    }

    #[test]
    fn the_default_goal_is_400000_in_five_years() {
        let g = Goal::default_from(2026);
        assert_eq!(g.target, 400_000);
        assert_eq!(g.milestones, [40_000, 120_000, 220_000, 320_000, 400_000]);
        assert_eq!(g.reached_by, ReachedBy::Completed);
        assert_eq!(g.last_year(), 2030);
        assert_eq!(g.milestone_for(2025), None);
        assert_eq!(g.milestone_for(2026), Some(40_000));
        assert_eq!(g.milestone_for(2030), Some(400_000));
        assert_eq!(g.milestone_for(2031), None);
        // The form filled with it gives it back, and so does its JSON.
        assert_eq!(GoalInput::from(&g).validate(), Ok(g.clone()));
        let json = serde_json::to_string(&g).unwrap();
        assert!(json.contains(r#""reached_by":"completed""#), "{json}");
        assert_eq!(serde_json::from_str::<Goal>(&json).unwrap(), g);
    }

    #[test]
    fn a_goal_as_typed() {
        let g = input(
            " 1,000 ",
            "2027",
            &["100", "1.000", " 1 000 ", "", ""],
            "pd-hours",
        )
        .validate()
        .unwrap();
        assert_eq!(
            g,
            Goal {
                target: 1_000,
                first_year: 2027,
                milestones: vec![100, 1_000, 1_000],
                reached_by: ReachedBy::PdHours,
            }
        );
        // One year, a milestone of the target alone.
        let g = input("5", "2000", &["5"], "attended").validate().unwrap();
        assert_eq!((g.first_year, g.last_year()), (2000, 2000));
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        assert_eq!(
            problems(&input("", "", &[], "")),
            vec![
                p("target", "required"),
                p("first_year", "required"),
                p("milestones", "required"),
                p("reached_by", "choose-one"),
            ]
        );
        for bad in [
            "0", "10000001", "-5", "1.5", "12,34", "1,0000", "many", "4e5",
        ] {
            assert_eq!(
                problems(&input(bad, "2026", &["5"], "completed")),
                vec![p("target", "number-range")],
                "{bad}"
            );
        }
        for bad in ["1999", "2101", "26", "2026-27"] {
            assert_eq!(
                problems(&input("5", bad, &["5"], "completed")),
                vec![p("first_year", "number-range")],
                "{bad}"
            );
        }
        assert_eq!(
            problems(&input("5", "2026", &["5"], "visited")),
            vec![p("reached_by", "unknown-choice")]
        );
        // Blank milestones between typed ones, and numbers that are not.
        assert_eq!(
            problems(&input("9", "2026", &["1", "", "x", "-1", "9"], "completed")),
            vec![
                p("milestones-2", "required"),
                p("milestones-3", "number-range"),
                p("milestones-4", "number-range"),
            ]
        );
        // Above the target, each on its own field.
        let inv = input("9", "2026", &["10", "9"], "completed")
            .validate()
            .unwrap_err();
        assert_eq!(inv.0.len(), 1);
        assert_eq!(inv.0[0].field, "milestones-1");
        assert_eq!(
            inv.0[0].args,
            vec![("min", "0".into()), ("max", "9".into())]
        );
        // Eleven years.
        let eleven: Vec<String> = (1..=11).map(|n| n.to_string()).collect();
        let eleven: Vec<&str> = eleven.iter().map(String::as_str).collect();
        assert_eq!(
            problems(&input("11", "2026", &eleven, "completed")),
            vec![p("milestones", "too-many")]
        );
        assert!(
            input("10", "2026", &eleven[..10], "completed")
                .validate()
                .is_ok()
        );
    }

    #[test]
    fn milestones_never_fall_and_end_at_the_target() {
        // A milestone below the one before is refused on its own field.
        let inv = input("30", "2026", &["10", "20", "15", "30"], "completed")
            .validate()
            .unwrap_err();
        assert_eq!(inv.0.len(), 1);
        assert_eq!(inv.0[0].field, "milestones-3");
        assert_eq!(inv.0[0].code, "milestone-below-previous");
        assert_eq!(
            inv.0[0].args,
            vec![("previous", "20".into()), ("year", "3".into())]
        );
        // Compared with the last one read when the one before is wrong.
        assert_eq!(
            problems(&input("30", "2026", &["20", "x", "10", "30"], "completed")),
            vec![
                p("milestones-2", "number-range"),
                p("milestones-3", "milestone-below-previous"),
            ]
        );
        // Equal years are fine: nobody new that year.
        assert!(
            input("30", "2026", &["20", "20", "30"], "completed")
                .validate()
                .is_ok()
        );
        // The last must be the target: refused on the last one's field.
        let inv = input("30", "2026", &["10", "20"], "completed")
            .validate()
            .unwrap_err();
        assert_eq!(inv.0.len(), 1);
        assert_eq!(inv.0[0].field, "milestones-2");
        assert_eq!(inv.0[0].code, "milestone-not-target");
        assert_eq!(
            inv.0[0].args,
            vec![("target", "30".into()), ("year", "2".into())]
        );
        // Trailing blank rows do not count as years.
        assert_eq!(
            problems(&input("30", "2026", &["10", "20", " "], "completed")),
            vec![p("milestones-2", "milestone-not-target")]
        );
        // With no valid target there is nothing to compare the last with.
        assert_eq!(
            problems(&input("0", "2026", &["10", "20"], "completed")),
            vec![p("target", "number-range")]
        );
    }

    #[test]
    fn every_code_has_a_message_in_both_languages() {
        use crate::i18n::{Lang, catalogue};
        let inv = input("30", "2026", &["20", "10", "20"], "completed")
            .validate()
            .unwrap_err();
        for e in inv.0 {
            for lang in Lang::ALL {
                let key = format!("error-{}", e.code);
                assert!(catalogue().has(*lang, &key), "{lang} lacks {key}");
            }
        }
        let e =
            FieldError::new("milestones-3", "milestone-below-previous").with_arg("previous", 20);
        assert!(
            e.message(Lang::En).contains("20"),
            "{}",
            e.message(Lang::En)
        );
    }

    #[test]
    fn months_count_across_years() {
        assert_eq!(month_index("2026-01"), Some(2026 * 12));
        assert_eq!(month_index("2026-13"), None);
        assert_eq!(month_from_index(2026 * 12 + 11), "2026-12");
        assert_eq!(
            month_from_index(month_index("2027-01").unwrap() - 1),
            "2026-12"
        );
    }

    fn months(entries: &[(&str, u64)]) -> Vec<(String, u64)> {
        entries.iter().map(|(m, n)| (m.to_string(), *n)).collect()
    }

    #[test]
    fn pace_is_the_last_twelve_complete_months() {
        // Nothing counted yet.
        assert_eq!(pace(&[], "2026-09"), 0.0);
        // Only the month under way: no complete month.
        assert_eq!(pace(&months(&[("2026-09", 50)]), "2026-09"), 0.0);
        // Two months old, the month under way left out.
        let young = months(&[("2026-07", 30), ("2026-08", 10), ("2026-09", 500)]);
        assert_eq!(pace(&young, "2026-09"), 20.0);
        // Gaps count as nobody: July and September over three months.
        let gaps = months(&[("2026-07", 30), ("2026-09", 60)]);
        assert_eq!(pace(&gaps, "2026-10"), 30.0);
        // Older than a year: only the last twelve complete months count.
        let mut old = vec![("2025-01".to_string(), 1_000_000)];
        old.extend(months(&[
            ("2026-03", 120),
            ("2026-12", 120),
            ("2027-02", 9),
        ]));
        assert_eq!(pace(&old, "2027-03"), 249.0 / 12.0);
        assert_eq!(pace(&old, "2027-02"), 240.0 / 12.0);
        // Not a month.
        assert_eq!(pace(&old, "March"), 0.0);
    }

    #[test]
    fn projection_at_its_edges() {
        let g = Goal::default_from(2026);
        assert_eq!(
            projected_month(&g, 400_000, 0.0, "2027-01"),
            Projection::Reached
        );
        assert_eq!(
            projected_month(&g, 500_000, 10.0, "2027-01"),
            Projection::Reached
        );
        assert_eq!(
            projected_month(&g, 1_000, 0.0, "2027-01"),
            Projection::Never
        );
        assert_eq!(
            projected_month(&g, 1_000, -3.0, "2027-01"),
            Projection::Never
        );
        assert_eq!(
            projected_month(&g, 1_000, f64::NAN, "2027-01"),
            Projection::Never
        );
        assert_eq!(
            projected_month(&g, 1_000, 1e-9, "2027-01"),
            Projection::Never
        );
        // One person away: this month.
        assert_eq!(
            projected_month(&g, 399_999, 1_000.0, "2027-01"),
            Projection::At("2027-01".into())
        );
        // Exactly on a month: 3 months of 1,000 from January end in March.
        assert_eq!(
            projected_month(&g, 397_000, 1_000.0, "2027-01"),
            Projection::At("2027-03".into())
        );
        // One more person takes a month more, across the year's end.
        assert_eq!(
            projected_month(&g, 396_999, 1_000.0, "2026-11"),
            Projection::At("2027-02".into())
        );
        // 400,000 months away: past year 9999.
        assert_eq!(projected_month(&g, 0, 1.0, "2027-01"), Projection::Never);
        assert_eq!(
            projected_month(&g, 0, 40.0, "2027-01"),
            Projection::At("2860-04".into())
        );
    }

    #[test]
    fn on_track_pro_rates_the_year() {
        let g = Goal::default_from(2026);
        // Before the first year and after the last: nothing to say.
        assert_eq!(on_track(&g, 0, "2026-06"), None);
        assert_eq!(on_track(&g, 0, "2031-07"), None);
        assert_eq!(on_track(&g, 0, "nonsense"), None);
        // The first July asks nothing yet; the last June is eleven twelfths
        // of the way from 320,000 to 400,000.
        assert_eq!(on_track(&g, 0, "2026-07"), Some(true));
        assert_eq!(on_track(&g, 393_333, "2031-06"), Some(false));
        assert_eq!(on_track(&g, 393_334, "2031-06"), Some(true));
        // The start of a later year asks the previous year's milestone.
        assert_eq!(on_track(&g, 119_999, "2028-07"), Some(false));
        assert_eq!(on_track(&g, 120_000, "2028-07"), Some(true));
        // January: half way from 120,000 to 220,000.
        assert_eq!(on_track(&g, 169_999, "2029-01"), Some(false));
        assert_eq!(on_track(&g, 170_000, "2029-01"), Some(true));
        // The first year's June: eleven twelfths of 40,000.
        assert_eq!(on_track(&g, 36_666, "2027-06"), Some(false));
        assert_eq!(on_track(&g, 36_667, "2027-06"), Some(true));
    }
}
