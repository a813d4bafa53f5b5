//! Writing a programme as a OneRoster 1.2 CSV package (bulk), the way a
//! district SIS would export it, to feed the importer.

use crate::Programme;
use lyceum_domain::org::OrgKind;
use lyceum_domain::profile::SchoolRole;
use lyceum_domain::role::Role;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

/// One RFC 4180 field.
fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn line(out: &mut String, fields: &[&str]) {
    let joined: Vec<String> = fields.iter().map(|f| field(f)).collect();
    let _ = write!(out, "{}\r\n", joined.join(","));
}

fn org_type(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::Programme => "national",
        OrgKind::State => "state",
        OrgKind::District => "district",
        OrgKind::Local => "local",
        OrgKind::School => "school",
    }
}

/// The OneRoster role of a person, from their role here and in school.
fn staff_role(role: Role, school_role: SchoolRole) -> &'static str {
    match (role, school_role) {
        (Role::ProgrammeAdmin, _) => "administrator",
        (Role::OrgAdmin | Role::Facilitator, _) => "districtAdministrator",
        (_, SchoolRole::Paraprofessional) => "aide",
        (_, SchoolRole::Counselor) => "counselor",
        (_, SchoolRole::SchoolLeader) => "principal",
        _ => "teacher",
    }
}

pub fn write(programme: &Programme, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut manifest = String::new();
    line(&mut manifest, &["propertyName", "value"]);
    for (k, v) in [
        ("manifest.version", "1.0"),
        ("oneroster.version", "1.2"),
        ("file.academicSessions", "absent"),
        ("file.classes", "absent"),
        ("file.courses", "absent"),
        ("file.demographics", "absent"),
        ("file.enrollments", "absent"),
        ("file.orgs", "bulk"),
        ("file.roles", "bulk"),
        ("file.userProfiles", "absent"),
        ("file.users", "bulk"),
        ("source.systemName", "Lyceum synthetic programme"),
    ] {
        line(&mut manifest, &[k, v]);
    }
    std::fs::write(dir.join("manifest.csv"), manifest)?;

    let mut orgs = String::with_capacity(programme.orgs.len() * 80);
    line(
        &mut orgs,
        &[
            "sourcedId",
            "status",
            "dateLastModified",
            "name",
            "type",
            "identifier",
            "parentSourcedId",
        ],
    );
    for o in &programme.orgs {
        let parent = o
            .parent
            .map(|p| programme.orgs[p].sourced_id.as_str())
            .unwrap_or("");
        line(
            &mut orgs,
            &[&o.sourced_id, "", "", &o.name, org_type(o.kind), "", parent],
        );
    }
    std::fs::write(dir.join("orgs.csv"), orgs)?;

    let mut users = std::io::BufWriter::new(std::fs::File::create(dir.join("users.csv"))?);
    let mut roles = std::io::BufWriter::new(std::fs::File::create(dir.join("roles.csv"))?);
    let mut buf = String::new();
    line(
        &mut buf,
        &[
            "sourcedId",
            "status",
            "dateLastModified",
            "enabledUser",
            "username",
            "userIds",
            "givenName",
            "familyName",
            "middleName",
            "identifier",
            "email",
            "sms",
            "phone",
            "agentSourcedIds",
            "grades",
            "password",
            "userMasterIdentifier",
            "resourceSourcedIds",
            "preferredGivenName",
            "preferredMiddleName",
            "preferredFamilyName",
            "primaryOrgSourcedId",
            "pronouns",
        ],
    );
    users.write_all(buf.as_bytes())?;
    buf.clear();
    line(
        &mut buf,
        &[
            "sourcedId",
            "status",
            "dateLastModified",
            "userSourcedId",
            "roleType",
            "role",
            "beginDate",
            "endDate",
            "orgSourcedId",
            "userProfileSourcedId",
        ],
    );
    roles.write_all(buf.as_bytes())?;
    for (i, p) in programme.people.iter().enumerate() {
        buf.clear();
        let org = &programme.orgs[p.org].sourced_id;
        line(
            &mut buf,
            &[
                &p.sourced_id,
                "",
                "",
                "true",
                &p.email,
                "",
                &p.given_name,
                &p.family_name,
                "",
                "",
                &p.email,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                org,
                "",
            ],
        );
        users.write_all(buf.as_bytes())?;
        buf.clear();
        let role_id = format!("rol-{i:07}");
        line(
            &mut buf,
            &[
                &role_id,
                "",
                "",
                &p.sourced_id,
                "primary",
                staff_role(p.role, p.school_role),
                "",
                "",
                org,
                "",
            ],
        );
        roles.write_all(buf.as_bytes())?;
    }
    users.flush()?;
    roles.flush()
}
