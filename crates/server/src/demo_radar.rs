//! The demo's challenge radar: problems Ohio and New Mexico educators met
//! with AI in class over the last five months, one reported anonymously,
//! and the programme admin's triage — two addressed with a resource from
//! the library, one with guidance written on the report (the anonymous
//! one: its reporter is told without anyone learning who they are), a
//! duplicate merged, the rest triaged or still new. Filed and triaged
//! through the app's own functions, so the radar's stored counts, the
//! reporters' notifications and the audit log hold as they would.

use crate::demo::{actor, person};
use crate::demo_library::Library;
use lyceum_db::radar::{self, triage};
use lyceum_db::{DbConn, DbError};
use lyceum_domain::radar::{ReportInput, TriageInput};
use lyceum_domain::{ChallengeId, Timestamp, ToolId};
use std::time::Duration;

struct Report {
    email: &'static str,
    /// Filed this many days before the demo was made.
    days_ago: u64,
    category: &'static str,
    severity: &'static str,
    /// A registry tool, by its place in the demo's list.
    tool: Option<usize>,
    subject: &'static str,
    grade_band: &'static str,
    happened: &'static str,
    tried: &'static str,
    anonymous: bool,
}

const REPORTS: &[Report] = &[
    Report {
        email: "educator@columbus.example.org",
        days_ago: 130,
        category: "wrong-answers",
        severity: "harms-learning",
        tool: Some(3),
        subject: "science",
        grade_band: "3-5",
        happened: "Students asked the chatbot how plants get food. It said plants take in \
            food through their roots, with a confident, made-up quote from a textbook. Three \
            groups copied it into their lab notes.",
        tried: "We checked the claim against our science book together and I showed how the \
            quote did not exist.",
        anonymous: false,
    },
    Report {
        email: "educator@columbus.example.org",
        days_ago: 95,
        category: "student-privacy",
        severity: "harms-student",
        tool: Some(3),
        subject: "ela",
        grade_band: "3-5",
        happened: "A colleague pasted a whole class's reading scores, with names and IEP notes, \
            into a free chatbot to get reading groups. I do not know where that data went.",
        tried: "I asked who to tell and nobody knew. I am reporting it here because I do not \
            want to name anyone.",
        anonymous: true,
    },
    Report {
        email: "facilitator@columbus.example.org",
        days_ago: 70,
        category: "bias",
        severity: "harms-student",
        tool: Some(5),
        subject: "ela",
        grade_band: "9-12",
        happened: "The AI-writing detector flagged three English learners' essays as \
            AI-written. All three had drafted them by hand in class.",
        tried: "I showed the handwritten drafts to the assistant principal and the flags were \
            dropped, but one student was upset for a week.",
        anonymous: false,
    },
    Report {
        email: "moderator@atf.example.org",
        days_ago: 60,
        category: "bias",
        severity: "harms-learning",
        tool: Some(5),
        subject: "english-learners",
        grade_band: "6-8",
        happened: "Our detector scores newcomer students' writing as \"likely AI\" far more \
            often than other students'.",
        tried: "Stopped using the score for now.",
        anonymous: false,
    },
    Report {
        email: "orgadmin@columbus.example.org",
        days_ago: 45,
        category: "unclear-policy",
        severity: "nuisance",
        tool: None,
        subject: "other",
        grade_band: "9-12",
        happened: "Teachers in the same building give students opposite rules on AI for \
            homework, and families are confused.",
        tried: "Drafting a building-wide statement; we need a model policy to start from.",
        anonymous: false,
    },
    Report {
        email: "moderator@atf.example.org",
        days_ago: 30,
        category: "access-equity",
        severity: "harms-learning",
        tool: Some(3),
        subject: "math",
        grade_band: "6-8",
        happened: "Half my students have no internet at home, so AI-assisted homework \
            widens the gap between them and the rest.",
        tried: "Moved the AI part of the task into class time.",
        anonymous: false,
    },
    Report {
        email: "facilitator@columbus.example.org",
        days_ago: 16,
        category: "workload",
        severity: "nuisance",
        tool: Some(1),
        subject: "social-studies",
        grade_band: "6-8",
        happened: "Checking every AI-drafted quiz question for accuracy takes longer than \
            writing the quiz myself.",
        tried: "Only use it for the first draft of distractors now.",
        anonymous: false,
    },
    Report {
        email: "educator@columbus.example.org",
        days_ago: 6,
        category: "academic-integrity",
        severity: "harms-learning",
        tool: None,
        subject: "math",
        grade_band: "3-5",
        happened: "Students photographed homework problems with a phone app that solves \
            them and shows the steps; the answers came back identical.",
        tried: "Asked students to explain one problem aloud the next morning.",
        anonymous: false,
    },
];

