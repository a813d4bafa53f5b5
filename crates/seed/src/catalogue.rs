//! The programme's catalogue: course files (`lyceum-course/1`, see
//! `docs/course-format.md`) written from word lists, deterministic from the
//! seed — mostly English, some Spanish; for subjects and grade bands or for
//! everyone; building competencies of the default framework; some with
//! quizzes and prerequisites.
//!
//! Courses come in the order they were published, and that is also their
//! popularity: learners choose the first courses most (see `activity`).

use crate::course_words::{
    ANGLES, HEADINGS, LESSONS, MODULES, QUESTIONS, SENTENCES, SUMMARIES, TIPS, TOOLS, TOPICS,
    Topic, Words, grade_words, subject_words,
};
use crate::rng::Rng;
use lyceum_domain::competency::{DEFAULT_FRAMEWORK, unesco};
use lyceum_domain::course::{Course, package};
use lyceum_domain::i18n::Lang;
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::search::words;
use serde_json::{Map, Value, json};
use std::collections::{HashMap, HashSet};

/// How many courses `lyceum seed` publishes unless asked otherwise.
pub const DEFAULT_COURSES: usize = 300;

/// `n` course files, oldest (and most popular) first.
pub fn packages(n: usize, seed: u64) -> Vec<Value> {
    let mut rng = Rng::new(seed ^ 0xC0_5E5E);
    let levels = competency_levels();
    let mut titles = HashSet::new();
    let mut slugs: Vec<(String, Lang)> = Vec::with_capacity(n);
    let mut taken = HashSet::new();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        // The most popular course is in English, with modules and a quiz, so
        // the benchmark's course and lesson pages show all of a course.
        let lang = if i > 0 && rng.chance(0.15) {
            Lang::Es
        } else {
            Lang::En
        };
        // Every topic once before any twice.
        let topic = &TOPICS[if i < TOPICS.len() {
            (i * 7) % TOPICS.len()
        } else {
            rng.below(TOPICS.len())
        }];
        let subjects = subjects(&mut rng);
        let grade_bands = grade_bands(&mut rng);
        let cx = Context::new(&mut rng, lang, topic, &subjects, &grade_bands);
        let mut title = cx.title(&mut rng);
        for _ in 0..50 {
            if !titles.contains(&title) {
                break;
            }
            title = cx.title(&mut rng);
        }
        titles.insert(title.clone());
        let slug = unique(&slug_of(&title, 90), &mut taken);
        let prerequisites: Vec<String> = if i >= 12 && rng.chance(0.08) {
            (0..10)
                .map(|_| &slugs[rng.below(i)])
                .find(|(_, l)| *l == lang)
                .map(|(s, _)| vec![s.clone()])
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        slugs.push((slug.clone(), lang));
        out.push(cx.package(&mut rng, i, slug, title, &levels, prerequisites));
    }
    out
}

/// The same courses, read back as `lyceum import course` reads them.
pub fn courses(n: usize, seed: u64) -> Result<Vec<Course>, String> {
    packages(n, seed)
        .iter()
        .map(|p| {
            package::parse(p.to_string().as_bytes()).map_err(|problems| {
                let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
                format!("a generated course is not valid: {}", list.join("; "))
            })
        })
        .collect()
}

/// Each competency of the default framework, by key, and its level.
fn competency_levels() -> HashMap<String, Option<String>> {
    unesco::default_framework()
        .items
        .into_iter()
        .filter(|i| i.kind == "competency")
        .map(|i| (i.id, i.level))
        .collect()
}

fn subjects(rng: &mut Rng) -> Vec<Subject> {
    // Four in ten courses are for every subject.
    if rng.chance(0.4) {
        return Vec::new();
    }
    let pool: Vec<Subject> = Subject::ALL
        .iter()
        .copied()
        .filter(|s| *s != Subject::Other)
        .collect();
    let count = 1 + rng.weighted(&[0.7, 0.25, 0.05]);
    let mut out: Vec<Subject> = (0..count).map(|_| *rng.pick(&pool)).collect();
    out.sort();
    out.dedup();
    out
}

fn grade_bands(rng: &mut Rng) -> Vec<GradeBand> {
    if rng.chance(0.35) {
        return Vec::new();
    }
    // One band, or two next to each other.
    let first = rng.below(GradeBand::ALL.len());
    let count = if first + 1 < GradeBand::ALL.len() && rng.chance(0.35) {
        2
    } else {
        1
    };
    GradeBand::ALL[first..first + count].to_vec()
}

