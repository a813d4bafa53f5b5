//! The community over the API: spaces one may read, a space's topics and a
//! topic's posts a page at a time (keyset cursors, as the pages use),
//! starting topics and replying (with the same checks as the pages:
//! audience, locks, suspensions, posting limits), one's notifications, and
//! flagging and searching posts (`crate::community_actions`, as the pages do).

use crate::community_actions::{self, PostSearch};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{ApiJson, HtmlQuery};
use crate::spaces::{all_readable, readable, readable_topic, visibility};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use lyceum_db::{community, notices};
use lyceum_domain::community::{Cursor, DecisionEmail, DigestFrequency, PAGE_SIZE, TopicInput};
use lyceum_domain::{PostId, SpaceId, Timestamp, TopicId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SpaceDto {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// The organisation whose members are its audience.
    pub organisation: String,
    /// `open` (anyone signed in reads) or `members`.
    pub visibility: String,
    pub topics: i64,
    pub following: bool,
    /// Followed, but its new topics are not notified.
    pub muted: bool,
}

/// The spaces you may read.
#[utoipa::path(get, path = "/api/v1/spaces", tag = "community",
    responses((status = 200, body = Vec<SpaceDto>), (status = 401, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn spaces(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<SpaceDto>>, AppError> {
    let me = ctx.require_user()?;
    let id = me.user.id();
    let followed = state
        .db
        .read(move |c| community::follow_states(c, id))
        .await?;
    Ok(Json(
        all_readable(&state, me)
            .await?
            .into_iter()
            .map(|s| SpaceDto {
                id: s.row.id.0,
                visibility: visibility(&s).as_str().into(),
                following: followed.contains_key(&s.row.id),
                muted: followed.get(&s.row.id).copied().unwrap_or(false),
                title: s.row.title,
                description: s.row.description,
                organisation: s.org_name,
                topics: s.row.topic_count,
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct FollowBody {
    /// Required (optional in the type only so that a space one may not
    /// read answers 404 whatever the body says).
    #[serde(default)]
    pub following: Option<bool>,
    /// While following: true stops its new topics reaching your
    /// notifications and digest. Ignored when `following` is false.
    #[serde(default)]
    pub muted: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FollowDto {
    pub following: bool,
    pub muted: bool,
}

/// Follows, mutes, unmutes or stops following a space you may read.
#[utoipa::path(put, path = "/api/v1/spaces/{space_id}/follow", tag = "community", request_body = FollowBody,
    params(("space_id" = i64, Path)),
    responses((status = 200, body = FollowDto), (status = 400, body = crate::api::dto::ErrorBody),
              (status = 404, body = crate::api::dto::ErrorBody), (status = 422, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn follow(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SpaceId>,
    ApiJson(b): ApiJson<FollowBody>,
) -> Result<Json<FollowDto>, AppError> {
    let me = ctx.require_user()?;
    let following = b.following;
    community_actions::follow(&state, me, id, following, Some(b.muted)).await?;
    let following = following.unwrap_or_default();
    let muted = following && b.muted;
    Ok(Json(FollowDto { following, muted }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TopicDto {
    pub id: i64,
    pub title: String,
    /// `discussion` or `question`.
    pub kind: String,
    pub author: String,
    pub replies: i64,
    pub locked: bool,
    pub last_post_at: String,
    pub accepted_post_id: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TopicPage {
    pub topics: Vec<TopicDto>,
    /// Pass as `after` for the next page; absent on the last.
    pub next: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct AfterQuery {
    #[serde(default)]
    after: Option<String>,
}

/// A space's topics, latest activity first, 20 at a time.
#[utoipa::path(get, path = "/api/v1/spaces/{space_id}/topics", tag = "community",
    params(("space_id" = i64, Path), ("after" = Option<String>, Query, description = "The `next` of the page before")),
    responses((status = 200, body = TopicPage), (status = 404, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn topics(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SpaceId>,
    HtmlQuery(q): HtmlQuery<AfterQuery>,
) -> Result<Json<TopicPage>, AppError> {
    let me = ctx.require_user()?;
    readable(&state, me, id).await?;
    let after = match q.after.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            Cursor::parse(s)
                .ok_or_else(|| AppError::BadRequest("after: not a place in this list".into()))?,
        ),
    };
    let mut lines = state
        .db
        .read(move |c| community::topics(c, id, after, PAGE_SIZE + 1))
        .await?;
    let next = (lines.len() > PAGE_SIZE as usize).then(|| {
        let last = &lines[PAGE_SIZE as usize - 1].topic;
        Cursor {
            at: last.last_post_at,
            id: last.id.0,
        }
        .to_string()
    });
    lines.truncate(PAGE_SIZE as usize);
    Ok(Json(TopicPage {
        topics: lines
            .into_iter()
            .map(|l| TopicDto {
                id: l.topic.id.0,
                locked: l.topic.locked_at.is_some(),
                last_post_at: time(l.topic.last_post_at),
                accepted_post_id: l.topic.accepted_post_id.map(|p| p.0),
                replies: l.topic.reply_count,
                kind: l.topic.kind.as_str().into(),
                title: l.topic.title,
                author: l.author,
            })
            .collect(),
        next,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TopicBody {
    pub title: String,
    /// `discussion` or `question`.
    pub kind: String,
    /// Markdown. Mentions (`@Name`, or `@[Name](user:<id>)` as `mentionable` gives) are looked up among those who may see the space; one no one, or several, are called is refused (422, field `body`).
    pub body: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}

/// Starts a topic (you must be in the space's audience).
#[utoipa::path(post, path = "/api/v1/spaces/{space_id}/topics", tag = "community", request_body = TopicBody,
    params(("space_id" = i64, Path)),
    responses((status = 201, body = Created), (status = 403, body = crate::api::dto::ErrorBody),
              (status = 422, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SpaceId>,
    ApiJson(b): ApiJson<TopicBody>,
) -> Result<(StatusCode, Json<Created>), AppError> {
    let me = ctx.require_user()?;
    let input = TopicInput {
        title: b.title,
        kind: b.kind,
        body: b.body,
        // Tags are not taken here.
        ..TopicInput::default()
    };
    let topic = community_actions::start_topic(&state, me, ctx.lang, id, &input)
        .await?
        .map_err(AppError::Invalid)?;
    Ok((StatusCode::CREATED, Json(Created { id: topic.0 })))
}

#[derive(Debug, Default, Deserialize)]
pub struct MentionQuery {
    #[serde(default)]
    q: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Mentionables {
    /// At most 8, by name.
    pub people: Vec<crate::mentions::Mentionable>,
}

/// People you may mention in a space you may read: those who may see it
/// (everyone for an open space, its audience for a members-only one), with
/// a word of their name starting with each word of `q`. Write one's
/// `mention` into a topic or reply; a bare `@Name` is looked up the same
/// way when the post is sent, and refused (422, field `body`) when no one,
/// or more than one, who may see the space is called so.
#[utoipa::path(get, path = "/api/v1/spaces/{space_id}/mentionable", tag = "community",
    params(("space_id" = i64, Path), ("q" = Option<String>, Query, description = "The start of a name: each word must start a word of it")),
    responses((status = 200, body = Mentionables), (status = 404, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn mentionable(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SpaceId>,
    HtmlQuery(q): HtmlQuery<MentionQuery>,
) -> Result<Json<Mentionables>, AppError> {
    let me = ctx.require_user()?;
    Ok(Json(Mentionables {
        people: crate::mentions::suggest(&state, me, id, &q.q).await?,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PostDto {
    pub id: i64,
    pub author: String,
    /// Markdown as written (empty once deleted or hidden).
    pub body: String,
    pub created_at: String,
    pub edited: bool,
    pub deleted: bool,
    pub hidden: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PostPage {
    pub posts: Vec<PostDto>,
    /// Pass as `after` for the next page; absent on the last.
    pub next: Option<String>,
}

/// A topic's posts, oldest first (the first is the topic's own), 20 at a time.
#[utoipa::path(get, path = "/api/v1/topics/{topic_id}/posts", tag = "community",
    params(("topic_id" = i64, Path), ("after" = Option<String>, Query, description = "The `next` of the page before")),
    responses((status = 200, body = PostPage), (status = 404, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn posts(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<TopicId>,
    HtmlQuery(q): HtmlQuery<AfterQuery>,
) -> Result<Json<PostPage>, AppError> {
    let me = ctx.require_user()?;
    readable_topic(&state, me, id).await?;
    let after = match q.after.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(PostId(s.parse::<i64>().map_err(|_| {
            AppError::BadRequest("after: not a post in this topic".into())
        })?)),
    };
    let mut lines = state
        .db
        .read(move |c| community::posts(c, id, after, PAGE_SIZE + 1))
        .await?;
    let next = (lines.len() > PAGE_SIZE as usize)
        .then(|| lines[PAGE_SIZE as usize - 1].post.id.to_string());
    lines.truncate(PAGE_SIZE as usize);
    Ok(Json(PostPage {
        posts: lines
            .into_iter()
            .map(|l| {
                let shown = l.post.deleted_at.is_none() && l.post.hidden_at.is_none();
                PostDto {
                    id: l.post.id.0,
                    author: l.author,
                    body: if shown { l.post.body } else { String::new() },
                    created_at: time(l.post.created_at),
                    edited: l.post.edited_at.is_some(),
                    deleted: l.post.deleted_at.is_some(),
                    hidden: l.post.hidden_at.is_some(),
                }
            })
            .collect(),
        next,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ReplyBody {
    /// Markdown; mentions as in starting a topic.
    pub body: String,
}

/// Replies to a topic (refused when locked, suspended, or over the posting limits).
#[utoipa::path(post, path = "/api/v1/topics/{topic_id}/replies", tag = "community", request_body = ReplyBody,
    params(("topic_id" = i64, Path)),
    responses((status = 201, body = Created), (status = 403, body = crate::api::dto::ErrorBody),
              (status = 422, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn reply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<TopicId>,
    ApiJson(b): ApiJson<ReplyBody>,
) -> Result<(StatusCode, Json<Created>), AppError> {
    let me = ctx.require_user()?;
    let post = community_actions::reply(&state, me, id, &b.body)
        .await?
        .map_err(AppError::Invalid)?;
    Ok((StatusCode::CREATED, Json(Created { id: post.0 })))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationDto {
    pub id: i64,
    /// Community: `reply`, `mention`, `accepted`, `hidden`, `restored`,
    /// `locked`, `unlocked`, `pinned`, `unpinned`, `moved`, `new-topic`.
    /// Decisions and work waiting: `task-returned`, `task-accepted`,
    /// `course-completed`, `pd-approved`, `pd-returned`, `pd-rejected`,
    /// `hand-in-waiting`, `pd-request-waiting`, `roster-imported`.
    pub kind: String,
    /// What it says, in your language.
    pub text: String,
    pub actor: String,
    /// The topic of a community notification; null for the others.
    pub topic_id: Option<i64>,
    pub topic_title: Option<String>,
    pub post_id: Option<i64>,
    /// What a decision or waiting work is about (a course and lesson, a
    /// request's title, an organisation); null for community ones.
    pub subject: Option<String>,
    /// The page it is about (a path on this site).
    pub link: String,
    /// The certificate a completed course issued (a path).
    pub extra_link: Option<String>,
    pub created_at: String,
    pub read: bool,
    /// A moderator's reason.
    pub note: Option<String>,
}

/// Your latest 50 notifications of every kind, newest first.
#[utoipa::path(get, path = "/api/v1/notifications", tag = "community",
    responses((status = 200, body = Vec<NotificationDto>), (status = 401, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn notifications(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<NotificationDto>>, AppError> {
    let me = ctx.require_user()?.user.id();
    let lines = state.db.read(move |c| notices::of(c, me, 50)).await?;
    Ok(Json(
        lines
            .into_iter()
            .map(|n| {
                let (text, link) = crate::notices::said(ctx.lang, &n);
                NotificationDto {
                    id: n.id,
                    kind: n.kind.as_str().into(),
                    text,
                    topic_id: n.topic.as_ref().map(|(t, _)| t.0),
                    topic_title: n.topic.map(|(_, title)| title),
                    actor: n.actor,
                    post_id: n.post_id.map(|p| p.0),
                    subject: n.subject,
                    link,
                    extra_link: n.extra_link,
                    created_at: time(n.created_at),
                    read: n.read,
                    note: n.note,
                }
            })
            .collect(),
    ))
}

/// How your notifications are emailed.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NotificationSettings {
    /// The digest of unread notifications: `off`, `daily` or `weekly`.
    pub digest: String,
    /// Decisions on your work and work waiting for you: `at-once` (an
    /// email each), `digest` (listed in your digest) or `never`.
    pub decisions: String,
}

/// How your notifications are emailed.
#[utoipa::path(get, path = "/api/v1/notifications/settings", tag = "community",
    responses((status = 200, body = NotificationSettings), (status = 401, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn notification_settings(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<NotificationSettings>, AppError> {
    let me = ctx.require_user()?.user.id();
    let (f, d) = state
        .db
        .read(move |c| {
            Ok((
                lyceum_db::digests::frequency(c, me)?,
                lyceum_db::digests::decisions(c, me)?,
            ))
        })
        .await?;
    Ok(Json(NotificationSettings {
        digest: f.as_str().into(),
        decisions: d.as_str().into(),
    }))
}

/// Chooses how your notifications are emailed. A value that is not one of
/// the choices is refused (422, naming the field) and nothing changes.
#[utoipa::path(put, path = "/api/v1/notifications/settings", tag = "community",
    request_body = NotificationSettings,
    responses((status = 200, body = NotificationSettings),
        (status = 401, body = crate::api::dto::ErrorBody),
        (status = 422, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn set_notification_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(b): ApiJson<NotificationSettings>,
) -> Result<Json<NotificationSettings>, AppError> {
    let me = ctx.require_user()?.user.id();
    let mut errors = lyceum_domain::validation::Invalid::default();
    let f = DigestFrequency::parse(b.digest.trim());
    let d = DecisionEmail::parse(b.decisions.trim());
    if f.is_none() {
        errors.add("digest", "choose-one");
    }
    if d.is_none() {
        errors.add("decisions", "choose-one");
    }
    let (Some(f), Some(d)) = (f, d) else {
        return Err(AppError::Invalid(errors));
    };
    state
        .db
        .write(move |c| {
            lyceum_db::digests::set_frequency(c, me, f)?;
            lyceum_db::digests::set_decisions(c, me, d)
        })
        .await?;
    Ok(Json(NotificationSettings {
        digest: f.as_str().into(),
        decisions: d.as_str().into(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct FlagBody {
    /// What kind of problem: `spam`, `harassment`, `student-privacy`
    /// (private information about a student; moderators see these first),
    /// `off-topic` or `other`.
    #[serde(default)]
    pub category: String,
    /// Why the moderators should look (up to 1,000 characters); needed
    /// for `other`.
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FlagDto {
    pub post_id: i64,
    pub topic_id: i64,
    /// False when you had flagged this post already (it counts once).
    pub new: bool,
}

/// Flags a post you may read for the space's moderators, with a reason
/// (as the page does). Flagging it again changes nothing (200).
#[utoipa::path(post, path = "/api/v1/posts/{post_id}/flags", tag = "community", request_body = FlagBody,
    params(("post_id" = i64, Path)),
    responses((status = 201, body = FlagDto), (status = 200, body = FlagDto),
              (status = 400, body = crate::api::dto::ErrorBody), (status = 404, body = crate::api::dto::ErrorBody),
              (status = 422, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn flag(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PostId>,
    ApiJson(b): ApiJson<FlagBody>,
) -> Result<(StatusCode, Json<FlagDto>), AppError> {
    let me = ctx.require_user()?;
    let (topic_id, new) = community_actions::flag(&state, me, id, &b.category, &b.reason)
        .await?
        .map_err(|mut invalid| {
            // The page's field is `why`; here it is `reason`.
            for e in invalid.0.iter_mut().filter(|e| e.field == "why") {
                e.field = "reason".into();
            }
            AppError::Invalid(invalid)
        })?;
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(FlagDto {
            post_id: id.0,
            topic_id: topic_id.0,
            new,
        }),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FoundPostDto {
    pub post_id: i64,
    pub topic_id: i64,
    pub topic_title: String,
    pub space_id: i64,
    pub space_title: String,
    pub author: String,
    pub author_id: i64,
    /// Markdown as written.
    pub body: String,
    pub created_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PostSearchPage {
    pub results: Vec<FoundPostDto>,
    /// Pass as `before` for the next page; absent on the last.
    pub next: Option<String>,
}

/// Searches the posts in the spaces you may read, newest first, 20 at a
/// time: by words (each a prefix of a word of the post), and/or an author;
/// narrowed by space, tags and date as the search page is. No words and no
/// author: no results.
#[utoipa::path(get, path = "/api/v1/search/posts", tag = "community",
    params(
        ("q" = Option<String>, Query, description = "Words the posts must have"),
        ("space" = Option<String>, Query, description = "A space's id (one you may read)"),
        ("author" = Option<String>, Query, description = "A person's id: only their posts"),
        ("before" = Option<String>, Query, description = "The `next` of the page before"),
        ("subject" = Option<String>, Query, description = "Only topics tagged with this subject"),
        ("grade_band" = Option<String>, Query, description = "Only topics tagged with this grade band"),
        ("competency" = Option<String>, Query, description = "Only topics tagged with this competency (its id)"),
        ("since" = Option<String>, Query, description = "Only posts from this day on (YYYY-MM-DD, in your zone)"),
    ),
    responses((status = 200, body = PostSearchPage), (status = 400, body = crate::api::dto::ErrorBody),
              (status = 401, body = crate::api::dto::ErrorBody), (status = 422, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn search_posts(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(ask): HtmlQuery<PostSearch>,
) -> Result<Json<PostSearchPage>, AppError> {
    let me = ctx.require_user()?;
    let found = community_actions::search_posts(&state, me, ctx.lang, &ask).await?;
    if !found.invalid.is_empty() {
        return Err(AppError::Invalid(found.invalid));
    }
    Ok(Json(PostSearchPage {
        results: found
            .found
            .into_iter()
            .map(|f| FoundPostDto {
                post_id: f.post.id.0,
                topic_id: f.topic_id.0,
                topic_title: f.topic_title,
                space_id: f.space.row.id.0,
                space_title: f.space.row.title,
                author: f.author,
                author_id: f.post.author_id.0,
                created_at: time(f.post.created_at),
                body: f.post.body,
            })
            .collect(),
        next: found.next.map(|n| n.to_string()),
    }))
}
