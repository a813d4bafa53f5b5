//! One's own posts: editing (earlier text kept as a revision) and deleting.

use super::topic::BodyForm;
use super::topic_path;
use crate::context::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::spaces::readable_topic;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::DbError;
use lyceum_db::community::{self, Space};
use lyceum_domain::community::body;
use lyceum_domain::policy::edits_post;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{PostId, SpaceId, TopicId};

#[derive(Template)]
#[template(path = "post_edit.html")]
pub struct EditPage {
    page: Page,
    errors: FormErrors,
    action: String,
    topic_href: String,
    typed: String,
    /// Where the text box asks for people to mention.
    mentions_href: String,
    /// The text rendered, when "Preview" was pressed.
    preview: Option<String>,
}

/// The post and its space, if it is the reader's own and they may still
/// read its topic.
async fn own_post(
    state: &AppState,
    me: &CurrentUser,
    id: PostId,
) -> Result<(lyceum_db::community::PostRow, Space), AppError> {
    let post = state
        .db
        .read(move |c| community::post(c, id))
        .await?
        .filter(|p| edits_post(me.user.id(), p.author_id) && p.deleted_at.is_none())
        .ok_or(AppError::NotFound)?;
    let (_, space) = readable_topic(state, me, post.topic_id).await?;
    Ok((post, space))
}

fn edit_page(
    ctx: &Ctx,
    id: PostId,
    (topic, space): (TopicId, SpaceId),
    typed: String,
    errors: FormErrors,
) -> EditPage {
    EditPage {
        page: Page::new(ctx, "post-edit-title").with_errors(&errors),
        action: format!("/posts/{id}/edit"),
        topic_href: topic_path(topic),
        mentions_href: format!("{}/mentionable", super::space_path(space)),
        preview: None,
        typed,
        errors,
    }
}

/// `GET /posts/{post_id}/edit`
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PostId>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (post, space) = own_post(&state, me, id).await?;
    Ok(render(&edit_page(
        &ctx,
        id,
        (post.topic_id, space.row.id),
        post.body,
        FormErrors::none(),
    )))
}

/// `POST /posts/{post_id}/edit`: the earlier text is kept as a revision.
/// An edit passes the checks a new post does (`require_poster`, then
/// `community::may_write` inside the write) and counts as a write.
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PostId>,
    HtmlForm(form): HtmlForm<BodyForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (post, space) = own_post(&state, me, id).await?;
    crate::spaces::require_poster(me, &space, state.clock.now())?;
    let place = (post.topic_id, space.row.id);
    if form.preview.is_some() {
        let preview = Some(crate::markdown::to_html(&form.body));
        let page = edit_page(&ctx, id, place, form.body, FormErrors::none());
        return Ok(render(&EditPage { preview, ..page }));
    }
    let refused = |invalid: Invalid, typed: String| {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        render_invalid(&edit_page(&ctx, id, place, typed, errors))
    };
    let text = match body(&form.body) {
        Ok(t) => t,
        Err(e) => return Ok(refused(Invalid(vec![e]), form.body)),
    };
    let text = match crate::mentions::resolve(&state, &space, text).await? {
        Ok(t) => t,
        Err(invalid) => return Ok(refused(invalid, form.body)),
    };
    let (author, now) = (me.user.id(), state.clock.now());
    match state
        .db
        .write(move |c| community::edit(c, id, author, &text, now))
        .await
    {
        Ok(()) => {}
        Err(DbError::Invalid(invalid)) => return Ok(refused(invalid, form.body)),
        Err(e) => return Err(e.into()),
    }
    Ok(redirect_with(
        &format!("{}#post-{id}", topic_path(post.topic_id)),
        Flash::PostEdited,
        state.config.secure_cookies(),
    ))
}

#[derive(Template)]
#[template(path = "post_delete.html")]
pub struct DeletePage {
    page: Page,
    action: String,
    topic_href: String,
    /// Sanitised by `markdown::to_html`.
    body: String,
}

/// `GET /posts/{post_id}/delete`: asks before a post loses its text, with
/// the post shown, since a deleted post cannot come back.
pub async fn delete_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PostId>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (post, _) = own_post(&state, me, id).await?;
    Ok(render(&DeletePage {
        page: Page::new(&ctx, "post-delete-title"),
        action: format!("/posts/{id}/delete"),
        topic_href: format!("{}#post-{id}", topic_path(post.topic_id)),
        body: crate::markdown::to_html(&post.body),
    }))
}

/// `POST /posts/{post_id}/delete`: the author's own post loses its text.
pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PostId>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (post, _) = own_post(&state, me, id).await?;
    let (author, now) = (me.user.id(), state.clock.now());
    state
        .db
        .write(move |c| community::delete(c, id, author, now))
        .await?;
    Ok(redirect_with(
        &topic_path(post.topic_id),
        Flash::PostDeleted,
        state.config.secure_cookies(),
    ))
}
