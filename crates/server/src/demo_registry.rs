//! The demo's AI tool registry: six kinds of tool teachers really meet (a
//! writing coach, a planner, a maths tutor, a general chatbot, a reading
//! leveler, an AI-writing detector), reviews of them on the rubric by
//! Ohio and New Mexico educators, and the statuses their organisations set:
//! Columbus City Schools decides for its schools (Lincoln Elementary's
//! educators see "approved by Columbus City Schools"), and the programme
//! approves one tool for Valle Verde Middle School.
//!
//! The tools and their vendors are invented, on `example` addresses: a
//! demo's ratings must never speak for a real product. Everything is
//! written through the app's own functions, so tallies, review counts and
//! the audit log hold as they would.

use crate::demo::{actor, person};
use lyceum_db::registry::{self, reviews, status};
use lyceum_db::{DbConn, DbError, orgs};
use lyceum_domain::registry::ToolInput;
use lyceum_domain::registry::review::{Criterion, ReviewInput};
use lyceum_domain::registry::status::DecisionInput;
use lyceum_domain::time::TimeZone;
use lyceum_domain::{Timestamp, ToolId};
use std::time::Duration;

/// (name, vendor, address, what it does, ages from, ages to, cost, privacy
/// agreement)
type Demo = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const TOOLS: &[Demo] = &[
    (
        "QuillMate Writing Coach",
        "Quill & Co. Learning",
        "https://quillmate.example.com/",
        "Gives students comments on their drafts — organisation, evidence, conventions — \
         without rewriting them. Teachers set which comments it may give and see every one.",
        "13",
        "18",
        "freemium",
        "available",
    ),
    (
        "LessonSpark Planner",
        "Spark Education Labs",
        "https://lessonspark.example.com/",
        "A planning assistant for teachers only: drafts lesson plans, exit tickets and \
         differentiated versions of a task from a standard and a short description.",
        "18",
        "",
        "paid_per_teacher",
        "available",
    ),
    (
        "Socratic Math Tutor",
        "Numberline Learning",
        "https://socratic-math.example.org/",
        "A chat tutor for grades 3 to 8 that asks guiding questions instead of giving \
         answers, and shows the teacher where each student got stuck.",
        "8",
        "14",
        "paid_per_school",
        "available",
    ),
    (
        "OpenChat Assistant",
        "OpenChat Inc.",
        "https://openchat.example.com/",
        "A general-purpose chatbot. Its terms allow users from 13 with a parent's consent; \
         its free tier may use conversations to train its models unless switched off.",
        "13",
        "",
        "free",
        "none_known",
    ),
    (
        "ReadAloud Leveler",
        "Open Reading Project",
        "https://readaloud.example.org/",
        "Rewrites a passage at a chosen reading level, in English or Spanish, and reads it \
         aloud. Runs in the browser; no student accounts.",
        "5",
        "12",
        "free",
        "none_known",
    ),
    (
        "ClassLens Integrity Checker",
        "ClassLens Analytics",
        "https://classlens.example.com/",
        "Estimates how likely it is that an essay was written by AI, sentence by sentence.",
        "13",
        "18",
        "paid_per_school",
        "available",
    ),
];

/// A review in nine letters, one per criterion in the rubric's order:
/// M meets, R meets with reservations, N does not meet, ? don't know.
struct Review {
    tool: usize,
    email: &'static str,
    ratings: &'static str,
    /// (criterion code, comment)
    comments: &'static [(&'static str, &'static str)],
}

const REVIEWS: &[Review] = &[
    Review {
        tool: 0,
        email: "educator@columbus.example.org",
        ratings: "RMMMMMMR?",
        comments: &[
            (
                "data_collected",
                "Keeps students' drafts for the school year; the district's DPA covers it.",
            ),
            (
                "accessibility",
                "Works with a screen reader, but its comments are in English only.",
            ),
        ],
    },
    Review {
        tool: 0,
        email: "facilitator@columbus.example.org",
        ratings: "MMMMMRMMR",
        comments: &[(
            "bias",
            "Flagged African American English as \"errors\" twice in my class set; the teacher \
             setting that limits it to grammar we teach fixed it.",
        )],
    },
    Review {
        tool: 1,
        email: "educator@columbus.example.org",
        ratings: "MMMMMMMMR",
        comments: &[(
            "cost_and_equity",
            "Per-teacher pricing: fine for us, hard for a small rural district.",
        )],
    },
    Review {
        tool: 2,
        email: "facilitator@columbus.example.org",
        ratings: "MMMMMMMRM",
        comments: &[(
            "transparency",
            "Shows the teacher every hint it gave. Students cannot see that it is AI until \
             the second screen — we tell them on day one.",
        )],
    },
    Review {
        tool: 2,
        email: "moderator@atf.example.org",
        ratings: "MRMMMM?NM",
        comments: &[(
            "accessibility",
            "No Spanish yet; half my sixth graders are English learners.",
        )],
    },
    Review {
        tool: 3,
        email: "educator@columbus.example.org",
        ratings: "NNNNRRRM?",
        comments: &[
            (
                "model_training",
                "The free tier trains on conversations unless each user switches it off.",
            ),
            (
                "privacy_agreement",
                "No student data privacy agreement offered; not for student accounts.",
            ),
        ],
    },
    Review {
        tool: 3,
        email: "moderator@atf.example.org",
        ratings: "NN?NRRRMM",
        comments: &[],
    },
    Review {
        tool: 4,
        email: "moderator@atf.example.org",
        ratings: "MMM?MRMMM",
        comments: &[(
            "bias",
            "Spanish rewrites sometimes swap in Castilian words our families do not use.",
        )],
    },
    Review {
        tool: 5,
        email: "facilitator@columbus.example.org",
        ratings: "RR?MMNNRN",
        comments: &[(
            "bias",
            "Flagged three of my English learners' essays as AI-written; all three were \
             written in class, by hand first.",
        )],
    },
];

