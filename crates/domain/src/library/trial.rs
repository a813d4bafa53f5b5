//! Checking a trial report: every impossible or missing value named by its
//! field, nothing half-saved.
//!
//! Fields are named as the form names them (and the API's properties):
//! `subject`, `grade_band`, `students`, `periods`, `fidelity`, `happened`,
//! `would_change`, `use_again`, `design`, `sample_size`, `comparison_size`,
//! `sites`, `measure`, `effect_direction`, `effect_size`, `significant`.
//! [`TrialInput`] is what a form or a JSON body sends, as text;
//! [`TrialInput::validate`] turns it into a [`TrialReport`] that [`check`]
//! accepts, or says everything wrong with it.

use super::{Design, EffectDirection, Evidence, Fidelity, TrialContext, TrialReport};
use crate::org::Locale;
use crate::profile::{GradeBand, Subject};
use crate::validation::{FieldError, Invalid, choice};
use serde::Deserialize;

/// A classroom report covers one class: more students than this is a
/// school, not a classroom.
pub const MAX_STUDENTS: u32 = 200;
pub const MAX_PERIODS: u32 = 200;
/// "What happened" and "what I would change", in characters.
pub const MAX_TEXT: usize = 5_000;
pub const MAX_MEASURE: usize = 200;
pub const MAX_SAMPLE: u32 = 100_000;
pub const MAX_SITES: u32 = 10_000;
/// A standardised effect size, in hundredths: −5.00 to 5.00.
pub const MAX_EFFECT_CENTI: i32 = 500;

fn range(field: &str, min: i64, max: i64) -> FieldError {
    FieldError::new(field, "number-range")
        .with_arg("min", min)
        .with_arg("max", max)
}

fn in_range(inv: &mut Invalid, field: &str, v: Option<u32>, min: u32, max: u32, required: bool) {
    match v {
        None if required => inv.add(field, "required"),
        None => {}
        Some(n) if n < min || n > max => inv.push(range(field, min.into(), max.into())),
        Some(_) => {}
    }
}

fn text(inv: &mut Invalid, field: &str, value: &str, max: usize, required: bool) {
    if required && value.trim().is_empty() {
        inv.add(field, "required");
    } else if value.chars().count() > max {
        inv.push(FieldError::new(field, "too-long").with_arg("max", max));
    } else if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        inv.add(field, "control-characters");
    }
}

/// Says everything wrong with a report, by field; `Ok` when it may be
/// stored as it is.
pub fn check(r: &TrialReport) -> Result<(), Invalid> {
    let mut inv = Invalid::new();
    in_range(
        &mut inv,
        "students",
        Some(r.students),
        1,
        MAX_STUDENTS,
        true,
    );
    in_range(&mut inv, "periods", Some(r.periods), 1, MAX_PERIODS, true);
    text(&mut inv, "happened", &r.happened, MAX_TEXT, true);
    text(&mut inv, "would_change", &r.would_change, MAX_TEXT, false);
    check_evidence(&mut inv, &r.evidence);
    inv.into_result()
}

