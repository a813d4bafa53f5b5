//! Packages built in code: sizes and shapes a fixture folder cannot hold.

use super::package;
use lyceum_domain::oneroster::{
    MAX_PROBLEMS_PER_FILE, Mode, RoleType, RolesSource, StaffRole, code, read_package,
};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Instant;

const MANIFEST_BULK: &str = "propertyName,value\n\
    manifest.version,1.0\n\
    oneroster.version,1.2\n\
    file.orgs,bulk\n\
    file.users,bulk\n\
    file.roles,bulk\n";

/// A bulk package: one programme, states, districts, 40 schools per
/// district; `educators` teachers and aides, plus one student in twenty rows.
fn programme(educators: usize) -> BTreeMap<String, Vec<u8>> {
    let schools = (educators / 15).max(1);
    let districts = (schools / 40).max(1);
    let mut orgs =
        String::from("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n");
    orgs.push_str("prog,,,Programme,national,,\n");
    for s in 0..50 {
        let _ = writeln!(orgs, "st{s},,,State {s},state,S{s},prog");
    }
    for d in 0..districts {
        let _ = writeln!(
            orgs,
            "d{d},,,\"District {d}, Unified\",district,{d},st{}",
            d % 50
        );
    }
    for s in 0..schools {
        let _ = writeln!(orgs, "s{s},,,School {s},school,{s},d{}", s % districts);
    }
    let mut users = String::from(
        "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,\
         middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,\
         userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,\
         preferredFamilyName,primaryOrgSourcedId,pronouns\n",
    );
    let mut roles = String::from(
        "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,\
         orgSourcedId,userProfileSourcedId\n",
    );
    for u in 0..educators + educators / 20 {
        let school = u % schools;
        let student = u >= educators;
        let role = if student {
            "student"
        } else if u % 7 == 0 {
            "aide"
        } else {
            "teacher"
        };
        let _ = writeln!(
            users,
            "u{u},,,true,user{u},,Given{u},\"Family, {u}\",,E{u},user{u}@district{}.k12.example.org,,,,\"09,10\",,,,,,,s{school},",
            school % districts
        );
        let _ = writeln!(
            roles,
            "r{u},,,u{u},primary,{role},2026-08-15,2027-06-10,s{school},"
        );
    }
    package(&[
        ("manifest.csv", MANIFEST_BULK),
        ("orgs.csv", &orgs),
        ("users.csv", &users),
        ("roles.csv", &roles),
    ])
}

#[test]
fn fifty_thousand_educators() {
    let files = programme(50_000);
    let bytes: usize = files.values().map(Vec::len).sum();
    let started = Instant::now();
    let package = read_package(&files).unwrap();
    // Printed, not asserted: timing depends on the machine and the profile.
    eprintln!(
        "read {} users ({} MB) in {:?}",
        package.users.len(),
        bytes / 1_000_000,
        started.elapsed()
    );
    assert_eq!(package.users.len(), 50_000);
    assert_eq!(package.roles.len(), 50_000);
    assert_eq!(package.ignored_users, 2_500);
    assert_eq!(package.ignored_roles, 2_500);
    assert_eq!(package.orgs.len(), 1 + 50 + 83 + 3_333);
    assert_eq!(package.roles[7].role, StaffRole::Aide);
    assert_eq!(package.users[1].family_name, "Family, 1");
}

/// The import's target size; run with
/// `cargo test --release -p lyceum-domain --test it -- --ignored --nocapture`.
#[test]
#[ignore = "a timing run at full scale, for release builds"]
fn four_hundred_thousand_educators() {
    let files = programme(400_000);
    let bytes: usize = files.values().map(Vec::len).sum();
    let started = Instant::now();
    let package = read_package(&files).unwrap();
    eprintln!(
        "read {} users ({} MB) in {:?}",
        package.users.len(),
        bytes / 1_000_000,
        started.elapsed()
    );
    assert_eq!(package.users.len(), 400_000);
}

#[test]
fn problems_are_capped_per_file() {
    let mut users = String::from("sourcedId,enabledUser,username,givenName,familyName\n");
    for u in 0..MAX_PROBLEMS_PER_FILE + 100 {
        let _ = writeln!(users, "u{u},maybe,u{u},G,F");
    }
    let mut orgs = String::from("sourcedId,name,type\n");
    for o in 0..5 {
        let _ = writeln!(orgs, "o{o},Org,planet");
    }
    let manifest = MANIFEST_BULK.replace("file.roles,bulk", "file.roles,absent");
    let files = package(&[
        ("manifest.csv", &manifest),
        ("orgs.csv", &orgs),
        ("users.csv", &users),
    ]);
    let problems = read_package(&files).unwrap_err();
    assert_eq!(problems.len(), 5 + MAX_PROBLEMS_PER_FILE + 1);
    assert!(problems[..5].iter().all(|p| p.code == code::BAD_ORG_TYPE));
    let last = problems.last().unwrap();
    assert_eq!(
        (last.file.as_str(), last.code),
        ("users.csv", code::TOO_MANY_PROBLEMS)
    );
    assert_eq!(
        last.to_string(),
        "users.csv: more than 1000 problems in this file; fix these and try again to see the rest"
    );
    assert_eq!(problems[5].line, 2);
    assert_eq!(problems[5 + MAX_PROBLEMS_PER_FILE - 1].line, 1001);
}

