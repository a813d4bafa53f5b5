//! Learning activity, deterministic from the seed: which courses each
//! educator enrols in, how far they get, and when — a long tail, as in real
//! programmes: most educators take none to three courses, some many, a few
//! "power learners" dozens. Each person's activity comes from a generator of
//! their own (seed and position), so it does not depend on anyone else's.
//!
//! Learners pick popular courses more (the catalogue's first), courses in
//! their language, and courses for their subject and grade band or for
//! everyone. They finish lessons in order, minutes to days apart; a course
//! is completed when its last lesson is.

use crate::rng::Rng;
use lyceum_domain::i18n::Lang;
use lyceum_domain::profile::{GradeBand, Subject};

/// What learners' choices depend on, per course.
#[derive(Debug, Clone)]
pub struct CourseFacts {
    pub lang: Lang,
    pub subjects: Vec<Subject>,
    pub grade_bands: Vec<GradeBand>,
    /// Which lessons, in course order, have a quiz.
    pub quizzes: Vec<bool>,
    /// When learners could first enrol (µs).
    pub opened_at: i64,
}

/// One enrolment as it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Enrolment {
    /// Index into the catalogue.
    pub course: usize,
    pub enrolled_at: i64,
    /// When each of the first lessons was finished, in course order; every
    /// lesson when the course was completed.
    pub finished: Vec<i64>,
    /// Failed quiz attempts: (lesson index, when). Each is at a finished
    /// quiz lesson, before it was passed, or at the next lesson's quiz.
    pub failed: Vec<(usize, i64)>,
}

impl Enrolment {
    pub fn completed(&self, facts: &CourseFacts) -> bool {
        self.finished.len() == facts.quizzes.len()
    }
}

/// Who is choosing.
#[derive(Debug, Clone, Copy)]
pub struct Learner {
    pub lang: Lang,
    pub subject: Option<Subject>,
    pub grade_band: Option<GradeBand>,
}

/// Weighted draws of courses, per (course language, subject, grade band).
pub struct Chooser {
    /// Cumulative weights and the courses they stand for.
    pools: Vec<(Vec<f64>, Vec<usize>)>,
    /// Every course, by popularity alone.
    all: (Vec<f64>, Vec<usize>),
    courses: usize,
}

const SUBJECTS: usize = 15; // Subject::ALL, and none
const BANDS: usize = 5; // GradeBand::ALL, and none

fn slot(lang: Lang, subject: Option<Subject>, band: Option<GradeBand>) -> usize {
    let l = usize::from(lang == Lang::Es);
    let s = subject
        .and_then(|s| Subject::ALL.iter().position(|x| *x == s))
        .unwrap_or(SUBJECTS - 1);
    let b = band
        .and_then(|b| GradeBand::ALL.iter().position(|x| *x == b))
        .unwrap_or(BANDS - 1);
    (l * SUBJECTS + s) * BANDS + b
}

/// How much more the course at `rank` is chosen than others: the first
/// courses of a catalogue draw most learners.
fn popularity(rank: usize) -> f64 {
    1.0 / (rank as f64 + 10.0).powf(0.8)
}

fn cumulative(weights: impl Iterator<Item = (usize, f64)>) -> (Vec<f64>, Vec<usize>) {
    let mut sum = 0.0;
    let mut cum = Vec::new();
    let mut ids = Vec::new();
    for (i, w) in weights {
        if w > 0.0 {
            sum += w;
            cum.push(sum);
            ids.push(i);
        }
    }
    (cum, ids)
}

fn draw(rng: &mut Rng, (cum, ids): &(Vec<f64>, Vec<usize>)) -> Option<usize> {
    let total = *cum.last()?;
    let x = rng.unit() * total;
    let at = cum.partition_point(|c| *c <= x).min(ids.len() - 1);
    Some(ids[at])
}

impl Chooser {
    pub fn new(courses: &[CourseFacts]) -> Self {
        let mut pools = Vec::with_capacity(2 * SUBJECTS * BANDS);
        for lang in [Lang::En, Lang::Es] {
            for s in 0..SUBJECTS {
                let subject = Subject::ALL.get(s).copied();
                for b in 0..BANDS {
                    let band = GradeBand::ALL.get(b).copied();
                    let weights = courses.iter().enumerate().map(|(i, c)| {
                        if c.lang != lang {
                            return (i, 0.0);
                        }
                        let for_subject = match subject {
                            _ if c.subjects.is_empty() => 1.5,
                            Some(s) if c.subjects.contains(&s) => 3.0,
                            _ => 0.5,
                        };
                        let for_band = match band {
                            _ if c.grade_bands.is_empty() => 1.2,
                            Some(b) if c.grade_bands.contains(&b) => 2.0,
                            _ => 0.3,
                        };
                        (i, popularity(i) * for_subject * for_band)
                    });
                    pools.push(cumulative(weights));
                }
            }
        }
        let all = cumulative(courses.iter().enumerate().map(|(i, _)| (i, popularity(i))));
        Chooser {
            pools,
            all,
            courses: courses.len(),
        }
    }

