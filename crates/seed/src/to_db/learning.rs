//! The catalogue and everyone's learning, written into the programme's
//! transaction.
//!
//! Courses are saved one by one with `courses::save` (versions, facets,
//! search text: a few hundred saves). The activity — millions of rows at
//! programme scale — is loaded in bulk, with the rows and invariants that
//! `learning::finish_lesson`, `learning::record_attempt` and
//! `credit::on_completion` would have written one at a time:
//!
//! - an enrolment pinned to the version learners started (1), whose
//!   `last_lesson_key` and `updated_at` are the last lesson finished;
//! - a `lesson_progress` row for each lesson finished, in course order;
//! - for a finished lesson with a quiz, a passing attempt at the moment the
//!   lesson was finished (sometimes after a failed one), with the answers
//!   graded by the quiz itself;
//! - for a completed course — every lesson finished — `completed_at` at the
//!   last lesson, exactly one `pd_ledger` entry (source `course`, the
//!   course's title and hours, its school year) and exactly one certificate
//!   (the learner's name, the course's title, language, hours and
//!   competencies as `on_completion` describes them, the programme as
//!   issuer, a random code), and one more in `courses.completions`.
//!
//! Left out at this volume: the xAPI statements of `learning_records` (one
//! per enrolment, lesson, attempt and completion — about twice as many rows
//! again, each a JSON document). Pages do not read them; the learning
//! record of a seeded learner starts empty.

use super::Written;
use crate::activity::{self, Chooser, CourseFacts, Enrolment, Learner};
use crate::catalogue;
use crate::rng::Rng;
use crate::{Person, Programme};
use diesel::prelude::*;
use lyceum_db::credit::CertifiedCompetency;
use lyceum_db::schema::{
    certificates, courses, enrolments, lesson_progress, pd_ledger, quiz_attempts,
};
use lyceum_db::{DbConn, DbError, competencies, orgs};
use lyceum_domain::Timestamp;
use lyceum_domain::course::Course;
use lyceum_domain::course::quiz::Quiz;
use lyceum_domain::pd::{Source, school_year};
use lyceum_domain::role::Role;
use lyceum_domain::time::TimeZone;
use lyceum_domain::token::new_public_id;
use std::collections::{BTreeMap, HashMap};

/// What to seed besides people.
#[derive(Debug, Clone, Copy)]
pub struct Learning {
    /// Courses in the catalogue.
    pub courses: usize,
    pub seed: u64,
}

/// What was written, for the summary.
#[derive(Debug, Clone, Default)]
pub struct LearningWritten {
    pub courses: usize,
    pub enrolments: usize,
    pub completed: usize,
    pub lessons_finished: usize,
    pub quiz_attempts: usize,
    pub ledger_entries: usize,
    pub certificates: usize,
    /// Seconds spent on the catalogue and activity.
    pub seconds: f64,
    /// The benchmark learner's address and their ledger entries.
    pub bench_transcript: Option<(String, usize)>,
    /// A course the benchmark educator follows, and a lesson of it with a
    /// quiz they have tried: (slug, lesson key).
    pub bench_course: Option<(String, String)>,
}

/// How many courses the benchmark learner completed: their transcript.
const BENCH_LEDGER: usize = 200;
/// Rows held before they are loaded.
const FLUSH_AT: usize = 200_000;

// Every row type says `treat_none_as_default_value = false`: multi-row
// INSERT on SQLite and COPY on PostgreSQL both need plain values. Ids of
// the ledger, certificates and attempts are left to the database.

#[derive(Insertable)]
#[diesel(table_name = enrolments, treat_none_as_default_value = false)]
struct EnrolmentRow<'a> {
    user_id: i64,
    course_id: i64,
    version: i32,
    enrolled_at: i64,
    completed_at: Option<i64>,
    last_lesson_key: Option<&'a str>,
    updated_at: i64,
}

#[derive(Insertable)]
#[diesel(table_name = lesson_progress, treat_none_as_default_value = false)]
struct ProgressRow<'a> {
    user_id: i64,
    course_id: i64,
    lesson_key: &'a str,
    completed_at: i64,
}

