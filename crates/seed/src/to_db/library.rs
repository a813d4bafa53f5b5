//! The practice library written in bulk, as the app writes it: each
//! published practice's row carries its version's words, `search_text`
//! from `lyceum_db::library::search_text`, its `trials` count and the
//! proposal of `domain::library::tier::propose` over its reports; its
//! version is kept and its facets written; drafts and submissions have a
//! row named by the draft (version 0) and their draft. Left out: files,
//! follows, discussion topics, audit entries, notifications.

use super::Written;
use crate::Programme;
use crate::library::{self, Plan};
use diesel::prelude::*;
use lyceum_db::schema::{
    classroom_practice_drafts, classroom_practice_grade_bands, classroom_practice_subjects,
    classroom_practice_versions, classroom_practices, resource_subjects, resources, trial_reports,
};
use lyceum_db::{DbConn, DbError};
use lyceum_domain::Timestamp;
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::{
    DraftStatus, EffectDirection, Evidence, Licence, PracticeContent, tier,
};
use lyceum_domain::org::OrgKind;
use lyceum_domain::profile::{GradeBand, Subject};

/// What to seed.
#[derive(Debug, Clone, Copy)]
pub struct Library {
    pub seed: u64,
}

/// What was written, for the summary.
#[derive(Debug, Clone, Default)]
pub struct LibraryWritten {
    pub practices: usize,
    pub published: usize,
    pub reports: usize,
    pub resources: usize,
    /// The practice with `library::BENCH_REPORTS` reports.
    pub bench_practice: Option<i64>,
    /// A word that finds a few practices (for the search benchmark).
    pub search_word: &'static str,
    pub seconds: f64,
}