    /// A course this learner might choose.
    fn one(&self, rng: &mut Rng, who: &Learner) -> Option<usize> {
        // Most choose courses in their language; a few in the other.
        let other = match who.lang {
            Lang::En => rng.chance(0.03),
            Lang::Es => rng.chance(0.3),
        };
        let lang = match (who.lang, other) {
            (Lang::En, false) | (Lang::Es, true) => Lang::En,
            _ => Lang::Es,
        };
        draw(rng, &self.pools[slot(lang, who.subject, who.grade_band)])
            .or_else(|| draw(rng, &self.all))
    }

    /// `count` different courses (fewer if the catalogue is small).
    fn distinct(&self, rng: &mut Rng, who: &Learner, count: usize) -> Vec<usize> {
        let count = count.min(self.courses);
        let mut out: Vec<usize> = Vec::with_capacity(count);
        for attempt in 0..count * 30 + 50 {
            if out.len() == count {
                break;
            }
            // A learner who has taken most of their own pool looks further.
            let next = if attempt < count * 10 {
                self.one(rng, who)
            } else {
                draw(rng, &self.all)
            };
            if let Some(c) = next
                && !out.contains(&c)
            {
                out.push(c);
            }
        }
        out
    }
}

const MINUTE: i64 = 60_000_000;
const DAY: i64 = 24 * 60 * MINUTE;

/// How many courses one educator enrols in: the long tail.
fn how_many(rng: &mut Rng) -> usize {
    match rng.weighted(&[0.28, 0.30, 0.18, 0.10, 0.08, 0.045, 0.012, 0.003]) {
        k @ 0..=3 => k,
        4 => 4 + rng.below(3),
        5 => 7 + rng.below(9),
        6 => 16 + rng.below(25),
        // Power learners.
        _ => 41 + rng.below(80),
    }
}

/// An educator's learning, up to `now` (µs).
pub fn educator(
    rng: &mut Rng,
    who: &Learner,
    chooser: &Chooser,
    courses: &[CourseFacts],
    now: i64,
) -> Vec<Enrolment> {
    let count = how_many(rng);
    if count == 0 {
        return Vec::new();
    }
    // Those who take many courses finish more of them.
    let finish = match count {
        0..=6 => 0.55,
        7..=40 => 0.75,
        _ => 0.85,
    };
    let mut chosen = chooser.distinct(rng, who, count);
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|c| {
            let complete = rng.chance(finish);
            enrolment(rng, c, &courses[c], complete, now)
        })
        .collect()
}

