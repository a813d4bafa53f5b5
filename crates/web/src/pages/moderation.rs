//! Moderation: anyone who can read a post may flag it with a reason; the
//! moderators and admins of the space's organisation (or above) see open
//! flags in their queue and hide the post (its author is told why),
//! dismiss the flags, restore a hidden post, or suspend its author from
//! posting for a number of days — in the spaces of the moderator's own
//! organisation (the broadest they moderate that covers the post's space)
//! and below, and only someone below them (`Actor::may_suspend`). Every
//! decision goes to the audit log with who, what, when and why.

use super::Choice;
use super::community::topic_path;
use crate::context::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::markdown;
use crate::org_actions::record;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::{DbError, community, memberships, moderation, orgs, users};
use lyceum_domain::community::{FlagCategory, PostDecision, reason, suspension_days};
use lyceum_domain::i18n::Arg;
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::Actor;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{OrgId, PostId, TopicId};
use serde::Deserialize;
use serde_json::json;
use std::time::Duration;

use crate::community_actions::readable_post;

// ---- Flagging ----

#[derive(Template)]
#[template(path = "flag.html")]
pub struct FlagPage {
    page: Page,
    errors: FormErrors,
    action: String,
    topic_href: String,
    /// The post being reported, so nobody reports the wrong one: its
    /// author and its text (sanitised by `markdown::to_html`).
    author: String,
    body: String,
    categories: Vec<Choice>,
    typed: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct FlagForm {
    #[serde(default)]
    category: String,
    #[serde(default)]
    why: String,
}

/// The report form for a post `me` may read, as typed so far.
async fn flag_page(
    state: &AppState,
    ctx: &Ctx,
    id: PostId,
    form: FlagForm,
    errors: FormErrors,
) -> Result<FlagPage, AppError> {
    let me = ctx.require_user()?;
    let (topic, _, _, _) = readable_post(state, me, id).await?;
    let (author, body) = state
        .db
        .read(move |c| {
            let post = community::post(c, id)?.ok_or(DbError::NotFound)?;
            let author = users::by_id(c, post.author_id)?.map(|u| u.display_name);
            // A hidden or deleted post's words stay with the moderators.
            let shown = post.hidden_at.is_none() && post.deleted_at.is_none();
            let body = if shown { post.body } else { String::new() };
            Ok((author.unwrap_or_default(), body))
        })
        .await?;
    let page = Page::new(ctx, "flag-title").with_errors(&errors);
    let codes = FlagCategory::ALL.iter().map(|c| c.as_str());
    Ok(FlagPage {
        categories: Choice::list(&page, "flag-category", codes, &[form.category.as_str()]),
        page,
        errors,
        action: format!("/posts/{id}/flag"),
        topic_href: topic_path(topic),
        author,
        body: markdown::to_html(&body),
        typed: form.why,
    })
}

/// `GET /posts/{post_id}/flag`
pub async fn flag_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PostId>,
) -> Result<Response, AppError> {
    let page = flag_page(&state, &ctx, id, FlagForm::default(), FormErrors::none()).await?;
    Ok(render(&page))
}

/// `POST /posts/{post_id}/flag`: asks the space's moderators to look.
pub async fn flag(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PostId>,
    HtmlForm(form): HtmlForm<FlagForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let topic =
        match crate::community_actions::flag(&state, me, id, &form.category, &form.why).await? {
            Ok((topic, _)) => topic,
            Err(invalid) => {
                let errors = FormErrors::from_invalid(&invalid, ctx.lang);
                return Ok(render_invalid(
                    &flag_page(&state, &ctx, id, form, errors).await?,
                ));
            }
        };
    Ok(redirect_with(
        &topic_path(topic),
        Flash::PostFlagged,
        state.config.secure_cookies(),
    ))
}

// ---- The queue ----

pub struct FlagView {
    pub post_id: PostId,
    pub category: FlagCategory,
    pub reason: String,
    pub reporter: String,
    pub author: String,
    /// Sanitised by `markdown::to_html`.
    pub body: String,
    pub hidden: bool,
    pub topic_href: String,
    pub topic_title: String,
    pub space_title: String,
    pub flagged_on: String,
    /// The organisation in whose spaces (and below) this moderator would
    /// suspend the author; None when they may not suspend them.
    pub suspend_in: Option<String>,
}

#[derive(Template)]
#[template(path = "moderation.html")]
pub struct QueuePage {
    page: Page,
    errors: FormErrors,
    moderator: bool,
    flags: Vec<FlagView>,
}

async fn queue_page(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
) -> Result<QueuePage, AppError> {
    let me = ctx.require_user()?.actor.clone();
    let scopes = me.moderation_scopes();
    let moderator = !scopes.is_empty();
    let open = state
        .db
        .read(move |c| {
            let flags = moderation::open_flags(c, &scopes)?;
            // Where each author could be suspended, by this moderator.
            let mut offers = Vec::with_capacity(flags.len());
            for f in &flags {
                let offer =
                    match OrgPath::parse(&f.space_path).and_then(|p| me.suspension_scope(&p)) {
                        Some(scope) => {
                            let them = Actor {
                                user_id: f.author_id,
                                grants: memberships::grants_of(c, f.author_id)?,
                            };
                            match (me.may_suspend(&them, &scope), scope.ids().last()) {
                                (true, Some(org)) => Some(orgs::get(c, *org)?.name),
                                _ => None,
                            }
                        }
                        None => None,
                    };
                offers.push(offer);
            }
            Ok(flags.into_iter().zip(offers).collect::<Vec<_>>())
        })
        .await?;
    Ok(QueuePage {
        page: Page::new(ctx, "moderation-title").with_errors(&errors),
        errors,
        moderator,
        flags: open
            .into_iter()
            .map(|(f, suspend_in)| FlagView {
                suspend_in,
                post_id: f.post_id,
                category: f.category,
                reason: f.reason,
                reporter: f.reporter,
                author: f.author,
                body: markdown::to_html(&f.body),
                hidden: f.hidden,
                topic_href: format!("{}#post-{}", topic_path(f.topic_id), f.post_id),
                topic_title: f.topic_title,
                space_title: f.space_title,
                flagged_on: super::credit::date(f.created_at, &ctx.zone()),
            })
            .collect(),
    })
}

