use crate::T0;
use lyceum_db::directory::{self, Filters};
use lyceum_db::{DbConn, memberships, orgs, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::{OrgInput, OrgKind};
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, UserId};
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

fn person(c: &mut DbConn, n: usize) -> UserId {
    let email = EmailAddress::parse(&format!("person{n}@example.org")).unwrap();
    users::insert(
        c,
        &users::NewUser {
            email: &email,
            display_name: &format!("Person {n}"),
            password_hash: None,
            lang: Lang::En,
            verified: true,
        },
        T0,
    )
    .unwrap()
}

#[test]
fn paths_subtrees_and_scoped_people() {
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let root = orgs::create_root(&mut c, "Programme", T0).unwrap();
    assert_eq!(root.path, format!("/{}/", root.id));
    let ohio = child(&mut c, &root, "state", "Ohio");
    // Enough siblings that ids reach two digits: /1/7/ must not cover /1/70/.
    let mut districts = Vec::new();
    for i in 0..12 {
        districts.push(child(
            &mut c,
            &ohio,
            "district",
            &format!("District {i:02}"),
        ));
    }
    let d1 = &districts[1];
    let school = child(&mut c, d1, "school", "Lincoln Elementary");
    assert_eq!(school.path, format!("{}{}/", d1.path, school.id));
    assert_eq!(
        orgs::subtree_size(&mut c, &d1.org_path().unwrap()).unwrap(),
        2
    );
    assert_eq!(
        orgs::subtree_size(&mut c, &ohio.org_path().unwrap()).unwrap(),
        14
    );
    let lineage = orgs::lineage(&mut c, &school.org_path().unwrap()).unwrap();
    let names: Vec<&str> = lineage.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        names,
        ["Programme", "Ohio", "District 01", "Lincoln Elementary"]
    );

    // A school cannot hold a district.
    let bad = OrgInput {
        name: "X".into(),
        kind: "district".into(),
        ..Default::default()
    };
    assert!(bad.validate_child_of(OrgKind::School).is_err());

    // People: 25 in the school, 3 in another district.
    for n in 0..25 {
        let u = person(&mut c, n);
        memberships::add(&mut c, u, &school, Role::Educator, T0).unwrap();
    }
    for n in 25..28 {
        let u = person(&mut c, n);
        memberships::add(&mut c, u, &districts[10], Role::Educator, T0).unwrap();
    }
    // A second role for the same person is one person in the list.
    let first = UserId(
        directory::search(&mut c, &Filters::everyone_in(d1.org_path().unwrap(), 1)).unwrap()[0].id,
    );
    assert!(memberships::add(&mut c, first, d1, Role::Facilitator, T0).unwrap());
    assert!(!memberships::add(&mut c, first, d1, Role::Facilitator, T0).unwrap());

    let scope = d1.org_path().unwrap();
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = directory::search(
            &mut c,
            &Filters {
                after,
                ..Filters::everyone_in(scope.clone(), 10)
            },
        )
        .unwrap();
        if page.is_empty() {
            break;
        }
        after = Some(UserId(page.last().unwrap().id));
        seen.extend(page);
    }
    assert_eq!(seen.len(), 25, "only the district's people, each once");
    assert_eq!(seen[0].roles.len(), 2);
    let state_wide =
        directory::search(&mut c, &Filters::everyone_in(ohio.org_path().unwrap(), 100)).unwrap();
    assert_eq!(state_wide.len(), 28);

    // Programme-wide roles only at the root.
    let err = memberships::add(&mut c, first, d1, Role::Researcher, T0).unwrap_err();
    assert!(matches!(err, lyceum_db::DbError::Invalid(_)));
    assert!(orgs::by_id(&mut c, OrgId(999_999)).unwrap().is_none());
}
