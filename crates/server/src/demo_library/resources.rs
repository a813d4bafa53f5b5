//! The demo's practice library: resources — public guidance that exists
//! (the U.S. Department of Education's report on AI in teaching and
//! learning, Ohio's AI toolkit, TeachAI's guidance toolkit), a prompt
//! template and a lesson plan kept as files, and a district policy
//! template; rated and commented on, linked from the demo's practices and
//! from a lesson, one featured. Written through the app's own functions.

use crate::demo::person;
use lyceum_db::library::resources::{self, Source};
use lyceum_db::{DbConn, DbError, courses};
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::resource::{CheckedFile, FileType, ResourceDetails};
use lyceum_domain::library::{Licence, ResourceKind};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::{PracticeId, ResourceId, Timestamp};
use std::io::{Cursor, Write};

/// A small OpenDocument text holding `text`, as a word processor saves it.
fn odt(text: &str) -> Vec<u8> {
    let mut body = String::new();
    for line in text.lines() {
        let escaped = line
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        body.push_str(&format!("<text:p>{escaped}</text:p>"));
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">\
<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\
<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\
<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
</manifest:manifest>";
    let mut out = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let ok = z.start_file("mimetype", stored).is_ok()
            && z.write_all(b"application/vnd.oasis.opendocument.text")
                .is_ok()
            && z.start_file("content.xml", stored).is_ok()
            && z.write_all(content.as_bytes()).is_ok()
            && z.start_file("META-INF/manifest.xml", stored).is_ok()
            && z.write_all(manifest.as_bytes()).is_ok();
        if !ok || z.finish().is_err() {
            return Vec::new();
        }
    }
    out.into_inner()
}

const PROMPT_TEMPLATE: &str = "Exit-ticket regrouping prompt (for a chatbot your district approves)

Before you paste: remove every student name and ID. Use initials or numbers.

Prompt:
You are helping a grade 7 math teacher plan tomorrow's warm-up. Below are 25 anonymous exit-ticket answers to the question: [paste the question].
1. Sort the answers into at most four groups by the misconception they show. Name each misconception in one plain sentence.
2. For each group, write one warm-up problem that targets it, with the answer.
3. List any answers you could not place, and say why.
Do not grade the students. Do not guess at reasons outside the math.

Check before you use it: read every group yourself. The tool can misread handwriting you typed in, and it can be confident and wrong.";

const LESSON_PLAN: &str = "Lesson plan: Is the chatbot right? (grades 6-8, 45 minutes)

Goal: students check an AI answer against a source they trust, and explain what they found.

Materials: one AI-written paragraph on the unit's topic (printed), two trusted sources, highlighters.

1. Warm-up (5 min): What makes you trust an answer? Share in pairs.
2. Model (10 min): read the AI paragraph aloud; check its first claim against a source together; mark it green (supported), yellow (partly) or red (not found or wrong).
3. Pairs (20 min): check the remaining claims the same way; write one correction in your own words.
4. Close (10 min): each pair shares one red or yellow claim and how they found it.

Assessment: the correction, scored with the unit's writing rubric (accuracy and citation rows).
Privacy: students do not use the chatbot themselves in this lesson; the teacher generated the paragraph in advance.";

struct Demo {
    details: ResourceDetails,
    source: Source,
}

fn details(
    kind: ResourceKind,
    title: &str,
    description: &str,
    language: Lang,
    subjects: Vec<Subject>,
    grade_bands: Vec<GradeBand>,
) -> ResourceDetails {
    ResourceDetails {
        title: title.into(),
        description: description.into(),
        kind,
        licence: Licence::CcBy,
        language,
        subjects,
        grade_bands,
        competencies: Vec::new(),
    }
}

fn file(name: &str, text: &str) -> Source {
    Source::File(CheckedFile {
        name: name.into(),
        file_type: FileType::Odt,
        bytes: odt(text),
    })
}