/// The answer to the "confident and wrong" report: the fact-checking
/// lesson plan (the library's fifth resource).
const FACT_CHECK_LESSON: usize = 4;
/// The answer to the policy report: the sample policy toolkit (third).
const POLICY_TOOLKIT: usize = 2;

const PRIVACY_GUIDANCE: &str = "Never paste student names, scores or IEP information into a \
    tool your district has not approved for student data. If it has happened: tell your \
    principal or the district's data privacy officer the same day, say which tool and what was \
    shared, and ask the vendor to delete it. The course \"Protecting student privacy\" walks \
    through what to do.";

pub fn seed(
    c: &mut DbConn,
    tools: &[ToolId],
    library: &Library,
    now: Timestamp,
) -> Result<(), DbError> {
    let mut filed: Vec<Option<ChallengeId>> = Vec::new();
    for r in REPORTS {
        let Some(user) = person(c, r.email)? else {
            filed.push(None);
            continue;
        };
        let input = ReportInput {
            category: r.category.into(),
            severity: r.severity.into(),
            tool: r
                .tool
                .and_then(|i| tools.get(i))
                .map(|t| t.0.to_string())
                .unwrap_or_default(),
            subject: r.subject.into(),
            grade_band: r.grade_band.into(),
            happened: r.happened.into(),
            tried: r.tried.into(),
            anonymous: r.anonymous.then(|| "on".to_string()),
        };
        let at = now.minus(Duration::from_secs(r.days_ago * 86_400));
        filed.push(Some(radar::file(c, user, &input, at)?));
    }
    let Some(sam) = person(c, "admin@lyceum.example.org")? else {
        return Ok(());
    };
    let staff = actor(c, sam)?;
    let base = "http://localhost:8080";
    let decide = |c: &mut DbConn, report: usize, input: TriageInput| -> Result<(), DbError> {
        if let Some(id) = filed.get(report).copied().flatten() {
            triage::triage(c, &staff, id, &input, base, now)?;
        }
        Ok(())
    };
    let triaged = |tags: &str| TriageInput {
        status: "triaged".into(),
        tags: tags.into(),
        ..TriageInput::default()
    };
    let addressed = |tags: &str, answer: &str, id: String, guidance: &str| TriageInput {
        status: "addressed".into(),
        tags: tags.into(),
        answer: answer.into(),
        answer_id: id,
        guidance: guidance.into(),
        ..TriageInput::default()
    };
    let resource = |i: usize| {
        library
            .resources
            .get(i)
            .map(|r| r.0.to_string())
            .unwrap_or_default()
    };
    // New → triaged → addressed, as staff would move them.
    for (report, tags) in [
        (0, "hallucination, science"),
        (1, "student data"),
        (2, "detectors, english learners"),
        (4, "policy"),
        (6, "planning"),
    ] {
        decide(c, report, triaged(tags))?;
    }
    if !library.resources.is_empty() {
        decide(
            c,
            0,
            addressed(
                "hallucination, science",
                "resource",
                resource(FACT_CHECK_LESSON),
                "",
            ),
        )?;
        decide(
            c,
            4,
            addressed("policy", "resource", resource(POLICY_TOOLKIT), ""),
        )?;
    }
    decide(
        c,
        1,
        addressed("student data", "guidance", String::new(), PRIVACY_GUIDANCE),
    )?;
    // The second detector report tells the same story as the first.
    if let (Some(Some(dup)), Some(Some(into))) = (filed.get(3), filed.get(2)) {
        triage::merge(c, &staff, *dup, *into, now)?;
    }
    Ok(())
}
