//! The practice library as stored (issue 19): a draft's revision never
//! repeats across versions, so a curator's stale read is refused; the
//! library's version moves only with what its list shows; a new trial
//! report queues its followers' telling instead of writing it while filing;
//! one "Practice library" space however many publish at once; resource
//! comments limited by a claim in the database.

use crate::T0;
use diesel::prelude::*;
use lyceum_db::library::practices::{self, Decision};
use lyceum_db::library::{self, browse, resources, trials};
use lyceum_db::schema::{
    classroom_practice_follows, classroom_practices, jobs, notifications, resource_comments, spaces,
};
use lyceum_db::{DbConn, DbError, memberships, orgs, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::resource::ResourceDetails;
use lyceum_domain::library::trial::TrialInput;
use lyceum_domain::library::{Licence, PracticeContent, ResourceKind};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, PracticeId, UserId};
use lyceum_testdb::TestDb;
use std::time::Duration;

const BASE: &str = "https://lyceum.example";

fn content(title: &str) -> PracticeContent {
    PracticeContent {
        language: Lang::En,
        title: title.into(),
        summary: "Students find and fix the error in an AI-written solution.".into(),
        goal: "Students justify each step of a two-step equation.".into(),
        subjects: vec![Subject::Math],
        grade_bands: vec![GradeBand::G6to8],
        competencies: vec![],
        tools: "Any chatbot".into(),
        steps: "1. Show the solution.\n2. Pairs mark the wrong step.".into(),
        materials: vec![],
        minutes: 30,
        equity_notes: String::new(),
        privacy_notes: "No student accounts.".into(),
        logic_model: String::new(),
        licence: Licence::CcBy,
    }
}

fn person(c: &mut DbConn, name: &str, org: &orgs::OrgRow, role: Role) -> UserId {
    let email = EmailAddress::parse(&format!("{name}@example.org")).unwrap();
    let id = users::insert(
        c,
        &users::NewUser {
            email: &email,
            display_name: name,
            password_hash: None,
            lang: Lang::En,
            verified: true,
        },
        T0,
    )
    .unwrap();
    memberships::add(c, id, org, role, T0).unwrap();
    id
}

/// The programme, an author (an educator there) and a curator (its admin).
fn setup(c: &mut DbConn) -> (OrgId, UserId, UserId) {
    let root = orgs::create_root(c, "Programme", T0).unwrap();
    let author = person(c, "author", &root, Role::Educator);
    let curator = person(c, "curator", &root, Role::ProgrammeAdmin);
    (root.id(), author, curator)
}

fn submit(c: &mut DbConn, id: PracticeId, author: UserId) {
    let (row, owner) = library::practice(c, id).unwrap().unwrap();
    practices::submit(c, &row, &owner, author, BASE, T0).unwrap();
}

fn publish(c: &mut DbConn, id: PracticeId, curator: UserId, seen: i32) -> Result<i32, DbError> {
    let (row, owner) = library::practice(c, id).unwrap().unwrap();
    practices::decide(c, &row, &owner, curator, Decision::Publish, seen, BASE, T0)
}

/// A curator who read version 1's draft and sends that page after version 2
/// was written and submitted is refused: the new draft's revisions count on
/// from the last version's, so the one they read names no other draft.
#[test]
fn a_stale_revision_from_the_previous_version_is_refused() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let (root, author, curator) = setup(c);
    let id = library::start(c, root, author, &content("Version one"), T0).unwrap();
    submit(c, id, author);
    let read = library::draft(c, id).unwrap().unwrap().revision;
    assert_eq!(publish(c, id, curator, read).unwrap(), 1);

    // Version 2: started from the published one (revision 0), submitted.
    let (row, _) = library::practice(c, id).unwrap().unwrap();
    assert_eq!(practices::to_edit(c, &row).unwrap().unwrap().revision, 0);
    let next = practices::save(c, id, author, &content("Version two"), &[], 0, T0).unwrap();
    assert!(next > read, "revision {next} repeats {read}");
    submit(c, id, author);

    // The page read of version 1 publishes nothing.
    match publish(c, id, curator, read) {
        Err(DbError::Invalid(e)) => {
            assert_eq!(e.0[0].field, "revision", "{e:?}");
            assert_eq!(e.0[0].code, "practice-changed-since-read", "{e:?}");
        }
        other => panic!("{other:?}"),
    }
    let (row, _) = library::practice(c, id).unwrap().unwrap();
    assert_eq!((row.version, row.title.as_str()), (1, "Version one"));

    // The revision read now publishes it.
    let fresh = library::draft(c, id).unwrap().unwrap().revision;
    assert_eq!(fresh, next);
    assert_eq!(publish(c, id, curator, fresh).unwrap(), 2);
    // And version 3's draft counts on again.
    let third = practices::save(c, id, author, &content("Version three"), &[], 0, T0).unwrap();
    assert!(third > fresh, "revision {third} repeats {fresh}");
}

