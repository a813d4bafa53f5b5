//! Spaces, topics and replies, written into the programme's transaction in
//! bulk, as the rows `community::create_space`, `create_topic`, `reply`,
//! `follow` and `accept` would have written one at a time:
//!
//! - a space's `topic_count` is its number of topics;
//! - every topic has its first post (the topic's author, at its
//!   `created_at`), then its replies; `reply_count` is the replies, and
//!   `last_post_at` the newest post's time;
//! - post ids follow time (the app writes them as they happen): a topic's
//!   first post has its smallest id, and search's "newest first" is by id;
//! - `posts.search_text` is `community::search_text` of the topic's title
//!   and body for a first post, of the body alone for a reply (SQLite's
//!   FTS5 triggers index them as they are inserted; PostgreSQL's GIN index
//!   as rows arrive), and `search_words` has each of its words;
//! - every author is in the space's audience (belongs at or below its
//!   organisation); a space is made by an admin of its organisation or of
//!   the programme;
//! - an accepted answer is a reply in the question, by someone other than
//!   its author, who is told (an `accepted` notification);
//! - about a third of posts have reactions (one to a handful, more on busy
//!   topics), each by someone else in the same conversation, so always by
//!   someone in the space's audience, at most one of each kind per person;
//! - a topic in a space about a subject or a grade band is tagged with it,
//!   as the new-topic form would have.
//!
//! Left out: reply and mention notifications (one per reply: two million
//! rows nobody reads), edits, deletions, flags and moderation.

use super::Written;
use crate::Programme;
use crate::community::{self, COMMON, RARE};
use crate::rng::Rng;
use diesel::prelude::*;
use lyceum_db::schema::{
    notifications, posts, reactions, search_words, space_follows, spaces, topic_tags, topics,
};
use lyceum_db::{DbConn, DbError};
use lyceum_domain::Timestamp;
use lyceum_domain::community::{
    NotificationKind, Reaction, TopicKind, Visibility, search_text, tag,
};
use std::collections::HashSet;

/// What to seed: spaces, topics and replies, sized by the programme.
#[derive(Debug, Clone, Copy)]
pub struct Community {
    pub seed: u64,
}

/// What was written, for the summary.
#[derive(Debug, Clone, Default)]
pub struct CommunityWritten {
    pub spaces: usize,
    pub topics: usize,
    pub replies: usize,
    pub follows: usize,
    pub accepted: usize,
    pub notifications: usize,
    pub reactions: usize,
    pub tags: usize,
    /// Seconds spent on the community.
    pub seconds: f64,
    /// The busiest space (programme-wide, open: every benchmark account
    /// reads it): (id, topics).
    pub busiest_space: (i64, usize),
    /// The topic with the most replies, in that space: (id, replies).
    pub long_topic: (i64, usize),
    /// A topic in that space with a few dozen replies: (id, replies).
    pub reply_topic: (i64, usize),
    /// A rare word and how many posts have a word starting with it.
    pub rare: (&'static str, usize),
    /// A common word and how many posts have a word starting with it.
    pub common: (&'static str, usize),
}

#[derive(Insertable)]
#[diesel(table_name = spaces, treat_none_as_default_value = false)]
struct SpaceRow<'a> {
    id: i64,
    org_id: i64,
    title: &'a str,
    description: &'a str,
    visibility: &'a str,
    created_by: i64,
    topic_count: i64,
    created_at: i64,
}

#[derive(Insertable)]
#[diesel(table_name = topics, treat_none_as_default_value = false)]
struct TopicRow<'a> {
    id: i64,
    space_id: i64,
    author_id: i64,
    kind: &'a str,
    title: &'a str,
    reply_count: i64,
    last_post_at: i64,
    created_at: i64,
}

#[derive(Insertable)]
#[diesel(table_name = posts, treat_none_as_default_value = false)]
struct PostRow {
    id: i64,
    topic_id: i64,
    author_id: i64,
    body: String,
    created_at: i64,
    search_text: String,
    helpful_count: i64,
    thanks_count: i64,
    insightful_count: i64,
}

#[derive(Insertable)]
#[diesel(table_name = reactions, treat_none_as_default_value = false)]
struct ReactionRow {
    post_id: i64,
    user_id: i64,
    kind: &'static str,
    created_at: i64,
}

#[derive(Insertable)]
#[diesel(table_name = search_words, treat_none_as_default_value = false)]
struct WordRow {
    word: String,
}

#[derive(Insertable)]
#[diesel(table_name = topic_tags, treat_none_as_default_value = false)]
struct TagRow {
    topic_id: i64,
    tag: String,
}

#[derive(Insertable)]
#[diesel(table_name = space_follows, treat_none_as_default_value = false)]
struct FollowRow {
    user_id: i64,
    space_id: i64,
    created_at: i64,
}

