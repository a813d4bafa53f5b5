//! The AI tool registry as stored (issue 20): tools are the programme
//! admins'; one review per person per tool, a second editing the first,
//! with the tallies kept exact — also when one person's reviews arrive at
//! once; a review of an unknown tool refused with nothing saved; a status
//! set only by an admin of its organisation or above; the status in force
//! inherited down the tree, a lower organisation's own overriding it, and
//! clearing that restoring the inherited one.

use crate::{T0, person, plan_of};
use diesel::prelude::*;
use lyceum_db::registry::reviews::{self, Written};
use lyceum_db::registry::{self, status};
use lyceum_db::schema::{ai_tool_org_status, ai_tool_reviews, ai_tools, audit_log};
use lyceum_db::{Backend, DbConn, DbError, memberships, orgs};
use lyceum_domain::policy::Actor;
use lyceum_domain::registry::review::{self as rubric, Criterion, Rating, Review, Tallies};
use lyceum_domain::registry::status::{Decision, ToolStatus};
use lyceum_domain::registry::{self as tools, ToolInput, ToolSort};
use lyceum_domain::role::Role;
use lyceum_domain::time::Date;
use lyceum_domain::{OrgId, ToolId, UserId};
use lyceum_testdb::TestDb;
use std::collections::BTreeMap;

fn child(c: &mut DbConn, parent: &orgs::OrgRow, kind: &str, name: &str) -> orgs::OrgRow {
    crate::org_child(c, parent, kind, name, ("", ""))
}

/// Programme → Nevada → Valle Unified (Sierra Elementary, Mesa Middle) and
/// Rio District (Rio High).
struct Tree {
    root: orgs::OrgRow,
    district: orgs::OrgRow,
    school: orgs::OrgRow,
    sibling: orgs::OrgRow,
    other: orgs::OrgRow,
    other_school: orgs::OrgRow,
    programme_admin: Actor,
}

fn tree(c: &mut DbConn) -> Tree {
    let root = orgs::create_root(c, "Programme", T0).unwrap();
    let state = child(c, &root, "state", "Nevada");
    let district = child(c, &state, "district", "Valle Unified");
    let school = child(c, &district, "school", "Sierra Elementary");
    let sibling = child(c, &district, "school", "Mesa Middle");
    let other = child(c, &state, "district", "Rio District");
    let other_school = child(c, &other, "school", "Rio High");
    let programme_admin = person(c, "pat", &root, Role::ProgrammeAdmin);
    Tree {
        root,
        district,
        school,
        sibling,
        other,
        other_school,
        programme_admin,
    }
}

fn tool_named(name: &str) -> tools::Tool {
    tools::check(&ToolInput {
        name: name.into(),
        vendor: format!("{name} Inc."),
        url: "https://example.com/".into(),
        description: "Writes feedback on student drafts.".into(),
        min_age: "13".into(),
        max_age: String::new(),
        cost_model: "freemium".into(),
        privacy_agreement: "available".into(),
    })
    .unwrap()
}

fn add_tool(c: &mut DbConn, t: &Tree, name: &str) -> ToolId {
    registry::create(c, &t.programme_admin, &tool_named(name), T0).unwrap()
}

/// A review rating every criterion `rating`, but bias as `bias`.
fn review(rating: Rating, bias: Rating) -> Review {
    let mut ratings: BTreeMap<String, String> = Criterion::ALL
        .iter()
        .map(|c| (c.as_str().to_string(), rating.as_str().to_string()))
        .collect();
    ratings.insert("bias".into(), bias.as_str().into());
    rubric::check(&rubric::ReviewInput {
        ratings,
        comments: [("bias".to_string(), format!("Bias: {bias}."))].into(),
    })
    .unwrap()
}

