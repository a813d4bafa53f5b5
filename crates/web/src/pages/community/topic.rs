//! A topic's page (its posts a page at a time, quoting one into a reply)
//! and replying to it.

use super::{space_path, topic_path};
use crate::community_actions;
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::{HtmlForm, HtmlQuery};
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::Choice;
use crate::spaces::readable_topic_with;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::community::{self, PostLine, TopicRow};
use lyceum_domain::community::{PAGE_SIZE, Reaction, TopicKind};
use lyceum_domain::policy::{accepts_answer, edits_post};
use lyceum_domain::time::TimeZone;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{PostId, TopicId, UserId};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::Arc;

pub struct PostView {
    pub id: PostId,
    pub author: String,
    /// For the link to their posts.
    pub author_id: UserId,
    pub posted_on: String,
    /// Sanitised by `markdown::to_html` (through the rendered-post cache);
    /// empty once deleted.
    pub body: Arc<str>,
    pub edited: bool,
    pub deleted: bool,
    /// Hidden by a moderator: only moderators see its text (and why).
    pub hidden: Option<String>,
    /// The reader wrote it: they may edit or delete it.
    pub own: bool,
    /// The question's accepted answer.
    pub accepted: bool,
    /// Each reaction kind: (code, count, the reader gave it).
    pub reactions: Vec<(Reaction, i64, bool)>,
}

fn post_view(
    state: &AppState,
    p: PostLine,
    me: UserId,
    accepted: Option<PostId>,
    given: &HashSet<(PostId, Reaction)>,
    zone: &TimeZone,
) -> PostView {
    let reactions = Reaction::ALL
        .iter()
        .zip(p.reactions)
        .map(|(k, n)| (*k, n, given.contains(&(p.post.id, *k))))
        .collect();
    PostView {
        reactions,
        accepted: accepted == Some(p.post.id),
        id: p.post.id,
        author_id: p.post.author_id,
        author: p.author,
        posted_on: crate::pages::credit::date(p.post.created_at, zone),
        hidden: p
            .post
            .hidden_at
            .map(|_| p.post.hidden_reason.clone().unwrap_or_default()),
        body: if p.post.deleted_at.is_some() {
            Arc::from("")
        } else {
            state.rendered_posts.html(p.post.id.0, &p.post.body)
        },
        edited: p.post.edited_at.is_some(),
        deleted: p.post.deleted_at.is_some(),
        own: edits_post(me, p.post.author_id) && p.post.deleted_at.is_none(),
    }
}

#[derive(Template)]
#[template(path = "topic.html")]
pub struct TopicPage {
    page: Page,
    errors: FormErrors,
    space_href: String,
    space_title: String,
    topic: TopicRow,
    question: bool,
    posts: Vec<PostView>,
    more: Option<String>,
    /// May reply (in the audience, and the topic is not locked).
    can_reply: bool,
    /// May lock or unlock it.
    can_moderate: bool,
    /// May react to posts (the space's audience).
    can_react: bool,
    /// For moderators: the other spaces they moderate, to move the topic to.
    move_to: Vec<Choice>,
    /// Its tags, as labels.
    tags: Vec<String>,
    /// The reader asked this question: they may accept a reply as the answer.
    can_accept: bool,
    /// The topic's first post (the question itself is not an answer).
    first_post: Option<PostId>,
    /// The reaction kinds' names, in `Reaction::ALL` order (each post's
    /// `reactions` is in that order too).
    reaction_labels: Vec<String>,
    typed: Typed,
    /// Where the reply box asks for people to mention.
    mentions_href: String,
    /// The reply's text rendered, when "Preview" was pressed.
    preview: Option<String>,
}

/// What the reader typed into the topic page's forms, shown again when
/// one is refused.
#[derive(Debug, Default)]
pub(super) struct Typed {
    pub(super) reply: String,
    /// A moderator's reason.
    pub(super) why: String,
}

impl Typed {
    fn reply(reply: String) -> Self {
        Typed {
            reply,
            ..Typed::default()
        }
    }
}

impl TopicPage {
    fn is_first(&self, post: &PostId) -> bool {
        self.first_post == Some(*post)
    }
}

