//! Community as stored: spaces, follows, topics and posts. Long lists are
//! read a page at a time by keyset (a topic list by last activity, a
//! topic's posts by id), never by OFFSET, so the hundredth page costs what
//! the first does. Who may see or post is decided by the caller (see
//! `lyceum_domain::community`); this module only stores.

use crate::codes::Code;
use crate::ids::Id;
use crate::schema::{
    notifications, offering_facilitators, offerings, orgs, post_revisions, posts, reactions,
    registrations, search_words, space_follows, spaces, topic_tags, topics, users,
};
use crate::{DbConn, DbError, on_backend};
use diesel::prelude::*;
use lyceum_domain::community::{
    Circle, Cursor, MAX_POST_EDITS, NEW_ACCOUNT, NotificationKind, OFFERING_SPACE_ARCHIVES_AFTER,
    Reaction, SpaceDraft, TopicDraft, TopicKind, Visibility, posting_allowed, search_text,
};
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy;
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::workshop::RegistrationStatus;
use lyceum_domain::{OfferingId, OrgId, PostId, SpaceId, Timestamp, TopicId, UserId};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = spaces)]
pub struct SpaceRow {
    #[diesel(deserialize_as = Id<SpaceId>)]
    pub id: SpaceId,
    pub org_id: i64,
    pub title: String,
    pub description: String,
    #[diesel(deserialize_as = Code<Visibility>)]
    pub visibility: Visibility,
    pub created_by: i64,
    pub topic_count: i64,
    pub created_at: i64,
    /// The workshop offering whose space it is (visibility `offering`).
    #[diesel(deserialize_as = Id<Option<OfferingId>>)]
    pub offering_id: Option<OfferingId>,
}

/// A space with where its audience is.
#[derive(Debug, Clone)]
pub struct Space {
    pub row: SpaceRow,
    pub org_name: String,
    pub path: OrgPath,
    /// An offering's space: when it turns read-only (a month after the
    /// offering's last session).
    pub archives_at: Option<i64>,
    /// Where the reader who asked stands in its offering: `Outside` as
    /// read here; `circle_of` reads it for one reader.
    pub reader: Circle,
}

impl Space {
    /// Read-only now: an offering's space past its archive date.
    pub fn archived(&self, now: Timestamp) -> bool {
        self.archives_at.is_some_and(|at| now.micros() >= at)
    }
}

pub fn create_space(
    conn: &mut DbConn,
    org: OrgId,
    s: &SpaceDraft,
    by: UserId,
    now: Timestamp,
) -> Result<SpaceId, DbError> {
    let id: i64 = diesel::insert_into(spaces::table)
        .values((
            spaces::org_id.eq(org.0),
            spaces::title.eq(&s.title),
            spaces::description.eq(&s.description),
            spaces::visibility.eq(s.visibility.as_str()),
            spaces::created_by.eq(by.0),
            spaces::created_at.eq(now.micros()),
        ))
        .returning(spaces::id)
        .get_result(conn)?;
    Ok(SpaceId(id))
}

fn space_of((row, org_name, path): (SpaceRow, String, String)) -> Option<Space> {
    Some(Space {
        row,
        org_name,
        path: OrgPath::parse(&path)?,
        archives_at: None,
        reader: Circle::Outside,
    })
}

/// Fills in when offerings' spaces archive, with one read.
fn with_archive_dates(conn: &mut DbConn, mut list: Vec<Space>) -> Result<Vec<Space>, DbError> {
    let ids: Vec<i64> = list
        .iter()
        .filter_map(|s| s.row.offering_id.map(|o| o.0))
        .collect();
    if ids.is_empty() {
        return Ok(list);
    }
    let ends: std::collections::HashMap<i64, Option<i64>> = offerings::table
        .filter(offerings::id.eq_any(&ids))
        .select((offerings::id, offerings::ends_at))
        .load::<(i64, Option<i64>)>(conn)?
        .into_iter()
        .collect();
    let after = i64::try_from(OFFERING_SPACE_ARCHIVES_AFTER.as_micros()).unwrap_or(i64::MAX);
    for s in &mut list {
        if let Some(o) = s.row.offering_id {
            s.archives_at = ends
                .get(&o.0)
                .copied()
                .flatten()
                .map(|end| end.saturating_add(after));
        }
    }
    Ok(list)
}

fn with_archive_date(conn: &mut DbConn, space: Option<Space>) -> Result<Option<Space>, DbError> {
    Ok(match space {
        Some(s) => with_archive_dates(conn, vec![s])?.pop(),
        None => None,
    })
}

/// Where `user` stands in the offering `space` belongs to (`Outside` for
/// any other space): its facilitators, then those holding a seat.
pub fn circle_of(conn: &mut DbConn, space: &Space, user: UserId) -> Result<Circle, DbError> {
    let Some(offering) = space.row.offering_id else {
        return Ok(Circle::Outside);
    };
    Ok(circles_in(conn, user, &[offering.0])?
        .get(&offering)
        .copied()
        .unwrap_or_default())
}

/// Where `user` stands in each offering that has a space: those absent
/// are `Outside`.
pub fn circles_of(conn: &mut DbConn, user: UserId) -> Result<HashMap<SpaceId, Circle>, DbError> {
    let pairs: Vec<(i64, Option<i64>)> = spaces::table
        .filter(spaces::offering_id.is_not_null())
        .select((spaces::id, spaces::offering_id))
        .load(conn)?;
    let offerings_with_space: Vec<i64> = pairs.iter().filter_map(|(_, o)| *o).collect();
    let circles = circles_in(conn, user, &offerings_with_space)?;
    Ok(pairs
        .into_iter()
        .filter_map(|(space, o)| Some((SpaceId(space), *circles.get(&OfferingId(o?))?)))
        .collect())
}

