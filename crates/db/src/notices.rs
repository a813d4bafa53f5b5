//! Notifications of decisions and of work waiting — a practice task
//! returned or accepted (and the course it completed), an outside PD
//! request decided, a hand-in waiting for a reviewer, a PD request waiting
//! for an admin, a roster import finished — written in the transaction of
//! what they tell, and emailed at once when the person chose so (otherwise
//! their digest lists them, or nothing does). The people told are those
//! the policy lets act: never anyone outside it.

use crate::codes::Code;
use crate::schema::{memberships, notifications, orgs, topics, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::community::{DecisionEmail, NotificationKind};
use lyceum_domain::i18n::Lang;
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{self, Actor, Deciders};
use lyceum_domain::role::Role;
use lyceum_domain::{HandInId, OrgId, PostId, Timestamp, TopicId, UserId, paths};

/// What to tell whom.
#[derive(Debug, Clone)]
pub struct Notice<'a> {
    pub user: UserId,
    pub kind: NotificationKind,
    /// Who decided or did it (for a roster import, the admin who ran it).
    pub actor: UserId,
    /// What it is about, as named to people (a course and lesson, a
    /// request's title, an organisation).
    pub subject: &'a str,
    /// The page it is about (a path).
    pub link: &'a str,
    /// A second page (the certificate a completed course issued).
    pub extra_link: Option<&'a str>,
}

/// Writes the notification and, when the person wants these at once,
/// enqueues its email (links made absolute with `base`, the deployment's
/// public address).
pub fn tell(conn: &mut DbConn, n: &Notice<'_>, base: &str, now: Timestamp) -> Result<(), DbError> {
    diesel::insert_into(notifications::table)
        .values((
            notifications::user_id.eq(n.user.0),
            notifications::kind.eq(n.kind.as_str()),
            notifications::actor_id.eq(n.actor.0),
            notifications::subject.eq(n.subject),
            notifications::link.eq(n.link),
            notifications::extra_link.eq(n.extra_link),
            notifications::created_at.eq(now.micros()),
        ))
        .execute(conn)?;
    if crate::digests::decisions(conn, n.user)? != DecisionEmail::AtOnce {
        return Ok(());
    }
    let person: Option<(Option<String>, String, String)> = users::table
        .find(n.user.0)
        .filter(users::deleted_at.is_null())
        .select((users::email, users::display_name, users::preferred_language))
        .first(conn)
        .optional()?;
    let Some((Some(to), name, lang)) = person else {
        return Ok(());
    };
    let actor: String = users::table
        .find(n.actor.0)
        .select(users::display_name)
        .first(conn)?;
    let job = Job::SendEmail(Email {
        to,
        lang: Lang::parse(&lang).unwrap_or(Lang::En),
        message: EmailMessage::Notice {
            name,
            about: n.kind,
            actor,
            subject: n.subject.to_string(),
            link: format!("{base}{}", n.link),
            extra_link: n.extra_link.map(|l| format!("{base}{l}")),
        },
    });
    crate::jobs::enqueue(conn, &job, now)?;
    Ok(())
}

/// One notification as listed: about a community topic (`topic`) or about
/// something else (`subject`, `link`).
#[derive(Debug, Clone)]
pub struct Line {
    pub id: i64,
    pub kind: NotificationKind,
    pub actor: String,
    /// The topic (id, title) of a community notification.
    pub topic: Option<(TopicId, String)>,
    pub post_id: Option<PostId>,
    pub subject: Option<String>,
    pub link: Option<String>,
    pub extra_link: Option<String>,
    pub created_at: i64,
    pub read: bool,
    /// A moderator's reason.
    pub note: Option<String>,
}

impl Line {
    /// What it is about, as named to people: the topic's title or the subject.
    pub fn about(&self) -> &str {
        match (&self.topic, &self.subject) {
            (Some((_, title)), _) => title,
            (None, Some(s)) => s,
            (None, None) => "",
        }
    }
}

