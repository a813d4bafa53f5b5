//! Evidence tiers: Lyceum proposes a tier from a practice's trial reports
//! (written and audited only when the proposal changes), a curator
//! confirms it or sets another with a reason — never the practice's own
//! author, never a curator outside its owner — and a decision against a
//! proposal that changed meanwhile is refused. The curators' queue lists
//! proposals waiting for a look. Until the practice and trial pages exist,
//! practices are published with `db::library::{start, publish_version}`
//! and reports inserted straight into `trial_reports`.

use super::api::{call, token_for};
use diesel::prelude::*;
use lyceum_db::library::{self, tiers};
use lyceum_db::schema::{audit_log, notifications, trial_reports, users};
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::{Design, EffectDirection, Evidence, Licence, PracticeContent};
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, PracticeId, UserId};
use lyceum_testkit::{PASSWORD, Seed, TestApp};
use reqwest::Method;
use serde_json::json;

fn content(logic_model: &str) -> PracticeContent {
    PracticeContent {
        language: Lang::En,
        title: "Socratic seminar prep with an AI devil's advocate".into(),
        summary: "Students test their claims against a chatbot before the seminar.".into(),
        goal: "Students support claims with evidence from the text.".into(),
        subjects: vec![lyceum_domain::profile::Subject::Ela],
        grade_bands: vec![lyceum_domain::profile::GradeBand::G6to8],
        competencies: vec![],
        tools: "A school-approved chatbot".into(),
        steps: "1. Write a claim.\n2. Ask the chatbot to argue against it.".into(),
        materials: vec![],
        minutes: 45,
        equity_notes: "Pairs share a device.".into(),
        privacy_notes: "No student names in prompts.".into(),
        logic_model: logic_model.into(),
        licence: Licence::CcBy,
    }
}

const LOGIC: &str = "Arguing with a counter-claim makes students look for evidence; \
                     more evidence cited in seminar.";

/// A published practice written by `author`, owned at `owner`.
async fn published(app: &TestApp, s: &Seed, author: &str, owner: OrgId) -> PracticeId {
    let author = s.user(author);
    let curator = s.user("admin");
    let now = app.clock.now();
    app.db
        .write(move |c| {
            let c0 = content(LOGIC);
            let id = library::start(c, owner, author, &c0, now)?;
            library::publish_version(c, id, &c0, curator, now)?;
            tiers::repropose(c, id, now)?;
            Ok(id)
        })
        .await
        .unwrap()
}

fn positive(design: Design, students: u32, sites: u32) -> Evidence {
    Evidence {
        design,
        controls_for_selection: false,
        sample_size: Some(students),
        comparison_size: Some(students / 2),
        sites: Some(sites),
        measure: Some("Seminar evidence rubric".into()),
        effect_direction: Some(EffectDirection::Positive),
        effect_size_centi: Some(31),
        significant: Some(true),
    }
}

/// Files (or updates) `reporter`'s report, reproposing in the same write
/// as the trials part does.
async fn report(app: &TestApp, practice: PracticeId, reporter: UserId, e: Evidence) {
    app.clock.advance(std::time::Duration::from_secs(60));
    let now = app.clock.now();
    app.db
        .write(move |c| {
            diesel::insert_into(trial_reports::table)
                .values((
                    trial_reports::practice_id.eq(practice.0),
                    trial_reports::version.eq(1),
                    trial_reports::reporter_id.eq(reporter.0),
                    trial_reports::subject.eq("ela"),
                    trial_reports::grade_band.eq("6-8"),
                    trial_reports::students.eq(28),
                    trial_reports::periods.eq(2),
                    trial_reports::fidelity.eq("as_written"),
                    trial_reports::happened.eq("Students cited more evidence."),
                    trial_reports::would_change.eq("More time for the rebuttal."),
                    trial_reports::use_again.eq(true),
                    trial_reports::design.eq(e.design.as_str()),
                    trial_reports::controls_for_selection.eq(e.controls_for_selection),
                    trial_reports::sample_size.eq(e.sample_size.map(|n| n as i32)),
                    trial_reports::comparison_size.eq(e.comparison_size.map(|n| n as i32)),
                    trial_reports::sites.eq(e.sites.map(|n| n as i32)),
                    trial_reports::measure.eq(e.measure.clone()),
                    trial_reports::effect_direction.eq(e.effect_direction.map(|d| d.as_str())),
                    trial_reports::effect_size_centi.eq(e.effect_size_centi),
                    trial_reports::significant.eq(e.significant),
                    trial_reports::created_at.eq(now.micros()),
                    trial_reports::updated_at.eq(now.micros()),
                ))
                .execute(c)?;
            tiers::repropose(c, practice, now)
        })
        .await
        .unwrap();
}

