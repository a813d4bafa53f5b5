//! Community spaces: created by org admins for their subtree; read by
//! whom their visibility allows — a members-only space never leaks, not
//! even its existence; topics and replies in Markdown with every script
//! inert; long topics paged by keyset; locked topics refuse replies; one's
//! own posts edited (history kept) and deleted, nobody else's.

use lyceum_db::community;
use lyceum_domain::{OrgId, Timestamp};
use lyceum_testkit::{Browser, PASSWORD, Seed, TestApp};

/// A space for the seed's district, made by its admin (signed in as
/// `dadmin`); its path.
async fn district_space(dadmin: &Browser, s: &Seed, title: &str, visibility: &str) -> String {
    dadmin
        .post(
            &format!("/orgs/{}/admin/spaces", s.district.0),
            &[("title", title), ("visibility", visibility)],
        )
        .await
        .path
}

#[tokio::test]
async fn spaces_topics_replies_visibility_and_inert_scripts() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let admin_spaces = format!("/orgs/{}/admin/spaces", s.district.0);
    let bad = dadmin
        .post(&admin_spaces, &[("title", " "), ("visibility", "secret")])
        .await;
    assert_eq!(bad.status, 422);
    bad.expect("href=\"#f-title\"")
        .expect("href=\"#f-visibility\"");
    let created = dadmin
        .post(
            &admin_spaces,
            &[
                ("title", "Columbus science teachers"),
                ("description", "Labs, AI and what works."),
                ("visibility", "members"),
            ],
        )
        .await;
    created.expect("Space created.");
    let space = created.path.clone();

    // In the audience: the educator of a school in the district.
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    educator
        .get("/spaces")
        .await
        .expect("Columbus science teachers")
        .expect("You follow no space yet.");
    educator
        .post(&format!("{space}/follow"), &[("follow", "yes")])
        .await
        .expect("You follow the space.")
        .expect("Stop following Columbus science teachers");

    // Scripts in the title and body are inert.
    let started = educator
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "<script>alert('t')</script> Lab reports?"),
                ("kind", "question"),
                (
                    "body",
                    "Try **this**: <img src=x onerror=alert(1)> [link](javascript:alert(2)) <script>alert(3)</script>",
                ),
            ],
        )
        .await;
    started
        .expect("Topic started.")
        .expect("<strong>this</strong>");
    for bad in ["<script>alert", "onerror", "javascript:"] {
        assert!(
            !started.body.contains(bad),
            "{bad} survived:\n{}",
            started.body
        );
    }
    started.expect("&#60;script&#62;alert(&#39;t&#39;)&#60;/script&#62; Lab reports?");
    let topic = started.path.clone();
    let topic_id = lyceum_domain::TopicId(topic.trim_start_matches("/topics/").parse().unwrap());

    // Outside the audience: nothing of a members-only space, anywhere.
    let outsider = app.browser();
    outsider.sign_in(s.email("ladmin"), PASSWORD).await;
    let list = outsider.get("/spaces").await;
    assert!(!list.contains("Columbus science teachers"));
    assert!(!list.contains("Lab reports"));
    for path in [space.clone(), topic.clone()] {
        assert_eq!(outsider.get(&path).await.status, 404, "{path}");
    }
    assert_eq!(
        outsider
            .post(&format!("{topic}/replies"), &[("body", "hi")])
            .await
            .status,
        404
    );
    assert_eq!(
        outsider
            .post(
                &format!("{space}/topics"),
                &[("title", "x"), ("kind", "discussion"), ("body", "x")]
            )
            .await
            .status,
        404
    );

    // Quoting a post starts the reply with it.
    let quoting = educator.get(&format!("{topic}?quote=abc")).await;
    assert_eq!(quoting.status, 400);

    // Replies: too long refused; a long topic is paged by keyset.
    let long = "x".repeat(20_001);
    let r = educator
        .post(&format!("{topic}/replies"), &[("body", &long)])
        .await;
    assert_eq!(r.status, 422);
    r.expect("This is too long.");
    let facilitator = s.user("facilitator");
    app.db
        .write(move |c| {
            for n in 1..=25 {
                community::reply(
                    c,
                    topic_id,
                    facilitator,
                    &format!("Reply number {n}."),
                    // Ten minutes apart: within the hourly posting limit.
                    Timestamp::from_micros(1_800_000_000_000_000 + n * 600_000_000),
                )?;
            }
            Ok(())
        })
        .await
        .unwrap();
    let first = educator.get(&topic).await;
    first.expect("Reply number 19.").expect("Later replies");
    assert!(!first.contains("Reply number 20."));
    let next = first
        .body
        .split("href=\"/topics/")
        .find_map(|rest| rest.split('"').next().filter(|h| h.contains("?after=")))
        .map(|h| format!("/topics/{}", h.replace("&#61;", "=").replace("&amp;", "&")))
        .expect("a link to later replies");
    let second = educator.get(&next).await;
    second.expect("Reply number 20.").expect("Reply number 25.");
    assert!(!second.contains("Reply number 19."));
    assert_eq!(educator.get(&format!("{topic}?after=x")).await.status, 400);

    // Locking needs a reason, told to the author; without one, nothing is
    // locked and what was typed is kept.
    let long = "x".repeat(501);
    let unsaid = dadmin
        .post(
            &format!("{topic}/moderate"),
            &[("action", "lock"), ("why", " ")],
        )
        .await;
    assert_eq!(unsaid.status, 422);
    unsaid.expect("Say why.").expect("Lock this topic");
    dadmin
        .post(
            &format!("{topic}/moderate"),
            &[("action", "lock"), ("why", &long)],
        )
        .await
        .expect("This is too long. Use at most 500 characters.")
        .expect(&format!(">{long}</textarea>"));
    // Locked by the district's admin (a moderator there): replies refused.
    dadmin
        .post(
            &format!("{topic}/moderate"),
            &[("action", "lock"), ("why", "Answered; start a new topic")],
        )
        .await
        .expect("Done, and recorded.");
    let refused = educator
        .post(&format!("{topic}/replies"), &[("body", "One more?")])
        .await;
    assert_eq!(refused.status, 422);
    refused.expect("This topic is locked: it takes no more replies.");
    // Educators do not lock.
    assert_eq!(
        educator
            .post(&format!("{topic}/moderate"), &[("action", "unlock")])
            .await
            .status,
        403
    );

    // Own posts: edited with history, deleted; nobody else's.
    let own = app
        .db
        .read(move |c| community::posts(c, topic_id, None, 1))
        .await
        .unwrap()[0]
        .post
        .id;
    // Not while the topic is locked: an edit is a write like a reply.
    let refused = educator
        .post(
            &format!("/posts/{own}/edit"),
            &[("body", "Edited: *drafts* first.")],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .expect("This topic is locked")
        .expect("Edited: *drafts* first.");
    dadmin
        .post(&format!("{topic}/moderate"), &[("action", "unlock")])
        .await
        .expect("Done, and recorded.");
    educator
        .post(
            &format!("/posts/{own}/edit"),
            &[("body", "Edited: *drafts* first.")],
        )
        .await
        .expect("Post saved.")
        .expect("<em>drafts</em>")
        .expect("edited");
    assert_eq!(
        app.db
            .read(move |c| community::revisions(c, own))
            .await
            .unwrap(),
        1
    );
    let facilitator_b = app.browser();
    facilitator_b
        .sign_in(s.email("facilitator"), PASSWORD)
        .await;
    assert_eq!(
        facilitator_b
            .post(&format!("/posts/{own}/edit"), &[("body", "hijack")])
            .await
            .status,
        404
    );
    // Deleting asks first, showing the post; nobody else is asked.
    educator
        .get(&topic)
        .await
        .expect(&format!("href=\"/posts/{own}/delete\""));
    educator
        .get(&format!("/posts/{own}/delete"))
        .await
        .expect("Delete your post?")
        .expect(&format!("action=\"/posts/{own}/delete\""))
        .expect("Yes, delete it");
    assert_eq!(
        facilitator_b
            .get(&format!("/posts/{own}/delete"))
            .await
            .status,
        404
    );
    educator
        .post(&format!("/posts/{own}/delete"), &[])
        .await
        .expect("Deleted by its author.");
}