#[derive(Insertable)]
#[diesel(table_name = notifications, treat_none_as_default_value = false)]
struct NotificationRow {
    user_id: i64,
    kind: &'static str,
    actor_id: i64,
    topic_id: i64,
    post_id: Option<i64>,
    created_at: i64,
    read_at: Option<i64>,
}

/// Posts held before they are loaded.
const FLUSH_AT: usize = 50_000;

/// The reactions to post `k` of a topic, from other people in the
/// conversation: `give(person, kind, microseconds after the post)`.
fn reactions(
    rng: &mut Rng,
    topic: &community::TopicPlan,
    k: usize,
    give: &mut impl FnMut(u32, Reaction, i64),
) {
    let author = topic.posts[k].0;
    let others = topic.posts.len() - 1;
    if others == 0 || !rng.chance(0.35) {
        return;
    }
    // One to a handful; busy conversations react more.
    let wanted = 1 + (rng.unit().powf(3.0) * (others.min(40) as f64)) as usize;
    let mut given: Vec<(u32, Reaction)> = Vec::with_capacity(wanted);
    for _ in 0..wanted * 2 {
        if given.len() >= wanted {
            break;
        }
        let person = topic.posts[rng.below(topic.posts.len())].0;
        let kind = Reaction::ALL[rng.below(Reaction::ALL.len())];
        if person != author && !given.contains(&(person, kind)) {
            given.push((person, kind));
            give(person, kind, (1 + rng.below(48)) as i64 * 3_600_000_000);
        }
    }
}

/// Does `text` (folded words, space-separated) have a word starting with `word`?
fn has(text: &str, word: &str) -> bool {
    text.split(' ').any(|w| w.starts_with(word))
}

