//! Moderation as stored: flags on posts, posts hidden and restored (the
//! author is told why, in the same transaction), and suspensions, each for
//! the spaces of one organisation (and below).
//! Who may moderate where is the caller's question (`Action::Moderate` on
//! the space's organisation); the audit log entry is the caller's too.

use crate::codes::Code;
use crate::community::notify;
use crate::ids::Id;
use crate::schema::{flags, orgs, posts, spaces, suspensions, topics, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::community::{FlagCategory, FlagDecision, NotificationKind};
use lyceum_domain::org::OrgPath;
use lyceum_domain::{OrgId, PostId, SpaceId, Timestamp, TopicId, UserId};

/// Flags a post; false if this person had flagged it already.
pub fn flag(
    conn: &mut DbConn,
    post: PostId,
    reporter: UserId,
    category: FlagCategory,
    reason: &str,
    now: Timestamp,
) -> Result<bool, DbError> {
    let post = post.0;
    let already: i64 = flags::table
        .filter(flags::post_id.eq(post))
        .filter(flags::reporter_id.eq(reporter.0))
        .count()
        .get_result(conn)?;
    if already > 0 {
        return Ok(false);
    }
    diesel::insert_into(flags::table)
        .values((
            flags::post_id.eq(post),
            flags::reporter_id.eq(reporter.0),
            flags::category.eq(category.as_str()),
            flags::reason.eq(reason),
            flags::created_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Where a post is: (topic id, space id, the space's organisation path,
/// the space's org id).
pub fn place_of_post(
    conn: &mut DbConn,
    post: PostId,
) -> Result<Option<(TopicId, SpaceId, OrgPath, OrgId)>, DbError> {
    type Row = (Id<TopicId>, Id<SpaceId>, String, Id<OrgId>);
    let row: Option<Row> = posts::table
        .inner_join(topics::table.inner_join(spaces::table.inner_join(orgs::table)))
        .filter(posts::id.eq(post.0))
        .select((topics::id, spaces::id, orgs::path, orgs::id))
        .first(conn)
        .optional()?;
    Ok(row.and_then(|(t, s, p, o)| Some((t.into(), s.into(), OrgPath::parse(&p)?, o.into()))))
}

/// An open flag, with what a moderator needs to decide.
#[derive(Debug, Clone)]
pub struct OpenFlag {
    pub flag_id: i64,
    pub category: FlagCategory,
    pub reason: String,
    pub reporter: String,
    pub post_id: PostId,
    pub body: String,
    pub hidden: bool,
    pub author_id: UserId,
    pub author: String,
    pub topic_id: TopicId,
    pub topic_title: String,
    pub space_title: String,
    /// Where the space's organisation is.
    pub space_path: String,
    pub created_at: i64,
}

/// Most flags one queue shows.
pub const QUEUE_LIMIT: i64 = 100;

/// Open flags on posts in spaces of `scopes` (or below): those about a
/// student's private information first, then oldest first.
pub fn open_flags(conn: &mut DbConn, scopes: &[OrgPath]) -> Result<Vec<OpenFlag>, DbError> {
    type Row = (
        i64,
        Code<FlagCategory>,
        String,
        Id<UserId>,
        Id<PostId>,
        String,
        Option<i64>,
        Id<UserId>,
        String,
        String,
        Id<TopicId>,
        i64,
        String,
    );
    let mut out: Vec<OpenFlag> = Vec::new();
    for scope in scopes {
        let rows: Vec<Row> = flags::table
            .inner_join(
                posts::table
                    .inner_join(topics::table.inner_join(spaces::table.inner_join(orgs::table))),
            )
            .filter(flags::decided_at.is_null())
            .filter(orgs::path.ge(scope.as_str()))
            .filter(orgs::path.lt(scope.subtree_end()))
            .order((
                flags::category.ne(FlagCategory::StudentPrivacy.as_str()),
                flags::created_at,
                flags::id,
            ))
            .limit(QUEUE_LIMIT)
            .select((
                flags::id,
                flags::category,
                flags::reason,
                flags::reporter_id,
                posts::id,
                posts::body,
                posts::hidden_at,
                posts::author_id,
                topics::title,
                spaces::title,
                topics::id,
                flags::created_at,
                orgs::path,
            ))
            .load(conn)?;
        for (
            flag_id,
            category,
            reason,
            reporter,
            post_id,
            body,
            hidden,
            author_id,
            topic_title,
            space_title,
            topic_id,
            created_at,
            space_path,
        ) in rows
        {
            if out.iter().any(|f| f.flag_id == flag_id) {
                continue;
            }
            let (reporter, author_id): (UserId, UserId) = (reporter.into(), author_id.into());
            let name = |c: &mut DbConn, id: UserId| -> Result<String, DbError> {
                Ok(users::table
                    .find(id.0)
                    .select(users::display_name)
                    .first(c)?)
            };
            out.push(OpenFlag {
                flag_id,
                category: category.into(),
                reason,
                reporter: name(conn, reporter)?,
                post_id: post_id.into(),
                body,
                hidden: hidden.is_some(),
                author_id,
                author: name(conn, author_id)?,
                topic_id: topic_id.into(),
                topic_title,
                space_title,
                space_path,
                created_at,
            });
        }
    }
    out.sort_by_key(|f| (!f.category.urgent(), f.created_at, f.flag_id));
    out.truncate(QUEUE_LIMIT as usize);
    Ok(out)
}

fn decide_flags(
    conn: &mut DbConn,
    post: PostId,
    decision: FlagDecision,
    by: UserId,
    now: Timestamp,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        flags::table
            .filter(flags::post_id.eq(post.0))
            .filter(flags::decided_at.is_null()),
    )
    .set((
        flags::decision.eq(decision.as_str()),
        flags::decided_by.eq(by.0),
        flags::decided_at.eq(now.micros()),
    ))
    .execute(conn)?)
}

fn post_author_and_topic(conn: &mut DbConn, post: PostId) -> Result<(UserId, TopicId), DbError> {
    let (author, topic): (Id<UserId>, Id<TopicId>) = posts::table
        .find(post.0)
        .select((posts::author_id, posts::topic_id))
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound)?;
    Ok((author.into(), topic.into()))
}

/// Hides a post (its open flags are decided "hidden") and tells its author
/// why.
pub fn hide(
    conn: &mut DbConn,
    post: PostId,
    by: UserId,
    reason: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    let (author, topic) = post_author_and_topic(conn, post)?;
    diesel::update(posts::table.find(post.0))
        .set((
            posts::hidden_at.eq(now.micros()),
            posts::hidden_reason.eq(reason),
        ))
        .execute(conn)?;
    decide_flags(conn, post, FlagDecision::Hidden, by, now)?;
    crate::community::reindex(conn, post)?;
    notify(
        conn,
        author,
        NotificationKind::Hidden,
        by,
        topic,
        Some(post),
        Some(reason),
        now,
    )
}

/// Shows a hidden post again and tells its author.
pub fn restore(conn: &mut DbConn, post: PostId, by: UserId, now: Timestamp) -> Result<(), DbError> {
    let (author, topic) = post_author_and_topic(conn, post)?;
    diesel::update(posts::table.find(post.0))
        .set((
            posts::hidden_at.eq(None::<i64>),
            posts::hidden_reason.eq(None::<String>),
        ))
        .execute(conn)?;
    crate::community::reindex(conn, post)?;
    notify(
        conn,
        author,
        NotificationKind::Restored,
        by,
        topic,
        Some(post),
        None,
        now,
    )
}

/// Dismisses the open flags on a post: nothing is wrong with it.
pub fn dismiss(
    conn: &mut DbConn,
    post: PostId,
    by: UserId,
    now: Timestamp,
) -> Result<usize, DbError> {
    decide_flags(conn, post, FlagDecision::Dismissed, by, now)
}

/// A suspension with where it applies.
#[derive(Debug, Clone)]
pub struct Suspension {
    pub org_id: i64,
    /// The organisation whose spaces (and those below) it covers.
    pub org_name: String,
    pub path: OrgPath,
    pub until_at: i64,
}

/// Suspends `user` from posting in the spaces of `org` and below until
/// `until`, replacing any earlier suspension for that same organisation.
/// Suspensions for other organisations stay as they are: one set higher
/// still covers the spaces below it whatever is set there (so it is never
/// shortened or lifted from below). Whether `by` may is the caller's
/// question (`Actor::may_suspend`).
pub fn suspend(
    conn: &mut DbConn,
    user: UserId,
    org: OrgId,
    until: Timestamp,
    reason: &str,
    by: UserId,
    now: Timestamp,
) -> Result<(), DbError> {
    let row = (
        suspensions::user_id.eq(user.0),
        suspensions::org_id.eq(org.0),
        suspensions::until_at.eq(until.micros()),
        suspensions::reason.eq(reason),
        suspensions::suspended_by.eq(by.0),
        suspensions::created_at.eq(now.micros()),
    );
    let change = (
        suspensions::until_at.eq(until.micros()),
        suspensions::reason.eq(reason),
        suspensions::suspended_by.eq(by.0),
        suspensions::created_at.eq(now.micros()),
    );
    // Per backend: diesel's multi-backend connection has no ON CONFLICT.
    let insert = diesel::insert_into(suspensions::table).values(row);
    match conn {
        DbConn::Sqlite(c) => insert
            .on_conflict((suspensions::user_id, suspensions::org_id))
            .do_update()
            .set(change)
            .execute(c)?,
        DbConn::Pg(c) => insert
            .on_conflict((suspensions::user_id, suspensions::org_id))
            .do_update()
            .set(change)
            .execute(c)?,
    };
    Ok(())
}

/// The person's suspensions still running at `now`, ending last first.
pub fn live_suspensions(
    conn: &mut DbConn,
    user: UserId,
    now: Timestamp,
) -> Result<Vec<Suspension>, DbError> {
    let rows: Vec<(i64, String, String, i64)> = suspensions::table
        .inner_join(orgs::table)
        .filter(suspensions::user_id.eq(user.0))
        .filter(suspensions::until_at.gt(now.micros()))
        .order((suspensions::until_at.desc(), suspensions::id))
        .select((orgs::id, orgs::name, orgs::path, suspensions::until_at))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(org_id, org_name, path, until_at)| {
            Some(Suspension {
                org_id,
                org_name,
                path: OrgPath::parse(&path)?,
                until_at,
            })
        })
        .collect())
}

/// The running suspension that stops the person posting in a space of
/// the organisation at `space` (one set there or above), the one ending
/// last; None when they may post there.
pub fn covering(
    conn: &mut DbConn,
    user: UserId,
    space: &OrgPath,
    now: Timestamp,
) -> Result<Option<Suspension>, DbError> {
    Ok(live_suspensions(conn, user, now)?
        .into_iter()
        .find(|s| s.path.contains(space)))
}