#[tokio::test]
async fn an_open_space_is_read_by_everyone_and_posted_in_by_its_audience() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let space = district_space(&dadmin, &s, "Open district space", "open").await;
    let outsider = app.browser();
    outsider.sign_in(s.email("ladmin"), PASSWORD).await;
    let page = outsider.get(&space).await;
    page.expect("Open district space");
    assert!(!page.contains("Start the topic"), "only its audience posts");
    assert_eq!(
        outsider
            .post(
                &format!("{space}/topics"),
                &[("title", "x"), ("kind", "discussion"), ("body", "x")]
            )
            .await
            .status,
        403
    );
    // Signed out: nothing.
    assert!(app.browser().get(&space).await.path.starts_with("/sign-in"));
}

#[tokio::test]
async fn a_question_is_answered_with_a_mention_and_accepted_and_people_are_told() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let space = district_space(&dadmin, &s, "Grade 7 science", "members").await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let topic = educator
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "How do you assess lab reports now?"),
                ("kind", "question"),
                ("body", "Students paste AI text. Ideas?"),
            ],
        )
        .await
        .path;
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    facilitator
        .post(
            &format!("{topic}/replies"),
            &[("body", "Grade the lab notebook, not the report.")],
        )
        .await
        .expect("Reply posted.");
    dadmin
        .post(
            &format!("{topic}/replies"),
            &[("body", "@test facilitator is right.")],
        )
        .await;

    let posts = {
        let topic_id =
            lyceum_domain::TopicId(topic.trim_start_matches("/topics/").parse().unwrap());
        app.db
            .read(move |c| community::posts(c, topic_id, None, 10))
            .await
            .unwrap()
    };
    let (question, answer) = (posts[0].post.id, posts[1].post.id);
    // Only the question's author accepts, and only a reply.
    assert_eq!(
        facilitator
            .post(&format!("{topic}/accept"), &[("post", &answer.to_string())])
            .await
            .status,
        403
    );
    assert_eq!(
        educator
            .post(
                &format!("{topic}/accept"),
                &[("post", &question.to_string())]
            )
            .await
            .status,
        403
    );
    educator
        .get(&topic)
        .await
        .expect("Accept Test facilitator&#39;s reply as the answer");
    educator
        .post(&format!("{topic}/accept"), &[("post", &answer.to_string())])
        .await
        .expect("Answer accepted.")
        .expect("Accepted answer");

    // Who was told what.
    educator.get("/").await.expect("Notifications (2 new)");
    educator
        .get("/notifications")
        .await
        .expect("Test facilitator replied to “How do you assess lab reports now?”")
        .expect("Test dadmin replied to");
    let told = facilitator.get("/notifications").await;
    told.expect("Test dadmin mentioned you in")
        .expect("Test educator accepted your answer in");
    assert!(
        !told.contains("replied to"),
        "not told of replies to others' topics"
    );
    facilitator
        .post("/notifications/read", &[])
        .await
        .expect("All notifications marked as read.");
    facilitator.get("/").await.expect(">Notifications</a>");
    // Nobody is told of their own post.
    dadmin.get("/notifications").await.expect("Nothing new.");
}

