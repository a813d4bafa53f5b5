//! A small seed with its workshops: every row agrees with the others as if
//! people had registered and been marked one request at a time — and the
//! real registration code carries on from where the seed left off.

use diesel::prelude::*;
use lyceum_db::schema::{attendance, offering_sessions, offerings, pd_ledger, registrations};
use lyceum_db::workshops::registrations as regs;
use lyceum_domain::{OfferingId, Timestamp, UserId};
use lyceum_seed::to_db::{self, BenchAccounts, Workshops};
use lyceum_seed::{Params, generate};
use lyceum_testdb::TestDb;
use std::collections::{HashMap, HashSet};

/// Offerings (id, capacity, confirmed, queued, waitlisted, starts, ends), registrations
/// (offering, user, status, position), attendance marks, workshop ledger
/// entries (user, offering).
type Loaded = (
    Vec<(i64, i32, i32, i32, i32, i64, i64)>,
    Vec<(i64, i64, String, i32)>,
    i64,
    Vec<(i64, Option<i64>)>,
);

const NOW: Timestamp = Timestamp::from_micros(1_795_638_223_000_000);

#[tokio::test]
async fn seeded_workshops_are_consistent_and_the_app_carries_on() {
    let t = TestDb::new();
    let written = to_db::write_with(
        &t.db,
        generate(Params {
            educators: 2_000,
            seed: 5,
        }),
        Some(BenchAccounts {
            password_hash: "not-used".into(),
        }),
        None,
        None,
        Some(Workshops { seed: 5 }),
        NOW,
    )
    .await
    .unwrap();
    let w = written.workshops.clone().unwrap();
    assert!(w.offerings >= 25, "{w:?}");
    assert!(w.sessions > w.offerings && w.registrations > 0 && w.attendance > 0 && w.credited > 0);

    let (rows, regs_rows, marks, ledger): Loaded =
        t.db.read(|c| {
            let rows = offerings::table
                .select((
                    offerings::id,
                    offerings::capacity,
                    offerings::confirmed,
                    offerings::queued,
                    offerings::waitlisted,
                    offerings::starts_at.assume_not_null(),
                    offerings::ends_at.assume_not_null(),
                ))
                .load(c)?;
            let r = registrations::table
                .select((
                    registrations::offering_id,
                    registrations::user_id,
                    registrations::status,
                    registrations::position,
                ))
                .load(c)?;
            let m = attendance::table.count().get_result(c)?;
            let l = pd_ledger::table
                .filter(pd_ledger::source.eq("workshop"))
                .select((pd_ledger::user_id, pd_ledger::offering_id))
                .load(c)?;
            Ok((rows, r, m, l))
        })
        .await
        .unwrap();
    assert_eq!(marks as usize, w.attendance);
    let mut by_offering: HashMap<i64, Vec<&(i64, i64, String, i32)>> = HashMap::new();
    for r in &regs_rows {
        by_offering.entry(r.0).or_default().push(r);
    }
    for (id, capacity, confirmed, queued, waitlisted, starts, ends) in &rows {
        let list = by_offering.get(id).cloned().unwrap_or_default();
        let seats = list.iter().filter(|r| r.2 == "confirmed").count() as i32;
        assert_eq!(seats, *confirmed, "offering {id}");
        assert!(confirmed <= capacity, "offering {id}");
        assert_eq!(list.len() as i32, *queued);
        // As the triggers keep it, on both backends.
        let waiting = list.iter().filter(|r| r.2 == "waitlisted").count() as i32;
        assert_eq!(waiting, *waitlisted, "offering {id}");
        let mut positions: Vec<i32> = list.iter().map(|r| r.3).collect();
        positions.sort_unstable();
        assert_eq!(positions, (1..=*queued).collect::<Vec<_>>());
        // Nobody waits while a seat is free.
        if list.iter().any(|r| r.2 == "waitlisted") {
            assert_eq!(confirmed, capacity);
        }
        assert!(starts < ends);
    }
    let unique: HashSet<_> = ledger.iter().collect();
    assert_eq!(
        unique.len(),
        ledger.len(),
        "one workshop entry per person and offering"
    );

    // The app carries on: a seat freed in a full upcoming offering goes to
    // the first on its waitlist.
    let full = rows
        .iter()
        .find(|(id, _, _, _, _, starts, _)| {
            *starts > NOW.micros()
                && by_offering
                    .get(id)
                    .is_some_and(|l| l.iter().any(|r| r.2 == "waitlisted"))
        })
        .expect("an upcoming offering with a waitlist");
    let offering = OfferingId(full.0);
    let list = &by_offering[&full.0];
    let leaving = UserId(list.iter().find(|r| r.2 == "confirmed").unwrap().1);
    let first_waiting = list
        .iter()
        .filter(|r| r.2 == "waitlisted")
        .min_by_key(|r| r.3)
        .map(|r| UserId(r.1))
        .unwrap();
    let promoted =
        t.db.write(move |c| regs::cancel(c, offering, leaving, "https://lyceum.example", NOW))
            .await
            .unwrap();
    assert_eq!(promoted, vec![first_waiting]);
    let sessions: i64 =
        t.db.read(|c| Ok(offering_sessions::table.count().get_result(c)?))
            .await
            .unwrap();
    assert_eq!(sessions as usize, w.sessions);
}
