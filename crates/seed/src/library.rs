//! The practice library a programme grows (deterministic from the seed):
//! about one classroom practice per 100 educators (a few still drafts or
//! waiting for review), trial reports skewed as real ones are — most
//! practices tried a few times, a few tried very often, one with exactly
//! [`BENCH_REPORTS`] for the benchmark — with designs in realistic shares
//! (none 55 %, pre/post 20 %, correlational 10 % (half with controls),
//! comparison 10 %, randomised 5 %), samples and sites that sometimes
//! cross the tier thresholds, and about one resource per 200 educators.

use crate::Programme;
use crate::rng::Rng;
use lyceum_domain::library::Design;
use lyceum_domain::role::Role;

/// Reports on the practice the benchmark's practice page shows.
pub const BENCH_REPORTS: usize = 200;

/// The classroom uses of AI practices are about, with the subject each fits.
pub const USES: &[(&str, &str, &str)] = &[
    ("Exit tickets with AI feedback", "feedback", "math"),
    (
        "Socratic questioning of a chatbot's answer",
        "questioning",
        "ela",
    ),
    (
        "Lab reports drafted, then critiqued, with an AI",
        "critique",
        "science",
    ),
    (
        "Primary sources summarised and checked against the original",
        "sources",
        "social-studies",
    ),
    (
        "Conversation practice with an AI partner",
        "conversation",
        "world-languages",
    ),
    (
        "Debugging code with an AI pair programmer",
        "debugging",
        "computer-science",
    ),
    (
        "Vocabulary in context with leveled AI texts",
        "vocabulary",
        "english-learners",
    ),
    ("Peer review with an AI rubric coach", "rubric", "ela"),
    (
        "Word problems rewritten for students' interests",
        "problems",
        "math",
    ),
    (
        "Spotting hallucinations in AI history answers",
        "hallucinations",
        "social-studies",
    ),
    ("Image prompts for visual art critique", "critique", "arts"),
    (
        "Research questions narrowed with an AI",
        "research",
        "library",
    ),
    (
        "Accessible texts for individual education plans",
        "accessibility",
        "special-education",
    ),
    ("Data analysis with an AI assistant", "data", "science"),
    (
        "Career interviews rehearsed with an AI",
        "interviews",
        "career-technical",
    ),
    (
        "Fitness plans checked against guidelines",
        "fitness",
        "health-pe",
    ),
];

const ADJUSTMENTS: &[&str] = &[
    "in small groups",
    "for the whole class",
    "with a checklist",
    "as homework review",
    "in two short rounds",
    "with sentence starters",
    "before a unit test",
    "with a reflection log",
];

/// A practice to write: its place in the plan is its order of publication.
#[derive(Debug, Clone)]
pub struct Practice {
    /// Index into [`Programme::people`].
    pub author: usize,
    pub title: String,
    pub summary: String,
    pub goal: String,
    pub keyword: &'static str,
    pub subject: &'static str,
    pub grade_band: &'static str,
    pub spanish: bool,
    /// 0: a draft, 1: waiting for review, 2: published.
    pub stage: u8,
    pub logic_model: bool,
    pub reports: Vec<Report>,
}

/// One trial report.
#[derive(Debug, Clone)]
pub struct Report {
    /// Index into [`Programme::people`] (each reporter once a practice).
    pub reporter: usize,
    pub students: u32,
    pub periods: u32,
    pub use_again: bool,
    pub design: Design,
    pub controls: bool,
    pub sample: Option<u32>,
    pub comparison: Option<u32>,
    pub sites: Option<u32>,
    pub positive: bool,
    pub significant: bool,
}

/// A resource: title, kind, subject; its ratings as (count, sum).
#[derive(Debug, Clone)]
pub struct Resource {
    pub author: usize,
    pub title: String,
    pub kind: &'static str,
    pub subject: &'static str,
    pub ratings: (i64, i64),
}

pub struct Plan {
    pub practices: Vec<Practice>,
    /// Which practice has [`BENCH_REPORTS`] reports.
    pub bench: Option<usize>,
    pub resources: Vec<Resource>,
}