/// The tallies the stored reviews add up to, beside those kept, and the
/// number of reviews beside the tool's count.
fn counted_and_kept(c: &mut DbConn, tool: ToolId) -> ((Tallies, i64), (Tallies, i64)) {
    let stored: Vec<(String, String)> = ai_tool_reviews::table
        .filter(ai_tool_reviews::tool_id.eq(tool.0))
        .select((ai_tool_reviews::ratings, ai_tool_reviews::comments))
        .load(c)
        .unwrap();
    let stored: Vec<Review> = stored
        .iter()
        .map(|(r, m)| Review::from_stored(r, m).unwrap())
        .collect();
    let mut counted = Tallies::of(&stored);
    // Zeros as kept, so the two compare whole.
    for cr in Criterion::ALL {
        for r in Rating::ALL {
            counted.set(*cr, *r, counted.n(*cr, *r));
        }
    }
    let kept = registry::tallies(c, tool).unwrap();
    let count = registry::tool(c, tool).unwrap().unwrap().review_count;
    ((counted, stored.len() as i64), (kept, count))
}

fn audit_actions(c: &mut DbConn, action: &str) -> Vec<serde_json::Value> {
    let rows: Vec<String> = audit_log::table
        .filter(audit_log::action.eq(action))
        .order(audit_log::id)
        .select(audit_log::detail)
        .load(c)
        .unwrap();
    rows.iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect()
}

fn refused(r: Result<impl std::fmt::Debug, DbError>, field: &str, code: &str) {
    match r {
        Err(DbError::Invalid(e)) => assert!(e.is_only(field, code), "{e:?}"),
        other => panic!("expected {field}: {code}, got {other:?}"),
    }
}

/// Only programme admins add and edit tools; a name is one tool's
/// (folded); lists sort by name or by review count; each change audited.
#[test]
fn tools_are_the_programme_admins_and_sort_by_name_or_reviews() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let root_admin = person(c, "ora", &tr.root, Role::OrgAdmin);
    refused(
        registry::create(c, &root_admin, &tool_named("Zeta"), T0),
        "tool",
        "registry-programme-admins-only",
    );
    let zeta = add_tool(c, &tr, "Zeta");
    let alpha = add_tool(c, &tr, "alpha");
    let eclair = add_tool(c, &tr, "Éclair");
    refused(
        registry::create(c, &tr.programme_admin, &tool_named("ALPHA"), T0),
        "name",
        "tool-exists",
    );
    let n: i64 = ai_tools::table.count().get_result(c).unwrap();
    assert_eq!(n, 3);

    let names = |c: &mut DbConn, sort| -> Vec<String> {
        registry::list(c, sort, 0)
            .unwrap()
            .items
            .into_iter()
            .map(|t| t.name)
            .collect()
    };
    assert_eq!(names(c, ToolSort::Name), ["alpha", "Éclair", "Zeta"]);
    // Most reviewed first, then by name.
    let who = person(c, "edu", &tr.school, Role::Educator).user_id;
    let other = person(c, "eve", &tr.school, Role::Educator).user_id;
    for u in [who, other] {
        reviews::write(c, zeta, u, &review(Rating::Meets, Rating::Meets), T0).unwrap();
    }
    reviews::write(c, eclair, who, &review(Rating::Meets, Rating::Meets), T0).unwrap();
    assert_eq!(names(c, ToolSort::Reviews), ["Zeta", "Éclair", "alpha"]);
    assert_eq!(registry::list(c, ToolSort::Name, 2).unwrap().items.len(), 1);
    assert_eq!(registry::list(c, ToolSort::Name, 0).unwrap().total, 3);

    // Editing: the programme admin only; a taken name refused; audited
    // with what it was.
    let mut renamed = tool_named("Alpha Writer");
    refused(
        registry::update(c, &root_admin, alpha, &renamed, T0),
        "tool",
        "registry-programme-admins-only",
    );
    refused(
        registry::update(c, &tr.programme_admin, alpha, &tool_named("zeta"), T0),
        "name",
        "tool-exists",
    );
    renamed.ages.max = Some(18);
    registry::update(c, &tr.programme_admin, alpha, &renamed, T0).unwrap();
    let row = registry::tool(c, alpha).unwrap().unwrap();
    assert_eq!(row.tool(), renamed);
    assert_eq!(row.ages().to_string(), "13–18");
    refused(
        registry::update(c, &tr.programme_admin, ToolId(999), &renamed, T0),
        "tool",
        "unknown-tool",
    );
    assert_eq!(audit_actions(c, "registry.tool_added").len(), 3);
    let edited = audit_actions(c, "registry.tool_edited");
    assert_eq!(edited.len(), 1);
    assert_eq!(edited[0]["old"]["name"], "alpha");
    assert_eq!(edited[0]["new"]["name"], "Alpha Writer");
    assert_eq!(edited[0]["new"]["max_age"], 18);
}

