//! The demo's practice library: trials — reports by Ohio and New Mexico
//! educators of trying the published demo practices, filed through the
//! app's own write (`trials::file`), so counts, notices and the tier
//! proposal hold as they would. One ran a comparison group and found a
//! positive, significant effect; one adapted the practice; one would not
//! use it again.

use lyceum_db::library::trials;
use lyceum_db::users;
use lyceum_db::{DbConn, DbError};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::library::trial::TrialInput;
use lyceum_domain::{PracticeId, Timestamp};

/// Who reports on which published practice (by its place in the list the
/// practices part returns), and what they tell.
struct Demo {
    practice: usize,
    email: &'static str,
    students: &'static str,
    periods: &'static str,
    fidelity: &'static str,
    happened: &'static str,
    would_change: &'static str,
    use_again: bool,
    evidence: Option<Outcome>,
}

/// A study's fields as the form sends them: (design, sample, comparison,
/// sites, measure, direction, size, significant).
type Outcome = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const REPORTS: &[Demo] = &[
    Demo {
        practice: 0,
        // A colleague at the author's school, not the author: an author's
        // own study never raises the proposed tier.
        email: "keisha.brown@columbus.example.org",
        students: "26",
        periods: "3",
        fidelity: "as_written",
        happened: "I ran it with my two fourth-grade sections at Lincoln. In one class \
            students used the practice over three lessons; the other class did the same \
            unit with our usual worksheets, so I could compare. Students were quick to \
            spot when the chatbot's answer skipped a step, and the talk in pairs was the \
            best argument about place value I have heard this year. Two students with \
            IEPs needed the sentence frames from the materials, which worked well.",
        would_change: "Print the AI answers ahead of time: our Chromebooks were slow on \
            the first day and we lost ten minutes.",
        use_again: true,
        evidence: Some((
            "comparison",
            "52",
            "25",
            "1",
            "District unit 3 common assessment (place value)",
            "positive",
            "0.34",
            "yes",
        )),
    },
    Demo {
        practice: 0,
        email: "facilitator@columbus.example.org",
        students: "22",
        periods: "2",
        fidelity: "adapted",
        happened: "I co-taught this in a sixth-grade math class during a coaching cycle. \
            We swapped the chatbot's worked example for one on ratios, since the class \
            was in that unit, and added a gallery walk at the end. Students were \
            suspicious of the AI in a healthy way by the second day.",
        would_change: "Give students a checklist for judging an AI explanation before they \
            start; some just rewrote the answer instead of checking it.",
        use_again: true,
        evidence: None,
    },
    Demo {
        practice: 1,
        email: "moderator@atf.example.org",
        students: "31",
        periods: "1",
        fidelity: "loosely",
        happened: "I tried a short version in an eighth-grade ELA class in Albuquerque. \
            The AI feedback on drafts was generic, and several students writing about \
            their families in Spanish got comments that flattened their voice. Students \
            said they preferred feedback from each other.",
        would_change: "I would only use it with a tool that can be set to respect \
            bilingual writing, and with more time for peer review first.",
        use_again: false,
        evidence: None,
    },
];

pub fn seed(c: &mut DbConn, practices: &[PracticeId], now: Timestamp) -> Result<(), DbError> {
    for d in REPORTS {
        let Some(&practice) = practices.get(d.practice) else {
            continue;
        };
        let email = EmailAddress::parse(d.email).map_err(|code| DbError::invalid("email", code))?;
        let Some(person) = users::by_email(c, &email)? else {
            continue;
        };
        // The classroom as their profile offers it: the first of each list.
        let place = trials::place_of(c, person.id())?;
        let subject = place.classroom.subject_choices()[0];
        let band = place.classroom.grade_band_choices()[0];
        let mut input = TrialInput {
            subject: subject.as_str().into(),
            grade_band: band.as_str().into(),
            students: d.students.into(),
            periods: d.periods.into(),
            fidelity: d.fidelity.into(),
            happened: d.happened.into(),
            would_change: d.would_change.into(),
            use_again: if d.use_again { "yes" } else { "no" }.into(),
            design: "none".into(),
            ..TrialInput::default()
        };
        if let Some((design, sample, comparison, sites, measure, direction, size, sig)) = d.evidence
        {
            input.design = design.into();
            input.sample_size = sample.into();
            input.comparison_size = comparison.into();
            input.sites = sites.into();
            input.measure = measure.into();
            input.effect_direction = direction.into();
            input.effect_size = size.into();
            input.significant = sig.into();
        }
        trials::file(
            c,
            practice,
            person.id(),
            &input,
            "http://localhost:8080",
            now,
        )?;
    }
    Ok(())
}
