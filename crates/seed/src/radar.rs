//! The AI tool registry and the challenge radar a programme grows
//! (deterministic from the seed): about one tool per 1,500 educators (20
//! to 300), reviews from one educator in ten, skewed as real ones are — a
//! few tools reviewed very often, most a little — with each tool's ratings
//! leaning its own way; statuses set by about a third of the districts and
//! locals; and challenge reports from one educator in ten over the
//! programme's life, more each year, in realistic shares of category and
//! severity, a fifth anonymous, older ones mostly triaged.

use crate::Programme;
use crate::rng::Rng;
use lyceum_domain::org::OrgKind;
use lyceum_domain::radar::Category;
use lyceum_domain::registry::review::{CRITERIA, Rating};
use lyceum_domain::role::Role;

/// Months of reports, the newest this month (the programme's age).
pub const MONTHS: u32 = 36;

const MAKERS: &[&str] = &[
    "Brightpath",
    "Clearwater",
    "Northstar",
    "Lumen",
    "Kestrel",
    "Juniper",
    "Tidewater",
    "Summit",
    "Cedar",
    "Harbor",
    "Prairie",
    "Mesa",
    "Aspen",
    "Beacon",
    "Copper",
    "Willow",
    "Granite",
    "Orchard",
    "Riverbend",
    "Skyline",
];

/// (kind of tool, what it does, youngest age, oldest age)
const KINDS: &[(&str, &str, u8, Option<u8>)] = &[
    (
        "Writing Coach",
        "Comments on students' drafts without rewriting them.",
        11,
        Some(18),
    ),
    (
        "Lesson Planner",
        "Drafts lesson plans and exit tickets for teachers.",
        18,
        None,
    ),
    (
        "Math Tutor",
        "Asks guiding questions as students solve problems.",
        8,
        Some(14),
    ),
    ("Chat Assistant", "A general-purpose chatbot.", 13, None),
    (
        "Reading Leveler",
        "Rewrites passages at a chosen reading level.",
        5,
        Some(12),
    ),
    (
        "Integrity Checker",
        "Estimates whether an essay was written by AI.",
        13,
        Some(18),
    ),
    (
        "Quiz Maker",
        "Writes quiz questions from a text or a standard.",
        18,
        None,
    ),
    (
        "Feedback Studio",
        "Drafts feedback on student work against a rubric.",
        18,
        None,
    ),
    (
        "Image Creator",
        "Makes images from a description.",
        13,
        None,
    ),
    (
        "Language Partner",
        "Holds conversations for language practice.",
        10,
        Some(18),
    ),
];

const COSTS: &[&str] = &[
    "free",
    "freemium",
    "paid_per_teacher",
    "paid_per_school",
    "unknown",
];

/// Comments reviewers write, by criterion (in the rubric's order).
const COMMENTS: [&str; CRITERIA] = [
    "Collects students' names and work; the district's agreement limits it.",
    "Deletes data a year after the account closes; we could not find how to ask sooner.",
    "Its terms let it train on conversations unless an admin switches that off.",
    "A student data privacy agreement is on the state's list.",
    "Its terms require users to be 13 or older.",
    "Answers about history leaned on one point of view.",
    "Marks what the AI wrote, and the teacher can edit it before students see it.",
    "Works with a screen reader; Spanish only in part.",
    "The free tier is enough for a class; the rest is costly for small districts.",
];

/// The statuses organisations set, with their notes.
const STATUSES: &[(&str, &str)] = &[
    (
        "approved",
        "Approved for classroom use after a term's pilot.",
    ),
    (
        "under_review",
        "The technology committee decides this semester.",
    ),
    (
        "not_approved",
        "Not for use with students: no privacy agreement.",
    ),
];

const HAPPENED: &[&str] = &[
    "Students handed in answers the AI made up, with sources that do not exist.",
    "A student pasted classmates' names into a chatbot.",
    "The tool's examples showed only one kind of family.",
    "Half the class had no device at home for the AI homework.",
    "Checking the AI's drafts took longer than writing them.",
    "Nobody could say whether the tool was allowed in class.",
];

/// The guidance written on addressed reports.
pub const GUIDANCE: &str = "Answered in the programme's guidance on checking AI output and \
     protecting student data: see the course \"Protecting student privacy\".";

/// A reviewer's comment on the criterion at `k` in the rubric.
pub fn comment(k: usize) -> &'static str {
    COMMENTS[k % CRITERIA]
}

pub struct Tool {
    pub name: String,
    pub vendor: String,
    pub description: &'static str,
    pub min_age: u8,
    pub max_age: Option<u8>,
    pub cost: &'static str,
    pub privacy_available: bool,
}

pub struct Review {
    pub tool: usize,
    /// Index into [`Programme::people`] (each reviewer once a tool).
    pub reviewer: usize,
    pub ratings: [Rating; CRITERIA],
    /// A comment on one criterion (by its place in the rubric), or none.
    pub comment: Option<usize>,
    /// Days before "now".
    pub days_ago: u32,
}

pub struct Status {
    pub tool: usize,
    /// Index into [`Programme::orgs`] (a district or local).
    pub org: usize,
    pub status: &'static str,
    pub note: &'static str,
    pub days_ago: u32,
}

