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

/// A person's name as others will see it: refused (`invisible-characters`)
/// when it holds a character that [`is_invisible`] names, because such a
/// character can make a name look like someone else's or reorder the text
/// around it wherever the name is shown.
pub fn validate_name(input: &str) -> Result<String, &'static str> {
    let name = required_text(input, MAX_NAME)?;
    if name.chars().any(is_invisible) {
        return Err("invisible-characters");
    }
    Ok(name)
}

/// A name from an import or a sign-in service, which nobody can be asked
/// to retype: the characters [`is_invisible`] names are removed (and the
/// spaces around them tidied). Returns the name and whether it changed, so
/// the caller can report the change; `None` when nothing is left.
pub fn clean_name(input: &str) -> Option<(String, bool)> {
    // Line breaks and tabs part words; other invisible characters go.
    let kept: String = input
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !is_invisible(*c))
        .collect();
    let tidy = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let name: String = tidy.chars().take(MAX_NAME).collect();
    if name.is_empty() {
        return None;
    }
    let changed = name != input.trim();
    Some((name, changed))
}

/// Characters a name may not hold: controls (general category Cc), format
/// characters (Cf: the zero-width joiner and non-joiner, the bidirectional
/// marks, embeddings, overrides and isolates U+200E–U+200F, U+202A–U+202E,
/// U+2066–U+2069 and U+061C, the soft hyphen, the byte-order mark, tag
/// characters…) and the line and paragraph separators (Zl, Zp).
pub fn is_invisible(c: char) -> bool {
    use unicode_general_category::{GeneralCategory, get_general_category};
    matches!(
        get_general_category(c),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    )
}

/// Parses a list of codes, dropping duplicates and keeping a stable order.
/// "What I teach" alone (the first step after registering asks only
/// this): subjects and grade bands checked as the profile checks them.
pub fn teaching(
    subjects: &[String],
    grade_bands: &[String],
) -> Result<(Vec<Subject>, Vec<GradeBand>), Invalid> {
    let mut errors = Invalid::new();
    let s = codes(&mut errors, "subjects", subjects, Subject::parse);
    let b = codes(&mut errors, "grade_bands", grade_bands, GradeBand::parse);
    if errors.is_empty() {
        Ok((s, b))
    } else {
        Err(errors)
    }
}

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

    /// Every range of invisible characters a name could hide: each one is
    /// refused in a form and removed from an imported name.
    #[test]
    fn names_refuse_invisible_and_bidirectional_characters() {
        let ranges: &[(&str, std::ops::RangeInclusive<u32>)] = &[
            ("C0 controls", 0x00..=0x1F),
            ("delete and C1 controls", 0x7F..=0x9F),
            ("soft hyphen", 0xAD..=0xAD),
            ("Arabic letter mark", 0x61C..=0x61C),
            ("zero width space, non-joiner, joiner", 0x200B..=0x200D),
            ("left-to-right and right-to-left marks", 0x200E..=0x200F),
            ("line and paragraph separators", 0x2028..=0x2029),
            ("bidi embeddings and overrides", 0x202A..=0x202E),
            ("word joiner and invisible operators", 0x2060..=0x2064),
            ("bidi isolates", 0x2066..=0x2069),
            ("byte-order mark", 0xFEFF..=0xFEFF),
            ("interlinear annotation", 0xFFF9..=0xFFFB),
            ("tag characters", 0xE0001..=0xE0001),
            ("tag characters", 0xE0020..=0xE007F),
        ];
        for (what, range) in ranges {
            for code in range.clone() {
                let c = char::from_u32(code).unwrap();
                assert!(is_invisible(c), "{what}: U+{code:04X}");
                let name = format!("Ana{c}López");
                assert_eq!(
                    validate_name(&name),
                    Err(if c.is_control() {
                        "control-characters"
                    } else {
                        "invisible-characters"
                    }),
                    "{what}: U+{code:04X}"
                );
                // Line breaks and tabs part words; the rest simply go.
                let cleaned = if c.is_whitespace() {
                    "Ana López"
                } else {
                    "AnaLópez"
                };
                assert_eq!(
                    clean_name(&name),
                    Some((cleaned.to_string(), true)),
                    "{what}: U+{code:04X}"
                );
            }
        }
        // Letters, accents, scripts written right to left and emoji stay.
        for fine in [
            "Ana María López",
            "Zoë Ångström",
            "محمد",
            "李小龍",
            "Ana 🍎",
            "O’Brien-Smith",
        ] {
            assert_eq!(validate_name(fine), Ok(fine.to_string()));
            assert_eq!(clean_name(fine), Some((fine.to_string(), false)));
        }
        // An override that would show "Ana" as someone else's name.
        assert_eq!(
            validate_name("\u{202E}anA nimdA"),
            Err("invisible-characters")
        );
        assert_eq!(clean_name("\u{200B}\u{2066}"), None);
        assert_eq!(
            clean_name("  Ana \u{200B} López "),
            Some(("Ana López".to_string(), true))
        );
    }
}