async fn topic_page(
    state: &AppState,
    ctx: &Ctx,
    id: TopicId,
    after: Option<PostId>,
    typed: Typed,
    errors: FormErrors,
) -> Result<TopicPage, AppError> {
    let me = ctx.require_user()?;
    let reader = me.user.id();
    // One trip to the database for the whole page.
    let lang = ctx.lang;
    let (topic, space, (lines, given, tags, competencies)) =
        readable_topic_with(state, me, id, move |c, _| {
            let lines = community::posts(c, id, after, PAGE_SIZE + 1)?;
            let given = match (lines.first(), lines.last()) {
                (Some(first), Some(last)) => {
                    community::reacted(c, (first.post.id, last.post.id), reader)?
                }
                _ => HashSet::new(),
            };
            let tags = community::tags_of(c, id)?;
            // Competency tags are named by the framework.
            let competencies = match tags.iter().any(|t| t.starts_with("competency:")) {
                true => crate::pages::named_competencies(c, lang)?,
                false => Vec::new(),
            };
            Ok((lines, given, tags, competencies))
        })
        .await?;
    let more = (lines.len() > PAGE_SIZE as usize).then(|| {
        format!(
            "{}?after={}",
            topic_path(id),
            lines[PAGE_SIZE as usize - 1].post.id
        )
    });
    let page = Page::new(ctx, "spaces-title")
        .with_title(&topic.title)
        .with_errors(&errors);
    let user = me.user.id();
    let accepted = topic.accepted_post_id;
    let first_post = if after.is_none() {
        lines.first().map(|p| p.post.id)
    } else {
        None
    };
    Ok(TopicPage {
        can_accept: topic.kind == TopicKind::Question && accepts_answer(user, topic.author_id),
        first_post,
        reaction_labels: Reaction::ALL
            .iter()
            .map(|k| page.t(&k.label_key()))
            .collect(),
        space_href: space_path(space.row.id),
        mentions_href: format!("{}/mentionable", space_path(space.row.id)),
        preview: None,
        space_title: space.row.title.clone(),
        question: topic.kind == TopicKind::Question,
        posts: lines
            .into_iter()
            .take(PAGE_SIZE as usize)
            .map(|p| post_view(state, p, user, accepted, &given, &ctx.zone()))
            .collect(),
        more,
        can_reply: topic.locked_at.is_none() && crate::spaces::posts(me, &space, state.clock.now()),
        can_moderate: crate::spaces::moderates(me, &space),
        can_react: crate::spaces::posts(me, &space, state.clock.now()),
        tags: {
            tags.iter()
                .filter_map(|t| t.split_once(':'))
                .map(|(kind, code)| match kind {
                    "competency" => competencies
                        .iter()
                        .find(|(id, _)| id == code)
                        .map_or_else(|| code.to_string(), |(_, name)| name.clone()),
                    _ => page.label(kind, code),
                })
                .collect()
        },
        move_to: if me.actor.moderates_space(&space.path) {
            let here = space.row.id;
            crate::spaces::all_readable(state, me)
                .await?
                .into_iter()
                .filter(|s| s.row.id != here && me.actor.moves_topic(&space.path, &s.path))
                .map(|s| Choice {
                    value: s.row.id.to_string(),
                    label: s.row.title,
                    selected: false,
                })
                .collect()
        } else {
            Vec::new()
        },
        topic,
        typed,
        errors,
        page,
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct PostQuery {
    #[serde(default)]
    after: Option<String>,
    /// A post of this topic to quote in the reply.
    #[serde(default)]
    quote: Option<String>,
}

/// A post as a Markdown quotation, to start a reply with.
fn quotation(author: &str, body: &str) -> String {
    let mut out = format!("> **{author}:**\n");
    for line in body.lines() {
        out.push_str("> ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out
}

/// `GET /topics/{topic_id}?after=<post id>`
pub async fn topic(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<TopicId>,
    HtmlQuery(q): HtmlQuery<PostQuery>,
) -> Result<Response, AppError> {
    let after = match q.after.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(PostId(s.parse::<i64>().map_err(|_| {
            AppError::BadRequest("after: not a post in this topic".into())
        })?)),
    };
    let reply = match q.quote.as_deref().filter(|s| !s.is_empty()) {
        None => String::new(),
        Some(s) => {
            let post = PostId(
                s.parse::<i64>()
                    .map_err(|_| AppError::BadRequest("quote: not a post in this topic".into()))?,
            );
            let found = state
                .db
                .read(move |c| {
                    let Some(p) = community::post(c, post)? else {
                        return Ok(None);
                    };
                    let name: String = lyceum_db::users::by_id(c, p.author_id)?
                        .map(|u| u.display_name)
                        .unwrap_or_default();
                    Ok(Some((p, name)))
                })
                .await?;
            match found {
                Some((p, name))
                    if p.topic_id == id && p.deleted_at.is_none() && p.hidden_at.is_none() =>
                {
                    quotation(&name, &p.body)
                }
                _ => {
                    return Err(AppError::BadRequest(
                        "quote: not a post in this topic".into(),
                    ));
                }
            }
        }
    };
    Ok(render(
        &topic_page(
            &state,
            &ctx,
            id,
            after,
            Typed::reply(reply),
            FormErrors::none(),
        )
        .await?,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct BodyForm {
    #[serde(default)]
    pub(super) body: String,
    /// "Preview" was pressed: show the text rendered, save nothing.
    #[serde(default)]
    pub(super) preview: Option<String>,
}

/// `POST /topics/{topic_id}/replies` (or, for "Preview", the topic again
/// with the reply rendered under its form).
pub async fn reply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<TopicId>,
    HtmlForm(form): HtmlForm<BodyForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    if form.preview.is_some() {
        let preview = Some(crate::markdown::to_html(&form.body));
        let page = topic_page(
            &state,
            &ctx,
            id,
            None,
            Typed::reply(form.body),
            FormErrors::none(),
        )
        .await?;
        return Ok(render(&TopicPage { preview, ..page }));
    }
    match community_actions::reply(&state, me, id, &form.body).await? {
        Ok(post) => Ok(redirect_with(
            &format!("{}#post-{post}", topic_path(id)),
            Flash::ReplyPosted,
            state.config.secure_cookies(),
        )),
        Err(invalid) => refused(&state, &ctx, id, Typed::reply(form.body), invalid).await,
    }
}

/// The topic again, with what was typed and why it was refused.
pub(super) async fn refused(
    state: &AppState,
    ctx: &Ctx,
    id: TopicId,
    typed: Typed,
    invalid: Invalid,
) -> Result<Response, AppError> {
    let errors = FormErrors::from_invalid(&invalid, ctx.lang);
    Ok(render_invalid(
        &topic_page(state, ctx, id, None, typed, errors).await?,
    ))
}
