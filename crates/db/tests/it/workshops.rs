//! Workshop seats: capacity is never exceeded, whatever arrives at once and
//! on however many app servers; the waitlist keeps arrival order and fills
//! a freed seat with its first person, who is emailed.

use lyceum_db::workshops::registrations::{self, By};
use lyceum_db::workshops::{self, NewOffering};
use lyceum_db::{Db, DbConn, PoolOptions, memberships, orgs, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::role::Role;
use lyceum_domain::workshop::RegistrationStatus;
use lyceum_domain::workshop::offering::{OfferingInput, SessionInput};
use lyceum_domain::{OfferingId, UserId};
use lyceum_testdb::TestDb;

use crate::T0;

pub(crate) const BASE: &str = "https://lyceum.example";

pub(crate) fn plan(capacity: u32) -> lyceum_domain::workshop::offering::OfferingPlan {
    OfferingInput {
        title: "Prompting for differentiated reading".into(),
        description: "Two evenings of hands-on work.".into(),
        language: "en".into(),
        hours: "3".into(),
        capacity: capacity.to_string(),
        // T0 is 2026-11-25: open now, closing before the session.
        registration_opens: "2026-11-01".into(),
        registration_closes: "2027-01-10".into(),
        sessions: vec![SessionInput {
            date: "2027-01-12".into(),
            start: "16:00".into(),
            end: "17:30".into(),
            time_zone: "America/Chicago".into(),
            mode: "virtual".into(),
            meeting_url: "https://meet.example.org/abc".into(),
            ..Default::default()
        }],
        ..Default::default()
    }
    .validate()
    .unwrap()
}

/// A state with an admin and `people` educators, and an offering there.
pub(crate) fn setup(c: &mut DbConn, capacity: u32, people: usize) -> (OfferingId, Vec<UserId>) {
    let root = orgs::create_root(c, "Programme", T0).unwrap();
    let draft = lyceum_domain::org::OrgInput {
        name: "Iowa".into(),
        kind: "state".into(),
        ..Default::default()
    }
    .validate_child_of(root.kind)
    .unwrap();
    let state = orgs::create_child(c, &root, &draft, T0).unwrap();
    let person = |c: &mut DbConn, i: usize, role: Role| {
        let email = EmailAddress::parse(&format!("p{i}@iowa.example.org")).unwrap();
        let id = users::insert(
            c,
            &users::NewUser {
                email: &email,
                display_name: &format!("Person {i}"),
                password_hash: None,
                lang: if i.is_multiple_of(2) {
                    Lang::En
                } else {
                    Lang::Es
                },
                verified: true,
            },
            T0,
        )
        .unwrap();
        memberships::add(c, id, &state, role, T0).unwrap();
        id
    };
    let admin = person(c, 0, Role::OrgAdmin);
    let people: Vec<UserId> = (1..=people).map(|i| person(c, i, Role::Educator)).collect();
    let offering = workshops::create(
        c,
        &NewOffering {
            org: state.id(),
            course: None,
            audience: Some(state.id()),
            facilitators: &[],
            competencies: &[],
            created_by: admin,
        },
        &plan(capacity),
        T0,
    )
    .unwrap();
    (offering, people)
}

async fn fire(dbs: &[Db], offering: OfferingId, people: &[UserId]) {
    let mut tasks = Vec::new();
    for (i, &p) in people.iter().enumerate() {
        let db = dbs[i % dbs.len()].clone();
        tasks.push(tokio::spawn(async move {
            db.write(move |c| registrations::register(c, offering, p, By::Themselves, BASE, T0))
                .await
        }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
}

async fn check_ten_seats(db: &Db, offering: OfferingId) {
    let list = db
        .read(move |c| registrations::list(c, offering))
        .await
        .unwrap();
    let confirmed: Vec<i32> = list
        .iter()
        .filter(|(r, ..)| r.status == RegistrationStatus::Confirmed)
        .map(|(r, ..)| r.position)
        .collect();
    let waitlisted: Vec<i32> = list
        .iter()
        .filter(|(r, ..)| r.status == RegistrationStatus::Waitlisted)
        .map(|(r, ..)| r.position)
        .collect();
    assert_eq!(confirmed.len(), 10);
    assert_eq!(waitlisted.len(), 40);
    // Arrival order: the ten seats went to the first ten to arrive, and
    // each arrival has its own place.
    let mut all: Vec<i32> = list.iter().map(|(r, ..)| r.position).collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all, (1..=50).collect::<Vec<_>>());
    assert!(confirmed.iter().all(|p| *p <= 10), "{confirmed:?}");
    let row = db
        .read(move |c| workshops::find(c, offering))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((row.confirmed, row.capacity), (10, 10));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_at_once_for_ten_seats_ten_confirmed_forty_waitlisted_in_order() {
    let t = TestDb::new();
    let (offering, people) = t.db.write(|c| Ok(setup(c, 10, 50))).await.unwrap();
    fire(std::slice::from_ref(&t.db), offering, &people).await;
    check_ten_seats(&t.db, offering).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_app_servers_on_one_database_share_the_ten_seats() {
    let t = TestDb::new();
    // A second server: its own pool (and, on SQLite, its own writer).
    let other = Db::connect(
        &t.url,
        &PoolOptions {
            max_connections: 8,
            ..PoolOptions::default()
        },
    )
    .unwrap();
    let (offering, people) = t.db.write(|c| Ok(setup(c, 10, 50))).await.unwrap();
    fire(&[t.db.clone(), other], offering, &people).await;
    check_ten_seats(&t.db, offering).await;
}

#[tokio::test]
async fn a_freed_seat_goes_to_the_first_waiting_who_is_emailed() {
    let t = TestDb::new();
    let (offering, people) = t.db.write(|c| Ok(setup(c, 2, 3))).await.unwrap();
    for &p in &people {
        t.db.write(move |c| registrations::register(c, offering, p, By::Themselves, BASE, T0))
            .await
            .unwrap();
    }
    let third = people[2];
    let status =
        t.db.read(move |c| registrations::of(c, offering, third))
            .await
            .unwrap()
            .unwrap()
            .status;
    assert_eq!(status, RegistrationStatus::Waitlisted);

    // Registering twice is refused and changes nothing.
    let again =
        t.db.write(move |c| registrations::register(c, offering, third, By::Themselves, BASE, T0))
            .await;
    assert!(
        matches!(&again, Err(lyceum_db::DbError::Invalid(i)) if i.is_only("offering", "already-registered")),
        "{again:?}"
    );

    let first = people[0];
    let promoted =
        t.db.write(move |c| registrations::cancel(c, offering, first, BASE, T0))
            .await
            .unwrap();
    assert_eq!(promoted, vec![third]);
    let row =
        t.db.read(move |c| workshops::find(c, offering))
            .await
            .unwrap()
            .unwrap();
    assert_eq!(row.confirmed, 2);
    // Person 3 reads Spanish: the email is in Spanish, with the link.
    let emails =
        t.db.read(|c| {
            use diesel::prelude::*;
            use lyceum_db::schema::jobs;
            Ok(jobs::table.select(jobs::payload).load::<String>(c)?)
        })
        .await
        .unwrap();
    let to_third: Vec<&String> = emails
        .iter()
        .filter(|p| p.contains("p3@iowa.example.org"))
        .collect();
    assert_eq!(to_third.len(), 1, "{emails:?}");
    assert!(to_third[0].contains("\"lang\":\"es\"") && to_third[0].contains("seat_confirmed"));
    assert!(to_third[0].contains(&format!("{BASE}/offerings/{offering}")));

    // Capacity never goes below the seats taken.
    let lower =
        t.db.write(move |c| registrations::set_capacity(c, offering, 1, BASE, T0))
            .await;
    assert!(
        matches!(&lower, Err(lyceum_db::DbError::Invalid(i)) if i.is_only("capacity", "capacity-below-confirmed"))
    );
}

/// A filter with nothing chosen, at `now`.
fn any(now: lyceum_domain::Timestamp) -> lyceum_db::workshops::upcoming::Filter {
    lyceum_db::workshops::upcoming::Filter {
        now,
        near: Vec::new(),
        virtual_only: false,
        course: None,
        from: None,
        until: None,
        language: None,
        after: None,
        limit: lyceum_db::workshops::upcoming::MAX_PAGE,
    }
}

/// The offerings not over, kept in memory by each server, are read again
/// only when their version moves: it moves with what the list filters on
/// (an offering added or cancelled, an organisation added or renamed) and
/// stays while people register and leave (a webinar day's thousands of
/// registrations keep every server's copy). What the copy lists is what
/// the reader may see: their audiences, everyone's, and what they manage.
#[test]
fn the_upcoming_offerings_version_moves_with_the_list_not_with_registering() {
    use lyceum_db::workshops::upcoming::{self, Seen};
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let (offering, people) = setup(&mut c, 1, 3);
    let row = workshops::find(&mut c, offering).unwrap().unwrap();
    let state = row.audience_org_id.unwrap();
    let v0 = upcoming::version(&mut c).unwrap();
    for &p in &people {
        registrations::register(&mut c, offering, p, By::Themselves, BASE, T0).unwrap();
    }
    registrations::cancel(&mut c, offering, people[0], BASE, T0).unwrap();
    registrations::set_capacity(&mut c, offering, 5, BASE, T0).unwrap();
    assert_eq!(
        upcoming::version(&mut c).unwrap(),
        v0,
        "registering moved it"
    );

    let listed = upcoming::load(&mut c, T0).unwrap();
    assert_eq!(listed.version, v0);
    assert_eq!(listed.states.len(), 1);
    let member = Seen {
        audiences: vec![state.0],
        managed: Vec::new(),
    };
    let outsider = Seen::default();
    let manager = Seen {
        audiences: Vec::new(),
        managed: vec![lyceum_db::orgs::path_of(&mut c, state).unwrap().unwrap()],
    };
    assert_eq!(listed.find(&member, &any(T0)), vec![offering.0]);
    assert_eq!(listed.find(&outsider, &any(T0)), Vec::<i64>::new());
    assert_eq!(listed.find(&manager, &any(T0)), vec![offering.0]);
    // Over: listed no more, to anyone.
    let after = lyceum_domain::Timestamp::from_micros(row.ends_at.unwrap() + 1);
    assert_eq!(listed.find(&member, &any(after)), Vec::<i64>::new());

    // A second offering, open to everyone: the version moves; the new copy
    // shows it to the outsider too.
    let admin_id = people[0];
    let open = workshops::create(
        &mut c,
        &NewOffering {
            org: row.org_id,
            course: None,
            audience: None,
            facilitators: &[],
            competencies: &[],
            created_by: admin_id,
        },
        &plan(10),
        T0,
    )
    .unwrap();
    let v1 = upcoming::version(&mut c).unwrap();
    assert!(v1 > v0);
    let listed = upcoming::load(&mut c, T0).unwrap();
    assert_eq!(listed.find(&outsider, &any(T0)), vec![open.0]);
    assert_eq!(listed.find(&member, &any(T0)), vec![offering.0, open.0]);

    // Cancelled: the version moves and the copy leaves it out.
    lyceum_db::workshops::manage::cancel(&mut c, open, row.org_id, "", admin_id, BASE, T0).unwrap();
    let v2 = upcoming::version(&mut c).unwrap();
    assert!(v2 > v1);
    let listed = upcoming::load(&mut c, T0).unwrap();
    assert_eq!(listed.find(&outsider, &any(T0)), Vec::<i64>::new());
}

/// The offering's `waitlisted`, kept by triggers, equals the people
/// waiting after every kind of change: registering, cancelling (waiting or
/// seated, which promotes), registering again, more seats, and a
/// registration deleted with its account.
#[tokio::test]
async fn the_waitlist_count_follows_every_change() {
    use diesel::prelude::*;
    use lyceum_db::schema::registrations as r;
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let (offering, people) = setup(&mut c, 1, 5);
    let check = |c: &mut DbConn, want: i32| {
        let counted: i64 = r::table
            .filter(r::offering_id.eq(offering.0))
            .filter(r::status.eq("waitlisted"))
            .count()
            .get_result(c)
            .unwrap();
        let kept = workshops::find(c, offering).unwrap().unwrap().waitlisted;
        assert_eq!((kept, counted), (want, i64::from(want)));
    };
    check(&mut c, 0);
    for &p in &people {
        registrations::register(&mut c, offering, p, By::Themselves, BASE, T0).unwrap();
    }
    check(&mut c, 4);
    // A waiting person leaves; then the seated one, whose seat goes to the
    // first waiting.
    registrations::cancel(&mut c, offering, people[4], BASE, T0).unwrap();
    check(&mut c, 3);
    registrations::cancel(&mut c, offering, people[0], BASE, T0).unwrap();
    check(&mut c, 2);
    // Back again: to the end of the queue.
    registrations::register(&mut c, offering, people[4], By::Themselves, BASE, T0).unwrap();
    check(&mut c, 3);
    // A deleted account's registration goes with it.
    diesel::delete(r::table.filter(r::user_id.eq(people[4].0)))
        .execute(&mut c)
        .unwrap();
    check(&mut c, 2);
    // More seats: everyone waiting is seated.
    registrations::set_capacity(&mut c, offering, 10, BASE, T0).unwrap();
    check(&mut c, 0);
}

/// More offerings than one statement's cards: every one listed once, in
/// start order, whatever chunks the cards are read in.
#[test]
fn a_long_list_reads_every_card_once_in_order() {
    use lyceum_db::workshops::listing;
    use lyceum_db::workshops::upcoming::{self, Seen};
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let (first, people) = setup(&mut c, 10, 1);
    let offering = workshops::find(&mut c, first).unwrap().unwrap();
    let mut made = vec![first];
    for _ in 1..30 {
        let id = workshops::create(
            &mut c,
            &NewOffering {
                org: offering.org_id,
                course: None,
                audience: offering.audience_org_id,
                facilitators: &[],
                competencies: &[],
                created_by: people[0],
            },
            &plan(10),
            T0,
        )
        .unwrap();
        made.push(id);
    }
    let seen = Seen {
        audiences: vec![offering.audience_org_id.unwrap().0],
        managed: Vec::new(),
    };
    let ids = upcoming::load(&mut c, T0).unwrap().find(&seen, &any(T0));
    let listed: Vec<OfferingId> = listing::cards(&mut c, people[0], &ids)
        .unwrap()
        .iter()
        .map(|l| l.offering.id)
        .collect();
    // Same start for all: the order is by id.
    assert_eq!(listed, made);
}
