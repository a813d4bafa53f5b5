//! What must happen once happens once, however many requests arrive at the
//! same instant and on however many app servers (on PostgreSQL, two nodes
//! really race; on SQLite the one writer orders them). Each single use is
//! one conditional write whose affected rows decide, never a read first.

use crate::learning::{COURSE, with_quiz};
use lyceum_testkit::{Browser, PASSWORD, TestApp};

const NEW_PASSWORD: &str = "plums in the icebox";

/// Sends `form` to `path` from `browser`, once through each of `nodes` in
/// turn, `times` times, all at once.
async fn all_at_once(
    browser: &Browser,
    nodes: &[&TestApp],
    public: &str,
    path: &str,
    form: &[(&str, &str)],
    times: usize,
) -> Vec<lyceum_testkit::Page> {
    let sends = (0..times).map(|i| {
        let url = format!("{}{path}", nodes[i % nodes.len()].url);
        let (b, public) = (browser.clone(), public.to_string());
        let form: Vec<(String, String)> = form
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        tokio::spawn(async move {
            let form: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            b.post_with(&url, &form, &[("origin", &public)]).await
        })
    });
    let mut pages = Vec::new();
    for send in sends.collect::<Vec<_>>() {
        pages.push(send.await.unwrap());
    }
    pages
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_reset_link_works_once_however_often_it_is_sent() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let email = s.email("educator");
    let b = app.browser();
    b.post("/forgot-password", &[("email", email)]).await;
    let form = b
        .get(&app.mail_to(email).await.link_path("/reset-password"))
        .await;
    let token = form.input_value("token").unwrap();
    // Started once the mail is out: its worker would write to its own outbox.
    let node = app.another_node().await;
    let pages = all_at_once(
        &b,
        &[&app, &node],
        &app.url,
        "/reset-password",
        &[
            ("token", &token),
            ("password", NEW_PASSWORD),
            ("password_confirm", NEW_PASSWORD),
        ],
        6,
    )
    .await;
    let changed = pages
        .iter()
        .filter(|p| p.contains("Your password was changed"))
        .count();
    assert_eq!(changed, 1);
    for p in pages
        .iter()
        .filter(|p| !p.contains("Your password was changed"))
    {
        assert!(p.status == 400 || p.status == 422, "{}", p.status);
    }
    node.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_invitation_makes_one_account_however_often_it_is_accepted() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = app.browser();
    admin.sign_in(s.email("dadmin"), PASSWORD).await;
    admin
        .post(
            &format!("/orgs/{}/admin/invitations", s.school_a),
            &[("email", "nia@example.org"), ("role", "educator")],
        )
        .await
        .expect("The invitation was sent");
    let link = app
        .mail_to("nia@example.org")
        .await
        .link_path("/invitations/");
    let node = app.another_node().await;
    let pages = all_at_once(
        &app.browser(),
        &[&app, &node],
        &app.url,
        &format!("{link}/register"),
        &[("display_name", "Nia Reyes"), ("password", NEW_PASSWORD)],
        6,
    )
    .await;
    let statuses: Vec<u16> = pages.iter().map(|p| p.status).collect();
    assert_eq!(
        pages
            .iter()
            .filter(|p| p.status == 200 && p.contains("Sign out"))
            .count(),
        1,
        "{statuses:?}"
    );
    // The others hear the invitation was used; none meets a server error.
    assert!(statuses.iter().all(|s| *s < 500), "{statuses:?}");
    let accounts = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            use lyceum_db::schema::users;
            Ok(users::table
                .filter(users::email.eq("nia@example.org"))
                .count()
                .get_result::<i64>(c)?)
        })
        .await
        .unwrap();
    assert_eq!(accounts, 1);
    node.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_quiz_allows_its_attempts_however_many_arrive_at_once() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let node = app.another_node().await;
    app.import_course(&with_quiz(), None).await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.post(&format!("{COURSE}/enrol"), &[]).await;
    let pages = all_at_once(
        &b,
        &[&app, &node],
        &app.url,
        &format!("{COURSE}/lessons/reflection/quiz"),
        &[
            ("q-purpose", "tool"),
            ("q-evidence", "drafts"),
            ("q-evidence", "talk"),
        ],
        8,
    )
    .await;
    // Graded attempts go on to the lesson page; the others are refused.
    // (Not counted by the flash message: the requests share a cookie jar.)
    let graded = pages.iter().filter(|p| p.status == 200).count();
    assert_eq!(graded, 2, "the quiz allows two attempts");
    let statuses: Vec<u16> = pages.iter().map(|p| p.status).collect();
    assert_eq!(
        pages.iter().filter(|p| p.status == 403).count(),
        6,
        "{statuses:?}"
    );
    let user = s.user("educator");
    let stored = app
        .db
        .read(move |c| {
            use diesel::prelude::*;
            use lyceum_db::schema::quiz_attempts as qa;
            Ok(qa::table
                .filter(qa::user_id.eq(user.0))
                .count()
                .get_result::<i64>(c)?)
        })
        .await
        .unwrap();
    assert_eq!(stored, 2);
    node.stop().await;
}