/// The library's version (every server's cache key) moves with a change to
/// a column the list shows, and not with one to a column it does not.
#[test]
fn the_library_version_moves_only_with_what_the_list_shows() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let (root, author, curator) = setup(c);
    let id = library::start(c, root, author, &content("Listed"), T0).unwrap();
    library::publish_version(c, id, &content("Listed"), curator, T0).unwrap();
    let row = || classroom_practices::table.find(id.0);
    let v = browse::version(c).unwrap();

    diesel::update(row())
        .set(classroom_practices::updated_at.eq(T0.micros() + 1))
        .execute(c)
        .unwrap();
    diesel::update(row())
        .set(classroom_practices::proposed_reasons.eq("[]"))
        .execute(c)
        .unwrap();
    diesel::update(row())
        .set(classroom_practices::tier_reason.eq("Checked."))
        .execute(c)
        .unwrap();
    assert_eq!(browse::version(c).unwrap(), v, "unlisted columns");

    let mut last = v;
    diesel::update(row())
        .set(classroom_practices::trials.eq(3))
        .execute(c)
        .unwrap();
    let now = browse::version(c).unwrap();
    assert!(now > last, "the trial count");
    last = now;
    diesel::update(row())
        .set(classroom_practices::title.eq("Listed, renamed"))
        .execute(c)
        .unwrap();
    let now = browse::version(c).unwrap();
    assert!(now > last, "the title");
    last = now;
    diesel::update(row())
        .set(classroom_practices::tier.eq(Some(4)))
        .execute(c)
        .unwrap();
    assert!(browse::version(c).unwrap() > last, "the tier");
}

fn report(c: &mut DbConn, id: PracticeId, who: UserId) -> trials::Filed {
    let input = TrialInput {
        subject: "math".into(),
        grade_band: "6-8".into(),
        students: "24".into(),
        periods: "1".into(),
        fidelity: "as_written".into(),
        happened: "It went as planned; the class caught the error.".into(),
        use_again: "yes".into(),
        design: "none".into(),
        ..TrialInput::default()
    };
    trials::file(c, id, who, &input, BASE, T0).unwrap()
}

fn told_of_reports(c: &mut DbConn, id: PracticeId) -> Vec<i64> {
    notifications::table
        .filter(notifications::kind.eq("trial-reported"))
        .filter(notifications::link.eq(format!("/practices/{}/trials", id.0)))
        .order(notifications::user_id)
        .select(notifications::user_id)
        .load(c)
        .unwrap()
}