fn circles_in(
    conn: &mut DbConn,
    user: UserId,
    offerings: &[i64],
) -> Result<HashMap<OfferingId, Circle>, DbError> {
    let mut out = HashMap::new();
    let seated: Vec<i64> = registrations::table
        .filter(registrations::user_id.eq(user.0))
        .filter(registrations::offering_id.eq_any(offerings))
        .filter(registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
        .select(registrations::offering_id)
        .load(conn)?;
    out.extend(seated.into_iter().map(|o| (OfferingId(o), Circle::Member)));
    let led: Vec<i64> = offering_facilitators::table
        .filter(offering_facilitators::user_id.eq(user.0))
        .filter(offering_facilitators::offering_id.eq_any(offerings))
        .select(offering_facilitators::offering_id)
        .load(conn)?;
    out.extend(
        led.into_iter()
            .map(|o| (OfferingId(o), Circle::Facilitator)),
    );
    Ok(out)
}

/// The people of an offering's space: those holding a seat and its
/// facilitators (for mentions and news of new topics).
pub fn offering_people(conn: &mut DbConn, offering: OfferingId) -> Result<HashSet<i64>, DbError> {
    let mut people: HashSet<i64> = registrations::table
        .filter(registrations::offering_id.eq(offering.0))
        .filter(registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
        .select(registrations::user_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    people.extend(
        offering_facilitators::table
            .filter(offering_facilitators::offering_id.eq(offering.0))
            .select(offering_facilitators::user_id)
            .load::<i64>(conn)?,
    );
    Ok(people)
}

/// Makes the members-only space of a new offering, in its organiser's
/// organisation, named after it (called by `workshops::create`).
pub fn create_space_for(
    conn: &mut DbConn,
    offering: &crate::workshops::OfferingRow,
    now: Timestamp,
) -> Result<SpaceId, DbError> {
    let by = offering
        .created_by
        .ok_or_else(|| DbError::task("an offering's space needs the person who made it"))?;
    let id: i64 = diesel::insert_into(spaces::table)
        .values((
            spaces::org_id.eq(offering.org_id.0),
            spaces::title.eq(&offering.title),
            spaces::description.eq(""),
            spaces::visibility.eq(Visibility::Offering.as_str()),
            spaces::created_by.eq(by),
            spaces::offering_id.eq(offering.id.0),
            spaces::created_at.eq(now.micros()),
        ))
        .returning(spaces::id)
        .get_result(conn)?;
    Ok(SpaceId(id))
}

/// The space of an offering, if it has one.
pub fn space_of_offering(
    conn: &mut DbConn,
    offering: OfferingId,
) -> Result<Option<SpaceId>, DbError> {
    Ok(spaces::table
        .filter(spaces::offering_id.eq(offering.0))
        .select(spaces::id)
        .first::<i64>(conn)
        .optional()?
        .map(SpaceId))
}

pub fn space(conn: &mut DbConn, id: SpaceId) -> Result<Option<Space>, DbError> {
    let found = spaces::table
        .inner_join(orgs::table)
        .filter(spaces::id.eq(id.0))
        .select((SpaceRow::as_select(), orgs::name, orgs::path))
        .first(conn)
        .optional()?
        .and_then(space_of);
    with_archive_date(conn, found)
}

/// Every space, by title (the caller keeps those the reader may see).
pub fn spaces(conn: &mut DbConn) -> Result<Vec<Space>, DbError> {
    let all = spaces::table
        .inner_join(orgs::table)
        .order((spaces::title, spaces::id))
        .select((SpaceRow::as_select(), orgs::name, orgs::path))
        .load(conn)?
        .into_iter()
        .filter_map(space_of)
        .collect();
    with_archive_dates(conn, all)
}

/// The spaces of organisation `org` itself.
pub fn spaces_of_org(conn: &mut DbConn, org: OrgId) -> Result<Vec<SpaceRow>, DbError> {
    Ok(spaces::table
        .filter(spaces::org_id.eq(org.0))
        .order((spaces::title, spaces::id))
        .select(SpaceRow::as_select())
        .load(conn)?)
}

/// Follows (`on`) or stops following a space. Following one already
/// followed changes nothing (a mute stays).
pub fn follow(
    conn: &mut DbConn,
    user: UserId,
    space: SpaceId,
    on: bool,
    now: Timestamp,
) -> Result<(), DbError> {
    if !on {
        diesel::delete(space_follows::table.find((user.0, space.0))).execute(conn)?;
        return Ok(());
    }
    if follow_state(conn, user, space)?.is_none() {
        diesel::insert_into(space_follows::table)
            .values((
                space_follows::user_id.eq(user.0),
                space_follows::space_id.eq(space.0),
                space_follows::created_at.eq(now.micros()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Whether `user` follows the space: `None` if not, `Some(muted)` if so.
pub fn follow_state(
    conn: &mut DbConn,
    user: UserId,
    space: SpaceId,
) -> Result<Option<bool>, DbError> {
    Ok(space_follows::table
        .find((user.0, space.0))
        .select(space_follows::muted_at)
        .first::<Option<i64>>(conn)
        .optional()?
        .map(|m| m.is_some()))
}

/// Mutes (`on`) or unmutes a followed space: muted, its new topics are not
/// notified. `NotFound` when the person does not follow it.
pub fn mute(
    conn: &mut DbConn,
    user: UserId,
    space: SpaceId,
    on: bool,
    now: Timestamp,
) -> Result<(), DbError> {
    let space = space.0;
    let changed = diesel::update(space_follows::table.find((user.0, space)))
        .set(space_follows::muted_at.eq(on.then_some(now.micros())))
        .execute(conn)?;
    match changed {
        0 => Err(DbError::NotFound),
        _ => Ok(()),
    }
}

/// The spaces `user` follows, each with whether they muted it.
pub fn follow_states(
    conn: &mut DbConn,
    user: UserId,
) -> Result<std::collections::HashMap<SpaceId, bool>, DbError> {
    Ok(space_follows::table
        .filter(space_follows::user_id.eq(user.0))
        .select((space_follows::space_id, space_follows::muted_at))
        .load::<(i64, Option<i64>)>(conn)?
        .into_iter()
        .map(|(id, muted)| (SpaceId(id), muted.is_some()))
        .collect())
}

pub fn followed(conn: &mut DbConn, user: UserId) -> Result<HashSet<SpaceId>, DbError> {
    Ok(space_follows::table
        .filter(space_follows::user_id.eq(user.0))
        .select(space_follows::space_id)
        .load::<i64>(conn)?
        .into_iter()
        .map(SpaceId)
        .collect())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = topics)]
pub struct TopicRow {
    #[diesel(deserialize_as = Id<TopicId>)]
    pub id: TopicId,
    #[diesel(deserialize_as = Id<SpaceId>)]
    pub space_id: SpaceId,
    #[diesel(deserialize_as = Id<UserId>)]
    pub author_id: UserId,
    #[diesel(deserialize_as = Code<TopicKind>)]
    pub kind: TopicKind,
    pub title: String,
    pub reply_count: i64,
    pub last_post_at: i64,
    pub locked_at: Option<i64>,
    pub created_at: i64,
    #[diesel(deserialize_as = Id<Option<PostId>>)]
    pub accepted_post_id: Option<PostId>,
    pub pinned_at: Option<i64>,
}

/// Starts a topic with its first post; returns the topic's id. The people
/// it mentions are told they were.
pub fn create_topic(
    conn: &mut DbConn,
    space: SpaceId,
    author: UserId,
    t: &TopicDraft,
    now: Timestamp,
) -> Result<TopicId, DbError> {
    let place = self::space(conn, space)?.ok_or(DbError::NotFound)?;
    may_write(conn, author, &place, None, &t.body, now)?;
    let id = TopicId(
        diesel::insert_into(topics::table)
            .values((
                topics::space_id.eq(space.0),
                topics::author_id.eq(author.0),
                topics::kind.eq(t.kind.as_str()),
                topics::title.eq(&t.title),
                topics::last_post_at.eq(now.micros()),
                topics::created_at.eq(now.micros()),
            ))
            .returning(topics::id)
            .get_result(conn)?,
    );
    let first = insert_post(conn, id, author, Some(&t.title), &t.body, now)?;
    for user in mentioned(&t.body) {
        notify(
            conn,
            user,
            NotificationKind::Mention,
            author,
            id,
            Some(first),
            None,
            now,
        )?;
    }
    for tag in &t.tags {
        diesel::insert_into(topic_tags::table)
            .values((topic_tags::topic_id.eq(id.0), topic_tags::tag.eq(tag)))
            .execute(conn)?;
    }
    diesel::update(spaces::table.find(space.0))
        .set(spaces::topic_count.eq(spaces::topic_count + 1))
        .execute(conn)?;
    // The space's followers hear of it from the worker (`space_news`).
    crate::jobs::enqueue(
        conn,
        &lyceum_domain::jobs::Job::TopicStarted { topic: id },
        now,
    )?;
    Ok(id)
}

/// `title`: the topic's, for its first post.
fn insert_post(
    conn: &mut DbConn,
    topic: TopicId,
    author: UserId,
    title: Option<&str>,
    body: &str,
    now: Timestamp,
) -> Result<PostId, DbError> {
    let text = search_text(title, body);
    remember_words(conn, &text)?;
    let id: i64 = diesel::insert_into(posts::table)
        .values((
            posts::topic_id.eq(topic.0),
            posts::author_id.eq(author.0),
            posts::body.eq(body),
            posts::search_text.eq(text),
            posts::created_at.eq(now.micros()),
        ))
        .returning(posts::id)
        .get_result(conn)?;
    Ok(PostId(id))
}

/// Adds a post's search words to `search_words` (those it has not seen).
fn remember_words(conn: &mut DbConn, text: &str) -> Result<(), DbError> {
    let mut words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    words.sort_unstable();
    words.dedup();
    let rows: Vec<_> = words.iter().map(|w| search_words::word.eq(*w)).collect();
    if rows.is_empty() {
        return Ok(());
    }
    // Per backend: diesel's multi-backend connection has no ON CONFLICT.
    let insert = diesel::insert_into(search_words::table).values(&rows);
    crate::on_backend!(conn, |c| insert.on_conflict_do_nothing().execute(c))?;
    Ok(())
}

/// A line of a space's topic list.
#[derive(Debug, Clone)]
pub struct TopicLine {
    pub topic: TopicRow,
    pub author: String,
}

/// One page of a space's topics, latest activity first, starting after
/// `after` (the last line of the page before).
pub fn topics(
    conn: &mut DbConn,
    space: SpaceId,
    after: Option<Cursor>,
    limit: i64,
) -> Result<Vec<TopicLine>, DbError> {
    let mut q = topics::table
        .inner_join(users::table.on(users::id.eq(topics::author_id)))
        .filter(topics::space_id.eq(space.0))
        .into_boxed();
    if let Some(c) = after {
        q = q.filter(
            topics::last_post_at
                .lt(c.at)
                .or(topics::last_post_at.eq(c.at).and(topics::id.lt(c.id))),
        );
    }
    Ok(q.order((topics::last_post_at.desc(), topics::id.desc()))
        .limit(limit)
        .select((TopicRow::as_select(), users::display_name))
        .load::<(TopicRow, String)>(conn)?
        .into_iter()
        .map(|(topic, author)| TopicLine { topic, author })
        .collect())
}

pub fn topic(conn: &mut DbConn, id: TopicId) -> Result<Option<TopicRow>, DbError> {
    Ok(topics::table
        .find(id.0)
        .select(TopicRow::as_select())
        .first(conn)
        .optional()?)
}

/// A topic and the space it is in, in one statement.
pub fn topic_in_space(
    conn: &mut DbConn,
    id: TopicId,
) -> Result<Option<(TopicRow, Space)>, DbError> {
    let found = on_backend!(conn, |c| topics::table
        .inner_join(spaces::table.inner_join(orgs::table))
        .filter(topics::id.eq(id.0))
        .select((
            TopicRow::as_select(),
            SpaceRow::as_select(),
            orgs::name,
            orgs::path,
        ))
        .first::<(TopicRow, SpaceRow, String, String)>(c)
        .optional())?
    .and_then(|(topic, row, name, path)| Some((topic, space_of((row, name, path))?)));
    let Some((topic, space)) = found else {
        return Ok(None);
    };
    Ok(with_archive_date(conn, Some(space))?.map(|space| (topic, space)))
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = posts)]
pub struct PostRow {
    #[diesel(deserialize_as = Id<PostId>)]
    pub id: PostId,
    #[diesel(deserialize_as = Id<TopicId>)]
    pub topic_id: TopicId,
    #[diesel(deserialize_as = Id<UserId>)]
    pub author_id: UserId,
    pub body: String,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub deleted_at: Option<i64>,
    pub hidden_at: Option<i64>,
    pub hidden_reason: Option<String>,
}

/// A post with its author's name.
#[derive(Debug, Clone)]
pub struct PostLine {
    pub post: PostRow,
    pub author: String,
    /// How many times it got each reaction, in `Reaction::ALL` order.
    pub reactions: [i64; 3],
}

// `posts` counts each reaction kind in a column of its own.
const _: () = assert!(Reaction::ALL.len() == 3);

/// One page of a topic's posts, oldest first, after post `after`.
pub fn posts(
    conn: &mut DbConn,
    topic: TopicId,
    after: Option<PostId>,
    limit: i64,
) -> Result<Vec<PostLine>, DbError> {
    Ok(on_backend!(conn, |c| posts::table
        .inner_join(users::table.on(users::id.eq(posts::author_id)))
        .filter(posts::topic_id.eq(topic.0))
        .filter(posts::id.gt(after.map_or(0, |p| p.0)))
        .order(posts::id)
        .limit(limit)
        .select((
            PostRow::as_select(),
            users::display_name,
            (
                posts::helpful_count,
                posts::thanks_count,
                posts::insightful_count
            )
        ))
        .load::<(PostRow, String, (i64, i64, i64))>(c))?
    .into_iter()
    .map(|(post, author, (a, b, c))| PostLine {
        post,
        author,
        reactions: [a, b, c],
    })
    .collect())
}

pub fn post(conn: &mut DbConn, id: PostId) -> Result<Option<PostRow>, DbError> {
    Ok(posts::table
        .find(id.0)
        .select(PostRow::as_select())
        .first(conn)
        .optional()?)
}

/// Replies to a topic, if [`may_write`] allows. The topic's author is
/// told of the reply, and the people the reply mentions are told they
/// were; nobody is told of their own post. Returns the post's id.
pub fn reply(
    conn: &mut DbConn,
    topic: TopicId,
    author: UserId,
    body: &str,
    now: Timestamp,
) -> Result<PostId, DbError> {
    let (t, space) = topic_in_space(conn, topic)?.ok_or(DbError::NotFound)?;
    may_write(conn, author, &space, Some(&t), body, now)?;
    let id = insert_post(conn, topic, author, None, body, now)?;
    diesel::update(topics::table.find(topic.0))
        .set((
            topics::reply_count.eq(topics::reply_count + 1),
            topics::last_post_at.eq(now.micros()),
        ))
        .execute(conn)?;
    let mentioned = mentioned(body);
    let told = |n: NotificationKind, user: i64| (n, UserId(user));
    let mut tell: Vec<(NotificationKind, UserId)> = mentioned
        .iter()
        .map(|u| told(NotificationKind::Mention, u.0))
        .collect();
    if !mentioned.contains(&t.author_id) {
        tell.push((NotificationKind::Reply, t.author_id));
    }
    for (kind, user) in tell {
        notify(conn, user, kind, author, topic, Some(id), None, now)?;
    }
    Ok(id)
}

/// The people a post mentions (its person mentions, `@[Name](user:12)`,
/// which the web layer wrote after finding each among those who may see
/// the space — see `lyceum_domain::mentions`), at most `MAX_MENTIONS`.
fn mentioned(body: &str) -> Vec<UserId> {
    let mut ids = lyceum_domain::mentions::people(body);
    ids.truncate(lyceum_domain::mentions::MAX_MENTIONS);
    ids.into_iter().map(UserId).collect()
}

/// Whether `author` may write `body` now in `place` (in `topic`, unless
/// starting one) — the one check that starting a topic, replying and
/// editing all pass, from pages and API alike. Refused (`Invalid`, field
/// `body`): in an offering's space once archived (`space-archived`); while
/// a suspension covers the
/// space (`suspended`, with the organisation it is for and the day it
/// ends); in a locked topic (`topic-locked`); over the hourly limit for the
/// account's age, where posts and edits both count as writes
/// (`posting-too-fast`); and, for a new account, with too many links
/// (`too-many-links`; see `community::posting_allowed`).
pub fn may_write(
    conn: &mut DbConn,
    author: UserId,
    place: &Space,
    topic: Option<&TopicRow>,
    body: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    if place.archived(now) {
        return Err(DbError::Invalid(Invalid::one("body", "space-archived")));
    }
    let space = &place.path;
    if let Some(s) = crate::moderation::covering(conn, author, space, now)? {
        let zone = crate::orgs::zone_of_user(conn, author)?;
        return Err(DbError::Invalid(Invalid(vec![
            FieldError::new("body", "suspended")
                .with_arg("org", s.org_name)
                .with_arg("until", Timestamp::from_micros(s.until_at).date_in(&zone)),
        ])));
    }
    if topic.is_some_and(|t| t.locked_at.is_some()) {
        return Err(DbError::Invalid(Invalid::one("body", "topic-locked")));
    }
    let created: i64 = users::table
        .find(author.0)
        .select(users::created_at)
        .first(conn)?;
    let hour_ago = now.minus(std::time::Duration::from_secs(3_600)).micros();
    let posted: i64 = posts::table
        .filter(posts::author_id.eq(author.0))
        .filter(posts::created_at.gt(hour_ago))
        .count()
        .get_result(conn)?;
    let edited: i64 = post_revisions::table
        .filter(post_revisions::author_id.eq(author.0))
        .filter(post_revisions::replaced_at.gt(hour_ago))
        .count()
        .get_result(conn)?;
    let new_account = created > now.minus(NEW_ACCOUNT).micros();
    posting_allowed(new_account, posted + edited, body)
        .map_err(|e| DbError::Invalid(Invalid(vec![e])))
}

/// Tells `user` something `actor` did (never their own doing), with a
/// note (a moderator's reason).
#[allow(clippy::too_many_arguments)]
pub fn notify(
    conn: &mut DbConn,
    user: UserId,
    kind: NotificationKind,
    actor: UserId,
    topic: TopicId,
    post: Option<PostId>,
    note: Option<&str>,
    now: Timestamp,
) -> Result<(), DbError> {
    if user == actor {
        return Ok(());
    }
    diesel::insert_into(notifications::table)
        .values((
            notifications::user_id.eq(user.0),
            notifications::kind.eq(kind.as_str()),
            notifications::actor_id.eq(actor.0),
            notifications::topic_id.eq(topic.0),
            notifications::post_id.eq(post.map(|p| p.0)),
            notifications::note.eq(note),
            notifications::created_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The question's author accepts a reply in it as the answer (replacing
/// any earlier choice), and its author is told. `NotFound` unless the topic
/// is a question by `by` and the post a live reply in it.
pub fn accept(
    conn: &mut DbConn,
    topic: TopicId,
    by: UserId,
    post: PostId,
    now: Timestamp,
) -> Result<(), DbError> {
    let t = self::topic(conn, topic)?
        .filter(|t| policy::accepts_answer(by, t.author_id) && t.kind == TopicKind::Question)
        .ok_or(DbError::NotFound)?;
    let first = first_post(conn, topic)?.ok_or(DbError::NotFound)?;
    let p = self::post(conn, post)?
        .filter(|p| p.topic_id == t.id && p.id != first && p.deleted_at.is_none())
        .ok_or(DbError::NotFound)?;
    diesel::update(topics::table.find(topic.0))
        .set(topics::accepted_post_id.eq(post.0))
        .execute(conn)?;
    notify(
        conn,
        p.author_id,
        NotificationKind::Accepted,
        by,
        topic,
        Some(post),
        None,
        now,
    )
}

/// A topic's first post (the one that started it).
fn first_post(conn: &mut DbConn, topic: TopicId) -> Result<Option<PostId>, DbError> {
    Ok(posts::table
        .filter(posts::topic_id.eq(topic.0))
        .select(diesel::dsl::min(posts::id))
        .first::<Option<i64>>(conn)?
        .map(PostId))
}

/// Marks all of a person's notifications read.
pub fn mark_read(conn: &mut DbConn, user: UserId, now: Timestamp) -> Result<(), DbError> {
    diesel::update(
        notifications::table
            .filter(notifications::user_id.eq(user.0))
            .filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(now.micros()))
    .execute(conn)?;
    Ok(())
}

/// Replaces the text of the author's own post, keeping the old text as a
/// revision, if [`may_write`] allows it as it would a new post (an edit
/// counts as a write) and the post has had fewer than [`MAX_POST_EDITS`]
/// edits (`Invalid`, field `body`, `too-many-edits`). `NotFound` unless it
/// is theirs and not deleted.
pub fn edit(
    conn: &mut DbConn,
    id: PostId,
    author: UserId,
    body: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    let p = post(conn, id)?
        .filter(|p| policy::edits_post(author, p.author_id) && p.deleted_at.is_none())
        .ok_or(DbError::NotFound)?;
    let (topic, space) = topic_in_space(conn, p.topic_id)?.ok_or(DbError::NotFound)?;
    may_write(conn, author, &space, Some(&topic), body, now)?;
    // One conditional update decides, with any number of app servers (on
    // PostgreSQL it also holds the row until the transaction ends, so the
    // text read next is the one this edit replaces).
    let counted = diesel::update(
        posts::table
            .find(id.0)
            .filter(posts::edit_count.lt(MAX_POST_EDITS)),
    )
    .set(posts::edit_count.eq(posts::edit_count + 1))
    .execute(conn)?;
    if counted == 0 {
        return Err(DbError::Invalid(Invalid(vec![
            FieldError::new("body", "too-many-edits").with_arg("max", MAX_POST_EDITS),
        ])));
    }
    let earlier: String = posts::table.find(id.0).select(posts::body).first(conn)?;
    diesel::insert_into(post_revisions::table)
        .values((
            post_revisions::post_id.eq(id.0),
            post_revisions::author_id.eq(author.0),
            post_revisions::body.eq(&earlier),
            post_revisions::replaced_at.eq(now.micros()),
        ))
        .execute(conn)?;
    diesel::update(posts::table.find(id.0))
        .set((posts::body.eq(body), posts::edited_at.eq(now.micros())))
        .execute(conn)?;
    reindex(conn, id)
}

/// Sets a post's search words from what it is now: none once deleted or
/// hidden; its text (and, for a topic's first post, the title) otherwise.
pub fn reindex(conn: &mut DbConn, id: PostId) -> Result<(), DbError> {
    let p = post(conn, id)?.ok_or(DbError::NotFound)?;
    let text = if p.deleted_at.is_some() || p.hidden_at.is_some() {
        String::new()
    } else {
        let title = match first_post(conn, p.topic_id)? == Some(id) {
            true => topic(conn, p.topic_id)?.map(|t| t.title),
            false => None,
        };
        search_text(title.as_deref(), &p.body)
    };
    remember_words(conn, &text)?;
    diesel::update(posts::table.find(id.0))
        .set(posts::search_text.eq(text))
        .execute(conn)?;
    Ok(())
}

/// How many earlier texts an edited post has.
pub fn revisions(conn: &mut DbConn, id: PostId) -> Result<i64, DbError> {
    Ok(post_revisions::table
        .filter(post_revisions::post_id.eq(id.0))
        .count()
        .get_result(conn)?)
}

/// Deletes the author's own post: its text goes, its place stays (the
/// history of an edited post stays for moderators). `NotFound` unless it
/// is theirs.
pub fn delete(
    conn: &mut DbConn,
    id: PostId,
    author: UserId,
    now: Timestamp,
) -> Result<(), DbError> {
    post(conn, id)?
        .filter(|p| policy::edits_post(author, p.author_id) && p.deleted_at.is_none())
        .ok_or(DbError::NotFound)?;
    diesel::update(posts::table.find(id.0))
        .set((
            posts::body.eq(""),
            posts::search_text.eq(""),
            posts::deleted_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A post found by a search.
#[derive(Debug, Clone)]
pub struct Found {
    pub post: PostRow,
    pub author: String,
    pub topic_id: TopicId,
    pub topic_title: String,
    /// Its space, for the reader's check and the result's line.
    pub space: Space,
}

/// How many matching posts a search looks at, newest first, before it
/// stops: common words match hundreds of thousands of posts, and nobody
/// reads that far.
pub const SEARCH_CANDIDATES: usize = 2_000;
/// Candidates read at a time, at most. The first read asks only for as
/// many as are wanted and each next one for twice as many: on PostgreSQL
/// a rare word is found by walking the posts newest first, so asking for
/// 200 when 21 will do walks ten times as far.
const BATCH: usize = 200;

/// What else a search asks for besides its words.
#[derive(Debug, Clone, Default)]
pub struct SearchFilters {
    /// Posts before this one (the next page).
    pub before: Option<PostId>,
    /// In topics with every one of these tags.
    pub tags: Vec<String>,
    /// Posted at or after this moment.
    pub since: Option<Timestamp>,
    /// Written by this person.
    pub author: Option<UserId>,
    /// In this space.
    pub space: Option<SpaceId>,
}

/// The newest posts whose words start with every one of `words` (or, with
/// no words, the newest posts of `f.author`), in the spaces `may_read`
/// allows and as `f` narrows, at most `limit` — looking at no more than
/// [`SEARCH_CANDIDATES`] posts.
pub fn search(
    conn: &mut DbConn,
    words: &[String],
    may_read: &dyn Fn(&Space) -> bool,
    f: &SearchFilters,
    limit: usize,
) -> Result<Vec<Found>, DbError> {
    let mut out = Vec::new();
    let query = match (words.is_empty(), f.author) {
        (false, _) => match widened(conn, words)? {
            Some(terms) => Some(terms),
            // A word no post has ever had: nothing matches.
            None => return Ok(out),
        },
        (true, Some(_)) => None,
        (true, None) => return Ok(out),
    };
    let mut below = f.before.map_or(i64::MAX, |p| p.0);
    let mut seen = 0;
    let mut batch = limit.clamp(1, BATCH);
    while out.len() < limit && seen < SEARCH_CANDIDATES {
        let ids = match (&query, f.author) {
            (Some(terms), _) => matching_posts(conn, terms, below, batch)?,
            (None, Some(author)) => posts_by(conn, author, below, batch)?,
            (None, None) => Vec::new(),
        };
        if ids.is_empty() {
            break;
        }
        seen += ids.len();
        batch = (batch * 2).min(BATCH);
        below = ids.iter().copied().min().unwrap_or(0);
        let mut q = posts::table
            .inner_join(topics::table.inner_join(spaces::table.inner_join(orgs::table)))
            .inner_join(users::table.on(users::id.eq(posts::author_id)))
            .filter(posts::id.eq_any(&ids))
            .into_boxed();
        for tag in &f.tags {
            q = q.filter(diesel::dsl::exists(
                topic_tags::table
                    .filter(topic_tags::topic_id.eq(topics::id))
                    .filter(topic_tags::tag.eq(tag.clone())),
            ));
        }
        if let Some(since) = f.since {
            q = q.filter(posts::created_at.ge(since.micros()));
        }
        if let Some(author) = f.author {
            q = q.filter(posts::author_id.eq(author.0));
        }
        if let Some(space) = f.space {
            q = q.filter(topics::space_id.eq(space.0));
        }
        let rows: Vec<(PostRow, String, i64, String, SpaceRow, String, String)> = q
            .order(posts::id.desc())
            .select((
                PostRow::as_select(),
                users::display_name,
                topics::id,
                topics::title,
                SpaceRow::as_select(),
                orgs::name,
                orgs::path,
            ))
            .load(conn)?;
        for (post, author, topic_id, topic_title, row, org_name, path) in rows {
            let Some(space) = space_of((row, org_name, path)) else {
                continue;
            };
            if out.len() < limit && may_read(&space) {
                out.push(Found {
                    post,
                    author,
                    topic_id: TopicId(topic_id),
                    topic_title,
                    space,
                });
            }
        }
    }
    Ok(out)
}

/// Ids of a person's posts below `below`, newest first; not deleted or
/// hidden ones, which search by words does not find either.
fn posts_by(
    conn: &mut DbConn,
    author: UserId,
    below: i64,
    limit: usize,
) -> Result<Vec<i64>, DbError> {
    Ok(posts::table
        .filter(posts::author_id.eq(author.0))
        .filter(posts::id.lt(below))
        .filter(posts::deleted_at.is_null())
        .filter(posts::hidden_at.is_null())
        .order(posts::id.desc())
        .limit(i64::try_from(limit).unwrap_or(i64::MAX))
        .select(posts::id)
        .load(conn)?)
}

/// Most whole words a typed word is widened to; past it the word is
/// searched as a prefix (a short one, which FTS5's prefix index serves).
const WIDEN_AT_MOST: usize = 64;

/// What one typed word matches.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Term {
    /// Any of these whole words (those it starts).
    AnyOf(Vec<String>),
    /// Words starting with it: too many to list.
    Prefix(String),
}

/// Each typed word as the whole words it starts (see `search_words`); None
/// when one starts no word at all.
fn widened(conn: &mut DbConn, words: &[String]) -> Result<Option<Vec<Term>>, DbError> {
    let mut terms = Vec::with_capacity(words.len());
    for w in words {
        // Every word starting with `w` sorts from `w` to just below `w`
        // followed by the highest character (text compares by bytes here).
        let upper = format!("{w}{}", char::MAX);
        let whole: Vec<String> = search_words::table
            .filter(search_words::word.ge(w))
            .filter(search_words::word.lt(upper))
            .order(search_words::word)
            .limit(WIDEN_AT_MOST as i64 + 1)
            .select(search_words::word)
            .load(conn)?;
        terms.push(match whole.len() {
            0 => return Ok(None),
            n if n > WIDEN_AT_MOST => Term::Prefix(w.clone()),
            _ => Term::AnyOf(whole),
        });
    }
    Ok(Some(terms))
}

/// Ids of posts below `below` matching every term, newest first.
fn matching_posts(
    conn: &mut DbConn,
    terms: &[Term],
    below: i64,
    limit: usize,
) -> Result<Vec<i64>, DbError> {
    use diesel::sql_types::{BigInt, Text};
    #[derive(QueryableByName)]
    struct Hit {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let hits: Vec<Hit> = match conn {
        DbConn::Sqlite(c) => {
            // Quoted, so no word is read as FTS5 syntax; * makes a prefix.
            let m: Vec<String> = terms
                .iter()
                .map(|t| match t {
                    Term::AnyOf(words) => {
                        let quoted: Vec<String> =
                            words.iter().map(|w| format!("\"{w}\"")).collect();
                        format!("({})", quoted.join(" OR "))
                    }
                    Term::Prefix(w) => format!("\"{w}\"*"),
                })
                .collect();
            diesel::sql_query(
                "SELECT rowid AS id FROM posts_fts WHERE posts_fts MATCH ? AND rowid < ? \
                 ORDER BY rowid DESC LIMIT ?",
            )
            // FTS5 takes no implicit AND after a parenthesised group.
            .bind::<Text, _>(m.join(" AND "))
            .bind::<BigInt, _>(below)
            .bind::<BigInt, _>(limit)
            .load(c)?
        }
        DbConn::Pg(c) => {
            let m: Vec<String> = terms
                .iter()
                .map(|t| match t {
                    Term::AnyOf(words) => format!("({})", words.join(" | ")),
                    Term::Prefix(w) => format!("{w}:*"),
                })
                .collect();
            diesel::sql_query(
                "SELECT id FROM posts_fts \
                 WHERE vector @@ to_tsquery('simple', $1) AND id < $2 \
                 ORDER BY id DESC LIMIT $3",
            )
            .bind::<Text, _>(m.join(" & "))
            .bind::<BigInt, _>(below)
            .bind::<BigInt, _>(limit)
            .load(c)?
        }
    };
    Ok(hits.into_iter().map(|h| h.id).collect())
}

/// A topic's tags, in the order given.
pub fn tags_of(conn: &mut DbConn, topic: TopicId) -> Result<Vec<String>, DbError> {
    Ok(on_backend!(conn, |c| topic_tags::table
        .filter(topic_tags::topic_id.eq(topic.0))
        .select(topic_tags::tag)
        .load(c))?)
}

/// Whether a topic has a tag.
pub fn has_tag(conn: &mut DbConn, topic: TopicId, tag: &str) -> Result<bool, DbError> {
    Ok(
        diesel::select(diesel::dsl::exists(topic_tags::table.find((topic.0, tag))))
            .get_result(conn)?,
    )
}

/// A space's pinned topics, newest pin first (shown above the rest).
pub fn pinned(conn: &mut DbConn, space: SpaceId) -> Result<Vec<TopicLine>, DbError> {
    Ok(topics::table
        .inner_join(users::table.on(users::id.eq(topics::author_id)))
        .filter(topics::space_id.eq(space.0))
        .filter(topics::pinned_at.is_not_null())
        .order((topics::pinned_at.desc(), topics::id.desc()))
        .limit(20)
        .select((TopicRow::as_select(), users::display_name))
        .load::<(TopicRow, String)>(conn)?
        .into_iter()
        .map(|(topic, author)| TopicLine { topic, author })
        .collect())
}

/// What a moderator switches on or off on a topic: a pinned topic heads
/// its space's list; a locked one takes no replies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicFlag {
    Pinned,
    Locked,
}

/// A moderator (`by`) switches `flag` on (`on`) or off for a topic. Its
/// author is told (with the reason, if one was given), unless it was so
/// already.
pub fn switch(
    conn: &mut DbConn,
    topic: TopicId,
    flag: TopicFlag,
    on: bool,
    by: UserId,
    why: Option<&str>,
    now: Timestamp,
) -> Result<(), DbError> {
    use NotificationKind::{Locked, Pinned, Unlocked, Unpinned};
    let t = self::topic(conn, topic)?.ok_or(DbError::NotFound)?;
    let at = on.then_some(now.micros());
    let row = diesel::update(topics::table.find(topic.0));
    // What it was, and what the author is told: [switched off, switched on].
    let (was, told) = match flag {
        TopicFlag::Pinned => {
            row.set(topics::pinned_at.eq(at)).execute(conn)?;
            (t.pinned_at.is_some(), [Unpinned, Pinned])
        }
        TopicFlag::Locked => {
            row.set(topics::locked_at.eq(at)).execute(conn)?;
            (t.locked_at.is_some(), [Unlocked, Locked])
        }
    };
    if was == on {
        return Ok(());
    }
    tell_author(conn, &t, told[usize::from(on)], by, why, now)
}

/// Tells a topic's author what a moderator decided about it, and why.
fn tell_author(
    conn: &mut DbConn,
    t: &TopicRow,
    kind: NotificationKind,
    by: UserId,
    why: Option<&str>,
    now: Timestamp,
) -> Result<(), DbError> {
    notify(conn, t.author_id, kind, by, t.id, None, why, now)
}

/// A moderator (`by`) moves a topic (and its posts) to another space,
/// keeping both spaces' topic counts right; its author is told why.
pub fn move_topic(
    conn: &mut DbConn,
    topic: TopicId,
    to: SpaceId,
    by: UserId,
    why: Option<&str>,
    now: Timestamp,
) -> Result<(), DbError> {
    let t = self::topic(conn, topic)?.ok_or(DbError::NotFound)?;
    if t.space_id == to {
        return Ok(());
    }
    diesel::update(topics::table.find(topic.0))
        .set((topics::space_id.eq(to.0), topics::pinned_at.eq(None::<i64>)))
        .execute(conn)?;
    diesel::update(spaces::table.find(t.space_id.0))
        .set(spaces::topic_count.eq(spaces::topic_count - 1))
        .execute(conn)?;
    diesel::update(spaces::table.find(to.0))
        .set(spaces::topic_count.eq(spaces::topic_count + 1))
        .execute(conn)?;
    tell_author(conn, &t, NotificationKind::Moved, by, why, now)
}

/// Adds (`on`) or takes back one person's reaction to a post, keeping the
/// post's count of that kind right.
pub fn react(
    conn: &mut DbConn,
    post: PostId,
    user: UserId,
    kind: Reaction,
    on: bool,
    now: Timestamp,
) -> Result<(), DbError> {
    let taken = diesel::delete(reactions::table.find((post.0, user.0, kind.as_str())))
        .execute(conn)? as i64;
    let given = if on {
        diesel::insert_into(reactions::table)
            .values((
                reactions::post_id.eq(post.0),
                reactions::user_id.eq(user.0),
                reactions::kind.eq(kind.as_str()),
                reactions::created_at.eq(now.micros()),
            ))
            .execute(conn)? as i64
    } else {
        0
    };
    let by = given - taken;
    if by != 0 {
        let row = diesel::update(posts::table.find(post.0));
        match kind {
            Reaction::Helpful => row
                .set(posts::helpful_count.eq(posts::helpful_count + by))
                .execute(conn)?,
            Reaction::Thanks => row
                .set(posts::thanks_count.eq(posts::thanks_count + by))
                .execute(conn)?,
            Reaction::Insightful => row
                .set(posts::insightful_count.eq(posts::insightful_count + by))
                .execute(conn)?,
        };
    }
    Ok(())
}

/// The reactions `me` gave to posts with ids from `first` to `last` (a
/// page of a topic; other posts in the range are in the set too, and
/// simply not shown). One range of the reader's own reactions, whatever
/// the page: the counts are on the posts.
pub fn reacted(
    conn: &mut DbConn,
    (first, last): (PostId, PostId),
    me: UserId,
) -> Result<std::collections::HashSet<(PostId, Reaction)>, DbError> {
    let mine: Vec<(i64, Code<Reaction>)> = on_backend!(conn, |c| reactions::table
        .filter(reactions::user_id.eq(me.0))
        .filter(reactions::post_id.between(first.0, last.0))
        .select((reactions::post_id, reactions::kind))
        .load(c))?;
    Ok(mine
        .into_iter()
        .map(|(post, kind)| (PostId(post), kind.into()))
        .collect())
}