#[tokio::test]
async fn a_flag_is_handled_and_a_suspended_author_cannot_post() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let space = district_space(&dadmin, &s, "District lounge", "open").await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let topic = educator
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "Phones in class"),
                ("kind", "discussion"),
                ("body", "Thoughts?"),
            ],
        )
        .await
        .path;
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    facilitator
        .post(
            &format!("{topic}/replies"),
            &[("body", "Buy my course at spam.example!")],
        )
        .await;
    let topic_id = lyceum_domain::TopicId(topic.trim_start_matches("/topics/").parse().unwrap());
    let reply = app
        .db
        .read(move |c| community::posts(c, topic_id, None, 10))
        .await
        .unwrap()[1]
        .post
        .id;

    // Reported, with a reason.
    let flag = format!("/posts/{reply}/flag");
    educator
        .get(&topic)
        .await
        .expect(&format!("href=\"{flag}\""));
    // The form shows the post and asks what kind of problem it is; only
    // "something else" needs words.
    educator
        .get(&flag)
        .await
        .expect("The post, by ")
        .expect("Private information about a student");
    let r = educator.post(&flag, &[("why", " ")]).await;
    assert_eq!(r.status, 422);
    r.expect("Choose what kind of problem it is.");
    let r = educator
        .post(&flag, &[("category", "other"), ("why", " ")])
        .await;
    assert_eq!(r.status, 422);
    r.expect("Say why.");
    educator
        .post(&flag, &[("category", "other"), ("why", "Advertising")])
        .await
        .expect("Thank you. The moderators will look at it.");

    // The local's moderator does not moderate the district; its admin does.
    let local_moderator = app.browser();
    local_moderator
        .sign_in(s.email("moderator"), PASSWORD)
        .await;
    local_moderator
        .get("/moderation")
        .await
        .expect("No reports are waiting.");
    assert_eq!(
        local_moderator
            .post(
                &format!("/moderation/posts/{reply}"),
                &[("action", "dismiss")]
            )
            .await
            .status,
        403
    );
    dadmin
        .get("/moderation")
        .await
        .expect("A post by Test facilitator in “Phones in class”")
        .expect("Reported by Test educator: Advertising");
    let r = dadmin
        .post(&format!("/moderation/posts/{reply}"), &[("action", "hide")])
        .await;
    assert_eq!(r.status, 422);
    r.expect("Say why.");
    dadmin
        .post(
            &format!("/moderation/posts/{reply}"),
            &[
                ("action", "hide"),
                ("why", "Advertising is not allowed here."),
            ],
        )
        .await
        .expect("Decision recorded.")
        .expect("No reports are waiting.");
    let seen = educator.get(&topic).await;
    seen.expect("Hidden by a moderator.");
    assert!(!seen.contains("spam.example"));
    // Nor does the report form show a hidden post's words.
    let form = educator.get(&flag).await;
    form.expect("This post is hidden or deleted, so its words are not shown here.");
    assert!(!form.contains("spam.example"));
    facilitator
        .get("/notifications")
        .await
        .expect("hid your post in “Phones in class”")
        .expect("Why: Advertising is not allowed here.");
    let dadmin_id = s.user("dadmin");
    let audit = app
        .db
        .read(move |c| lyceum_db::audit::by_actor(c, dadmin_id))
        .await
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|(_, action, _)| action == "community.post_hide"),
        "{audit:?}"
    );

    // Suspended for three days: refused with the day it ends; then allowed.
    educator
        .post(
            &flag,
            &[("category", "other"), ("why", "Still advertising")],
        )
        .await;
    let r = dadmin
        .post(
            &format!("/moderation/posts/{reply}/suspend-author"),
            &[("days", "0"), ("why", "x")],
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("Enter a number of days from 1 to 365.");
    dadmin
        .post(
            &format!("/moderation/posts/{reply}/suspend-author"),
            &[("days", "3"), ("why", "Repeated advertising")],
        )
        .await
        .expect("Test facilitator may not post in the spaces of Columbus City Schools until");
    let until = app
        .clock
        .now()
        .plus(std::time::Duration::from_secs(3 * 86_400))
        // On the facilitator's calendar: their school is in Ohio.
        .date_in(&lyceum_domain::time::TimeZone::parse("America/New_York").unwrap())
        .to_string();
    let refused = facilitator
        .post(&format!("{topic}/replies"), &[("body", "One more ad")])
        .await;
    assert_eq!(refused.status, 422);
    refused.expect(&format!(
        "You cannot post in the spaces of Columbus City Schools until {until}."
    ));
    let refused = facilitator
        .post(
            &format!("{space}/topics"),
            &[("title", "Ads"), ("kind", "discussion"), ("body", "Ad")],
        )
        .await;
    assert_eq!(refused.status, 422);
    app.clock
        .advance(std::time::Duration::from_secs(4 * 86_400));
    let again = app.browser();
    again.sign_in(s.email("facilitator"), PASSWORD).await;
    again
        .post(&format!("{topic}/replies"), &[("body", "Sorry, everyone.")])
        .await
        .expect("Reply posted.");
}

