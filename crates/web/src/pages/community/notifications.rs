//! One's notifications, marking them read, the digest's frequency and the
//! digest's one-click unsubscribe.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::{HtmlForm, HtmlQuery};
use crate::page::{FormErrors, Page, render};
use crate::pages::Choice;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::{community, notices};
use lyceum_domain::community::{DecisionEmail, DigestFrequency};
use serde::Deserialize;

pub struct NotificationView {
    pub text: String,
    /// A moderator's reason.
    pub note: Option<String>,
    pub href: String,
    /// The certificate a completed course issued.
    pub extra: Option<String>,
    pub on: String,
    pub read: bool,
}

#[derive(Template)]
#[template(path = "notifications.html")]
pub struct NotificationsPage {
    page: Page,
    errors: FormErrors,
    items: Vec<NotificationView>,
    unread: bool,
    /// The digest choices, the person's selected.
    digest: Vec<Choice>,
    /// How to email decisions, the person's selected.
    decisions: Vec<Choice>,
}

/// How many notifications the page shows.
const NOTIFICATIONS: i64 = 50;

/// `GET /notifications`: the latest, newest first.
pub async fn notifications(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?.user.id();
    let (lines, frequency, by_email) = state
        .db
        .read(move |c| {
            Ok((
                notices::of(c, me, NOTIFICATIONS)?,
                lyceum_db::digests::frequency(c, me)?,
                lyceum_db::digests::decisions(c, me)?,
            ))
        })
        .await?;
    let page = Page::new(&ctx, "notifications-title");
    let digest = Choice::list(
        &page,
        "digest",
        DigestFrequency::ALL.iter().map(|f| f.as_str()),
        &[frequency.as_str()],
    );
    let decisions = Choice::list(
        &page,
        "decision-email",
        DecisionEmail::ALL.iter().map(|d| d.as_str()),
        &[by_email.as_str()],
    );
    let items: Vec<NotificationView> = lines
        .into_iter()
        .map(|n| {
            let (text, href) = crate::notices::said(ctx.lang, &n);
            NotificationView {
                text,
                href,
                extra: n.extra_link,
                on: crate::pages::credit::date(n.created_at, &ctx.zone()),
                note: n.note,
                read: n.read,
            }
        })
        .collect();
    Ok(render(&NotificationsPage {
        unread: items.iter().any(|n| !n.read),
        errors: FormErrors::none(),
        items,
        digest,
        decisions,
        page,
    }))
}

#[derive(Debug, Default, Deserialize)]
pub struct DigestForm {
    #[serde(default)]
    digest: String,
    /// Absent from forms made before there was a choice: kept as it is.
    #[serde(default)]
    decisions: String,
}

/// `POST /notifications/digest`: how often to email unread notifications.
pub async fn digest(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(form): HtmlForm<DigestForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?.user.id();
    let f = DigestFrequency::parse(form.digest.trim())
        .ok_or_else(|| AppError::BadRequest("digest: off, daily or weekly".into()))?;
    let d =
        match form.decisions.trim() {
            "" => None,
            code => Some(DecisionEmail::parse(code).ok_or_else(|| {
                AppError::BadRequest("decisions: at-once, digest or never".into())
            })?),
        };
    state
        .db
        .write(move |c| {
            lyceum_db::digests::set_frequency(c, me, f)?;
            match d {
                Some(d) => lyceum_db::digests::set_decisions(c, me, d),
                None => Ok(()),
            }
        })
        .await?;
    Ok(redirect_with(
        "/notifications",
        Flash::DigestSaved,
        state.config.secure_cookies(),
    ))
}

#[derive(Template)]
#[template(path = "unsubscribed.html")]
pub struct UnsubscribedPage {
    page: Page,
    done: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// `GET /digest/unsubscribe?token=`: the one click in a digest that stops
/// them (no sign-in needed; the token can do nothing else).
pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<TokenQuery>,
) -> Result<Response, AppError> {
    let (token, now) = (q.token.trim().to_string(), state.clock.now());
    let done = !token.is_empty()
        && state
            .db
            .write(move |c| lyceum_db::digests::unsubscribe(c, &token, now))
            .await?;
    let page = Page::new(&ctx, "unsubscribe-title");
    let mut r = render(&UnsubscribedPage { page, done });
    if !done {
        *r.status_mut() = axum::http::StatusCode::NOT_FOUND;
    }
    Ok(r)
}

/// `POST /notifications/read`: marks them all read.
pub async fn mark_read(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let (me, now) = (ctx.require_user()?.user.id(), state.clock.now());
    state
        .db
        .write(move |c| community::mark_read(c, me, now))
        .await?;
    Ok(redirect_with(
        "/notifications",
        Flash::NotificationsRead,
        state.config.secure_cookies(),
    ))
}
