//! What an educator tells us about themselves.

use crate::i18n::Lang;
use crate::validation::{FieldError, Invalid, required_text};

crate::code_enum! {
    pub enum Subject: "subject" {
        Ela = "ela",
        Math = "math",
        Science = "science",
        SocialStudies = "social-studies",
        WorldLanguages = "world-languages",
        Arts = "arts",
        HealthPe = "health-pe",
        ComputerScience = "computer-science",
        CareerTechnical = "career-technical",
        SpecialEducation = "special-education",
        EnglishLearners = "english-learners",
        Library = "library",
        Elementary = "elementary",
        Other = "other",
    }
}

crate::code_enum! {
    pub enum GradeBand: "grade-band" {
        K2 = "k-2",
        G3to5 = "3-5",
        G6to8 = "6-8",
        G9to12 = "9-12",
    }
}

crate::code_enum! {
    /// What the person does in their school.
    pub enum SchoolRole: "school-role" {
        Teacher = "teacher",
        Paraprofessional = "paraprofessional",
        InstructionalCoach = "instructional-coach",
        Librarian = "librarian",
        Counselor = "counselor",
        SchoolLeader = "school-leader",
        DistrictStaff = "district-staff",
        Other = "other",
    }
}

pub const MAX_NAME: usize = 100;
pub const MAX_YEARS: i32 = 60;

/// A validated profile.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Profile {
    pub display_name: String,
    pub preferred_language: Lang,
    pub subjects: Vec<Subject>,
    pub grade_bands: Vec<GradeBand>,
    pub years_experience: Option<i32>,
    pub school_role: Option<SchoolRole>,
}

/// A profile as typed into a form or sent as JSON; every field a string or list of strings.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ProfileInput {
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub preferred_language: String,
    #[serde(default)]
    pub subjects: Vec<String>,
    #[serde(default)]
    pub grade_bands: Vec<String>,
    #[serde(default)]
    pub years_experience: String,
    #[serde(default)]
    pub school_role: String,
}

impl ProfileInput {
    pub fn validate(&self) -> Result<Profile, Invalid> {
        let mut errors = Invalid::new();
        let display_name = errors
            .check("display_name", validate_name(&self.display_name))
            .unwrap_or_default();
        let preferred_language = match Lang::parse(self.preferred_language.trim()) {
            Some(l) => l,
            None => {
                errors.add("preferred_language", "choose-one");
                Lang::En
            }
        };
        let subjects = codes(&mut errors, "subjects", &self.subjects, Subject::parse);
        let grade_bands = codes(
            &mut errors,
            "grade_bands",
            &self.grade_bands,
            GradeBand::parse,
        );
        let years_experience = match self.years_experience.trim() {
            "" => None,
            s => match s.parse::<i32>() {
                Ok(n) if (0..=MAX_YEARS).contains(&n) => Some(n),
                _ => {
                    errors.push(
                        FieldError::new("years_experience", "number-range")
                            .with_arg("min", 0)
                            .with_arg("max", MAX_YEARS),
                    );
                    None
                }
            },
        };
        let school_role = match self.school_role.trim() {
            "" => None,
            s => {
                let parsed = SchoolRole::parse(s);
                if parsed.is_none() {
                    errors.add("school_role", "choose-one");
                }
                parsed
            }
        };
        errors.into_result()?;
        Ok(Profile {
            display_name,
            preferred_language,
            subjects,
            grade_bands,
            years_experience,
            school_role,
        })
    }
}

/// A person's name as others will see it.
pub fn validate_name(input: &str) -> Result<String, &'static str> {
    required_text(input, MAX_NAME)
}

/// Parses a list of codes, dropping duplicates and keeping a stable order.
fn codes<T: Ord + Copy>(
    errors: &mut Invalid,
    field: &str,
    input: &[String],
    parse: fn(&str) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    for raw in input.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match parse(raw) {
            Some(v) => out.push(v),
            None => {
                errors.push(FieldError::new(field, "unknown-choice").with_arg("value", raw));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_every_field() {
        let input = ProfileInput {
            display_name: " Ana López ".into(),
            preferred_language: "es".into(),
            subjects: vec!["science".into(), "math".into(), "math".into(), " ".into()],
            grade_bands: vec!["6-8".into()],
            years_experience: "12".into(),
            school_role: "teacher".into(),
        };
        let p = input.validate().unwrap();
        assert_eq!(p.display_name, "Ana López");
        assert_eq!(p.preferred_language, Lang::Es);
        assert_eq!(p.subjects, vec![Subject::Math, Subject::Science]);
        assert_eq!(p.grade_bands, vec![GradeBand::G6to8]);
        assert_eq!(p.years_experience, Some(12));

        let bad = ProfileInput {
            display_name: "".into(),
            preferred_language: "fr".into(),
            subjects: vec!["astrology".into()],
            grade_bands: vec!["13".into()],
            years_experience: "ninety".into(),
            school_role: "wizard".into(),
        }
        .validate()
        .unwrap_err();
        let fields: Vec<&str> = bad.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "display_name",
                "preferred_language",
                "subjects",
                "grade_bands",
                "years_experience",
                "school_role"
            ]
        );
    }
}