#[tokio::test]
async fn search_finds_posts_only_where_the_reader_may_read_with_matches_marked() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let members = district_space(&dadmin, &s, "District members", "members").await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let topic = educator
        .post(
            &format!("{members}/topics"),
            &[
                ("title", "Photosynthesis labs"),
                ("kind", "discussion"),
                (
                    "body",
                    "Our **photosynthesis** lab uses <b>leaves</b> & light.",
                ),
                ("subject", "science"),
                ("grade_band", "6-8"),
            ],
        )
        .await
        .path;
    educator
        .post(
            &format!("{topic}/replies"),
            &[("body", "Évaluation: grade the notebook.")],
        )
        .await;

    let found = educator.get("/spaces/search?q=PHOTOSYNTH").await;
    found
        .expect("Photosynthesis labs")
        .expect("<mark>photosynthesis</mark>")
        .expect("District members");
    assert!(
        !found.body.contains("<b>leaves"),
        "no markup of the post's survives"
    );
    // Tags and dates narrow it.
    educator
        .get(&topic)
        .await
        .expect("<li class=\"tag\">Science</li>");
    educator
        .get("/spaces/search?q=photosynthesis&subject=science&since=2020-01-01")
        .await
        .expect("Photosynthesis labs");
    educator
        .get("/spaces/search?q=photosynthesis&subject=math")
        .await
        .expect("No post matches.");
    educator
        .get("/spaces/search?q=photosynthesis&since=2999-01-01")
        .await
        .expect("No post matches.");
    let bad = educator
        .get("/spaces/search?q=photosynthesis&since=yesterday&subject=alchemy")
        .await;
    assert_eq!(bad.status, 422);
    bad.expect("href=\"#f-since\"")
        .expect("href=\"#f-subject\"");
    // Accents folded.
    educator
        .get("/spaces/search?q=evaluation")
        .await
        .expect("<mark>Évaluation</mark>");
    // Outside the audience: nothing, and the space is not on offer.
    let outsider = app.browser();
    outsider.sign_in(s.email("ladmin"), PASSWORD).await;
    let none = outsider.get("/spaces/search?q=photosynthesis").await;
    none.expect("No post matches.");
    assert!(!none.contains("District members"));
    let space_id = members.trim_start_matches("/spaces/");
    assert_eq!(
        outsider
            .get(&format!("/spaces/search?q=lab&space={space_id}"))
            .await
            .status,
        400
    );
    // Deleted posts are not found.
    let topic_id = lyceum_domain::TopicId(topic.trim_start_matches("/topics/").parse().unwrap());
    let first = app
        .db
        .read(move |c| community::posts(c, topic_id, None, 1))
        .await
        .unwrap()[0]
        .post
        .id;
    educator.post(&format!("/posts/{first}/delete"), &[]).await;
    educator
        .get("/spaces/search?q=photosynthesis")
        .await
        .expect("No post matches.");
}

#[tokio::test]
async fn search_widens_prefixes_and_narrows_to_a_space_or_a_person() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let mut spaces = Vec::new();
    for (title, visibility) in [("Open lab", "open"), ("Quiet room", "members")] {
        spaces.push(district_space(&dadmin, &s, title, visibility).await);
    }
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let topic = educator
        .post(
            &format!("{}/topics", spaces[0]),
            &[
                ("title", "Students and the study guide"),
                ("kind", "discussion"),
                ("body", "Our students made a study guide."),
            ],
        )
        .await
        .path;
    dadmin
        .post(
            &format!("{}/topics", spaces[1]),
            &[
                ("title", "Studio time"),
                ("kind", "discussion"),
                ("body", "Studying in the quiet room."),
            ],
        )
        .await;

    // A prefix finds every whole word it starts; a word never written, nothing.
    educator
        .get("/spaces/search?q=stud")
        .await
        .expect("Students and the study guide")
        .expect("Studio time");
    educator
        .get("/spaces/search?q=studyi")
        .await
        .expect("Studio time")
        .expect("<mark>Studying</mark>");
    educator
        .get("/spaces/search?q=zebra")
        .await
        .expect("No post matches.");
    // Words an edit brings are found too.
    let first = {
        let id = lyceum_domain::TopicId(topic.trim_start_matches("/topics/").parse().unwrap());
        app.db
            .read(move |c| community::posts(c, id, None, 1))
            .await
            .unwrap()[0]
            .post
            .id
    };
    educator
        .post(
            &format!("/posts/{first}/edit"),
            &[("body", "Our students made a kaleidoscope.")],
        )
        .await;
    educator
        .get("/spaces/search?q=kaleido")
        .await
        .expect("<mark>kaleidoscope</mark>");

    // One space: its title said, a way back to every space.
    let open_id = spaces[0].trim_start_matches("/spaces/");
    let within = educator
        .get(&format!("/spaces/search?q=stud&space={open_id}"))
        .await;
    within
        .expect("Only in “Open lab”.")
        .expect("Students and the study guide")
        .expect("href=\"/spaces/search?q=stud\"");
    assert!(!within.contains("Studio time"));
    educator
        .get(&spaces[0])
        .await
        .expect(&format!("name=\"space\" value=\"{open_id}\""));

    // One person: their posts with no words needed, linked from the topic.
    let by = s.user("educator").0;
    educator
        .get(&topic)
        .await
        .expect(&format!("href=\"/spaces/search?author={by}\""));
    let theirs = educator.get(&format!("/spaces/search?author={by}")).await;
    theirs
        .expect("Only posts by Test educator.")
        .expect("Students and the study guide");
    assert!(!theirs.contains("Studio time"));
    // Someone whose posts the reader may not see: no posts, and no name.
    let outsider = app.browser();
    outsider.sign_in(s.email("ladmin"), PASSWORD).await;
    let hidden = outsider
        .get(&format!("/spaces/search?author={}", s.user("dadmin").0))
        .await;
    hidden
        .expect("Only posts by one person.")
        .expect("No post matches.");
    assert!(!hidden.contains("Test dadmin"));
    assert_eq!(
        educator.get("/spaces/search?author=someone").await.status,
        400
    );
}

