//! Which existing accounts a roster may take in (security rule 4: people
//! own their accounts): only those the importing organisation fully
//! governs, never an identity rewritten, never someone deactivated who
//! also belongs elsewhere; every link, difference and deactivation audited.

use crate::T0;
use diesel::prelude::*;
use lyceum_db::roster::{self, Summary, Target};
use lyceum_db::schema::jobs;
use lyceum_db::users::{self, NewUser};
use lyceum_db::{Db, DbError, audit, memberships, orgs, sessions};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::oneroster::read_package;
use lyceum_domain::org::{OrgInput, OrgKind};
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, Timestamp, UserId};
use lyceum_testdb::TestDb;
use std::collections::{BTreeMap, HashMap};

const ORGS: &str = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n";
const USERS: &str =
    "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,email\n";
const ROLES: &str = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\n";
/// The district's own roster names the district and its school.
const DISTRICT_ORGS: &str =
    "d1,,,Columbus City Schools,district,,\ns1,,,Lincoln Elementary,school,,d1\n";

fn package(users: &str, roles: &str) -> BTreeMap<String, Vec<u8>> {
    let manifest = "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\nfile.users,bulk\nfile.roles,bulk\n";
    BTreeMap::from([
        ("manifest.csv".to_string(), manifest.as_bytes().to_vec()),
        (
            "orgs.csv".to_string(),
            format!("{ORGS}{DISTRICT_ORGS}").into_bytes(),
        ),
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

/// ```text
/// Programme                 padmin (programme admin), author
/// └── Ohio
///     ├── Columbus City Schools   dadmin (org admin), fac (facilitator)
///     │   └── Lincoln Elementary  edu (educator), two (educator)
///     └── Local 1                 mod (moderator)
///         └── Riverside Middle    two (educator)
/// lonely: no membership anywhere
/// ```
struct Tree {
    t: TestDb,
    district: OrgId,
    people: HashMap<&'static str, UserId>,
}

impl Tree {
    fn user(&self, who: &str) -> UserId {
        self.people[who]
    }
}

async fn tree() -> Tree {
    let t = TestDb::new();
    let (district, people) =
        t.db.write(|c| {
            let mk =
                |c: &mut lyceum_db::DbConn, parent: &orgs::OrgRow, kind: OrgKind, name: &str| {
                    let draft = OrgInput {
                        name: name.into(),
                        kind: kind.as_str().into(),
                        ..Default::default()
                    }
                    .validate_child_of(parent.kind)?;
                    orgs::create_child(c, parent, &draft, T0)
                };
            let root = orgs::create_root(c, "Programme", T0)?;
            let state = mk(c, &root, OrgKind::State, "Ohio")?;
            let district = mk(c, &state, OrgKind::District, "Columbus City Schools")?;
            let lincoln = mk(c, &district, OrgKind::School, "Lincoln Elementary")?;
            let local = mk(c, &state, OrgKind::Local, "Local 1")?;
            let riverside = mk(c, &local, OrgKind::School, "Riverside Middle")?;
            let mut people = HashMap::new();
            let roles: &[(&str, &[(Role, &orgs::OrgRow)])] = &[
                ("padmin", &[(Role::ProgrammeAdmin, &root)]),
                ("author", &[(Role::Author, &root)]),
                ("dadmin", &[(Role::OrgAdmin, &district)]),
                ("fac", &[(Role::Facilitator, &district)]),
                ("edu", &[(Role::Educator, &lincoln)]),
                (
                    "two",
                    &[(Role::Educator, &lincoln), (Role::Educator, &riverside)],
                ),
                ("mod", &[(Role::Moderator, &local)]),
                ("lonely", &[]),
            ];
            for (name, held) in roles {
                let id = users::insert(
                    c,
                    &NewUser {
                        email: &EmailAddress::parse(&format!("{name}@example.org")).unwrap(),
                        display_name: &format!("Real {name}"),
                        password_hash: Some("not-a-real-hash"),
                        lang: Lang::Es,
                        verified: true,
                    },
                    T0,
                )?;
                for (role, org) in *held {
                    memberships::add(c, id, org, *role, T0)?;
                }
                people.insert(*name, id);
            }
            Ok((district.id(), people))
        })
        .await
        .unwrap();
    Tree {
        t,
        district,
        people,
    }
}

async fn import(
    db: &Db,
    files: BTreeMap<String, Vec<u8>>,
    org: OrgId,
    now: Timestamp,
) -> Result<Summary, DbError> {
    let package = read_package(&files).map_err(DbError::Roster)?;
    let target = Target {
        source: "cps".into(),
        org,
        actor: None,
    };
    db.write(move |c| {
        let plan = roster::plan(c, &package, &target)?;
        roster::apply(c, plan, now, &|_| {})
    })
    .await
}

/// (email, name, deactivated) of an account.
async fn account(db: &Db, id: UserId) -> (String, String, bool) {
    db.read(move |c| {
        let u = users::by_id(c, id)?.unwrap();
        Ok((
            u.email().to_string(),
            u.display_name.clone(),
            u.is_deactivated(),
        ))
    })
    .await
    .unwrap()
}

async fn role_count(db: &Db, id: UserId) -> usize {
    db.read(move |c| memberships::of_user(c, id))
        .await
        .unwrap()
        .len()
}

/// The `kind`s of the emails waiting to be sent to `to`.
async fn emails_to(db: &Db, to: &str) -> Vec<String> {
    let payloads: Vec<String> = db
        .read(|c| Ok(jobs::table.select(jobs::payload).load::<String>(c)?))
        .await
        .unwrap();
    payloads
        .iter()
        .filter_map(|p| serde_json::from_str::<serde_json::Value>(p).ok())
        .filter(|v| v["to"] == to)
        .map(|v| v["message"]["kind"].as_str().unwrap_or("").to_string())
        .collect()
}

async fn audited(db: &Db, org: OrgId) -> Vec<(String, String)> {
    db.read(move |c| audit::recent_for_org(c, org, 100))
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.detail))
        .collect()
}

fn codes(err: DbError) -> Vec<(String, u64, &'static str)> {
    let DbError::Roster(problems) = err else {
        panic!("{err}")
    };
    problems
        .iter()
        .map(|p| (p.file.clone(), p.line, p.code))
        .collect()
}

#[tokio::test]
async fn a_district_roster_cannot_take_over_the_programme_admin() {
    let tr = tree().await;
    let db = &tr.t.db;
    let padmin = tr.user("padmin");
    db.write(move |c| {
        sessions::create(
            c,
            "padmin-session",
            padmin,
            T0,
            T0.plus(std::time::Duration::from_secs(3600)),
        )
    })
    .await
    .unwrap();
    let before = account(db, padmin).await;

    // The programme admin's address, then the attacker's, then disabled.
    let takeover = package(
        "u1,,,true,x,Mallory,Admin,padmin@example.org\n",
        "r1,,,u1,primary,teacher,s1\n",
    );
    let err = import(db, takeover, tr.district, T0).await.unwrap_err();
    assert_eq!(
        codes(err),
        [("users.csv".to_string(), 2, "account-not-linkable")]
    );
    let disabled = package(
        "u1,,,false,x,Mallory,Admin,mallory@evil.example\n",
        "r1,,,u1,primary,teacher,s1\n",
    );
    let _ = import(db, disabled, tr.district, T0).await;

    assert_eq!(
        account(db, padmin).await,
        before,
        "email, name, active state"
    );
    assert_eq!(role_count(db, padmin).await, 1);
    let session = db
        .read(|c| sessions::load(c, "padmin-session"))
        .await
        .unwrap();
    assert!(session.is_some(), "still signed in");
    let mallory = db
        .read(|c| users::by_email(c, &EmailAddress::parse("mallory@evil.example").unwrap()))
        .await
        .unwrap();
    assert!(
        mallory.is_none_or(|m| m.id() != padmin),
        "the programme admin's account did not become the attacker's"
    );
}

#[tokio::test]
async fn accounts_with_more_than_an_educators_role_or_roles_elsewhere_are_refused() {
    let tr = tree().await;
    let db = &tr.t.db;
    for who in ["dadmin", "fac", "author", "mod", "two", "lonely"] {
        let files = package(
            &format!("u1,,,true,x,Some,One,{who}@example.org\n"),
            "r1,,,u1,primary,teacher,s1\n",
        );
        let err = import(db, files, tr.district, T0).await.unwrap_err();
        assert_eq!(
            codes(err),
            [("users.csv".to_string(), 2, "account-not-linkable")],
            "{who}"
        );
        let id = tr.user(who);
        assert_eq!(
            account(db, id).await,
            (format!("{who}@example.org"), format!("Real {who}"), false),
            "{who}"
        );
    }
    // Refused whole: the district and school links were not written either.
    let n: i64 = db
        .read(|c| {
            Ok(lyceum_db::schema::roster_links::table
                .count()
                .get_result(c)?)
        })
        .await
        .unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn an_educator_inside_the_scope_is_linked_audited_and_told_once() {
    let tr = tree().await;
    let db = &tr.t.db;
    let edu = tr.user("edu");
    let files = || {
        package(
            "u1,,,true,x,Eddie,Renamed,edu@example.org\n",
            "r1,,,u1,primary,teacher,s1\n",
        )
    };
    let s = import(db, files(), tr.district, T0).await.unwrap();
    assert_eq!((s.linked, s.differences), (1, 1));
    assert_eq!(
        account(db, edu).await,
        ("edu@example.org".into(), "Real edu".into(), false),
        "a roster never renames an account it did not create"
    );
    assert_eq!(emails_to(db, "edu@example.org").await, ["roster_linked"]);
    let log = audited(db, tr.district).await;
    assert!(
        log.iter().any(|(a, d)| a == "roster.account_linked"
            && d.contains("\"cps\"")
            && d.contains("\"u1\"")),
        "{log:?}"
    );

    // The next import links nothing new and tells nobody again; the
    // difference stays reported until the two agree.
    let s = import(db, files(), tr.district, T0).await.unwrap();
    assert_eq!((s.linked, s.differences), (0, 1));
    assert_eq!(emails_to(db, "edu@example.org").await, ["roster_linked"]);
    assert_eq!(account(db, edu).await.1, "Real edu");
    let agreed = package(
        "u1,,,true,x,Real,edu,edu@example.org\n",
        "r1,,,u1,primary,teacher,s1\n",
    );
    let s = import(db, agreed, tr.district, T0).await.unwrap();
    assert_eq!(s.differences, 0);
}

#[tokio::test]
async fn an_account_with_no_role_left_is_linked_again_only_by_the_source_that_made_it() {
    let tr = tree().await;
    let db = &tr.t.db;
    import(
        db,
        package(
            "u1,,,true,x,Nia,Reyes,nia@cps.example.org\n",
            "r1,,,u1,primary,teacher,s1\n",
        ),
        tr.district,
        T0,
    )
    .await
    .unwrap();
    // Nia leaves the district's system: deactivated, no role left.
    let s = import(db, package("", ""), tr.district, T0).await.unwrap();
    assert_eq!(s.deactivated.users, 1);
    let nia = db
        .read(|c| users::by_email(c, &EmailAddress::parse("nia@cps.example.org").unwrap()))
        .await
        .unwrap()
        .unwrap()
        .id();
    assert_eq!(role_count(db, nia).await, 0);
    // Another organisation's roster may not take the account in.
    let local = db
        .read(|c| Ok(orgs::find(c, "Local 1")?.remove(0).id()))
        .await
        .unwrap();
    let theirs = BTreeMap::from([
        (
            "manifest.csv".to_string(),
            b"propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.users,bulk\n"
                .to_vec(),
        ),
        (
            "users.csv".to_string(),
            format!("{USERS}x1,,,true,x,Nia,Reyes,nia@cps.example.org\n").into_bytes(),
        ),
    ]);
    let package_ = read_package(&theirs).unwrap();
    let target = Target {
        source: "local-sis".into(),
        org: local,
        actor: None,
    };
    let err = db
        .write(move |c| {
            let plan = roster::plan(c, &package_, &target)?;
            roster::apply(c, plan, T0, &|_| {})
        })
        .await
        .unwrap_err();
    assert_eq!(
        codes(err),
        [("users.csv".to_string(), 2, "account-not-linkable")]
    );
    // The district's system brings her back under a new sourcedId.
    let s = import(
        db,
        package(
            "n7,,,true,x,Nia,Reyes,nia@cps.example.org\n",
            "r7,,,n7,primary,teacher,s1\n",
        ),
        tr.district,
        T0,
    )
    .await
    .unwrap();
    assert_eq!((s.created.users, s.linked, s.reactivated), (0, 0, 1));
    assert!(!account(db, nia).await.2);
    assert!(
        emails_to(db, "nia@cps.example.org").await.is_empty(),
        "its own account"
    );
}

#[tokio::test]
async fn a_reimport_never_changes_an_email_address_it_reports_it() {
    let tr = tree().await;
    let db = &tr.t.db;
    import(
        db,
        package(
            "u1,,,true,x,Real,edu,edu@example.org\nu2,,,true,y,New,Person,new@cps.example.org\n",
            "r1,,,u1,primary,teacher,s1\nr2,,,u2,primary,teacher,s1\n",
        ),
        tr.district,
        T0,
    )
    .await
    .unwrap();
    let new_person = db
        .read(|c| users::by_email(c, &EmailAddress::parse("new@cps.example.org").unwrap()))
        .await
        .unwrap()
        .unwrap()
        .id();
    // Both addresses change in the district's system; one to an address
    // another account already has.
    let s = import(
        db,
        package(
            "u1,,,true,x,Real,edu,attacker@evil.example\nu2,,,true,y,New,Person,fac@example.org\n",
            "r1,,,u1,primary,teacher,s1\nr2,,,u2,primary,teacher,s1\n",
        ),
        tr.district,
        T0,
    )
    .await
    .unwrap();
    assert_eq!(account(db, tr.user("edu")).await.0, "edu@example.org");
    assert_eq!(account(db, new_person).await.0, "new@cps.example.org");
    assert_eq!(account(db, tr.user("fac")).await.0, "fac@example.org");
    let shown = format!("{s:?}");
    assert!(shown.contains("differences: 2"), "{shown}");
    let log = audited(db, tr.district).await;
    assert_eq!(
        log.iter()
            .filter(|(a, _)| a == "roster.identity_difference")
            .count(),
        2,
        "{log:?}"
    );
}

#[tokio::test]
async fn disabling_someone_who_belongs_elsewhere_only_withdraws_this_roster() {
    let tr = tree().await;
    let db = &tr.t.db;
    let edu = tr.user("edu");
    db.write(move |c| {
        sessions::create(
            c,
            "edu-session",
            edu,
            T0,
            T0.plus(std::time::Duration::from_secs(3600)),
        )
    })
    .await
    .unwrap();
    // Linked (educator at Lincoln, made in Lyceum), with a role from the roster at the district.
    import(
        db,
        package(
            "u1,,,true,x,Real,edu,edu@example.org\n",
            "r1,,,u1,primary,teacher,d1\n",
        ),
        tr.district,
        T0,
    )
    .await
    .unwrap();
    assert_eq!(role_count(db, edu).await, 2);
    let s = import(
        db,
        package(
            "u1,,,false,x,Real,edu,edu@example.org\n",
            "r1,,,u1,primary,teacher,d1\n",
        ),
        tr.district,
        T0,
    )
    .await
    .unwrap();
    assert_eq!(s.deactivated.users, 0);
    assert!(!account(db, edu).await.2, "still active");
    assert_eq!(role_count(db, edu).await, 1, "the roster's own role went");
    assert!(
        db.read(|c| sessions::load(c, "edu-session"))
            .await
            .unwrap()
            .is_some()
    );
    let log = audited(db, tr.district).await;
    assert!(
        log.iter()
            .any(|(a, d)| a == "roster.membership_withdrawn" && d.contains("\"cps\"")),
        "{log:?}"
    );
}