pub(super) fn write_in(
    c: &mut DbConn,
    p: &Programme,
    written: &Written,
    opts: &Library,
    now: Timestamp,
) -> Result<LibraryWritten, DbError> {
    let started = std::time::Instant::now();
    let Plan {
        practices,
        bench,
        resources: planned_resources,
    } = library::plan(p, opts.seed);
    let org_base = lyceum_db::orgs::root(c)?
        .map(|r| r.id)
        .ok_or(DbError::NotFound)?;
    let user = |person: usize| written.first_user + person as i64;
    let org = |person: usize| org_base + p.people[person].org as i64;
    // A reporter's classroom as filing fills it: their school's state,
    // locale and Title I status.
    let state = |person: usize| {
        let mut at = Some(p.people[person].org);
        while let Some(i) = at.filter(|&i| p.orgs[i].kind != OrgKind::State) {
            at = p.orgs[i].parent;
        }
        at.map(|i| org_base + i as i64)
    };
    let school = |person: usize| &p.orgs[p.people[person].org].school;
    let base = super::next_id(c, "classroom_practices")?;
    let now = now.micros();
    let day = 86_400_000_000i64;
    let mut w = LibraryWritten {
        practices: practices.len(),
        search_word: "hallucinations",
        ..Default::default()
    };
    let mut report_rows = 0usize;
    for (k, pr) in practices.iter().enumerate() {
        let id = base + k as i64;
        let at = now - (practices.len() - k) as i64 * day / 4;
        let content = PracticeContent {
            language: if pr.spanish { Lang::Es } else { Lang::En },
            title: pr.title.clone(),
            summary: pr.summary.clone(),
            goal: pr.goal.clone(),
            subjects: Subject::parse(pr.subject).into_iter().collect(),
            grade_bands: GradeBand::parse(pr.grade_band).into_iter().collect(),
            competencies: Vec::new(),
            tools: "A chatbot the district approved for classroom use".into(),
            steps: format!(
                "1. Model the {} task with one example.\n2. Students work with the AI in pairs.\n3. Each pair checks the output against the success criteria.\n4. Debrief: what did the AI get wrong?",
                pr.keyword
            ),
            materials: Vec::new(),
            minutes: 40,
            equity_notes: "Pairs share one device; offer a printed version of each output.".into(),
            privacy_notes: "Students use class accounts; no names or personal details in prompts."
                .into(),
            logic_model: if pr.logic_model {
                "Inputs: a model prompt and success criteria. Activities: students critique AI output. Outcomes: better revisions and judgement of AI answers.".into()
            } else {
                String::new()
            },
            licence: Licence::CcBy,
        };
        let json = serde_json::to_string(&content)
            .map_err(|e| DbError::Corrupt(format!("practice content: {e}")))?;
        let published = pr.stage == 2;
        let evidence: Vec<Evidence> = pr
            .reports
            .iter()
            .map(|r| Evidence {
                design: r.design,
                controls_for_selection: r.controls,
                sample_size: r.sample,
                comparison_size: r.comparison,
                sites: r.sites,
                measure: r.sample.map(|_| "Unit assessment".to_string()),
                effect_direction: r.sample.map(|_| {
                    if r.positive {
                        EffectDirection::Positive
                    } else {
                        EffectDirection::None
                    }
                }),
                effect_size_centi: r.sample.map(|_| if r.positive { 22 } else { 2 }),
                significant: r.sample.map(|_| r.significant),
            })
            .collect();
        let proposal = tier::propose(pr.logic_model, &evidence);
        let reasons = serde_json::to_string(&proposal.reasons)
            .map_err(|e| DbError::Corrupt(format!("reasons: {e}")))?;
        diesel::insert_into(classroom_practices::table)
            .values((
                classroom_practices::id.eq(id),
                classroom_practices::org_id.eq(org(pr.author)),
                classroom_practices::author_id.eq(user(pr.author)),
                classroom_practices::language.eq(content.language.as_str()),
                classroom_practices::version.eq(i32::from(published)),
                classroom_practices::title.eq(&content.title),
                classroom_practices::summary.eq(&content.summary),
                classroom_practices::goal.eq(if published { &content.goal[..] } else { "" }),
                classroom_practices::steps.eq(if published { &content.steps[..] } else { "" }),
                classroom_practices::tools.eq(if published { &content.tools[..] } else { "" }),
                classroom_practices::minutes.eq(if published { 40 } else { 0 }),
                classroom_practices::logic_model.eq(if published {
                    &content.logic_model[..]
                } else {
                    ""
                }),
                classroom_practices::licence.eq(content.licence.as_str()),
                classroom_practices::search_text.eq(if published {
                    lyceum_db::library::search_text(&content)
                } else {
                    String::new()
                }),
                classroom_practices::trials.eq(pr.reports.len() as i32),
                classroom_practices::proposed_tier.eq(proposal.tier.map(|t| t.number())),
                classroom_practices::proposed_reasons.eq(reasons),
                classroom_practices::proposed_at.eq(published.then_some(now)),
                classroom_practices::created_at.eq(at - day),
                classroom_practices::updated_at.eq(at),
                classroom_practices::published_at.eq(published.then_some(at)),
            ))
            .execute(c)?;
        if published {
            w.published += 1;
            diesel::insert_into(classroom_practice_versions::table)
                .values((
                    classroom_practice_versions::practice_id.eq(id),
                    classroom_practice_versions::version.eq(1),
                    classroom_practice_versions::content.eq(&json),
                    classroom_practice_versions::published_at.eq(at),
                ))
                .execute(c)?;
            for s in &content.subjects {
                diesel::insert_into(classroom_practice_subjects::table)
                    .values((
                        classroom_practice_subjects::practice_id.eq(id),
                        classroom_practice_subjects::subject.eq(s.as_str()),
                    ))
                    .execute(c)?;
            }
            for g in &content.grade_bands {
                diesel::insert_into(classroom_practice_grade_bands::table)
                    .values((
                        classroom_practice_grade_bands::practice_id.eq(id),
                        classroom_practice_grade_bands::grade_band.eq(g.as_str()),
                    ))
                    .execute(c)?;
            }
        } else {
            let status = if pr.stage == 1 {
                DraftStatus::Submitted
            } else {
                DraftStatus::Draft
            };
            diesel::insert_into(classroom_practice_drafts::table)
                .values((
                    classroom_practice_drafts::practice_id.eq(id),
                    classroom_practice_drafts::status.eq(status.as_str()),
                    classroom_practice_drafts::content.eq(&json),
                    classroom_practice_drafts::submitted_at.eq((pr.stage == 1).then_some(at)),
                    classroom_practice_drafts::updated_at.eq(at),
                ))
                .execute(c)?;
        }
        if bench == Some(k) {
            w.bench_practice = Some(id);
        }
        // Reports, a few hundred a statement.
        for chunk in pr.reports.chunks(200) {
            let rows: Vec<_> = chunk
                .iter()
                .enumerate()
                .map(|(j, r)| {
                    let person = &p.people[r.reporter];
                    let when = at + (j as i64 + 1) * day / 24;
                    (
                        trial_reports::practice_id.eq(id),
                        trial_reports::version.eq(1),
                        trial_reports::reporter_id.eq(user(r.reporter)),
                        trial_reports::subject
                            .eq(person.subjects.first().map_or(pr.subject, |s| s.as_str())),
                        trial_reports::grade_band.eq(person
                            .grade_bands
                            .first()
                            .map_or(pr.grade_band, |g| g.as_str())),
                        trial_reports::school_id.eq(org(r.reporter)),
                        trial_reports::state_id.eq(state(r.reporter)),
                        trial_reports::locale.eq(school(r.reporter).locale.map(|l| l.as_str())),
                        trial_reports::title_i.eq(school(r.reporter).title_i),
                        trial_reports::students.eq(r.students as i32),
                        trial_reports::periods.eq(r.periods as i32),
                        trial_reports::fidelity.eq("as_written"),
                        trial_reports::happened
                            .eq("Students were engaged and caught two errors in the AI's answer."),
                        trial_reports::would_change.eq("Give pairs a checklist before they start."),
                        trial_reports::use_again.eq(r.use_again),
                        trial_reports::design.eq(r.design.as_str()),
                        trial_reports::controls_for_selection.eq(r.controls),
                        trial_reports::sample_size.eq(r.sample.map(|s| s as i32)),
                        trial_reports::comparison_size.eq(r.comparison.map(|s| s as i32)),
                        trial_reports::sites.eq(r.sites.map(|s| s as i32)),
                        trial_reports::significant.eq(r.sample.map(|_| r.significant)),
                        trial_reports::created_at.eq(when),
                        trial_reports::updated_at.eq(when),
                    )
                })
                .collect();
            report_rows += rows.len();
            // One a statement: a batch insert is not one statement for both backends here.
            for row in rows {
                diesel::insert_into(trial_reports::table)
                    .values(row)
                    .execute(c)?;
            }
        }
    }
    w.reports = report_rows;
    // Each practice's trial summary, counted from the reports as filing does.
    lyceum_db::library::trials::recount(c, None)?;
    let rbase = super::next_id(c, "resources")?;
    for (k, r) in planned_resources.iter().enumerate() {
        let id = rbase + k as i64;
        let text = lyceum_domain::search::words(&r.title).join(" ");
        diesel::insert_into(resources::table)
            .values((
                resources::id.eq(id),
                resources::org_id.eq(org(r.author)),
                resources::author_id.eq(user(r.author)),
                resources::kind.eq(r.kind),
                resources::title.eq(&r.title),
                resources::description
                    .eq("Ready to use in class; adapt the examples to your students."),
                resources::language.eq("en"),
                resources::licence.eq(Licence::CcBy.as_str()),
                resources::url.eq(format!("https://resources.example.org/{id}")),
                resources::rating_count.eq(r.ratings.0),
                resources::rating_sum.eq(r.ratings.1),
                resources::search_text.eq(text),
                resources::created_at.eq(now - k as i64 * day / 8),
                resources::updated_at.eq(now - k as i64 * day / 8),
            ))
            .execute(c)?;
        diesel::insert_into(resource_subjects::table)
            .values((
                resource_subjects::resource_id.eq(id),
                resource_subjects::subject.eq(r.subject),
            ))
            .execute(c)?;
    }
    w.resources = planned_resources.len();
    w.seconds = started.elapsed().as_secs_f64();
    Ok(w)
}