/// Filing a report tells the author in its transaction and queues one job
/// for the followers, however many: the worker tells them a batch at a
/// time, and a retry tells nobody twice.
#[test]
fn a_new_report_queues_its_followers_and_tells_the_author() {
    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let (root, author, curator) = setup(c);
    let id = library::start(c, root, author, &content("Followed"), T0).unwrap();
    library::publish_version(c, id, &content("Followed"), curator, T0).unwrap();
    let root_row = orgs::get(c, root).unwrap();
    let reporter = person(c, "reporter", &root_row, Role::Educator);
    let mut followers: Vec<i64> = (0..(trials::BATCH + 2))
        .map(|i| person(c, &format!("follower{i}"), &root_row, Role::Educator).0)
        .collect();
    // The author and the reporter follow too: neither is told by the job.
    followers.extend([author.0, reporter.0]);
    for f in &followers {
        diesel::insert_into(classroom_practice_follows::table)
            .values((
                classroom_practice_follows::practice_id.eq(id.0),
                classroom_practice_follows::user_id.eq(f),
                classroom_practice_follows::created_at.eq(T0.micros()),
            ))
            .execute(c)
            .unwrap();
    }
    let trials::Filed::New(filed) = report(c, id, reporter) else {
        panic!("a first report");
    };
    assert_eq!(told_of_reports(c, id), vec![author.0], "only the author");
    let queued: Vec<String> = jobs::table
        .filter(jobs::kind.eq("trial_reported"))
        .select(jobs::payload)
        .load(c)
        .unwrap();
    assert_eq!(queued.len(), 1, "{queued:?}");

    // The job's batches, then the job again (a retry).
    for _ in 0..2 {
        let mut after = 0;
        let mut batches = 0;
        while let Some(next) = trials::tell_followers(c, filed, BASE, after).unwrap() {
            after = next;
            batches += 1;
        }
        assert!(batches >= 1);
        let mut expected: Vec<i64> = followers
            .iter()
            .copied()
            .filter(|f| *f != reporter.0)
            .collect();
        expected.sort_unstable();
        assert_eq!(told_of_reports(c, id), expected);
    }

    // An update of the report queues nothing and tells nobody.
    assert_eq!(report(c, id, reporter), trials::Filed::Updated(filed));
    let queued: i64 = jobs::table
        .filter(jobs::kind.eq("trial_reported"))
        .count()
        .get_result(c)
        .unwrap();
    assert_eq!(queued, 1);
}

/// Publications at the same instant on several connections (app servers)
/// find one "Practice library" space: the first makes it, the others wait
/// for its key and read it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_practice_library_space_however_many_publish_at_once() {
    let t = TestDb::new();
    let (root, _, curator) = t.db.write(|c| Ok(setup(c))).await.unwrap();
    let tries: Vec<_> = (0..6)
        .map(|_| {
            let db = t.db.clone();
            tokio::spawn(async move {
                db.write(move |c| {
                    let space = practices::library_space(c, root, curator, T0)?;
                    // Held open a moment, as a publication's other writes do.
                    std::thread::sleep(Duration::from_millis(100));
                    Ok(space)
                })
                .await
            })
        })
        .collect();
    let mut found = Vec::new();
    for t in tries {
        found.push(t.await.unwrap().unwrap());
    }
    found.dedup();
    assert_eq!(found.len(), 1, "{found:?}");
    let made: i64 =
        t.db.read(|c| {
            Ok(spaces::table
                .filter(spaces::title.eq(practices::SPACE_TITLE))
                .count()
                .get_result(c)?)
        })
        .await
        .unwrap();
    assert_eq!(made, 1);
}

/// Comments sent at once (on several app servers) get the allowance and no
/// more: each claims its slot in the database in its own transaction.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_comments_get_only_the_allowance() {
    let t = TestDb::new();
    let (resource, who) =
        t.db.write(|c| {
            let (root, author, curator) = setup(c);
            let details = ResourceDetails {
                title: "Prompt templates for feedback".into(),
                description: "Templates that keep the teacher in the loop.".into(),
                kind: ResourceKind::PromptTemplate,
                licence: Licence::CcBy,
                language: Lang::En,
                subjects: vec![],
                grade_bands: vec![],
                competencies: vec![],
            };
            let source = resources::Source::Link("https://example.org/templates".into());
            Ok((
                resources::create(c, root, curator, &details, &source, T0)?,
                author,
            ))
        })
        .await
        .unwrap();
    let allowance = lyceum_domain::library::resource::COMMENTS.free as usize;
    let tries: Vec<_> = (0..allowance * 2)
        .map(|i| {
            let db = t.db.clone();
            tokio::spawn(async move {
                db.write(move |c| {
                    resources::comment_limited(c, resource, who, &format!("Useful {i}."), T0)
                })
                .await
                .unwrap()
            })
        })
        .collect();
    let mut written = 0;
    for t in tries {
        written += usize::from(t.await.unwrap().is_ok());
    }
    assert_eq!(written, allowance);
    let stored: i64 =
        t.db.read(move |c| {
            Ok(resource_comments::table
                .filter(resource_comments::resource_id.eq(resource.0))
                .count()
                .get_result(c)?)
        })
        .await
        .unwrap();
    assert_eq!(stored, allowance as i64);
    // The next is refused until the wait is over; then one goes through.
    let later = T0.plus(lyceum_domain::library::resource::COMMENTS.first);
    let r =
        t.db.write(move |c| resources::comment_limited(c, resource, who, "Again.", T0))
            .await
            .unwrap();
    assert_eq!(r, Err(later));
    let r =
        t.db.write(move |c| resources::comment_limited(c, resource, who, "Again.", later))
            .await
            .unwrap();
    assert!(r.is_ok(), "{r:?}");
}