fn check_evidence(inv: &mut Invalid, e: &Evidence) {
    if e.design == Design::None {
        // An account of the classroom: no outcome was measured.
        for (field, present) in [
            ("sample_size", e.sample_size.is_some()),
            ("comparison_size", e.comparison_size.is_some()),
            ("sites", e.sites.is_some()),
            (
                "measure",
                e.measure.as_deref().is_some_and(|m| !m.is_empty()),
            ),
        ] {
            if present {
                inv.add(field, "sample-without-design");
            }
        }
        for (field, present) in [
            ("effect_direction", e.effect_direction.is_some()),
            ("effect_size", e.effect_size_centi.is_some()),
            ("significant", e.significant.is_some()),
        ] {
            if present {
                inv.add(field, "effect-without-design");
            }
        }
        return;
    }
    in_range(inv, "sample_size", e.sample_size, 1, MAX_SAMPLE, true);
    let with_comparison = matches!(e.design, Design::Comparison | Design::Randomised);
    match (with_comparison, e.comparison_size, e.sample_size) {
        (true, None, _) => inv.add("comparison_size", "required"),
        (true, Some(0), _) => inv.push(range(
            "comparison_size",
            1,
            i64::from(e.sample_size.unwrap_or(2).max(2)) - 1,
        )),
        (true, Some(c), Some(s)) if c >= s => {
            inv.add("comparison_size", "comparison-not-below-sample")
        }
        (false, Some(_), _) => inv.add("comparison_size", "comparison-without-design"),
        _ => {}
    }
    in_range(inv, "sites", e.sites, 1, MAX_SITES, true);
    let measure = e.measure.as_deref().unwrap_or("");
    text(
        inv,
        "measure",
        measure,
        MAX_MEASURE,
        e.effect_direction.is_some(),
    );
    if let Some(centi) = e.effect_size_centi {
        if !(-MAX_EFFECT_CENTI..=MAX_EFFECT_CENTI).contains(&centi) {
            inv.add("effect_size", "effect-size-range");
        } else if e.effect_direction.is_none() {
            inv.add("effect_size", "effect-size-without-direction");
        } else if matches!(
            (e.effect_direction, centi.signum()),
            (Some(EffectDirection::Positive), -1) | (Some(EffectDirection::Negative), 1)
        ) {
            // A "positive" effect of −0.4 is a typo the tier rules would
            // read as support.
            inv.add("effect_size", "effect-size-sign");
        }
    }
    if e.significant.is_some() && e.effect_direction.is_none() {
        inv.add("significant", "significance-without-effect");
    }
}

/// A report as a form or a JSON body sends it, every value as written
/// (empty: not given).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TrialInput {
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub grade_band: String,
    #[serde(default)]
    pub students: String,
    #[serde(default)]
    pub periods: String,
    #[serde(default)]
    pub fidelity: String,
    #[serde(default)]
    pub happened: String,
    #[serde(default)]
    pub would_change: String,
    /// `yes` or `no`.
    #[serde(default)]
    pub use_again: String,
    #[serde(default)]
    pub design: String,
    /// A checkbox: present (any value) when ticked.
    #[serde(default)]
    pub controls_for_selection: Option<String>,
    #[serde(default)]
    pub sample_size: String,
    #[serde(default)]
    pub comparison_size: String,
    #[serde(default)]
    pub sites: String,
    #[serde(default)]
    pub measure: String,
    #[serde(default)]
    pub effect_direction: String,
    /// A decimal, `0.25` or `0,25`.
    #[serde(default)]
    pub effect_size: String,
    /// `yes`, `no`, or empty (not reported).
    #[serde(default)]
    pub significant: String,
}

/// Where the reporter teaches, as their profile and school say (never
/// retyped): the subjects and grade bands they may choose among, and their
/// school's locale and Title I status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classroom {
    pub subjects: Vec<Subject>,
    pub grade_bands: Vec<GradeBand>,
    pub locale: Option<Locale>,
    pub title_i: Option<bool>,
}

impl Classroom {
    /// The subjects offered: the profile's, or all when it has none.
    pub fn subject_choices(&self) -> Vec<Subject> {
        if self.subjects.is_empty() {
            Subject::ALL.to_vec()
        } else {
            self.subjects.clone()
        }
    }

    pub fn grade_band_choices(&self) -> Vec<GradeBand> {
        if self.grade_bands.is_empty() {
            GradeBand::ALL.to_vec()
        } else {
            self.grade_bands.clone()
        }
    }
}

fn count(inv: &mut Invalid, field: &str, v: &str, max: u32) -> Option<u32> {
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    match v.parse::<i64>() {
        Ok(n) if (1..=i64::from(max)).contains(&n) => Some(n as u32),
        _ => {
            inv.push(range(field, 1, max.into()));
            None
        }
    }
}

fn yes_no(v: &str) -> Option<bool> {
    match v.trim() {
        "yes" | "true" => Some(true),
        "no" | "false" => Some(false),
        _ => None,
    }
}

/// `0.25`, `-0,4`, `1` → hundredths; `None` when it is not such a number.
pub fn parse_effect_size(v: &str) -> Option<i32> {
    let v = v.trim().replace(',', ".").replace('−', "-");
    let (neg, digits) = match v.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, v.strip_prefix('+').unwrap_or(&v).to_string()),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
        || whole.len() > 4
    {
        return None;
    }
    let whole: i32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: i32 = format!("{frac:0<2}").parse().ok()?;
    let centi = whole * 100 + frac;
    Some(if neg { -centi } else { centi })
}

