//! Surveys after sessions on pages: a session's survey for those who
//! attended it (`/offerings/{offering_id}/sessions/{session_id}/survey`),
//! and the results with the questions' form for those who lead the
//! offering (`/offerings/{offering_id}/survey-results`). Logic shared with
//! the API is `survey_actions`'.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::gate::Access::SignedIn;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use crate::survey_actions::{self as actions, SessionSurvey, SurveyResults};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_domain::i18n::Lang;
use lyceum_domain::paths;
use lyceum_domain::workshop::survey::{
    MAX_COMMENT, MIN_ANSWERS, POINTS, QuestionsInput, Refusal, Results,
};
use lyceum_domain::{OfferingId, SessionId};
use serde::Deserialize;

pub fn routes(r: Routes) -> Routes {
    r.add(
        GET,
        "/offerings/{offering_id}/sessions/{session_id}/survey",
        SignedIn,
        form,
    )
    .add(
        POST,
        "/offerings/{offering_id}/sessions/{session_id}/survey",
        SignedIn,
        submit,
    )
    .add(
        GET,
        "/offerings/{offering_id}/survey-results",
        SignedIn,
        results,
    )
    .add(
        POST,
        "/offerings/{offering_id}/survey-questions",
        SignedIn,
        save_questions,
    )
}

pub fn survey_path(offering: OfferingId, session: SessionId) -> String {
    format!("/offerings/{offering}/sessions/{session}/survey")
}

pub fn results_path(offering: OfferingId) -> String {
    format!("/offerings/{offering}/survey-results")
}

// ---- Answering ----

/// One point of the scale, as a radio.
pub struct Point {
    pub value: u8,
    pub label: String,
    pub checked: bool,
}

/// One statement, as a fieldset of five radios.
pub struct ItemField {
    /// `rating-<n>`.
    pub name: String,
    pub text: String,
    pub points: Vec<Point>,
}

#[derive(Template)]
#[template(path = "workshops_survey.html")]
pub struct SurveyPage {
    page: Page,
    errors: FormErrors,
    offering_title: String,
    offering_href: String,
    session_when: String,
    action: String,
    /// Why they may not answer, as a sentence; `None`: the form.
    refusal: Option<String>,
    items: Vec<ItemField>,
    free_text: Option<String>,
    comment: String,
    max_comment: usize,
    min_answers: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct AnswerForm {
    #[serde(default, rename = "rating-1")]
    rating_1: Option<String>,
    #[serde(default, rename = "rating-2")]
    rating_2: Option<String>,
    #[serde(default, rename = "rating-3")]
    rating_3: Option<String>,
    #[serde(default, rename = "rating-4")]
    rating_4: Option<String>,
    #[serde(default, rename = "rating-5")]
    rating_5: Option<String>,
    #[serde(default)]
    comment: String,
}

impl AnswerForm {
    fn ratings(&self) -> Vec<Option<String>> {
        vec![
            self.rating_1.clone(),
            self.rating_2.clone(),
            self.rating_3.clone(),
            self.rating_4.clone(),
            self.rating_5.clone(),
        ]
    }
}

fn scale_labels(page: &Page) -> Vec<String> {
    (1..=POINTS)
        .map(|p| page.t(&format!("survey-point-{p}")))
        .collect()
}

fn refusal_text(page: &Page, r: Refusal) -> String {
    page.t(&format!("survey-refused-{}", r.code()))
}

fn survey_page(ctx: &Ctx, s: &SessionSurvey, form: &AnswerForm, errors: FormErrors) -> SurveyPage {
    let offering = &s.view.standing.offering.offering;
    let page = Page::new(ctx, "survey-title")
        .about(&offering.title)
        .with_errors(&errors);
    let (texts, free_text) = s.questions.texts(|k| page.t(k));
    let labels = scale_labels(&page);
    let chosen = form.ratings();
    let items = texts
        .into_iter()
        .enumerate()
        .map(|(n, text)| {
            let picked = chosen.get(n).cloned().flatten();
            ItemField {
                name: format!("rating-{}", n + 1),
                text,
                points: labels
                    .iter()
                    .zip(1u8..)
                    .map(|(label, value)| Point {
                        value,
                        label: label.clone(),
                        checked: picked.as_deref() == Some(value.to_string().as_str()),
                    })
                    .collect(),
            }
        })
        .collect();
    SurveyPage {
        offering_title: offering.title.clone(),
        offering_href: paths::offering(offering.id),
        session_when: page.datetime(&s.session.starts_at),
        action: survey_path(offering.id, s.session.id),
        refusal: s.refusal.map(|r| refusal_text(&page, r)),
        items,
        free_text,
        comment: form.comment.clone(),
        max_comment: MAX_COMMENT,
        min_answers: MIN_ANSWERS.to_string(),
        errors,
        page,
    }
}

/// `GET /offerings/{offering_id}/sessions/{session_id}/survey`
pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((offering, session)): Path<(OfferingId, SessionId)>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let s = actions::session_survey(&state, me, offering, session).await?;
    Ok(render(&survey_page(
        &ctx,
        &s,
        &AnswerForm::default(),
        FormErrors::none(),
    )))
}