#[tokio::test]
async fn a_topic_tagged_with_a_competency_is_named_and_found_by_it() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let space = district_space(&dadmin, &s, "Competencies", "open").await;
    let (id, name) = {
        let framework = app
            .db
            .read(|c| {
                lyceum_db::competencies::load(c, lyceum_domain::competency::DEFAULT_FRAMEWORK)
            })
            .await
            .unwrap()
            .expect("the default framework is loaded");
        let first = framework
            .items
            .iter()
            .find(|i| i.kind == "competency")
            .expect("it has competencies");
        (
            first.id.clone(),
            first.name.get(lyceum_domain::i18n::Lang::En).to_string(),
        )
    };
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    educator
        .get(&space)
        .await
        .expect(&format!("<option value=\"{id}\""));
    // Not a competency: refused, the field named, nothing started.
    let bad = educator
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "Who decides?"),
                ("kind", "question"),
                ("body", "Which grading decisions stay with us?"),
                ("competency", "unesco-ai-cft-2024/mind-reading"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    bad.expect("href=\"#f-competency\"");
    let topic = educator
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "Who decides?"),
                ("kind", "question"),
                ("body", "Which grading decisions stay with us?"),
                ("competency", id.as_str()),
            ],
        )
        .await;
    topic.expect(&format!("<li class=\"tag\">{name}</li>"));
    let tag = id.replace('/', "%2F");
    educator
        .get(&format!("/spaces/search?q=grading&competency={tag}"))
        .await
        .expect("Who decides?");
    assert_eq!(
        educator
            .get("/spaces/search?q=grading&competency=nothing")
            .await
            .status,
        422
    );
}

#[tokio::test]
async fn reactions_toggle_and_new_accounts_post_less_often_with_fewer_links() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let space = district_space(&dadmin, &s, "District lounge", "open").await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let topic = educator
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "Rubrics"),
                ("kind", "discussion"),
                ("body", "Share yours."),
            ],
        )
        .await
        .path;
    let topic_id = lyceum_domain::TopicId(topic.trim_start_matches("/topics/").parse().unwrap());
    let post = app
        .db
        .read(move |c| community::posts(c, topic_id, None, 1))
        .await
        .unwrap()[0]
        .post
        .id;

    // Reactions: one per kind per person, taken back by asking again.
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    let react = format!("/posts/{post}/react");
    facilitator
        .post(&react, &[("add", "helpful")])
        .await
        .expect("aria-pressed=\"true\">Helpful · 1<")
        // Pressed again, the same button takes it back.
        .expect("name=\"remove\" value=\"helpful\"");
    facilitator
        .post(&react, &[("kind", "helpful"), ("on", "yes")])
        .await
        .expect("Helpful · 1<");
    dadmin
        .post(&react, &[("kind", "helpful"), ("on", "yes")])
        .await
        .expect("Helpful · 2<");
    facilitator
        .post(&react, &[("remove", "helpful")])
        .await
        .expect("aria-pressed=\"false\">Helpful · 1<");
    // Taking back what is not there changes no count.
    facilitator
        .post(&react, &[("remove", "helpful")])
        .await
        .expect("aria-pressed=\"false\">Helpful · 1<");
    assert_eq!(
        facilitator
            .post(&react, &[("kind", "love"), ("on", "yes")])
            .await
            .status,
        400
    );
    // Outside the audience of an open space: read, not react.
    let outsider = app.browser();
    outsider.sign_in(s.email("ladmin"), PASSWORD).await;
    assert_eq!(
        outsider
            .post(&react, &[("kind", "thanks"), ("on", "yes")])
            .await
            .status,
        403
    );

    // A new account: at most two links in a post, and ten posts an hour.
    let links = "See [a](https://a.example), https://b.example and www.c.example";
    let r = educator
        .post(&format!("{topic}/replies"), &[("body", links)])
        .await;
    assert_eq!(r.status, 422);
    r.expect("New accounts may put at most 2 links in a post.");
    for n in 1..=9 {
        educator
            .post(
                &format!("{topic}/replies"),
                &[("body", &format!("Note {n}"))],
            )
            .await
            .expect("Reply posted.");
    }
    let r = educator
        .post(&format!("{topic}/replies"), &[("body", "One too many")])
        .await;
    assert_eq!(r.status, 422);
    r.expect("New accounts may post 10 times an hour");
    // An hour later it may post again; a week on, it is no longer new.
    app.clock
        .advance(std::time::Duration::from_secs(8 * 86_400));
    let later = app.browser();
    later.sign_in(s.email("educator"), PASSWORD).await;
    later
        .post(&format!("{topic}/replies"), &[("body", links)])
        .await
        .expect("Reply posted.");
}

