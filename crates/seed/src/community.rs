//! Community activity, deterministic from the seed: spaces for
//! organisations (a few programme-wide, many for states, districts and
//! locals), topics and replies by people in each space's audience, follows
//! and accepted answers — spread as real communities are: one very busy
//! programme-wide space, a long tail of quiet ones; most topics with a few
//! replies, some with hundreds, one with thousands.
//!
//! This module plans who posts where and when; bodies are written from word
//! lists ([`body`]) when the rows are made, from a generator of each post's
//! own, so the plan stays small at programme scale.

use crate::Programme;
use crate::course_words::{TOOLS, grade_words, subject_words};
use crate::rng::Rng;
use lyceum_domain::org::OrgKind;
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::role::Role;

const MINUTE: i64 = 60_000_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// A space as planned.
#[derive(Debug, Clone)]
pub struct SpacePlan {
    /// Index into [`Programme::orgs`].
    pub org: usize,
    pub title: String,
    pub description: String,
    pub open: bool,
    /// Index into [`Programme::people`]: an admin of the organisation or
    /// the programme.
    pub creator: usize,
    pub created_at: i64,
    /// What its posts talk about.
    pub subject: Option<Subject>,
    pub band: Option<GradeBand>,
}

/// A topic as planned: its first post and replies, oldest first.
#[derive(Debug, Clone)]
pub struct TopicPlan {
    pub space: u32,
    pub question: bool,
    pub title: String,
    /// (author, when): the first post, then the replies; times strictly rise.
    pub posts: Vec<(u32, i64)>,
    /// The accepted answer of a question: (index into `posts`, when).
    pub accepted: Option<(u32, i64)>,
}

impl TopicPlan {
    pub fn author(&self) -> u32 {
        self.posts[0].0
    }
    pub fn created_at(&self) -> i64 {
        self.posts[0].1
    }
    pub fn last_post_at(&self) -> i64 {
        self.posts.last().map_or(0, |p| p.1)
    }
    pub fn replies(&self) -> usize {
        self.posts.len() - 1
    }
}

/// The whole plan.
#[derive(Debug, Clone)]
pub struct Plan {
    pub spaces: Vec<SpacePlan>,
    pub topics: Vec<TopicPlan>,
    /// (person, space, when).
    pub follows: Vec<(u32, u32, i64)>,
    /// The busiest space (programme-wide, open) and, in it, the topic with
    /// the most replies and one with a few dozen (to reply to).
    pub busiest_space: u32,
    pub long_topic: u32,
    pub reply_topic: u32,
}

/// How much there is at `educators` educators: about 2,000 spaces, 200,000
/// topics and 2,000,000 replies at 400,000.
pub fn sizes(educators: usize) -> (usize, usize, usize) {
    (
        (educators / 200).max(6),
        (educators / 2).max(40),
        educators * 5,
    )
}

/// The programme-wide spaces; the first is the busiest.
const ROOT_SPACES: &[(&str, &str)] = &[
    (
        "Programme Commons: AI in the Classroom",
        "Everyone in the programme: questions, lesson ideas and what happened when you tried AI with students.",
    ),
    (
        "Ask the Programme Team",
        "Questions about courses, PD credit and certificates, answered by the programme team and colleagues.",
    ),
    (
        "AI Policy and Academic Integrity",
        "School and district AI policies, honesty and assessment: drafts, debates and what works.",
    ),
    (
        "Show and Tell: AI Lesson Ideas",
        "Share a lesson, a prompt or a student project that used AI well (or badly).",
    ),
    (
        "Research Corner: AI in Education",
        "Papers, reports and evidence about AI and learning, read and discussed together.",
    ),
];

/// Themes of other spaces that are not about one subject or grade band.
const GENERAL: &[(&str, &str)] = &[
    ("AI Pilot Teachers", "teachers piloting AI tools this year"),
    (
        "AI Policy Conversations",
        "everyone shaping how AI is used here",
    ),
    (
        "Coaches and Leaders",
        "instructional coaches and school leaders",
    ),
    ("New to AI", "anyone taking their first steps with AI"),
];