/// A person's latest notifications of every kind, newest first.
pub fn of(conn: &mut DbConn, user: UserId, limit: i64) -> Result<Vec<Line>, DbError> {
    type Row = (
        i64,
        Code<NotificationKind>,
        String,
        Option<i64>,
        Option<String>,
        Option<i64>,
        (Option<String>, Option<String>, Option<String>),
        i64,
        Option<i64>,
        Option<String>,
    );
    let rows: Vec<Row> = notifications::table
        .left_join(topics::table.on(topics::id.nullable().eq(notifications::topic_id)))
        .inner_join(users::table.on(users::id.eq(notifications::actor_id)))
        .filter(notifications::user_id.eq(user.0))
        .order(notifications::id.desc())
        .limit(limit)
        .select((
            notifications::id,
            notifications::kind,
            users::display_name,
            notifications::topic_id,
            topics::title.nullable(),
            notifications::post_id,
            (
                notifications::subject,
                notifications::link,
                notifications::extra_link,
            ),
            notifications::created_at,
            notifications::read_at,
            notifications::note,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, kind, actor, topic, title, post, (subject, link, extra), at, read, note)| Line {
                id,
                kind: kind.into(),
                actor,
                topic: topic.map(|t| (TopicId(t), title.unwrap_or_default())),
                post_id: post.map(PostId),
                subject,
                link,
                extra_link: extra,
                created_at: at,
                read: read.is_some(),
                note,
            },
        )
        .collect())
}

/// Who is told that `learner` handed something in: those who may review
/// their work (`Actor::reviews_work_of`), nearest first — the facilitators
/// over any of the learner's organisations; if there are none, the admins
/// of the nearest organisation above the learner that has some; if none,
/// the programme admins. Never the learner.
pub fn reviewers_of(conn: &mut DbConn, learner: UserId) -> Result<Vec<UserId>, DbError> {
    let paths = crate::practice::paths_of(conn, learner)?;
    let mut above: Vec<String> = Vec::new();
    for p in &paths {
        let mut at = Some(p.clone());
        while let Some(node) = at {
            if !above.contains(&node.as_str().to_string()) {
                above.push(node.as_str().to_string());
            }
            at = node.parent();
        }
    }
    let holders = |conn: &mut DbConn, role: Role| -> Result<Vec<(i64, String)>, DbError> {
        Ok(memberships::table
            .inner_join(orgs::table)
            .inner_join(users::table.on(users::id.eq(memberships::user_id)))
            .filter(users::deleted_at.is_null())
            .filter(memberships::role.eq(role.as_str()))
            .filter(orgs::path.eq_any(&above))
            .filter(memberships::user_id.ne(learner.0))
            .select((memberships::user_id, orgs::path))
            .load(conn)?)
    };
    let mut found: Vec<i64> = holders(conn, Role::Facilitator)?
        .into_iter()
        .map(|(u, _)| u)
        .collect();
    if found.is_empty() {
        found = nearest(holders(conn, Role::OrgAdmin)?);
    }
    if found.is_empty() {
        found = programme_admins(conn, learner)?;
    }
    admitted(conn, found, |actor| actor.reviews_work_of(learner, &paths))
}

/// Those at the deepest organisation among `(user, path)`.
fn nearest(rows: Vec<(i64, String)>) -> Vec<i64> {
    let depth = |p: &str| OrgPath::parse(p).map_or(0, |p| p.depth());
    let deepest = rows.iter().map(|(_, p)| depth(p)).max();
    rows.iter()
        .filter(|(_, p)| Some(depth(p)) == deepest)
        .map(|(u, _)| *u)
        .collect()
}

fn programme_admins(conn: &mut DbConn, except: UserId) -> Result<Vec<i64>, DbError> {
    Ok(memberships::table
        .inner_join(users::table.on(users::id.eq(memberships::user_id)))
        .filter(users::deleted_at.is_null())
        .filter(memberships::role.eq(Role::ProgrammeAdmin.as_str()))
        .filter(memberships::user_id.ne(except.0))
        .select(memberships::user_id)
        .load(conn)?)
}