/// A slug from words, at most `max` long, cut at a word.
fn slug_of(text: &str, max: usize) -> String {
    let mut out = String::new();
    for w in words(text) {
        let w: String = w.chars().filter(char::is_ascii_alphanumeric).collect();
        if w.is_empty() {
            continue;
        }
        if out.len() + w.len() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    if out.is_empty() {
        out.push_str("course");
    }
    out
}

/// `base`, or `base-2`, `base-3`… whichever is not taken yet.
fn unique(base: &str, taken: &mut HashSet<String>) -> String {
    let mut candidate = base.to_string();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// Indices dealt in random order, each once before any again.
struct Deck {
    size: usize,
    left: Vec<usize>,
}

impl Deck {
    fn new(size: usize) -> Self {
        Deck {
            size,
            left: Vec::new(),
        }
    }

    fn deal(&mut self, rng: &mut Rng) -> usize {
        if self.left.is_empty() {
            self.left = (0..self.size.max(1)).collect();
        }
        self.left.swap_remove(rng.below(self.left.len()))
    }
}

fn pick(w: Words, lang: Lang) -> &'static str {
    match lang {
        Lang::En => w.0,
        Lang::Es => w.1,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One course being written: its language, topic and audience.
struct Context<'a> {
    lang: Lang,
    topic: &'a Topic,
    subjects: &'a [Subject],
    grade_bands: &'a [GradeBand],
    /// Who it is for, as words: a subject, a grade.
    subject: Option<&'static str>,
    grade: Option<&'static str>,
    tool: &'static str,
}

impl<'a> Context<'a> {
    fn new(
        rng: &mut Rng,
        lang: Lang,
        topic: &'a Topic,
        subjects: &'a [Subject],
        grade_bands: &'a [GradeBand],
    ) -> Self {
        let subject = subjects.first().map(|s| pick(subject_words(*s), lang));
        let grade = grade_bands.first().map(|g| pick(grade_words(*g), lang));
        Context {
            lang,
            topic,
            subjects,
            grade_bands,
            subject,
            grade,
            tool: pick(*rng.pick(TOOLS), lang),
        }
    }

    fn w(&self, words: Words) -> &'static str {
        pick(words, self.lang)
    }

    /// A sentence with its placeholders filled in.
    fn fill(&self, template: &str) -> String {
        let (your_subject, every_grade) = match self.lang {
            Lang::En => ("your subject", "every grade"),
            Lang::Es => ("su materia", "todos los grados"),
        };
        template
            .replace("{topic}", self.w(self.topic.phrase))
            .replace("{subject}", self.subject.unwrap_or(your_subject))
            .replace("{grade}", self.grade.unwrap_or(every_grade))
            .replace("{tool}", self.tool)
    }

    fn title(&self, rng: &mut Rng) -> String {
        let topic = self.w(self.topic.title);
        let angle = self.w(*rng.pick(ANGLES));
        let (in_, colon) = match self.lang {
            Lang::En => ("in", ":"),
            Lang::Es => ("en", ":"),
        };
        let mut patterns: Vec<String> = vec![format!("{topic}{colon} {angle}")];
        if let (Some(s), true) = (self.subject, self.topic.audience) {
            patterns.push(format!("{topic} {in_} {s}"));
            patterns.push(format!("{topic} {in_} {s}{colon} {angle}"));
        }
        if let (Some(g), true) = (self.grade, self.topic.audience) {
            patterns.push(format!("{topic} {in_} {g}"));
        }
        if patterns.len() == 1 && rng.chance(0.3) {
            patterns.push(topic.to_string());
        }
        rng.pick(&patterns).clone()
    }

    fn summary(&self, rng: &mut Rng) -> String {
        let opening = self.fill(self.w(*rng.pick(SUMMARIES)));
        let point = self.w(*rng.pick(self.topic.points));
        let audience = match (self.lang, self.subject, self.grade) {
            (Lang::En, Some(s), Some(g)) => format!("Written with {s} in {g} in mind."),
            (Lang::En, Some(s), None) => format!("Written with {s} in mind."),
            (Lang::En, None, Some(g)) => format!("Written for teachers in {g}."),
            (Lang::En, None, None) => "For teachers of every subject and grade.".to_string(),
            (Lang::Es, Some(s), Some(g)) => format!("Pensado para {s} en {g}."),
            (Lang::Es, Some(s), None) => format!("Pensado para {s}."),
            (Lang::Es, None, Some(g)) => format!("Pensado para docentes de {g}."),
            (Lang::Es, None, None) => "Para docentes de todas las materias y grados.".to_string(),
        };
        format!("{} {point} {audience}", capitalise(&opening))
    }

    /// A few paragraphs of Markdown, with headings and lists; no sentence
    /// twice in one lesson.
    fn markdown(&self, rng: &mut Rng) -> String {
        let mut sentences = Deck::new(SENTENCES.len());
        let mut tips = Deck::new(TIPS.len());
        let mut points = Deck::new(self.topic.points.len());
        let mut sentence = |rng: &mut Rng| self.fill(self.w(SENTENCES[sentences.deal(rng)]));
        let mut out = String::new();
        out.push_str(self.w(self.topic.points[points.deal(rng)]));
        out.push(' ');
        out.push_str(&sentence(rng));
        out.push(' ');
        out.push_str(&sentence(rng));
        let sections = 2 + rng.below(3);
        let mut headings = Deck::new(HEADINGS.len());
        for s in 0..sections {
            out.push_str("\n\n## ");
            out.push_str(self.w(HEADINGS[headings.deal(rng)]));
            out.push_str("\n\n");
            out.push_str(&sentence(rng));
            out.push(' ');
            out.push_str(&sentence(rng));
            if s == 0 || rng.chance(0.4) {
                out.push('\n');
                let numbered = rng.chance(0.3);
                for n in 0..3 {
                    out.push('\n');
                    if numbered {
                        out.push_str(&format!("{}. ", n + 1));
                    } else {
                        out.push_str("- ");
                    }
                    out.push_str(self.w(TIPS[tips.deal(rng)]));
                }
            } else if rng.chance(0.3) {
                out.push_str("\n\n**");
                out.push_str(self.w(self.topic.points[points.deal(rng)]));
                out.push_str("**");
            }
        }
        out
    }

    fn quiz(&self, rng: &mut Rng) -> Value {
        let mut pool: Vec<usize> = (0..QUESTIONS.len()).collect();
        let count = 2 + rng.below(3);
        let questions: Vec<Value> = (0..count)
            .map(|n| {
                let q = &QUESTIONS[pool.remove(rng.below(pool.len()))];
                let wrong = match self.lang {
                    Lang::En => "Not quite: look back at the lesson.",
                    Lang::Es => "No exactamente: vuelva a la lección.",
                };
                // Options in a new order each time.
                let mut order = Deck::new(q.options.len());
                let shuffled: Vec<&(Words, bool)> = (0..q.options.len())
                    .map(|_| &q.options[order.deal(rng)])
                    .collect();
                let options: Vec<Value> = shuffled
                    .into_iter()
                    .enumerate()
                    .map(|(k, (text, correct))| {
                        let mut o = json!({
                            "key": ((b'a' + k as u8) as char).to_string(),
                            "text": self.w(*text),
                            "correct": correct,
                        });
                        if !correct {
                            o["feedback"] = Value::from(wrong);
                        }
                        o
                    })
                    .collect();
                json!({
                    "key": format!("q{}", n + 1),
                    "prompt": self.w(q.prompt),
                    "kind": if q.multiple { "multiple" } else { "single" },
                    "options": options,
                })
            })
            .collect();
        let mut quiz = json!({
            "pass_mark": *rng.pick(&[60, 80, 100]),
            "questions": questions,
        });
        if let Some(max) = *rng.pick(&[None, None, Some(3), Some(5)]) {
            quiz["max_attempts"] = Value::from(max);
        }
        quiz
    }

    fn package(
        &self,
        rng: &mut Rng,
        i: usize,
        slug: String,
        title: String,
        levels: &HashMap<String, Option<String>>,
        prerequisites: Vec<String>,
    ) -> Value {
        let modules_count = if i == 0 {
            2
        } else {
            1 + rng.weighted(&[0.3, 0.45, 0.25])
        };
        let sizes: Vec<usize> = (0..modules_count).map(|_| 2 + rng.below(5)).collect();
        let total: usize = sizes.iter().sum();
        // The topic's own lessons, then the general ones, each set shuffled.
        let mut titles: Vec<Words> = Vec::with_capacity(total);
        for set in [self.topic.lessons, LESSONS] {
            let mut rest: Vec<Words> = set.to_vec();
            while !rest.is_empty() {
                titles.push(rest.remove(rng.below(rest.len())));
            }
        }
        titles.truncate(total);
        let with_quizzes = i == 0 || rng.chance(0.45);
        let mut keys = HashSet::new();
        let mut lessons = Map::new();
        let mut modules = Vec::with_capacity(modules_count);
        let mut module_titles: Vec<Words> = MODULES.to_vec();
        let mut next = 0;
        let mut quizzes = 0;
        for (m, size) in sizes.iter().enumerate() {
            let mut module_keys = Vec::with_capacity(*size);
            for _ in 0..*size {
                let lesson_title = self.w(titles[next]);
                next += 1;
                let key = unique(&slug_of(lesson_title, 60), &mut keys);
                let mut lesson = json!({
                    "title": lesson_title,
                    "markdown": self.markdown(rng),
                });
                // The last lesson of the first module always has the quiz
                // of a course with quizzes; others now and then.
                let last_of_first = m == 0 && module_keys.len() + 1 == *size;
                if with_quizzes && ((last_of_first && quizzes == 0) || rng.chance(0.2)) {
                    lesson["quiz"] = self.quiz(rng);
                    quizzes += 1;
                }
                lessons.insert(key.clone(), lesson);
                module_keys.push(key);
            }
            let title = self.w(module_titles.remove(rng.below(module_titles.len())));
            modules.push(json!({ "title": title, "lessons": module_keys }));
        }
        let delivery =
            ["self-paced", "virtual", "cohort", "in-person"][rng.weighted(&[0.6, 0.15, 0.15, 0.1])];
        // A quarter to three quarters of an hour a lesson; live sessions on top.
        let mut quarters: usize = (0..total).map(|_| 1 + rng.below(3)).sum();
        if delivery != "self-paced" {
            quarters += 4 * (2 + rng.below(7));
        }
        let quarters = quarters.clamp(1, 800);
        // Some of the topic's competencies, at least its first.
        let mut ids: Vec<String> = self
            .topic
            .competencies
            .iter()
            .filter(|_| rng.chance(0.7))
            .map(|key| format!("{DEFAULT_FRAMEWORK}/{key}"))
            .collect();
        if ids.is_empty() {
            ids.extend(
                self.topic
                    .competencies
                    .first()
                    .map(|key| format!("{DEFAULT_FRAMEWORK}/{key}")),
            );
        }
        let competencies: Vec<Value> = ids
            .into_iter()
            .map(|id| {
                let level = levels.get(&id).cloned().flatten();
                json!({ "id": id, "level": level })
            })
            .collect();
        let licence = match (rng.weighted(&[0.7, 0.15, 0.1, 0.05]), self.lang) {
            (0, _) => "CC BY 4.0",
            (1, _) => "CC BY-SA 4.0",
            (2, _) => "CC BY-NC 4.0",
            (_, Lang::En) => "All rights reserved; licensed to this programme",
            (_, Lang::Es) => "Todos los derechos reservados; con licencia para este programa",
        };
        json!({
            "format": package::FORMAT,
            "slug": slug,
            "language": self.lang.as_str(),
            "title": title,
            "summary": self.summary(rng),
            "pd_hours": quarters as f64 / 4.0,
            "delivery": delivery,
            "subjects": self.subjects.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            "grade_bands": self.grade_bands.iter().map(|g| g.as_str()).collect::<Vec<_>>(),
            "competencies": competencies,
            "prerequisites": prerequisites,
            "licence": licence,
            "modules": modules,
            "lessons": lessons,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn courses_are_valid_varied_and_deterministic() {
        let all = courses(DEFAULT_COURSES, 42).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(all.len(), DEFAULT_COURSES);
        assert_eq!(courses(40, 42).ok(), Some(all[..40].to_vec()));
        assert_ne!(courses(40, 43).ok(), Some(all[..40].to_vec()));
        let slugs: HashSet<&str> = all.iter().map(|c| c.slug.as_str()).collect();
        assert_eq!(slugs.len(), all.len());
        let titles: HashSet<&str> = all.iter().map(|c| c.title.as_str()).collect();
        assert!(
            titles.len() > all.len() * 95 / 100,
            "{} titles",
            titles.len()
        );
        let spanish = all.iter().filter(|c| c.language == Lang::Es).count();
        assert!((20..80).contains(&spanish), "{spanish} in Spanish");
        let with_quiz = all
            .iter()
            .filter(|c| c.lessons().any(|l| l.quiz.is_some()))
            .count();
        assert!((80..200).contains(&with_quiz), "{with_quiz} with quizzes");
        assert!(all.iter().all(|c| !c.builds.is_empty()));
        assert!(all.iter().all(|c| (1..=3).contains(&c.modules.len())));
        assert!(all.iter().any(|c| !c.prerequisites.is_empty()));
        let lessons: usize = all.iter().map(|c| c.lessons().count()).sum();
        assert!(
            (6..=10).contains(&(lessons / all.len())),
            "{lessons} lessons"
        );
        // The first, most popular course has what the benchmark reads.
        assert_eq!(all[0].language, Lang::En);
        assert!(all[0].lessons().any(|l| l.quiz.is_some()));
    }
}
