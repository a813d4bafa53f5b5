//! The challenge radar as stored (issue 20): filing keeps the radar's
//! stored counts exact (and a merge takes the duplicate's off); a merge
//! into itself, into a merged report or out of scope is refused with
//! nothing changed; an org admin triages only reports from their subtree;
//! an anonymous report read by anyone but programme admins carries no
//! reporter, nor do the audit entries of its life; the reporter is told
//! when it is addressed, by a notification naming nobody else.

use crate::{T0, org_child as child, person, plan_of};
use diesel::prelude::*;
use lyceum_db::radar::counts::{self, Counts};
use lyceum_db::radar::{self, Reporter, triage};
use lyceum_db::schema::{audit_log, challenge_counts, challenge_reports, notifications};
use lyceum_db::{Backend, DbConn, DbError, notices, orgs};
use lyceum_domain::policy::Actor;
use lyceum_domain::radar::{Dimension, ReportInput, Status, TriageInput};
use lyceum_domain::role::Role;
use lyceum_domain::{ChallengeId, Timestamp, UserId};
use lyceum_testdb::TestDb;

const BASE: &str = "https://lyceum.example";
/// About six weeks after `T0`: another month.
const LATER: Timestamp = Timestamp::from_micros(T0.micros() + 40 * 86_400 * 1_000_000);

/// Programme → Nevada → Valle Unified (Sierra Elementary: rural, Title I)
/// and Rio District (Rio High: city, not Title I); a teacher at each
/// school, each district's admin and a programme admin.
struct Tree {
    root: orgs::OrgRow,
    district: orgs::OrgRow,
    teacher: Actor,
    other_teacher: Actor,
    district_admin: Actor,
    other_admin: Actor,
    staff: Actor,
}

fn tree(c: &mut DbConn) -> Tree {
    let root = orgs::create_root(c, "Programme", T0).unwrap();
    let state = child(c, &root, "state", "Nevada", ("", ""));
    let district = child(c, &state, "district", "Valle Unified", ("", ""));
    let school = child(
        c,
        &district,
        "school",
        "Sierra Elementary",
        ("rural", "yes"),
    );
    let other = child(c, &state, "district", "Rio District", ("", ""));
    let other_school = child(c, &other, "school", "Rio High", ("city", "no"));
    Tree {
        teacher: person(c, "ana.reporter", &school, Role::Educator),
        other_teacher: person(c, "bo.teacher", &other_school, Role::Educator),
        district_admin: person(c, "valle.admin", &district, Role::OrgAdmin),
        other_admin: person(c, "rio.admin", &other, Role::OrgAdmin),
        staff: person(c, "programme.admin", &root, Role::ProgrammeAdmin),
        root,
        district,
    }
}

fn input(category: &str, band: &str, anonymous: bool) -> ReportInput {
    ReportInput {
        category: category.into(),
        severity: "harms-learning".into(),
        tool: String::new(),
        subject: "math".into(),
        grade_band: band.into(),
        happened: "The chatbot invented three sources for a student's essay.".into(),
        tried: "We checked each source together.".into(),
        anonymous: anonymous.then(|| "on".to_string()),
    }
}

fn file(c: &mut DbConn, who: &Actor, i: &ReportInput, at: Timestamp) -> ChallengeId {
    radar::file(c, who.user_id, i, at).unwrap()
}

fn triage_input(status: &str, tags: &str) -> TriageInput {
    TriageInput {
        status: status.into(),
        tags: tags.into(),
        ..Default::default()
    }
}

fn stored_counts(c: &mut DbConn) -> Vec<(i64, String, String, String, i64)> {
    challenge_counts::table
        .order((
            challenge_counts::org_id,
            challenge_counts::dimension,
            challenge_counts::month,
            challenge_counts::value,
        ))
        .select((
            challenge_counts::org_id,
            challenge_counts::dimension,
            challenge_counts::month,
            challenge_counts::value,
            challenge_counts::n,
        ))
        .load(c)
        .unwrap()
}

fn all_counts(c: &mut DbConn, t: &Tree) -> (Counts, Counts, Counts, Counts) {
    let root_path = t.root.org_path().unwrap();
    let district_path = t.district.org_path().unwrap();
    (
        counts::counts(c, t.root.id(), "0000-00", "9999-99").unwrap(),
        counts::tally(c, &root_path, "0000-00", "9999-99").unwrap(),
        counts::counts(c, t.district.id(), "0000-00", "9999-99").unwrap(),
        counts::tally(c, &district_path, "0000-00", "9999-99").unwrap(),
    )
}