async fn row(app: &TestApp, id: PracticeId) -> library::PracticeRow {
    app.db
        .read(move |c| library::practice(c, id))
        .await
        .unwrap()
        .unwrap()
        .0
}

async fn audits(app: &TestApp, action: &'static str) -> Vec<String> {
    app.db
        .read(move |c| {
            Ok(audit_log::table
                .filter(audit_log::action.eq(action))
                .order(audit_log::id)
                .select(audit_log::detail)
                .load::<String>(c)?)
        })
        .await
        .unwrap()
}

/// A person with `role` at `org`, signed in.
async fn person(app: &TestApp, name: &str, role: Role, org: OrgId) -> (UserId, String) {
    let email = format!("{name}@example.org");
    let id = app
        .person(&email, "Local curator", role, org, Lang::En)
        .await;
    (id, email)
}

fn seen(page: &lyceum_testkit::Page) -> String {
    page.input_value("seen")
        .expect("the form carries the proposal seen")
}

#[tokio::test]
async fn library_tiers_proposal_is_written_and_audited_only_when_it_changes() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let id = published(&app, &s, "educator", s.school_a).await;
    let r = row(&app, id).await;
    assert_eq!(r.proposed_tier, None, "no trial yet");
    assert!(
        r.proposed_reasons.contains("no_trials"),
        "{}",
        r.proposed_reasons
    );
    let first = audits(&app, "library.tier_proposed").await.len();

    report(&app, id, s.user("facilitator"), Evidence::none()).await;
    let r = row(&app, id).await;
    assert_eq!(r.proposed_tier, Some(4));
    let at = r.proposed_at;
    let logged = audits(&app, "library.tier_proposed").await;
    assert_eq!(logged.len(), first + 1);
    assert!(logged.last().unwrap().contains("\"to\":4"), "{logged:?}");

    // Nothing changed: nothing written, nothing audited.
    app.clock.advance(std::time::Duration::from_secs(60));
    let now = app.clock.now();
    app.db
        .write(move |c| tiers::repropose(c, id, now))
        .await
        .unwrap();
    assert_eq!(row(&app, id).await.proposed_at, at);
    assert_eq!(audits(&app, "library.tier_proposed").await.len(), first + 1);

    // A comparison-group study: 349 students is tier 3 …
    report(
        &app,
        id,
        s.user("moderator"),
        positive(Design::Comparison, 349, 2),
    )
    .await;
    let r = row(&app, id).await;
    assert_eq!(r.proposed_tier, Some(3));
    assert!(r.proposed_reasons.contains("too_few_students"));
    // … and a second one with 350 across two schools is tier 2.
    report(
        &app,
        id,
        s.user("ladmin"),
        positive(Design::Comparison, 350, 2),
    )
    .await;
    assert_eq!(row(&app, id).await.proposed_tier, Some(2));
    assert_eq!(audits(&app, "library.tier_proposed").await.len(), first + 3);

    // Readers see the proposal and its reasons, worded.
    let b = app.browser();
    b.sign_in(s.email("researcher"), PASSWORD).await;
    let page = b.get(&format!("/practices/{id}/evidence")).await;
    assert_eq!(page.status, 200);
    page.expect("Tier 2: moderate evidence")
        .expect("Not yet confirmed by a curator")
        .expect("Tier 1 needs a randomised study");
    assert!(page.input_value("seen").is_none(), "no form for a reader");
}

