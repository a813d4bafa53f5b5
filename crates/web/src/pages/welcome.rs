//! The first step after registering (`/welcome`), asked at the first
//! sign-in: one's school and what one teaches, in one short form that can
//! be skipped. The school is one inside an organisation the person already
//! belongs to, joined as an educator (`lyceum_db::welcome`).

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, local_path, redirect, redirect_with};
use crate::forms::{HtmlForm, HtmlQuery};
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::Choice;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::{DbError, welcome};
use lyceum_domain::OrgId;
use lyceum_domain::profile::{GradeBand, Subject, teaching};
use lyceum_domain::validation::Invalid;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;

/// The step's address, going on to `next` afterwards.
pub fn path(next: &str) -> String {
    format!(
        "/welcome?next={}",
        utf8_percent_encode(next, NON_ALPHANUMERIC)
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    pub next: String,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct WelcomeForm {
    #[serde(default)]
    pub school: String,
    #[serde(default)]
    pub subjects: Vec<String>,
    #[serde(default)]
    pub grade_bands: Vec<String>,
    #[serde(default)]
    pub next: String,
    /// `skip` skips; anything else saves.
    #[serde(default)]
    pub action: String,
}

#[derive(Template)]
#[template(path = "welcome.html")]
pub struct WelcomePage {
    page: Page,
    errors: FormErrors,
    schools: Vec<Choice>,
    subjects: Vec<Choice>,
    grade_bands: Vec<Choice>,
    next: String,
}

impl WelcomePage {
    fn new(ctx: &Ctx, schools: &[(i64, String)], form: &WelcomeForm, errors: FormErrors) -> Self {
        let page = Page::new(ctx, "welcome-title").with_errors(&errors);
        let strs = |v: &[String]| v.iter().map(String::as_str).collect::<Vec<_>>().join(" ");
        let (subjects, bands) = (strs(&form.subjects), strs(&form.grade_bands));
        WelcomePage {
            schools: schools
                .iter()
                .map(|(id, name)| Choice {
                    value: id.to_string(),
                    label: name.clone(),
                    selected: form.school == id.to_string(),
                })
                .collect(),
            subjects: Choice::list(
                &page,
                "subject",
                Subject::ALL.iter().map(|s| s.as_str()),
                &subjects.split(' ').collect::<Vec<_>>(),
            ),
            grade_bands: Choice::list(
                &page,
                "grade-band",
                GradeBand::ALL.iter().map(|s| s.as_str()),
                &bands.split(' ').collect::<Vec<_>>(),
            ),
            next: local_path(&form.next, "/").to_string(),
            errors,
            page,
        }
    }
}

async fn schools(state: &AppState, ctx: &Ctx) -> Result<Option<Vec<(i64, String)>>, AppError> {
    let me = ctx.require_user()?.user.id();
    Ok(state
        .db
        .read(move |c| {
            if !welcome::pending(c, me)? {
                return Ok(None);
            }
            Ok(Some(
                welcome::schools_for(c, me)?
                    .into_iter()
                    .map(|o| (o.id, o.name))
                    .collect(),
            ))
        })
        .await?)
}

/// `GET /welcome`: the step, or on to `next` once it is done.
pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<NextQuery>,
) -> Result<Response, AppError> {
    let Some(schools) = schools(&state, &ctx).await? else {
        return Ok(redirect(local_path(&q.next, "/")));
    };
    let form = WelcomeForm {
        next: q.next,
        ..WelcomeForm::default()
    };
    Ok(render(&WelcomePage::new(
        &ctx,
        &schools,
        &form,
        FormErrors::none(),
    )))
}

/// `POST /welcome`: saves (or skips) the step, then on to `next`.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(form): HtmlForm<WelcomeForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?.user.id();
    let next = local_path(&form.next, "/").to_string();
    let now = state.clock.now();
    let secure = state.config.secure_cookies();
    if form.action == "skip" {
        return match state.db.write(move |c| welcome::skip(c, me)).await {
            Ok(()) | Err(DbError::NotFound) => Ok(redirect(&next)),
            Err(e) => Err(e.into()),
        };
    }
    let school = match form.school.trim() {
        "" => Ok(None),
        s => s
            .parse::<i64>()
            .map(|id| Some(OrgId(id)))
            .map_err(|_| Invalid::one("school", "choose-one")),
    };
    let checked = teaching(&form.subjects, &form.grade_bands);
    let refuse = |invalid: &Invalid, schools: &[(i64, String)]| {
        render_invalid(&WelcomePage::new(
            &ctx,
            schools,
            &form,
            FormErrors::from_invalid(invalid, ctx.lang),
        ))
    };
    let (school, (subjects, bands)) = match (school, checked) {
        (Ok(s), Ok(t)) => (s, t),
        (s, t) => {
            let mut invalid = Invalid::new();
            for e in [s.err(), t.err()].into_iter().flatten() {
                invalid.0.extend(e.0);
            }
            let schools = schools(&state, &ctx).await?.unwrap_or_default();
            return Ok(refuse(&invalid, &schools));
        }
    };
    match state
        .db
        .write(move |c| welcome::finish(c, me, school, &subjects, &bands, now))
        .await
    {
        Ok(()) => Ok(redirect_with(&next, Flash::ProfileSaved, secure)),
        Err(DbError::NotFound) => Ok(redirect(&next)),
        Err(DbError::Invalid(invalid)) => {
            let schools = schools(&state, &ctx).await?.unwrap_or_default();
            Ok(refuse(&invalid, &schools))
        }
        Err(e) => Err(e.into()),
    }
}