/// A page of reviews says whether older ones follow: not when the tool has
/// exactly a page of them, yes when it has one more, and the next page
/// then holds that one.
#[test]
fn a_page_of_reviews_knows_whether_older_ones_follow() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let tool = add_tool(c, &tr, "Feedback Bot");
    let write = |c: &mut DbConn, n: i64| {
        let who = person(c, &format!("r{n}"), &tr.school, Role::Educator).user_id;
        let at = T0.plus(std::time::Duration::from_secs(n as u64));
        reviews::write(c, tool, who, &review(Rating::Meets, Rating::Meets), at).unwrap();
    };
    for n in 0..reviews::PAGE {
        write(c, n);
    }
    let full = reviews::page(c, tool, None).unwrap();
    assert_eq!(full.shown.len() as i64, reviews::PAGE);
    assert!(!full.older, "exactly a page: nothing older");
    write(c, reviews::PAGE);
    let first = reviews::page(c, tool, None).unwrap();
    assert_eq!(first.shown.len() as i64, reviews::PAGE);
    assert!(first.older, "a page and one more");
    let last = &first.shown.last().unwrap().stored;
    let rest = reviews::page(c, tool, Some((last.updated_at, last.id))).unwrap();
    let names: Vec<&str> = rest.shown.iter().map(|s| s.reviewer.as_str()).collect();
    assert_eq!(names, ["r0"], "the oldest review, alone on the next page");
    assert!(!rest.older);
}

/// A person's second review edits their first: one review, the count
/// unchanged, each tally moved from the old rating to the new.
#[test]
fn one_review_per_person_a_second_edits_the_first() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let tool = add_tool(c, &tr, "Feedback Bot");
    let ana = person(c, "ana", &tr.school, Role::Educator).user_id;
    let ben = person(c, "ben", &tr.other_school, Role::Educator).user_id;
    let first = review(Rating::Meets, Rating::Meets);
    assert_eq!(
        reviews::write(c, tool, ana, &first, T0).unwrap(),
        Written::New
    );
    assert_eq!(
        reviews::write(
            c,
            tool,
            ben,
            &review(Rating::DontKnow, Rating::DoesNotMeet),
            T0
        )
        .unwrap(),
        Written::New
    );
    let later = T0.plus(std::time::Duration::from_secs(60));
    let second = review(Rating::MeetsWithReservations, Rating::DoesNotMeet);
    assert_eq!(
        reviews::write(c, tool, ana, &second, later).unwrap(),
        Written::Edited
    );
    let (counted, kept) = counted_and_kept(c, tool);
    assert_eq!(counted, kept);
    assert_eq!(kept.1, 2);
    let tallies = kept.0;
    assert_eq!(tallies.n(Criterion::Bias, Rating::DoesNotMeet), 2);
    assert_eq!(tallies.n(Criterion::Bias, Rating::Meets), 0);
    assert_eq!(
        tallies.spread(Criterion::Transparency),
        vec![
            (Rating::DoesNotMeet, 0),
            (Rating::MeetsWithReservations, 1),
            (Rating::Meets, 0),
            (Rating::DontKnow, 1),
        ]
    );
    let own = reviews::own(c, tool, ana).unwrap().unwrap();
    assert_eq!(own.review, second);
    assert_eq!(
        (own.created_at, own.updated_at),
        (T0.micros(), later.micros())
    );
    assert_eq!(
        own.review.comment(Criterion::Bias),
        Some("Bias: does_not_meet.")
    );
    // The page: newest change first, reviewers by display name.
    let page = reviews::page(c, tool, None).unwrap();
    let names: Vec<&str> = page.shown.iter().map(|s| s.reviewer.as_str()).collect();
    assert_eq!(names, ["ana", "ben"]);
    assert_eq!(page.shown[0].reviewer_id, ana);
    assert!(!page.older, "two reviews fit on one page");
    let last = &page.shown[0].stored;
    let rest = reviews::page(c, tool, Some((last.updated_at, last.id))).unwrap();
    assert_eq!(rest.shown.len(), 1);
    assert_eq!(rest.shown[0].reviewer, "ben");
    assert_eq!(reviews::of_user(c, ana).unwrap().len(), 1);
    let (_, with) = registry::with_tallies(c, tool).unwrap().unwrap();
    assert_eq!(with, tallies);
}