/// Hundredths as written: `0.25`, `-1.10`.
pub fn effect_size_text(centi: i32) -> String {
    let sign = if centi < 0 { "-" } else { "" };
    let a = centi.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

impl TrialInput {
    /// The report it makes in `classroom`, or everything wrong with it.
    pub fn validate(&self, classroom: &Classroom) -> Result<TrialReport, Invalid> {
        let mut inv = Invalid::new();
        let subject = choice(&mut inv, "subject", &self.subject, Subject::parse);
        let subject = subject.filter(|s| {
            let ok = classroom.subject_choices().contains(s);
            if !ok {
                inv.push(
                    FieldError::new("subject", "unknown-choice").with_arg("value", s.as_str()),
                );
            }
            ok
        });
        let band = choice(&mut inv, "grade_band", &self.grade_band, GradeBand::parse);
        let band = band.filter(|b| {
            let ok = classroom.grade_band_choices().contains(b);
            if !ok {
                inv.push(
                    FieldError::new("grade_band", "unknown-choice").with_arg("value", b.as_str()),
                );
            }
            ok
        });
        let students = count(&mut inv, "students", &self.students, MAX_STUDENTS);
        if students.is_none() && self.students.trim().is_empty() {
            inv.add("students", "required");
        }
        let periods = count(&mut inv, "periods", &self.periods, MAX_PERIODS);
        if periods.is_none() && self.periods.trim().is_empty() {
            inv.add("periods", "required");
        }
        let fidelity = choice(&mut inv, "fidelity", &self.fidelity, Fidelity::parse);
        let use_again = choice(&mut inv, "use_again", &self.use_again, yes_no);
        let design = choice(&mut inv, "design", &self.design, Design::parse);
        let sample_size = count(&mut inv, "sample_size", &self.sample_size, MAX_SAMPLE);
        let comparison_size = {
            // Zero is "no comparison group": said in the check, against the sample.
            let v = self.comparison_size.trim();
            if v == "0" {
                Some(0)
            } else {
                count(&mut inv, "comparison_size", v, MAX_SAMPLE)
            }
        };
        let sites = count(&mut inv, "sites", &self.sites, MAX_SITES);
        let effect_direction = match self.effect_direction.trim() {
            "" => None,
            v => {
                let d = EffectDirection::parse(v);
                if d.is_none() {
                    inv.push(
                        FieldError::new("effect_direction", "unknown-choice").with_arg("value", v),
                    );
                }
                d
            }
        };
        let effect_size_centi = match self.effect_size.trim() {
            "" => None,
            v => {
                let c = parse_effect_size(v);
                if c.is_none() {
                    inv.add("effect_size", "effect-size-range");
                }
                c
            }
        };
        let significant = match self.significant.trim() {
            "" => None,
            v => {
                let s = yes_no(v);
                if s.is_none() {
                    inv.push(FieldError::new("significant", "unknown-choice").with_arg("value", v));
                }
                s
            }
        };
        let measure = self.measure.trim();
        let (Some(subject), Some(grade_band), Some(fidelity), Some(use_again), Some(design)) =
            (subject, band, fidelity, use_again, design)
        else {
            // Still say what else is wrong with what was given.
            return Err(inv);
        };
        let report = TrialReport {
            context: TrialContext {
                subject,
                grade_band,
                locale: classroom.locale,
                title_i: classroom.title_i,
            },
            students: students.unwrap_or(0),
            periods: periods.unwrap_or(0),
            fidelity,
            happened: self.happened.trim().replace("\r\n", "\n"),
            would_change: self.would_change.trim().replace("\r\n", "\n"),
            use_again,
            evidence: Evidence {
                design,
                controls_for_selection: design == Design::Correlational
                    && self.controls_for_selection.is_some(),
                sample_size,
                comparison_size,
                sites,
                measure: (!measure.is_empty()).then(|| measure.to_string()),
                effect_direction,
                effect_size_centi,
                significant,
            },
        };
        if let Err(more) = check(&report) {
            for e in more.0 {
                // A number already refused as written is not refused twice.
                if !inv.has(&e.field) {
                    inv.push(e);
                }
            }
        }
        if inv.is_empty() { Ok(report) } else { Err(inv) }
    }

    /// The form filled from a stored report (to update it).
    pub fn from_report(r: &TrialReport) -> Self {
        let n = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
        let yn = |b: bool| if b { "yes" } else { "no" }.to_string();
        let e = &r.evidence;
        TrialInput {
            subject: r.context.subject.as_str().into(),
            grade_band: r.context.grade_band.as_str().into(),
            students: r.students.to_string(),
            periods: r.periods.to_string(),
            fidelity: r.fidelity.as_str().into(),
            happened: r.happened.clone(),
            would_change: r.would_change.clone(),
            use_again: yn(r.use_again),
            design: e.design.as_str().into(),
            controls_for_selection: e.controls_for_selection.then(|| "on".to_string()),
            sample_size: n(e.sample_size),
            comparison_size: n(e.comparison_size),
            sites: n(e.sites),
            measure: e.measure.clone().unwrap_or_default(),
            effect_direction: e
                .effect_direction
                .map(|d| d.as_str().to_string())
                .unwrap_or_default(),
            effect_size: e
                .effect_size_centi
                .map(effect_size_text)
                .unwrap_or_default(),
            significant: e.significant.map(yn).unwrap_or_default(),
        }
    }
}

/// Pseudonymous reporter ids for one export: a keyed hash (HMAC-SHA-256)
/// of the reporter's id under a key drawn for this export alone and never
/// kept, so the same person has the same id throughout one file but two
/// exports cannot be joined, and nobody can get back to the account.
pub struct Pseudonyms {
    key: [u8; 32],
}

impl Pseudonyms {
    pub fn new() -> Result<Self, getrandom::Error> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key)?;
        Ok(Pseudonyms { key })
    }

    /// 16 hex digits (64 bits); `r-deleted` for a report whose reporter
    /// deleted their account.
    pub fn of(&self, reporter: Option<i64>) -> String {
        use sha2::{Digest, Sha256};
        let Some(id) = reporter else {
            return "r-deleted".into();
        };
        let mut ipad = [0x36u8; 64];
        let mut opad = [0x5cu8; 64];
        for (i, k) in self.key.iter().enumerate() {
            ipad[i] ^= k;
            opad[i] ^= k;
        }
        let inner = Sha256::new()
            .chain_update(ipad)
            .chain_update(id.to_be_bytes())
            .finalize();
        let outer = Sha256::new()
            .chain_update(opad)
            .chain_update(inner)
            .finalize();
        outer[..8].iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The researchers' summary publishes its counts by
/// [`crate::disclosure`]'s rule; these names stay here for its callers.
pub use crate::disclosure::{Cell, MIN_CELL, revealing, suppress};

#[cfg(test)]
mod tests {
    use super::*;

    fn classroom() -> Classroom {
        Classroom {
            subjects: vec![Subject::Math],
            grade_bands: vec![GradeBand::G6to8],
            locale: Some(Locale::Rural),
            title_i: Some(true),
        }
    }

    fn good() -> TrialInput {
        TrialInput {
            subject: "math".into(),
            grade_band: "6-8".into(),
            students: "28".into(),
            periods: "3".into(),
            fidelity: "as_written".into(),
            happened: "Students critiqued the chatbot's worked solutions.".into(),
            use_again: "yes".into(),
            design: "none".into(),
            ..TrialInput::default()
        }
    }

    fn comparison() -> TrialInput {
        TrialInput {
            design: "comparison".into(),
            sample_size: "120".into(),
            comparison_size: "58".into(),
            sites: "2".into(),
            measure: "Unit 4 common assessment".into(),
            effect_direction: "positive".into(),
            effect_size: "0.31".into(),
            significant: "yes".into(),
            ..good()
        }
    }

    fn fields(r: Result<TrialReport, Invalid>) -> Vec<(String, &'static str)> {
        r.expect_err("refused")
            .0
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_plain_account_and_a_comparison_study_pass() {
        let r = good().validate(&classroom()).unwrap();
        assert_eq!(r.context.locale, Some(Locale::Rural));
        assert_eq!(r.evidence, Evidence::none());
        let r = comparison().validate(&classroom()).unwrap();
        assert_eq!(r.evidence.effect_size_centi, Some(31));
        assert_eq!(r.evidence.comparison_size, Some(58));
        assert!(check(&r).is_ok());
    }

    #[test]
    fn students_and_periods_must_fit_a_classroom() {
        for (v, bad) in [
            ("0", true),
            ("1", false),
            ("200", false),
            ("201", true),
            ("-3", true),
            ("x", true),
        ] {
            let r = TrialInput {
                students: v.into(),
                ..good()
            }
            .validate(&classroom());
            assert_eq!(r.is_err(), bad, "{v}");
            if bad {
                assert_eq!(fields(r), vec![("students".into(), "number-range")]);
            }
        }
        let r = TrialInput {
            periods: "201".into(),
            ..good()
        }
        .validate(&classroom());
        assert_eq!(fields(r), vec![("periods".into(), "number-range")]);
        let r = TrialInput {
            students: String::new(),
            ..good()
        }
        .validate(&classroom());
        assert_eq!(fields(r), vec![("students".into(), "required")]);
    }

    #[test]
    fn what_happened_is_required_and_both_texts_are_bounded() {
        let r = TrialInput {
            happened: "  ".into(),
            ..good()
        }
        .validate(&classroom());
        assert_eq!(fields(r), vec![("happened".into(), "required")]);
        let long = "a".repeat(MAX_TEXT + 1);
        let r = TrialInput {
            would_change: long.clone(),
            ..good()
        }
        .validate(&classroom());
        assert_eq!(fields(r), vec![("would_change".into(), "too-long")]);
        let r = TrialInput {
            happened: long,
            ..good()
        }
        .validate(&classroom());
        assert_eq!(fields(r), vec![("happened".into(), "too-long")]);
        let ok = TrialInput {
            happened: "a".repeat(MAX_TEXT),
            ..good()
        };
        assert!(ok.validate(&classroom()).is_ok());
    }

    #[test]
    fn no_design_takes_no_effect_sample_or_significance() {
        let r = TrialInput {
            effect_direction: "positive".into(),
            effect_size: "0.4".into(),
            ..good()
        }
        .validate(&classroom());
        assert_eq!(
            fields(r),
            vec![
                ("effect_direction".into(), "effect-without-design"),
                ("effect_size".into(), "effect-without-design"),
            ]
        );
        let r = TrialInput {
            sample_size: "30".into(),
            significant: "yes".into(),
            ..good()
        }
        .validate(&classroom());
        assert_eq!(
            fields(r),
            vec![
                ("sample_size".into(), "sample-without-design"),
                ("significant".into(), "effect-without-design"),
            ]
        );
    }

    #[test]
    fn a_design_needs_a_sample_and_sites() {
        let r = TrialInput {
            sample_size: "0".into(),
            ..comparison()
        }
        .validate(&classroom());
        assert!(fields(r).contains(&("sample_size".into(), "number-range")));
        let r = TrialInput {
            sample_size: "-5".into(),
            ..comparison()
        }
        .validate(&classroom());
        assert!(fields(r).contains(&("sample_size".into(), "number-range")));
        let r = TrialInput {
            sample_size: "100001".into(),
            ..comparison()
        }
        .validate(&classroom());
        assert!(fields(r).contains(&("sample_size".into(), "number-range")));
        let r = TrialInput {
            sites: String::new(),
            ..comparison()
        }
        .validate(&classroom());
        assert_eq!(fields(r), vec![("sites".into(), "required")]);
        let r = TrialInput {
            sites: "10001".into(),
            ..comparison()
        }
        .validate(&classroom());
        assert_eq!(fields(r), vec![("sites".into(), "number-range")]);
    }

    #[test]
    fn a_comparison_group_is_smaller_than_the_sample() {
        let r = TrialInput {
            comparison_size: "120".into(),
            ..comparison()
        }
        .validate(&classroom());
        assert_eq!(
            fields(r),
            vec![("comparison_size".into(), "comparison-not-below-sample")]
        );
        let r = TrialInput {
            comparison_size: "500".into(),
            ..comparison()
        }
        .validate(&classroom());
        assert_eq!(
            fields(r),
            vec![("comparison_size".into(), "comparison-not-below-sample")]
        );
        let r = TrialInput {
            comparison_size: "0".into(),
            ..comparison()
        }
        .validate(&classroom());
        assert_eq!(fields(r), vec![("comparison_size".into(), "number-range")]);
        let r = TrialInput {
            comparison_size: String::new(),
            design: "randomised".into(),
            ..comparison()
        }
        .validate(&classroom());
        assert_eq!(fields(r), vec![("comparison_size".into(), "required")]);
        let r = TrialInput {
            design: "pre_post".into(),
            ..comparison()
        }
        .validate(&classroom());
        assert_eq!(
            fields(r),
            vec![("comparison_size".into(), "comparison-without-design")]
        );
        let ok = TrialInput {
            comparison_size: "119".into(),
            ..comparison()
        };
        assert!(ok.validate(&classroom()).is_ok());
    }

    #[test]
    fn an_effect_needs_a_measure_and_a_direction_and_stays_in_range() {
        let r = TrialInput {
            measure: String::new(),
            ..comparison()
        }
        .validate(&classroom());
        assert_eq!(fields(r), vec![("measure".into(), "required")]);
        for (v, ok) in [
            ("5.00", true),
            ("-5", true),
            ("5.01", false),
            ("-5.01", false),
            ("0,25", true),
            ("abc", false),
            ("0.255", false),
        ] {
            // (no clear direction: any sign is in range)
            let r = TrialInput {
                effect_size: v.into(),
                effect_direction: "none".into(),
                ..comparison()
            }
            .validate(&classroom());
            assert_eq!(r.is_ok(), ok, "{v}");
            if !ok {
                assert_eq!(fields(r), vec![("effect_size".into(), "effect-size-range")]);
            }
        }
        let r = TrialInput {
            effect_direction: String::new(),
            ..comparison()
        }
        .validate(&classroom());
        assert_eq!(
            fields(r),
            vec![
                ("effect_size".into(), "effect-size-without-direction"),
                ("significant".into(), "significance-without-effect"),
            ]
        );
    }

    #[test]
    fn an_effects_size_agrees_with_its_direction() {
        for (direction, size, ok) in [
            ("positive", "0.31", true),
            ("positive", "-0.31", false),
            ("negative", "-0.31", true),
            ("negative", "0.31", false),
            ("none", "-0.02", true),
            ("none", "0.02", true),
            ("positive", "0", true),
        ] {
            let r = TrialInput {
                effect_direction: direction.into(),
                effect_size: size.into(),
                ..comparison()
            }
            .validate(&classroom());
            assert_eq!(r.is_ok(), ok, "{direction} {size}");
            if !ok {
                assert_eq!(fields(r), vec![("effect_size".into(), "effect-size-sign")]);
            }
        }
    }

    #[test]
    fn the_classroom_comes_from_the_profile() {
        let r = TrialInput {
            subject: "science".into(),
            ..good()
        }
        .validate(&classroom());
        assert_eq!(fields(r), vec![("subject".into(), "unknown-choice")]);
        let open = Classroom {
            subjects: vec![],
            grade_bands: vec![],
            locale: None,
            title_i: None,
        };
        let r = TrialInput {
            subject: "science".into(),
            grade_band: "k-2".into(),
            ..good()
        }
        .validate(&open)
        .unwrap();
        assert_eq!(r.context.locale, None);
        let r = TrialInput {
            grade_band: String::new(),
            ..good()
        }
        .validate(&classroom());
        assert_eq!(fields(r), vec![("grade_band".into(), "choose-one")]);
    }

    #[test]
    fn effect_sizes_round_trip_as_text() {
        assert_eq!(parse_effect_size("0.25"), Some(25));
        assert_eq!(parse_effect_size("-1.1"), Some(-110));
        assert_eq!(parse_effect_size(".5"), Some(50));
        assert_eq!(effect_size_text(-110), "-1.10");
        assert_eq!(effect_size_text(5), "0.05");
        let r = comparison().validate(&classroom()).unwrap();
        assert_eq!(
            TrialInput::from_report(&r).validate(&classroom()).unwrap(),
            r
        );
    }

    #[test]
    fn pseudonyms_hold_within_an_export_and_differ_between_exports() {
        let (a, b) = (Pseudonyms::new().unwrap(), Pseudonyms::new().unwrap());
        assert_eq!(a.of(Some(7)), a.of(Some(7)));
        assert_ne!(a.of(Some(7)), a.of(Some(8)));
        assert_ne!(a.of(Some(7)), b.of(Some(7)));
        assert_eq!(a.of(Some(7)).len(), 16);
        assert_eq!(a.of(None), "r-deleted");
    }
}
