//! A session's person, memberships and zone in one query agree with the
//! three reads they replace (session and person, memberships, zone), for
//! people with no membership, several, zones set at each level, and a zone
//! name no longer known.

use crate::T0;
use diesel::prelude::*;
use lyceum_db::schema::{orgs as orgs_t, users as users_t};
use lyceum_db::users::{self, NewUser};
use lyceum_db::{DbConn, memberships, orgs, sessions, signed_in};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::OrgInput;
use lyceum_domain::role::Role;
use lyceum_domain::time::TimeZone;
use lyceum_domain::{Timestamp, UserId};
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

fn person(c: &mut DbConn, name: &str, at: &[(Role, &orgs::OrgRow)]) -> (UserId, String) {
    let email = EmailAddress::parse(&format!("{name}@example.org")).unwrap();
    let user = users::insert(
        c,
        &NewUser {
            email: &email,
            display_name: name,
            password_hash: None,
            lang: Lang::En,
            verified: true,
        },
        T0,
    )
    .unwrap();
    for (i, (role, org)) in at.iter().enumerate() {
        // Joined one after another: the oldest breaks ties.
        let when = Timestamp::from_micros(T0.micros() + i as i64);
        memberships::add(c, user, org, *role, when).unwrap();
    }
    let hash = format!("session-of-{name}");
    let far = Timestamp::from_micros(T0.micros() + 3_600_000_000);
    sessions::create(c, &hash, user, T0, far).unwrap();
    (user, hash)
}

fn set_zone(c: &mut DbConn, org: &orgs::OrgRow, zone: Option<&str>) {
    diesel::update(orgs_t::table.find(org.id))
        .set(orgs_t::time_zone.eq(zone))
        .execute(c)
        .unwrap();
}

/// What the three reads said.
fn as_before(c: &mut DbConn, hash: &str) -> Option<(i64, Vec<String>, TimeZone)> {
    let (_, user) = sessions::load(c, hash).unwrap()?;
    let grants = memberships::grants_of(c, user.id()).unwrap();
    let paths: Vec<_> = grants.iter().map(|g| g.scope.clone()).collect();
    let zone = orgs::zone_of_home(c, &paths).unwrap();
    let grants = grants
        .iter()
        .map(|g| format!("{} {}", g.role.as_str(), g.scope.as_str()))
        .collect();
    Some((user.id, grants, zone))
}

fn in_one(c: &mut DbConn, hash: &str) -> Option<(i64, Vec<String>, TimeZone)> {
    let s = signed_in::by_session(c, hash).unwrap()?;
    assert_eq!(s.by.id_hash, hash);
    let grants = s
        .grants
        .iter()
        .map(|g| format!("{} {}", g.role.as_str(), g.scope.as_str()))
        .collect();
    Some((s.user.id, grants, s.zone))
}

#[test]
fn one_query_finds_what_three_found() {
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let root = orgs::create_root(&mut c, "Programme", T0).unwrap();
    let ohio = child(&mut c, &root, "state", "Ohio");
    let columbus = child(&mut c, &ohio, "district", "Columbus");
    let lincoln = child(&mut c, &columbus, "school", "Lincoln Elementary");
    let local = child(&mut c, &ohio, "local", "Valley Local");
    let valley = child(&mut c, &local, "school", "Valley High");

    let (_, nobody) = person(&mut c, "nobody", &[]);
    let (_, teacher) = person(&mut c, "teacher", &[(Role::Educator, &lincoln)]);
    let (_, two) = person(
        &mut c,
        "two",
        &[(Role::OrgAdmin, &columbus), (Role::Educator, &valley)],
    );
    let (_, admin) = person(
        &mut c,
        "admin",
        &[(Role::ProgrammeAdmin, &root), (Role::Author, &ohio)],
    );
    let (gone, gone_hash) = person(&mut c, "gone", &[(Role::Educator, &lincoln)]);
    let all = [&nobody, &teacher, &two, &admin, &gone_hash];

    let check = |c: &mut DbConn, case: &str| {
        for hash in all {
            assert_eq!(in_one(c, hash), as_before(c, hash), "{case}: {hash}");
        }
        assert_eq!(in_one(c, "no-such-session"), None);
    };
    check(&mut c, "zones as made");
    assert_eq!(
        in_one(&mut c, &teacher).unwrap().2.name(),
        "America/New_York",
        "Ohio's zone, inherited"
    );
    assert_eq!(in_one(&mut c, &nobody).unwrap().2, TimeZone::programme());

    set_zone(&mut c, &columbus, Some("America/Chicago"));
    set_zone(&mut c, &valley, Some("America/Los_Angeles"));
    check(&mut c, "a district's and a school's own");
    assert_eq!(
        in_one(&mut c, &teacher).unwrap().2.name(),
        "America/Chicago"
    );
    assert_eq!(
        in_one(&mut c, &two).unwrap().2.name(),
        "America/Los_Angeles",
        "the school, deeper than the district joined first"
    );

    set_zone(&mut c, &lincoln, Some("Mars/Olympus"));
    set_zone(&mut c, &ohio, None);
    set_zone(&mut c, &root, Some("Pacific/Honolulu"));
    check(&mut c, "an unknown name, and the root's");
    assert_eq!(
        in_one(&mut c, &teacher).unwrap().2.name(),
        "America/Chicago",
        "the unknown name is skipped"
    );
    set_zone(&mut c, &columbus, None);
    assert_eq!(
        in_one(&mut c, &teacher).unwrap().2.name(),
        "Pacific/Honolulu",
        "up to the root"
    );
    check(&mut c, "the root's");

    diesel::update(users_t::table.find(gone.0))
        .set(users_t::deactivated_at.eq(Some(T0.micros())))
        .execute(&mut c)
        .unwrap();
    assert_eq!(in_one(&mut c, &gone_hash), None, "a deactivated account");
    check(&mut c, "deactivated");
}
