//! What the community pages and the API both do, written once: following
//! a space, starting a topic, replying, flagging a post and searching
//! posts. Each checks who may (the space's audience, `spaces::require_poster`)
//! and writes (where `community::may_write` adds locks, suspensions and
//! posting limits); handlers turn the outcome into a page or JSON.
//! `Ok(Err(invalid))` is input refused, for the handler to show with what
//! was typed.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::spaces::{readable, readable_topic, require_poster, visibility};
use crate::state::AppState;
use lyceum_db::community::{self, Space};
use lyceum_db::moderation;
use lyceum_domain::community::{TopicInput, body, flag_report, tag};
use lyceum_domain::i18n::Lang;
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::search::query_words;
use lyceum_domain::time::Date;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{PostId, SpaceId, TopicId, UserId};

use crate::error::{Outcome, refused};

/// Follows (or stops following) a space `me` may read. `muted`, while
/// following, mutes or unmutes it too (`None` leaves that as it is).
/// `following` is required; it is an `Option` so that a space one may
/// not read answers 404 whatever was asked.
pub async fn follow(
    state: &AppState,
    me: &CurrentUser,
    space: SpaceId,
    following: Option<bool>,
    muted: Option<bool>,
) -> Result<(), AppError> {
    readable(state, me, space).await?;
    let following =
        following.ok_or_else(|| AppError::Invalid(Invalid::one("following", "required")))?;
    let (user, now) = (me.user.id(), state.clock.now());
    state
        .db
        .write(move |c| {
            community::follow(c, user, space, following, now)?;
            if let (true, Some(m)) = (following, muted) {
                community::mute(c, user, space, m, now)?;
            }
            Ok(())
        })
        .await?;
    Ok(())
}

/// Mutes (or unmutes) a space `me` may read: its new topics stop reaching
/// their notifications and digest.
pub async fn mute(
    state: &AppState,
    me: &CurrentUser,
    space: SpaceId,
    on: bool,
) -> Result<(), AppError> {
    readable(state, me, space).await?;
    let (user, now) = (me.user.id(), state.clock.now());
    state
        .db
        .write(move |c| community::mute(c, user, space, on, now))
        .await?;
    Ok(())
}

/// Starts a topic in a space: its id. Competency tags are checked against
/// the frameworks, read only when one was chosen; mentions are found among
/// those who may see the space (`mentions::resolve`).
pub async fn start_topic(
    state: &AppState,
    me: &CurrentUser,
    lang: Lang,
    space: SpaceId,
    input: &TopicInput,
) -> Outcome<TopicId> {
    let s = readable(state, me, space).await?;
    require_poster(me, &s, state.clock.now())?;
    let known = match input.competency.trim() {
        "" => Vec::new(),
        _ => {
            state
                .db
                .read(move |c| crate::pages::named_competencies(c, lang))
                .await?
        }
    };
    let mut draft = match input.validate(|c| known.iter().any(|(id, _)| id == c)) {
        Ok(d) => d,
        Err(invalid) => return Ok(Err(invalid)),
    };
    draft.body = match crate::mentions::resolve(state, &s, draft.body).await? {
        Ok(b) => b,
        Err(invalid) => return Ok(Err(invalid)),
    };
    let (author, now) = (me.user.id(), state.clock.now());
    refused(
        state
            .db
            .write(move |c| community::create_topic(c, space, author, &draft, now))
            .await,
    )
}

/// Replies to a topic: the new post's id (mentions as in [`start_topic`]).
pub async fn reply(
    state: &AppState,
    me: &CurrentUser,
    topic: TopicId,
    text: &str,
) -> Outcome<PostId> {
    let (_, space) = readable_topic(state, me, topic).await?;
    require_poster(me, &space, state.clock.now())?;
    let text = match body(text) {
        Ok(t) => t,
        Err(e) => return Ok(Err(Invalid(vec![e]))),
    };
    let text = match crate::mentions::resolve(state, &space, text).await? {
        Ok(t) => t,
        Err(invalid) => return Ok(Err(invalid)),
    };
    let (author, now) = (me.user.id(), state.clock.now());
    refused(
        state
            .db
            .write(move |c| community::reply(c, topic, author, &text, now))
            .await,
    )
}

/// Where a post is, if `me` may read it: (topic id, the space's
/// organisation path, its org id, whether `me` moderates its space).
pub async fn readable_post(
    state: &AppState,
    me: &CurrentUser,
    post: PostId,
) -> Result<
    (
        TopicId,
        lyceum_domain::org::OrgPath,
        lyceum_domain::OrgId,
        bool,
    ),
    AppError,
> {
    let (topic, space, path, org) = state
        .db
        .read(move |c| moderation::place_of_post(c, post))
        .await?
        .ok_or(AppError::NotFound)?;
    let space = readable(state, me, space).await?;
    // An offering's facilitators moderate its space; the rest as the policy says.
    let moderates = crate::spaces::moderates(me, &space);
    Ok((topic, path, org, moderates))
}