fn subject_title(s: Subject) -> &'static str {
    match s {
        Subject::Ela => "English Language Arts",
        Subject::Math => "Mathematics",
        Subject::Science => "Science",
        Subject::SocialStudies => "Social Studies",
        Subject::WorldLanguages => "World Languages",
        Subject::Arts => "Arts",
        Subject::HealthPe => "Health and PE",
        Subject::ComputerScience => "Computer Science",
        Subject::CareerTechnical => "Career and Technical Education",
        Subject::SpecialEducation => "Special Education",
        Subject::EnglishLearners => "English Learners",
        Subject::Library => "School Libraries",
        Subject::Elementary => "Elementary",
        Subject::Other => "Electives",
    }
}

fn band_title(b: GradeBand) -> &'static str {
    match b {
        GradeBand::K2 => "K–2",
        GradeBand::G3to5 => "Grades 3–5",
        GradeBand::G6to8 => "Middle School",
        GradeBand::G9to12 => "High School",
    }
}

/// Themes: subjects, then grade bands, then general ones.
const THEMES: usize = 14 + 4 + 4;

fn theme(k: usize) -> (Option<Subject>, Option<GradeBand>, Option<usize>) {
    if k < Subject::ALL.len() {
        (Some(Subject::ALL[k]), None, None)
    } else if k < Subject::ALL.len() + GradeBand::ALL.len() {
        (None, Some(GradeBand::ALL[k - Subject::ALL.len()]), None)
    } else {
        (
            None,
            None,
            Some((k - Subject::ALL.len() - GradeBand::ALL.len()) % GENERAL.len()),
        )
    }
}

/// Who may post in a space at each organisation: everyone at or below it.
pub struct Audiences {
    /// Per organisation with spaces (others empty): people, by index.
    pub of: Vec<Vec<u32>>,
    /// Each organisation's ancestors, itself first.
    ancestors: Vec<Vec<usize>>,
}

impl Audiences {
    fn new(p: &Programme, with_spaces: &[bool]) -> Self {
        let ancestors: Vec<Vec<usize>> = (0..p.orgs.len())
            .map(|mut o| {
                let mut up = vec![o];
                while let Some(parent) = p.orgs[o].parent {
                    up.push(parent);
                    o = parent;
                }
                up
            })
            .collect();
        let mut of = vec![Vec::new(); p.orgs.len()];
        for (i, person) in p.people.iter().enumerate() {
            for a in &ancestors[person.org] {
                if with_spaces[*a] {
                    of[*a].push(i as u32);
                }
            }
        }
        Audiences { of, ancestors }
    }

    /// Does the audience of a space at `org` include this person?
    #[cfg(test)]
    pub fn includes(&self, p: &Programme, org: usize, person: usize) -> bool {
        self.ancestors[p.people[person].org].contains(&org)
    }
}

/// Someone from `audience`, the most active more often.
fn someone(rng: &mut Rng, audience: &[u32], offset: usize) -> u32 {
    let n = audience.len();
    let rank = (rng.unit().powf(2.2) * n as f64) as usize;
    audience[(rank.wrapping_mul(7_919) + offset) % n]
}