/// A review withdrawn by its author, and the reviews of someone who
/// deletes their account, leave the tool: the review goes, and the tool's
/// review count and each criterion's tally move back with it.
#[test]
fn withdrawn_reviews_and_deleted_accounts_leave_the_counts_exact() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let tool = add_tool(c, &tr, "Feedback Bot");
    let other_tool = add_tool(c, &tr, "Rubric Maker");
    let ana = person(c, "ana", &tr.school, Role::Educator).user_id;
    let ben = person(c, "ben", &tr.other_school, Role::Educator).user_id;
    let cy = person(c, "cy", &tr.sibling, Role::Educator).user_id;
    for (who, r) in [
        (ana, review(Rating::Meets, Rating::Meets)),
        (ben, review(Rating::DontKnow, Rating::DoesNotMeet)),
        (cy, review(Rating::MeetsWithReservations, Rating::Meets)),
    ] {
        reviews::write(c, tool, who, &r, T0).unwrap();
    }
    reviews::write(
        c,
        other_tool,
        ana,
        &review(Rating::Meets, Rating::Meets),
        T0,
    )
    .unwrap();

    // Ben withdraws his; a second withdrawal finds nothing.
    assert!(reviews::withdraw(c, tool, ben).unwrap());
    assert!(!reviews::withdraw(c, tool, ben).unwrap());
    let (counted, kept) = counted_and_kept(c, tool);
    assert_eq!(counted, kept);
    assert_eq!(kept.1, 2);
    assert_eq!(kept.0.n(Criterion::Bias, Rating::DoesNotMeet), 0);
    assert!(reviews::own(c, tool, ben).unwrap().is_none());

    // Ana deletes her account: both her reviews go, and both tools' counts.
    lyceum_db::accounts::delete_account(c, ana, T0).unwrap();
    for t in [tool, other_tool] {
        let (counted, kept) = counted_and_kept(c, t);
        assert_eq!(counted, kept, "tool {t:?}");
    }
    assert_eq!(counted_and_kept(c, tool).1.1, 1);
    assert_eq!(counted_and_kept(c, other_tool).1.1, 0);
    assert!(reviews::of_user(c, ana).unwrap().is_empty());
    let names: Vec<String> = reviews::page(c, tool, None)
        .unwrap()
        .shown
        .into_iter()
        .map(|s| s.reviewer)
        .collect();
    assert_eq!(names, ["cy"]);
}

/// The same person's reviews sent at once (a double click, on several
/// app servers) keep one review, and the counts stay exact — while others
/// review the same tool.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_reviews_by_one_person_keep_one_and_exact_counts() {
    let t = TestDb::new();
    let (tool, me, others) =
        t.db.write(|c| {
            let tr = tree(c);
            let tool = add_tool(c, &tr, "Quiz Maker");
            let me = person(c, "me", &tr.school, Role::Educator).user_id;
            let others: Vec<UserId> = (0..4)
                .map(|i| person(c, &format!("peer{i}"), &tr.sibling, Role::Educator).user_id)
                .collect();
            Ok((tool, me, others))
        })
        .await
        .unwrap();
    let scale = [
        Rating::DoesNotMeet,
        Rating::MeetsWithReservations,
        Rating::Meets,
        Rating::DontKnow,
    ];
    let mut tries = Vec::new();
    for i in 0..12 {
        let who = if i % 3 == 2 { others[i % 4] } else { me };
        let r = review(scale[i % 4], scale[(i + 1) % 4]);
        let db = t.db.clone();
        tries.push(tokio::spawn(async move {
            db.write(move |c| {
                let w = reviews::write(c, tool, who, &r, T0)?;
                // Held open a moment, as a page's other writes would.
                std::thread::sleep(std::time::Duration::from_millis(20));
                Ok(w)
            })
            .await
        }));
    }
    let mut new = 0;
    for t in tries {
        new += usize::from(t.await.unwrap().unwrap() == Written::New);
    }
    let (counted, kept, mine) =
        t.db.read(move |c| {
            let (counted, kept) = counted_and_kept(c, tool);
            let mine: i64 = ai_tool_reviews::table
                .filter(ai_tool_reviews::user_id.eq(me.0))
                .count()
                .get_result(c)?;
            Ok((counted, kept, mine))
        })
        .await
        .unwrap();
    assert_eq!(mine, 1);
    assert_eq!(counted, kept);
    assert_eq!(kept.1 as usize, new);
    // Me, and the four others each wrote at least once.
    assert_eq!(new, 5);
    for c in Criterion::ALL {
        assert_eq!(kept.0.total(*c), 5);
    }
}