/// (tool, organisation, deciding admin, status, note, days ago, DPA signed)
type Status = (
    usize,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u64,
    bool,
);

const STATUSES: &[Status] = &[
    (
        2,
        "Columbus City Schools",
        "orgadmin@columbus.example.org",
        "approved",
        "Approved for grades 3–8 after a term's pilot at Lincoln and Eastmoor.",
        64,
        true,
    ),
    (
        1,
        "Columbus City Schools",
        "orgadmin@columbus.example.org",
        "approved",
        "Teachers only; never paste student names or work with names on it.",
        40,
        true,
    ),
    (
        0,
        "Columbus City Schools",
        "orgadmin@columbus.example.org",
        "under_review",
        "Piloting in two high schools this semester; decision in January.",
        21,
        false,
    ),
    (
        5,
        "Columbus City Schools",
        "orgadmin@columbus.example.org",
        "not_approved",
        "Too many false positives on English learners' writing; its score may not be used \
         as evidence of misconduct.",
        30,
        false,
    ),
    (
        4,
        "Valle Verde Middle School",
        "admin@lyceum.example.org",
        "approved",
        "No accounts and nothing stored: approved for classroom use.",
        12,
        false,
    ),
];

fn rating(letter: char) -> &'static str {
    match letter {
        'M' => "meets",
        'R' => "meets_with_reservations",
        'N' => "does_not_meet",
        _ => "dont_know",
    }
}

/// Returns the tools, in the order written here (empty when the demo has
/// no programme admin to add them).
pub fn seed(c: &mut DbConn, now: Timestamp) -> Result<Vec<ToolId>, DbError> {
    let Some(sam) = person(c, "admin@lyceum.example.org")? else {
        return Ok(Vec::new());
    };
    let editor = actor(c, sam)?;
    let mut tools = Vec::new();
    for (name, vendor, url, description, min_age, max_age, cost, privacy) in TOOLS {
        let input = ToolInput {
            name: name.to_string(),
            vendor: vendor.to_string(),
            url: url.to_string(),
            description: description.to_string(),
            min_age: min_age.to_string(),
            max_age: max_age.to_string(),
            cost_model: cost.to_string(),
            privacy_agreement: privacy.to_string(),
        };
        let tool = lyceum_domain::registry::check(&input).map_err(DbError::Invalid)?;
        tools.push(registry::create(c, &editor, &tool, now)?);
    }
    for r in REVIEWS {
        let Some(user) = person(c, r.email)? else {
            continue;
        };
        let input = ReviewInput {
            ratings: Criterion::ALL
                .iter()
                .zip(r.ratings.chars())
                .map(|(c, l)| (c.as_str().to_string(), rating(l).to_string()))
                .collect(),
            comments: r
                .comments
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        let review = lyceum_domain::registry::review::check(&input).map_err(DbError::Invalid)?;
        reviews::write(c, tools[r.tool], user, &review, now)?;
    }
    let zone = TimeZone::programme();
    for (tool, org, email, code, note, days_ago, signed) in STATUSES {
        let (Some(admin), Some(org)) = (person(c, email)?, orgs::find(c, org)?.into_iter().next())
        else {
            continue;
        };
        let on = now.minus(Duration::from_secs(days_ago * 86_400));
        let input = DecisionInput {
            status: code.to_string(),
            note: note.to_string(),
            decided_on: on.date_in(&zone).to_string(),
            privacy_agreement_signed: *signed,
        };
        let decision = lyceum_domain::registry::status::check(&input, now.date_in(&zone))
            .map_err(DbError::Invalid)?;
        let admin = actor(c, admin)?;
        status::set(c, &admin, tools[*tool], org.id(), &decision, now)?;
    }
    Ok(tools)
}
