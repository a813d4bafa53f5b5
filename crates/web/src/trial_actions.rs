//! Trial reports — the form filled from the reporter's profile and
//! school, filing and updating one, the summary and the list, telling the
//! author (and queuing the telling of the followers for the worker), the
//! researchers' CSV — shared by
//! `pages/library/trials.rs` and `api/library/trials.rs`.

use crate::context::CurrentUser;
use crate::csv::csv_line;
use crate::error::AppError;
use crate::library_access::{self, PracticeView};
use crate::state::AppState;
use askama::Template;
use axum::body::Body;
use axum::http::HeaderValue;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::Response;
use lyceum_db::library::PracticeRow;
use lyceum_db::library::trials::{self, Filed, Place, ReportRow, Summary, Tally};
use lyceum_domain::PracticeId;
use lyceum_domain::i18n::{Arg, Lang, catalogue};
use lyceum_domain::library::trial::{Cell, Pseudonyms, TrialInput, effect_size_text, suppress};
use lyceum_domain::library::{Design, Evidence};
use lyceum_domain::role::Role;

/// Reports a page of the list holds.
pub const PER_PAGE: i64 = 20;

use crate::error::{Outcome, refused};

/// The practice, published, as the reader stands to it (404 otherwise:
/// nobody reports on a draft).
pub async fn published(
    state: &AppState,
    me: &CurrentUser,
    id: PracticeId,
) -> Result<PracticeView, AppError> {
    let view = library_access::load(state, me, id).await?;
    if view.practice.is_published() {
        Ok(view)
    } else {
        Err(AppError::NotFound)
    }
}

/// What the form needs: the practice, where the reader teaches, and their
/// report on the current version if they filed one (the form updates it).
pub struct TrialForm {
    pub view: PracticeView,
    pub place: Place,
    pub mine: Option<ReportRow>,
}

pub async fn form(
    state: &AppState,
    me: &CurrentUser,
    id: PracticeId,
) -> Result<TrialForm, AppError> {
    let view = published(state, me, id).await?;
    let (user, version) = (me.user.id(), view.practice.version);
    let (place, mine) = state
        .db
        .read_brief(move |c| {
            lyceum_db::snapshot(c, |c| {
                Ok((
                    trials::place_of(c, user)?,
                    trials::mine(c, id, version, user)?,
                ))
            })
        })
        .await?;
    Ok(TrialForm { view, place, mine })
}

/// Files the reader's report on the current version, or updates theirs.
pub async fn file(
    state: &AppState,
    me: &CurrentUser,
    id: PracticeId,
    input: TrialInput,
) -> Outcome<Filed> {
    published(state, me, id).await?;
    let (user, now, base) = (
        me.user.id(),
        state.clock.now(),
        state.config.public_url.clone(),
    );
    refused(
        state
            .db
            .write(move |c| trials::file(c, id, user, &input, &base, now))
            .await,
    )
}

/// The reader's own report on the current version.
pub async fn mine(
    state: &AppState,
    me: &CurrentUser,
    id: PracticeId,
) -> Result<(PracticeView, Option<ReportRow>), AppError> {
    let view = published(state, me, id).await?;
    let (user, version) = (me.user.id(), view.practice.version);
    let row = state
        .db
        .read_brief(move |c| trials::mine(c, id, version, user))
        .await?;
    Ok((view, row))
}

/// The practice's summary: its row's counts and the latest reports.
pub async fn summary(state: &AppState, practice: &PracticeRow) -> Result<Summary, AppError> {
    let (id, any) = (practice.id, practice.trials > 0);
    let latest = match any {
        true => state.db.read_brief(move |c| trials::latest(c, id)).await?,
        false => Vec::new(),
    };
    Ok(Summary::of(practice, latest))
}

/// "Tried in 37 classrooms in 12 states (9 rural, 14 Title I); 30 would
/// use it again", or that nobody has reported yet.
pub fn summary_sentence(s: &Summary, lang: Lang) -> String {
    if s.classrooms == 0 {
        return catalogue().text(lang, "trials-summary-none");
    }
    catalogue().text_with(
        lang,
        "trials-summary",
        &[
            ("classrooms", Arg::Num(s.classrooms)),
            ("states", Arg::Num(s.states)),
            ("rural", Arg::Num(s.rural)),
            ("titlei", Arg::Num(s.title_i)),
            ("again", Arg::Num(s.use_again)),
        ],
    )
}

