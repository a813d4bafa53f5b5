//! Importing OneRoster packages: create, re-import unchanged, delta,
//! bulk removals, two sources sharing a person, and refusals that change nothing.

use crate::T0;
use lyceum_db::roster::{self, Summary, Target};
use lyceum_db::{Db, DbError, directory, orgs, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::oneroster::read_package;
use lyceum_domain::org::OrgPath;
use lyceum_domain::{OrgId, Timestamp};
use lyceum_testdb::TestDb;
use std::collections::BTreeMap;

const ORGS: &str = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n";
const USERS: &str =
    "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,email\n";
const ROLES: &str = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\n";

fn package(mode: &str, orgs: &str, users: &str, roles: &str) -> BTreeMap<String, Vec<u8>> {
    let manifest = format!(
        "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,{mode}\nfile.users,{mode}\nfile.roles,{mode}\n"
    );
    BTreeMap::from([
        ("manifest.csv".to_string(), manifest.into_bytes()),
        ("orgs.csv".to_string(), format!("{ORGS}{orgs}").into_bytes()),
        (
            "users.csv".to_string(),
            format!("{USERS}{users}").into_bytes(),
        ),
        (
            "roles.csv".to_string(),
            format!("{ROLES}{roles}").into_bytes(),
        ),
    ])
}

async fn import(
    db: &Db,
    files: BTreeMap<String, Vec<u8>>,
    source: &str,
    org: OrgId,
    now: Timestamp,
) -> Result<Summary, DbError> {
    let package = read_package(&files).map_err(DbError::Roster)?;
    let target = Target {
        source: source.into(),
        org,
        actor: None,
    };
    db.write(move |c| {
        let plan = roster::plan(c, &package, &target)?;
        roster::apply(c, plan, now, &|_| {})
    })
    .await
}

async fn setup() -> (TestDb, OrgId) {
    let t = TestDb::new();
    let root =
        t.db.write(|c| orgs::create_root(c, "Programme", T0))
            .await
            .unwrap();
    (t, root.id())
}

const BULK_ORGS: &str = "st,,,Ohio,state,,\nd1,,,Columbus City Schools,district,,st\ns1,,,Lincoln Elementary,school,,d1\ns2,,,Eastmoor Academy,school,,d1\n";
const BULK_USERS: &str = "u1,,,true,ana,Ana,Rivera,ana@cps.example.org\nu2,,,true,bo,Bo,Chen,bo@cps.example.org\nu3,,,true,cy,Cy,Diaz,cy@cps.example.org\n";
const BULK_ROLES: &str = "r1,,,u1,primary,teacher,s1\nr2,,,u2,primary,aide,s1\nr3,,,u3,primary,principal,s2\nr4,,,u1,secondary,teacher,s2\n";

async fn people(db: &Db, scope: OrgId) -> Vec<String> {
    db.read(move |c| {
        let path = orgs::path_of(c, scope)?.unwrap();
        let found = directory::search(c, &directory::Filters::everyone_in(path, 100))?;
        Ok(found
            .into_iter()
            .map(|p| {
                format!(
                    "{}{}",
                    p.display_name,
                    if p.deactivated { " (deactivated)" } else { "" }
                )
            })
            .collect())
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn bulk_import_then_unchanged_reimport() {
    let (t, root) = setup().await;
    let s = import(
        &t.db,
        package("bulk", BULK_ORGS, BULK_USERS, BULK_ROLES),
        "cps",
        root,
        T0,
    )
    .await
    .unwrap();
    assert_eq!(
        (s.created.orgs, s.created.users, s.created.roles),
        (4, 3, 4)
    );
    assert_eq!(
        people(&t.db, root).await,
        ["Ana Rivera", "Bo Chen", "Cy Diaz"]
    );
    // Placed in a tree that fits: Ohio under the programme, schools under the district.
    let lincoln =
        t.db.read(|c| {
            let d = orgs::find(c, "Columbus City Schools")?.remove(0);
            orgs::children(c, d.id())
        })
        .await
        .unwrap();
    assert_eq!(
        lincoln.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(),
        ["Eastmoor Academy", "Lincoln Elementary"]
    );
    // What people do in school comes from their role.
    let bo =
        t.db.read(|c| users::by_email(c, &EmailAddress::parse("bo@cps.example.org").unwrap()))
            .await
            .unwrap()
            .unwrap();
    assert_eq!(bo.school_role.as_deref(), Some("paraprofessional"));
    assert!(bo.is_verified(), "the roster vouches for the address");

    let again = import(
        &t.db,
        package("bulk", BULK_ORGS, BULK_USERS, BULK_ROLES),
        "cps",
        root,
        T0,
    )
    .await
    .unwrap();
    assert_eq!(
        again.created.total() + again.updated.total() + again.deactivated.total(),
        0
    );
    assert_eq!(
        (
            again.unchanged.orgs,
            again.unchanged.users,
            again.unchanged.roles
        ),
        (4, 3, 4)
    );
    assert_eq!(
        people(&t.db, root).await.len(),
        3,
        "a re-import never duplicates"
    );
}

#[tokio::test]
async fn delta_updates_and_deactivates_and_bulk_removes_the_absent() {
    let (t, root) = setup().await;
    import(
        &t.db,
        package("bulk", BULK_ORGS, BULK_USERS, BULK_ROLES),
        "cps",
        root,
        T0,
    )
    .await
    .unwrap();
    let delta = package(
        "delta",
        "",
        "u1,active,2026-12-01T00:00:00Z,true,ana,Ana,Rivera-Soto,ana@cps.example.org\nu3,tobedeleted,2026-12-01T00:00:00Z,true,cy,Cy,Diaz,cy@cps.example.org\n",
        "",
    );
    let s = import(&t.db, delta, "cps", root, T0).await.unwrap();
    assert_eq!(s.updated.users, 1);
    assert_eq!(s.deactivated.users, 1);
    assert_eq!(
        people(&t.db, root).await,
        ["Ana Rivera-Soto", "Bo Chen"],
        "Cy left with no role anywhere"
    );
    let cy =
        t.db.read(|c| users::by_email(c, &EmailAddress::parse("cy@cps.example.org").unwrap()))
            .await
            .unwrap()
            .unwrap();
    assert!(cy.is_deactivated());

    // A bulk file is the whole truth: Bo is no longer in it.
    let bulk = package(
        "bulk",
        BULK_ORGS,
        "u1,,,true,ana,Ana,Rivera-Soto,ana@cps.example.org\nu3,,,true,cy,Cy,Diaz,cy@cps.example.org\n",
        "r1,,,u1,primary,teacher,s1\nr3,,,u3,primary,principal,s2\n",
    );
    let s = import(&t.db, bulk, "cps", root, T0).await.unwrap();
    assert_eq!(s.deactivated.users, 1, "Bo");
    assert_eq!(s.reactivated, 1, "Cy came back");
    assert_eq!(
        s.deactivated.roles, 2,
        "r2 (Bo) and r4 (Ana's second school)"
    );
    assert_eq!(people(&t.db, root).await, ["Ana Rivera-Soto", "Cy Diaz"]);
}

#[tokio::test]
async fn one_email_from_two_sources_is_one_person() {
    let (t, root) = setup().await;
    import(
        &t.db,
        package("bulk", BULK_ORGS, BULK_USERS, BULK_ROLES),
        "cps",
        root,
        T0,
    )
    .await
    .unwrap();
    let union = package(
        "bulk",
        "st,,,Ohio,state,,\nl1,,,Columbus Education Association,local,,st\n",
        "x9,,,true,ana,Ana,Rivera,ANA@cps.example.org\n",
        "m1,,,x9,primary,teacher,l1\n",
    );
    let s = import(&t.db, union, "cea", root, T0).await.unwrap();
    assert_eq!(s.created.users, 0);
    assert_eq!(s.updated.users, 1, "linked to the existing person");
    assert_eq!(
        s.unchanged.orgs, 1,
        "Ohio already exists, made by the other source: matched by name"
    );
    assert_eq!(people(&t.db, root).await.len(), 3);
    let ana =
        t.db.read(|c| users::by_email(c, &EmailAddress::parse("ana@cps.example.org").unwrap()))
            .await
            .unwrap()
            .unwrap()
            .id();
    let roles =
        t.db.read(move |c| lyceum_db::memberships::of_user(c, ana))
            .await
            .unwrap();
    assert_eq!(
        roles.len(),
        3,
        "two schools from one source, the local from the other"
    );
    // The union's bulk file leaving Ana out does not touch the district's roles.
    let union_without = package(
        "bulk",
        "st,,,Ohio,state,,\nl1,,,Columbus Education Association,local,,st\n",
        "",
        "",
    );
    import(&t.db, union_without, "cea", root, T0).await.unwrap();
    let roles =
        t.db.read(move |c| lyceum_db::memberships::of_user(c, ana))
            .await
            .unwrap();
    assert_eq!(roles.len(), 2);
    let ana =
        t.db.read(|c| users::by_email(c, &EmailAddress::parse("ana@cps.example.org").unwrap()))
            .await
            .unwrap()
            .unwrap();
    assert!(!ana.is_deactivated());
}

#[tokio::test]
async fn refusals_name_the_line_and_change_nothing() {
    let (t, root) = setup().await;
    // Someone already uses this address.
    t.db.write(|c| {
        users::insert(
            c,
            &users::NewUser {
                email: &EmailAddress::parse("taken@cps.example.org").unwrap(),
                display_name: "Someone",
                password_hash: None,
                lang: lyceum_domain::i18n::Lang::En,
                verified: true,
            },
            T0,
        )
    })
    .await
    .unwrap();
    import(
        &t.db,
        package("bulk", BULK_ORGS, BULK_USERS, BULK_ROLES),
        "cps",
        root,
        T0,
    )
    .await
    .unwrap();
    let before = people(&t.db, root).await;
    // Two rows with one address, the second already another person's
    // account: rows of one person are merged, two people are not.
    let bad = package(
        "bulk",
        BULK_ORGS,
        "u1,,,true,ana,Ana,Rivera,ana@cps.example.org\nu2,,,true,bo,Bo,Chen,ana@cps.example.org\n",
        "r1,,,u1,primary,teacher,s1\n",
    );
    let err = import(&t.db, bad, "cps", root, T0).await.unwrap_err();
    let DbError::Roster(problems) = err else {
        panic!("{err}")
    };
    let found: Vec<(String, u64, &str)> = problems
        .iter()
        .map(|p| (p.file.clone(), p.line, p.code))
        .collect();
    assert_eq!(found, [("users.csv".to_string(), 3, "email-used-twice")]);
    assert_eq!(people(&t.db, root).await, before);

    // A district's admin cannot receive a state.
    let district =
        t.db.read(|c| Ok(orgs::find(c, "Columbus City Schools")?.remove(0).id()))
            .await
            .unwrap();
    let err = import(
        &t.db,
        package("bulk", "x,,,Texas,state,,\n", "", ""),
        "other",
        district,
        T0,
    )
    .await
    .unwrap_err();
    let DbError::Roster(problems) = err else {
        panic!()
    };
    assert_eq!(problems[0].code, "cannot-place-org");
    let n =
        t.db.read(|c| orgs::subtree_size(c, &OrgPath::parse("/1/").unwrap()))
            .await
            .unwrap();
    assert_eq!(n, 5);
}

/// A bundle of the corpus in `domain/tests/roster_corpus/`.
fn corpus(case: &str) -> BTreeMap<String, Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../domain/tests/roster_corpus")
        .join(case);
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name() != "expected.txt")
        .map(|e| {
            let name = e.file_name().into_string().unwrap();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// A state to import districts into (a district sits under a state).
async fn state(db: &Db, root: OrgId) -> OrgId {
    import(
        db,
        package("bulk", "st,,,Ohio,state,,\n", "", ""),
        "state",
        root,
        T0,
    )
    .await
    .unwrap();
    db.read(|c| Ok(orgs::find(c, "Ohio")?.remove(0).id()))
        .await
        .unwrap()
}

async fn memberships_of(db: &Db, email: &'static str) -> Vec<String> {
    db.read(move |c| {
        let user = users::by_email(c, &EmailAddress::parse(email).unwrap())?.unwrap();
        let mut at: Vec<String> = lyceum_db::memberships::of_user(c, user.id())?
            .into_iter()
            .map(|m| m.org_name)
            .collect();
        at.sort();
        Ok(at)
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn corpus_a_teacher_at_two_schools_is_one_person_with_both_memberships() {
    let (t, root) = setup().await;
    let root = state(&t.db, root).await;
    let s = import(&t.db, corpus("teacher-at-two-schools"), "lps", root, T0)
        .await
        .unwrap();
    assert_eq!(s.created.users, 2, "Ana once, and Ben");
    assert_eq!(s.created.roles, 3);
    let notices: Vec<(&str, u64, &str, Option<&str>)> = s
        .notices
        .iter()
        .map(|n| (n.file.as_str(), n.line, n.code, n.arg("first_line")))
        .collect();
    assert_eq!(
        notices,
        [("users.csv", 3, "same-email-merged", Some("2"))],
        "the second row, pointing at the first"
    );
    assert_eq!(
        memberships_of(&t.db, "ana.anaya@lakeside.example.org").await,
        ["Bayview Middle", "Harbor Elementary"]
    );
    let mut everyone = people(&t.db, root).await;
    everyone.sort();
    assert_eq!(everyone, ["Ana Anaya", "Ben Cole"]);

    // Sent again, nothing changes and nobody is doubled or withdrawn.
    let again = import(&t.db, corpus("teacher-at-two-schools"), "lps", root, T0)
        .await
        .unwrap();
    assert_eq!(again.created, Default::default());
    assert_eq!(again.deactivated, Default::default());
    assert_eq!(again.unchanged.roles, 3);
    assert_eq!(
        memberships_of(&t.db, "ana.anaya@lakeside.example.org").await,
        ["Bayview Middle", "Harbor Elementary"]
    );
}

#[tokio::test]
async fn corpus_the_public_sample_shape_imports_its_staff_with_notices() {
    let (t, root) = setup().await;
    let root = state(&t.db, root).await;
    let s = import(&t.db, corpus("public-sample-shape"), "riverbend", root, T0)
        .await
        .unwrap();
    assert_eq!(s.created.orgs, 3, "the district placed before its schools");
    assert_eq!(s.created.users, 3);
    assert_eq!(s.created.roles, 4);
    assert_eq!(s.ignored_users, 4);
    let codes: Vec<&str> = s.notices.iter().map(|n| n.code).collect();
    for code in [
        "no-manifest",
        "active-in-bulk",
        "org-before-parent",
        "roles-from-users",
        "users-not-imported",
    ] {
        assert!(codes.contains(&code), "{code}: {codes:?}");
    }
    assert_eq!(
        memberships_of(&t.db, "jkim@riverbend.example.org").await,
        ["Cedar Ridge Middle School", "Maple Grove Elementary"]
    );
    let mut everyone = people(&t.db, root).await;
    everyone.sort();
    assert_eq!(everyone, ["June Kim", "María López", "Ravi Patel"]);
    let district =
        t.db.read(|c| Ok(orgs::find(c, "Maple Grove Elementary")?.remove(0)))
            .await
            .unwrap();
    let parent =
        t.db.read(move |c| orgs::get(c, OrgId(district.parent_id.unwrap())))
            .await
            .unwrap();
    assert_eq!(parent.name, "Riverbend Unified School District");
}
