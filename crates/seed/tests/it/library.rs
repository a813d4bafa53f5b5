//! A small seed with its practice library: each practice's kept trial
//! summary agrees with its reports, as filing them one at a time keeps it
//! (PostgreSQL's load runs unchecked, so nothing but the seed's recount
//! could have set it there).

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use lyceum_db::schema::classroom_practices;
use lyceum_domain::Timestamp;
use lyceum_seed::to_db::{self, BenchAccounts, Library, Parts};
use lyceum_seed::{Params, generate};
use lyceum_testdb::TestDb;

const NOW: Timestamp = Timestamp::from_micros(1_795_638_223_000_000);

/// (trials, states, rural, Title I, would use again) kept, then counted.
type Both = ([i64; 5], [i64; 5]);
type Kept = (i32, i32, i32, i32, i32);
type Counted = (i64, i64, i64, i64, i64);

#[tokio::test]
async fn seeded_practices_keep_their_trial_summary() {
    let t = TestDb::new();
    let written = to_db::write_all(
        &t.db,
        generate(Params {
            educators: 2_000,
            seed: 5,
        }),
        Some(BenchAccounts {
            password_hash: "not-used".into(),
        }),
        Parts {
            library: Some(Library { seed: 5 }),
            ..Parts::default()
        },
        NOW,
    )
    .await
    .unwrap();
    let l = written.library.clone().unwrap();
    assert!(l.reports > 0, "{l:?}");
    let bench = l.bench_practice.expect("the benchmark's practice");
    let rows: Vec<(i64, Both)> =
        t.db.read(|c| {
            let of = "FROM trial_reports r WHERE r.practice_id = classroom_practices.id";
            let rows: Vec<(i64, Kept, Counted)> = classroom_practices::table
                .select((
                    classroom_practices::id,
                    (
                        classroom_practices::trials,
                        classroom_practices::trial_states,
                        classroom_practices::trial_rural,
                        classroom_practices::trial_title_i,
                        classroom_practices::trial_use_again,
                    ),
                    (
                        sql::<BigInt>(&format!("(SELECT COUNT(*) {of})")),
                        sql::<BigInt>(&format!("(SELECT COUNT(DISTINCT r.state_id) {of})")),
                        sql::<BigInt>(&format!("(SELECT COUNT(*) {of} AND r.locale = 'rural')")),
                        sql::<BigInt>(&format!("(SELECT COUNT(*) {of} AND r.title_i)")),
                        sql::<BigInt>(&format!("(SELECT COUNT(*) {of} AND r.use_again)")),
                    ),
                ))
                .load(c)?;
            Ok(rows
                .into_iter()
                .map(|(id, (a, b, c, d, e), counted)| {
                    let kept = [a, b, c, d, e].map(i64::from);
                    (id, (kept, counted.into()))
                })
                .collect())
        })
        .await
        .unwrap();
    for (id, (kept, counted)) in &rows {
        assert_eq!(kept, counted, "practice {id}: kept, counted");
    }
    let (_, (kept, _)) = rows.iter().find(|(id, _)| *id == bench).unwrap();
    assert!(kept[0] > 100 && kept[1] > 1 && kept[4] > 0, "{kept:?}");
}
