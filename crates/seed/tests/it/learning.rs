//! A small seed with its catalogue and learning: every row agrees with the
//! others as if learners had enrolled, finished lessons, passed quizzes and
//! completed courses one request at a time — and the real code carries on
//! from where the seed left off.

use diesel::prelude::*;
use lyceum_db::credit::{self, CertifiedCompetency};
use lyceum_db::schema::{
    certificates, course_competencies, courses, enrolments, lesson_progress, lessons, orgs,
    pd_ledger, quiz_attempts, users,
};
use lyceum_db::{DbError, courses as course_db, learning};
use lyceum_domain::pd::school_year;
use lyceum_domain::xapi::{Activity, ActivityType, Statement, Verb, statement_id};
use lyceum_domain::{Timestamp, UserId};
use lyceum_seed::to_db::{self, BenchAccounts, Learning, Written};
use lyceum_seed::{Params, generate};
use lyceum_testdb::TestDb;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A fixed "now", so two seeds can be compared.
const NOW: Timestamp = Timestamp::from_micros(1_795_638_223_000_000);
const EDUCATORS: usize = 500;
const COURSES: usize = 300;

async fn seed(t: &TestDb) -> Written {
    to_db::write(
        &t.db,
        generate(Params {
            educators: EDUCATORS,
            seed: 7,
        }),
        Some(BenchAccounts {
            password_hash: "not-used".into(),
        }),
        Some(Learning {
            courses: COURSES,
            seed: 7,
        }),
        NOW,
    )
    .await
    .unwrap()
}

/// (user, course, lesson key) → attempts: (score, passed, when).
type Attempts = HashMap<(i64, i64, String), Vec<(i32, bool, i64)>>;
type EnrolmentCols = (i64, i64, i32, i64, Option<i64>, Option<String>, i64);
type LedgerCols = (i64, String, Option<i64>, String, i32, i64, i32, i64);
type CertificateCols = (
    i64,
    i64,
    i32,
    String,
    String,
    String,
    i32,
    String,
    String,
    i64,
    String,
);

/// Everything the seed wrote about learning.
struct Rows {
    /// Learner → the zone their school years are reckoned in.
    zones: HashMap<i64, lyceum_domain::time::TimeZone>,
    /// id → (slug, title, language, quarter hours, completions, search text).
    courses: HashMap<i64, (String, String, String, i32, i64, String)>,
    /// (course, version) → lesson keys in course order, with whether each has a quiz.
    lessons: HashMap<(i64, i32), Vec<(String, bool)>>,
    competencies: HashMap<i64, Vec<String>>,
    enrolments: Vec<EnrolmentCols>,
    /// (user, course) → (key, when), oldest first.
    progress: HashMap<(i64, i64), Vec<(String, i64)>>,
    attempts: Attempts,
    ledger: Vec<LedgerCols>,
    certificates: Vec<CertificateCols>,
    names: HashMap<i64, String>,
    issuer: String,
}