pub struct Report {
    /// Index into [`Programme::people`].
    pub reporter: usize,
    /// Days before "now" (within [`MONTHS`]).
    pub days_ago: u32,
    pub category: Category,
    pub severity: &'static str,
    pub tool: Option<usize>,
    pub anonymous: bool,
    /// `new`, `triaged`, `addressed` or `declined`.
    pub status: &'static str,
    pub happened: &'static str,
}

pub struct Plan {
    pub tools: Vec<Tool>,
    pub reviews: Vec<Review>,
    pub statuses: Vec<Status>,
    pub reports: Vec<Report>,
}

/// A tool by popularity: the first few often, the rest now and then.
fn popular(rng: &mut Rng, tools: usize) -> usize {
    ((rng.unit().powi(3) * tools as f64) as usize).min(tools - 1)
}

/// The registry and the radar for `p`.
pub fn plan(p: &Programme, seed: u64) -> Plan {
    let mut rng = Rng::new(seed ^ 0x7a_da12);
    let educators: Vec<usize> = p
        .people
        .iter()
        .enumerate()
        .filter(|(_, x)| x.role == Role::Educator)
        .map(|(i, _)| i)
        .collect();
    if educators.is_empty() {
        return Plan {
            tools: Vec::new(),
            reviews: Vec::new(),
            statuses: Vec::new(),
            reports: Vec::new(),
        };
    }
    let count = (educators.len() / 1_500).clamp(20, 300);
    let tools: Vec<Tool> = (0..count)
        .map(|k| {
            let maker = MAKERS[k % MAKERS.len()];
            let (kind, does, min_age, max_age) = KINDS[(k / MAKERS.len() + k) % KINDS.len()];
            // Beyond the first 200 (20 makers × 10 kinds), a numbered edition.
            let edition = k / (MAKERS.len() * KINDS.len());
            let name = if edition == 0 {
                format!("{maker} {kind}")
            } else {
                format!("{maker} {kind} {}", edition + 1)
            };
            let cost = *rng.pick(COSTS);
            Tool {
                name,
                vendor: format!("{maker} Learning"),
                description: does,
                min_age,
                max_age,
                cost,
                privacy_available: rng.chance(0.6),
            }
        })
        .collect();
    // How well each tool meets the rubric, 0 (badly) to 1 (well).
    let quality: Vec<f64> = (0..count).map(|_| rng.unit()).collect();
    let mut seen = std::collections::HashSet::new();
    let mut reviews = Vec::with_capacity(educators.len() / 10);
    for _ in 0..educators.len() / 10 {
        let tool = popular(&mut rng, count);
        let reviewer = *rng.pick(&educators);
        if !seen.insert((tool, reviewer)) {
            continue;
        }
        let q = quality[tool];
        let ratings = std::array::from_fn(|_| {
            Rating::ALL[rng.weighted(&[1.0 + 3.0 * (1.0 - q), 2.0, 1.0 + 3.0 * q, 1.0])]
        });
        reviews.push(Review {
            tool,
            reviewer,
            ratings,
            comment: rng.chance(0.3).then(|| rng.below(CRITERIA)),
            days_ago: rng.below(MONTHS as usize * 30) as u32,
        });
    }
    let mut statuses = Vec::new();
    for (org, o) in p.orgs.iter().enumerate() {
        if !matches!(o.kind, OrgKind::District | OrgKind::Local) || !rng.chance(0.3) {
            continue;
        }
        let mut decided = std::collections::HashSet::new();
        for _ in 0..1 + rng.below(6) {
            let tool = popular(&mut rng, count);
            if decided.insert(tool) {
                let (status, note) = STATUSES[rng.weighted(&[5.0, 3.0, 2.0])];
                statuses.push(Status {
                    tool,
                    org,
                    status,
                    note,
                    days_ago: rng.below(700) as u32,
                });
            }
        }
    }
    let days = MONTHS as usize * 30;
    let mut reports: Vec<Report> = (0..educators.len() / 10)
        .map(|_| {
            // More reports each year: the age's square root spreads them
            // toward the present.
            let days_ago = (rng.unit().sqrt() * days as f64) as u32;
            let days_ago = days as u32 - 1 - days_ago.min(days as u32 - 1);
            let old = days_ago > 180;
            let status = if old {
                ["addressed", "declined", "triaged", "new"][rng.weighted(&[55.0, 15.0, 20.0, 10.0])]
            } else {
                ["new", "triaged", "addressed", "declined"][rng.weighted(&[50.0, 35.0, 12.0, 3.0])]
            };
            let happened = *rng.pick(HAPPENED);
            Report {
                reporter: *rng.pick(&educators),
                days_ago,
                category: Category::ALL
                    [rng.weighted(&[25.0, 12.0, 8.0, 18.0, 8.0, 10.0, 12.0, 4.0, 3.0])],
                severity: ["nuisance", "harms-learning", "harms-student"]
                    [rng.weighted(&[45.0, 45.0, 10.0])],
                tool: rng.chance(0.5).then(|| popular(&mut rng, count)),
                anonymous: rng.chance(0.2),
                status,
                happened,
            }
        })
        .collect();
    // Filed oldest first, as ids grow.
    reports.sort_by_key(|r| std::cmp::Reverse(r.days_ago));
    Plan {
        tools,
        reviews,
        statuses,
        reports,
    }
}
