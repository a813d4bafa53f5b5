//! The AI tool registry and the challenge radar written in bulk, as the
//! app would leave them: each tool with its review count and a tally row
//! for every criterion and rating (zeros included, as adding one writes
//! them); reviews stored as `registry::reviews::write` stores them;
//! districts' and locals' statuses; challenge reports with their school,
//! state, locale, Title I status, path and month (in the school's zone) as
//! filing records them, and the radar's stored counts at every level of
//! each report's path, counted from the same rows. Left out: audit
//! entries, notifications, merged duplicates.

use super::Written;
use crate::Programme;
use crate::radar::{self, Plan};
use diesel::prelude::*;
use lyceum_db::schema::{
    ai_tool_org_status, ai_tool_rating_counts, ai_tool_reviews, ai_tools, challenge_counts,
    challenge_reports,
};
use lyceum_db::{DbConn, DbError};
use lyceum_domain::Timestamp;
use lyceum_domain::org::OrgKind;
use lyceum_domain::radar::{Dimension, UNKNOWN, month_of};
use lyceum_domain::registry::review::{self as rubric, Criterion, Rating, ReviewInput};
use lyceum_domain::registry::{Ages, CostModel, PrivacyAgreement, Tool};
use std::collections::BTreeMap;

/// What to seed.
#[derive(Debug, Clone, Copy)]
pub struct Radar {
    pub seed: u64,
}

/// What was written, for the summary.
#[derive(Debug, Clone, Default)]
pub struct RadarWritten {
    pub tools: usize,
    pub reviews: usize,
    pub statuses: usize,
    pub reports: usize,
    /// Rows of the radar's stored counts.
    pub counts: usize,
    /// The most reviewed tool (for the tool page's benchmark).
    pub bench_tool: Option<i64>,
    pub seconds: f64,
}

/// Rows a statement.
const CHUNK: usize = 500;

const DAY: i64 = 86_400_000_000;