/// Someone who completed `count` courses (the benchmark's transcript).
pub fn completer(
    rng: &mut Rng,
    chooser: &Chooser,
    courses: &[CourseFacts],
    count: usize,
    now: i64,
) -> Vec<Enrolment> {
    let mut chosen: Vec<usize> = Vec::with_capacity(count.min(courses.len()));
    for _ in 0..count * 50 {
        if chosen.len() == count.min(courses.len()) {
            break;
        }
        if let Some(c) = draw(rng, &chooser.all)
            && !chosen.contains(&c)
        {
            chosen.push(c);
        }
    }
    // A small catalogue: take the rest in order.
    for c in 0..courses.len() {
        if chosen.len() >= count {
            break;
        }
        if !chosen.contains(&c) {
            chosen.push(c);
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|c| enrolment(rng, c, &courses[c], true, now))
        .collect()
}

/// One enrolment in `course`: every lesson finished if `complete`, else
/// some of them (perhaps none).
pub fn enrolment(
    rng: &mut Rng,
    course: usize,
    facts: &CourseFacts,
    complete: bool,
    now: i64,
) -> Enrolment {
    let lessons = facts.quizzes.len();
    let done = if complete || lessons == 0 {
        lessons
    } else {
        rng.below(lessons)
    };
    with_lessons(rng, course, facts, done, now)
}

/// An enrolment in which the first `done` lessons were finished.
pub fn with_lessons(
    rng: &mut Rng,
    course: usize,
    facts: &CourseFacts,
    done: usize,
    now: i64,
) -> Enrolment {
    // Ten minutes to a week between lessons.
    let mut gaps: Vec<i64> = (0..done)
        .map(|_| (10.0 * 1000f64.powf(rng.unit()) * MINUTE as f64) as i64)
        .collect();
    let total: i64 = gaps.iter().sum();
    let earliest = facts.opened_at + DAY;
    let latest = now - 60 * MINUTE;
    let room = (latest - earliest).max(done as i64 + 1);
    let enrolled_at = if total < room {
        earliest + (rng.unit() * (room - total) as f64) as i64
    } else {
        // Squeezed into the time the course has been open.
        let scale = room as f64 / (total as f64 + 1.0);
        for g in &mut gaps {
            *g = ((*g as f64 * scale) as i64).max(1);
        }
        earliest
    };
    let mut at = enrolled_at;
    let mut finished = Vec::with_capacity(done);
    let mut failed = Vec::new();
    for (k, gap) in gaps.iter().enumerate() {
        // Some fail a quiz once before passing it.
        if facts.quizzes[k] && *gap >= 2 && rng.chance(0.15) {
            failed.push((k, at + gap / 2));
        }
        at += gap;
        finished.push(at);
    }
    // Stuck at a quiz: tried it, not passed yet.
    if done < facts.quizzes.len() && facts.quizzes[done] && rng.chance(0.3) {
        let when = at + ((now - at) / 2).clamp(0, 2 * DAY);
        failed.push((done, when.min(now - 1)));
    }
    Enrolment {
        course,
        enrolled_at,
        finished,
        failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue(n: usize) -> Vec<CourseFacts> {
        (0..n)
            .map(|i| CourseFacts {
                lang: if i % 7 == 3 { Lang::Es } else { Lang::En },
                subjects: if i % 3 == 0 {
                    vec![]
                } else {
                    vec![Subject::ALL[i % 13]]
                },
                grade_bands: vec![],
                quizzes: (0..(2 + i % 10)).map(|k| k % 3 == 2).collect(),
                opened_at: 1_700_000_000_000_000 + i as i64 * DAY,
            })
            .collect()
    }

    #[test]
    fn long_tail_in_order_and_in_the_past() {
        let courses = catalogue(300);
        let chooser = Chooser::new(&courses);
        let now = 1_800_000_000_000_000;
        let who = Learner {
            lang: Lang::En,
            subject: Some(Subject::Math),
            grade_band: Some(GradeBand::G6to8),
        };
        let mut counts = vec![0usize; 300];
        let mut per_person = Vec::new();
        for p in 0..20_000u64 {
            let mut rng = Rng::new(p);
            let e = educator(&mut rng, &who, &chooser, &courses, now);
            per_person.push(e.len());
            for x in &e {
                counts[x.course] += 1;
                let facts = &courses[x.course];
                assert!(x.enrolled_at > facts.opened_at);
                assert!(x.finished.windows(2).all(|w| w[0] < w[1]));
                assert!(x.finished.first().is_none_or(|f| *f > x.enrolled_at));
                assert!(x.finished.last().is_none_or(|f| *f < now));
                assert!(x.failed.iter().all(|(k, t)| facts.quizzes[*k]
                    && *t > x.enrolled_at
                    && *t < now
                    && x.finished.get(*k).is_none_or(|f| t < f)));
            }
            let mut c: Vec<usize> = e.iter().map(|x| x.course).collect();
            c.dedup();
            assert_eq!(c.len(), e.len(), "no course twice");
        }
        let none = per_person.iter().filter(|n| **n == 0).count();
        let few = per_person.iter().filter(|n| (1..=3).contains(*n)).count();
        let many = per_person.iter().filter(|n| **n > 40).count();
        assert!((4_500..6_800).contains(&none), "{none} with none");
        assert!(few > 10_000, "{few} with one to three");
        assert!((20..150).contains(&many), "{many} power learners");
        // Popular courses first; English speakers rarely take Spanish ones.
        assert!(counts[0] > counts[150] * 3);
        let spanish: usize = (0..300).filter(|i| i % 7 == 3).map(|i| counts[i]).sum();
        let all: usize = counts.iter().sum();
        assert!(spanish * 20 < all, "{spanish} of {all} in Spanish");
        let mut again = Rng::new(5);
        let mut first = Rng::new(5);
        assert_eq!(
            educator(&mut first, &who, &chooser, &courses, now),
            educator(&mut again, &who, &chooser, &courses, now)
        );
    }

    #[test]
    fn a_completer_completes_as_many_as_asked() {
        let courses = catalogue(300);
        let chooser = Chooser::new(&courses);
        let now = 1_800_000_000_000_000;
        let e = completer(&mut Rng::new(1), &chooser, &courses, 200, now);
        assert_eq!(e.len(), 200);
        assert!(e.iter().all(|x| x.completed(&courses[x.course])));
        let small = catalogue(12);
        let e = completer(&mut Rng::new(1), &Chooser::new(&small), &small, 200, now);
        assert_eq!(e.len(), 12);
    }
}