/// The author's own report counts as a trial under way, never as outcome
/// evidence: nobody grades their own practice (a curator may still confirm
/// any tier, having read it).
#[tokio::test]
async fn library_tiers_the_authors_own_study_does_not_raise_the_proposal() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let id = published(&app, &s, "educator", s.school_a).await;
    report(
        &app,
        id,
        s.user("educator"),
        positive(Design::Randomised, 400, 3),
    )
    .await;
    assert_eq!(row(&app, id).await.proposed_tier, Some(4));
    report(
        &app,
        id,
        s.user("facilitator"),
        positive(Design::Randomised, 400, 3),
    )
    .await;
    assert_eq!(row(&app, id).await.proposed_tier, Some(1));
}

#[tokio::test]
async fn library_tiers_curator_confirms_overrides_and_sets_none() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let id = published(&app, &s, "educator", s.school_a).await;
    report(&app, id, s.user("facilitator"), Evidence::none()).await;

    let b = app.browser();
    b.sign_in(s.email("author"), PASSWORD).await;
    let path = format!("/practices/{id}/evidence");
    let page = b.get(&path).await;
    page.expect("Confirm the proposal (Tier 4: demonstrates a rationale)");
    let token = seen(&page);
    let done = b
        .post(
            &path,
            &[("decision", "confirm"), ("reason", ""), ("seen", &token)],
        )
        .await;
    assert_eq!(done.status, 200);
    done.expect("The evidence tier is saved")
        .expect("Decided by Test author");
    let r = row(&app, id).await;
    assert_eq!(
        (r.tier, r.tier_decided_by),
        (Some(4), Some(s.user("author").0))
    );

    // The author was told.
    let educator = s.user("educator").0;
    let told: Vec<String> = app
        .db
        .read(move |c| {
            Ok(notifications::table
                .filter(notifications::user_id.eq(educator))
                .select(notifications::kind)
                .load(c)?)
        })
        .await
        .unwrap();
    assert!(told.contains(&"tier-decided".to_string()), "{told:?}");

    // Another tier without a reason: refused, naming the field.
    let page = b.get(&path).await;
    let token = seen(&page);
    let refused = b
        .post(
            &path,
            &[("decision", "3"), ("reason", "  "), ("seen", &token)],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.expect("Give a reason for setting a tier other than the proposal");
    assert!(refused.body.contains("href=\"#f-reason\""));
    assert_eq!(row(&app, id).await.tier, Some(4), "nothing saved");

    // With one: saved and shown, the proposal beside it.
    let ok = b
        .post(
            &path,
            &[
                ("decision", "3"),
                ("reason", "The district study found a significant gain."),
                ("seen", &token),
            ],
        )
        .await;
    ok.expect("Tier 3: promising evidence")
        .expect("The district study found a significant gain.")
        .expect("Lyceum proposes: Tier 4: demonstrates a rationale.");
    // No tier at all, with a reason.
    let none = b
        .post(
            &path,
            &[
                ("decision", "none"),
                ("reason", "The trials used an older version."),
                ("seen", &token),
            ],
        )
        .await;
    assert_eq!(none.status, 200);
    let r = row(&app, id).await;
    assert_eq!(r.tier, None);
    assert!(r.tier_decided_at.is_some());
    let logged = audits(&app, "library.tier_decided").await;
    assert_eq!(logged.len(), 3);
    assert!(logged[1].contains("\"confirmed\":false"), "{logged:?}");
    assert!(logged[2].contains("\"tier\":null"), "{logged:?}");

    // An unknown decision is refused on its field.
    let bad = b
        .post(
            &path,
            &[("decision", "7"), ("reason", "x"), ("seen", &token)],
        )
        .await;
    assert_eq!(bad.status, 422);
    bad.expect("Choose to confirm the proposal, a tier, or no tier.");
}

