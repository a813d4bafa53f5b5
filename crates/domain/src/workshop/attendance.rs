//! Attendance rules, apart from storage: the offering's rule for credit,
//! when a session's check-in is open, and whether a typed check-in code is
//! the session's.

use super::Mark;
use crate::Timestamp;
use std::time::Duration;

/// Check-in opens this long before a session starts (people arrive early)
/// and closes when it ends.
pub const CHECKIN_OPENS_BEFORE: Duration = Duration::from_secs(30 * 60);

/// An offering's rule for credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CreditRule {
    /// The share of the offering's sessions (those not cancelled) a person
    /// must have attended, in percent.
    pub min_percent: u32,
    /// The course of a cohort must be completed too.
    pub needs_course: bool,
}

/// What a person has done towards an offering's credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Sessions held or planned, not cancelled.
    pub sessions: u32,
    /// Of those, the ones whose mark counts as attending.
    pub attended: u32,
    /// The cohort's course is completed (ignored for standalone workshops).
    pub course_completed: bool,
}

impl Progress {
    /// Counts attended sessions from each non-cancelled session's mark.
    pub fn from_marks(marks: &[Option<Mark>], course_completed: bool) -> Self {
        let attended = marks.iter().flatten().filter(|m| m.attended()).count();
        Progress {
            sessions: u32::try_from(marks.len()).unwrap_or(u32::MAX),
            attended: u32::try_from(attended).unwrap_or(u32::MAX),
            course_completed,
        }
    }
}

impl CreditRule {
    /// Whether `p` meets the rule. An offering with no session left earns
    /// nothing; the share is compared exactly (no rounding: 4 of 5 is 80 %).
    pub fn met_by(&self, p: &Progress) -> bool {
        if p.sessions == 0 || (self.needs_course && !p.course_completed) {
            return false;
        }
        u64::from(p.attended) * 100 >= u64::from(self.min_percent) * u64::from(p.sessions)
    }
}

/// Where a session's check-in stands at some moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Not yet: check-in opens at this time.
    OpensAt(Timestamp),
    Open,
    /// The session is over.
    Closed,
}

/// The check-in window of a session from `start` to `end`, at `now`: open
/// from [`CHECKIN_OPENS_BEFORE`] the start until the end, both included.
pub fn checkin_window(start: Timestamp, end: Timestamp, now: Timestamp) -> Window {
    let opens = start.minus(CHECKIN_OPENS_BEFORE);
    if now < opens {
        Window::OpensAt(opens)
    } else if now > end {
        Window::Closed
    } else {
        Window::Open
    }
}

/// A typed code as it is compared: letters in capitals, without spaces or
/// dashes (people type `k7p mx3` off a slide).
pub fn normalise_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether `typed` is `code`, normalised; the comparison takes the same
/// time wherever the first difference is.
pub fn code_matches(code: &str, typed: &str) -> bool {
    let (a, b) = (normalise_code(code), normalise_code(typed));
    if a.is_empty() || a.len() != b.len() {
        return false;
    }
    a.bytes()
        .zip(b.bytes())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE_80: CreditRule = CreditRule {
        min_percent: 80,
        needs_course: false,
    };

    fn progress(sessions: u32, attended: u32) -> Progress {
        Progress {
            sessions,
            attended,
            course_completed: false,
        }
    }

    #[test]
    fn exactly_the_share_meets_the_rule() {
        assert!(RULE_80.met_by(&progress(5, 4)));
        assert!(!RULE_80.met_by(&progress(5, 3)));
        // 7 of 9 is 77.8 %: no rounding up.
        assert!(!RULE_80.met_by(&progress(9, 7)));
        assert!(RULE_80.met_by(&progress(1, 1)));
    }

    #[test]
    fn no_sessions_earn_nothing_even_at_zero_percent() {
        let any = CreditRule {
            min_percent: 0,
            needs_course: false,
        };
        assert!(!any.met_by(&progress(0, 0)));
        assert!(any.met_by(&progress(3, 0)));
    }

    #[test]
    fn a_cohort_needs_its_course_completed() {
        let cohort = CreditRule {
            min_percent: 50,
            needs_course: true,
        };
        assert!(!cohort.met_by(&progress(2, 2)));
        let done = Progress {
            course_completed: true,
            ..progress(2, 1)
        };
        assert!(cohort.met_by(&done));
    }

    #[test]
    fn late_and_left_early_count_absent_and_excused_do_not() {
        let marks = [
            Some(Mark::Present),
            Some(Mark::Late),
            Some(Mark::LeftEarly),
            Some(Mark::Absent),
            Some(Mark::Excused),
            None,
        ];
        let p = Progress::from_marks(&marks, false);
        assert_eq!((p.sessions, p.attended), (6, 3));
        assert!(!RULE_80.met_by(&p));
    }

    #[test]
    fn the_window_opens_half_an_hour_before_and_closes_at_the_end() {
        let start = Timestamp::from_micros(10_000_000_000);
        let end = start.plus(Duration::from_secs(3600));
        let opens = start.minus(CHECKIN_OPENS_BEFORE);
        let us = Duration::from_micros(1);
        assert_eq!(
            checkin_window(start, end, opens.minus(us)),
            Window::OpensAt(opens)
        );
        assert_eq!(checkin_window(start, end, opens), Window::Open);
        assert_eq!(checkin_window(start, end, end), Window::Open);
        assert_eq!(checkin_window(start, end, end.plus(us)), Window::Closed);
    }

    #[test]
    fn codes_match_whatever_the_case_and_spacing() {
        assert!(code_matches("K7PMX3", "k7p mx3"));
        assert!(code_matches("K7PMX3", " K7P-MX3 "));
        assert!(!code_matches("K7PMX3", "K7PMX"));
        assert!(!code_matches("K7PMX3", "K7PMX4"));
        assert!(!code_matches("", ""));
    }
}