/// Flags a post `me` may read, with its category and (for "other", or if
/// they wish) a reason, for the space's moderators: the post's topic, and
/// whether this flag is new (flagging twice counts once).
pub async fn flag(
    state: &AppState,
    me: &CurrentUser,
    post: PostId,
    category: &str,
    why: &str,
) -> Outcome<(TopicId, bool)> {
    let (topic, _, _, _) = readable_post(state, me, post).await?;
    let (category, why) = match flag_report(category, why) {
        Ok(report) => report,
        Err(invalid) => return Ok(Err(invalid)),
    };
    let (reporter, now) = (me.user.id(), state.clock.now());
    let new = state
        .db
        .write(move |c| moderation::flag(c, post, reporter, category, &why, now))
        .await?;
    Ok(Ok((topic, new)))
}

/// A search of posts as asked, by the search page's form or the API's
/// query string: every part optional text, checked by [`search_posts`].
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
pub struct PostSearch {
    /// Words the posts must have (prefixes of their words).
    #[serde(default)]
    pub q: String,
    /// A space's id, or empty for every space one may read.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub space: String,
    /// A person's id: only their posts (words may then be left out).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Only posts older than this one (the next page).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub before: String,
    /// Only topics tagged with this subject, or grade band.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subject: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub grade_band: String,
    /// Only topics tagged with this competency (its id).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub competency: String,
    /// Only posts from this day on (YYYY-MM-DD, on the reader's calendar).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub since: String,
}

/// Results on one page of a search.
pub const SEARCH_RESULTS: usize = 20;

/// What a search found, and what it was narrowed by.
pub struct Searched {
    /// A page of posts, newest first, each in a space the reader may read.
    pub found: Vec<community::Found>,
    /// The words searched for (to mark them in extracts).
    pub words: Vec<String>,
    /// `before` for the next page, when there is one.
    pub next: Option<PostId>,
    /// The space narrowed to.
    pub space: Option<Space>,
    pub author: Option<UserId>,
    /// Filters refused (nothing was searched then).
    pub invalid: Invalid,
    /// Whether anything was searched (words, or an author, and no refusal).
    pub searched: bool,
    /// The competencies a topic may be tagged with: (id, name in `lang`).
    pub competencies: Vec<(String, String)>,
}

/// Searches the posts `me` may read (the same rule as reading their
/// space: `Actor::reads_space`). A space, author or `before` that is not
/// one is a bad request naming it; a tag or date refused is in `invalid`.
pub async fn search_posts(
    state: &AppState,
    me: &CurrentUser,
    lang: Lang,
    ask: &PostSearch,
) -> Result<Searched, AppError> {
    let not_readable = || AppError::BadRequest("space: not a space you can read".into());
    let space = match ask.space.trim() {
        "" => None,
        s => match readable(state, me, SpaceId(s.parse().map_err(|_| not_readable())?)).await {
            Ok(space) => Some(space),
            Err(AppError::NotFound) => return Err(not_readable()),
            Err(e) => return Err(e),
        },
    };
    let author = match ask.author.trim() {
        "" => None,
        a => Some(UserId(a.parse::<i64>().map_err(|_| {
            AppError::BadRequest("author: not a person".into())
        })?)),
    };
    let before = match ask.before.trim() {
        "" => None,
        b => {
            Some(PostId(b.parse::<i64>().map_err(|_| {
                AppError::BadRequest("before: not a post".into())
            })?))
        }
    };
    let mut invalid = Invalid::new();
    // Every tag asked for narrows (a subject and a grade band: both).
    let mut tags = Vec::new();
    if !ask.subject.trim().is_empty() {
        match Subject::parse(ask.subject.trim()) {
            Some(s) => tags.push(tag("subject", s.as_str())),
            None => invalid.add("subject", "choose-one"),
        }
    }
    if !ask.grade_band.trim().is_empty() {
        match GradeBand::parse(ask.grade_band.trim()) {
            Some(g) => tags.push(tag("grade-band", g.as_str())),
            None => invalid.add("grade_band", "choose-one"),
        }
    }
    let competencies = state
        .db
        .read(move |c| crate::pages::named_competencies(c, lang))
        .await?;
    match ask.competency.trim() {
        "" => {}
        c if competencies.iter().any(|(id, _)| id == c) => tags.push(tag("competency", c)),
        _ => invalid.add("competency", "choose-one"),
    }
    let since = match ask.since.trim() {
        "" => None,
        d => match Date::parse(d) {
            // From the start of that day on the reader's calendar.
            Some(d) => Some(d.start_in(&me.zone)),
            None => {
                invalid.add("since", "date-invalid");
                None
            }
        },
    };
    let words = if invalid.is_empty() {
        query_words(&ask.q, 8)
    } else {
        Vec::new()
    };
    let searched = !words.is_empty() || (author.is_some() && invalid.is_empty());
    let mut found = if searched {
        let w = words.clone();
        let actor = me.actor.clone();
        let user = me.actor.user_id;
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
                let circles = community::circles_of(c, user)?;
                let may_read = |s: &Space| {
                    let circle = circles.get(&s.row.id).copied().unwrap_or_default();
                    actor.reads_space(&s.path, visibility(s), circle)
                };
                community::search(c, &w, &may_read, &f, SEARCH_RESULTS + 1)
            })
            .await?
    } else {
        Vec::new()
    };
    let next = (found.len() > SEARCH_RESULTS).then(|| found[SEARCH_RESULTS - 1].post.id);
    found.truncate(SEARCH_RESULTS);
    Ok(Searched {
        found,
        words,
        next,
        space,
        author,
        invalid,
        searched,
        competencies,
    })
}