/// Plans the community of programme `p` up to `now` (µs); the programme
/// started at `since`. `None` when it has nobody to post.
pub fn plan(p: &Programme, seed: u64, since: i64, now: i64) -> Option<Plan> {
    let mut rng = Rng::new(seed ^ 0xC033_0417);
    let (n_spaces, n_topics, n_replies) = sizes(p.educators());
    let root = p.orgs.iter().position(|o| o.parent.is_none())?;
    let programme_admin = p
        .people
        .iter()
        .position(|x| x.role == Role::ProgrammeAdmin)
        .or_else(|| (!p.people.is_empty()).then_some(0))?;
    let org_admin: std::collections::HashMap<usize, usize> = p
        .people
        .iter()
        .enumerate()
        .filter(|(_, x)| x.role == Role::OrgAdmin)
        .map(|(i, x)| (x.org, i))
        .collect();
    // People per organisation's subtree, for choosing where spaces are.
    let mut below = vec![0usize; p.orgs.len()];
    for person in &p.people {
        let mut o = Some(person.org);
        while let Some(x) = o {
            below[x] += 1;
            o = p.orgs[x].parent;
        }
    }
    let kind_of = |kinds: &[OrgKind]| -> (Vec<f64>, Vec<usize>) {
        let ids: Vec<usize> = (0..p.orgs.len())
            .filter(|i| kinds.contains(&p.orgs[*i].kind) && below[*i] > 0)
            .collect();
        (
            ids.iter().map(|i| (below[*i] as f64).powf(0.8)).collect(),
            ids,
        )
    };
    let (state_w, states) = kind_of(&[OrgKind::State]);
    let (body_w, bodies) = kind_of(&[OrgKind::District, OrgKind::Local]);

    let n_root = ROOT_SPACES.len().min(n_spaces / 3).max(1);
    let n_state = if states.is_empty() {
        0
    } else {
        (n_spaces / 12).max(1)
    };
    let n_body = if bodies.is_empty() {
        0
    } else {
        n_spaces - n_root - n_state
    };
    let mut spaces = Vec::with_capacity(n_spaces);
    for (title, description) in &ROOT_SPACES[..n_root] {
        spaces.push(SpacePlan {
            org: root,
            title: (*title).into(),
            description: (*description).into(),
            open: true,
            creator: programme_admin,
            created_at: since + DAY + (rng.unit() * 20.0 * DAY as f64) as i64,
            subject: None,
            band: None,
        });
    }
    let mut themes_used: std::collections::HashMap<usize, Vec<usize>> =
        std::collections::HashMap::new();
    for (count, weights, orgs, open) in [
        (n_state, &state_w, &states, 0.5),
        (n_body, &body_w, &bodies, 0.35),
    ] {
        for _ in 0..count {
            let org = orgs[rng.weighted(weights)];
            let used = themes_used.entry(org).or_default();
            let mut k = rng.below(THEMES);
            for _ in 0..THEMES {
                if !used.contains(&k) {
                    break;
                }
                k = (k + 1) % THEMES;
            }
            used.push(k);
            let (subject, band, general) = theme(k);
            let name = &p.orgs[org].name;
            let (title, description) = match (subject, band, general) {
                (Some(s), _, _) => (
                    format!("{name}: {} and AI", subject_title(s)),
                    format!(
                        "Teachers across {name} share how they use AI in {} — lesson ideas, questions and what went wrong.",
                        subject_words(s).0
                    ),
                ),
                (_, Some(b), _) => (
                    format!("{name}: {} Teachers", band_title(b)),
                    format!(
                        "For everyone teaching {} in {name}: AI with younger and older students, policies and practice.",
                        grade_words(b).0
                    ),
                ),
                (_, _, g) => {
                    let (t, who) = GENERAL[g.unwrap_or(0)];
                    (
                        format!("{name}: {t}"),
                        format!("A space for {who} in {name}."),
                    )
                }
            };
            spaces.push(SpacePlan {
                org,
                title,
                description,
                open: rng.chance(open),
                creator: org_admin.get(&org).copied().unwrap_or(programme_admin),
                created_at: since + 15 * DAY + (rng.unit() * 300.0 * DAY as f64) as i64,
                subject,
                band,
            });
        }
    }
    let mut with_spaces = vec![false; p.orgs.len()];
    for s in &spaces {
        with_spaces[s.org] = true;
    }
    let audiences = Audiences::new(p, &with_spaces);

    // Topics per space: a tenth in the busiest, a little in the other
    // programme-wide ones, the rest by audience with a long tail.
    let weights: Vec<f64> = spaces
        .iter()
        .enumerate()
        .map(|(i, s)| match i {
            0 => 0.0,
            _ if s.org == root => 0.015,
            _ => {
                let size = audiences.of[s.org].len() as f64;
                size.sqrt() * rng.around(1.0, 0.9)
            }
        })
        .collect();
    let rest: f64 = spaces
        .iter()
        .zip(&weights)
        .filter(|(s, _)| s.org != root)
        .map(|(_, w)| w)
        .sum();
    let others = n_topics as f64 * (0.9 - 0.015 * (n_root - 1) as f64);
    let mut per_space: Vec<usize> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| match i {
            0 => n_topics / 10,
            _ if spaces[i].org == root => (0.015 * n_topics as f64) as usize,
            _ => (w / rest.max(f64::MIN_POSITIVE) * others.max(0.0) + rng.unit()) as usize,
        })
        .collect();
    // However small the programme, the busiest is the busiest.
    let most = per_space.iter().skip(1).copied().max().unwrap_or(0);
    per_space[0] = per_space[0].max(most + 1);

    // The topics, their authors and when they started.
    let mut topics: Vec<TopicPlan> = Vec::with_capacity(n_topics + n_topics / 10);
    let latest = now - 2 * HOUR;
    for (s, count) in per_space.iter().enumerate() {
        let space = &spaces[s];
        let audience = &audiences.of[space.org];
        if audience.is_empty() {
            continue;
        }
        let offset = rng.below(audience.len());
        let start = space.created_at + HOUR;
        for _ in 0..*count {
            let author = someone(&mut rng, audience, offset);
            let question = rng.chance(0.35);
            let title = topic_title(&mut rng, space, question);
            // Communities grow: more topics lately.
            let at = start + ((latest - start).max(1) as f64 * rng.unit().powf(0.6)) as i64;
            topics.push(TopicPlan {
                space: s as u32,
                question,
                title,
                posts: vec![(author, at)],
                accepted: None,
            });
        }
    }
    if topics.is_empty() {
        return None;
    }

    // Replies: one topic in the busiest space with thousands, the rest a
    // long tail (many with none or a few).
    let long_topic = topics.iter().position(|t| t.space == 0).unwrap_or(0);
    let long = (n_replies / 500).max(40).min(n_replies / 2);
    let tail: Vec<f64> = (0..topics.len())
        .map(|i| {
            if i == long_topic || rng.chance(0.15) {
                0.0
            } else {
                rng.around(1.0, 0.85)
            }
        })
        .collect();
    let total: f64 = tail.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let share = (n_replies - long) as f64 / total;
    for (i, t) in topics.iter_mut().enumerate() {
        let count = if i == long_topic {
            // Started early enough for thousands of replies.
            t.posts[0].1 = t.posts[0].1.min(now - 200 * DAY).max(since + 30 * DAY);
            long
        } else {
            (tail[i] * share + rng.unit()) as usize
        };
        let space = &spaces[t.space as usize];
        let audience = &audiences.of[space.org];
        let offset = rng.below(audience.len());
        let asker = t.posts[0].0;
        // Five minutes to a week apart, squeezed into the time there is.
        let mut gaps: Vec<i64> = (0..count)
            .map(|_| (5.0 * 2000f64.powf(rng.unit()) * MINUTE as f64) as i64)
            .collect();
        let room = now - MINUTE - t.posts[0].1;
        let sum: i64 = gaps.iter().sum();
        if sum >= room {
            let scale = room as f64 / (sum as f64 + 1.0);
            for g in &mut gaps {
                *g = ((*g as f64 * scale) as i64).max(1);
            }
        }
        let mut at = t.posts[0].1;
        for g in gaps {
            at += g;
            let author = if rng.chance(0.2) {
                asker
            } else {
                someone(&mut rng, audience, offset)
            };
            t.posts.push((author, at.min(now - 1)));
        }
        // Questions: about half have an accepted answer (by someone else).
        if t.question && t.replies() > 0 && rng.chance(0.5) {
            let k = 1 + (rng.unit().powf(2.0) * t.replies() as f64) as usize;
            let k = (k..t.posts.len())
                .chain(1..k)
                .find(|k| t.posts[*k].0 != asker);
            if let Some(k) = k {
                let reply_at = t.posts[k].1;
                let when = reply_at + ((now - reply_at) as f64 * rng.unit() * 0.2) as i64;
                t.accepted = Some((k as u32, when.min(now - 1)));
            }
        }
    }
    // Times strictly rise within a topic (posts are ordered by id, which
    // follows time).
    for t in &mut topics {
        for k in 1..t.posts.len() {
            if t.posts[k].1 <= t.posts[k - 1].1 {
                t.posts[k].1 = t.posts[k - 1].1 + 1;
            }
        }
    }
    let reply_topic = topics
        .iter()
        .enumerate()
        .filter(|(i, t)| t.space == 0 && *i != long_topic)
        .find(|(_, t)| (20..=60).contains(&t.replies()))
        .map_or(long_topic, |(i, _)| i);

    // Follows: a quarter of people follow one to three spaces they belong to.
    let mut by_org: Vec<Vec<u32>> = vec![Vec::new(); p.orgs.len()];
    for (i, s) in spaces.iter().enumerate() {
        by_org[s.org].push(i as u32);
    }
    let mut follows = Vec::new();
    let mut mine: Vec<u32> = Vec::new();
    for (i, person) in p.people.iter().enumerate() {
        if !rng.chance(0.25) {
            continue;
        }
        mine.clear();
        for a in &audiences.ancestors[person.org] {
            mine.extend(&by_org[*a]);
        }
        if mine.is_empty() {
            continue;
        }
        let mut chosen: Vec<u32> = Vec::with_capacity(3);
        for _ in 0..1 + rng.below(3) {
            let s = mine[rng.below(mine.len())];
            if !chosen.contains(&s) {
                chosen.push(s);
                let from = spaces[s as usize].created_at;
                let at = from + ((now - from - 1) as f64 * rng.unit()) as i64;
                follows.push((i as u32, s, at));
            }
        }
    }
    Some(Plan {
        spaces,
        topics,
        follows,
        busiest_space: 0,
        long_topic: long_topic as u32,
        reply_topic: reply_topic as u32,
    })
}