/// A review of a tool that does not exist is refused on `tool`; nothing
/// is written.
#[tokio::test]
async fn a_review_of_an_unknown_tool_is_refused_and_nothing_saved() {
    let t = TestDb::new();
    let who =
        t.db.write(|c| {
            let tr = tree(c);
            add_tool(c, &tr, "Real Tool");
            Ok(person(c, "ana", &tr.school, Role::Educator).user_id)
        })
        .await
        .unwrap();
    let r = review(Rating::Meets, Rating::Meets);
    let res =
        t.db.write(move |c| reviews::write(c, ToolId(424_242), who, &r, T0))
            .await;
    refused(res, "tool", "unknown-tool");
    refused(
        t.db.read(|c| reviews::page(c, ToolId(424_242), None)).await,
        "tool",
        "unknown-tool",
    );
    let (stored, counted): (i64, i64) =
        t.db.read(|c| {
            let stored = ai_tool_reviews::table.count().get_result(c)?;
            let counted = ai_tools::table
                .select(ai_tools::review_count)
                .load::<i64>(c)?
                .into_iter()
                .sum();
            Ok((stored, counted))
        })
        .await
        .unwrap();
    assert_eq!((stored, counted), (0, 0));
}

fn decision(status: ToolStatus, on: &str) -> Decision {
    Decision {
        status,
        note: format!("{status} after review."),
        decided_on: Date::parse(on).unwrap(),
        privacy_agreement_signed: status == ToolStatus::Approved,
    }
}

/// `admin` sets `org`'s status for `tool`, decided on `on`.
async fn decide(t: &TestDb, admin: &Actor, tool: ToolId, org: OrgId, s: ToolStatus, on: &str) {
    let (a, d) = (admin.clone(), decision(s, on));
    t.db.write(move |c| status::set(c, &a, tool, org, &d, T0))
        .await
        .unwrap();
}