async fn rows(t: &TestDb) -> Rows {
    t.db.read(|c| {
        let courses = courses::table
            .select((
                courses::id,
                courses::slug,
                courses::title,
                courses::language,
                courses::pd_quarter_hours,
                courses::completions,
                courses::search_text,
            ))
            .load::<(i64, String, String, String, i32, i64, String)>(c)?
            .into_iter()
            .map(|(id, s, t, l, h, n, x)| (id, (s, t, l, h, n, x)))
            .collect();
        let mut lesson_map: HashMap<(i64, i32), Vec<(String, bool)>> = HashMap::new();
        for (course, version, key, quiz) in lessons::table
            .order((
                lessons::course_id,
                lessons::version,
                lessons::module_position,
                lessons::position,
            ))
            .select((
                lessons::course_id,
                lessons::version,
                lessons::key,
                lessons::quiz.is_not_null(),
            ))
            .load::<(i64, i32, String, bool)>(c)?
        {
            lesson_map
                .entry((course, version))
                .or_default()
                .push((key, quiz));
        }
        let mut competencies: HashMap<i64, Vec<String>> = HashMap::new();
        for (course, id) in course_competencies::table
            .order((
                course_competencies::course_id,
                course_competencies::position,
            ))
            .select((
                course_competencies::course_id,
                course_competencies::competency_id,
            ))
            .load::<(i64, String)>(c)?
        {
            competencies.entry(course).or_default().push(id);
        }
        let enrolments = enrolments::table
            .order((enrolments::user_id, enrolments::course_id))
            .load::<EnrolmentCols>(c)?;
        let mut progress: HashMap<(i64, i64), Vec<(String, i64)>> = HashMap::new();
        for (user, course, key, at) in lesson_progress::table
            .order(lesson_progress::completed_at)
            .load::<(i64, i64, String, i64)>(c)?
        {
            progress.entry((user, course)).or_default().push((key, at));
        }
        let mut attempts: Attempts = HashMap::new();
        for (user, course, key, score, passed, at) in quiz_attempts::table
            .order((quiz_attempts::created_at, quiz_attempts::id))
            .select((
                quiz_attempts::user_id,
                quiz_attempts::course_id,
                quiz_attempts::lesson_key,
                quiz_attempts::score,
                quiz_attempts::passed,
                quiz_attempts::created_at,
            ))
            .load::<(i64, i64, String, i32, bool, i64)>(c)?
        {
            attempts
                .entry((user, course, key))
                .or_default()
                .push((score, passed, at));
        }
        let ledger = pd_ledger::table
            .select((
                pd_ledger::user_id,
                pd_ledger::source,
                pd_ledger::course_id,
                pd_ledger::title,
                pd_ledger::quarter_hours,
                pd_ledger::earned_at,
                pd_ledger::school_year,
                pd_ledger::created_at,
            ))
            .load::<LedgerCols>(c)?;
        let certificates = certificates::table
            .select((
                certificates::user_id,
                // The seed issues course certificates only.
                certificates::course_id.assume_not_null(),
                certificates::course_version,
                certificates::recipient_name,
                certificates::course_title,
                certificates::course_language,
                certificates::quarter_hours,
                certificates::competencies,
                certificates::issuer,
                certificates::issued_at,
                certificates::code,
            ))
            .load::<CertificateCols>(c)?;
        let names = users::table
            .select((users::id, users::display_name))
            .load::<(i64, String)>(c)?
            .into_iter()
            .collect();
        let issuer = orgs::table
            .filter(orgs::parent_id.is_null())
            .select(orgs::name)
            .first::<String>(c)?;
        // Each learner's zone as the app finds it, to check the seed's.
        let mut zones = HashMap::new();
        for (user, ..) in &ledger {
            if !zones.contains_key(user) {
                zones.insert(*user, lyceum_db::orgs::zone_of_user(c, UserId(*user))?);
            }
        }
        Ok::<_, DbError>(Rows {
            zones,
            courses,
            lessons: lesson_map,
            competencies,
            enrolments,
            progress,
            attempts,
            ledger,
            certificates,
            names,
            issuer,
        })
    })
    .await
    .unwrap()
}