#[test]
fn filing_keeps_the_stored_counts_exact() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let month0 = lyceum_domain::radar::month_of(
        T0.date_in(&orgs::zone_of(c, &tr.root.org_path().unwrap()).unwrap()),
    );
    let month1 = lyceum_domain::radar::month_of(
        LATER.date_in(&orgs::zone_of(c, &tr.root.org_path().unwrap()).unwrap()),
    );
    assert_ne!(month0, month1);
    let a = file(
        c,
        &tr.teacher,
        &input("academic-integrity", "6-8", true),
        T0,
    );
    file(
        c,
        &tr.teacher,
        &input("academic-integrity", "6-8", false),
        T0,
    );
    file(c, &tr.teacher, &input("bias", "9-12", false), LATER);
    file(
        c,
        &tr.other_teacher,
        &input("academic-integrity", "9-12", true),
        T0,
    );
    let b = file(
        c,
        &tr.other_teacher,
        &input("workload", "k-2", false),
        LATER,
    );

    let (programme, programme_tally, district, district_tally) = all_counts(c, &tr);
    assert_eq!(programme, programme_tally);
    assert_eq!(district, district_tally);
    let cat = programme.of(Dimension::Category);
    assert_eq!(cat[&month0]["academic-integrity"], 3);
    assert_eq!(cat[&month1]["bias"], 1);
    assert_eq!(cat[&month1]["workload"], 1);
    assert_eq!(programme.totals(Dimension::Locale)["rural"], 3);
    assert_eq!(programme.totals(Dimension::Locale)["city"], 2);
    assert_eq!(programme.totals(Dimension::TitleI)["yes"], 3);
    assert_eq!(programme.totals(Dimension::TitleI)["no"], 2);
    assert_eq!(programme.totals(Dimension::GradeBand)["9-12"], 2);
    // The district's subtree: its school's three only.
    assert_eq!(
        district.totals(Dimension::Category).values().sum::<i64>(),
        3
    );
    // A month range reads only its months.
    let only0 = counts::counts(c, tr.root.id(), &month0, &month0).unwrap();
    assert_eq!(only0.totals(Dimension::Category).values().sum::<i64>(), 3);

    // The report records where its reporter taught.
    let r = radar::read(c, &tr.staff, a).unwrap();
    assert_eq!(r.locale, Some(lyceum_domain::org::Locale::Rural));
    assert_eq!(r.title_i, Some(true));
    assert_eq!(r.month, month0);

    // A merged duplicate stops counting.
    triage::merge(c, &tr.staff, b, a, T0).unwrap();
    let (programme, programme_tally, district, district_tally) = all_counts(c, &tr);
    assert_eq!(programme, programme_tally);
    assert_eq!(district, district_tally);
    assert_eq!(
        programme.totals(Dimension::Category).values().sum::<i64>(),
        4
    );
    assert_eq!(programme.totals(Dimension::Category).get("workload"), None);
}

#[test]
fn a_report_with_no_category_or_an_unknown_tool_is_refused_with_nothing_saved() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let mut i = input("", "6-8", false);
    match radar::file(c, tr.teacher.user_id, &i, T0) {
        Err(DbError::Invalid(e)) => {
            assert_eq!(
                (e.0[0].field.as_str(), e.0[0].code),
                ("category", "choose-one")
            )
        }
        other => panic!("{other:?}"),
    }
    i.category = "bias".into();
    i.tool = "999".into();
    match radar::file(c, tr.teacher.user_id, &i, T0) {
        Err(DbError::Invalid(e)) => {
            assert_eq!(
                (e.0[0].field.as_str(), e.0[0].code),
                ("tool", "unknown-tool")
            )
        }
        other => panic!("{other:?}"),
    }
    let n: i64 = challenge_reports::table.count().get_result(c).unwrap();
    assert_eq!(n, 0);
    assert!(stored_counts(c).is_empty());
}