/// One report as shown on pages, in the reader's language.
pub struct ReportView {
    pub reporter: String,
    pub mine: bool,
    pub version: i32,
    pub filed: String,
    pub classroom: String,
    pub fidelity: String,
    pub happened: String,
    pub would_change: String,
    pub use_again: String,
    /// The outcome evidence as a sentence; `None` without a design.
    pub evidence: Option<String>,
}

fn t(lang: Lang, key: &str) -> String {
    catalogue().text(lang, key)
}

/// A report's outcome evidence as a sentence in `lang` (its decimals
/// written that language's way); `None` when no outcome was measured.
pub fn evidence_text(lang: Lang, e: &Evidence) -> Option<String> {
    if e.design == Design::None {
        return None;
    }
    let mut s = catalogue().text_with(
        lang,
        "trials-evidence",
        &[
            (
                "design",
                Arg::Str(&t(lang, &format!("design-{}", e.design.as_str()))),
            ),
            ("sample", Arg::Num(e.sample_size.unwrap_or(0).into())),
            ("sites", Arg::Num(e.sites.unwrap_or(0).into())),
        ],
    );
    if let Some(c) = e.comparison_size {
        s.push_str(&catalogue().text_with(
            lang,
            "trials-evidence-comparison",
            &[("n", Arg::Num(c.into()))],
        ));
    }
    if let Some(d) = e.effect_direction {
        let size = e.effect_size_centi.map_or_else(
            || "none".to_string(),
            |c| match lang {
                Lang::En => effect_size_text(c),
                Lang::Es => effect_size_text(c).replace('.', ","),
            },
        );
        s.push_str(&catalogue().text_with(
            lang,
            "trials-evidence-effect",
            &[
                // The message words the direction with "effect" as each
                // language puts it ("no clear effect", not "no clear effect effect").
                ("direction", Arg::Str(d.as_str())),
                ("measure", Arg::Str(e.measure.as_deref().unwrap_or(""))),
                ("size", Arg::Str(&size)),
            ],
        ));
        if let Some(sig) = e.significant {
            s.push_str(&t(
                lang,
                if sig {
                    "trials-significant"
                } else {
                    "trials-not-significant"
                },
            ));
        }
    }
    Some(s)
}

pub fn report_view(r: &ReportRow, me: Option<&CurrentUser>, lang: Lang, date: &str) -> ReportView {
    let rep = &r.report;
    let ctx = &rep.context;
    let mut place = format!(
        "{}, {}",
        t(lang, &format!("subject-{}", ctx.subject.as_str())),
        t(lang, &format!("grade-band-{}", ctx.grade_band.as_str())),
    );
    if let Some(l) = ctx.locale {
        place.push_str(&format!(", {}", t(lang, &format!("locale-{}", l.as_str()))));
    }
    if ctx.title_i == Some(true) {
        place.push_str(&format!(", {}", t(lang, "trials-title-i")));
    }
    let classroom = catalogue().text_with(
        lang,
        "trials-classroom",
        &[
            ("place", Arg::Str(&place)),
            ("students", Arg::Num(rep.students.into())),
            ("periods", Arg::Num(rep.periods.into())),
        ],
    );
    let evidence = evidence_text(lang, &rep.evidence);
    ReportView {
        reporter: r
            .reporter_name
            .clone()
            .unwrap_or_else(|| t(lang, "trials-former-member")),
        mine: me.is_some_and(|m| r.reporter == Some(m.user.id())),
        version: r.version,
        filed: date.to_string(),
        classroom,
        fidelity: t(lang, &format!("fidelity-{}", rep.fidelity.as_str())),
        happened: rep.happened.clone(),
        would_change: rep.would_change.clone(),
        use_again: t(
            lang,
            if rep.use_again {
                "trials-would-again"
            } else {
                "trials-would-not-again"
            },
        ),
        evidence,
    }
}

