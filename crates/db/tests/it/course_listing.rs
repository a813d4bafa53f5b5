//! The catalogue listing servers keep in memory: its version moves with
//! every change to what it lists (and not with a completion, which only
//! counts), and it finds the same courses, in the same order, as the
//! catalogue's query.

use crate::T0;
use lyceum_db::course_listing;
use lyceum_db::courses::{self, Catalogue, Sort};
use lyceum_db::{DbConn, orgs};
use lyceum_domain::course::{Delivery, package};
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::OrgInput;
use lyceum_domain::policy::{Actor, Grant};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::role::Role;
use lyceum_domain::{CourseId, OrgId, UserId};
use lyceum_testdb::TestDb;

fn save(
    c: &mut DbConn,
    slug: &str,
    title: &str,
    extra: serde_json::Value,
    owner: OrgId,
) -> CourseId {
    let mut doc = serde_json::json!({
        "format": "lyceum-course/1", "slug": slug, "language": "en",
        "title": title, "summary": "Zebrafish.", "pd_hours": 2,
        "delivery": "self-paced", "subjects": ["science"], "licence": "CC BY 4.0",
        "modules": [{ "title": "One", "lessons": ["one"] }],
        "lessons": { "one": { "title": "One", "markdown": "Read this." } },
    });
    for (k, v) in extra.as_object().unwrap() {
        doc[k] = v.clone();
    }
    let parsed = package::parse(doc.to_string().as_bytes()).unwrap();
    courses::save(c, &parsed, owner, T0).unwrap().id
}

#[test]
fn the_version_moves_with_what_the_catalogue_lists_and_not_with_completions() {
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let root = orgs::create_root(&mut c, "Programme", T0).unwrap();
    let v0 = course_listing::version(&mut c).unwrap();

    let id = save(&mut c, "ants", "Ants", serde_json::json!({}), root.id());
    let v1 = course_listing::version(&mut c).unwrap();
    assert!(v1 > v0, "a new course");
    let listing = course_listing::load(&mut c).unwrap();
    assert_eq!(listing.version, v1);
    assert_eq!(listing.courses.len(), 1);
    assert_eq!(listing.courses[0].subjects, vec!["science".to_string()]);

    courses::count_completion(&mut c, id).unwrap();
    assert_eq!(course_listing::version(&mut c).unwrap(), v1, "a completion");

    // Saving the same file again writes nothing.
    save(&mut c, "ants", "Ants", serde_json::json!({}), root.id());
    assert_eq!(course_listing::version(&mut c).unwrap(), v1, "no change");

    // A new version that only changes the facets.
    save(
        &mut c,
        "ants",
        "Ants",
        serde_json::json!({ "subjects": ["math"], "grade_bands": ["6-8"] }),
        root.id(),
    );
    let v2 = course_listing::version(&mut c).unwrap();
    assert!(v2 > v1, "new facets");
    let listing = course_listing::load(&mut c).unwrap();
    assert_eq!(listing.courses[0].subjects, vec!["math".to_string()]);
    assert_eq!(listing.courses[0].grade_bands, vec!["6-8".to_string()]);
    assert_eq!(listing.courses[0].row.version, 2);
}

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

#[test]
fn the_listing_finds_what_the_catalogues_query_finds_in_its_order() {
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let root = orgs::create_root(&mut c, "Programme", T0).unwrap();
    let ohio = child(&mut c, &root, "state", "Ohio");
    let columbus = child(&mut c, &ohio, "district", "Columbus");
    let lincoln = child(&mut c, &columbus, "school", "Lincoln Elementary");
    let dayton = child(&mut c, &ohio, "district", "Dayton");
    let owners = [
        root.id(),
        OrgId(0),
        ohio.id(),
        columbus.id(),
        lincoln.id(),
        dayton.id(),
    ];
    // Titles that tie (then by id), facets and hours that differ.
    let subjects = ["science", "math", "ela"];
    let bands = ["k-2", "6-8", "9-12"];
    let deliveries = ["self-paced", "cohort", "virtual"];
    for i in 0..30usize {
        let extra = serde_json::json!({
            "language": if i % 4 == 0 { "es" } else { "en" },
            "subjects": [subjects[i % 3]],
            "grade_bands": if i % 3 == (i / 3) % 3 { vec![bands[i % 3]] } else { vec![bands[i % 3], bands[(i / 3) % 3]] },
            "delivery": deliveries[(i / 2) % 3],
            "pd_hours": (i % 7) as f64 + 0.5,
        });
        let title = format!("Course {:02}", i % 11);
        save(
            &mut c,
            &format!("c{i:02}"),
            &title,
            extra,
            owners[i % owners.len()],
        );
    }
    let listing = course_listing::load(&mut c).unwrap();
    let viewers = [
        None,
        Some(actor(&[])),
        Some(actor(&[(Role::Educator, &lincoln)])),
        Some(actor(&[
            (Role::Educator, &dayton),
            (Role::Author, &columbus),
        ])),
        Some(actor(&[(Role::OrgAdmin, &ohio)])),
        Some(actor(&[(Role::ProgrammeAdmin, &root)])),
    ];
    let mut filters = vec![Catalogue::default()];
    for sort in [Sort::Relevance, Sort::Newest] {
        filters.extend([
            Catalogue {
                sort,
                ..Catalogue::default()
            },
            Catalogue {
                subject: Some(Subject::Math),
                sort,
                ..Catalogue::default()
            },
            Catalogue {
                grade_band: Some(GradeBand::G6to8),
                delivery: Some(Delivery::Cohort),
                sort,
                ..Catalogue::default()
            },
            Catalogue {
                language: Some(Lang::Es),
                hours: Some((5, 12)),
                sort,
                ..Catalogue::default()
            },
        ]);
    }
    for viewer in &viewers {
        for f in &filters {
            assert!(course_listing::serves(f));
            let from_db: Vec<CourseId> = courses::find(&mut c, viewer.as_ref(), f)
                .unwrap()
                .into_iter()
                .map(|r| r.id)
                .collect();
            let kept: Vec<CourseId> = course_listing::find(&listing, viewer.as_ref(), f)
                .into_iter()
                .map(|l| l.row.id)
                .collect();
            assert_eq!(kept, from_db, "{viewer:?}, {f:?}");
        }
    }
    assert!(!course_listing::serves(&Catalogue {
        words: vec!["zebra".into()],
        ..Catalogue::default()
    }));
    assert!(!course_listing::serves(&Catalogue {
        sort: Sort::MostCompleted,
        ..Catalogue::default()
    }));
}