/// Checks every invariant of learning over the rows; returns the number of
/// completed enrolments.
fn check(r: &Rows) -> usize {
    let mut completed_per_course: HashMap<i64, i64> = HashMap::new();
    let mut completed: HashMap<(i64, i64), i64> = HashMap::new();
    let mut finished_quizzes = 0;
    for (user, course, version, enrolled_at, completed_at, last, updated_at) in &r.enrolments {
        let lessons = &r.lessons[&(*course, *version)];
        let done = r
            .progress
            .get(&(*user, *course))
            .cloned()
            .unwrap_or_default();
        // The first lessons, in course order, one after the other, in the past.
        assert!(done.len() <= lessons.len());
        for (k, (key, at)) in done.iter().enumerate() {
            assert_eq!(key, &lessons[k].0, "lessons are finished in order");
            assert!(*at > *enrolled_at && *at < NOW.micros());
            assert!(k == 0 || *at > done[k - 1].1);
            // A finished quiz lesson: passed at that moment, once, perhaps after failing.
            let tries = r
                .attempts
                .get(&(*user, *course, key.clone()))
                .cloned()
                .unwrap_or_default();
            if lessons[k].1 {
                finished_quizzes += 1;
                let passed: Vec<_> = tries.iter().filter(|a| a.1).collect();
                assert_eq!(passed.len(), 1);
                assert_eq!(passed[0].2, *at);
                assert_eq!(passed[0].0, 100);
                assert!(tries.iter().all(|a| a.1 || (a.2 < *at && a.0 < 100)));
            } else {
                assert!(tries.is_empty());
            }
        }
        // Beyond them, only failed attempts at the next lesson's quiz.
        for (k, (key, quiz)) in lessons.iter().enumerate().skip(done.len()) {
            let tries = r.attempts.get(&(*user, *course, key.clone()));
            if let Some(tries) = tries {
                assert!(*quiz && k == done.len());
                assert!(tries.iter().all(|a| !a.1 && a.2 < NOW.micros()));
            }
        }
        assert_eq!(last.as_ref(), done.last().map(|d| &d.0));
        assert_eq!(
            *updated_at,
            done.last().map_or(*enrolled_at, |d| d.1),
            "updated at the last lesson"
        );
        let all = done.len() == lessons.len();
        assert_eq!(completed_at.is_some(), all);
        if let Some(at) = completed_at {
            assert_eq!(Some(*at), done.last().map(|d| d.1));
            *completed_per_course.entry(*course).or_default() += 1;
            completed.insert((*user, *course), *at);
        }
    }
    assert!(finished_quizzes > 0);
    // No progress or attempts without an enrolment.
    let enrolled: HashSet<(i64, i64)> = r.enrolments.iter().map(|e| (e.0, e.1)).collect();
    assert!(r.progress.keys().all(|k| enrolled.contains(k)));
    assert!(r.attempts.keys().all(|k| enrolled.contains(&(k.0, k.1))));

    // Exactly one course ledger entry per completed enrolment, as earned.
    let mut ledger: HashMap<(i64, i64), usize> = HashMap::new();
    for (user, source, course, title, hours, earned, year, created) in &r.ledger {
        let course = course.expect("a course entry");
        let at = completed[&(*user, course)];
        let (_, course_title, _, course_hours, _, _) = &r.courses[&course];
        assert_eq!(source, "course");
        assert_eq!((title, hours), (course_title, course_hours));
        assert_eq!((*earned, *created), (at, at));
        assert_eq!(
            *year,
            school_year(Timestamp::from_micros(at), &r.zones[user])
        );
        *ledger.entry((*user, course)).or_default() += 1;
    }
    assert_eq!(ledger.len(), completed.len());
    assert!(ledger.values().all(|n| *n == 1));

    // Exactly one certificate per completed enrolment, saying what was achieved.
    let mut codes = HashSet::new();
    let mut certified = HashSet::new();
    for (user, course, version, name, title, lang, hours, json, issuer, issued, code) in
        &r.certificates
    {
        let (_, course_title, course_lang, course_hours, _, _) = &r.courses[course];
        assert_eq!(issued, &completed[&(*user, *course)]);
        assert_eq!(name, &r.names[user]);
        assert_eq!(
            (title, lang, hours),
            (course_title, course_lang, course_hours)
        );
        assert_eq!(issuer, &r.issuer);
        let enrolment = r
            .enrolments
            .iter()
            .find(|e| e.0 == *user && e.1 == *course)
            .unwrap();
        assert_eq!(*version, enrolment.2);
        let named: Vec<CertifiedCompetency> = serde_json::from_str(json).unwrap();
        let ids: Vec<&String> = named.iter().map(|c| &c.id).collect();
        assert_eq!(ids, r.competencies[course].iter().collect::<Vec<_>>());
        assert!(
            named
                .iter()
                .all(|c| c.name_en.is_some() && c.level_en.is_some())
        );
        assert_eq!(code.len(), 22);
        assert!(codes.insert(code.clone()));
        assert!(certified.insert((*user, *course)));
    }
    assert_eq!(certified.len(), completed.len());

    // The completions counter of every course.
    for (id, (_, _, _, _, completions, _)) in &r.courses {
        assert_eq!(
            *completions,
            completed_per_course.get(id).copied().unwrap_or(0),
            "course {id}"
        );
    }
    completed.len()
}

