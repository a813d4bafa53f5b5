//! The profile: name, language, subjects, grade bands, experience, role in school.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::Choice;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::{DbError, users};
use lyceum_domain::i18n::Lang;
use lyceum_domain::profile::{GradeBand, ProfileInput, SchoolRole, Subject};

#[derive(Template)]
#[template(path = "profile.html")]
pub struct ProfilePage {
    page: Page,
    errors: FormErrors,
    display_name: String,
    years_experience: String,
    languages: Vec<Choice>,
    subjects: Vec<Choice>,
    grade_bands: Vec<Choice>,
    school_roles: Vec<Choice>,
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

impl ProfilePage {
    fn new(ctx: &Ctx, input: &ProfileInput, errors: FormErrors) -> Self {
        let page = Page::new(ctx, "profile-title").with_errors(&errors);
        let languages = Choice::list(
            &page,
            "lang",
            Lang::ALL.iter().map(|l| l.as_str()),
            &[input.preferred_language.as_str()],
        );
        let subjects = Choice::list(
            &page,
            "subject",
            Subject::ALL.iter().map(|s| s.as_str()),
            &strs(&input.subjects),
        );
        let grade_bands = Choice::list(
            &page,
            "grade-band",
            GradeBand::ALL.iter().map(|s| s.as_str()),
            &strs(&input.grade_bands),
        );
        let school_roles = Choice::list(
            &page,
            "school-role",
            SchoolRole::ALL.iter().map(|s| s.as_str()),
            &[input.school_role.as_str()],
        );
        ProfilePage {
            page,
            errors,
            display_name: input.display_name.clone(),
            years_experience: input.years_experience.clone(),
            languages,
            subjects,
            grade_bands,
            school_roles,
        }
    }
}

pub async fn form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?.user.clone();
    let profile = state.db.read(move |c| users::profile(c, &user)).await?;
    let input = ProfileInput {
        display_name: profile.display_name,
        preferred_language: profile.preferred_language.as_str().into(),
        subjects: profile
            .subjects
            .iter()
            .map(|s| s.as_str().to_string())
            .collect(),
        grade_bands: profile
            .grade_bands
            .iter()
            .map(|s| s.as_str().to_string())
            .collect(),
        years_experience: profile
            .years_experience
            .map(|y| y.to_string())
            .unwrap_or_default(),
        school_role: profile
            .school_role
            .map(|r| r.as_str().to_string())
            .unwrap_or_default(),
    };
    Ok(render(&ProfilePage::new(&ctx, &input, FormErrors::none())))
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(input): HtmlForm<ProfileInput>,
) -> Result<Response, AppError> {
    let id = ctx.require_user()?.user.id();
    let profile = match input.validate() {
        Ok(p) => p,
        Err(invalid) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            return Ok(render_invalid(&ProfilePage::new(&ctx, &input, errors)));
        }
    };
    let now = state.clock.now();
    let lang = profile.preferred_language;
    match state
        .db
        .write(move |c| users::save_profile(c, id, &profile, now))
        .await
    {
        Ok(()) => {
            let mut r = redirect_with(
                "/profile",
                Flash::ProfileSaved,
                state.config.secure_cookies(),
            );
            crate::context::append_cookie(
                r.headers_mut(),
                &crate::session::lang_cookie(lang, state.config.secure_cookies()),
            );
            Ok(r)
        }
        Err(DbError::Invalid(invalid)) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(&ProfilePage::new(&ctx, &input, errors)))
        }
        Err(e) => Err(e.into()),
    }
}
