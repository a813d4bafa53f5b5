//! The catalogue as each person sees it: the query itself leaves out the
//! courses owned where the viewer neither belongs nor authors nor
//! administers (`policy::Actor::sees_course`), so its count, its facets and
//! its search never see them — and on SQLite it reads them through the
//! owner index, not by a check per course.

use crate::{T0, plan_of};
use lyceum_db::courses::{self, Catalogue, Sort};
use lyceum_db::{Backend, DbConn, orgs};
use lyceum_domain::course::package;
use lyceum_domain::org::OrgInput;
use lyceum_domain::policy::{Actor, Grant};
use lyceum_domain::profile::Subject;
use lyceum_domain::role::Role;
use lyceum_domain::{CourseId, OrgId, UserId};
use lyceum_testdb::TestDb;

fn child(c: &mut DbConn, parent: &orgs::OrgRow, kind: &str, name: &str) -> orgs::OrgRow {
    let draft = OrgInput {
        name: name.into(),
        kind: kind.into(),
        ..Default::default()
    }
    .validate_child_of(parent.kind)
    .unwrap();
    orgs::create_child(c, parent, &draft, T0).unwrap()
}

/// Saves a course owned by `owner`; its words are its slug's and "lab".
fn course(c: &mut DbConn, slug: &str, subject: &str, owner: OrgId) {
    let doc = serde_json::json!({
        "format": "lyceum-course/1", "slug": slug, "language": "en",
        "title": format!("The {slug} lab"), "summary": "Zebrafish.", "pd_hours": 200,
        "delivery": "self-paced", "subjects": [subject], "licence": "CC BY 4.0",
        "modules": [{ "title": "One", "lessons": ["one"] }],
        "lessons": { "one": { "title": "One", "markdown": "Read this." } },
    });
    let parsed = package::parse(doc.to_string().as_bytes()).unwrap();
    courses::save(c, &parsed, owner, T0).unwrap();
}

fn actor(grants: &[(Role, &orgs::OrgRow)]) -> Actor {
    Actor {
        user_id: UserId(1),
        grants: grants
            .iter()
            .map(|(role, at)| Grant {
                role: *role,
                scope: at.org_path().unwrap(),
            })
            .collect(),
    }
}

fn slugs(rows: Vec<courses::CourseRow>) -> Vec<String> {
    let mut s: Vec<String> = rows.into_iter().map(|r| r.slug).collect();
    s.sort();
    s
}