/// Returns the resources, in the order written here.
pub fn seed(
    c: &mut DbConn,
    practices: &[PracticeId],
    now: Timestamp,
) -> Result<Vec<ResourceId>, DbError> {
    let (Some(author), Some(owner)) = (
        person(c, "author@lyceum.example.org")?,
        resources::org_named(c, "Lyceum Demo Programme")?,
    ) else {
        return Ok(Vec::new());
    };
    let demos = vec![
        Demo {
            details: details(
                ResourceKind::Guidance,
                "Artificial Intelligence and the Future of Teaching and Learning",
                "The U.S. Department of Education Office of Educational Technology's 2023 report: \
                 keep humans in the loop, centre educators, align AI models to a shared vision for \
                 education. Read sections 4 (teaching) and 7 (recommendations) before a staff discussion.",
                Lang::En,
                vec![],
                vec![],
            ),
            source: Source::Link(
                "https://www.ed.gov/sites/ed/files/documents/ai-report/ai-report.pdf".into(),
            ),
        },
        Demo {
            details: details(
                ResourceKind::Guidance,
                "Ohio's AI Toolkit for K-12 education",
                "Ohio's guidance for districts writing AI policies: what to decide, who to involve, \
                 and model language for acceptable use, privacy and academic integrity.",
                Lang::En,
                vec![],
                vec![],
            ),
            source: Source::Link("https://aitoolkit.org/".into()),
        },
        Demo {
            details: details(
                ResourceKind::PolicyTemplate,
                "TeachAI AI Guidance for Schools Toolkit",
                "TeachAI's toolkit with a sample school AI policy, principles to adapt, and a letter \
                 to families. Start from the sample policy; the principles help a committee agree \
                 before it writes.",
                Lang::En,
                vec![],
                vec![],
            ),
            source: Source::Link("https://www.teachai.org/toolkit".into()),
        },
        Demo {
            details: details(
                ResourceKind::PromptTemplate,
                "Exit-ticket regrouping prompt",
                "A prompt that sorts anonymous exit tickets by misconception and drafts a targeted \
                 warm-up for each group. Remove names first; check every group yourself.",
                Lang::En,
                vec![Subject::Math],
                vec![GradeBand::parse("6-8").unwrap_or(GradeBand::ALL[0])],
            ),
            source: file("exit-ticket-prompt.odt", PROMPT_TEMPLATE),
        },
        Demo {
            details: details(
                ResourceKind::LessonPlan,
                "Is the chatbot right? A 45-minute fact-checking lesson",
                "Students check an AI-written paragraph against trusted sources, claim by claim, \
                 and write a correction. No student accounts needed.",
                Lang::En,
                vec![Subject::Science, Subject::Ela],
                vec![GradeBand::parse("6-8").unwrap_or(GradeBand::ALL[0])],
            ),
            source: file("is-the-chatbot-right.odt", LESSON_PLAN),
        },
    ];
    let mut ids: Vec<ResourceId> = Vec::new();
    for d in &demos {
        ids.push(resources::create(
            c, owner, author, &d.details, &d.source, now,
        )?);
    }
    // Ratings from colleagues, a comment, one featured by the programme admin.
    let raters = [
        ("educator@columbus.example.org", 5),
        ("facilitator@columbus.example.org", 4),
        ("moderator@atf.example.org", 5),
    ];
    for (email, stars) in raters {
        if let Some(u) = person(c, email)? {
            resources::rate(c, ids[0], u, stars, now)?;
            resources::rate(c, ids[3], u, stars.min(4), now)?;
        }
    }
    if let Some(u) = person(c, "educator@columbus.example.org")? {
        resources::comment(
            c,
            ids[3],
            u,
            "Used this with my 7th graders' fraction tickets. The groups were right except one \
             answer it misread; **read every group yourself** before planning.",
            now,
        )?;
    }
    if let Some(admin) = person(c, "admin@lyceum.example.org")? {
        resources::feature(c, ids[0], Some(admin), now)?;
    }
    for (i, p) in practices.iter().enumerate() {
        resources::link_practice(c, *p, ids[3 + i % 2], true)?;
    }
    if let Some(course) = courses::by_slug(c, "what-is-generative-ai")? {
        resources::link_lesson(c, course.id, "confident-and-wrong", ids[4], true)?;
    }
    Ok(ids)
}