#[tokio::test]
async fn library_tiers_own_practice_and_outside_scope_refused() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // The author (a curator at the root) wrote this one.
    let own = published(&app, &s, "author", s.district).await;
    report(&app, own, s.user("facilitator"), Evidence::none()).await;
    let b = app.browser();
    b.sign_in(s.email("author"), PASSWORD).await;
    let path = format!("/practices/{own}/evidence");
    let page = b.get(&path).await;
    page.expect("You wrote this practice, so another curator decides its tier.");
    assert!(page.input_value("seen").is_none());
    let token = row(&app, own).await.proposed_at.unwrap().to_string();
    let r = b
        .post(&path, &[("decision", "confirm"), ("seen", &token)])
        .await;
    assert_eq!(r.status, 403);
    let queue = b.get("/practices/evidence-queue").await;
    assert!(
        !queue.contains("Socratic seminar"),
        "not one's own in the queue"
    );

    // A curator of the Local sees the district's practice, decides nothing.
    let (_, email) = person(&app, "local-author", Role::Author, s.local).await;
    let l = app.browser();
    l.sign_in(&email, PASSWORD).await;
    assert_eq!(l.get(&path).await.status, 200);
    let r = l
        .post(&path, &[("decision", "confirm"), ("seen", &token)])
        .await;
    assert_eq!(r.status, 403);
    let queue = l.get("/practices/evidence-queue").await;
    assert_eq!(queue.status, 200);
    assert!(!queue.contains("Socratic seminar"), "outside their scope");

    // An educator: no queue, no decision.
    let e = app.browser();
    e.sign_in(s.email("educator"), PASSWORD).await;
    assert_eq!(e.get("/practices/evidence-queue").await.status, 403);
    assert_eq!(
        e.post(&path, &[("decision", "confirm"), ("seen", &token)])
            .await
            .status,
        403
    );
    assert_eq!(row(&app, own).await.tier_decided_at, None);

    // The programme admin may.
    let a = app.browser();
    a.sign_in(s.email("admin"), PASSWORD).await;
    let queue = a.get("/practices/evidence-queue").await;
    queue.expect("Socratic seminar");
    let ok = a
        .post(&path, &[("decision", "confirm"), ("seen", &token)])
        .await;
    assert_eq!(ok.status, 200);
    assert_eq!(row(&app, own).await.tier, Some(4));
    assert!(
        !a.get("/practices/evidence-queue")
            .await
            .contains("Socratic seminar")
    );
}

#[tokio::test]
async fn library_tiers_stale_proposal_refused_and_queue_again() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let id = published(&app, &s, "educator", s.school_a).await;
    report(&app, id, s.user("facilitator"), Evidence::none()).await;
    let b = app.browser();
    b.sign_in(s.email("author"), PASSWORD).await;
    let path = format!("/practices/{id}/evidence");
    let token = seen(&b.get(&path).await);

    // Meanwhile a report changes the proposal.
    report(
        &app,
        id,
        s.user("moderator"),
        positive(Design::Randomised, 420, 3),
    )
    .await;
    let refused = b
        .post(&path, &[("decision", "confirm"), ("seen", &token)])
        .await;
    assert_eq!(refused.status, 422);
    refused.expect("The proposal changed while you were deciding; look at it again.");
    assert_eq!(row(&app, id).await.tier_decided_at, None);
    // The page shows the new proposal, and its form carries it.
    refused.expect("Tier 1: strong evidence");
    let fresh = refused.input_value("seen").unwrap();
    assert_ne!(fresh, token);
    b.get("/practices/evidence-queue")
        .await
        .expect("Socratic seminar");
    let ok = b
        .post(&path, &[("decision", "confirm"), ("seen", &fresh)])
        .await;
    assert_eq!(ok.status, 200);
    assert_eq!(row(&app, id).await.tier, Some(1));
    assert!(
        !b.get("/practices/evidence-queue")
            .await
            .contains("Socratic seminar")
    );

    // A significant negative randomised study overrides: the proposal
    // changes after the decision, and it waits in the queue again.
    let mut neg = positive(Design::Randomised, 500, 4);
    neg.effect_direction = Some(EffectDirection::Negative);
    report(&app, id, s.user("ladmin"), neg).await;
    assert_eq!(row(&app, id).await.proposed_tier, Some(4));
    b.get("/practices/evidence-queue")
        .await
        .expect("Socratic seminar")
        .expect("after the last decision");
    b.get(&path).await.expect("overrides the positive evidence");
}