#[test]
fn the_catalogue_holds_only_the_courses_its_viewer_may_see() {
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let root = orgs::create_root(&mut c, "Programme", T0).unwrap();
    let ohio = child(&mut c, &root, "state", "Ohio");
    // Enough districts that ids reach two digits: a subtree /1/2/3/ must
    // not cover /1/2/30/.
    let districts: Vec<orgs::OrgRow> = (0..30)
        .map(|i| child(&mut c, &ohio, "district", &format!("District {i:02}")))
        .collect();
    let columbus = &districts[0];
    let lincoln = child(&mut c, columbus, "school", "Lincoln Elementary");
    let far = districts
        .iter()
        .find(|d| {
            d.path
                .starts_with(&columbus.path[..columbus.path.len() - 1])
                && d.id != columbus.id
        })
        .expect("a district whose path starts like Columbus's");
    let riverside = child(&mut c, far, "school", "Riverside Middle");

    course(&mut c, "national", "science", root.id());
    course(&mut c, "before-a-programme", "science", OrgId(0));
    course(&mut c, "ohio", "science", ohio.id());
    course(&mut c, "columbus", "science", columbus.id());
    course(&mut c, "lincoln", "science", lincoln.id());
    course(&mut c, "far", "math", far.id());
    course(&mut c, "riverside", "science", riverside.id());

    let everyone = ["before-a-programme", "national"];
    let with = |more: &[&str]| {
        let mut v: Vec<String> = everyone.iter().chain(more).map(|s| s.to_string()).collect();
        v.sort();
        v
    };
    let all = with(&["columbus", "far", "lincoln", "ohio", "riverside"]);
    // viewer, what the whole catalogue holds for them
    let cases: Vec<(&str, Option<Actor>, Vec<String>)> = vec![
        ("not signed in", None, with(&[])),
        ("nobody anywhere", Some(actor(&[])), with(&[])),
        (
            "a Lincoln educator",
            Some(actor(&[(Role::Educator, &lincoln)])),
            with(&["columbus", "lincoln", "ohio"]),
        ),
        (
            "a Riverside educator",
            Some(actor(&[(Role::Educator, &riverside)])),
            with(&["far", "ohio", "riverside"]),
        ),
        (
            "an educator of Columbus itself",
            Some(actor(&[(Role::Educator, columbus)])),
            with(&["columbus", "ohio"]),
        ),
        (
            "Columbus's admin",
            Some(actor(&[(Role::OrgAdmin, columbus)])),
            with(&["columbus", "lincoln", "ohio"]),
        ),
        (
            "an author at Columbus",
            Some(actor(&[(Role::Author, columbus)])),
            with(&["columbus", "lincoln", "ohio"]),
        ),
        (
            "Ohio's admin",
            Some(actor(&[(Role::OrgAdmin, &ohio)])),
            all.clone(),
        ),
        (
            "a researcher",
            Some(actor(&[(Role::Researcher, &root)])),
            with(&[]),
        ),
        (
            "an author at the root",
            Some(actor(&[(Role::Author, &root)])),
            all.clone(),
        ),
        (
            "a programme admin",
            Some(actor(&[(Role::ProgrammeAdmin, &root)])),
            all.clone(),
        ),
    ];
    for (who, viewer, expected) in &cases {
        let found = courses::find(&mut c, viewer.as_ref(), &Catalogue::default()).unwrap();
        assert_eq!(&slugs(found), expected, "{who}");
        // The query's own answer agrees with the policy, course by course.
        for slug in &all {
            let row = courses::by_slug(&mut c, slug).unwrap().unwrap();
            let owner = courses::owner(&mut c, OrgId(row.org_id)).unwrap().1;
            assert_eq!(
                expected.contains(slug),
                lyceum_domain::policy::sees_course(viewer.as_ref(), &owner),
                "{who} and {slug}"
            );
        }
        // Words, facets and every order see the same courses.
        for sort in [Sort::Relevance, Sort::Newest, Sort::MostCompleted] {
            let f = Catalogue {
                words: vec!["lab".into()],
                subject: Some(Subject::Science),
                sort,
                ..Catalogue::default()
            };
            let science: Vec<String> = expected.iter().filter(|s| *s != "far").cloned().collect();
            let found = courses::find(&mut c, viewer.as_ref(), &f).unwrap();
            assert_eq!(slugs(found), science, "{who}, words and a facet, {sort:?}");
        }
        let ids: Vec<CourseId> = all
            .iter()
            .map(|s| courses::by_slug(&mut c, s).unwrap().unwrap().id)
            .collect();
        assert_eq!(
            courses::seen_among(&mut c, viewer.as_ref(), &ids)
                .unwrap()
                .len(),
            expected.len(),
            "{who}"
        );
    }
}

#[test]
fn the_catalogue_reads_a_viewers_courses_through_the_owner_index() {
    let t = TestDb::new();
    if t.db.backend() != Backend::Sqlite {
        return; // (PostgreSQL's plan depends on its statistics; see BENCHMARKS.md.)
    }
    let mut c = t.db.get().unwrap();
    let root = orgs::create_root(&mut c, "Programme", T0).unwrap();
    let ohio = child(&mut c, &root, "state", "Ohio");
    let columbus = child(&mut c, &ohio, "district", "Columbus");
    let lincoln = child(&mut c, &columbus, "school", "Lincoln Elementary");
    course(&mut c, "national", "science", root.id());
    course(&mut c, "lincoln", "science", lincoln.id());

    let (sql, plan) = plan_of(&mut c, "`org_id` IN", |c| {
        let viewer = actor(&[(Role::Educator, &lincoln), (Role::Author, &columbus)]);
        courses::find(c, Some(&viewer), &Catalogue::default()).unwrap();
    });
    // Courses by owner from their index, the subtree as a range of paths.
    assert!(
        plan.contains("SEARCH courses USING INDEX courses_org (org_id=?)")
            && plan.contains(
                "SEARCH orgs USING COVERING INDEX sqlite_autoindex_orgs_1 (path>? AND path<?)"
            ),
        "{sql}\n{plan}"
    );
    assert!(!plan.contains("SCAN"), "{sql}\n{plan}");
}