#[test]
fn a_merge_into_itself_is_refused_with_nothing_changed() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let a = file(c, &tr.teacher, &input("bias", "6-8", true), T0);
    let b = file(c, &tr.teacher, &input("bias", "6-8", false), T0);
    let d = file(c, &tr.teacher, &input("bias", "6-8", false), T0);
    let other = file(c, &tr.other_teacher, &input("bias", "6-8", false), T0);
    let before = (
        stored_counts(c),
        audit_log::table.count().get_result::<i64>(c).unwrap(),
    );
    let row = |c: &mut DbConn, id: ChallengeId| {
        let r = radar::read(c, &tr.staff, id).unwrap();
        (r.merged_into, r.status, r.updated_at)
    };
    let a_before = row(c, a);

    let refused = |r: Result<(), DbError>, field: &str, code: &str| match r {
        Err(DbError::Invalid(e)) => assert_eq!((e.0[0].field.as_str(), e.0[0].code), (field, code)),
        other => panic!("{other:?}"),
    };
    refused(
        triage::merge(c, &tr.staff, a, a, LATER),
        "into",
        "challenge-merge-itself",
    );
    refused(
        triage::merge(c, &tr.district_admin, a, a, LATER),
        "into",
        "challenge-merge-itself",
    );
    assert_eq!(row(c, a), a_before);
    assert_eq!(
        before,
        (
            stored_counts(c),
            audit_log::table.count().get_result::<i64>(c).unwrap()
        )
    );

    // Out of the mover's scope: the sibling district's report, either way.
    refused(
        triage::merge(c, &tr.district_admin, a, other, LATER),
        "into",
        "unknown-challenge",
    );
    assert!(matches!(
        triage::merge(c, &tr.district_admin, other, a, LATER),
        Err(DbError::NotFound)
    ));
    assert_eq!(
        before,
        (
            stored_counts(c),
            audit_log::table.count().get_result::<i64>(c).unwrap()
        )
    );

    // Into one merged elsewhere, and a report merged already.
    triage::merge(c, &tr.district_admin, b, a, LATER).unwrap();
    refused(
        triage::merge(c, &tr.district_admin, d, b, LATER),
        "into",
        "challenge-merged-already",
    );
    refused(
        triage::merge(c, &tr.district_admin, b, d, LATER),
        "report",
        "challenge-merged-already",
    );
    assert_eq!(row(c, b).0, Some(a));
    assert_eq!(row(c, d).0, None);
    // A report merged into a duplicate follows it: no chains.
    triage::merge(c, &tr.district_admin, a, d, LATER).unwrap();
    assert_eq!(row(c, b).0, Some(d));
    assert_eq!(row(c, a).0, Some(d));
    // And the queue shows neither.
    let q = radar::queue(c, &tr.district_admin, None, None, 50).unwrap();
    assert_eq!(q.iter().map(|r| r.id).collect::<Vec<_>>(), vec![d]);
}

