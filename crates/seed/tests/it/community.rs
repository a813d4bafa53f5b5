//! A small seed with its community: every row agrees with the others as if
//! people had created spaces, started topics, replied, followed and
//! accepted answers one request at a time — and the real code carries on
//! from where the seed left off.

use diesel::prelude::*;
use lyceum_db::schema::{memberships, notifications, orgs, posts, space_follows, spaces, topics};
use lyceum_db::{DbError, community};
use lyceum_domain::community::{Reaction, TopicDraft, TopicKind, search_text};
use lyceum_domain::{SpaceId, Timestamp, TopicId, UserId};
use lyceum_seed::to_db::{self, BenchAccounts, Community, CommunityWritten, Written};
use lyceum_seed::{Params, generate};
use lyceum_testdb::TestDb;
use std::collections::{HashMap, HashSet};

const NOW: Timestamp = Timestamp::from_micros(1_795_638_223_000_000);
const EDUCATORS: usize = 500;

async fn seed(t: &TestDb) -> Written {
    to_db::write_with(
        &t.db,
        generate(Params {
            educators: EDUCATORS,
            seed: 11,
        }),
        Some(BenchAccounts {
            password_hash: "not-used".into(),
        }),
        None,
        Some(Community { seed: 11 }),
        None,
        NOW,
    )
    .await
    .unwrap()
}

type SpaceCols = (i64, i64, String, String, i64, i64);
type TopicCols = (i64, i64, i64, String, String, i64, i64, i64, Option<i64>);
type PostCols = (i64, i64, i64, String, i64, String);

/// A notification: (user, kind, actor, topic, post).
type Told = (i64, String, i64, Option<i64>, Option<i64>);

struct Rows {
    /// id → (path, kind).
    orgs: HashMap<i64, (String, String)>,
    /// user → (org, role).
    memberships: HashMap<i64, Vec<(i64, String)>>,
    spaces: Vec<SpaceCols>,
    topics: Vec<TopicCols>,
    /// By id.
    posts: Vec<PostCols>,
    follows: Vec<(i64, i64, i64)>,
    /// (user, kind, actor, topic, post).
    notifications: Vec<Told>,
}

async fn rows(t: &TestDb) -> Rows {
    t.db.read(|c| {
        let orgs = orgs::table
            .select((orgs::id, orgs::path, orgs::kind))
            .load::<(i64, String, String)>(c)?
            .into_iter()
            .map(|(id, p, k)| (id, (p, k)))
            .collect();
        let mut members: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
        for (u, o, r) in memberships::table
            .select((memberships::user_id, memberships::org_id, memberships::role))
            .load::<(i64, i64, String)>(c)?
        {
            members.entry(u).or_default().push((o, r));
        }
        Ok::<_, DbError>(Rows {
            orgs,
            memberships: members,
            spaces: spaces::table
                .order(spaces::id)
                .select((
                    spaces::id,
                    spaces::org_id,
                    spaces::title,
                    spaces::visibility,
                    spaces::created_by,
                    spaces::topic_count,
                ))
                .load(c)?,
            topics: topics::table
                .order(topics::id)
                .select((
                    topics::id,
                    topics::space_id,
                    topics::author_id,
                    topics::kind,
                    topics::title,
                    topics::reply_count,
                    topics::last_post_at,
                    topics::created_at,
                    topics::accepted_post_id,
                ))
                .load(c)?,
            posts: posts::table
                .order(posts::id)
                .select((
                    posts::id,
                    posts::topic_id,
                    posts::author_id,
                    posts::body,
                    posts::created_at,
                    posts::search_text,
                ))
                .load(c)?,
            follows: space_follows::table
                .select((
                    space_follows::user_id,
                    space_follows::space_id,
                    space_follows::created_at,
                ))
                .load(c)?,
            notifications: notifications::table
                .select((
                    notifications::user_id,
                    notifications::kind,
                    notifications::actor_id,
                    notifications::topic_id,
                    notifications::post_id,
                ))
                .load(c)?,
        })
    })
    .await
    .unwrap()
}

impl Rows {
    /// Is `user` in the audience of a space at `org` (belongs at or below it)?
    fn in_audience(&self, user: i64, org: i64) -> bool {
        let path = &self.orgs[&org].0;
        self.memberships
            .get(&user)
            .is_some_and(|m| m.iter().any(|(o, _)| self.orgs[o].0.starts_with(path)))
    }