#[derive(Insertable)]
#[diesel(table_name = quiz_attempts, treat_none_as_default_value = false)]
struct AttemptRow<'a> {
    user_id: i64,
    course_id: i64,
    version: i32,
    lesson_key: &'a str,
    /// Its number for this learner and lesson, as the app counts them.
    attempt: i32,
    answers: &'a str,
    score: i32,
    passed: bool,
    created_at: i64,
}

#[derive(Insertable)]
#[diesel(table_name = pd_ledger, treat_none_as_default_value = false)]
struct LedgerRow<'a> {
    user_id: i64,
    source: &'a str,
    course_id: Option<i64>,
    title: &'a str,
    quarter_hours: i32,
    earned_at: i64,
    school_year: i32,
    created_at: i64,
}

#[derive(Insertable)]
#[diesel(table_name = certificates, treat_none_as_default_value = false)]
struct CertificateRow<'a> {
    code: String,
    user_id: i64,
    course_id: i64,
    course_version: i32,
    recipient_name: &'a str,
    course_title: &'a str,
    course_language: &'a str,
    quarter_hours: i32,
    competencies: &'a str,
    issuer: &'a str,
    issued_at: i64,
    expires_at: Option<i64>,
    revoked_at: Option<i64>,
    revoked_reason: Option<&'a str>,
}

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
}

/// On PostgreSQL, checking each loaded row's foreign keys (a locked lookup
/// of its user and its course) is most of the time a load takes: 16 of 23 s
/// for 1.5 million lessons finished. The rows point only at people and
/// courses this transaction wrote, so a superuser skips the checks for the
/// loads, as `pg_restore --disable-triggers` does (the schema has no
/// triggers of its own). SQLite checks them, and the seed tests check the
/// rows on both. True if skipped, until the end of the transaction or
/// `session_replication_role` is set back.
pub(super) fn skip_foreign_key_checks(c: &mut DbConn) -> Result<bool, DbError> {
    let DbConn::Pg(pg) = c else {
        return Ok(false);
    };
    let superuser: Setting =
        diesel::sql_query("SELECT current_setting('is_superuser') AS value").get_result(pg)?;
    if superuser.value != "on" {
        return Ok(false);
    }
    diesel::sql_query("SET LOCAL session_replication_role = replica").execute(pg)?;
    Ok(true)
}

#[derive(QueryableByName)]
pub(super) struct CacheSize {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub(super) cache_size: i64,
}

/// A course as saved, with what its rows need.
struct Saved {
    id: i64,
    version: i32,
    course: Course,
    keys: Vec<String>,
    /// Per lesson with a quiz: (passing answers, score), and a failing
    /// attempt's when the quiz has a wrong option for every question.
    quizzes: Vec<Option<QuizAnswers>>,
    /// The competencies as the certificate records them (JSON).
    certified: String,
    hours: i32,
}

struct QuizAnswers {
    pass: (String, i32),
    fail: Option<(String, i32)>,
}

/// Answers to every question: the right options, or the first wrong one.
fn answers(quiz: &Quiz, right: bool) -> Option<(String, i32)> {
    let mut picked: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for q in &quiz.questions {
        let options: Vec<String> = if right {
            q.options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.key.clone())
                .collect()
        } else {
            q.options
                .iter()
                .find(|o| !o.correct)
                .map(|o| vec![o.key.clone()])?
        };
        picked.insert(q.key.clone(), options);
    }
    let graded = quiz.grade(&picked.clone().into_iter().collect()).ok()?;
    if graded.passed != right {
        return None;
    }
    let json = serde_json::to_string(&picked).ok()?;
    Some((json, i32::try_from(graded.score).unwrap_or(0)))
}