#[test]
fn an_org_admin_of_a_sibling_cannot_triage() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let id = file(c, &tr.teacher, &input("student-privacy", "3-5", false), T0);
    let before = radar::read(c, &tr.staff, id).unwrap();

    assert!(matches!(
        triage::triage(
            c,
            &tr.other_admin,
            id,
            &triage_input("triaged", "x"),
            BASE,
            LATER
        ),
        Err(DbError::NotFound)
    ));
    assert!(matches!(
        radar::read(c, &tr.other_admin, id),
        Err(DbError::NotFound)
    ));
    assert!(
        radar::queue(c, &tr.other_admin, None, None, 50)
            .unwrap()
            .is_empty()
    );
    // Nor a fellow teacher, nor the reporter themselves.
    assert!(matches!(
        triage::triage(
            c,
            &tr.other_teacher,
            id,
            &triage_input("triaged", ""),
            BASE,
            LATER
        ),
        Err(DbError::NotFound)
    ));
    assert!(matches!(
        triage::triage(
            c,
            &tr.teacher,
            id,
            &triage_input("triaged", ""),
            BASE,
            LATER
        ),
        Err(DbError::NotFound)
    ));
    let after = radar::read(c, &tr.staff, id).unwrap();
    assert_eq!(
        (after.status, after.updated_at),
        (before.status, before.updated_at)
    );

    // The district's admin may, and the queue is theirs.
    let q = radar::queue(c, &tr.district_admin, Some(Status::New), None, 50).unwrap();
    assert_eq!(q.iter().map(|r| r.id).collect::<Vec<_>>(), vec![id]);
    let r = triage::triage(
        c,
        &tr.district_admin,
        id,
        &triage_input("triaged", "Phones, photos"),
        BASE,
        LATER,
    )
    .unwrap();
    assert_eq!(r.status, Status::Triaged);
    assert_eq!(r.tags, vec!["phones".to_string(), "photos".to_string()]);
    assert!(
        radar::queue(c, &tr.district_admin, Some(Status::New), None, 50)
            .unwrap()
            .is_empty()
    );
    // Bad input changes nothing.
    for (i, field, code) in [
        (
            triage_input("new", ""),
            "status",
            "challenge-status-not-allowed",
        ),
        (
            triage_input("triaged", "a,b,c,d,e,f"),
            "tags",
            "too-many-tags",
        ),
        (triage_input("addressed", ""), "answer", "answer-required"),
    ] {
        match triage::triage(c, &tr.district_admin, id, &i, BASE, LATER) {
            Err(DbError::Invalid(e)) => {
                assert_eq!((e.0[0].field.as_str(), e.0[0].code), (field, code))
            }
            other => panic!("{other:?}"),
        }
    }
    let resource = TriageInput {
        answer: "resource".into(),
        answer_id: "424242".into(),
        ..triage_input("addressed", "")
    };
    match triage::triage(c, &tr.district_admin, id, &resource, BASE, LATER) {
        Err(DbError::Invalid(e)) => {
            assert_eq!(
                (e.0[0].field.as_str(), e.0[0].code),
                ("answer_id", "unknown-answer")
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(radar::read(c, &tr.staff, id).unwrap().tags, r.tags);
}

/// Every way the reporter could show in a row's Debug output.
fn assert_no_reporter(what: &str, text: &str, reporter: UserId) {
    for needle in [
        format!("UserId({})", reporter.0),
        "ana.reporter".to_string(),
        "ana.reporter@example.org".to_string(),
    ] {
        assert!(!text.contains(&needle), "{what} shows {needle}: {text}");
    }
}

#[test]
fn an_org_admins_read_of_an_anonymous_report_carries_no_reporter() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let reporter = tr.teacher.user_id;
    let id = file(c, &tr.teacher, &input("student-wellbeing", "6-8", true), T0);
    let named = file(c, &tr.teacher, &input("workload", "6-8", false), T0);

    let r = radar::read(c, &tr.district_admin, id).unwrap();
    assert_eq!(r.by, Reporter::Anonymous);
    assert_no_reporter("read", &format!("{r:?}"), reporter);
    let q = radar::queue(c, &tr.district_admin, None, None, 50).unwrap();
    assert_eq!(q.len(), 2);
    let anon = q.iter().find(|r| r.id == id).unwrap();
    assert_no_reporter("queue", &format!("{anon:?}"), reporter);
    // A programme admin's ordinary reads say no more.
    assert_no_reporter(
        "staff read",
        &format!("{:?}", radar::read(c, &tr.staff, id).unwrap()),
        reporter,
    );
    // The named one names them.
    let n = q.iter().find(|r| r.id == named).unwrap();
    assert!(matches!(&n.by, Reporter::Named { id, .. } if *id == reporter));
    // The reporter sees their own, still anonymous.
    let mine = radar::mine(c, reporter, 10).unwrap();
    assert_eq!(mine.len(), 2);
    assert_no_reporter(
        "mine",
        &format!("{:?}", mine.iter().find(|r| r.id == id).unwrap()),
        reporter,
    );

    // Only programme admins learn who it was.
    assert!(matches!(
        radar::read_for_staff(c, &tr.district_admin, id),
        Err(DbError::NotFound)
    ));
    let s = radar::read_for_staff(c, &tr.staff, id).unwrap();
    assert_eq!(s.reporter.as_ref().map(|r| r.0), Some(reporter));
    assert_eq!(s.report.by, Reporter::Anonymous);
}

#[test]
fn addressed_tells_the_reporter_and_nobody_else() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let reporter = tr.teacher.user_id;
    let id = file(c, &tr.teacher, &input("wrong-answers", "9-12", true), T0);
    // Never straight from new to addressed.
    let guidance = TriageInput {
        answer: "guidance".into(),
        guidance: "Have students check each claim against the textbook.".into(),
        ..triage_input("addressed", "sources")
    };
    match triage::triage(c, &tr.district_admin, id, &guidance, BASE, T0) {
        Err(DbError::Invalid(e)) => assert_eq!(e.0[0].code, "challenge-status-not-allowed"),
        other => panic!("{other:?}"),
    }
    triage::triage(
        c,
        &tr.district_admin,
        id,
        &triage_input("triaged", ""),
        BASE,
        T0,
    )
    .unwrap();
    let told = |c: &mut DbConn| -> i64 { notifications::table.count().get_result(c).unwrap() };
    assert_eq!(told(c), 0);
    let r = triage::triage(c, &tr.district_admin, id, &guidance, BASE, LATER).unwrap();
    assert_eq!(r.status, Status::Addressed);
    assert!(matches!(
        r.answer,
        Some(lyceum_domain::radar::Answer::Guidance(_))
    ));

    let lines = notices::of(c, reporter, 10).unwrap();
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    assert_eq!(
        line.kind,
        lyceum_domain::community::NotificationKind::ChallengeAddressed
    );
    assert_eq!(
        line.link.as_deref(),
        Some(format!("/challenges/{}", id.0).as_str())
    );
    // Named after nobody but the reporter (who triaged it stays unnamed).
    assert_eq!(line.actor, "ana.reporter");
    assert!(line.about().starts_with("The chatbot invented"));
    assert_eq!(told(c), 1);
    // Changing only its tags tells nobody again; reopening and addressing it does.
    triage::triage(
        c,
        &tr.district_admin,
        id,
        &TriageInput {
            tags: "a".into(),
            ..guidance.clone()
        },
        BASE,
        LATER,
    )
    .unwrap();
    assert_eq!(told(c), 1);
    triage::triage(c, &tr.staff, id, &triage_input("triaged", ""), BASE, LATER).unwrap();
    triage::triage(c, &tr.staff, id, &guidance, BASE, LATER).unwrap();
    assert_eq!(told(c), 2);
    let to: Vec<i64> = notifications::table
        .select(notifications::user_id)
        .load(c)
        .unwrap();
    assert!(to.iter().all(|u| *u == reporter.0), "{to:?}");
}