/// Only an admin of the organisation, or of one above it, sets its status:
/// not an admin of a sibling, of a school below, of another district, nor
/// an educator of it. Each is refused on `org`, naming it, and leaves
/// nothing behind.
#[tokio::test]
async fn a_status_set_by_someone_not_its_admin_is_refused() {
    let t = TestDb::new();
    let (tool, tr, admins) =
        t.db.write(|c| {
            let tr = tree(c);
            let tool = add_tool(c, &tr, "Slides AI");
            let admins = [
                person(c, "school_admin", &tr.school, Role::OrgAdmin),
                person(c, "sibling_admin", &tr.sibling, Role::OrgAdmin),
                person(c, "other_admin", &tr.other, Role::OrgAdmin),
                person(c, "district_teacher", &tr.district, Role::Educator),
                person(c, "district_admin", &tr.district, Role::OrgAdmin),
            ];
            Ok((tool, tr, admins))
        })
        .await
        .unwrap();
    let [
        school_admin,
        sibling_admin,
        other_admin,
        teacher,
        district_admin,
    ] = admins;
    let cases = [
        // A school's admin, for its district (a child deciding upwards).
        (school_admin.clone(), tr.district.id(), "Valle Unified"),
        // A sibling school's admin, for the school beside it.
        (sibling_admin, tr.school.id(), "Sierra Elementary"),
        // Another district's admin, for this district and its school.
        (other_admin.clone(), tr.district.id(), "Valle Unified"),
        (other_admin, tr.school.id(), "Sierra Elementary"),
        // An educator of the district.
        (teacher, tr.district.id(), "Valle Unified"),
    ];
    for (actor, org, name) in cases {
        let d = decision(ToolStatus::Approved, "2026-09-01");
        let a = actor.clone();
        let res =
            t.db.write(move |c| status::set(c, &a, tool, org, &d, T0))
                .await;
        match res {
            Err(DbError::Invalid(e)) => {
                assert!(e.is_only("org", "tool-status-not-yours"), "{e:?}");
                assert_eq!(e.0[0].args, vec![("org", name.to_string())]);
            }
            other => panic!("{} set {name}'s status: {other:?}", actor.user_id),
        }
        let a = actor.clone();
        let res =
            t.db.write(move |c| status::clear(c, &a, tool, org, T0))
                .await;
        assert!(matches!(res, Err(DbError::Invalid(_))), "{res:?}");
    }
    // An unknown tool, by a real admin: refused on `tool`.
    let d = decision(ToolStatus::Approved, "2026-09-01");
    let a = district_admin.clone();
    let district = tr.district.id();
    refused(
        t.db.write(move |c| status::set(c, &a, ToolId(999), district, &d, T0))
            .await,
        "tool",
        "unknown-tool",
    );
    let (rows, audited) =
        t.db.read(|c| {
            let rows: i64 = ai_tool_org_status::table.count().get_result(c)?;
            let audited: i64 = audit_log::table
                .filter(audit_log::action.like("registry.status%"))
                .count()
                .get_result(c)?;
            Ok((rows, audited))
        })
        .await
        .unwrap();
    assert_eq!((rows, audited), (0, 0));
    // The school's own admin may set the school's; the district's admin
    // the school's too (from above).
    let (a, b) = (school_admin, district_admin);
    let school = tr.school.id();
    t.db.write(move |c| {
        status::set(
            c,
            &a,
            tool,
            school,
            &decision(ToolStatus::UnderReview, "2026-09-02"),
            T0,
        )?;
        status::set(
            c,
            &b,
            tool,
            school,
            &decision(ToolStatus::Approved, "2026-09-03"),
            T0,
        )
    })
    .await
    .unwrap();
}