/// A page of the practice's reports, newest first, and how many there are.
pub async fn list(
    state: &AppState,
    me: &CurrentUser,
    id: PracticeId,
    page: i64,
) -> Result<(PracticeView, Vec<ReportRow>, i64), AppError> {
    let view = published(state, me, id).await?;
    let offset = (page.max(1) - 1).saturating_mul(PER_PAGE);
    let (rows, total) = state
        .db
        .read_brief(move |c| {
            lyceum_db::snapshot(c, |c| {
                Ok((
                    trials::page(c, id, offset, PER_PAGE)?,
                    trials::count(c, id)?,
                ))
            })
        })
        .await?;
    Ok((view, rows, total))
}

/// The summary partial of a practice's page: the sentence, the latest
/// three reports, and links to all and to filing one.
#[derive(Template)]
#[template(path = "library/trials_summary.html")]
pub struct SummaryPartial {
    pub heading: String,
    pub sentence: String,
    pub latest: Vec<ReportView>,
    pub all_href: String,
    pub all_label: String,
    pub file_href: String,
    pub file_label: String,
}

/// The practice page's section on trials, as HTML (the practice page
/// includes it as it is: `{{ trials|safe }}`).
pub fn summary_html(
    s: &Summary,
    me: &CurrentUser,
    id: PracticeId,
    lang: Lang,
) -> Result<String, AppError> {
    // Dated as the list of every report dates them: in the reader's zone.
    let zone = &me.zone;
    let partial = SummaryPartial {
        heading: t(lang, "trials-heading"),
        sentence: summary_sentence(s, lang),
        latest: s
            .latest
            .iter()
            .map(|r| {
                let date = lyceum_domain::i18n::human_date(r.updated_at.micros(), zone, lang);
                report_view(r, Some(me), lang, &date)
            })
            .collect(),
        all_href: format!("/practices/{id}/trials"),
        all_label: catalogue().text_with(
            lang,
            "trials-see-all",
            &[("count", Arg::Num(s.classrooms))],
        ),
        file_href: format!("/practices/{id}/trials/new"),
        file_label: t(lang, "trials-file"),
    };
    partial
        .render()
        .map_err(|e| AppError::internal(format!("trials summary: {e}")))
}

/// Researchers and programme admins read the export.
pub fn may_export(me: &CurrentUser) -> bool {
    me.actor
        .grants
        .iter()
        .any(|g| matches!(g.role, Role::Researcher | Role::ProgrammeAdmin))
}

fn csv_response(body: String, name: &'static str) -> Response {
    let mut r = Response::new(Body::from(body));
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    r.headers_mut()
        .insert(CONTENT_DISPOSITION, HeaderValue::from_static(name));
    r
}