#[tokio::test]
async fn unread_notifications_come_as_a_digest_that_one_click_stops() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let space = district_space(&dadmin, &s, "District lounge", "open").await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let topic = educator
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "Exit tickets"),
                ("kind", "discussion"),
                ("body", "How?"),
            ],
        )
        .await
        .path;
    educator
        .get("/notifications")
        .await
        .expect("Email me my unread notifications")
        .expect("value=\"weekly\" selected");
    dadmin
        .post(
            &format!("{topic}/replies"),
            &[("body", "Three questions, on paper.")],
        )
        .await;

    let url = app.url.clone();
    let sweep = || {
        let (db, now, url) = (app.db.clone(), app.clock.now(), url.clone());
        async move {
            db.write(move |c| {
                lyceum_db::digests::send_due(c, now, &|token| match token {
                    Some(t) => format!("{url}/digest/unsubscribe?token={t}"),
                    None => format!("{url}/notifications"),
                })
            })
            .await
            .unwrap()
        }
    };
    assert_eq!(sweep().await, 1);
    assert_eq!(sweep().await, 0, "once a week");
    let mail = app.mail_to(s.email("educator")).await;
    assert_eq!(mail.subject, "New on Lyceum: notifications waiting for you");
    assert!(
        mail.text.contains("You have 1 unread notification, about:"),
        "{}",
        mail.text
    );
    assert!(mail.text.contains("• Exit tickets"));
    // The database keeps the link's hash only: a copy of it unsubscribes nobody.
    let link = mail.link_path("/digest/unsubscribe");
    let token = link.split("token=").nth(1).unwrap().to_string();
    let stored: Vec<String> = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            use lyceum_db::schema::unsubscribe_links;
            Ok(unsubscribe_links::table
                .select(unsubscribe_links::token_hash)
                .load(c)?)
        })
        .await
        .unwrap();
    assert_eq!(stored, vec![lyceum_domain::token::hash_token(&token)]);
    // One click, no sign-in.
    app.browser()
        .get(&link)
        .await
        .expect("You will get no more digest emails.");
    // The hash itself is no link.
    assert_eq!(
        app.browser()
            .get(&format!("/digest/unsubscribe?token={}", stored[0]))
            .await
            .status,
        404
    );
    assert_eq!(
        app.browser()
            .get("/digest/unsubscribe?token=made-up")
            .await
            .status,
        404
    );
    dadmin
        .post(&format!("{topic}/replies"), &[("body", "And a fourth.")])
        .await;
    app.clock
        .advance(std::time::Duration::from_secs(8 * 86_400));
    assert_eq!(sweep().await, 0, "off");
    // Choosing again: daily.
    let again = app.browser();
    again.sign_in(s.email("educator"), PASSWORD).await;
    again
        .post("/notifications/digest", &[("digest", "daily")])
        .await
        .expect("Your email choice was saved.")
        .expect("value=\"daily\" selected");
    assert_eq!(
        again
            .post("/notifications/digest", &[("digest", "hourly")])
            .await
            .status,
        400
    );
}

#[tokio::test]
async fn moderators_pin_and_move_topics_and_it_is_recorded() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let (from, to) = (
        district_space(&dadmin, &s, "Science lounge", "open").await,
        district_space(&dadmin, &s, "Assessment", "open").await,
    );
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let topic = educator
        .post(
            &format!("{from}/topics"),
            &[
                ("title", "Rubrics for labs"),
                ("kind", "discussion"),
                ("body", "Ideas?"),
            ],
        )
        .await
        .path;
    dadmin
        .post(&format!("{topic}/moderate"), &[("action", "pin")])
        .await
        .expect("Done, and recorded.")
        .expect("Unpin");
    educator
        .get(&from)
        .await
        .expect("<h2>Pinned</h2>")
        .expect("Rubrics for labs");
    let to_id = to.trim_start_matches("/spaces/");
    assert_eq!(
        dadmin
            .post(
                &format!("{topic}/moderate"),
                &[("action", "move"), ("to", "x")]
            )
            .await
            .status,
        400
    );
    dadmin
        .post(
            &format!("{topic}/moderate"),
            &[
                ("action", "move"),
                ("to", to_id),
                ("why", "About assessment"),
            ],
        )
        .await
        .expect("Done, and recorded.")
        .expect(&format!("href=\"{to}\""));
    let moved_from = educator.get(&from).await;
    moved_from.expect("No topics yet.");
    educator.get(&to).await.expect("Rubrics for labs");
    educator.get("/spaces").await.expect("1 topic");
    let dadmin_id = s.user("dadmin");
    let audit = app
        .db
        .read(move |c| lyceum_db::audit::by_actor(c, dadmin_id))
        .await
        .unwrap();
    let actions: Vec<&str> = audit.iter().map(|(_, a, _)| a.as_str()).collect();
    assert!(
        actions.contains(&"community.topic_pin") && actions.contains(&"community.topic_move"),
        "{actions:?}"
    );
    let moved = audit
        .iter()
        .find(|(_, a, _)| a == "community.topic_move")
        .unwrap();
    assert!(
        moved.2.contains("\"reason\":\"About assessment\""),
        "{}",
        moved.2
    );
}

