//! Professional development credit: the ledger's sources and the school
//! year (July to June) an entry counts in.

use crate::Timestamp;
use crate::evidence::Evidence;
use crate::time::TimeZone;

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
/// July 2026 to June 2027 — on the calendar of `zone`, the educator's
/// school's, so 8 pm on 30 June in Los Angeles still counts in June.
pub fn school_year(at: Timestamp, zone: &TimeZone) -> i32 {
    let d = at.date_in(zone);
    let y = i32::from(d.year());
    if d.month() >= 7 { y } else { y - 1 }
}

/// `2026–27`.
pub fn school_year_label(start: i32) -> String {
    format!("{start}–{:02}", (start + 1).rem_euclid(100))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> TimeZone {
        TimeZone::parse(name).unwrap()
    }

    fn at(s: &str) -> Timestamp {
        Timestamp::from_jiff(s.parse().unwrap())
    }

    #[test]
    fn school_years_run_july_to_june() {
        let utc = TimeZone::utc();
        let june = at("2026-06-30T23:59:59Z");
        let july = at("2026-07-01T00:00:00Z");
        assert_eq!(school_year(june, &utc), 2025);
        assert_eq!(school_year(july, &utc), 2026);
        assert_eq!(school_year_label(2026), "2026–27");
        assert_eq!(school_year_label(2099), "2099–00");
    }

    #[test]
    fn school_years_turn_at_local_midnight() {
        // 30 June 2026, 8:00 pm in Los Angeles = 1 July, 03:00 UTC.
        let evening = at("2026-07-01T03:00:00Z");
        assert_eq!(school_year(evening, &zone("America/Los_Angeles")), 2025);
        assert_eq!(school_year(evening, &zone("America/New_York")), 2025);
        assert_eq!(school_year(evening, &TimeZone::utc()), 2026);
        // 30 June, 11:30 pm in Honolulu (HST, no DST) = 1 July, 09:30 UTC.
        let late = at("2026-07-01T09:30:00Z");
        assert_eq!(school_year(late, &zone("Pacific/Honolulu")), 2025);
        assert_eq!(school_year(late, &zone("America/Chicago")), 2026);
        // Puerto Rico (AST, UTC-4 all year): midnight of 1 July is 04:00 UTC.
        let pr = zone("America/Puerto_Rico");
        assert_eq!(school_year(at("2026-07-01T03:59:59Z"), &pr), 2025);
        assert_eq!(school_year(at("2026-07-01T04:00:00Z"), &pr), 2026);
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