pub(super) fn write_in(
    c: &mut DbConn,
    p: &Programme,
    written: &Written,
    opts: &Community,
    now: Timestamp,
) -> Result<Option<CommunityWritten>, DbError> {
    let started = std::time::Instant::now();
    let now = now.micros();
    let since = now - super::PROGRAMME_AGE.as_micros() as i64;
    let Some(plan) = community::plan(p, opts.seed, since, now) else {
        return Ok(None);
    };
    let org_base = lyceum_db::orgs::root(c)?
        .map(|r| r.id)
        .ok_or(DbError::NotFound)?;
    let user = |person: u32| written.first_user + i64::from(person);
    let (space_base, topic_base, post_base) = (
        super::next_id(c, "spaces")?,
        super::next_id(c, "topics")?,
        super::next_id(c, "posts")?,
    );
    let cache = match c {
        DbConn::Sqlite(s) => {
            let before: super::learning::CacheSize =
                diesel::sql_query("PRAGMA cache_size").get_result(s)?;
            diesel::sql_query("PRAGMA cache_size = -262144").execute(s)?;
            Some(before.cache_size)
        }
        DbConn::Pg(_) => None,
    };
    let unchecked = super::learning::skip_foreign_key_checks(c)?;

    // Spaces.
    let mut per_space = vec![0i64; plan.spaces.len()];
    for t in &plan.topics {
        per_space[t.space as usize] += 1;
    }
    let rows: Vec<SpaceRow> = plan
        .spaces
        .iter()
        .enumerate()
        .map(|(i, s)| SpaceRow {
            id: space_base + i as i64,
            org_id: org_base + s.org as i64,
            title: &s.title,
            description: &s.description,
            visibility: if s.open {
                Visibility::Open.as_str()
            } else {
                Visibility::Members.as_str()
            },
            created_by: user(s.creator as u32),
            topic_count: per_space[i],
            created_at: s.created_at,
        })
        .collect();
    load!(c, spaces::table, &rows, 8);
    drop(rows);

    // Topics, their ids in the order they were started.
    let mut order: Vec<u32> = (0..plan.topics.len() as u32).collect();
    order.sort_by_key(|t| (plan.topics[*t as usize].created_at(), *t));
    let mut topic_id = vec![0i64; plan.topics.len()];
    for (rank, t) in order.iter().enumerate() {
        topic_id[*t as usize] = topic_base + rank as i64;
    }
    let mut rows: Vec<TopicRow> = Vec::with_capacity(plan.topics.len());
    for t in &order {
        let topic = &plan.topics[*t as usize];
        rows.push(TopicRow {
            id: topic_id[*t as usize],
            space_id: space_base + i64::from(topic.space),
            author_id: user(topic.author()),
            kind: if topic.question {
                TopicKind::Question.as_str()
            } else {
                TopicKind::Discussion.as_str()
            },
            title: &topic.title,
            reply_count: topic.replies() as i64,
            last_post_at: topic.last_post_at(),
            created_at: topic.created_at(),
        });
    }
    for chunk in rows.chunks(FLUSH_AT) {
        load!(c, topics::table, chunk, 8);
    }
    drop(rows);
    let tags: Vec<TagRow> = plan
        .topics
        .iter()
        .enumerate()
        .flat_map(|(t, topic)| {
            let space = &plan.spaces[topic.space as usize];
            let subject = space.subject.map(|s| tag("subject", s.as_str()));
            let band = space.band.map(|b| tag("grade-band", b.as_str()));
            let id = topic_id[t];
            subject
                .into_iter()
                .chain(band)
                .map(move |tag| TagRow { topic_id: id, tag })
        })
        .collect();
    for chunk in tags.chunks(FLUSH_AT) {
        load!(c, topic_tags::table, chunk, 2);
    }
    let tag_count = tags.len();
    drop(tags);

    // SQLite's FTS5 index takes each post as the trigger inserts it, and is
    // left as years of posting would leave it: segments growing in size
    // level by level, each level merged whole once it holds four. Merged
    // into one segment instead ('optimize'), the index sits on a low level
    // that new posts' segments soon reach, and the writes after the seed
    // merge all of it again: slowly, or at once in a 7 s stall in which the
    // first replies of a benchmark timed out.
    if let DbConn::Sqlite(s) = &mut *c {
        diesel::sql_query("INSERT INTO posts_fts (posts_fts, rank) VALUES ('automerge', 0)")
            .execute(s)?;
        diesel::sql_query("INSERT INTO posts_fts (posts_fts, rank) VALUES ('crisismerge', 4)")
            .execute(s)?;
    }

    // Posts, their ids in the order they were written.
    let mut all: Vec<(i64, u32, u32)> = plan
        .topics
        .iter()
        .enumerate()
        .flat_map(|(t, topic)| {
            topic
                .posts
                .iter()
                .enumerate()
                .map(move |(k, (_, at))| (*at, t as u32, k as u32))
        })
        .collect();
    all.sort_unstable();
    let mut w = CommunityWritten {
        spaces: plan.spaces.len(),
        topics: plan.topics.len(),
        replies: all.len() - plan.topics.len(),
        rare: (RARE[0], 0),
        common: (COMMON, 0),
        tags: tag_count,
        ..CommunityWritten::default()
    };
    // Bodies are written on a thread of their own while this one loads
    // the batch before. (topic id, post id, when, reply's author,
    // question's author) of each accepted answer.
    let mut accepted: Vec<(i64, i64, i64, i64, i64)> = Vec::new();
    let mut reacted: Vec<ReactionRow> = Vec::new();
    let mut vocabulary: HashSet<String> = HashSet::new();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<PostRow>>(2);
    let (rare, common) = (w.rare.0, w.common.0);
    let (plan_ref, topic_id_ref, all_ref, accepted_ref, reacted_ref, vocabulary_ref) = (
        &plan,
        &topic_id,
        &all,
        &mut accepted,
        &mut reacted,
        &mut vocabulary,
    );
    let counted = std::thread::scope(|scope| -> Result<(usize, usize), DbError> {
        let writer = scope.spawn(move || {
            let (mut rare_n, mut common_n) = (0, 0);
            let mut batch: Vec<PostRow> = Vec::with_capacity(FLUSH_AT);
            for (rank, (at, t, k)) in all_ref.iter().enumerate() {
                let topic = &plan_ref.topics[*t as usize];
                let space = &plan_ref.spaces[topic.space as usize];
                let id = post_base + rank as i64;
                let mut rng = Rng::new(
                    opts.seed
                        ^ (u64::from(*t) << 24 | u64::from(*k)).wrapping_mul(0xD6E8_FEB8_6659_FD93),
                );
                let body = community::body(&mut rng, space, *k == 0);
                let text = search_text((*k == 0).then_some(topic.title.as_str()), &body);
                for word in text.split(' ').filter(|w| !w.is_empty()) {
                    if !vocabulary_ref.contains(word) {
                        vocabulary_ref.insert(word.to_string());
                    }
                }
                rare_n += usize::from(has(&text, rare));
                common_n += usize::from(has(&text, common));
                let author = topic.posts[*k as usize].0;
                if let Some((answer, when)) = topic.accepted
                    && answer == *k
                {
                    accepted_ref.push((
                        topic_id_ref[*t as usize],
                        id,
                        when,
                        user(author),
                        user(topic.author()),
                    ));
                }
                let mut counts = [0; 3];
                reactions(&mut rng, topic, *k as usize, &mut |person, kind, after| {
                    counts[kind as usize] += 1;
                    reacted_ref.push(ReactionRow {
                        post_id: id,
                        user_id: user(person),
                        kind: kind.as_str(),
                        created_at: (*at + after).min(now - 1),
                    });
                });
                batch.push(PostRow {
                    id,
                    topic_id: topic_id_ref[*t as usize],
                    author_id: user(author),
                    body,
                    created_at: *at,
                    search_text: text,
                    helpful_count: counts[Reaction::Helpful as usize],
                    thanks_count: counts[Reaction::Thanks as usize],
                    insightful_count: counts[Reaction::Insightful as usize],
                });
                if batch.len() >= FLUSH_AT {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(FLUSH_AT));
                    if tx.send(full).is_err() {
                        // The loader stopped (an error): so do we.
                        return (rare_n, common_n);
                    }
                }
            }
            let _ = tx.send(batch);
            (rare_n, common_n)
        });
        // By value: an error drops the receiver, and the writer stops.
        for batch in rx {
            load!(c, posts::table, &batch, 9);
        }
        writer
            .join()
            .map_err(|_| DbError::task("writing posts failed"))
    })?;
    w.rare.1 = counted.0;
    w.common.1 = counted.1;
    drop(all);
    if let DbConn::Sqlite(s) = &mut *c {
        // FTS5's defaults again.
        diesel::sql_query("INSERT INTO posts_fts (posts_fts, rank) VALUES ('automerge', 4)")
            .execute(s)?;
        diesel::sql_query("INSERT INTO posts_fts (posts_fts, rank) VALUES ('crisismerge', 16)")
            .execute(s)?;
    }

    let words: Vec<WordRow> = vocabulary
        .into_iter()
        .map(|word| WordRow { word })
        .collect();
    for chunk in words.chunks(FLUSH_AT) {
        load!(c, search_words::table, chunk, 1);
    }
    drop(words);
    for chunk in reacted.chunks(FLUSH_AT) {
        load!(c, reactions::table, chunk, 4);
    }
    w.reactions = reacted.len();
    drop(reacted);

    // Accepted answers, and their authors told.
    match c {
        DbConn::Sqlite(s) => {
            for (topic, post, ..) in &accepted {
                diesel::update(topics::table.find(topic))
                    .set(topics::accepted_post_id.eq(post))
                    .execute(s)?;
            }
        }
        DbConn::Pg(pg) => {
            use diesel::sql_types::{Array, BigInt};
            let (ts, ps): (Vec<i64>, Vec<i64>) = accepted.iter().map(|a| (a.0, a.1)).unzip();
            diesel::sql_query(
                "UPDATE topics SET accepted_post_id = a.post \
                 FROM unnest($1, $2) AS a(topic, post) WHERE topics.id = a.topic",
            )
            .bind::<Array<BigInt>, _>(ts)
            .bind::<Array<BigInt>, _>(ps)
            .execute(pg)?;
        }
    }
    w.accepted = accepted.len();
    let told: Vec<NotificationRow> = accepted
        .iter()
        .filter(|a| a.3 != a.4)
        .map(|(topic, post, when, to, by)| NotificationRow {
            user_id: *to,
            kind: NotificationKind::Accepted.as_str(),
            actor_id: *by,
            topic_id: *topic,
            post_id: Some(*post),
            created_at: *when,
            read_at: Some(*when + 2 * 24 * 3_600_000_000).filter(|r| *r < now),
        })
        .collect();
    load!(c, notifications::table, &told, 7);
    w.notifications = told.len();

    // Follows; the benchmark educator follows the busiest space.
    let mut follows: Vec<FollowRow> = plan
        .follows
        .iter()
        .map(|(person, space, at)| FollowRow {
            user_id: user(*person),
            space_id: space_base + i64::from(*space),
            created_at: *at,
        })
        .collect();
    if let Some((_, id)) = written.bench_users.iter().find(|(l, _)| *l == "educator") {
        follows.push(FollowRow {
            user_id: *id,
            space_id: space_base + i64::from(plan.busiest_space),
            created_at: now - 3_600_000_000,
        });
    }
    for chunk in follows.chunks(FLUSH_AT) {
        load!(c, space_follows::table, chunk, 3);
    }
    w.follows = follows.len();

    if let DbConn::Pg(pg) = &mut *c {
        if unchecked {
            diesel::sql_query("SET LOCAL session_replication_role = DEFAULT").execute(pg)?;
        }
        for table in ["spaces", "topics", "posts"] {
            diesel::sql_query(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), 1))"
            ))
            .execute(pg)?;
        }
    }
    if let (DbConn::Sqlite(s), Some(before)) = (c, cache) {
        diesel::sql_query(format!("PRAGMA cache_size = {before}")).execute(s)?;
    }
    let topic = |t: u32| (topic_id[t as usize], plan.topics[t as usize].replies());
    w.busiest_space = (
        space_base + i64::from(plan.busiest_space),
        per_space[plan.busiest_space as usize] as usize,
    );
    w.long_topic = topic(plan.long_topic);
    w.reply_topic = topic(plan.reply_topic);
    w.seconds = started.elapsed().as_secs_f64();
    Ok(Some(w))
}
