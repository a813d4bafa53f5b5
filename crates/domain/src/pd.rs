//! Professional development credit: the ledger's sources and the school
//! year (July to June) an entry counts in.

use crate::Timestamp;
use crate::evidence::Evidence;

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
        assert_eq!(july.date().to_string(), "2026-07-01");
        assert_eq!(school_year_label(2026), "2026–27");
        assert_eq!(school_year_label(2099), "2099–00");
    }
}

/// Outside activities: at most this many hours in one request.
pub const MAX_OUTSIDE_HOURS: u32 = 100;
const MAX_TITLE: usize = 200;
const MAX_DESCRIPTION: usize = 2_000;

crate::code_enum! {
    /// Where a request for outside PD hours stands.
    pub enum RequestStatus: "pd-request-status" {
        Pending = "pending",
        Approved = "approved",
        /// Sent back with a comment: the educator may send a corrected one.
        Returned = "returned",
        Rejected = "rejected",
    }
}

/// The outside-activity form, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct OutsideInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub completed_on: String,
    #[serde(default)]
    pub evidence_url: String,
    /// The organisation whose admins are asked to approve (its id).
    #[serde(default)]
    pub org: String,
}

/// A checked request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideDraft {
    pub title: String,
    pub description: Option<String>,
    pub quarter_hours: u32,
    pub completed_on: crate::time::Date,
    pub evidence_url: Option<String>,
    pub evidence: Option<Evidence>,
    pub org: crate::OrgId,
}

/// `1.5`, `1,5` or `2` hours, in quarter hours, from 0.25 to [`MAX_OUTSIDE_HOURS`].
pub fn parse_hours(input: &str) -> Result<u32, &'static str> {
    let t = input.trim().replace(',', ".");
    if t.is_empty() {
        return Err("required");
    }
    let h: f64 = t.parse().map_err(|_| "hours-invalid")?;
    let q = h * 4.0;
    if !h.is_finite() || q.fract() != 0.0 || h <= 0.0 || h > f64::from(MAX_OUTSIDE_HOURS) {
        return Err("hours-invalid");
    }
    Ok(q as u32)
}

impl OutsideInput {
    /// Checks the form and the file (`name`, bytes) if one was sent.
    /// `today` bounds the completion date.
    pub fn validate(
        &self,
        today: crate::time::Date,
        file: Option<(&str, &[u8])>,
    ) -> Result<OutsideDraft, crate::validation::Invalid> {
        use crate::validation::{Invalid, required_text};
        let mut errors = Invalid::new();
        let title = errors
            .check("title", required_text(&self.title, MAX_TITLE))
            .unwrap_or_default();
        let description = match self.description.trim() {
            "" => None,
            d if d.chars().count() > MAX_DESCRIPTION => {
                errors.push(
                    crate::validation::FieldError::new("description", "too-long")
                        .with_arg("max", MAX_DESCRIPTION),
                );
                None
            }
            d => Some(d.to_string()),
        };
        let quarter_hours = errors.check("hours", parse_hours(&self.hours)).unwrap_or(0);
        let completed_on = match crate::time::Date::parse(self.completed_on.trim()) {
            Some(d) if d > today => {
                errors.add("completed_on", "date-future");
                None
            }
            Some(d) => Some(d),
            None if self.completed_on.trim().is_empty() => {
                errors.add("completed_on", "required");
                None
            }
            None => {
                errors.add("completed_on", "date-invalid");
                None
            }
        };
        let evidence_url = crate::evidence::link(&mut errors, "evidence_url", &self.evidence_url);
        let evidence = crate::evidence::file(&mut errors, "evidence_file", file);
        if evidence_url.is_none()
            && evidence.is_none()
            && !errors.has("evidence_url")
            && !errors.has("evidence_file")
        {
            errors.add("evidence_url", "evidence-required");
        }
        let org = self.org.trim().parse::<i64>().ok().map(crate::OrgId);
        if org.is_none() {
            errors.add("org", "choose-one");
        }
        errors.into_result()?;
        match (completed_on, org) {
            (Some(completed_on), Some(org)) => Ok(OutsideDraft {
                title,
                description,
                quarter_hours,
                completed_on,
                evidence_url,
                evidence,
                org,
            }),
            _ => Err(Invalid::one("completed_on", "required")),
        }
    }
}

#[cfg(test)]
mod outside_tests {
    use super::*;
    use crate::evidence::MAX_EVIDENCE_BYTES;
    use crate::time::Date;

    fn input() -> OutsideInput {
        OutsideInput {
            title: "State AI summit".into(),
            hours: "3,5".into(),
            completed_on: "2026-10-02".into(),
            evidence_url: "https://summit.example.org/attendance/123".into(),
            org: "7".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_request_and_every_kind_of_mistake() {
        let today = Date::parse("2026-11-26").unwrap();
        let d = input().validate(today, None).unwrap();
        assert_eq!(
            (d.quarter_hours, d.org, d.completed_on.to_string()),
            (14, crate::OrgId(7), "2026-10-02".into())
        );
        let pdf = input()
            .validate(today, Some(("cert.pdf", b"%PDF-1.7 ...")))
            .unwrap();
        assert_eq!(pdf.evidence.unwrap().content_type, "application/pdf");

        let bad = OutsideInput {
            title: " ".into(),
            hours: "0.3".into(),
            completed_on: "2026-12-01".into(),
            evidence_url: String::new(),
            org: "x".into(),
            ..Default::default()
        }
        .validate(today, Some(("virus.exe", b"MZ\x90\x00")))
        .unwrap_err();
        let codes: Vec<(String, &str)> = bad.0.iter().map(|e| (e.field.clone(), e.code)).collect();
        assert_eq!(
            codes,
            [
                ("title".to_string(), "required"),
                ("hours".to_string(), "hours-invalid"),
                ("completed_on".to_string(), "date-future"),
                ("evidence_file".to_string(), "file-type"),
                ("org".to_string(), "choose-one"),
            ]
        );
        let none = OutsideInput {
            evidence_url: String::new(),
            ..input()
        }
        .validate(today, None)
        .unwrap_err();
        assert_eq!(none.0[0].code, "evidence-required");
        let big = vec![b'%'; MAX_EVIDENCE_BYTES + 1];
        let too_big = input()
            .validate(today, Some(("big.pdf", &big)))
            .unwrap_err();
        assert_eq!(too_big.0[0].code, "file-too-large");
        assert_eq!(parse_hours("100.25"), Err("hours-invalid"));
        assert_eq!(parse_hours("2"), Ok(8));
    }
}
