//! Community: the spaces a person may read (following some: "my spaces"),
//! a space's topics, a topic's posts, replying, editing and deleting one's
//! own posts, locking by moderators, and creating spaces (org admins, for
//! their organisation's subtree). A space a person may not read does not
//! exist for them: every route answers 404, never a hint.

use super::org_admin::{AdminFrame, Tab, frame};
use crate::context::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::{HtmlForm, HtmlQuery};
use crate::gate::ScopedOrg;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::DbError;
use lyceum_db::community::{self, PostLine, Space, SpaceRow, TopicLine, TopicRow};
use lyceum_domain::community::{
    Cursor, DigestFrequency, PAGE_SIZE, Reaction, SpaceInput, TopicDecision, TopicInput, TopicKind,
    Visibility, body,
};
use lyceum_domain::policy::Action;
use lyceum_domain::time::TimeZone;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{OrgId, UserId};
use serde::Deserialize;

pub fn space_path(id: i64) -> String {
    format!("/spaces/{id}")
}

pub fn topic_path(id: i64) -> String {
    format!("/topics/{id}")
}

use crate::spaces::{readable, readable_topic, readable_topic_with, visibility};
use std::collections::HashSet;
use std::sync::Arc;

// ---- The list ----

pub struct SpaceLine {
    pub href: String,
    pub title: String,
    pub description: String,
    pub org_name: String,
    pub members_only: bool,
    pub topics: i64,
    pub following: bool,
    pub follow_action: String,
}

#[derive(Template)]
#[template(path = "spaces.html")]
pub struct SpacesPage {
    page: Page,
    mine: Vec<SpaceLine>,
    others: Vec<SpaceLine>,
}

/// `GET /spaces`: "my spaces" (followed) first, then the others this
/// person may read.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let id = me.user.id();
    let all = crate::spaces::all_readable(&state, me).await?;
    let followed = state.db.read(move |c| community::followed(c, id)).await?;
    let (mut mine, mut others) = (Vec::new(), Vec::new());
    for s in all {
        let visibility = crate::spaces::visibility(&s);
        let following = followed.contains(&s.row.id);
        let line = SpaceLine {
            href: space_path(s.row.id),
            follow_action: format!("{}/follow", space_path(s.row.id)),
            title: s.row.title,
            description: s.row.description,
            org_name: s.org_name,
            members_only: visibility == Visibility::Members,
            topics: s.row.topic_count,
            following,
        };
        if following {
            mine.push(line);
        } else {
            others.push(line);
        }
    }
    Ok(render(&SpacesPage {
        page: Page::new(&ctx, "spaces-title"),
        mine,
        others,
    }))
}

#[derive(Debug, Default, Deserialize)]
pub struct FollowForm {
    /// `yes` to follow, anything else to stop.
    #[serde(default)]
    follow: String,
}