#[test]
fn the_audit_of_an_anonymous_reports_life_never_names_its_reporter() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let reporter = tr.teacher.user_id;
    let id = file(
        c,
        &tr.teacher,
        &input("academic-integrity", "6-8", true),
        T0,
    );
    let dup = file(
        c,
        &tr.teacher,
        &input("academic-integrity", "6-8", true),
        T0,
    );
    triage::triage(
        c,
        &tr.district_admin,
        id,
        &triage_input("triaged", "essays"),
        BASE,
        T0,
    )
    .unwrap();
    let answered = TriageInput {
        answer: "guidance".into(),
        guidance: "Ask for drafts written in class.".into(),
        ..triage_input("addressed", "essays")
    };
    triage::triage(c, &tr.staff, id, &answered, BASE, LATER).unwrap();
    triage::merge(c, &tr.district_admin, dup, id, LATER).unwrap();

    type Entry = (Option<i64>, String, Option<i64>, String);
    let entries: Vec<Entry> = audit_log::table
        .filter(audit_log::action.like("challenge.%"))
        .select((
            audit_log::actor_id,
            audit_log::action,
            audit_log::subject_user_id,
            audit_log::detail,
        ))
        .load(c)
        .unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(
        actions,
        vec![
            "challenge.file",
            "challenge.file",
            "challenge.triage",
            "challenge.triage",
            "challenge.merge"
        ]
    );
    for (actor, action, subject, detail) in &entries {
        assert_ne!(
            *actor,
            Some(reporter.0),
            "{action} names the reporter as actor"
        );
        assert_ne!(
            *subject,
            Some(reporter.0),
            "{action} names the reporter as subject"
        );
        assert!(!detail.contains("ana.reporter"), "{action}: {detail}");
        let json: serde_json::Value = serde_json::from_str(detail).unwrap();
        let ids: Vec<i64> = json
            .as_object()
            .unwrap()
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "report" | "into" | "old" | "new"))
            .filter_map(|(_, v)| v.as_i64())
            .collect();
        assert!(!ids.contains(&reporter.0), "{action}: {detail}");
    }
    // The filings have no actor at all.
    assert!(
        entries
            .iter()
            .filter(|e| e.1 == "challenge.file")
            .all(|e| e.0.is_none())
    );
}