#[tokio::test]
async fn a_reply_can_start_with_a_quotation() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let space = district_space(&dadmin, &s, "Lounge", "open").await;
    let topic = dadmin
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "Phones"),
                ("kind", "discussion"),
                ("body", "Ban them?\nOr teach with them?"),
            ],
        )
        .await
        .path;
    let topic_id = lyceum_domain::TopicId(topic.trim_start_matches("/topics/").parse().unwrap());
    let first = app
        .db
        .read(move |c| community::posts(c, topic_id, None, 1))
        .await
        .unwrap()[0]
        .post
        .id;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    educator
        .get(&topic)
        .await
        .expect(&format!("?quote={first}#reply-heading"))
        .expect("Quote Test dadmin in your reply");
    educator
        .get(&format!("{topic}?quote={first}"))
        .await
        .expect(
            "&#62; **Test dadmin:**\n&#62; Ban them?\n&#62; Or teach with them?\n\n</textarea>",
        );
    assert_eq!(
        educator.get(&format!("{topic}?quote=999999")).await.status,
        400
    );
}

/// Reads `path` from the JSON API with `token`: (content type, body).
async fn api_get(app: &TestApp, token: &str, path: &str) -> (String, serde_json::Value) {
    let r = reqwest::Client::new()
        .get(format!("{}{path}", app.url))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200, "{path}");
    let kind = r.headers()["content-type"].to_str().unwrap().to_string();
    (kind, r.json().await.unwrap())
}

#[tokio::test]
async fn topic_authors_are_told_what_moderators_decide_but_moderators_not_of_their_own() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let (from, to) = (
        district_space(&dadmin, &s, "Science lounge", "open").await,
        district_space(&dadmin, &s, "Assessment", "open").await,
    );
    let to_id = to.trim_start_matches("/spaces/").to_string();
    let start = |who: &Browser, title: &'static str| {
        let (who, from) = (who.clone(), from.clone());
        async move {
            who.post(
                &format!("{from}/topics"),
                &[("title", title), ("kind", "discussion"), ("body", "Ideas?")],
            )
            .await
            .path
        }
    };
    let moderate = |topic: String| {
        let (dadmin, to_id) = (dadmin.clone(), to_id.clone());
        async move {
            // Pinned twice: the second changes nothing, so tells nobody.
            // Locking and moving say why; pinning may, and here does not.
            for (action, why) in [
                ("lock", "Heated; cooling off"),
                ("unlock", ""),
                ("pin", ""),
                ("pin", ""),
                ("unpin", ""),
                ("move", "About assessment"),
            ] {
                dadmin
                    .post(
                        &format!("{topic}/moderate"),
                        &[("action", action), ("to", &to_id), ("why", why)],
                    )
                    .await
                    .expect("Done, and recorded.");
            }
        }
    };
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    moderate(start(&educator, "Rubrics for labs").await).await;

    let told = educator.get("/notifications").await;
    for line in [
        "Test dadmin (a moderator) locked your topic “Rubrics for labs”: it takes no more replies",
        "Test dadmin (a moderator) unlocked your topic “Rubrics for labs”",
        "Test dadmin (a moderator) pinned your topic “Rubrics for labs” to the top of its space",
        "Test dadmin (a moderator) unpinned your topic “Rubrics for labs”",
        "Test dadmin (a moderator) moved your topic “Rubrics for labs” to another space",
    ] {
        told.expect(line);
    }
    told.expect("Why: Heated; cooling off")
        .expect("Why: About assessment");
    assert_eq!(
        told.body.matches("Why:").count(),
        2,
        "only the reasons given"
    );
    let token = crate::api::token_for(&app, s.email("educator")).await;
    let (_, listed) = api_get(&app, &token, "/api/v1/notifications").await;
    let kinds: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["moved", "unpinned", "pinned", "unlocked", "locked"],
        "{listed}"
    );
    assert_eq!(listed[0]["actor"], "Test dadmin");
    // In Spanish too, and in the digest.
    educator
        .post(
            "/language",
            &[("lang", "es"), ("return_to", "/notifications")],
        )
        .await
        .expect(
            "Test dadmin (moderación) cerró su tema «Rubrics for labs»: ya no admite respuestas",
        )
        .expect("Test dadmin (moderación) movió su tema «Rubrics for labs» a otro espacio");
    let (db, now, url) = (app.db.clone(), app.clock.now(), app.url.clone());
    let sent = db
        .write(move |c| {
            lyceum_db::digests::send_due(c, now, &|token| match token {
                Some(t) => format!("{url}/digest/unsubscribe?token={t}"),
                None => format!("{url}/notifications"),
            })
        })
        .await
        .unwrap();
    assert_eq!(sent, 1);
    let mail = app.mail_to(s.email("educator")).await;
    assert!(mail.text.contains("• Rubrics for labs"), "{}", mail.text);

    // The moderator deciding about their own topic is told nothing.
    moderate(start(&dadmin, "Lab safety").await).await;
    dadmin.get("/notifications").await.expect("Nothing new.");
}