/// Those of `users` the policy admits, asked on their grants as they are.
fn admitted(
    conn: &mut DbConn,
    mut users: Vec<i64>,
    admits: impl Fn(&Actor) -> bool,
) -> Result<Vec<UserId>, DbError> {
    users.sort_unstable();
    users.dedup();
    let mut out = Vec::new();
    for u in users {
        let actor = Actor {
            user_id: UserId(u),
            grants: crate::memberships::grants_of(conn, UserId(u))?,
        };
        if admits(&actor) {
            out.push(UserId(u));
        }
    }
    Ok(out)
}

/// Who is told of `requester`'s outside PD request to the organisation at
/// `org`: its deciders (`policy::pd_request_deciders`), nearest first — the
/// admins of the nearest organisation from the deciding one up that has
/// some, or else the programme admins — with the organisation whose queue
/// lists it for them.
pub fn pd_deciders(
    conn: &mut DbConn,
    org: &OrgPath,
    requester: &Actor,
) -> Result<(Vec<UserId>, Option<OrgId>), DbError> {
    let mut at = match policy::pd_request_deciders(org, requester) {
        Deciders::AdminsOf(at) => Some(at),
        Deciders::ProgrammeAdmins => None,
    };
    while let Some(node) = at {
        let admins: Vec<i64> = memberships::table
            .inner_join(orgs::table)
            .inner_join(users::table.on(users::id.eq(memberships::user_id)))
            .filter(users::deleted_at.is_null())
            .filter(memberships::role.eq(Role::OrgAdmin.as_str()))
            .filter(orgs::path.eq(node.as_str()))
            .filter(memberships::user_id.ne(requester.user_id.0))
            .select(memberships::user_id)
            .load(conn)?;
        let told = admitted(conn, admins, |a| a.decides_pd_request(org, requester))?;
        if !told.is_empty() {
            return Ok((told, node.ids().last().copied()));
        }
        at = node.parent();
    }
    let admins = programme_admins(conn, requester.user_id)?;
    let told = admitted(conn, admins, |a| a.decides_pd_request(org, requester))?;
    let root = org.ids().first().copied();
    Ok((told, root))
}

/// Tells the reviewers of a hand-in's learner that it waits (the worker's
/// `HandInWaiting` job). Anyone already told of it is not told again, so a
/// retry tells nobody twice; a hand-in no longer waiting tells nobody.
pub fn tell_reviewers(
    conn: &mut DbConn,
    hand_in: HandInId,
    base: &str,
    now: Timestamp,
) -> Result<usize, DbError> {
    let Some(s) = crate::practice::submission(conn, hand_in)? else {
        return Ok(0);
    };
    if s.status != lyceum_domain::course::task::SubmissionStatus::Submitted {
        return Ok(0);
    }
    let Some(row) = crate::courses::by_id(conn, s.course_id)? else {
        return Ok(0);
    };
    let Some(content) = crate::courses::load_version(conn, &row, s.version)? else {
        return Ok(0);
    };
    let lesson = content
        .lessons()
        .find(|l| l.key == s.lesson_key)
        .map_or(s.lesson_key.clone(), |l| l.title.clone());
    let subject = format!("{} · {}", content.title, lesson);
    let link = paths::hand_in(hand_in);
    let mut told = 0;
    for user in reviewers_of(conn, s.user_id)? {
        let already: i64 = notifications::table
            .filter(notifications::user_id.eq(user.0))
            .filter(notifications::kind.eq(NotificationKind::HandInWaiting.as_str()))
            .filter(notifications::link.eq(&link))
            .count()
            .get_result(conn)?;
        if already > 0 {
            continue;
        }
        let n = Notice {
            user,
            kind: NotificationKind::HandInWaiting,
            actor: s.user_id,
            subject: &subject,
            link: &link,
            extra_link: None,
        };
        tell(conn, &n, base, now)?;
        told += 1;
    }
    Ok(told)
}