// ---- Words ----

/// Rare words: each in a fraction of a percent of posts. The first is the
/// one the benchmark searches for; none is the start of another word used.
pub const RARE: &[&str] = &[
    "tessellations",
    "photosynthesis",
    "onomatopoeia",
    "metamorphosis",
    "archipelagos",
    "haiku",
    "parabolas",
    "mitochondria",
    "sonnets",
    "isotopes",
    "fractals",
    "gerrymandering",
    "watersheds",
    "suffrage",
    "hieroglyphics",
    "origami",
    "marimbas",
    "tectonics",
    "alliteration",
    "quadrilaterals",
    "constellations",
    "renaissance",
    "pollination",
    "circuitry",
    "topography",
    "calligraphy",
    "sediments",
    "thermodynamics",
    "polynomials",
    "chromosomes",
    "abolitionists",
    "volcanology",
    "sonatas",
    "cartography",
    "exoplanets",
    "pendulums",
    "fables",
    "limericks",
    "migration",
];

/// The common word most posts have.
pub const COMMON: &str = "students";

const TASKS: &[&str] = &[
    "essay feedback",
    "lesson planning",
    "differentiating reading passages",
    "practice problems",
    "writing rubrics",
    "emails to families",
    "vocabulary practice",
    "lab report feedback",
    "debate preparation",
    "translating letters home",
    "quiz questions",
    "exit tickets",
    "project brainstorming",
    "research skills",
    "study guides",
];