#[test]
fn the_radars_addressed_list_keeps_to_its_scope_and_leaves_out_the_rest() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let here = file(c, &tr.teacher, &input("bias", "6-8", true), T0);
    let there = file(c, &tr.other_teacher, &input("workload", "3-5", false), T0);
    let open = file(c, &tr.teacher, &input("other", "3-5", false), T0);
    let guidance = TriageInput {
        answer: "guidance".into(),
        guidance: "Compare outputs for two names.".into(),
        ..triage_input("addressed", "")
    };
    for id in [here, there] {
        triage::triage(c, &tr.staff, id, &triage_input("triaged", ""), BASE, T0).unwrap();
        triage::triage(c, &tr.staff, id, &guidance, BASE, LATER).unwrap();
    }
    let root = tr.root.org_path().unwrap();
    let district = tr.district.org_path().unwrap();
    let all = radar::addressed(c, &root, 10).unwrap();
    assert_eq!(
        all.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![there, here]
    );
    let mine = radar::addressed(c, &district, 10).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].id, here);
    assert_eq!(mine[0].category, lyceum_domain::radar::Category::Bias);
    assert!(matches!(
        mine[0].answer,
        Some(lyceum_domain::radar::Answer::Guidance(_))
    ));
    assert!(!all.iter().any(|a| a.id == open));
    assert_eq!(radar::addressed(c, &root, 1).unwrap().len(), 1);
    assert!(radar::filed_by(c, here, tr.teacher.user_id).unwrap());
    assert!(!radar::filed_by(c, here, tr.district_admin.user_id).unwrap());
}

/// A reporter who deletes their account leaves their reports counted and
/// readable to triagers, named by nobody: not the programme's admins, not
/// their own former "My reports".
#[test]
fn a_deleted_reporters_reports_stay_counted_and_unnamed() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    let named = file(c, &tr.teacher, &input("wrong-answers", "9-12", false), T0);
    let anonymous = file(c, &tr.teacher, &input("student-privacy", "6-8", true), T0);
    let before = all_counts(c, &tr);
    lyceum_db::accounts::delete_account(c, tr.teacher.user_id, LATER).unwrap();
    assert_eq!(all_counts(c, &tr), before);
    for (id, shown) in [(named, Reporter::Gone), (anonymous, Reporter::Anonymous)] {
        let staff = radar::read_for_staff(c, &tr.staff, id).unwrap();
        assert!(staff.reporter.is_none(), "{staff:?}");
        let admin = radar::read(c, &tr.district_admin, id).unwrap();
        assert_eq!(admin.by, shown);
        assert!(!radar::filed_by(c, id, tr.teacher.user_id).unwrap());
    }
    assert!(radar::mine(c, tr.teacher.user_id, 10).unwrap().is_empty());
}

/// The radar's newest addressed reports walk their own index newest first,
/// the subtree checked in the index: the programme's radar reads a page of
/// rows, never every report in the subtree sorted (as it did at full scale,
/// 40,000 reports: 6 radars a second). Planned with the statistics
/// `ANALYZE` wrote on the full-scale seed (40,000 reports, four statuses):
/// with them SQLite preferred the index on `org_path` for the programme's
/// range, which holds every report (78 radars a second), until the
/// programme's list stopped asking for a range that is always the whole.
#[test]
fn the_radars_addressed_list_reads_its_index_newest_first() {
    let t = TestDb::new();
    if t.db.backend() != Backend::Sqlite {
        return;
    }
    let c = &mut t.db.get().unwrap();
    let tr = tree(c);
    diesel::sql_query("ANALYZE").execute(c).unwrap();
    diesel::sql_query("DELETE FROM sqlite_stat1 WHERE tbl = 'challenge_reports'")
        .execute(c)
        .unwrap();
    for (index, stat) in [
        ("challenge_reports_by_status", "40000 10000 1 1"),
        ("challenge_reports_tool_category", "40000 150 150 18"),
        ("challenge_reports_merged", "40000 40000"),
        ("challenge_reports_reporter", "40000 1"),
        ("challenge_reports_from", "40000 3 1"),
    ] {
        diesel::sql_query(
            "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('challenge_reports', ?, ?)",
        )
        .bind::<diesel::sql_types::Text, _>(index)
        .bind::<diesel::sql_types::Text, _>(stat)
        .execute(c)
        .unwrap();
    }
    // Read again by the planner (SQLite's documented way).
    diesel::sql_query("ANALYZE sqlite_schema")
        .execute(c)
        .unwrap();
    let path = tr.root.org_path().unwrap();
    let (_, plan) = plan_of(c, "challenge_reports", |c| {
        radar::addressed(c, &path, 10).unwrap();
    });
    assert!(plan.contains("challenge_reports_by_status"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
}
