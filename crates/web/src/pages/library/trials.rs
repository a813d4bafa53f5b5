//! Trial reports on pages: filing (or updating) one's report on a
//! published practice (`/practices/{practice_id}/trials/new`), all of a
//! practice's reports (`/practices/{practice_id}/trials`), and the
//! researchers' CSVs (`/practices/trials.csv`,
//! `/practices/trials-summary.csv`). The logic is `trial_actions`'.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::gate::Access::SignedIn;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use crate::trial_actions::{self as actions, PER_PAGE, ReportView, TrialForm};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use lyceum_db::library::trials::Filed;
use lyceum_domain::PracticeId;
use lyceum_domain::library::trial::TrialInput;
use lyceum_domain::library::{Design, EffectDirection, Fidelity};
use serde::Deserialize;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/practices/trials.csv", SignedIn, export_csv)
        .add(GET, "/practices/trials-summary.csv", SignedIn, summary_csv)
        .add(GET, "/practices/{practice_id}/trials", SignedIn, list)
        .add(GET, "/practices/{practice_id}/trials/new", SignedIn, form)
        .add(
            POST,
            "/practices/{practice_id}/trials/new",
            SignedIn,
            submit,
        )
}

#[derive(Template)]
#[template(path = "library/trials_form.html")]
pub struct FormPage {
    page: Page,
    errors: FormErrors,
    practice_title: String,
    /// The language the practice is written in (its title is marked with it).
    practice_lang: &'static str,
    practice_href: String,
    action: String,
    updating: bool,
    school: String,
    state: String,
    locale: String,
    title_i: String,
    subjects: Vec<Choice>,
    grade_bands: Vec<Choice>,
    fidelities: Vec<Choice>,
    use_again: Vec<Choice>,
    designs: Vec<Choice>,
    directions: Vec<Choice>,
    significance: Vec<Choice>,
    input: TrialInput,
}

fn form_page(ctx: &Ctx, f: &TrialForm, input: TrialInput, errors: FormErrors) -> FormPage {
    let p = &f.view.practice;
    let page = Page::new(ctx, "trials-form-title")
        .about(&p.title)
        .with_errors(&errors);
    let c = &f.place.classroom;
    let none = page.t("trials-not-recorded");
    let subjects: Vec<&str> = c.subject_choices().iter().map(|s| s.as_str()).collect();
    let bands: Vec<&str> = c.grade_band_choices().iter().map(|b| b.as_str()).collect();
    let yes_no = |sel: &str| {
        vec![
            Choice {
                value: "yes".into(),
                label: page.t("trials-yes"),
                selected: sel == "yes",
            },
            Choice {
                value: "no".into(),
                label: page.t("trials-no"),
                selected: sel == "no",
            },
        ]
    };
    let mut significance = yes_no(&input.significant);
    significance.push(Choice {
        value: String::new(),
        label: page.t("trials-not-reported"),
        selected: input.significant.is_empty(),
    });
    FormPage {
        practice_title: p.title.clone(),
        practice_lang: p.language.as_str(),
        practice_href: format!("/practices/{}", p.id),
        action: format!("/practices/{}/trials/new", p.id),
        updating: f.mine.is_some(),
        school: f.place.school_name.clone().unwrap_or_else(|| none.clone()),
        state: f.place.state_name.clone().unwrap_or_else(|| none.clone()),
        locale: c
            .locale
            .map(|l| page.label("locale", l.as_str()))
            .unwrap_or_else(|| none.clone()),
        title_i: c
            .title_i
            .map(|t| page.t(if t { "trials-yes" } else { "trials-no" }))
            .unwrap_or(none),
        subjects: Choice::list(&page, "subject", subjects, &[input.subject.as_str()]),
        grade_bands: Choice::list(&page, "grade-band", bands, &[input.grade_band.as_str()]),
        fidelities: Choice::list(
            &page,
            "fidelity",
            Fidelity::ALL.iter().map(|f| f.as_str()),
            &[input.fidelity.as_str()],
        ),
        use_again: yes_no(&input.use_again),
        designs: Choice::list(
            &page,
            "design",
            Design::ALL.iter().map(|d| d.as_str()),
            &[if input.design.is_empty() {
                "none"
            } else {
                input.design.as_str()
            }],
        ),
        directions: Choice::list(
            &page,
            "effect-direction",
            EffectDirection::ALL.iter().map(|d| d.as_str()),
            &[input.effect_direction.as_str()],
        ),
        significance,
        input,
        errors,
        page,
    }
}

/// `GET /practices/{practice_id}/trials/new`: the form, starting from the
/// reader's report on this version when they filed one.
pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PracticeId>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let f = actions::form(&state, me, id).await?;
    let input = match &f.mine {
        Some(r) => TrialInput::from_report(&r.report),
        None => TrialInput::default(),
    };
    Ok(render(&form_page(&ctx, &f, input, FormErrors::none())))
}

/// `POST /practices/{practice_id}/trials/new`: filed or updated; to the
/// practice's reports.
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PracticeId>,
    HtmlForm(input): HtmlForm<TrialInput>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    match actions::file(&state, me, id, input.clone()).await? {
        Ok(filed) => Ok(redirect_with(
            &format!("/practices/{id}/trials"),
            match filed {
                Filed::New(_) => Flash::TrialFiled,
                Filed::Updated(_) => Flash::TrialUpdated,
            },
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let f = actions::form(&state, me, id).await?;
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(&form_page(&ctx, &f, input, errors)))
        }
    }
}

#[derive(Template)]
#[template(path = "library/trials_list.html")]
pub struct ListPage {
    page: Page,
    practice_title: String,
    practice_lang: &'static str,
    practice_href: String,
    sentence: String,
    file_href: String,
    file_label: String,
    reports: Vec<ReportView>,
    prev_href: Option<String>,
    next_href: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    page: Option<i64>,
}

/// `GET /practices/{practice_id}/trials?page=N`: every report, newest first.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PracticeId>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let n = q.page.unwrap_or(1).clamp(1, 100_000);
    let (view, rows, total) = actions::list(&state, me, id, n).await?;
    let summary = actions::summary(&state, &view.practice).await?;
    let page = Page::new(&ctx, "trials-list-title").about(&view.practice.title);
    let base = format!("/practices/{id}/trials");
    let reports = rows
        .iter()
        .map(|r| actions::report_view(r, Some(me), ctx.lang, &page.date(&r.updated_at.micros())))
        .collect();
    Ok(render(&ListPage {
        practice_title: view.practice.title.clone(),
        practice_lang: view.practice.language.as_str(),
        practice_href: format!("/practices/{id}"),
        sentence: actions::summary_sentence(&summary, ctx.lang),
        file_href: format!("{base}/new"),
        file_label: page.t("trials-file"),
        reports,
        prev_href: (n > 1).then(|| format!("{base}?page={}", n - 1)),
        next_href: (n * PER_PAGE < total).then(|| format!("{base}?page={}", n + 1)),
        page,
    }))
}

/// `GET /practices/trials.csv`: researchers and programme admins.
pub async fn export_csv(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    actions::export_csv(&state, me).await
}

/// `GET /practices/trials-summary.csv`: researchers and programme admins.
pub async fn summary_csv(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    actions::summary_csv(&state, me).await
}