const QUESTION_TITLES: &[&str] = &[
    "How do you handle AI use in {task}?",
    "Has anyone used {tool} for {task}?",
    "What is your policy on AI for {task} in {subject}?",
    "Best way to teach students to check AI answers in {grade}?",
    "Is it fair to let students use AI for {task}?",
    "How do I explain AI hallucinations to {grade} students?",
    "Which AI tools are approved for {subject} in your school?",
    "How much time does AI really save on {task}?",
];

const DISCUSSION_TITLES: &[&str] = &[
    "Sharing: {tool} for {task} in {subject}",
    "What worked this week: AI and {task}",
    "Reflections on {task} with AI in {grade}",
    "Our AI guidelines for {subject}: feedback welcome",
    "A {subject} lesson where students critique AI",
    "When AI got it wrong in {subject}",
    "Ideas for {task} with {tool}",
];

const OPENING: &[&str] = &[
    "Our {grade} team started using {tool} with students for {task} this term.",
    "I teach {subject} and I am still working out where AI fits into {task}.",
    "Last week my students compared their own answers with what {tool} wrote.",
    "We are drafting guidelines for AI in {subject}, starting with {task}.",
    "A colleague suggested {tool} for {task}, and I would love to hear from anyone who tried it.",
    "My students keep asking whether they may use AI for {task}.",
];