/// Saves the catalogue, oldest first, each course at the time it was
/// published (spread from the programme's start to two months ago).
fn save_catalogue(
    c: &mut DbConn,
    l: &Learning,
    since: i64,
    now: i64,
) -> Result<(Vec<Saved>, Vec<CourseFacts>), DbError> {
    competencies::ensure_default(c, Timestamp::from_micros(since))?;
    let generated = catalogue::courses(l.courses, l.seed).map_err(DbError::task)?;
    let first = since + 30 * DAY;
    let last = (now - 60 * DAY).max(first + 1);
    let mut rng = Rng::new(l.seed ^ 0x5A7E_D0C5);
    let n = generated.len().max(1) as i64;
    let mut saved = Vec::with_capacity(generated.len());
    let mut facts = Vec::with_capacity(generated.len());
    // The catalogue is the programme's own.
    let owner = lyceum_db::courses::programme_owner(c)?;
    for (i, course) in generated.into_iter().enumerate() {
        let slot = (last - first) / n;
        let at = first + slot * i as i64 + (rng.unit() * slot as f64) as i64;
        let s = lyceum_db::courses::save(c, &course, owner, Timestamp::from_micros(at))?;
        let certified: Vec<CertifiedCompetency> = competencies::describe(c, &course.builds)?
            .into_iter()
            .map(|d| CertifiedCompetency {
                id: d.id,
                name_en: d.name.en,
                name_es: d.name.es,
                level_en: d.level.as_ref().and_then(|l| l.en.clone()),
                level_es: d.level.and_then(|l| l.es),
            })
            .collect();
        let certified =
            serde_json::to_string(&certified).map_err(|e| DbError::task_from("certified", e))?;
        let quizzes: Vec<Option<QuizAnswers>> = course
            .lessons()
            .map(|lesson| {
                let quiz = lesson.quiz.as_ref()?;
                Some(QuizAnswers {
                    pass: answers(quiz, true)?,
                    fail: answers(quiz, false),
                })
            })
            .collect();
        facts.push(CourseFacts {
            lang: course.language,
            subjects: course.subjects.clone(),
            grade_bands: course.grade_bands.clone(),
            quizzes: quizzes.iter().map(Option::is_some).collect(),
            opened_at: at,
        });
        saved.push(Saved {
            id: s.id.0,
            version: s.version,
            keys: course.lessons().map(|l| l.key.clone()).collect(),
            hours: i32::try_from(course.pd_quarter_hours).unwrap_or(i32::MAX),
            course,
            quizzes,
            certified,
        });
    }
    Ok((saved, facts))
}

const MINUTE: i64 = 60_000_000;
const DAY: i64 = 24 * 60 * MINUTE;

/// Rows waiting to be loaded; they borrow from the catalogue.
#[derive(Default)]
struct Batch<'a> {
    enrolments: Vec<EnrolmentRow<'a>>,
    progress: Vec<ProgressRow<'a>>,
    attempts: Vec<AttemptRow<'a>>,
    ledger: Vec<LedgerRow<'a>>,
    certificates: Vec<CertificateRow<'a>>,
}