fn opt_n(v: Option<u32>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

fn opt_b(v: Option<bool>) -> String {
    v.map(|b| if b { "yes" } else { "no" }.to_string())
        .unwrap_or_default()
}

/// `GET /practices/trials.csv`: one line a report, pseudonymous, coded,
/// never free text nor anyone's name, email or id.
pub async fn export_csv(state: &AppState, me: &CurrentUser) -> Result<Response, AppError> {
    if !may_export(me) {
        return Err(AppError::Forbidden);
    }
    let rows = state.db.read(trials::export).await?;
    let names = Pseudonyms::new().map_err(|e| AppError::internal(format!("random key: {e}")))?;
    let zone = lyceum_domain::time::TimeZone::utc();
    let mut out = csv_line(&[
        "practice_id",
        "version",
        "reporter",
        "state",
        "locale",
        "title_i",
        "subject",
        "grade_band",
        "students",
        "periods",
        "fidelity",
        "use_again",
        "design",
        "controls_for_selection",
        "sample_size",
        "comparison_size",
        "sites",
        "effect_direction",
        "effect_size",
        "significant",
        "month_filed",
    ]);
    for x in rows {
        let r = &x.report;
        let rep = &r.report;
        let e = &rep.evidence;
        let date = r.created_at.date_in(&zone).to_string();
        out.push_str(&csv_line(&[
            r.practice.0.to_string(),
            r.version.to_string(),
            names.of(r.reporter.map(|u| u.0)),
            x.state_name.clone().unwrap_or_default(),
            rep.context
                .locale
                .map(|l| l.as_str().to_string())
                .unwrap_or_default(),
            opt_b(rep.context.title_i),
            rep.context.subject.as_str().to_string(),
            rep.context.grade_band.as_str().to_string(),
            rep.students.to_string(),
            rep.periods.to_string(),
            rep.fidelity.as_str().to_string(),
            opt_b(Some(rep.use_again)),
            e.design.as_str().to_string(),
            opt_b(Some(e.controls_for_selection)),
            opt_n(e.sample_size),
            opt_n(e.comparison_size),
            opt_n(e.sites),
            e.effect_direction
                .map(|d| d.as_str().to_string())
                .unwrap_or_default(),
            e.effect_size_centi
                .map(effect_size_text)
                .unwrap_or_default(),
            opt_b(e.significant),
            date.get(..7).unwrap_or(&date).to_string(),
        ]));
    }
    Ok(csv_response(
        out,
        "attachment; filename=\"trial-reports.csv\"",
    ))
}

/// One practice's line of the summary export: counts under ten shown as
/// "<10", and more withheld where subtraction would give one away.
pub fn summary_line(t: &Tally) -> Vec<String> {
    let mut line = vec![t.practice.to_string(), t.version.to_string()];
    let groups: [&[u64]; 3] = [&t.locale, &t.title_i, &t.use_again];
    let protected: Option<Vec<Vec<Cell>>> = if t.total < lyceum_domain::library::trial::MIN_CELL {
        None
    } else {
        groups.iter().map(|g| suppress(g, t.total)).collect()
    };
    match protected {
        Some(groups) => {
            line.push(t.total.to_string());
            for g in groups {
                line.extend(g.into_iter().map(Cell::text));
            }
        }
        None => {
            // Too few reports (or a group that cannot be protected while
            // the total shows): the whole row is hidden.
            let small = |n: u64| if n < 10 { Cell::Small } else { Cell::Withheld };
            line.push(small(t.total).text());
            for g in groups {
                line.extend(g.iter().map(|&n| small(n).text()));
            }
        }
    }
    line
}

/// `GET /practices/trials-summary.csv`: per published practice.
pub async fn summary_csv(state: &AppState, me: &CurrentUser) -> Result<Response, AppError> {
    if !may_export(me) {
        return Err(AppError::Forbidden);
    }
    let tallies = state.db.read(trials::tallies).await?;
    let mut out = csv_line(&[
        "practice_id",
        "version",
        "reports",
        "locale_city",
        "locale_suburb",
        "locale_town",
        "locale_rural",
        "locale_unknown",
        "title_i_yes",
        "title_i_no",
        "title_i_unknown",
        "use_again_yes",
        "use_again_no",
    ]);
    for t in &tallies {
        out.push_str(&csv_line(&summary_line(t)));
    }
    Ok(csv_response(
        out,
        "attachment; filename=\"trial-reports-summary.csv\"",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lyceum_domain::library::EffectDirection;

    fn study(direction: EffectDirection, centi: Option<i32>) -> Evidence {
        Evidence {
            design: Design::Comparison,
            controls_for_selection: false,
            sample_size: Some(380),
            comparison_size: Some(180),
            sites: Some(2),
            measure: Some("rubric".into()),
            effect_direction: Some(direction),
            effect_size_centi: centi,
            significant: Some(true),
        }
    }

    #[test]
    fn the_evidence_line_writes_decimals_and_directions_each_languages_way() {
        let positive = study(EffectDirection::Positive, Some(31));
        let en = evidence_text(Lang::En, &positive).unwrap();
        assert!(
            en.contains("positive effect on rubric (effect size 0.31)"),
            "{en}"
        );
        let es = evidence_text(Lang::Es, &positive).unwrap();
        assert!(
            es.contains("efecto positivo en rubric (tamaño del efecto 0,31)"),
            "{es}"
        );
        let unclear = study(EffectDirection::None, None);
        let en = evidence_text(Lang::En, &unclear).unwrap();
        assert!(en.contains("; no clear effect on rubric,"), "{en}");
        let es = evidence_text(Lang::Es, &unclear).unwrap();
        assert!(es.contains("; sin efecto claro en rubric,"), "{es}");
    }

    #[test]
    fn no_outcome_measured_has_no_evidence_line() {
        let e = Evidence {
            design: Design::None,
            ..study(EffectDirection::Positive, None)
        };
        assert_eq!(evidence_text(Lang::En, &e), None);
    }
}