/// A practice links registry tools (twice is once; an unknown tool is
/// refused with nothing written); the tool lists the practices that use it
/// once they are published, and its challenge reports by category, merged
/// duplicates left out.
#[test]
fn a_tool_lists_its_published_practices_and_its_challenges() {
    use lyceum_db::radar::{self, triage};
    use lyceum_db::registry::{self, links};
    use lyceum_domain::ToolId;
    use lyceum_domain::radar::{Category, ReportInput};
    use lyceum_domain::registry::ToolInput;

    let t = TestDb::new();
    let c = &mut t.db.get().unwrap();
    let (root, author, curator) = setup(c);
    let admin = lyceum_domain::policy::Actor {
        user_id: curator,
        grants: memberships::grants_of(c, curator).unwrap(),
    };
    let add = |c: &mut DbConn, name: &str| {
        let tool = lyceum_domain::registry::check(&ToolInput {
            name: name.into(),
            vendor: "Vendor".into(),
            url: "https://example.com/".into(),
            description: "A tutor.".into(),
            min_age: "8".into(),
            max_age: "14".into(),
            cost_model: "free".into(),
            privacy_agreement: "available".into(),
        })
        .unwrap();
        registry::create(c, &admin, &tool, T0).unwrap()
    };
    let tutor = add(c, "Tutor Chat");
    let other = add(c, "Image Maker");
    let id = library::start(c, root, author, &content("Fix the AI's step"), T0).unwrap();
    links::link_practice(c, id, tutor, true).unwrap();
    links::link_practice(c, id, tutor, true).unwrap();
    match links::link_practice(c, id, ToolId(999), true) {
        Err(DbError::Invalid(e)) => assert_eq!(e.0[0].code, "unknown-tool", "{e:?}"),
        other => panic!("an unknown tool linked: {other:?}"),
    }
    let names = |c: &mut DbConn| -> Vec<String> {
        links::of_practice(c, id)
            .unwrap()
            .into_iter()
            .map(|t| t.name)
            .collect()
    };
    assert_eq!(names(c), ["Tutor Chat"]);
    // Not yet published: the tool's page does not list it.
    assert_eq!(links::practices_of(c, tutor).unwrap().1, 0);
    submit(c, id, author);
    let read = library::draft(c, id).unwrap().unwrap().revision;
    publish(c, id, curator, read).unwrap();
    let (shown, total) = links::practices_of(c, tutor).unwrap();
    assert_eq!(total, 1);
    assert_eq!(shown[0].id, id);
    assert_eq!(shown[0].title, "Fix the AI's step");
    assert_eq!(links::practices_of(c, other).unwrap().1, 0);
    links::link_practice(c, id, tutor, false).unwrap();
    assert!(names(c).is_empty());

    // Challenges naming the tool, by category in the categories' order.
    let filed = |c: &mut DbConn, category: &str| {
        let input = ReportInput {
            category: category.into(),
            severity: "nuisance".into(),
            tool: tutor.0.to_string(),
            subject: "math".into(),
            grade_band: "6-8".into(),
            happened: "It gave the answer instead of a hint.".into(),
            tried: String::new(),
            anonymous: None,
        };
        radar::file(c, author, &input, T0).unwrap()
    };
    filed(c, "wrong-answers");
    let first = filed(c, "academic-integrity");
    let dup = filed(c, "academic-integrity");
    filed(c, "academic-integrity");
    triage::merge(c, &admin, dup, first, T0).unwrap();
    assert_eq!(
        links::challenges_of(c, tutor).unwrap(),
        [
            (Category::AcademicIntegrity, 2),
            (Category::WrongAnswers, 1)
        ]
    );
    assert!(links::challenges_of(c, other).unwrap().is_empty());
}