pub(super) fn write_in(
    c: &mut DbConn,
    p: &Programme,
    written: &Written,
    opts: &Radar,
    now: Timestamp,
) -> Result<RadarWritten, DbError> {
    let started = std::time::Instant::now();
    let Plan {
        tools,
        reviews,
        statuses,
        reports,
    } = radar::plan(p, opts.seed);
    let org_base = lyceum_db::orgs::root(c)?
        .map(|r| r.id)
        .ok_or(DbError::NotFound)?;
    let user = |person: usize| written.first_user + person as i64;
    let now = now.micros();
    let mut w = RadarWritten {
        tools: tools.len(),
        ..Default::default()
    };

    // Tools, then their reviews and the tallies counted from them.
    let tool_base = super::next_id(c, "ai_tools")?;
    let mut review_counts = vec![0i64; tools.len()];
    let mut tallies: BTreeMap<(usize, Criterion, Rating), i64> = BTreeMap::new();
    let mut review_rows = Vec::with_capacity(reviews.len());
    for r in &reviews {
        let input = ReviewInput {
            ratings: Criterion::ALL
                .iter()
                .zip(r.ratings)
                .map(|(c, rating)| (c.as_str().to_string(), rating.as_str().to_string()))
                .collect(),
            comments: r
                .comment
                .map(|k| {
                    (
                        Criterion::ALL[k].as_str().to_string(),
                        radar::comment(k).to_string(),
                    )
                })
                .into_iter()
                .collect(),
        };
        let review = rubric::check(&input).map_err(DbError::Invalid)?;
        review_counts[r.tool] += 1;
        for (criterion, rating) in Criterion::ALL.iter().zip(r.ratings) {
            *tallies.entry((r.tool, *criterion, rating)).or_default() += 1;
        }
        let at = now - i64::from(r.days_ago) * DAY;
        review_rows.push((
            ai_tool_reviews::tool_id.eq(tool_base + r.tool as i64),
            ai_tool_reviews::user_id.eq(user(r.reviewer)),
            ai_tool_reviews::ratings.eq(review.ratings_json()),
            ai_tool_reviews::comments.eq(review.comments_json()),
            ai_tool_reviews::created_at.eq(at),
            ai_tool_reviews::updated_at.eq(at),
        ));
    }
    for (k, t) in tools.iter().enumerate() {
        let tool = Tool {
            name: t.name.clone(),
            vendor: t.vendor.clone(),
            url: format!("https://tool-{k}.example.com/"),
            description: t.description.to_string(),
            ages: Ages {
                min: t.min_age,
                max: t.max_age,
            },
            cost_model: CostModel::parse(t.cost).unwrap_or(CostModel::Unknown),
            privacy_agreement: if t.privacy_available {
                PrivacyAgreement::Available
            } else {
                PrivacyAgreement::NoneKnown
            },
        };
        diesel::insert_into(ai_tools::table)
            .values((
                ai_tools::id.eq(tool_base + k as i64),
                ai_tools::name.eq(&tool.name),
                ai_tools::sort_name.eq(tool.sort_name()),
                ai_tools::vendor.eq(&tool.vendor),
                ai_tools::url.eq(&tool.url),
                ai_tools::description.eq(&tool.description),
                ai_tools::min_age.eq(i32::from(tool.ages.min)),
                ai_tools::max_age.eq(tool.ages.max.map(i32::from)),
                ai_tools::cost_model.eq(tool.cost_model.as_str()),
                ai_tools::privacy_agreement.eq(tool.privacy_agreement.as_str()),
                ai_tools::review_count.eq(review_counts[k]),
                ai_tools::created_at.eq(now - 900 * DAY),
                ai_tools::updated_at.eq(now - 900 * DAY),
            ))
            .execute(c)?;
        let counters: Vec<_> = Criterion::ALL
            .iter()
            .flat_map(|criterion| {
                let tallies = &tallies;
                Rating::ALL.iter().map(move |rating| {
                    (
                        ai_tool_rating_counts::tool_id.eq(tool_base + k as i64),
                        ai_tool_rating_counts::criterion.eq(criterion.as_str()),
                        ai_tool_rating_counts::rating.eq(rating.as_str()),
                        ai_tool_rating_counts::n
                            .eq(tallies.get(&(k, *criterion, *rating)).copied().unwrap_or(0)),
                    )
                })
            })
            .collect();
        lyceum_db::on_backend!(c, |c| diesel::insert_into(ai_tool_rating_counts::table)
            .values(&counters)
            .execute(c))?;
    }
    w.bench_tool = review_counts
        .iter()
        .enumerate()
        .max_by_key(|(k, n)| (**n, std::cmp::Reverse(*k)))
        .map(|(k, _)| tool_base + k as i64);
    for chunk in review_rows.chunks(CHUNK) {
        lyceum_db::on_backend!(c, |c| diesel::insert_into(ai_tool_reviews::table)
            .values(chunk)
            .execute(c))?;
    }
    w.reviews = review_rows.len();

    let zones = p.zones();
    for s in &statuses {
        let on = Timestamp::from_micros(now - i64::from(s.days_ago) * DAY);
        diesel::insert_into(ai_tool_org_status::table)
            .values((
                ai_tool_org_status::tool_id.eq(tool_base + s.tool as i64),
                ai_tool_org_status::org_id.eq(org_base + s.org as i64),
                ai_tool_org_status::status.eq(s.status),
                ai_tool_org_status::note.eq(s.note),
                ai_tool_org_status::decided_on.eq(on.date_in(&zones[s.org]).to_string()),
                ai_tool_org_status::privacy_agreement_signed.eq(s.status == "approved"),
                ai_tool_org_status::decided_at.eq(on.micros()),
            ))
            .execute(c)?;
    }
    w.statuses = statuses.len();

    // Each organisation's path as the app keeps it, and its state.
    let mut paths: Vec<String> = Vec::with_capacity(p.orgs.len());
    let mut states: Vec<Option<i64>> = Vec::with_capacity(p.orgs.len());
    for (i, o) in p.orgs.iter().enumerate() {
        let id = org_base + i as i64;
        let (path, state) = match o.parent {
            Some(parent) => (format!("{}{id}/", paths[parent]), states[parent]),
            None => (format!("/{id}/"), None),
        };
        paths.push(path);
        states.push(if o.kind == OrgKind::State {
            Some(id)
        } else {
            state
        });
    }
    // The radar's counts: org → (dimension, month, value) → reports.
    let mut counts: BTreeMap<(i64, Dimension, String, &'static str), i64> = BTreeMap::new();
    let mut report_rows = Vec::with_capacity(reports.len());
    for r in &reports {
        let person = &p.people[r.reporter];
        let org = &p.orgs[person.org];
        let school = (org.kind == OrgKind::School).then_some(org_base + person.org as i64);
        let at = now - i64::from(r.days_ago) * DAY;
        let month = month_of(Timestamp::from_micros(at).date_in(&zones[person.org]));
        let grade_band = person.grade_bands.first().map_or("6-8", |g| g.as_str());
        let subject = person.subjects.first().map_or("other", |s| s.as_str());
        let locale = org.school.locale.map(|l| l.as_str());
        let title_i = org.school.title_i;
        let path = &paths[person.org];
        for id in path.trim_matches('/').split('/') {
            let id: i64 = id
                .parse()
                .map_err(|_| DbError::Corrupt(format!("seeded path {path}")))?;
            for (dimension, value) in [
                (Dimension::Category, r.category.as_str()),
                (Dimension::GradeBand, grade_band),
                (Dimension::Locale, locale.unwrap_or(UNKNOWN)),
                (
                    Dimension::TitleI,
                    lyceum_db::radar::counts::title_i_value(title_i),
                ),
            ] {
                *counts
                    .entry((id, dimension, month.clone(), value))
                    .or_default() += 1;
            }
        }
        let addressed = r.status == "addressed";
        report_rows.push((
            challenge_reports::reporter_id.eq(Some(user(r.reporter))),
            challenge_reports::anonymous.eq(r.anonymous),
            challenge_reports::category.eq(r.category.as_str()),
            challenge_reports::severity.eq(r.severity),
            challenge_reports::tool_id.eq(r.tool.map(|t| tool_base + t as i64)),
            challenge_reports::subject.eq(subject),
            challenge_reports::grade_band.eq(grade_band),
            challenge_reports::happened.eq(r.happened),
            challenge_reports::tried.eq("Talked it through with the class."),
            challenge_reports::school_id.eq(school),
            challenge_reports::state_id.eq(states[person.org]),
            challenge_reports::locale.eq(locale),
            challenge_reports::title_i.eq(title_i),
            (
                challenge_reports::org_path.eq(path),
                challenge_reports::month.eq(month),
                challenge_reports::status.eq(r.status),
                challenge_reports::tags.eq("[]"),
                challenge_reports::answer_kind.eq(addressed.then_some("guidance")),
                challenge_reports::answer_text.eq(addressed.then_some(radar::GUIDANCE)),
                challenge_reports::created_at.eq(at),
                challenge_reports::updated_at.eq(at),
            ),
        ));
    }
    for chunk in report_rows.chunks(CHUNK) {
        lyceum_db::on_backend!(c, |c| diesel::insert_into(challenge_reports::table)
            .values(chunk)
            .execute(c))?;
    }
    w.reports = report_rows.len();
    let count_rows: Vec<_> = counts
        .iter()
        .map(|((org, dimension, month, value), n)| {
            (
                challenge_counts::org_id.eq(*org),
                challenge_counts::dimension.eq(dimension.as_str()),
                challenge_counts::month.eq(month),
                challenge_counts::value.eq(*value),
                challenge_counts::n.eq(*n),
            )
        })
        .collect();
    for chunk in count_rows.chunks(CHUNK) {
        lyceum_db::on_backend!(c, |c| diesel::insert_into(challenge_counts::table)
            .values(chunk)
            .execute(c))?;
    }
    w.counts = count_rows.len();
    w.seconds = started.elapsed().as_secs_f64();
    Ok(w)
}