/// A display name is whatever its owner typed: a script in one is shown as
/// text wherever the name is, and the API sends it as JSON data.
#[tokio::test]
async fn a_script_in_a_display_name_is_inert_wherever_the_name_is_shown() {
    const NAME: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    const SHOWN: &str =
        "&#60;script&#62;alert(1)&#60;/script&#62;&#60;img src=x onerror=alert(2)&#62;";
    let inert = |page: &lyceum_testkit::Page| {
        page.expect(SHOWN);
        for raw in ["<script>alert", "<img src=x", "onerror=alert(2)>"] {
            assert!(
                !page.contains(raw),
                "{raw} survived on {}:\n{}",
                page.path,
                page.body
            );
        }
    };
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let space = district_space(&dadmin, &s, "District lounge", "open").await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    educator
        .post(
            "/profile",
            &[("display_name", NAME), ("preferred_language", "en")],
        )
        .await
        .expect("Your profile was saved.");
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    let start = |who: &Browser, title: &'static str| {
        let (who, space) = (who.clone(), space.clone());
        async move {
            who.post(
                &format!("{space}/topics"),
                &[
                    ("title", title),
                    ("kind", "question"),
                    ("body", "Notebooks or reports?"),
                ],
            )
            .await
            .path
        }
    };
    // The educator starts a topic, is mentioned in it, mentions and replies.
    let topic = start(&educator, "Lab notebooks").await;
    facilitator
        .post(
            &format!("{topic}/replies"),
            &[(
                "body",
                &format!("@[them](user:{}) notebooks, always.", s.user("educator").0),
            )],
        )
        .await
        .expect("Reply posted.");
    educator
        .post(
            &format!("{topic}/replies"),
            &[("body", "@Test facilitator agreed.")],
        )
        .await
        .expect("Reply posted.");
    let theirs = start(&facilitator, "Exit tickets").await;
    educator
        .post(&format!("{theirs}/replies"), &[("body", "On paper.")])
        .await
        .expect("Reply posted.");
    educator
        .get("/notifications")
        .await
        .expect("Test facilitator mentioned you in “Lab notebooks”");

    let topic_id = lyceum_domain::TopicId(topic.trim_start_matches("/topics/").parse().unwrap());
    let first = app
        .db
        .read(move |c| community::posts(c, topic_id, None, 1))
        .await
        .unwrap()[0]
        .post
        .id;
    inert(&facilitator.get(&topic).await);
    inert(&facilitator.get(&format!("{topic}?quote={first}")).await);
    inert(&facilitator.get(&space).await);
    inert(&facilitator.get("/spaces/search?q=notebooks").await);
    let told = facilitator.get("/notifications").await;
    told.expect("mentioned you in “Lab notebooks”")
        .expect("replied to “Exit tickets”");
    inert(&told);

    // Reported, and reporting: the queue shows the name as text.
    facilitator
        .post(
            &format!("/posts/{first}/flag"),
            &[("category", "other"), ("why", "Off topic")],
        )
        .await
        .expect("Thank you.");
    let reply = app
        .db
        .read(move |c| community::posts(c, topic_id, None, 2))
        .await
        .unwrap()[1]
        .post
        .id;
    educator
        .post(
            &format!("/posts/{reply}/flag"),
            &[("category", "other"), ("why", "Rude")],
        )
        .await
        .expect("Thank you.");
    let queue = dadmin.get("/moderation").await;
    queue
        .expect(&format!("A post by {SHOWN} in “Lab notebooks”"))
        .expect(&format!("Reported by {SHOWN}:"));
    inert(&queue);

    // The API sends the name as data, in JSON.
    let token = crate::api::token_for(&app, s.email("facilitator")).await;
    let (kind, posts) = api_get(&app, &token, &format!("/api/v1/topics/{topic_id}/posts")).await;
    assert!(kind.starts_with("application/json"), "{kind}");
    assert_eq!(posts["posts"][0]["author"], NAME);
    let (kind, told) = api_get(&app, &token, "/api/v1/notifications").await;
    assert!(kind.starts_with("application/json"), "{kind}");
    assert!(told.as_array().unwrap().iter().all(|n| n["actor"] == NAME));
}

/// The district's members-only space "Science labs", made by its admin
/// (`dadmin`), with the topic "Lab reports" that `author` starts with
/// `body`: the paths of both.
pub(crate) async fn lab_reports_topic(
    dadmin: &Browser,
    district: OrgId,
    author: &Browser,
    body: &str,
) -> (String, String) {
    let space = dadmin
        .post(
            &format!("/orgs/{}/admin/spaces", district.0),
            &[("title", "Science labs"), ("visibility", "members")],
        )
        .await
        .path
        .clone();
    let topic = author
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "Lab reports"),
                ("kind", "discussion"),
                ("body", body),
            ],
        )
        .await
        .path
        .clone();
    (space, topic)
}