/// The district approves: its schools' educators see "approved by Valle
/// Unified, 2026-09-01"; another district's see nothing. A school's own
/// "not approved" overrides it there only; clearing it restores the
/// district's. Each change audited with the old and the new.
#[tokio::test]
async fn statuses_are_inherited_down_the_tree_and_overridden_below() {
    let t = TestDb::new();
    let (tool, second, tr, district_admin, school_admin, people) =
        t.db.write(|c| {
            let tr = tree(c);
            let tool = add_tool(c, &tr, "Tutor Chat");
            let second = add_tool(c, &tr, "Image Maker");
            let district_admin = person(c, "dana", &tr.district, Role::OrgAdmin);
            let school_admin = person(c, "sam", &tr.school, Role::OrgAdmin);
            let teacher = person(c, "tess", &tr.school, Role::Educator).user_id;
            let neighbour = person(c, "nia", &tr.sibling, Role::Educator).user_id;
            let far = person(c, "fay", &tr.other_school, Role::Educator).user_id;
            // A district member who joined their school later: the school
            // (deepest) is where their statuses are read.
            let both = person(c, "bo", &tr.district, Role::Educator).user_id;
            memberships::add(c, both, &tr.school, Role::Educator, T0).unwrap();
            Ok((
                tool,
                second,
                tr,
                district_admin,
                school_admin,
                [teacher, neighbour, far, both],
            ))
        })
        .await
        .unwrap();
    let [teacher, neighbour, far, both] = people;
    let (district, school) = (tr.district.id(), tr.school.id());
    let seen = |who: UserId| {
        let db = t.db.clone();
        async move {
            db.read(move |c| status::effective_status(c, tool, who))
                .await
                .unwrap()
                .map(|e| {
                    (
                        e.decision.status,
                        e.org_name,
                        e.decision.decided_on.to_string(),
                    )
                })
        }
    };
    assert_eq!(seen(teacher).await, None);

    decide(
        &t,
        &district_admin,
        tool,
        district,
        ToolStatus::Approved,
        "2026-09-01",
    )
    .await;
    let approved = Some((
        ToolStatus::Approved,
        "Valle Unified".to_string(),
        "2026-09-01".to_string(),
    ));
    assert_eq!(seen(teacher).await, approved);
    assert_eq!(seen(neighbour).await, approved);
    assert_eq!(seen(both).await, approved);
    assert_eq!(seen(far).await, None);
    let e =
        t.db.read(move |c| status::effective_status(c, tool, teacher))
            .await
            .unwrap()
            .unwrap();
    assert_eq!(e.org, district);
    assert!(e.decision.privacy_agreement_signed);
    assert_eq!(e.decided_by, Some(district_admin.user_id));

    // The school's own decision overrides the district's, there only.
    decide(
        &t,
        &school_admin,
        tool,
        school,
        ToolStatus::NotApproved,
        "2026-10-15",
    )
    .await;
    let not_approved = Some((
        ToolStatus::NotApproved,
        "Sierra Elementary".to_string(),
        "2026-10-15".to_string(),
    ));
    assert_eq!(seen(teacher).await, not_approved);
    assert_eq!(seen(both).await, not_approved);
    assert_eq!(seen(neighbour).await, approved);
    // Several tools for one reader at once: the second nobody decided.
    let at = tr.school.org_path().unwrap();
    let many =
        t.db.read(move |c| status::effective_at(c, Some(&at), &[tool, second]))
            .await
            .unwrap();
    assert_eq!(many.len(), 1);
    assert_eq!(many[&tool].decision.status, ToolStatus::NotApproved);

    // The school changes its mind (audited with the old), then clears its
    // own: the district's is in force again.
    decide(
        &t,
        &school_admin,
        tool,
        school,
        ToolStatus::UnderReview,
        "2026-10-20",
    )
    .await;
    let a = school_admin.clone();
    let cleared =
        t.db.write(move |c| status::clear(c, &a, tool, school, T0))
            .await
            .unwrap();
    assert!(cleared);
    assert_eq!(seen(teacher).await, approved);
    let a = school_admin.clone();
    let again =
        t.db.write(move |c| status::clear(c, &a, tool, school, T0))
            .await
            .unwrap();
    assert!(!again);
    let (set, cleared) =
        t.db.read(|c| {
            Ok((
                audit_actions(c, "registry.status_set"),
                audit_actions(c, "registry.status_cleared"),
            ))
        })
        .await
        .unwrap();
    assert_eq!(set.len(), 3);
    assert_eq!(set[0]["old"], serde_json::Value::Null);
    assert_eq!(set[0]["new"]["status"], "approved");
    assert_eq!(set[2]["old"]["status"], "not_approved");
    assert_eq!(set[2]["new"]["status"], "under_review");
    assert_eq!(cleared.len(), 1);
    assert_eq!(cleared[0]["old"]["status"], "under_review");
    assert_eq!(cleared[0]["new"], serde_json::Value::Null);
    assert_eq!(
        t.db.read(move |c| status::own(c, tool, school))
            .await
            .unwrap(),
        None
    );
}

/// Each list order reads its own index, a tool's reviews theirs, and the
/// status in force the (tool, organisation) key: no sort of every tool,
/// no scan of every decision (SQLite's plans; PostgreSQL's depend on its
/// statistics).
#[test]
fn lists_and_statuses_read_their_indexes() {
    let t = TestDb::new();
    if t.db.backend() != Backend::Sqlite {
        return;
    }
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let tool = add_tool(c, &tr, "Indexed");
    let (_, plan) = plan_of(c, "ORDER BY", |c| {
        registry::list(c, ToolSort::Name, 0).unwrap();
    });
    assert!(plan.contains("ai_tools_by_name"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    let (_, plan) = plan_of(c, "ORDER BY", |c| {
        registry::list(c, ToolSort::Reviews, 0).unwrap();
    });
    assert!(plan.contains("ai_tools_by_reviews"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    let (_, plan) = plan_of(c, "ORDER BY", |c| {
        reviews::page(c, tool, None).unwrap();
    });
    assert!(plan.contains("ai_tool_reviews_newest"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    let at = tr.school.org_path().unwrap();
    let (_, plan) = plan_of(c, "ai_tool_org_status", |c| {
        status::effective_at(c, Some(&at), &[tool]).unwrap();
    });
    // The path's few organisations, each on its index; never a scan.
    assert!(plan.contains("ai_tool_org_status_org (org_id=?)"), "{plan}");
    assert!(!plan.contains("SCAN"), "{plan}");
}