const MIDDLE: &[&str] = &[
    "The students were surprised how confident the AI sounded when it was wrong.",
    "It saved me time, but I still read everything before the students saw it.",
    "Some students used it well; others copied the first answer without checking it.",
    "We talked about where the AI gets its information and who checks it.",
    "The hardest part was agreeing on what counts as the students' own work.",
    "I asked students to mark every sentence they would change and explain why.",
    "Families had questions, so we sent home a short note about how we use AI.",
    "For {subject}, the examples it gave were fine but rather generic.",
    "It works better when students write their own draft first.",
    "Our English learners found the translation support especially helpful.",
    "I would not use it for grading, but it helps me plan {task}.",
    "We kept a class list of good prompts and bad answers.",
];

const CLOSING: &[&str] = &[
    "How do you handle this with your students?",
    "Any tips are welcome.",
    "I will report back after the next unit.",
    "What would you change?",
    "Curious whether this matches what others see in {grade}.",
];

const REPLIES: &[&str] = &[
    "Thanks for sharing this!",
    "We tried something similar with our students last semester.",
    "Agreed: checking AI answers together as a class is the best part.",
    "In {subject} we found the same thing.",
    "Our district asked us to use only approved tools, so we switched to {tool}.",
    "I had my students write first and use AI only for feedback.",
    "That matches what I see in {grade}.",
    "We set a rule: students say when and how they used AI.",
    "Great question; I have been wondering the same.",
    "I would start with a low-stakes task, like {task}.",
    "Our librarian ran a session on checking sources, and it helped a lot.",
    "The students liked spotting the mistakes more than I expected.",
    "Be careful with student data in free tools.",
    "We use a short reflection after every AI task.",
];

const TIPS: &[&str] = &[
    "students write a first draft on their own",
    "compare the AI answer with the textbook",
    "ask the AI for sources, then check them",
    "keep prompts short and specific",
    "discuss what the AI got wrong",
    "note when and how AI was used",
];

const RARE_SENTENCES: &[&str] = &[
    "We tried it on a unit about {rare}, and it went better than expected.",
    "It got the basics of {rare} right but missed the details.",
    "My students made a short quiz on {rare} and checked every answer.",
];

fn fill(rng: &mut Rng, template: &str, space: &SpacePlan, rare: Option<&str>) -> String {
    let mut out = template.to_string();
    if out.contains("{subject}") {
        let s = space.subject.unwrap_or(*rng.pick(Subject::ALL));
        out = out.replace("{subject}", subject_words(s).0);
    }
    if out.contains("{grade}") {
        let b = space.band.unwrap_or(*rng.pick(GradeBand::ALL));
        out = out.replace("{grade}", grade_words(b).0);
    }
    if out.contains("{tool}") {
        out = out.replace("{tool}", rng.pick(TOOLS).0);
    }
    if out.contains("{task}") {
        out = out.replace("{task}", rng_pick(rng, TASKS));
    }
    if let Some(r) = rare {
        out = out.replace("{rare}", r);
    }
    out
}