impl<'a> Batch<'a> {
    fn add(
        &mut self,
        user: i64,
        name: &'a str,
        e: &Enrolment,
        course: &'a Saved,
        issuer: &'a str,
        zone: &TimeZone,
    ) -> Result<(), DbError> {
        let completed = e.finished.len() == course.keys.len();
        let last = e.finished.len().checked_sub(1);
        self.enrolments.push(EnrolmentRow {
            user_id: user,
            course_id: course.id,
            version: course.version,
            enrolled_at: e.enrolled_at,
            completed_at: completed.then(|| e.finished.last().copied()).flatten(),
            last_lesson_key: last.map(|k| course.keys[k].as_str()),
            updated_at: e.finished.last().copied().unwrap_or(e.enrolled_at),
        });
        // How many attempts each lesson's quiz has had so far.
        let mut made: HashMap<usize, i32> = HashMap::new();
        let mut attempt = |k: usize, (answers, score): &'a (String, i32), at: i64| {
            let n = made.entry(k).or_default();
            *n += 1;
            AttemptRow {
                user_id: user,
                course_id: course.id,
                version: course.version,
                lesson_key: course.keys[k].as_str(),
                attempt: *n,
                answers,
                score: *score,
                passed: false,
                created_at: at,
            }
        };
        let mut attempts = Vec::new();
        for (k, at) in &e.failed {
            if let Some(Some(QuizAnswers { fail: Some(f), .. })) = course.quizzes.get(*k) {
                attempts.push(attempt(*k, f, *at));
            }
        }
        for (k, at) in e.finished.iter().enumerate() {
            let key = course.keys[k].as_str();
            self.progress.push(ProgressRow {
                user_id: user,
                course_id: course.id,
                lesson_key: key,
                completed_at: *at,
            });
            // Passing the quiz is what finished the lesson, at that moment.
            if let Some(Some(q)) = course.quizzes.get(k) {
                attempts.push(AttemptRow {
                    passed: true,
                    ..attempt(k, &q.pass, *at)
                });
            }
        }
        self.attempts.extend(attempts);
        if let (true, Some(at)) = (completed, e.finished.last().copied()) {
            self.ledger.push(LedgerRow {
                user_id: user,
                source: Source::Course.as_str(),
                course_id: Some(course.id),
                title: &course.course.title,
                quarter_hours: course.hours,
                earned_at: at,
                school_year: school_year(Timestamp::from_micros(at), zone),
                created_at: at,
            });
            self.certificates.push(CertificateRow {
                code: new_public_id().map_err(|e| DbError::task_from("certificate code", e))?,
                user_id: user,
                course_id: course.id,
                course_version: course.version,
                recipient_name: name,
                course_title: &course.course.title,
                course_language: course.course.language.as_str(),
                quarter_hours: course.hours,
                competencies: &course.certified,
                issuer,
                issued_at: at,
                expires_at: None,
                revoked_at: None,
                revoked_reason: None,
            });
        }
        Ok(())
    }

    fn len(&self) -> usize {
        self.progress.len() + self.enrolments.len()
    }

    /// Loads the rows and empties the batch; adds what was loaded to `w`.
    fn flush(&mut self, c: &mut DbConn, w: &mut LearningWritten) -> Result<(), DbError> {
        load!(c, enrolments::table, &self.enrolments, 7);
        load!(c, lesson_progress::table, &self.progress, 4);
        load!(c, quiz_attempts::table, &self.attempts, 9);
        load!(c, pd_ledger::table, &self.ledger, 8);
        load!(c, certificates::table, &self.certificates, 14);
        w.enrolments += self.enrolments.len();
        w.completed += self.certificates.len();
        w.lessons_finished += self.progress.len();
        w.quiz_attempts += self.attempts.len();
        w.ledger_entries += self.ledger.len();
        w.certificates += self.certificates.len();
        self.enrolments.clear();
        self.progress.clear();
        self.attempts.clear();
        self.ledger.clear();
        self.certificates.clear();
        Ok(())
    }
}

fn learner(p: &Person) -> Learner {
    Learner {
        lang: p.lang,
        subject: p.subjects.first().copied(),
        grade_band: p.grade_bands.first().copied(),
    }
}

/// A generator of one person's own, from the seed and their position.
fn person_rng(seed: u64, n: u64) -> Rng {
    Rng::new(seed ^ (n + 1).wrapping_mul(0xA24B_AED4_963E_E407))
}

