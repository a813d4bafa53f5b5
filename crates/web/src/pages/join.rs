//! Joining an organisation with a join code, once signed in.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::ratelimit::{Attempt, ClientIp, wait_error};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::audit::{self, Event};
use lyceum_db::{DbError, join_codes, memberships};
use lyceum_domain::validation::Invalid;
use serde::Deserialize;
use serde_json::json;

#[derive(Template)]
#[template(path = "join.html")]
pub struct JoinPage {
    page: Page,
    errors: FormErrors,
    join_code: String,
}

pub async fn form(ctx: Ctx) -> Response {
    render(&JoinPage {
        page: Page::new(&ctx, "join-title"),
        errors: FormErrors::none(),
        join_code: String::new(),
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct JoinForm {
    #[serde(default)]
    join_code: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    HtmlForm(form): HtmlForm<JoinForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.user.id();
    let now = state.clock.now();
    let refuse = |invalid: Invalid| {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        render_invalid(&JoinPage {
            page: Page::new(&ctx, "join-title").with_errors(&errors),
            errors,
            join_code: form.join_code.clone(),
        })
    };
    // Codes are guessable in principle: every try counts, for the person
    // and for their network, before the code is looked at.
    let attempt = Attempt::join_code(Some(user), ip);
    if let Err(until) = attempt.claim(&state, now).await? {
        return Ok(refuse(wait_error(
            "join_code",
            "join-code-wait",
            now,
            until,
        )));
    }
    let code = form.join_code.clone();
    let result = state
        .db
        .write(move |c| {
            let (org, role) = join_codes::redeem(c, &code, now)?;
            attempt.succeeded(c)?;
            memberships::add(c, user, &org, role, now)?;
            audit::record(
                c,
                now,
                Event {
                    actor: Some(user),
                    action: "membership.joined_by_code",
                    org: Some(org.id()),
                    subject: Some(user),
                    detail: json!({ "role": role }),
                },
            )
        })
        .await;
    match result {
        Ok(()) => Ok(redirect_with(
            "/",
            Flash::Joined,
            state.config.secure_cookies(),
        )),
        Err(DbError::Invalid(invalid)) => Ok(refuse(invalid)),
        Err(e) => Err(e.into()),
    }
}