#[tokio::test]
async fn library_tiers_in_spanish() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let id = published(&app, &s, "educator", s.school_a).await;
    report(
        &app,
        id,
        s.user("facilitator"),
        positive(Design::Comparison, 120, 1),
    )
    .await;
    let author = s.user("author").0;
    app.db
        .write(move |c| {
            diesel::update(users::table.find(author))
                .set(users::preferred_language.eq("es"))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
    let b = app.browser();
    b.sign_in(s.email("author"), PASSWORD).await;
    let page = b.get(&format!("/practices/{id}/evidence")).await;
    page.expect("Propuesta de Lyceum")
        .expect("120 estudiantes")
        .expect("se necesitan 350")
        .expect("Su decisión");
    let refused = b
        .post(
            &format!("/practices/{id}/evidence"),
            &[("decision", "2"), ("seen", &seen(&page))],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.expect("Indique una razón");
    // The queue marks the English title as English.
    b.get("/practices/evidence-queue").await.expect(&format!(
        "<a href=\"/practices/{id}/evidence\" lang=\"en\">Socratic seminar prep"
    ));
}

#[tokio::test]
async fn library_tiers_api() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let id = published(&app, &s, "educator", s.school_a).await;
    report(
        &app,
        id,
        s.user("facilitator"),
        positive(Design::Comparison, 349, 2),
    )
    .await;
    let curator = token_for(&app, s.email("author")).await;
    let reader = token_for(&app, s.email("educator")).await;
    let path = format!("/api/v1/practices/{id}/evidence");

    let (status, ev) = call(&app, Method::GET, &path, Some(&reader), None).await;
    assert_eq!(status, 200, "{ev}");
    assert_eq!(ev["proposed_tier"], 3);
    assert_eq!(ev["tier"], serde_json::Value::Null);
    assert_eq!(ev["may_decide"], false);
    let reasons = ev["reasons"].as_array().unwrap();
    assert_eq!(reasons[1]["kind"], "too_few_students");
    assert_eq!(reasons[1]["data"]["needed"], 350);
    assert!(
        reasons[1]["text"]
            .as_str()
            .unwrap()
            .contains("349 students")
    );
    let seen = ev["proposal_seen"].as_i64().unwrap();

    // The author may not decide their own.
    let (status, _) = call(
        &app,
        Method::POST,
        &path,
        Some(&reader),
        Some(json!({"decision": "confirm", "proposal_seen": seen})),
    )
    .await;
    assert_eq!(status, 403);
    // Override without a reason: refused on `reason`.
    let (status, err) = call(
        &app,
        Method::POST,
        &path,
        Some(&curator),
        Some(json!({"decision": "2", "proposal_seen": seen})),
    )
    .await;
    assert_eq!(status, 422, "{err}");
    assert!(err.to_string().contains("tier-reason-required"), "{err}");
    // A stale proposal: refused on `decision`.
    let (status, err) = call(
        &app,
        Method::POST,
        &path,
        Some(&curator),
        Some(json!({"decision": "confirm", "proposal_seen": seen - 1})),
    )
    .await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("tier-proposal-changed"), "{err}");

    let (status, queue) = call(
        &app,
        Method::GET,
        "/api/v1/practices/evidence-queue",
        Some(&curator),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(queue["practices"][0]["practice_id"], id.0);
    assert_eq!(queue["practices"][0]["proposed_tier"], 3);
    let (status, _) = call(
        &app,
        Method::GET,
        "/api/v1/practices/evidence-queue",
        Some(&reader),
        None,
    )
    .await;
    assert_eq!(status, 403);

    let (status, ev) = call(
        &app,
        Method::POST,
        &path,
        Some(&curator),
        Some(json!({"decision": "confirm", "proposal_seen": seen})),
    )
    .await;
    assert_eq!(status, 200, "{ev}");
    assert_eq!(ev["tier"], 3);
    assert_eq!(ev["differs"], false);
    assert_eq!(ev["decided_by"], "Test author");
    let (_, queue) = call(
        &app,
        Method::GET,
        "/api/v1/practices/evidence-queue",
        Some(&curator),
        None,
    )
    .await;
    assert_eq!(queue["practices"].as_array().unwrap().len(), 0);

    // The OpenAPI document lists the operations.
    let (_, doc) = call(&app, Method::GET, "/api/openapi.json", None, None).await;
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.contains_key("/api/v1/practices/{practice_id}/evidence"));
    assert!(paths.contains_key("/api/v1/practices/evidence-queue"));
}