/// `GET /moderation`
pub async fn queue(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    Ok(render(&queue_page(&state, &ctx, FormErrors::none()).await?))
}

/// The post's place, if the reader moderates its space.
async fn moderated_post(
    state: &AppState,
    me: &CurrentUser,
    post: PostId,
) -> Result<(TopicId, OrgId), AppError> {
    let (topic, _, org, moderates) = readable_post(state, me, post).await?;
    if moderates {
        Ok((topic, org))
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct DecisionForm {
    /// `hide`, `restore` or `dismiss`.
    #[serde(default)]
    action: String,
    #[serde(default)]
    why: String,
}

/// `POST /moderation/posts/{post_id}`: hide (with a reason, told to the
/// author), restore, or dismiss the flags.
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PostId>,
    HtmlForm(form): HtmlForm<DecisionForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (_, org) = moderated_post(&state, me, id).await?;
    let (by, now) = (me.user.id(), state.clock.now());
    let Some(decision) = PostDecision::parse(&form.action) else {
        return Err(AppError::BadRequest(
            "action: hide, restore or dismiss".into(),
        ));
    };
    let why = match decision {
        PostDecision::Hide => match reason(&form.why) {
            Ok(r) => Some(r),
            Err(e) => {
                let errors = FormErrors::from_invalid(&Invalid(vec![e]), ctx.lang).for_item(id);
                return Ok(render_invalid(&queue_page(&state, &ctx, errors).await?));
            }
        },
        PostDecision::Restore | PostDecision::Dismiss => None,
    };
    state
        .db
        .write(move |c| {
            let author = community::post(c, id)?.map(|p| p.author_id);
            match (decision, &why) {
                (PostDecision::Hide, Some(r)) => moderation::hide(c, id, by, r, now)?,
                (PostDecision::Restore, _) => moderation::restore(c, id, by, now)?,
                _ => {
                    moderation::dismiss(c, id, by, now)?;
                }
            }
            record(
                c,
                now,
                by,
                &format!("community.post_{decision}"),
                org,
                author,
                json!({ "post": id, "reason": why }),
            )
        })
        .await?;
    Ok(redirect_with(
        "/moderation",
        Flash::ModerationDone,
        state.config.secure_cookies(),
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct SuspendForm {
    #[serde(default)]
    days: String,
    #[serde(default)]
    why: String,
}

/// `POST /moderation/posts/{post_id}/suspend-author`: the post's author may
/// not post for `days` days in the spaces of the moderator's organisation
/// (the broadest they moderate that covers the post's space) and below.
/// Refused (403) unless the moderator may suspend the author there.
pub async fn suspend_author(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PostId>,
    HtmlForm(form): HtmlForm<SuspendForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (_, path, _, _) = readable_post(&state, me, id).await?;
    let scope = me
        .actor
        .suspension_scope(&path)
        .ok_or(AppError::Forbidden)?;
    let scope_org = scope.ids().last().copied().ok_or(AppError::NotFound)?;
    let mut invalid = Invalid::new();
    let days = suspension_days(&form.days)
        .map_err(|e| invalid.push(e))
        .ok();
    let why = reason(&form.why).map_err(|e| invalid.push(e)).ok();
    let (Some(days), Some(why)) = (days, why) else {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang).for_item(id);
        return Ok(render_invalid(&queue_page(&state, &ctx, errors).await?));
    };
    let (by, now, actor) = (me.user.id(), state.clock.now(), me.actor.clone());
    let until = now.plus(Duration::from_secs(u64::from(days) * 86_400));
    let done = state
        .db
        .write(move |c| {
            let author = community::post(c, id)?
                .map(|p| p.author_id)
                .ok_or(lyceum_db::DbError::NotFound)?;
            let them = Actor {
                user_id: author,
                grants: memberships::grants_of(c, author)?,
            };
            if !actor.may_suspend(&them, &scope) {
                return Ok(None);
            }
            moderation::suspend(c, author, scope_org, until, &why, by, now)?;
            record(
                c,
                now,
                by,
                "community.user_suspended",
                scope_org,
                Some(author),
                json!({ "post": id, "days": days, "reason": why }),
            )?;
            let name = lyceum_db::users::by_id(c, author)?
                .map(|u| u.display_name)
                .unwrap_or_default();
            Ok(Some((name, orgs::get(c, scope_org)?.name)))
        })
        .await?;
    let Some((name, org)) = done else {
        return Err(AppError::Forbidden);
    };
    let page = Page::new(&ctx, "moderation-suspended-title");
    let until = page.date(&until.micros());
    let said = lyceum_domain::i18n::catalogue().text_with(
        ctx.lang,
        "moderation-suspended-body",
        &[
            ("name", Arg::Str(&name)),
            ("org", Arg::Str(&org)),
            ("until", Arg::Str(&until)),
        ],
    );
    Ok(render(&SuspendedPage { page, said }))
}

/// What a suspension just set says: who, where, until when.
#[derive(Template)]
#[template(path = "moderation_suspended.html")]
pub struct SuspendedPage {
    page: Page,
    said: String,
}