fn topic_title(rng: &mut Rng, space: &SpacePlan, question: bool) -> String {
    let templates = if question {
        QUESTION_TITLES
    } else {
        DISCUSSION_TITLES
    };
    let mut t = say(rng, templates, space, None);
    if let Some(first) = t.get(..1) {
        t = first.to_uppercase() + &t[1..];
    }
    t
}

/// A post's Markdown body: a topic's first post (`first`) or a reply.
pub fn body(rng: &mut Rng, space: &SpacePlan, first: bool) -> String {
    let mut sentences: Vec<String> = Vec::with_capacity(6);
    if first {
        sentences.push(say(rng, OPENING, space, None));
        for _ in 0..1 + rng.below(3) {
            sentences.push(say(rng, MIDDLE, space, None));
        }
    } else {
        sentences.push(say(rng, REPLIES, space, None));
        for _ in 0..rng.below(3) {
            sentences.push(say(rng, MIDDLE, space, None));
        }
    }
    // One post in four mentions something rarer.
    if rng.chance(0.25) {
        let rare = RARE[rng.below(RARE.len())];
        let at = rng.below(sentences.len() + 1);
        sentences.insert(at, say(rng, RARE_SENTENCES, space, Some(rare)));
    }
    let mut out = String::with_capacity(400);
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            out.push_str(if i == 2 && rng.chance(0.4) {
                "\n\n"
            } else {
                " "
            });
        }
        out.push_str(s);
    }
    // Some posts add a short list or stress a phrase.
    match rng.below(10) {
        0 | 1 => {
            out.push_str("\n\nWhat helped:\n\n");
            for _ in 0..2 + rng.below(2) {
                out.push_str("- ");
                out.push_str(rng_pick(rng, TIPS));
                out.push('\n');
            }
        }
        2 => out.push_str("\n\n**The AI is a draft, not an answer.**"),
        _ => {}
    }
    if first && rng.chance(0.5) {
        out.push_str("\n\n");
        out.push_str(&say(rng, CLOSING, space, None));
    }
    out
}

fn rng_pick(rng: &mut Rng, items: &'static [&'static str]) -> &'static str {
    items[rng.below(items.len())]
}

/// One of `templates`, filled in.
fn say(
    rng: &mut Rng,
    templates: &'static [&'static str],
    space: &SpacePlan,
    rare: Option<&str>,
) -> String {
    let t = rng_pick(rng, templates);
    fill(rng, t, space, rare)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Params, generate};

    #[test]
    fn plans_a_long_tail_in_each_audience() {
        let p = generate(Params {
            educators: 4_000,
            seed: 3,
        });
        let now = 1_800_000_000_000_000;
        let since = now - 3 * 365 * DAY;
        let plan = plan(&p, 3, since, now).unwrap();
        let (spaces, topics, replies) = sizes(4_000);
        assert_eq!(plan.spaces.len(), spaces);
        let t = plan.topics.len();
        assert!(t * 10 > topics * 8 && t * 10 < topics * 13, "{t} topics");
        let r: usize = plan.topics.iter().map(TopicPlan::replies).sum();
        assert!(r * 10 > replies * 9 && r * 10 < replies * 11, "{r} replies");
        let with_spaces: Vec<bool> = (0..p.orgs.len())
            .map(|o| plan.spaces.iter().any(|s| s.org == o))
            .collect();
        let a = Audiences::new(&p, &with_spaces);
        for t in &plan.topics {
            let s = &plan.spaces[t.space as usize];
            assert!(t.created_at() > s.created_at && t.last_post_at() < now);
            assert!(t.posts.windows(2).all(|w| w[0].1 < w[1].1));
            for (author, _) in &t.posts {
                assert!(a.includes(&p, s.org, *author as usize));
            }
        }
        let long = &plan.topics[plan.long_topic as usize];
        assert!(long.replies() >= 40);
        assert_eq!(long.space, plan.busiest_space);
        let again = super::plan(&p, 3, since, now).unwrap();
        assert_eq!(format!("{:?}", again.topics), format!("{:?}", plan.topics));
    }
}