const BANDS: &[&str] = &["k-2", "3-5", "6-8", "9-12"];
const KINDS: &[&str] = &[
    "lesson_plan",
    "prompt_template",
    "guidance",
    "policy_template",
];

fn report(rng: &mut Rng, reporter: usize) -> Report {
    let design = [
        Design::None,
        Design::PrePost,
        Design::Correlational,
        Design::Comparison,
        Design::Randomised,
    ][rng.weighted(&[55.0, 20.0, 10.0, 10.0, 5.0])];
    let students = 12 + rng.below(24) as u32;
    let measured = design != Design::None;
    // Larger studies now and then cross 350 students and two sites.
    let sample = measured.then(|| {
        if rng.chance(0.3) {
            300 + rng.below(200) as u32
        } else {
            students + rng.below(80) as u32
        }
    });
    let comparison = matches!(design, Design::Comparison | Design::Randomised)
        .then(|| sample.map(|s| s / 2))
        .flatten();
    Report {
        reporter,
        students,
        periods: 1 + rng.below(5) as u32,
        use_again: rng.chance(0.8),
        design,
        controls: design == Design::Correlational && rng.chance(0.5),
        sample,
        comparison,
        sites: measured.then(|| 1 + rng.weighted(&[6.0, 3.0, 1.0]) as u32),
        positive: rng.chance(0.75),
        significant: measured && rng.chance(0.5),
    }
}

/// The library for `p`.
pub fn plan(p: &Programme, seed: u64) -> Plan {
    let mut rng = Rng::new(seed ^ 0x11b_a2e5);
    let educators: Vec<usize> = p
        .people
        .iter()
        .enumerate()
        .filter(|(_, x)| x.role == Role::Educator)
        .map(|(i, _)| i)
        .collect();
    if educators.is_empty() {
        return Plan {
            practices: Vec::new(),
            bench: None,
            resources: Vec::new(),
        };
    }
    let count = (educators.len() / 100).max(20);
    let mut practices = Vec::with_capacity(count);
    let mut bench = None;
    for k in 0..count {
        let (use_title, keyword, subject) = *rng.pick(USES);
        let how = *rng.pick(ADJUSTMENTS);
        let band = *rng.pick(BANDS);
        let author = *rng.pick(&educators);
        let stage = match rng.below(100) {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        let mut reports = Vec::new();
        if stage == 2 {
            let n = if bench.is_none() && k >= count / 2 {
                bench = Some(k);
                BENCH_REPORTS
            } else {
                // Skewed: mean about 10, most a few, some many.
                (rng.unit().powi(4) * 50.0) as usize
            };
            let start = rng.below(educators.len());
            for j in 0..n.min(educators.len()) {
                let reporter = educators[(start + j * 7919) % educators.len()];
                reports.push(report(&mut rng, reporter));
            }
            reports.sort_by_key(|r| r.reporter);
            reports.dedup_by_key(|r| r.reporter);
        }
        practices.push(Practice {
            author,
            title: format!("{use_title} {how} ({band})"),
            summary: format!(
                "{use_title} {how}: students work with an AI tool, then check and improve what it gives them. Grades {band}."
            ),
            goal: format!("Students build {keyword} skills and judge AI output critically."),
            keyword,
            subject,
            grade_band: band,
            spanish: rng.chance(0.15),
            stage,
            logic_model: rng.chance(0.6),
            reports,
        });
    }
    let resources = (0..(educators.len() / 200).max(10))
        .map(|_| {
            let (use_title, _, subject) = *rng.pick(USES);
            let kind = *rng.pick(KINDS);
            let n = rng.below(40) as i64;
            Resource {
                author: *rng.pick(&educators),
                title: format!("{use_title}: {}", kind.replace('_', " ")),
                kind,
                subject,
                ratings: (n, n * (3 + rng.below(3) as i64)),
            }
        })
        .collect();
    Plan {
        practices,
        bench,
        resources,
    }
}
