//! The demo's classroom practices: five that Ohio and New Mexico educators
//! would really share, each written by a demo educator for their own
//! organisation, submitted, and published by the programme admin (never
//! its author); one more submitted and waiting in the curators' queue.
//! Written through the functions the app uses (checks, facets, search
//! words, the discussion topic, notifications).

use lyceum_db::library::{self, practices};
use lyceum_db::{DbConn, DbError, orgs, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::{Licence, Material, PracticeContent};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::{PracticeId, Timestamp, UserId};

const CURATOR: &str = "admin@lyceum.example.org";

struct Demo {
    author: &'static str,
    org: &'static str,
    content: PracticeContent,
}

fn user(c: &mut DbConn, email: &str) -> Result<UserId, DbError> {
    let email = EmailAddress::parse(email).map_err(|code| DbError::invalid("email", code))?;
    Ok(users::by_email(c, &email)?.ok_or(DbError::NotFound)?.id())
}

fn link(title: &str, url: &str, licence: &str) -> Material {
    Material {
        title: title.into(),
        url: Some(url.into()),
        file_id: None,
        licence: licence.into(),
    }
}

#[allow(clippy::too_many_arguments)]
fn content(
    language: Lang,
    title: &str,
    summary: &str,
    goal: &str,
    subjects: Vec<Subject>,
    grade_bands: Vec<GradeBand>,
    tools: &str,
    steps: &str,
    materials: Vec<Material>,
    minutes: u32,
    equity_notes: &str,
    privacy_notes: &str,
    logic_model: &str,
) -> PracticeContent {
    PracticeContent {
        language,
        title: title.into(),
        summary: summary.into(),
        goal: goal.into(),
        subjects,
        grade_bands,
        competencies: Vec::new(),
        tools: tools.into(),
        steps: steps.into(),
        materials,
        minutes,
        equity_notes: equity_notes.into(),
        privacy_notes: privacy_notes.into(),
        logic_model: logic_model.into(),
        licence: Licence::CcBy,
    }
}

fn demos() -> Vec<Demo> {
    vec![
        Demo {
            author: "educator@columbus.example.org",
            org: "Lincoln Elementary",
            content: content(
                Lang::En,
                "One science passage at three Lexile levels, checked by the teacher",
                "Before a unit on the water cycle, the teacher asks an AI tool for the same passage at three reading levels, then reads and corrects each one so every student reads the same science at a level they can manage.",
                "Every student in a mixed-ability class reads and discusses the same grade-level science content.",
                vec![Subject::Science, Subject::Ela],
                vec![GradeBand::G3to5],
                "MagicSchool (district account); any chatbot the district approves",
                "1. Write down the **three ideas** students must take from the passage (e.g. evaporation, condensation, precipitation).\n\
                 2. Ask the tool for one passage about those ideas at about 500L, 700L and 900L, with the same headings and key words in each.\n\
                 3. Read all three yourself. Fix any science that is wrong or oversimplified, and any sentence that would confuse your readers. Keep a note of what you corrected.\n\
                 4. Check the levels with a readability tool; adjust sentences rather than asking the AI again.\n\
                 5. Give each student the version you chose for them — the headings match, so nobody's copy looks different across the room.\n\
                 6. Discuss in mixed groups using the shared headings: each group answers the same three questions.",
                vec![
                    link(
                        "Prompt we used, with the three key ideas",
                        "https://lyceum.example.org/materials/lexile-prompt",
                        "CC BY 4.0",
                    ),
                    link(
                        "Checklist for checking an AI-drafted passage",
                        "https://lyceum.example.org/materials/passage-checklist",
                        "CC BY 4.0",
                    ),
                ],
                45,
                "Choose each student's level from your own reading data, not the tool's guess. Offer the higher level to anyone who asks for it.",
                "No student names or data go into the tool: only the topic and the three ideas.",
                "Inputs: the teacher's key ideas, an AI tool, 30 minutes of checking. Activities: leveled passages with shared headings, mixed-group discussion. Short-term outcomes: every student answers the three questions; fewer students stop reading. Long-term: stronger science vocabulary and comprehension on unit assessments.",
            ),
        },
        Demo {
            author: "moderator@atf.example.org",
            org: "Albuquerque Teachers Federation",
            content: content(
                Lang::En,
                "Fact-checking a chatbot on Albuquerque's history",
                "Students ask a chatbot about the founding of Albuquerque and the Tricentennial, then check each claim against two sources from the library and the Albuquerque Museum, marking what holds, what is wrong and what cannot be checked.",
                "Students verify claims from AI against primary and reliable secondary sources before they trust them.",
                vec![Subject::SocialStudies],
                vec![GradeBand::G6to8],
                "A chatbot shown by the teacher on the projector (students do not need accounts)",
                "1. Ask the chatbot, on the projector: *Who founded Albuquerque, when, and who lived there before?*\n\
                 2. Copy its answer into a table, one claim a row.\n\
                 3. In pairs, students check each claim against two sources: the school library's New Mexico history shelf and the Albuquerque Museum's online collection.\n\
                 4. Mark each row: **holds**, **wrong** (with the correction and source) or **cannot check**.\n\
                 5. Discuss: whose history did the answer leave out? Why might a chatbot get local history wrong?\n\
                 6. Exit ticket: one rule you will use before trusting an AI answer.",
                vec![link(
                    "Claim-checking table",
                    "https://lyceum.example.org/materials/claim-table",
                    "CC BY 4.0",
                )],
                50,
                "Sources include Pueblo and Hispano perspectives; students may work in Spanish or English.",
                "Only the teacher types into the chatbot, from a school account; nothing about students is entered.",
                "",
            ),
        },
        Demo {
            author: "facilitator@columbus.example.org",
            org: "Columbus City Schools",
            content: content(
                Lang::En,
                "AI feedback on lab-report drafts, against a rubric the class wrote",
                "The class writes its own rubric for a lab report; students paste their draft conclusion and the rubric into an AI tool for feedback, decide which comments to act on, and explain their choice.",
                "Students revise scientific explanations using feedback, and judge feedback rather than accept it.",
                vec![Subject::Science],
                vec![GradeBand::G9to12],
                "School-approved chatbot with student accounts (13+)",
                "1. Together, write a four-row rubric for a lab conclusion: claim, evidence, reasoning, limits.\n\
                 2. Students draft their conclusion on paper first.\n\
                 3. They paste **only the conclusion and the rubric** into the tool and ask for one comment a row.\n\
                 4. For each comment they write *act on it* or *ignore it*, and why.\n\
                 5. Revise, then hand in the draft, the comments and the choices.\n\
                 6. The teacher grades the revision and the reasoning about the feedback.",
                vec![link(
                    "Rubric template and feedback log",
                    "https://lyceum.example.org/materials/lab-feedback-log",
                    "CC BY-SA 4.0",
                )],
                55,
                "Students without a device at home do the AI step in class; a paper feedback log works for anyone who prefers it.",
                "Students remove names and data about classmates before pasting. The tool is on the district's approved list.",
                "Inputs: a class-written rubric, an approved AI tool. Activities: feedback by rubric row, a written decision for each comment. Outcomes: better conclusions on the second draft; students name why a comment is or is not useful.",
            ),
        },
        Demo {
            author: "orgadmin@columbus.example.org",
            org: "Columbus City Schools",
            content: content(
                Lang::En,
                "A bilingual family newsletter drafted with AI, checked by a Spanish-speaking colleague",
                "The teacher drafts the monthly family newsletter in English, has an AI tool produce a Spanish version, and a Spanish-speaking colleague checks and corrects it before it goes home.",
                "Families who read Spanish get the same information, at the same time, in natural Spanish.",
                vec![Subject::Ela],
                vec![GradeBand::K2, GradeBand::G3to5],
                "Any approved chatbot or translation tool",
                "1. Write the newsletter in plain English: short sentences, dates written out.\n\
                 2. Ask the tool for a Spanish version *for families of elementary students, warm and clear*.\n\
                 3. A Spanish-speaking colleague reads it and corrects tone, regional words and anything mistranslated (dates and school terms especially).\n\
                 4. Send both versions together. Note at the bottom who checked the Spanish.\n\
                 5. Keep a running list of the colleague's corrections to add to the next prompt.",
                vec![link(
                    "Newsletter template in English and Spanish",
                    "https://lyceum.example.org/materials/family-newsletter",
                    "CC BY 4.0",
                )],
                30,
                "Ask families which language they want; never assume from a name. Thank the colleague: this is extra work.",
                "No student names or family details go into the tool.",
                "",
            ),
        },
        Demo {
            author: "author@lyceum.example.org",
            org: "Columbus City Schools",
            content: content(
                Lang::En,
                "Prompt journals in high-school English",
                "Students keep a journal of the prompts they give an AI tool while studying a novel, what came back, and what they changed, so their thinking about the text — not the tool's — is what gets graded.",
                "Students make their own reading of a text visible, and learn to question an AI tool's reading.",
                vec![Subject::Ela],
                vec![GradeBand::G9to12],
                "School-approved chatbot",
                "1. Each week, students may ask the tool up to three questions about the novel.\n\
                 2. In the journal: the prompt, a one-line summary of the answer, and **where they agree or disagree, with a quotation from the text**.\n\
                 3. In class, pairs compare one entry and challenge each other's evidence.\n\
                 4. The teacher reads a sample weekly and grades the disagreements and the quotations, never the AI's answers.",
                vec![link(
                    "Journal page template",
                    "https://lyceum.example.org/materials/prompt-journal",
                    "CC BY 4.0",
                )],
                20,
                "Journals can be handwritten; students who opt out of AI write questions for a classmate to answer instead.",
                "Students do not enter personal writing or anything about classmates.",
                "",
            ),
        },
    ]
}

/// The published practices, in the order the other parts name them.
pub fn seed(c: &mut DbConn, now: Timestamp) -> Result<Vec<PracticeId>, DbError> {
    let curator = user(c, CURATOR)?;
    let mut published = Vec::new();
    for d in demos() {
        let id = write_and_submit(c, d, now)?;
        let (row, owner) = library::practice(c, id)?.ok_or(DbError::NotFound)?;
        // The curator read the draft as submitted.
        let read = library::draft(c, id)?.ok_or(DbError::NotFound)?.revision;
        practices::decide(
            c,
            &row,
            &owner,
            curator,
            practices::Decision::Publish,
            read,
            "",
            now,
        )?;
        published.push(id);
    }
    // One waiting in the queue.
    write_and_submit(
        c,
        Demo {
            author: "educator@columbus.example.org",
            org: "Lincoln Elementary",
            content: content(
                Lang::Es,
                "Preguntas de comprensión en dos idiomas con IA",
                "La maestra pide a una herramienta de IA preguntas de comprensión sobre un cuento en inglés y en español, las revisa y las usa con estudiantes que aprenden inglés.",
                "Los estudiantes que aprenden inglés muestran lo que entendieron en el idioma que prefieran.",
                vec![Subject::Ela],
                vec![GradeBand::G3to5],
                "Herramienta de IA aprobada por el distrito",
                "1. Elija el cuento y escriba las tres ideas principales.\n\
                 2. Pida a la herramienta cinco preguntas en inglés y las mismas en español.\n\
                 3. Revise que las preguntas en español sean naturales y correctas.\n\
                 4. Cada estudiante responde en el idioma que prefiera.",
                Vec::new(),
                30,
                "",
                "No se escriben nombres de estudiantes en la herramienta.",
                "",
            ),
        },
        now,
    )?;
    Ok(published)
}

fn write_and_submit(c: &mut DbConn, d: Demo, now: Timestamp) -> Result<PracticeId, DbError> {
    let author = user(c, d.author)?;
    let org = orgs::find(c, d.org)?
        .into_iter()
        .next()
        .ok_or(DbError::NotFound)?;
    let id = practices::start(c, org.id(), author, &d.content, &[], now)?;
    let (row, owner) = library::practice(c, id)?.ok_or(DbError::NotFound)?;
    practices::submit(c, &row, &owner, author, "", now)?;
    Ok(id)
}
