//! Real-world-shaped bundles under `tests/roster_corpus/` (written by us;
//! its README says which exporter quirk each imitates): each is read as
//! its `expected.txt` says (`UPDATE_GOLDEN=1` rewrites them), and each has
//! a test below saying what matters about it.

use super::golden::{read_case, render_case};
use lyceum_domain::oneroster::{Package, Problem, RolesSource, code, read_package};
use std::path::{Path, PathBuf};

fn dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/roster_corpus")
        .join(case)
}

fn read(case: &str) -> Result<Package, Vec<Problem>> {
    read_package(&read_case(&dir(case)))
}

fn notices(p: &Package) -> Vec<(&str, u64, &str)> {
    p.notices
        .iter()
        .map(|n| (n.file.as_str(), n.line, n.code))
        .collect()
}

/// (file, line, column, code) of each problem.
fn refused(case: &str) -> Vec<(String, u64, Option<String>, &'static str)> {
    read(case)
        .expect_err("refused")
        .into_iter()
        .map(|p| (p.file, p.line, p.column, p.code))
        .collect()
}

#[test]
fn every_bundle_reads_as_expected() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/roster_corpus");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 9, "{cases:?}");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for case in cases {
        let actual = render_case(&case);
        let path = case.join("expected.txt");
        if update {
            std::fs::write(&path, &actual).unwrap();
        } else if std::fs::read_to_string(&path).unwrap_or_default() != actual {
            failures.push(format!("── {} ──\n{actual}", case.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_public_sample_shape_is_read_with_notices() {
    let p = read("public-sample-shape").unwrap();
    let orgs: Vec<(&str, Option<&str>)> = p
        .orgs
        .iter()
        .map(|o| (o.sourced_id.as_str(), o.parent_sourced_id.as_deref()))
        .collect();
    assert_eq!(
        orgs,
        [
            ("org-sch-1", Some("org-dist-1")),
            ("org-sch-2", Some("org-dist-1")),
            ("org-dist-1", None)
        ]
    );
    let users: Vec<&str> = p.users.iter().map(|u| u.sourced_id.as_str()).collect();
    assert_eq!(users, ["usr-t-1", "usr-t-2", "usr-a-1"], "staff only");
    assert_eq!(p.ignored_users, 4, "a proctor, two students and a parent");
    assert_eq!(p.roles_source, RolesSource::UsersCsv);
    let roles: Vec<(&str, &str)> = p
        .roles
        .iter()
        .map(|r| (r.user_sourced_id.as_str(), r.org_sourced_id.as_str()))
        .collect();
    assert_eq!(
        roles,
        [
            ("usr-t-1", "org-sch-1"),
            ("usr-t-2", "org-sch-1"),
            ("usr-t-2", "org-sch-2"),
            ("usr-a-1", "org-dist-1")
        ]
    );
    assert_eq!(
        p.ignored_files,
        ["academicSessions.csv", "classes.csv", "enrollments.csv"]
    );
    assert_eq!(
        notices(&p),
        [
            ("manifest.csv", 0, code::NO_MANIFEST),
            ("orgs.csv", 2, code::ACTIVE_IN_BULK),
            ("orgs.csv", 2, code::DATE_IN_BULK),
            ("orgs.csv", 2, code::ORG_BEFORE_PARENT),
            ("users.csv", 0, code::USERS_NOT_IMPORTED),
            ("users.csv", 1, code::ROLES_FROM_USERS),
            ("users.csv", 2, code::ACTIVE_IN_BULK),
            ("users.csv", 2, code::DATE_IN_BULK),
        ]
    );
    let before_parent = &p.notices[3];
    assert_eq!(before_parent.arg("count"), Some("2"));
    let active = &p.notices[6];
    // Rows of people not imported are checked only for their id and role.
    assert_eq!(active.arg("count"), Some("3"), "the staff rows");
}

#[test]
fn a_teacher_at_two_schools_reaches_the_importer_as_two_rows() {
    // The reader keeps both rows; the importer makes them one person
    // (db `roster::corpus_*`).
    let p = read("teacher-at-two-schools").unwrap();
    assert_eq!(p.users.len(), 3);
    assert_eq!(p.roles.len(), 3);
    assert_eq!(notices(&p), []);
}

#[test]
fn columns_in_the_exporters_order_are_read_by_name() {
    let p = read("columns-in-exporter-order").unwrap();
    assert_eq!(p.orgs[1].parent_sourced_id.as_deref(), Some("nw"));
    assert_eq!(p.orgs[1].name, "Northwind High");
    let u = &p.users[0];
    assert_eq!(
        (u.given_name.as_str(), u.family_name.as_str()),
        ("Kai", "Ito")
    );
    assert_eq!(
        u.email.as_ref().map(|e| e.as_str()),
        Some("kai.ito@northwind.example.org")
    );
    assert_eq!(p.roles[0].org_sourced_id, "nw-1");
    let order: Vec<(&str, Option<&str>)> = p
        .notices
        .iter()
        .map(|n| (n.file.as_str(), n.column.as_deref()))
        .collect();
    assert!(
        order.contains(&("orgs.csv", Some("sourcedId"))),
        "{order:?}"
    );
    assert!(
        order.contains(&("users.csv", Some("sourcedId"))),
        "{order:?}"
    );
    assert!(p.notices.iter().all(|n| n.code == code::COLUMN_ORDER));
}

#[test]
fn a_spreadsheet_resave_is_read() {
    let p = read("spreadsheet-resaved").unwrap();
    assert_eq!(p.orgs.len(), 2);
    assert_eq!(p.users[0].given_name, "Luz");
    assert!(p.users[0].enabled);
    assert_eq!(p.roles.len(), 1);
    let codes: Vec<&str> = p.notices.iter().map(|n| n.code).collect();
    assert_eq!(codes, [code::ACTIVE_IN_BULK; 3]);
}

#[test]
fn what_is_truly_broken_is_still_refused_with_file_line_and_column() {
    let at = |f: &str, l: u64, c: &str, code: &'static str| {
        (f.to_string(), l, Some(c.to_string()), code)
    };
    assert_eq!(
        refused("broken-unknown-reference"),
        [
            at("orgs.csv", 2, "parentSourcedId", code::UNKNOWN_ORG),
            at("users.csv", 2, "orgSourcedIds", code::UNKNOWN_ORG),
        ]
    );
    assert_eq!(
        refused("broken-duplicate-ids"),
        [at("orgs.csv", 4, "sourcedId", code::DUPLICATE_SOURCED_ID)]
    );
    assert_eq!(
        refused("broken-bad-utf8"),
        [at("users.csv", 2, "givenName", code::INVALID_UTF8)]
    );
    assert_eq!(
        refused("broken-missing-column"),
        [(
            "orgs.csv".to_string(),
            1,
            Some("type".to_string()),
            code::MISSING_COLUMN
        )]
    );
    assert_eq!(
        refused("broken-tobedeleted-in-bulk"),
        [at("orgs.csv", 2, "status", code::STATUS_IN_BULK)]
    );
}