    /// May `user` create a space at `org`: an admin of it or above, or of the programme?
    fn administers(&self, user: i64, org: i64) -> bool {
        let path = &self.orgs[&org].0;
        self.memberships.get(&user).is_some_and(|m| {
            m.iter().any(|(o, role)| {
                role == "programme_admin"
                    || (role == "org_admin" && path.starts_with(&self.orgs[o].0))
            })
        })
    }
}

/// Checks every invariant of the community over the rows.
fn check(r: &Rows) {
    let spaces: HashMap<i64, &SpaceCols> = r.spaces.iter().map(|s| (s.0, s)).collect();
    let mut per_space: HashMap<i64, i64> = HashMap::new();
    for t in &r.topics {
        *per_space.entry(t.1).or_default() += 1;
    }
    for (id, org, _, visibility, by, count) in &r.spaces {
        assert_eq!(
            *count,
            per_space.get(id).copied().unwrap_or(0),
            "space {id}"
        );
        assert!(visibility == "open" || visibility == "members");
        assert!(r.administers(*by, *org), "space {id} made by {by}");
    }
    let mut by_topic: HashMap<i64, Vec<&PostCols>> = HashMap::new();
    for p in &r.posts {
        by_topic.entry(p.1).or_default().push(p);
    }
    // Ids follow time.
    assert!(r.posts.windows(2).all(|w| w[0].4 <= w[1].4));
    let posts: HashMap<i64, &PostCols> = r.posts.iter().map(|p| (p.0, p)).collect();
    let mut accepted = 0;
    for (id, space, author, kind, title, replies, last, created, answer) in &r.topics {
        let ps = &by_topic[id];
        let first = ps[0];
        assert_eq!(first.2, *author, "the first post is the topic's author's");
        assert_eq!(first.4, *created);
        assert_eq!(first.5, search_text(Some(title), &first.3));
        assert_eq!(*replies, ps.len() as i64 - 1, "topic {id}");
        assert_eq!(*last, ps.iter().map(|p| p.4).max().unwrap());
        assert!(
            *last <= NOW.micros() + 1,
            "in the past (or the test's own posts)"
        );
        assert!(ps.windows(2).all(|w| w[0].4 < w[1].4));
        let org = spaces[space].1;
        for p in ps {
            assert!(r.in_audience(p.2, org), "post {} by {}", p.0, p.2);
            if p.0 != first.0 {
                assert_eq!(p.5, search_text(None, &p.3));
            }
        }
        assert!(kind == "question" || kind == "discussion");
        if let Some(a) = answer {
            accepted += 1;
            assert_eq!(kind, "question");
            let post = posts[a];
            assert_eq!(post.1, *id);
            assert_ne!(post.0, first.0);
            assert_ne!(post.2, *author);
            assert!(r.notifications.contains(&(
                post.2,
                "accepted".into(),
                *author,
                Some(*id),
                Some(*a)
            )));
        }
    }
    assert!(accepted > 0);
    let told = r.notifications.iter().filter(|n| n.1 == "accepted").count();
    assert_eq!(told, accepted);
    // Everyone follows spaces they may read.
    let mut seen = HashSet::new();
    for (user, space, _) in &r.follows {
        assert!(seen.insert((*user, *space)));
        assert!(r.in_audience(*user, spaces[space].1));
    }
}

