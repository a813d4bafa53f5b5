//! What the API sends and accepts. Kept apart from the database rows so the
//! API's shape is a promise of its own.

use lyceum_db::directory::Person;
use lyceum_db::memberships::Membership;
use lyceum_db::orgs::OrgRow;
use lyceum_domain::org::OrgKind;
use lyceum_domain::profile::{Profile, ProfileInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable: `unauthenticated`, `invalid_token`, `insufficient_scope` (a
    /// read-only token asked to change something), `forbidden`, `not_found`,
    /// `bad_request`, `validation_failed`, `method_not_allowed`,
    /// `rate_limited`, `internal`.
    pub code: String,
    /// For people, in the language of `Accept-Language`.
    pub message: String,
    /// With `validation_failed`: each field in error.
    pub fields: Option<Vec<FieldErrorDto>>,
    /// With `bad_request`: what exactly could not be read.
    pub detail: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FieldErrorDto {
    pub field: String,
    /// Stable, e.g. `email-taken`, `required`, `choose-one`.
    pub code: String,
    pub message: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileDto {
    pub display_name: String,
    /// `en` or `es`.
    pub preferred_language: String,
    pub subjects: Vec<String>,
    /// `k-2`, `3-5`, `6-8`, `9-12`.
    pub grade_bands: Vec<String>,
    pub years_experience: Option<i32>,
    pub school_role: Option<String>,
}

impl From<&Profile> for ProfileDto {
    fn from(p: &Profile) -> Self {
        ProfileDto {
            display_name: p.display_name.clone(),
            preferred_language: p.preferred_language.as_str().into(),
            subjects: p.subjects.iter().map(|s| s.as_str().into()).collect(),
            grade_bands: p.grade_bands.iter().map(|s| s.as_str().into()).collect(),
            years_experience: p.years_experience,
            school_role: p.school_role.map(|r| r.as_str().into()),
        }
    }
}

/// A whole profile, replacing the stored one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileBody {
    pub display_name: String,
    pub preferred_language: String,
    #[serde(default)]
    pub subjects: Vec<String>,
    #[serde(default)]
    pub grade_bands: Vec<String>,
    #[serde(default)]
    pub years_experience: Option<i32>,
    #[serde(default)]
    pub school_role: Option<String>,
}

impl From<ProfileBody> for ProfileInput {
    fn from(b: ProfileBody) -> Self {
        ProfileInput {
            display_name: b.display_name,
            preferred_language: b.preferred_language,
            subjects: b.subjects,
            grade_bands: b.grade_bands,
            years_experience: b
                .years_experience
                .map(|y| y.to_string())
                .unwrap_or_default(),
            school_role: b.school_role.unwrap_or_default(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipDto {
    pub id: i64,
    pub role: String,
    pub org_id: i64,
    pub org_name: String,
    pub org_kind: String,
}

impl From<&Membership> for MembershipDto {
    fn from(m: &Membership) -> Self {
        MembershipDto {
            id: m.id,
            role: m.role.as_str().into(),
            org_id: m.org_id,
            org_name: m.org_name.clone(),
            org_kind: m.org_kind.as_str().into(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeDto {
    pub id: i64,
    pub email: String,
    /// The IANA time zone this person's dates and school years are computed
    /// in: their school's (their deepest membership's organisation's, as
    /// set there or inherited), else the programme's.
    pub time_zone: String,
    pub profile: ProfileDto,
    pub memberships: Vec<MembershipDto>,
    /// How many of this person's notifications are unread (the pages'
    /// header shows the same count).
    pub unread_notifications: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SchoolDto {
    /// `city`, `suburb`, `town` or `rural`.
    pub locale: Option<String>,
    pub title_i: Option<bool>,
    /// `low`, `mid-low`, `mid-high` or `high`.
    pub poverty_band: Option<String>,
    pub enrolment: Option<i32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrgDto {
    pub id: i64,
    pub parent_id: Option<i64>,
    /// `programme`, `state`, `district`, `local` or `school`.
    pub kind: String,
    pub name: String,
    /// Only for schools.
    pub school: Option<SchoolDto>,
    /// Its own IANA time zone (`America/Chicago`); null when it inherits
    /// the nearest ancestor's (the programme's default is America/New_York).
    pub time_zone: Option<String>,
}

impl From<&OrgRow> for OrgDto {
    fn from(o: &OrgRow) -> Self {
        OrgDto {
            id: o.id,
            parent_id: o.parent_id,
            kind: o.kind.as_str().into(),
            name: o.name.clone(),
            school: (o.kind == OrgKind::School).then(|| SchoolDto {
                locale: o.locale.clone(),
                title_i: o.title_i,
                poverty_band: o.poverty_band.clone(),
                enrolment: o.enrolment,
            }),
            time_zone: o.time_zone.clone(),
        }
    }
}

/// A new organisation (`kind` required) or new details (`kind` ignored).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgBody {
    pub name: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub locale: Option<String>,
    #[serde(default)]
    pub title_i: Option<bool>,
    #[serde(default)]
    pub poverty_band: Option<String>,
    #[serde(default)]
    pub enrolment: Option<i32>,
    /// An IANA time zone name; absent or null: inherit the parent's. An
    /// unknown name is refused (`invalid-time-zone` on `time_zone`).
    #[serde(default)]
    pub time_zone: Option<String>,
}

impl From<OrgBody> for lyceum_domain::org::OrgInput {
    fn from(b: OrgBody) -> Self {
        lyceum_domain::org::OrgInput {
            name: b.name,
            kind: b.kind.unwrap_or_default(),
            locale: b.locale.unwrap_or_default(),
            title_i: b
                .title_i
                .map(|t| if t { "yes" } else { "no" }.to_string())
                .unwrap_or_default(),
            poverty_band: b.poverty_band.unwrap_or_default(),
            enrolment: b.enrolment.map(|e| e.to_string()).unwrap_or_default(),
            time_zone: b.time_zone.unwrap_or_default(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonRoleDto {
    pub role: String,
    pub org_id: i64,
    pub org_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonDto {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub deactivated: bool,
    pub roles: Vec<PersonRoleDto>,
    pub subjects: Vec<String>,
    pub grade_bands: Vec<String>,
}

impl From<&Person> for PersonDto {
    fn from(p: &Person) -> Self {
        PersonDto {
            id: p.id,
            display_name: p.display_name.clone(),
            email: p.email.clone(),
            deactivated: p.deactivated,
            subjects: p.subjects.iter().map(|s| s.as_str().into()).collect(),
            grade_bands: p.grade_bands.iter().map(|s| s.as_str().into()).collect(),
            roles: p
                .roles
                .iter()
                .map(|r| PersonRoleDto {
                    role: r.role.as_str().into(),
                    org_id: r.org_id,
                    org_name: r.org_name.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PeopleDto {
    pub people: Vec<PersonDto>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next_after: Option<i64>,
}

/// Someone to give a role to, or to invite.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailRoleBody {
    pub email: String,
    /// `educator`, `facilitator`, `author`, `moderator`, `org_admin`;
    /// at the programme root also `programme_admin` and `researcher`. An
    /// invitation never carries `org_admin` or a programme-wide role
    /// (`role-not-allowed`): give those to an existing account.
    pub role: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedDto {
    pub id: i64,
}

/// A filter value with how many items it finds (courses, practices).
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCountDto {
    pub value: String,
    pub count: i64,
}

impl FacetCountDto {
    /// `values` with their counts from `count_of`: those finding none are
    /// left out, unless it is the value `asked` for.
    pub fn listed<'a>(
        values: impl IntoIterator<Item = &'a str>,
        asked: &str,
        count_of: impl Fn(&str) -> usize,
    ) -> Vec<Self> {
        values
            .into_iter()
            .filter_map(|v| {
                let n = count_of(v);
                (n > 0 || v == asked).then(|| Self {
                    value: v.into(),
                    count: i64::try_from(n).unwrap_or(i64::MAX),
                })
            })
            .collect()
    }
}
