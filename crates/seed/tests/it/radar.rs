//! A small seed with its tool registry and challenge radar: what the bulk
//! load kept — each tool's review count and tallies, the radar's stored
//! counts at every level of the tree — agrees with the rows themselves, as
//! writing them one at a time through the app keeps it; and the app's
//! reads find what was seeded.

use diesel::prelude::*;
use lyceum_db::orgs;
use lyceum_db::radar::counts;
use lyceum_db::registry::{self, status};
use lyceum_db::schema::{
    ai_tool_org_status, ai_tool_reviews, ai_tools, challenge_reports, memberships,
};
use lyceum_domain::registry::ToolSort;
use lyceum_domain::registry::review::{Criterion, Rating, Review, Tallies};
use lyceum_domain::{OrgId, Timestamp, ToolId, UserId};
use lyceum_seed::to_db::{self, BenchAccounts, Parts, Radar};
use lyceum_seed::{Params, generate};
use lyceum_testdb::TestDb;
use std::collections::{BTreeMap, BTreeSet};

const NOW: Timestamp = Timestamp::from_micros(1_795_638_223_000_000);

#[tokio::test]
async fn seeded_registry_and_radar_keep_their_counts() {
    let t = TestDb::new();
    let written = to_db::write_all(
        &t.db,
        generate(Params {
            educators: 3_000,
            seed: 7,
        }),
        Some(BenchAccounts {
            password_hash: "not-used".into(),
        }),
        Parts {
            radar: Some(Radar { seed: 7 }),
            ..Parts::default()
        },
        NOW,
    )
    .await
    .unwrap();
    let r = written.radar.clone().unwrap();
    assert!(
        r.tools >= 20 && r.reviews > 100 && r.reports > 100 && r.statuses > 0,
        "{r:?}"
    );

    // Each tool's review count and tallies, as kept and as counted.
    let (kept, reviews) =
        t.db.read(|c| {
            let kept: Vec<(i64, i64)> = ai_tools::table
                .select((ai_tools::id, ai_tools::review_count))
                .load(c)?;
            let reviews: Vec<(i64, String, String)> = ai_tool_reviews::table
                .select((
                    ai_tool_reviews::tool_id,
                    ai_tool_reviews::ratings,
                    ai_tool_reviews::comments,
                ))
                .load(c)?;
            Ok((kept, reviews))
        })
        .await
        .unwrap();
    assert_eq!(kept.len(), r.tools);
    let mut by_tool: BTreeMap<i64, Vec<Review>> = BTreeMap::new();
    for (tool, ratings, comments) in &reviews {
        let review = Review::from_stored(ratings, comments).expect("a whole review");
        by_tool.entry(*tool).or_default().push(review);
    }
    for (id, count) in &kept {
        let of = by_tool.get(id).map_or(&[][..], Vec::as_slice);
        assert_eq!(*count, of.len() as i64, "tool {id}: review count");
        let counted = Tallies::of(of);
        let id = ToolId(*id);
        let stored = t.db.read(move |c| registry::tallies(c, id)).await.unwrap();
        for criterion in Criterion::ALL {
            for rating in Rating::ALL {
                assert_eq!(
                    stored.n(*criterion, *rating),
                    counted.n(*criterion, *rating),
                    "tool {id:?}: {criterion:?} {rating:?}"
                );
            }
        }
    }
    // The list reads them, most reviewed first; the benchmark's tool leads.
    let first =
        t.db.read(|c| registry::list(c, ToolSort::Reviews, 0))
            .await
            .unwrap();
    assert_eq!(first.items.first().map(|t| t.id.0), r.bench_tool);

    // The radar's stored counts, at the programme, a state, a district and
    // a school, against the reports themselves.
    let places: Vec<(Option<i64>, Option<i64>, String)> =
        t.db.read(|c| {
            Ok(challenge_reports::table
                .select((
                    challenge_reports::school_id,
                    challenge_reports::state_id,
                    challenge_reports::org_path,
                ))
                .load(c)?)
        })
        .await
        .unwrap();
    assert_eq!(places.len(), r.reports);
    let root = t.db.read(orgs::root).await.unwrap().unwrap().id();
    let mut scopes: BTreeSet<OrgId> = BTreeSet::from([root]);
    for (school, state, path) in places.iter().take(40) {
        scopes.extend(school.map(OrgId));
        scopes.extend(state.map(OrgId));
        // The organisation above the school (a district or a local).
        let ids: Vec<&str> = path.trim_matches('/').split('/').collect();
        if ids.len() >= 3 {
            scopes.insert(OrgId(ids[2].parse().unwrap()));
        }
    }
    assert!(scopes.len() > 3, "{scopes:?}");
    for scope in scopes {
        let (stored, counted) =
            t.db.read(move |c| {
                let path = orgs::by_id(c, scope)?.unwrap().org_path()?;
                Ok((
                    counts::counts(c, scope, "0000-00", "9999-99")?,
                    counts::tally(c, &path, "0000-00", "9999-99")?,
                ))
            })
            .await
            .unwrap();
        assert_eq!(stored, counted, "counts at {scope:?}");
    }

    // A district's status reaches an educator of one of its schools.
    let decided: (i64, i64) =
        t.db.read(|c| {
            Ok(ai_tool_org_status::table
                .select((ai_tool_org_status::tool_id, ai_tool_org_status::org_id))
                .first(c)?)
        })
        .await
        .unwrap();
    let (tool, org) = (ToolId(decided.0), OrgId(decided.1));
    let seen =
        t.db.read(move |c| {
            for school in orgs::children(c, org)? {
                let member: Option<i64> = memberships::table
                    .filter(memberships::org_id.eq(school.id().0))
                    .select(memberships::user_id)
                    .first(c)
                    .optional()?;
                if let Some(user) = member {
                    return status::effective_status(c, tool, UserId(user));
                }
            }
            Ok(None)
        })
        .await
        .unwrap();
    let seen = seen.expect("an educator below the deciding organisation");
    assert_eq!(seen.org, org);
}