#[tokio::test]
async fn a_small_seed_talks_consistently() {
    let t = TestDb::new();
    let written = seed(&t).await;
    let w: CommunityWritten = written.community.clone().unwrap();
    let r = rows(&t).await;
    check(&r);

    let (n_spaces, n_topics, n_replies) = lyceum_seed::community::sizes(EDUCATORS);
    assert_eq!(r.spaces.len(), n_spaces);
    assert_eq!((w.spaces, w.topics), (r.spaces.len(), r.topics.len()));
    assert!(
        r.topics.len() * 10 > n_topics * 8 && r.topics.len() * 10 < n_topics * 15,
        "{} topics",
        r.topics.len()
    );
    assert_eq!(w.replies, r.posts.len() - r.topics.len());
    assert!(
        w.replies * 10 > n_replies * 8 && w.replies * 10 < n_replies * 12,
        "{} replies",
        w.replies
    );
    assert!(r.spaces.iter().any(|s| s.3 == "members"));
    assert!(r.spaces.iter().any(|s| s.3 == "open"));
    assert_eq!(w.follows, r.follows.len());

    // The summary: the busiest space is programme-wide and open (every
    // benchmark account reads it); the long topic is in it.
    let root = r.orgs.iter().find(|(_, o)| o.1 == "programme").unwrap().0;
    let busiest = r.spaces.iter().find(|s| s.0 == w.busiest_space.0).unwrap();
    assert_eq!((busiest.1, busiest.3.as_str()), (*root, "open"));
    assert_eq!(busiest.5, w.busiest_space.1 as i64);
    assert_eq!(
        busiest.5,
        r.spaces.iter().map(|s| s.5).max().unwrap(),
        "the busiest"
    );
    let long = r.topics.iter().find(|t| t.0 == w.long_topic.0).unwrap();
    assert_eq!((long.1, long.5), (busiest.0, w.long_topic.1 as i64));
    assert!(long.5 >= 20);
    let educator = written
        .bench_users
        .iter()
        .find(|(l, _)| *l == "educator")
        .unwrap()
        .1;
    assert!(r.in_audience(educator, *root));
    assert!(
        r.follows
            .iter()
            .any(|f| (f.0, f.1) == (educator, busiest.0))
    );

    // Each post counts its reactions as the app does when they are given.
    let (counted, reacted) =
        t.db.read(|c| {
            use lyceum_db::schema::reactions;
            let counted: HashMap<i64, [i64; 3]> = posts::table
                .select((
                    posts::id,
                    posts::helpful_count,
                    posts::thanks_count,
                    posts::insightful_count,
                ))
                .load::<(i64, i64, i64, i64)>(c)?
                .into_iter()
                .filter(|p| p.1 + p.2 + p.3 > 0)
                .map(|(id, a, b, c)| (id, [a, b, c]))
                .collect();
            let mut reacted: HashMap<i64, [i64; 3]> = HashMap::new();
            for (post, kind) in reactions::table
                .select((reactions::post_id, reactions::kind))
                .load::<(i64, String)>(c)?
            {
                let k = Reaction::parse(&kind).unwrap() as usize;
                reacted.entry(post).or_default()[k] += 1;
            }
            Ok::<_, DbError>((counted, reacted))
        })
        .await
        .unwrap();
    assert!(!reacted.is_empty());
    assert!(
        counted == reacted,
        "posts whose counts differ from their reactions"
    );

    // Search finds exactly the posts with the words, on this backend.
    let posts = r.topics.len() + w.replies;
    assert!(w.rare.1 > 0 && w.rare.1 * 100 <= posts, "{:?}", w.rare);
    assert!(w.common.1 * 2 > posts, "{:?} of {posts}", w.common);
    for (word, count) in [w.rare, w.common] {
        let words = vec![word.to_string()];
        let found =
            t.db.read(move |c| {
                community::search(
                    c,
                    &words,
                    &|_| true,
                    &community::SearchFilters::default(),
                    100_000,
                )
            })
            .await
            .unwrap();
        assert_eq!(
            found.len(),
            count.min(community::SEARCH_CANDIDATES),
            "{word}"
        );
        let has = |text: &str| text.split(' ').any(|x| x.starts_with(word));
        let expected = r.posts.iter().filter(|p| has(&p.5)).count();
        assert_eq!(expected, count, "{word}");
    }

    // The real code carries on: a reply and a new topic, by the bench educator.
    let (topic, space) = (TopicId(w.reply_topic.0), SpaceId(busiest.0));
    let me = UserId(educator);
    let later = Timestamp::from_micros(NOW.micros() + 1);
    let reply = t
        .db
        .write(move |c| community::reply(c, topic, me, "Thanks, **students** loved it.", later))
        .await
        .unwrap();
    assert!(reply.0 > r.posts.last().unwrap().0);
    let started =
        t.db.write(move |c| {
            community::create_topic(
                c,
                space,
                me,
                &TopicDraft {
                    title: "A new question".into(),
                    kind: TopicKind::Question,
                    body: "How do your students use AI?".into(),
                    tags: Vec::new(),
                },
                later,
            )
        })
        .await
        .unwrap();
    assert!(started.0 > r.topics.last().unwrap().0);
    let after = rows(&t).await;
    check(&after);
    let t2 = after.topics.iter().find(|x| x.0 == topic.0).unwrap();
    let t1 = r.topics.iter().find(|x| x.0 == topic.0).unwrap();
    assert_eq!((t2.5, t2.6), (t1.5 + 1, later.micros()));
}

#[tokio::test]
async fn the_same_seed_gives_the_same_community() {
    let (a, b) = (TestDb::new(), TestDb::new());
    seed(&a).await;
    seed(&b).await;
    let (a, b) = (rows(&a).await, rows(&b).await);
    assert!(a.spaces == b.spaces);
    assert!(a.topics == b.topics);
    assert!(a.posts == b.posts);
}
