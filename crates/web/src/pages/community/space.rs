//! A space's page (pinned topics, then the rest a page at a time) and
//! starting a topic in it.

use super::{space_path, topic_path};
use crate::community_actions;
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::{HtmlForm, HtmlQuery};
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::Choice;
use crate::spaces::readable_with;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::community::{self, SpaceRow, TopicLine};
use lyceum_domain::SpaceId;
use lyceum_domain::community::{Cursor, PAGE_SIZE, TopicInput, TopicKind};
use serde::Deserialize;

pub struct TopicView {
    pub href: String,
    pub title: String,
    pub author: String,
    pub question: bool,
    pub replies: i64,
    pub locked: bool,
}

fn topic_view(t: TopicLine) -> TopicView {
    TopicView {
        href: topic_path(t.topic.id),
        question: t.topic.kind == TopicKind::Question,
        locked: t.topic.locked_at.is_some(),
        replies: t.topic.reply_count,
        title: t.topic.title,
        author: t.author,
    }
}

#[derive(Template)]
#[template(path = "space.html")]
pub struct SpacePage {
    page: Page,
    errors: FormErrors,
    space: SpaceRow,
    org_name: String,
    /// Pinned by moderators: above the rest, on the first page.
    pinned: Vec<TopicView>,
    topics: Vec<TopicView>,
    /// The next page's address, when there is one.
    more: Option<String>,
    /// May start a topic here.
    can_post: bool,
    /// An offering's space past its archive date: read-only.
    archived: bool,
    /// `None`: not followed; `Some(muted)`.
    follow: Option<bool>,
    input: TopicInput,
    subjects: Vec<Choice>,
    grade_bands: Vec<Choice>,
    competencies: Vec<Choice>,
    /// Where the text box asks for people to mention.
    mentions_href: String,
    /// The new topic's text rendered, when "Preview" was pressed.
    preview: Option<String>,
}

/// The new-topic form as sent: the topic, and whether "Preview" was
/// pressed rather than "Start".
#[derive(Debug, Default, Deserialize)]
pub struct StartForm {
    #[serde(flatten)]
    input: TopicInput,
    #[serde(default)]
    preview: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    after: Option<String>,
}

fn cursor(q: &PageQuery) -> Result<Option<Cursor>, AppError> {
    match q.after.as_deref().filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Cursor::parse(s)
            .map(Some)
            .ok_or_else(|| AppError::BadRequest("after: not a place in this list".into())),
    }
}

async fn space_page(
    state: &AppState,
    ctx: &Ctx,
    id: SpaceId,
    after: Option<Cursor>,
    input: TopicInput,
    errors: FormErrors,
) -> Result<SpacePage, AppError> {
    let me = ctx.require_user()?;
    let (lang, user, actor) = (ctx.lang, me.user.id(), me.actor.clone());
    let now = state.clock.now();
    // One trip to the database for the whole page.
    let (space, (can_post, pinned, lines, competencies, follow)) =
        readable_with(state, me, id, move |c, space| {
            let can_post = crate::spaces::posts_as(&actor, space, now);
            let follow = community::follow_state(c, user, id)?;
            let pinned = match after {
                None => community::pinned(c, id)?,
                Some(_) => Vec::new(),
            };
            // The competencies, for the new-topic form.
            let competencies = match can_post {
                true => crate::pages::named_competencies(c, lang)?,
                false => Vec::new(),
            };
            let lines = community::topics(c, id, after, PAGE_SIZE + 1)?;
            Ok((can_post, pinned, lines, competencies, follow))
        })
        .await?;
    let more = (lines.len() > PAGE_SIZE as usize).then(|| {
        let last = &lines[PAGE_SIZE as usize - 1].topic;
        format!(
            "{}?after={}",
            space_path(id),
            Cursor {
                at: last.last_post_at,
                id: last.id.0
            }
        )
    });
    let page = Page::new(ctx, "spaces-title")
        .with_title(&space.row.title)
        .with_errors(&errors);
    let competencies = Choice::named(&competencies, &input.competency);
    Ok(SpacePage {
        can_post,
        archived: space.archived(now),
        follow,
        subjects: Choice::subjects(&page, &input.subject),
        grade_bands: Choice::grade_bands(&page, &input.grade_band),
        competencies,
        mentions_href: format!("{}/mentionable", space_path(id)),
        preview: None,
        pinned: pinned.into_iter().map(topic_view).collect(),
        topics: lines
            .into_iter()
            .take(PAGE_SIZE as usize)
            .map(topic_view)
            .collect(),
        more,
        org_name: space.org_name,
        space: space.row,
        input,
        errors,
        page,
    })
}

/// `GET /spaces/{space_id}?after=<cursor>`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SpaceId>,
    HtmlQuery(q): HtmlQuery<PageQuery>,
) -> Result<Response, AppError> {
    let after = cursor(&q)?;
    Ok(render(
        &space_page(
            &state,
            &ctx,
            id,
            after,
            TopicInput::default(),
            FormErrors::none(),
        )
        .await?,
    ))
}

/// `POST /spaces/{space_id}/topics`: starts a topic (title, kind, body),
/// or, for "Preview", shows the form again with the text rendered.
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SpaceId>,
    HtmlForm(form): HtmlForm<StartForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let input = form.input;
    if form.preview.is_some() {
        let preview = Some(crate::markdown::to_html(&input.body));
        let page = space_page(&state, &ctx, id, None, input, FormErrors::none()).await?;
        return Ok(render(&SpacePage { preview, ..page }));
    }
    let topic = match community_actions::start_topic(&state, me, ctx.lang, id, &input).await? {
        Ok(topic) => topic,
        // Refused (the form, or a posting limit): the page again, with what was typed.
        Err(invalid) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            return Ok(render_invalid(
                &space_page(&state, &ctx, id, None, input, errors).await?,
            ));
        }
    };
    Ok(redirect_with(
        &topic_path(topic),
        Flash::TopicStarted,
        state.config.secure_cookies(),
    ))
}