/// `POST /offerings/{offering_id}/sessions/{session_id}/survey`: the
/// answer is stored without the person; back to the offering.
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((offering, session)): Path<(OfferingId, SessionId)>,
    HtmlForm(form): HtmlForm<AnswerForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let outcome = actions::answer(
        &state,
        me,
        offering,
        session,
        form.ratings(),
        form.comment.clone(),
    )
    .await?;
    match outcome {
        Ok(()) => Ok(redirect_with(
            &paths::offering(offering),
            Flash::SurveyAnswered,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let s = actions::session_survey(&state, me, offering, session).await?;
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(&survey_page(&ctx, &s, &form, errors)))
        }
    }
}

// ---- Results ----

pub struct ItemView {
    pub text: String,
    pub counts: Vec<u32>,
    pub mean: String,
}

/// Results as shown: nothing below the threshold.
pub struct ResultsView {
    pub heading: String,
    /// `None`: too few answers to show.
    pub answers: Option<String>,
    pub items: Vec<ItemView>,
    pub comments: Vec<String>,
}

fn mean(m: f64, lang: Lang) -> String {
    let text = format!("{m:.1}");
    match lang {
        Lang::En => text,
        Lang::Es => text.replace('.', ","),
    }
}

fn results_view(page: &Page, heading: String, texts: &[String], r: &Results) -> ResultsView {
    match r {
        Results::TooFew => ResultsView {
            heading,
            answers: None,
            items: Vec::new(),
            comments: Vec::new(),
        },
        Results::Shown {
            answers,
            items,
            comments,
        } => ResultsView {
            heading,
            answers: Some(page.tn("survey-answers", *answers as i64)),
            items: texts
                .iter()
                .zip(items)
                .map(|(text, i)| ItemView {
                    text: text.clone(),
                    counts: i.counts.to_vec(),
                    mean: mean(i.mean, page.lang),
                })
                .collect(),
            comments: comments.clone(),
        },
    }
}

#[derive(Template)]
#[template(path = "workshops_survey_results.html")]
pub struct ResultsPage {
    page: Page,
    errors: FormErrors,
    offering_title: String,
    offering_href: String,
    scale: Vec<String>,
    free_text: Option<String>,
    overall: ResultsView,
    sessions: Vec<ResultsView>,
    too_few: String,
    /// The questions' form, for those who manage the offering.
    edit: Option<QuestionsInput>,
    locked: bool,
    questions_action: String,
    min_answers: String,
}

fn results_page(
    ctx: &Ctx,
    r: &SurveyResults,
    input: Option<QuestionsInput>,
    errors: FormErrors,
) -> ResultsPage {
    let offering = &r.view.standing.offering.offering;
    let page = Page::new(ctx, "survey-results-title")
        .about(&offering.title)
        .with_errors(&errors);
    let (texts, free_text) = r.questions.texts(|k| page.t(k));
    let edit = r.view.manages.then(|| {
        input.unwrap_or_else(|| QuestionsInput::from_questions(&r.questions, |k| page.t(k)))
    });
    ResultsPage {
        offering_title: offering.title.clone(),
        offering_href: paths::offering(offering.id),
        scale: scale_labels(&page),
        overall: results_view(&page, page.t("survey-overall"), &texts, &r.overall),
        sessions: r
            .sessions
            .iter()
            .map(|(s, res)| {
                let heading = page.t1("survey-session", "when", &page.datetime(&s.starts_at));
                results_view(&page, heading, &texts, res)
            })
            .collect(),
        too_few: page.t1("survey-too-few", "min", &MIN_ANSWERS.to_string()),
        free_text,
        edit,
        locked: r.locked,
        questions_action: format!("/offerings/{}/survey-questions", offering.id),
        min_answers: MIN_ANSWERS.to_string(),
        errors,
        page,
    }
}

/// `GET /offerings/{offering_id}/survey-results`: for its facilitators and
/// those who manage it.
pub async fn results(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(offering): Path<OfferingId>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let r = actions::results(&state, me, offering).await?;
    Ok(render(&results_page(&ctx, &r, None, FormErrors::none())))
}

/// `POST /offerings/{offering_id}/survey-questions`: those who manage the
/// offering change its questions, until someone answers.
pub async fn save_questions(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(offering): Path<OfferingId>,
    HtmlForm(input): HtmlForm<QuestionsInput>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    match actions::set_questions(&state, me, offering, &input).await? {
        Ok(()) => Ok(redirect_with(
            &results_path(offering),
            Flash::SurveyQuestionsSaved,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let r = actions::results(&state, me, offering).await?;
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(&results_page(&ctx, &r, Some(input), errors)))
        }
    }
}
