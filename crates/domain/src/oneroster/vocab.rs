//! OneRoster's vocabularies for org types and roles, and what Lyceum makes of
//! them.

use super::values::parse_code;
use crate::org::OrgKind;

/// An org's `type`, as far as Lyceum can place it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrgType {
    /// national → programme, state → state, district → district,
    /// local → local (a union local), school → school.
    Kind(OrgKind),
    /// Lyceum's tree stops at schools, so a department is folded into the
    /// nearest org above it that is not a department: references to it are
    /// read as references to that org.
    Department,
}

impl OrgType {
    /// The OneRoster spelling, e.g. for `bad-org-parent`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            OrgType::Kind(OrgKind::Programme) => "national",
            OrgType::Kind(OrgKind::State) => "state",
            OrgType::Kind(OrgKind::District) => "district",
            OrgType::Kind(OrgKind::Local) => "local",
            OrgType::Kind(OrgKind::School) => "school",
            OrgType::Department => "department",
        }
    }
}

/// OneRoster 1.2's org types other than `ext:` extensions, which name
/// nothing Lyceum's tree has a place for.
pub(crate) fn parse_org_type(value: &str) -> Option<OrgType> {
    const TYPES: &[OrgType] = &[
        OrgType::Kind(OrgKind::Programme),
        OrgType::Kind(OrgKind::State),
        OrgType::Kind(OrgKind::District),
        OrgType::Kind(OrgKind::Local),
        OrgType::Kind(OrgKind::School),
        OrgType::Department,
    ];
    parse_code(TYPES, OrgType::as_str, value)
}

crate::code_enum! {
    /// The staff roles of OneRoster 1.2, plus 1.1's `administrator`: the
    /// people Lyceum imports. Codes are OneRoster's spelling.
    pub enum StaffRole: "oneroster-role" {
        Administrator = "administrator",
        Aide = "aide",
        Counselor = "counselor",
        DistrictAdministrator = "districtAdministrator",
        Principal = "principal",
        SiteAdministrator = "siteAdministrator",
        SystemAdministrator = "systemAdministrator",
        Teacher = "teacher",
    }
}

crate::code_enum! {
    /// Whether a role is the person's main one (OneRoster `roleType`).
    pub enum RoleType: "oneroster-role-type" {
        Primary = "primary",
        Secondary = "secondary",
    }
}

/// A `role` value: staff, whom Lyceum imports, or someone it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoleValue {
    Staff(StaffRole),
    /// student, guardian, parent, relative, and `ext:` extension roles,
    /// whose meaning Lyceum cannot know, so it cannot call them educators.
    NotStaff,
}

pub(crate) fn parse_role(value: &str) -> Option<RoleValue> {
    // Proctors supervise tests: not educators Lyceum trains.
    const NOT_STAFF: &[&str] = &["student", "guardian", "parent", "relative", "proctor"];
    if let Some(staff) = parse_code(StaffRole::ALL, StaffRole::as_str, value) {
        Some(RoleValue::Staff(staff))
    } else if NOT_STAFF.iter().any(|r| r.eq_ignore_ascii_case(value)) || value.starts_with("ext:") {
        Some(RoleValue::NotStaff)
    } else {
        None
    }
}

pub(crate) fn parse_role_type(value: &str) -> Option<RoleType> {
    parse_code(RoleType::ALL, RoleType::as_str, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_types() {
        assert_eq!(
            parse_org_type("national"),
            Some(OrgType::Kind(OrgKind::Programme))
        );
        assert_eq!(
            parse_org_type("School"),
            Some(OrgType::Kind(OrgKind::School))
        );
        assert_eq!(parse_org_type("department"), Some(OrgType::Department));
        assert_eq!(parse_org_type("ext:campus"), None);
        assert_eq!(parse_org_type("schools"), None);
    }

    #[test]
    fn roles() {
        assert_eq!(
            parse_role("districtAdministrator"),
            Some(RoleValue::Staff(StaffRole::DistrictAdministrator))
        );
        assert_eq!(
            parse_role("Teacher"),
            Some(RoleValue::Staff(StaffRole::Teacher))
        );
        assert_eq!(
            parse_role("administrator"),
            Some(RoleValue::Staff(StaffRole::Administrator))
        );
        for not_staff in [
            "student",
            "guardian",
            "parent",
            "relative",
            "proctor",
            "ext:coach",
        ] {
            assert_eq!(
                parse_role(not_staff),
                Some(RoleValue::NotStaff),
                "{not_staff}"
            );
        }
        assert_eq!(parse_role("janitor"), None);
        assert_eq!(parse_role_type("PRIMARY"), Some(RoleType::Primary));
        assert_eq!(parse_role_type("main"), None);
    }
}
