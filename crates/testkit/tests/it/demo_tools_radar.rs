//! The demo's tool registry and challenge radar, as a newcomer meets them:
//! Ana Rivera at Lincoln Elementary sees the maths tutor approved by
//! Columbus City Schools; her reports are answered (one with a library
//! resource, her anonymous one with guidance) and she was told; the radar's
//! stored counts agree with the reports, the merged duplicate left out.
//! Seeding twice adds nothing.

use diesel::prelude::*;
use lyceum_db::radar::counts;
use lyceum_db::registry::{self, status};
use lyceum_db::schema::{challenge_reports, notifications};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::radar::{Answer, Status};
use lyceum_domain::registry::ToolSort;
use lyceum_domain::registry::status::ToolStatus;
use lyceum_testkit::TestApp;

#[tokio::test]
async fn the_demo_has_tools_with_statuses_and_answered_challenges() {
    let app = TestApp::start().await;
    for _ in 0..2 {
        lyceum_server::demo::seed(&app.db, &app.clock)
            .await
            .unwrap();
    }
    let tools = app
        .db
        .read(|c| registry::list(c, ToolSort::Name, 0))
        .await
        .unwrap();
    assert_eq!(tools.total, 6, "seeding twice added no tools");
    let tutor = tools
        .items
        .iter()
        .find(|t| t.name == "Socratic Math Tutor")
        .expect("the maths tutor")
        .id;
    let ana = app
        .db
        .read(|c| {
            let email = EmailAddress::parse("educator@columbus.example.org").unwrap();
            Ok(lyceum_db::users::by_email(c, &email)?.unwrap().id())
        })
        .await
        .unwrap();
    let seen = app
        .db
        .read(move |c| status::effective_status(c, tutor, ana))
        .await
        .unwrap()
        .expect("a status for Ana's school");
    assert_eq!(seen.decision.status, ToolStatus::Approved);
    assert_eq!(seen.org_name, "Columbus City Schools");
    assert!(tools.items.iter().any(|t| t.review_count > 0));

    let mine = app
        .db
        .read(move |c| lyceum_db::radar::mine(c, ana, 20))
        .await
        .unwrap();
    assert_eq!(mine.len(), 3, "Ana's three reports, the anonymous one too");
    let addressed: Vec<_> = mine
        .iter()
        .filter(|r| r.status == Status::Addressed)
        .collect();
    assert_eq!(addressed.len(), 2);
    assert!(
        addressed
            .iter()
            .any(|r| matches!(r.answer, Some(Answer::Resource(_))))
    );
    assert!(
        addressed
            .iter()
            .any(|r| matches!(r.answer, Some(Answer::Guidance(_))))
    );
    let told: i64 = app
        .db
        .read(move |c| {
            Ok(notifications::table
                .filter(notifications::user_id.eq(ana.0))
                .filter(notifications::kind.eq("challenge-addressed"))
                .count()
                .get_result(c)?)
        })
        .await
        .unwrap();
    assert_eq!(told, 2, "told of each answered report");

    let (stored, counted, merged) = app
        .db
        .read(|c| {
            let root = lyceum_db::orgs::root(c)?.unwrap();
            let merged: i64 = challenge_reports::table
                .filter(challenge_reports::merged_into.is_not_null())
                .count()
                .get_result(c)?;
            Ok((
                counts::counts(c, root.id(), "0000-00", "9999-99")?,
                counts::tally(c, &root.org_path()?, "0000-00", "9999-99")?,
                merged,
            ))
        })
        .await
        .unwrap();
    assert_eq!(stored, counted);
    assert_eq!(merged, 1);
    let total: i64 = stored
        .totals(lyceum_domain::radar::Dimension::Category)
        .values()
        .sum();
    assert_eq!(total, 7, "eight reports, one merged away");
}
