//! The directory finds the same people however it searches, on both backends.

use crate::T0;
use lyceum_db::directory::{self, Filters, Strategy};
use lyceum_db::{DbConn, memberships, orgs, users};
use lyceum_domain::UserId;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::OrgInput;
use lyceum_domain::profile::{GradeBand, Profile, SchoolRole, Subject};
use lyceum_domain::role::Role;
use lyceum_domain::search::query_words;
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

fn person(
    c: &mut DbConn,
    name: &str,
    email: &str,
    org: &orgs::OrgRow,
    role: Role,
    subjects: &[Subject],
    bands: &[GradeBand],
) -> UserId {
    let email = EmailAddress::parse(email).unwrap();
    let id = users::insert(
        c,
        &users::NewUser {
            email: &email,
            display_name: name,
            password_hash: None,
            lang: Lang::En,
            verified: true,
        },
        T0,
    )
    .unwrap();
    let profile = Profile {
        display_name: name.into(),
        preferred_language: Lang::En,
        subjects: subjects.to_vec(),
        grade_bands: bands.to_vec(),
        years_experience: None,
        school_role: Some(SchoolRole::Teacher),
    };
    users::save_profile(c, id, &profile, T0).unwrap();
    memberships::add(c, id, org, role, T0).unwrap();
    id
}

#[test]
fn both_strategies_agree_on_every_filter() {
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let root = orgs::create_root(&mut c, "Programme", T0).unwrap();
    let state = child(&mut c, &root, "state", "New Mexico");
    let district = child(&mut c, &state, "district", "Las Cruces Public Schools");
    let school = child(&mut c, &district, "school", "Sierra Middle");
    let other = child(&mut c, &state, "local", "Albuquerque Teachers Federation");
    use GradeBand::*;
    use Subject::*;
    let people = [
        (
            "María José López",
            "mj.lopez@lcps.example.org",
            &school,
            Role::Educator,
            &[Math][..],
            &[G6to8][..],
        ),
        (
            "Mario Lopes",
            "mlopes@lcps.example.org",
            &school,
            Role::Educator,
            &[Science][..],
            &[G6to8][..],
        ),
        (
            "Ana Rivera",
            "ana.rivera@lcps.example.org",
            &district,
            Role::Facilitator,
            &[Math][..],
            &[G9to12][..],
        ),
        (
            "Luis Rivera",
            "luis@atf.example.org",
            &other,
            Role::Educator,
            &[Math][..],
            &[G6to8][..],
        ),
        (
            "Zoe Chen",
            "zoe.chen@lcps.example.org",
            &school,
            Role::Educator,
            &[Ela, Math][..],
            &[G6to8][..],
        ),
    ];
    for (name, email, org, role, subjects, bands) in people {
        person(&mut c, name, email, org, role, subjects, bands);
    }
    let find =
        |c: &mut DbConn, scope: &orgs::OrgRow, q: &str, role, subject, band| -> Vec<String> {
            let f = Filters {
                words: query_words(q, 5),
                role,
                subject,
                grade_band: band,
                ..Filters::everyone_in(scope.org_path().unwrap(), 50)
            };
            let a = directory::search_by(c, &f, Strategy::FromMemberships).unwrap();
            let b = directory::search_by(c, &f, Strategy::FromPeople).unwrap();
            let names = |v: &[directory::Person]| {
                v.iter().map(|p| p.display_name.clone()).collect::<Vec<_>>()
            };
            assert_eq!(names(&a), names(&b), "strategies disagree on {q:?}");
            names(&a)
        };
    assert_eq!(
        find(&mut c, &district, "", None, None, None),
        ["María José López", "Mario Lopes", "Ana Rivera", "Zoe Chen"]
    );
    assert_eq!(
        find(&mut c, &district, "lopez", None, None, None),
        ["María José López"]
    );
    assert_eq!(
        find(&mut c, &district, "LÓP", None, None, None),
        ["María José López", "Mario Lopes"]
    );
    assert_eq!(
        find(&mut c, &district, "mar lop", None, None, None),
        ["María José López", "Mario Lopes"]
    );
    assert_eq!(
        find(&mut c, &district, "maria jose", None, None, None),
        ["María José López"]
    );
    assert_eq!(
        find(&mut c, &district, "zoe.chen@lcps", None, None, None),
        ["Zoe Chen"]
    );
    assert_eq!(
        find(&mut c, &district, "rivera", None, None, None),
        ["Ana Rivera"],
        "Luis is outside the scope"
    );
    assert_eq!(
        find(&mut c, &state, "rivera", None, None, None),
        ["Ana Rivera", "Luis Rivera"]
    );
    assert_eq!(
        find(&mut c, &district, "", Some(Role::Facilitator), None, None),
        ["Ana Rivera"]
    );
    assert_eq!(
        find(&mut c, &district, "", None, Some(Math), Some(G6to8)),
        ["María José López", "Zoe Chen"]
    );
    assert_eq!(
        find(&mut c, &school, "", None, Some(Ela), None),
        ["Zoe Chen"]
    );
    assert!(find(&mut c, &district, "nobody", None, None, None).is_empty());
    // Quotes and FTS syntax in a search are just words.
    assert!(find(&mut c, &district, "\"OR\" * NEAR(", None, None, None).is_empty());

    // Keyset pages cover everyone once.
    let scope = district.org_path().unwrap();
    let first = directory::search(&mut c, &Filters::everyone_in(scope.clone(), 2)).unwrap();
    let rest = directory::search(
        &mut c,
        &Filters {
            after: Some(UserId(first[1].id)),
            ..Filters::everyone_in(scope, 10)
        },
    )
    .unwrap();
    assert_eq!(first.len() + rest.len(), 4);
    assert_eq!(first[0].subjects, [Math]);
    assert_eq!(first[0].roles[0].org_name, "Sierra Middle");

    // A renamed person is found by the new name (and still by their email).
    let ana = users::by_email(
        &mut c,
        &EmailAddress::parse("ana.rivera@lcps.example.org").unwrap(),
    )
    .unwrap()
    .unwrap();
    let mut p = users::profile(&mut c, &ana).unwrap();
    p.display_name = "Ana Sandoval".into();
    users::save_profile(&mut c, ana.id(), &p, T0).unwrap();
    assert_eq!(
        find(&mut c, &district, "sandoval", None, None, None),
        ["Ana Sandoval"]
    );
    assert!(find(&mut c, &district, "ana riv", None, None, None) == ["Ana Sandoval"]);
    assert!(find(&mut c, &district, "ana sand", None, None, None) == ["Ana Sandoval"]);
    assert!(find(&mut c, &district, "rivera ana", None, None, None) == ["Ana Sandoval"]);
}
