//! Professional development credit: the ledger's sources and the school
//! year (July to June) an entry counts in.

use crate::Timestamp;

crate::code_enum! {
    /// Where PD hours came from.
    pub enum Source: "pd-source" {
        /// A completed course.
        Course = "course",
        /// A workshop attended (written by the workshops issue).
        Workshop = "workshop",
        /// An outside activity an admin approved.
        Outside = "outside",
    }
}

/// The school year a moment falls in, by the year it starts: 2026 for
/// July 2026 to June 2027.
pub fn school_year(at: Timestamp) -> i32 {
    let (y, m, _) = at.utc_date();
    let start = if m >= 7 { y } else { y - 1 };
    i32::try_from(start).unwrap_or(i32::MAX)
}

/// `2026–27`.
pub fn school_year_label(start: i32) -> String {
    format!("{start}–{:02}", (start + 1).rem_euclid(100))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn school_years_run_july_to_june() {
        // 2026-06-30 23:59:59 UTC and 2026-07-01 00:00:00 UTC.
        let june = Timestamp::from_micros(1_782_863_999_000_000);
        let july = Timestamp::from_micros(1_782_864_000_000_000);
        assert_eq!(june.to_rfc3339(), "2026-06-30T23:59:59Z");
        assert_eq!(school_year(june), 2025);
        assert_eq!(school_year(july), 2026);
        assert_eq!(school_year_label(2026), "2026–27");
        assert_eq!(school_year_label(2099), "2099–00");
    }
}
