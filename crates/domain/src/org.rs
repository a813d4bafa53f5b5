//! The organisation tree: programme → state → district or union local → school.

use crate::ids::OrgId;
use crate::time::TimeZone;
use crate::validation::{Invalid, required_text};

crate::code_enum! {
    pub enum OrgKind: "org-kind" {
        Programme = "programme",
        State = "state",
        District = "district",
        Local = "local",
        School = "school",
    }
}

impl OrgKind {
    /// What may be created directly below an organisation of this kind.
    pub fn child_kinds(self) -> &'static [OrgKind] {
        match self {
            OrgKind::Programme => &[OrgKind::State],
            OrgKind::State => &[OrgKind::District, OrgKind::Local],
            OrgKind::District | OrgKind::Local => &[OrgKind::School],
            OrgKind::School => &[],
        }
    }
}

crate::code_enum! {
    /// NCES locale of a school.
    pub enum Locale: "locale" {
        City = "city",
        Suburb = "suburb",
        Town = "town",
        Rural = "rural",
    }
}

crate::code_enum! {
    /// Share of students eligible for free or reduced-price lunch, in NCES bands.
    pub enum PovertyBand: "poverty" {
        /// 25% or fewer.
        Low = "low",
        /// 25.1–50%.
        MidLow = "mid-low",
        /// 50.1–75%.
        MidHigh = "mid-high",
        /// More than 75%.
        High = "high",
    }
}

/// The equity attributes the programme reports by. Only schools carry them.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SchoolAttributes {
    pub locale: Option<Locale>,
    pub title_i: Option<bool>,
    pub poverty_band: Option<PovertyBand>,
    pub enrolment: Option<i32>,
}

pub const MAX_ORG_NAME: usize = 200;
pub const MAX_ENROLMENT: i32 = 50_000;

/// A validated request to create or rename an organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgDraft {
    pub name: String,
    pub kind: OrgKind,
    pub school: SchoolAttributes,
    /// Its own IANA time zone; `None` inherits the nearest ancestor's.
    pub time_zone: Option<TimeZone>,
}

/// Raw input, as it comes from a form or a JSON body.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct OrgInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub locale: String,
    #[serde(default)]
    pub title_i: String,
    #[serde(default)]
    pub poverty_band: String,
    #[serde(default)]
    pub enrolment: String,
    /// An IANA zone name (`America/Chicago`); empty inherits the parent's.
    #[serde(default)]
    pub time_zone: String,
}

impl OrgInput {
    /// Validates a new child of `parent`.
    pub fn validate_child_of(&self, parent: OrgKind) -> Result<OrgDraft, Invalid> {
        let mut errors = Invalid::new();
        let kind = match OrgKind::parse(self.kind.trim()) {
            Some(k) if parent.child_kinds().contains(&k) => Some(k),
            Some(_) => {
                errors.add("kind", "org-kind-not-allowed");
                None
            }
            None => {
                errors.add("kind", "choose-one");
                None
            }
        };
        let draft = self.validate_fields(kind.unwrap_or(OrgKind::School), &mut errors);
        errors.into_result()?;
        Ok(draft)
    }

    /// Validates new details for an existing organisation of `kind`.
    pub fn validate_update(&self, kind: OrgKind) -> Result<OrgDraft, Invalid> {
        let mut errors = Invalid::new();
        let draft = self.validate_fields(kind, &mut errors);
        errors.into_result()?;
        Ok(draft)
    }

    fn validate_fields(&self, kind: OrgKind, errors: &mut Invalid) -> OrgDraft {
        let name = errors
            .check("name", required_text(&self.name, MAX_ORG_NAME))
            .unwrap_or_default();
        let mut school = SchoolAttributes::default();
        if kind == OrgKind::School {
            school.locale = optional_code(errors, "locale", &self.locale, Locale::parse);
            school.poverty_band = optional_code(
                errors,
                "poverty_band",
                &self.poverty_band,
                PovertyBand::parse,
            );
            school.title_i = match self.title_i.trim() {
                "" => None,
                "yes" | "true" => Some(true),
                "no" | "false" => Some(false),
                _ => {
                    errors.add("title_i", "choose-one");
                    None
                }
            };
            school.enrolment = match self.enrolment.trim() {
                "" => None,
                s => match s.replace(',', "").parse::<i32>() {
                    Ok(n) if (0..=MAX_ENROLMENT).contains(&n) => Some(n),
                    _ => {
                        errors.push(
                            crate::validation::FieldError::new("enrolment", "number-range")
                                .with_arg("min", 0)
                                .with_arg("max", MAX_ENROLMENT),
                        );
                        None
                    }
                },
            };
        }
        let time_zone = match self.time_zone.trim() {
            "" => None,
            z => errors.check("time_zone", TimeZone::check(z)),
        };
        OrgDraft {
            name,
            kind,
            school,
            time_zone,
        }
    }
}

fn optional_code<T>(
    errors: &mut Invalid,
    field: &str,
    input: &str,
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    let parsed = parse(s);
    if parsed.is_none() {
        errors.add(field, "choose-one");
    }
    parsed
}