#[test]
fn lines_are_physical_after_quoted_newlines() {
    let users = "sourcedId,enabledUser,username,givenName,familyName,email\r\n\
                 u1,true,u1,\"Two\r\nline\",F,a@example.org\r\n\
                 u2,true,u2,\"Three\nline\nname\",F,a@example.org\r\n\
                 \r\n\
                 u3,true,u3,G,F,\"not, an email\"\r\n";
    let manifest = MANIFEST_BULK.replace("file.roles,bulk", "file.roles,absent");
    let manifest = manifest.replace("file.orgs,bulk", "file.orgs,absent");
    let files = package(&[("manifest.csv", &manifest), ("users.csv", users)]);
    let problems = read_package(&files).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        vec![r#"users.csv line 8, column email: "not, an email" is not an email address"#]
    );
    assert_eq!(problems[0].column_number, Some(6));

    let fixed = users.replace("\"not, an email\"", "u3@example.org");
    let files = package(&[("manifest.csv", &manifest), ("users.csv", &fixed)]);
    let package = read_package(&files).unwrap();
    let lines: Vec<u64> = package.users.iter().map(|u| u.line).collect();
    assert_eq!(lines, vec![2, 4, 8]);
    // A line break in a name parts its words.
    assert_eq!(package.users[1].given_name, "Three line name");
    assert_eq!(package.roles_source, RolesSource::None);
    assert_eq!(package.modes.users, Some(Mode::Bulk));
    assert_eq!(package.modes.orgs, None);
}

/// Names lose the invisible characters that could make one pass for
/// another; a name of nothing else is missing.
#[test]
fn names_lose_invisible_formatting_characters() {
    let users = "sourcedId,enabledUser,username,givenName,familyName,preferredGivenName\n\
                 u1,true,u1,An\u{202E}a,Ri\u{200B}vera,\u{2066}Annie\u{2069}\n\
                 u2,true,u2,\u{200F}\u{200E},Lee,\n";
    let manifest = MANIFEST_BULK
        .replace("file.roles,bulk", "file.roles,absent")
        .replace("file.orgs,bulk", "file.orgs,absent");
    let files = package(&[("manifest.csv", &manifest), ("users.csv", users)]);
    let problems = read_package(&files).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        vec!["users.csv line 3, column givenName: a value is required"]
    );
    let fixed = users.replace("u2,true,u2,\u{200F}\u{200E},Lee,", "u2,true,u2,Bo,Lee,");
    let files = package(&[("manifest.csv", &manifest), ("users.csv", &fixed)]);
    let read = read_package(&files).unwrap();
    let u = &read.users[0];
    assert_eq!(
        (u.given_name.as_str(), u.family_name.as_str()),
        ("Ana", "Rivera")
    );
    assert_eq!(u.preferred_given_name.as_deref(), Some("Annie"));
}

#[test]
fn invalid_utf8_names_the_column_and_byte() {
    let mut users = b"sourcedId,enabledUser,username,givenName,familyName\n".to_vec();
    users.extend_from_slice(b"u1,true,u1,Jos\xE9,Garc\xEDa\n");
    let manifest = MANIFEST_BULK
        .replace("file.roles,bulk", "file.roles,absent")
        .replace("file.orgs,bulk", "file.orgs,absent");
    let mut files = package(&[("manifest.csv", &manifest)]);
    files.insert("users.csv".into(), users);
    let problems = read_package(&files).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        vec![
            "users.csv line 2, column givenName: byte 4 of this field is not UTF-8; save the file as UTF-8",
            "users.csv line 2, column familyName: byte 5 of this field is not UTF-8; save the file as UTF-8",
        ]
    );
}

#[test]
fn a_user_with_a_staff_role_keeps_it_and_loses_the_others() {
    let users = "sourcedId,enabledUser,username,givenName,familyName\n\
                 both,true,both,B,Oth\n\
                 kid,true,kid,K,Id\n\
                 nobody,true,nobody,N,Obody\n";
    let roles = "sourcedId,userSourcedId,roleType,role,orgSourcedId\n\
                 r1,both,primary,parent,s1\n\
                 r2,both,secondary,counselor,s1\n\
                 r3,kid,primary,student,s1\n\
                 r4,kid,secondary,relative,s1\n";
    let manifest = MANIFEST_BULK.replace("file.orgs,bulk", "file.orgs,absent");
    let files = package(&[
        ("manifest.csv", &manifest),
        ("users.csv", users),
        ("roles.csv", roles),
    ]);
    let package = read_package(&files).unwrap();
    let ids: Vec<&str> = package
        .users
        .iter()
        .map(|u| u.sourced_id.as_str())
        .collect();
    assert_eq!(ids, vec!["both", "nobody"]);
    assert_eq!(package.roles.len(), 1);
    assert_eq!(package.roles[0].role, StaffRole::Counselor);
    assert_eq!(package.roles[0].role_type, RoleType::Secondary);
    assert_eq!((package.ignored_users, package.ignored_roles), (1, 3));
}