/// `POST /spaces/{space_id}/follow`
pub async fn follow(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<FollowForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    readable(&state, me, id).await?;
    let (user, on, now) = (me.user.id(), form.follow == "yes", state.clock.now());
    state
        .db
        .write(move |c| community::follow(c, user, id, on, now))
        .await?;
    Ok(redirect_with(
        "/spaces",
        if on {
            Flash::SpaceFollowed
        } else {
            Flash::SpaceUnfollowed
        },
        state.config.secure_cookies(),
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct MuteForm {
    /// `yes` to mute, anything else to unmute.
    #[serde(default)]
    mute: String,
}

/// `POST /spaces/{space_id}/mute`: a follower mutes (or unmutes) a space:
/// its new topics stop reaching their notifications and digest.
pub async fn mute(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<MuteForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    readable(&state, me, id).await?;
    let (user, on, now) = (me.user.id(), form.mute == "yes", state.clock.now());
    state
        .db
        .write(move |c| community::mute(c, user, id, on, now))
        .await?;
    Ok(redirect_with(
        &space_path(id),
        if on {
            Flash::SpaceMuted
        } else {
            Flash::SpaceUnmuted
        },
        state.config.secure_cookies(),
    ))
}

// ---- Search ----

pub struct ResultView {
    pub href: String,
    pub topic_title: String,
    pub space_title: String,
    pub author: String,
    pub posted_on: String,
    /// Safe HTML from `highlight::snippet`.
    pub snippet: String,
}

#[derive(Template)]
#[template(path = "spaces_search.html")]
pub struct SearchPage {
    page: Page,
    errors: FormErrors,
    q: String,
    subjects: Vec<super::Choice>,
    grade_bands: Vec<super::Choice>,
    competencies: Vec<super::Choice>,
    since: String,
    /// Narrowed to one space: (its title, the same search everywhere).
    within: Option<Narrowed>,
    /// Narrowed to one person's posts: (their name, the same search by anyone).
    by: Option<Narrowed>,
    /// The space or person narrowed to, kept by the form.
    space: String,
    author: String,
    results: Vec<ResultView>,
    searched: bool,
    more: Option<String>,
}

/// A narrowing of a search the form keeps, with a link to drop it.
pub struct Narrowed {
    /// The space's title or the person's name (None: a person with no post
    /// this reader may see, whose name is not shown).
    label: Option<String>,
    without: String,
}

#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
    /// A space's id, or empty for every space one may read.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    space: String,
    /// A person's id: only their posts (words may then be left out).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    author: String,
    /// Only posts older than this one (the next page).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    before: String,
    /// Only topics tagged with this subject, or grade band.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    subject: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    grade_band: String,
    /// Only topics tagged with this competency (its id).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    competency: String,
    /// Only posts from this day on (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    since: String,
}

/// Results on one page.
const RESULTS: usize = 20;

/// The search page's address for `q`.
fn search_href(q: &SearchQuery) -> String {
    format!(
        "/spaces/search?{}",
        serde_html_form::to_string(q).unwrap_or_default()
    )
}

/// `GET /spaces/search?q=&space=&author=&before=`: posts in the spaces
/// this person may read, newest first, the words they matched marked.
pub async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(query): HtmlQuery<SearchQuery>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let not_readable = || AppError::BadRequest("space: not a space you can read".into());
    let space = match query.space.trim() {
        "" => None,
        s => match readable(&state, me, s.parse().map_err(|_| not_readable())?).await {
            Ok(space) => Some(space),
            Err(AppError::NotFound) => return Err(not_readable()),
            Err(e) => return Err(e),
        },
    };
    let author = match query.author.trim() {
        "" => None,
        a => Some(UserId(a.parse::<i64>().map_err(|_| {
            AppError::BadRequest("author: not a person".into())
        })?)),
    };
    let before = match query.before.trim() {
        "" => None,
        b => Some(
            b.parse::<i64>()
                .map_err(|_| AppError::BadRequest("before: not a post".into()))?,
        ),
    };
    let mut invalid = Invalid::new();
    // Every tag asked for narrows (a subject and a grade band: both).
    let mut tags = Vec::new();
    if !query.subject.trim().is_empty() {
        match lyceum_domain::profile::Subject::parse(query.subject.trim()) {
            Some(s) => tags.push(lyceum_domain::community::tag("subject", s.as_str())),
            None => invalid.add("subject", "choose-one"),
        }
    }
    if !query.grade_band.trim().is_empty() {
        match lyceum_domain::profile::GradeBand::parse(query.grade_band.trim()) {
            Some(g) => tags.push(lyceum_domain::community::tag("grade-band", g.as_str())),
            None => invalid.add("grade_band", "choose-one"),
        }
    }
    let lang = ctx.lang;
    let competencies = state
        .db
        .read(move |c| super::competencies::named_competencies(c, lang))
        .await?;
    match query.competency.trim() {
        "" => {}
        c if competencies.iter().any(|(id, _)| id == c) => {
            tags.push(lyceum_domain::community::tag("competency", c))
        }
        _ => invalid.add("competency", "choose-one"),
    }
    let since = match query.since.trim() {
        "" => None,
        d => match lyceum_domain::time::Date::parse(d) {
            // From the start of that day on the reader's calendar.
            Some(d) => Some(d.start_in(&ctx.zone())),
            None => {
                invalid.add("since", "date-invalid");
                None
            }
        },
    };
    let errors = FormErrors::from_invalid(&invalid, ctx.lang);
    let words = if invalid.is_empty() {
        lyceum_domain::search::query_words(&query.q, 8)
    } else {
        Vec::new()
    };
    let page = Page::new(&ctx, "spaces-search-title").with_errors(&errors);
    let searched = !words.is_empty() || (author.is_some() && invalid.is_empty());
    let found = if searched {
        let w = words.clone();
        let actor = me.actor.clone();
        let f = community::SearchFilters {
            before,
            tags,
            since,
            author,
            space: space.as_ref().map(|s| s.row.id),
        };
        state
            .db
            .read(move |c| {
                let may_read = |s: &Space| actor.reads_space(&s.path, visibility(s));
                community::search(c, &w, &may_read, &f, RESULTS + 1)
            })
            .await?
    } else {
        Vec::new()
    };
    let more = (found.len() > RESULTS).then(|| {
        search_href(&SearchQuery {
            before: found[RESULTS - 1].post.id.to_string(),
            ..query.clone()
        })
    });
    let within = space.map(|s| Narrowed {
        label: Some(s.row.title),
        without: search_href(&SearchQuery {
            space: String::new(),
            before: String::new(),
            ..query.clone()
        }),
    });
    let by = author.map(|a| Narrowed {
        // Named only by a post this reader may see.
        label: found
            .iter()
            .find(|f| f.post.author_id == a.0)
            .map(|f| f.author.clone()),
        without: search_href(&SearchQuery {
            author: String::new(),
            before: String::new(),
            ..query.clone()
        }),
    });
    let subjects = super::Choice::subjects(&page, &query.subject);
    let grade_bands = super::Choice::grade_bands(&page, &query.grade_band);
    let competencies = super::Choice::named(&competencies, &query.competency);
    let status = if invalid.is_empty() { 200 } else { 422 };
    let mut r = render(&SearchPage {
        subjects,
        grade_bands,
        competencies,
        since: query.since.clone(),
        results: found
            .into_iter()
            .take(RESULTS)
            .map(|f| ResultView {
                href: format!("{}#post-{}", topic_path(f.topic_id), f.post.id),
                space_title: f.space.row.title,
                snippet: crate::highlight::snippet(&f.post.body, &words),
                posted_on: super::credit::date(f.post.created_at, &ctx.zone()),
                topic_title: f.topic_title,
                author: f.author,
            })
            .collect(),
        searched,
        errors,
        within,
        by,
        space: query.space,
        author: query.author,
        q: query.q,
        more,
        page,
    });
    if status == 422 {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

// ---- A space ----

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
        question: t.topic.kind == TopicKind::Question.as_str(),
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
    /// `None`: not followed; `Some(muted)`.
    follow: Option<bool>,
    input: TopicInput,
    subjects: Vec<super::Choice>,
    grade_bands: Vec<super::Choice>,
    competencies: Vec<super::Choice>,
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
    id: i64,
    after: Option<Cursor>,
    input: TopicInput,
    errors: FormErrors,
) -> Result<SpacePage, AppError> {
    let me = ctx.require_user()?;
    let space = readable(state, me, id).await?;
    let can_post = me.actor.posts_in_space(&space.path);
    let (lang, user) = (ctx.lang, me.user.id());
    let (pinned, lines, competencies, follow) = state
        .db
        .read_brief(move |c| {
            let follow = community::follow_state(c, user, id)?;
            let pinned = match after {
                None => community::pinned(c, id)?,
                Some(_) => Vec::new(),
            };
            // The competencies, for the new-topic form.
            let competencies = match can_post {
                true => super::competencies::named_competencies(c, lang)?,
                false => Vec::new(),
            };
            let lines = community::topics(c, id, after, PAGE_SIZE + 1)?;
            Ok((pinned, lines, competencies, follow))
        })
        .await?;
    let more = (lines.len() > PAGE_SIZE as usize).then(|| {
        let last = &lines[PAGE_SIZE as usize - 1].topic;
        format!(
            "{}?after={}",
            space_path(id),
            Cursor {
                at: last.last_post_at,
                id: last.id
            }
        )
    });
    let page = Page::new(ctx, "spaces-title")
        .with_title(&space.row.title)
        .with_errors(&errors);
    let competencies = super::Choice::named(&competencies, &input.competency);
    Ok(SpacePage {
        can_post,
        follow,
        subjects: super::Choice::subjects(&page, &input.subject),
        grade_bands: super::Choice::grade_bands(&page, &input.grade_band),
        competencies,
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
    Path(id): Path<i64>,
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

/// `POST /spaces/{space_id}/topics`: starts a topic (title, kind, body).
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(input): HtmlForm<TopicInput>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let space = readable(&state, me, id).await?;
    crate::spaces::require_poster(me, &space)?;
    // The competencies are asked for only when one was chosen.
    let lang = ctx.lang;
    let known = match input.competency.trim() {
        "" => Vec::new(),
        _ => {
            state
                .db
                .read(move |c| super::competencies::named_competencies(c, lang))
                .await?
        }
    };
    let draft = match input.validate(|c| known.iter().any(|(id, _)| id == c)) {
        Ok(d) => d,
        Err(invalid) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            return Ok(render_invalid(
                &space_page(&state, &ctx, id, None, input, errors).await?,
            ));
        }
    };
    let (author, now) = (me.user.id(), state.clock.now());
    let topic = state
        .db
        .write(move |c| community::create_topic(c, id, author, &draft, now))
        .await?;
    Ok(redirect_with(
        &topic_path(topic),
        Flash::TopicStarted,
        state.config.secure_cookies(),
    ))
}

// ---- A topic ----

pub struct PostView {
    pub id: i64,
    pub author: String,
    /// For the link to their posts.
    pub author_id: i64,
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
    accepted: Option<i64>,
    given: &HashSet<(i64, Reaction)>,
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
        posted_on: super::credit::date(p.post.created_at, zone),
        hidden: p
            .post
            .hidden_at
            .map(|_| p.post.hidden_reason.clone().unwrap_or_default()),
        body: if p.post.deleted_at.is_some() {
            Arc::from("")
        } else {
            state.rendered_posts.html(p.post.id, &p.post.body)
        },
        edited: p.post.edited_at.is_some(),
        deleted: p.post.deleted_at.is_some(),
        own: p.post.author_id == me.0 && p.post.deleted_at.is_none(),
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
    move_to: Vec<super::Choice>,
    /// Its tags, as labels.
    tags: Vec<String>,
    /// The reader asked this question: they may accept a reply as the answer.
    can_accept: bool,
    /// The topic's first post (the question itself is not an answer).
    first_post: Option<i64>,
    /// The reaction kinds' names, in `Reaction::ALL` order (each post's
    /// `reactions` is in that order too).
    reaction_labels: Vec<String>,
    typed: Typed,
}

/// What the reader typed into the topic page's forms, shown again when
/// one is refused.
#[derive(Debug, Default)]
struct Typed {
    reply: String,
    /// A moderator's reason.
    why: String,
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
    fn is_first(&self, post: &i64) -> bool {
        self.first_post == Some(*post)
    }
}

async fn topic_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    after: Option<i64>,
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
                true => super::competencies::named_competencies(c, lang)?,
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
        can_accept: topic.kind == TopicKind::Question.as_str() && topic.author_id == user.0,
        first_post,
        reaction_labels: Reaction::ALL
            .iter()
            .map(|k| page.t(&k.label_key()))
            .collect(),
        space_href: space_path(space.row.id),
        space_title: space.row.title.clone(),
        question: topic.kind == TopicKind::Question.as_str(),
        posts: lines
            .into_iter()
            .take(PAGE_SIZE as usize)
            .map(|p| post_view(state, p, user, accepted, &given, &ctx.zone()))
            .collect(),
        more,
        can_reply: topic.locked_at.is_none() && me.actor.posts_in_space(&space.path),
        can_moderate: me.actor.can(Action::Moderate, &space.path),
        can_react: me.actor.posts_in_space(&space.path),
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
        move_to: if me.actor.can(Action::Moderate, &space.path) {
            let here = space.row.id;
            crate::spaces::all_readable(state, me)
                .await?
                .into_iter()
                .filter(|s| s.row.id != here && me.actor.can(Action::Moderate, &s.path))
                .map(|s| super::Choice {
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
    Path(id): Path<i64>,
    HtmlQuery(q): HtmlQuery<PostQuery>,
) -> Result<Response, AppError> {
    let after = match q.after.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            s.parse::<i64>()
                .map_err(|_| AppError::BadRequest("after: not a post in this topic".into()))?,
        ),
    };
    let reply = match q.quote.as_deref().filter(|s| !s.is_empty()) {
        None => String::new(),
        Some(s) => {
            let post = s
                .parse::<i64>()
                .map_err(|_| AppError::BadRequest("quote: not a post in this topic".into()))?;
            let found = state
                .db
                .read(move |c| {
                    let Some(p) = community::post(c, post)? else {
                        return Ok(None);
                    };
                    let name: String = lyceum_db::users::by_id(c, UserId(p.author_id))?
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
    body: String,
}

/// `POST /topics/{topic_id}/replies`
pub async fn reply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<BodyForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (_, space) = readable_topic(&state, me, id).await?;
    crate::spaces::require_poster(me, &space)?;
    let text = match body(&form.body) {
        Ok(t) => t,
        Err(e) => {
            return refused(&state, &ctx, id, Typed::reply(form.body), Invalid(vec![e])).await;
        }
    };
    let (author, now) = (me.user.id(), state.clock.now());
    match state
        .db
        .write(move |c| community::reply(c, id, author, &text, now))
        .await
    {
        Ok(post) => Ok(redirect_with(
            &format!("{}#post-{post}", topic_path(id)),
            Flash::ReplyPosted,
            state.config.secure_cookies(),
        )),
        Err(DbError::Invalid(invalid)) => {
            refused(&state, &ctx, id, Typed::reply(form.body), invalid).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The topic again, with what was typed and why it was refused.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    typed: Typed,
    invalid: Invalid,
) -> Result<Response, AppError> {
    let errors = FormErrors::from_invalid(&invalid, ctx.lang);
    Ok(render_invalid(
        &topic_page(state, ctx, id, None, typed, errors).await?,
    ))
}

/// A reaction to add (`add=<kind>`, the topic page's buttons) or take back
/// (`remove=<kind>`); or `kind` with `on=yes` to add, anything else to take
/// it back. Either way it says what to do, so sending it twice changes
/// nothing more.
#[derive(Debug, Default, Deserialize)]
pub struct ReactForm {
    #[serde(default)]
    add: String,
    #[serde(default)]
    remove: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    on: String,
}

impl ReactForm {
    /// (kind as typed, add it?)
    fn asked(&self) -> (&str, bool) {
        match (self.add.trim(), self.remove.trim()) {
            ("", "") => (self.kind.trim(), self.on == "yes"),
            ("", kind) => (kind, false),
            (kind, _) => (kind, true),
        }
    }
}

/// `POST /posts/{post_id}/react`: adds or takes back a reaction.
pub async fn react(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<ReactForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (kind, on) = form.asked();
    let kind = Reaction::parse(kind)
        .ok_or_else(|| AppError::BadRequest("kind: helpful, thanks or insightful".into()))?;
    let post = state
        .db
        .read(move |c| community::post(c, id))
        .await?
        .filter(|p| p.deleted_at.is_none() && p.hidden_at.is_none())
        .ok_or(AppError::NotFound)?;
    let (_, space) = readable_topic(&state, me, post.topic_id).await?;
    crate::spaces::require_poster(me, &space)?;
    let (user, now) = (me.user.id(), state.clock.now());
    state
        .db
        .write(move |c| community::react(c, id, user, kind, on, now))
        .await?;
    Ok(crate::flash::redirect(&format!(
        "{}#post-{id}",
        topic_path(post.topic_id)
    )))
}

#[derive(Debug, Default, Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    post: String,
}

/// `POST /topics/{topic_id}/accept`: the question's author accepts a reply
/// as the answer; its author is told.
pub async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<AcceptForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    readable_topic(&state, me, id).await?;
    let post: i64 = form
        .post
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("post: not a post id".into()))?;
    let (by, now) = (me.user.id(), state.clock.now());
    match state
        .db
        .write(move |c| community::accept(c, id, by, post, now))
        .await
    {
        Ok(()) => Ok(redirect_with(
            &format!("{}#post-{post}", topic_path(id)),
            Flash::AnswerAccepted,
            state.config.secure_cookies(),
        )),
        Err(DbError::NotFound) => Err(AppError::Forbidden),
        Err(e) => Err(e.into()),
    }
}

// ---- Notifications ----

pub struct NotificationView {
    pub text: String,
    /// A moderator's reason.
    pub note: Option<String>,
    pub href: String,
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
    digest: Vec<super::Choice>,
}

/// How many notifications the page shows.
const NOTIFICATIONS: i64 = 50;

/// `GET /notifications`: the latest, newest first.
pub async fn notifications(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?.user.id();
    let (lines, frequency) = state
        .db
        .read(move |c| {
            Ok((
                community::notifications_of(c, me, NOTIFICATIONS)?,
                lyceum_db::digests::frequency(c, me)?,
            ))
        })
        .await?;
    let page = Page::new(&ctx, "notifications-title");
    let digest = super::Choice::list(
        &page,
        "digest",
        DigestFrequency::ALL.iter().map(|f| f.as_str()),
        &[frequency.as_str()],
    );
    let items: Vec<NotificationView> = lines
        .into_iter()
        .map(|n| NotificationView {
            text: page.t2(
                &format!("notification-{}", n.kind),
                "name",
                &n.actor,
                "topic",
                &n.topic_title,
            ),
            href: match n.post_id {
                Some(p) => format!("{}#post-{p}", topic_path(n.topic_id)),
                None => topic_path(n.topic_id),
            },
            on: super::credit::date(n.created_at, &ctx.zone()),
            note: n.note,
            read: n.read,
        })
        .collect();
    Ok(render(&NotificationsPage {
        unread: items.iter().any(|n| !n.read),
        errors: FormErrors::none(),
        items,
        digest,
        page,
    }))
}

#[derive(Debug, Default, Deserialize)]
pub struct DigestForm {
    #[serde(default)]
    digest: String,
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
    state
        .db
        .write(move |c| lyceum_db::digests::set_frequency(c, me, f))
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

#[derive(Debug, Default, Deserialize)]
pub struct ModerateForm {
    /// `lock`, `unlock`, `pin`, `unpin` or `move`.
    #[serde(default)]
    action: String,
    /// With `move`: the space's id.
    #[serde(default)]
    to: String,
    /// The reason, told to the author: needed to lock or move.
    #[serde(default)]
    why: String,
}

/// `POST /topics/{topic_id}/moderate`: moderators of the topic's space lock,
/// unlock, pin, unpin or move it (to a space they moderate too); each is
/// recorded in the audit log with its reason, and the topic's author is told.
pub async fn moderate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<ModerateForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (topic, space) = readable_topic(&state, me, id).await?;
    if !me.actor.can(Action::Moderate, &space.path) {
        return Err(AppError::Forbidden);
    }
    let Some(decision) = TopicDecision::parse(&form.action) else {
        return Err(AppError::BadRequest(
            "action: lock, unlock, pin, unpin or move".into(),
        ));
    };
    let to = match decision {
        TopicDecision::Move => {
            let to = form
                .to
                .trim()
                .parse::<i64>()
                .map_err(|_| AppError::BadRequest("to: a space's id".into()))?;
            let target = readable(&state, me, to).await?;
            if !me.actor.can(Action::Moderate, &target.path) {
                return Err(AppError::Forbidden);
            }
            Some(to)
        }
        _ => None,
    };
    let why = match decision.reason(&form.why) {
        Ok(why) => why,
        Err(e) => {
            let typed = Typed {
                why: form.why,
                ..Typed::default()
            };
            return refused(&state, &ctx, id, typed, Invalid(vec![e])).await;
        }
    };
    let (by, now) = (me.user.id(), state.clock.now());
    let (org, author) = (OrgId(space.row.org_id), UserId(topic.author_id));
    state
        .db
        .write(move |c| {
            use community::{
                TopicFlag::{Locked, Pinned},
                switch,
            };
            let reason = why.as_deref();
            match (decision, to) {
                (TopicDecision::Lock, _) => switch(c, id, Locked, true, by, reason, now)?,
                (TopicDecision::Unlock, _) => switch(c, id, Locked, false, by, reason, now)?,
                (TopicDecision::Pin, _) => switch(c, id, Pinned, true, by, reason, now)?,
                (TopicDecision::Unpin, _) => switch(c, id, Pinned, false, by, reason, now)?,
                (TopicDecision::Move, Some(to)) => {
                    community::move_topic(c, id, to, by, reason, now)?
                }
                // `to` was read above for every move.
                (TopicDecision::Move, None) => {}
            }
            crate::org_actions::record(
                c,
                now,
                by,
                &format!("community.topic_{decision}"),
                org,
                Some(author),
                serde_json::json!({ "topic": id, "to": to, "reason": why }),
            )
        })
        .await?;
    Ok(redirect_with(
        &topic_path(id),
        Flash::TopicModerated,
        state.config.secure_cookies(),
    ))
}

// ---- One's own posts ----

#[derive(Template)]
#[template(path = "post_edit.html")]
pub struct EditPage {
    page: Page,
    errors: FormErrors,
    action: String,
    topic_href: String,
    typed: String,
}

/// The post and its space, if it is the reader's own and they may still
/// read its topic.
async fn own_post(
    state: &AppState,
    me: &CurrentUser,
    id: i64,
) -> Result<(lyceum_db::community::PostRow, Space), AppError> {
    let post = state
        .db
        .read(move |c| community::post(c, id))
        .await?
        .filter(|p| p.author_id == me.user.id().0 && p.deleted_at.is_none())
        .ok_or(AppError::NotFound)?;
    let (_, space) = readable_topic(state, me, post.topic_id).await?;
    Ok((post, space))
}

fn edit_page(ctx: &Ctx, id: i64, topic: i64, typed: String, errors: FormErrors) -> EditPage {
    EditPage {
        page: Page::new(ctx, "post-edit-title").with_errors(&errors),
        action: format!("/posts/{id}/edit"),
        topic_href: topic_path(topic),
        typed,
        errors,
    }
}

/// `GET /posts/{post_id}/edit`
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (post, _) = own_post(&state, me, id).await?;
    Ok(render(&edit_page(
        &ctx,
        id,
        post.topic_id,
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
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<BodyForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (post, space) = own_post(&state, me, id).await?;
    crate::spaces::require_poster(me, &space)?;
    let refused = |invalid: Invalid, typed: String| {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        render_invalid(&edit_page(&ctx, id, post.topic_id, typed, errors))
    };
    let text = match body(&form.body) {
        Ok(t) => t,
        Err(e) => return Ok(refused(Invalid(vec![e]), form.body)),
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

/// `POST /posts/{post_id}/delete`: the author's own post loses its text.
pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
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

// ---- Creating spaces (org admins) ----

#[derive(Template)]
#[template(path = "org_admin_spaces.html")]
pub struct AdminSpacesPage {
    page: Page,
    frame: AdminFrame,
    errors: FormErrors,
    spaces: Vec<(String, String)>,
    input: SpaceInput,
}

async fn admin_page(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    input: SpaceInput,
    errors: FormErrors,
) -> Result<AdminSpacesPage, AppError> {
    let frame = frame(state, scope.id, Tab::Spaces).await?;
    let org = scope.id;
    let rows = state
        .db
        .read(move |c| community::spaces_of_org(c, org))
        .await?;
    Ok(AdminSpacesPage {
        page: Page::new(ctx, "org-admin-spaces-title")
            .about(&frame.org.name)
            .with_errors(&errors),
        spaces: rows
            .into_iter()
            .map(|s| (space_path(s.id), s.title))
            .collect(),
        frame,
        errors,
        input,
    })
}

/// `GET /orgs/{org_id}/admin/spaces`
pub async fn admin_list(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    let input = SpaceInput {
        visibility: Visibility::Open.as_str().into(),
        ..SpaceInput::default()
    };
    Ok(render(
        &admin_page(&state, &ctx, &scope, input, FormErrors::none()).await?,
    ))
}

/// `POST /orgs/{org_id}/admin/spaces`: a space for this organisation's subtree.
pub async fn admin_create(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlForm(input): HtmlForm<SpaceInput>,
) -> Result<Response, AppError> {
    let by = ctx.require_user()?.user.id();
    let draft = match input.validate() {
        Ok(d) => d,
        Err(invalid) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            return Ok(render_invalid(
                &admin_page(&state, &ctx, &scope, input, errors).await?,
            ));
        }
    };
    let (org, now) = (scope.id, state.clock.now());
    let id = state
        .db
        .write(move |c| community::create_space(c, org, &draft, by, now))
        .await?;
    Ok(redirect_with(
        &space_path(id),
        Flash::SpaceCreated,
        state.config.secure_cookies(),
    ))
}