/// A node's place in the tree as the ids from the root down, written
/// `/1/7/42/`. A scope covers exactly the paths that start with its own, so
/// "is X inside Y" is a string prefix test and a subtree is an index range.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OrgPath(String);

impl OrgPath {
    pub fn root(id: OrgId) -> Self {
        Self(format!("/{}/", id.0))
    }

    pub fn child(&self, id: OrgId) -> Self {
        Self(format!("{}{}/", self.0, id.0))
    }

    /// Accepts only the canonical form: `/`, then one or more `<id>/`.
    pub fn parse(s: &str) -> Option<Self> {
        let inner = s.strip_prefix('/')?.strip_suffix('/')?;
        let ok = !inner.is_empty()
            && inner.split('/').all(|p| {
                !p.is_empty() && !p.starts_with('0') && p.bytes().all(|b| b.is_ascii_digit())
            });
        ok.then(|| Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when `other` is this node or lies below it.
    pub fn contains(&self, other: &OrgPath) -> bool {
        other.0.starts_with(&self.0)
    }

    /// The ids from the root to this node.
    pub fn ids(&self) -> Vec<OrgId> {
        self.0
            .split('/')
            .filter_map(|p| p.parse().ok().map(OrgId))
            .collect()
    }

    pub fn depth(&self) -> usize {
        self.0.matches('/').count() - 1
    }

    /// The node above this one; `None` for the root.
    pub fn parent(&self) -> Option<OrgPath> {
        let inner = self.0.strip_suffix('/')?;
        let cut = inner.rfind('/')?;
        (cut > 0).then(|| Self(self.0[..=cut].to_string()))
    }

    /// The exclusive upper bound of this subtree's paths in byte order:
    /// every path under `/1/7/` sorts before `/1/70`, since `/` < `0`.
    pub fn subtree_end(&self) -> String {
        let mut end = self.0.clone();
        end.pop();
        end.push('0');
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let root = OrgPath::root(OrgId(1));
        let state = root.child(OrgId(7));
        let school = state.child(OrgId(42));
        assert_eq!(school.as_str(), "/1/7/42/");
        assert_eq!(school.parent(), Some(state.clone()));
        assert_eq!(state.parent(), Some(root.clone()));
        assert_eq!(root.parent(), None);
        assert!(root.contains(&school) && state.contains(&school) && school.contains(&school));
        assert!(!school.contains(&state));
        // /1/7/ must not cover /1/70/.
        let other = root.child(OrgId(70));
        assert!(!state.contains(&other));
        assert!(other.as_str() >= state.subtree_end().as_str());
        assert!(school.as_str() < state.subtree_end().as_str());
        assert_eq!(school.ids(), vec![OrgId(1), OrgId(7), OrgId(42)]);
        assert_eq!(school.depth(), 3);
        assert_eq!(OrgPath::parse("/1/7/"), Some(state));
        for bad in ["", "/", "1/7/", "/1/7", "/1//7/", "/01/", "/a/"] {
            assert_eq!(OrgPath::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn child_kinds_follow_the_tree() {
        let input = |kind: &str| OrgInput {
            name: "Lincoln Elementary".into(),
            kind: kind.into(),
            ..Default::default()
        };
        assert!(input("school").validate_child_of(OrgKind::District).is_ok());
        assert!(input("school").validate_child_of(OrgKind::Local).is_ok());
        let err = input("school")
            .validate_child_of(OrgKind::State)
            .unwrap_err();
        assert!(err.has("kind"));
        let err = input("nation")
            .validate_child_of(OrgKind::State)
            .unwrap_err();
        assert_eq!(err.0[0].code, "choose-one");
    }

    #[test]
    fn school_attributes_are_checked() {
        let input = OrgInput {
            name: "  ".into(),
            kind: "school".into(),
            locale: "urban".into(),
            title_i: "maybe".into(),
            poverty_band: "high".into(),
            enrolment: "-3".into(),
            time_zone: "America/Springfield".into(),
        };
        let err = input.validate_child_of(OrgKind::District).unwrap_err();
        let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["name", "locale", "title_i", "enrolment", "time_zone"]
        );
        assert_eq!(err.0[4].code, "invalid-time-zone");
        let ok = OrgInput {
            name: "Rio Vista Middle".into(),
            kind: "school".into(),
            locale: "rural".into(),
            title_i: "yes".into(),
            poverty_band: "mid-high".into(),
            enrolment: "1,204".into(),
            time_zone: " pacific/honolulu ".into(),
        }
        .validate_child_of(OrgKind::Local)
        .unwrap();
        assert_eq!(
            ok.time_zone.as_ref().map(TimeZone::name),
            Some("Pacific/Honolulu")
        );
        assert_eq!(
            ok.school,
            SchoolAttributes {
                locale: Some(Locale::Rural),
                title_i: Some(true),
                poverty_band: Some(PovertyBand::MidHigh),
                enrolment: Some(1204)
            }
        );
    }
}