#[tokio::test]
async fn a_small_seed_learns_consistently() {
    let t = TestDb::new();
    let written = seed(&t).await;
    let l = written.learning.clone().unwrap();
    let r = rows(&t).await;

    // A catalogue: every course searchable, in both languages, with competencies.
    assert_eq!(r.courses.len(), COURSES);
    assert_eq!(l.courses, COURSES);
    assert!(r.courses.values().all(|c| !c.5.is_empty()));
    let spanish = r.courses.values().filter(|c| c.2 == "es").count();
    assert!((15..100).contains(&spanish), "{spanish} in Spanish");
    assert_eq!(r.competencies.len(), COURSES);

    // A long tail of learners.
    let bench_ids: HashSet<i64> = written.bench_users.iter().map(|(_, id)| *id).collect();
    let per_user = r
        .enrolments
        .iter()
        .filter(|e| !bench_ids.contains(&e.0))
        .fold(HashMap::new(), |mut m, e| {
            *m.entry(e.0).or_insert(0usize) += 1;
            m
        });
    let educators = EDUCATORS as f64;
    assert!(
        (educators * 0.6..educators * 0.8).contains(&(per_user.len() as f64)),
        "{} learners",
        per_user.len()
    );
    let few = per_user.values().filter(|n| **n <= 3).count();
    assert!(
        few as f64 > per_user.len() as f64 * 0.7,
        "{few} with one to three"
    );
    let most = per_user.values().max().copied().unwrap_or(0);
    assert!(most >= 10, "the busiest has {most} courses");
    let lessons: usize = r.progress.values().map(Vec::len).sum();
    assert!(lessons as f64 > educators * 8.0, "{lessons} lessons");

    let completed = check(&r);
    assert!(completed > EDUCATORS / 2, "{completed} completed");
    assert_eq!(l.enrolments, r.enrolments.len());
    assert_eq!(l.completed, completed);
    assert_eq!(l.lessons_finished, lessons);
    assert_eq!(l.ledger_entries, r.ledger.len());
    assert_eq!(l.certificates, r.certificates.len());
    assert_eq!(
        l.quiz_attempts,
        r.attempts.values().map(Vec::len).sum::<usize>()
    );

    // The benchmark accounts: a learner with 200 entries on their
    // transcript; an educator part-way through the course the summary names.
    let bench = |local: &str| {
        written
            .bench_users
            .iter()
            .find(|(l, _)| *l == local)
            .map(|(_, id)| UserId(*id))
            .unwrap()
    };
    let learner = bench("learner");
    let transcript =
        t.db.read(move |c| credit::ledger_of(c, learner))
            .await
            .unwrap();
    assert_eq!(transcript.len(), 200);
    assert_eq!(
        l.bench_transcript,
        Some(("bench-learner@bench.example.org".into(), 200))
    );
    let years: HashSet<i32> = transcript.iter().map(|e| e.school_year).collect();
    assert!(years.len() >= 3, "{years:?}");
    let (slug, key) = l.bench_course.clone().unwrap();
    let educator = bench("educator");
    let s = slug.clone();
    let (row, course) =
        t.db.read(move |c| course_db::current(c, &s))
            .await
            .unwrap()
            .unwrap();
    let id = row.id;
    let done =
        t.db.read(move |c| learning::done(c, educator, id))
            .await
            .unwrap();
    let at = course.lessons().position(|x| x.key == key).unwrap();
    assert!(course.lessons().nth(at).unwrap().quiz.is_some());
    assert_eq!(done.len(), at);
    let (tries, _) =
        t.db.read(move |c| learning::attempts(c, educator, id, &key))
            .await
            .unwrap();
    assert_eq!(tries, 1);

    // The catalogue search finds seeded courses (the programme's: anyone's)
    // on this backend.
    let found =
        t.db.read(|c| {
            course_db::find(
                c,
                None,
                &course_db::Catalogue {
                    words: vec!["classroom".into()],
                    ..Default::default()
                },
            )
        })
        .await
        .unwrap();
    assert!(found.len() > COURSES / 4, "{} found", found.len());

    // The real code carries on: the bench educator finishes the course.
    let home = "https://lyceum.example.org".to_string();
    let statement = |verb| Statement {
        id: statement_id().unwrap(),
        home_page: home.clone(),
        user: educator.0,
        instructor: None,
        registration: None,
        verb,
        object: Activity {
            id: format!("{home}/courses/{slug}"),
            kind: ActivityType::Course,
            name: course.title.clone(),
            lang: "en",
        },
        parent: None,
        course_version: Some(row.version),
        result: None,
        timestamp: NOW,
    };
    // Each lesson with statements of its own (ids are unique).
    let steps: Vec<(String, Statement, Statement)> = course
        .lessons()
        .map(|x| {
            (
                x.key.clone(),
                statement(Verb::Completed),
                statement(Verb::Completed),
            )
        })
        .collect();
    let content = course.clone();
    let finished =
        t.db.write(move |c| {
            let mut last = None;
            for (k, lesson_done, course_done) in &steps {
                last = Some(learning::finish_lesson(
                    c,
                    educator,
                    id,
                    &content,
                    k,
                    lesson_done,
                    course_done,
                    NOW,
                )?);
            }
            Ok(last)
        })
        .await
        .unwrap()
        .unwrap();
    assert!(finished.course && finished.certificate.is_some());
    let after = rows(&t).await;
    assert_eq!(after.courses[&id.0].4, r.courses[&id.0].4 + 1);
    assert_eq!(after.ledger.len(), r.ledger.len() + 1);
    assert_eq!(after.certificates.len(), r.certificates.len() + 1);
}

#[tokio::test]
async fn the_same_seed_gives_the_same_learning() {
    let (a, b) = (TestDb::new(), TestDb::new());
    seed(&a).await;
    seed(&b).await;
    let (a, b) = (rows(&a).await, rows(&b).await);
    // Certificate codes are random (they must not be guessable); nothing else is.
    let key = |r: &Rows| {
        let courses: BTreeMap<String, (String, i64)> = r
            .courses
            .values()
            .map(|c| (c.0.clone(), (c.1.clone(), c.4)))
            .collect();
        let mut enrolments = r.enrolments.clone();
        enrolments.sort();
        let progress: BTreeMap<_, _> = r.progress.iter().collect();
        let mut ledger = r.ledger.clone();
        ledger.sort();
        (courses, enrolments, format!("{progress:?}"), ledger)
    };
    assert!(key(&a) == key(&b));
}