pub(super) fn write_in(
    c: &mut DbConn,
    p: &Programme,
    written: &Written,
    l: &Learning,
    now: Timestamp,
) -> Result<LearningWritten, DbError> {
    let started = std::time::Instant::now();
    let now = now.micros();
    let since = now - super::PROGRAMME_AGE.as_micros() as i64;
    let (catalogue, facts) = save_catalogue(c, l, since, now)?;
    let mut w = LearningWritten {
        courses: catalogue.len(),
        ..LearningWritten::default()
    };
    if catalogue.is_empty() {
        return Ok(w);
    }
    // A larger page cache for the loads, on this connection only.
    let cache = match c {
        DbConn::Sqlite(s) => {
            let before: CacheSize = diesel::sql_query("PRAGMA cache_size").get_result(s)?;
            diesel::sql_query("PRAGMA cache_size = -262144").execute(s)?;
            Some(before.cache_size)
        }
        DbConn::Pg(_) => None,
    };
    let issuer = orgs::root(c)?.map_or_else(|| "Lyceum".to_string(), |r| r.name);
    let unchecked = skip_foreign_key_checks(c)?;
    let chooser = Chooser::new(&facts);
    let names: Vec<String> = p.people.iter().map(Person::display_name).collect();
    let zones = p.zones();
    let mut batch = Batch::default();
    let mut completions = vec![0i64; catalogue.len()];
    for (i, person) in p.people.iter().enumerate() {
        if person.role != Role::Educator {
            continue;
        }
        let mut rng = person_rng(l.seed, i as u64);
        let user = written.first_user + i as i64;
        for e in activity::educator(&mut rng, &learner(person), &chooser, &facts, now) {
            let zone = &zones[person.org];
            batch.add(user, &names[i], &e, &catalogue[e.course], &issuer, zone)?;
            completions[e.course] += i64::from(e.completed(&facts[e.course]));
        }
        if batch.len() >= FLUSH_AT {
            batch.flush(c, &mut w)?;
        }
    }
    // The benchmark accounts: an educator part-way through the most popular
    // course (stopped at a quiz, tried once) and in two more, and a learner
    // with a long transcript. Their names are as `write_in` gave them.
    let bench_names: Vec<String> = written
        .bench_users
        .iter()
        .map(|(local, _)| format!("Bench {local}"))
        .collect();
    let mut rng = person_rng(l.seed, u64::MAX - 1);
    for ((local, id), name) in written.bench_users.iter().zip(&bench_names) {
        let plan: Vec<Enrolment> = match *local {
            "educator" => {
                // A quiz after the first lesson, so some lessons are done.
                let quizzes = &facts[0].quizzes;
                let quiz_at = (1..quizzes.len())
                    .chain(0..1)
                    .find(|k| quizzes[*k])
                    .unwrap_or(0);
                let mut first = activity::with_lessons(&mut rng, 0, &facts[0], quiz_at, now);
                if facts[0].quizzes.get(quiz_at) == Some(&true) && first.failed.is_empty() {
                    let at = first.finished.last().copied().unwrap_or(first.enrolled_at);
                    first.failed.push((quiz_at, at + (now - at) / 2));
                }
                w.bench_course = Some((
                    catalogue[0].course.slug.clone(),
                    catalogue[0].keys[quiz_at.min(catalogue[0].keys.len() - 1)].clone(),
                ));
                let mut plan = vec![first];
                for (k, complete) in [(1, true), (2, false)] {
                    if k < facts.len() {
                        plan.push(activity::enrolment(&mut rng, k, &facts[k], complete, now));
                    }
                }
                plan
            }
            "learner" => activity::completer(&mut rng, &chooser, &facts, BENCH_LEDGER, now),
            _ => Vec::new(),
        };
        let before = w.ledger_entries + batch.ledger.len();
        let zone = orgs::zone_of_user(c, lyceum_domain::UserId(*id))?;
        for e in &plan {
            batch.add(*id, name, e, &catalogue[e.course], &issuer, &zone)?;
            completions[e.course] += i64::from(e.completed(&facts[e.course]));
        }
        if *local == "learner" {
            let entries = w.ledger_entries + batch.ledger.len() - before;
            w.bench_transcript = Some((format!("bench-{local}@bench.example.org"), entries));
        }
    }
    batch.flush(c, &mut w)?;
    if let (DbConn::Pg(pg), true) = (&mut *c, unchecked) {
        diesel::sql_query("SET LOCAL session_replication_role = DEFAULT").execute(pg)?;
    }

    // Completions, as `courses::count_completion` keeps them.
    for (s, n) in catalogue.iter().zip(completions) {
        if n > 0 {
            diesel::update(courses::table.find(s.id))
                .set(courses::completions.eq(courses::completions + n))
                .execute(c)?;
        }
    }
    if let (DbConn::Sqlite(s), Some(before)) = (c, cache) {
        diesel::sql_query(format!("PRAGMA cache_size = {before}")).execute(s)?;
    }
    w.seconds = started.elapsed().as_secs_f64();
    Ok(w)
}
