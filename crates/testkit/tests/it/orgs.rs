//! Administering organisations: the tree, who may join and how, invitations,
//! roles, and the list of people.

use lyceum_testkit::{PASSWORD, TestApp};

#[tokio::test]
async fn an_admin_builds_the_tree_with_equity_attributes() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    let new = format!("/orgs/{}/admin/new", s.district);
    b.get(&new).await.expect("value=\"school\"");

    let bad = b
        .post(
            &new,
            &[
                ("kind", "state"),
                ("name", " "),
                ("locale", "urban"),
                ("enrolment", "lots"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    bad.expect("That kind of organisation cannot be created here")
        .expect("href=\"#f-name\"")
        .expect("href=\"#f-locale\"")
        .expect("Enter the number of students enrolled as a whole number from 0 to 50000");

    let made = b
        .post(
            &new,
            &[
                ("kind", "school"),
                ("name", "Hilltop <Rural> Academy"),
                ("locale", "rural"),
                ("title_i", "yes"),
                ("poverty_band", "high"),
                ("enrolment", "1,020"),
            ],
        )
        .await;
    made.expect("The organisation was created")
        .expect("Hilltop &#60;Rural&#62; Academy")
        .expect("Rural")
        .expect("High poverty")
        .expect("1020");
    assert!(!made.contains("<Rural>"), "names are escaped");
    // It is listed below its district, and only there.
    b.get(&format!("/orgs/{}", s.district))
        .await
        .expect("Hilltop &#60;Rural&#62; Academy");
    assert!(
        !b.get(&format!("/orgs/{}", s.local))
            .await
            .contains("Hilltop")
    );
    // The district admin may not add to the state.
    assert_eq!(
        b.get(&format!("/orgs/{}/admin/new", s.state)).await.status,
        403
    );
}

#[tokio::test]
async fn email_domains_belong_to_one_organisation() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("ladmin"), PASSWORD).await;
    let path = format!("/orgs/{}/admin/domains", s.local);
    b.post(&path, &[("domain", "@Local1.Example.ORG")])
        .await
        .expect("The email domain was added")
        .expect("local1.example.org");
    let taken = b.post(&path, &[("domain", "district.example.org")]).await;
    assert_eq!(taken.status, 422);
    taken.expect("Another organisation already uses this email domain");
    let invalid = b.post(&path, &[("domain", "not a domain")]).await;
    invalid.expect("Enter a domain like");
    b.post(
        &format!("/orgs/{}/admin/domains/remove", s.local),
        &[("domain", "local1.example.org")],
    )
    .await
    .expect("The email domain was removed");
}

#[tokio::test]
async fn invitation_to_a_new_person() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = app.browser();
    admin.sign_in(s.email("dadmin"), PASSWORD).await;
    let path = format!("/orgs/{}/admin/invitations", s.school_a);
    // An org admin cannot hand out programme-wide roles.
    let refused = admin
        .post(
            &path,
            &[("email", "new@example.org"), ("role", "researcher")],
        )
        .await;
    refused.expect("You cannot give that role here");
    admin
        .post(
            &path,
            &[
                ("email", "New.Teacher@example.org"),
                ("role", "facilitator"),
            ],
        )
        .await
        .expect("The invitation was sent")
        .expect("new.teacher@example.org");

    let mail = app.mail_to("new.teacher@example.org").await;
    assert_eq!(mail.subject, "You are invited to Lyceum");
    assert!(mail.text.contains(
        "Test dadmin invited you to join Lincoln Elementary on Lyceum as Facilitator or coach"
    ));
    let link = mail.link_path("/invitations/");
    let guest = app.browser();
    guest
        .get(&link)
        .await
        .expect("Create your account for new.teacher@example.org");
    let weak = guest
        .post(
            &format!("{link}/register"),
            &[("display_name", "Nia"), ("password", "123")],
        )
        .await;
    assert_eq!(weak.status, 422);
    let joined = guest
        .post(
            &format!("{link}/register"),
            &[
                ("display_name", "Nia Reyes"),
                ("password", "a long enough phrase"),
            ],
        )
        .await;
    joined
        .expect("Welcome! You have joined the organisation")
        .expect("Lincoln Elementary");
    // Signed in already, verified by the link; the invitation is used up.
    guest
        .get("/account")
        .await
        .expect("new.teacher@example.org");
    app.browser().get(&link).await.expect("already been used");
    admin
        .get(&format!("/orgs/{}/admin/roles", s.school_a))
        .await
        .expect("Nia Reyes");
}

#[tokio::test]
async fn invitation_to_someone_with_an_account() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = app.browser();
    admin.sign_in(s.email("ladmin"), PASSWORD).await;
    admin
        .post(
            &format!("/orgs/{}/admin/invitations", s.school_b),
            &[("email", s.email("author")), ("role", "educator")],
        )
        .await
        .expect("The invitation was sent");
    let link = app
        .mail_to(s.email("author"))
        .await
        .link_path("/invitations/");

    let someone_else = app.browser();
    someone_else.sign_in(s.email("moderator"), PASSWORD).await;
    someone_else
        .get(&link)
        .await
        .expect("This invitation is for author@example.org");
    let refused = someone_else.post(&format!("{link}/accept"), &[]).await;
    refused.expect("This invitation was sent to a different email address");

    let b = app.browser();
    b.get(&link).await.expect("Sign in to accept");
    b.sign_in(s.email("author"), PASSWORD).await;
    b.post(&format!("{link}/accept"), &[])
        .await
        .expect("You have joined the organisation")
        .expect("Riverside Middle");
}

#[tokio::test]
async fn roles_are_granted_and_removed_within_scope() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    let path = format!("/orgs/{}/admin/roles", s.school_a);
    b.post(
        &path,
        &[("email", "ghost@example.org"), ("role", "educator")],
    )
    .await
    .expect("There is no account with this email address");
    b.post(
        &path,
        &[("email", s.email("moderator")), ("role", "org_admin")],
    )
    .await
    .expect("The role was given");
    b.post(
        &path,
        &[("email", s.email("moderator")), ("role", "org_admin")],
    )
    .await
    .expect("This person already has that role here");
    let roles = b.get(&path).await;
    let remove = roles
        .body
        .split("/admin/roles/")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_string();
    // Another district's admin cannot remove it, even knowing the id.
    let other = app.browser();
    other.sign_in(s.email("ladmin"), PASSWORD).await;
    assert_eq!(
        other
            .post(&format!("{path}/{remove}/remove"), &[])
            .await
            .status,
        403
    );
    // Nor through their own organisation's address.
    assert_eq!(
        other
            .post(
                &format!("/orgs/{}/admin/roles/{remove}/remove", s.local),
                &[]
            )
            .await
            .status,
        404
    );
    b.post(&format!("{path}/{remove}/remove"), &[])
        .await
        .expect("The role was removed");
}

#[tokio::test]
async fn people_are_listed_in_scope_a_page_at_a_time() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // 60 more educators in school A (pages hold 50).
    let school = s.school_a;
    let now = app.clock.now();
    app.db
        .write(move |c| {
            let org = lyceum_db::orgs::get(c, school)?;
            for i in 0..60 {
                let email =
                    lyceum_domain::email::EmailAddress::parse(&format!("t{i:02}@example.org"))
                        .unwrap();
                let id = lyceum_db::users::insert(
                    c,
                    &lyceum_db::users::NewUser {
                        email: &email,
                        display_name: &format!("Teacher {i:02}"),
                        password_hash: None,
                        lang: lyceum_domain::i18n::Lang::En,
                        verified: true,
                    },
                    now,
                )?;
                lyceum_db::memberships::add(c, id, &org, lyceum_domain::role::Role::Educator, now)?;
            }
            Ok(())
        })
        .await
        .unwrap();
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    let first = b.get(&format!("/orgs/{}/people", s.district)).await;
    first.expect("Next page");
    let next = first
        .body
        .split("people?after=")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let second = b
        .get(&format!("/orgs/{}/people?after={next}", s.district))
        .await;
    let rows = |p: &lyceum_testkit::Page| p.body.matches("<tr role=\"row\">").count() - 1;
    // dadmin, facilitator, educator and 60 teachers: 63 people.
    assert_eq!(rows(&first) + rows(&second), 63);
    assert!(!second.contains("Next page"), "no page after the last");
    second.expect("First page");
    // The local's people are not in the district's list.
    assert!(!first.contains(s.email("ladmin")) && !second.contains(s.email("ladmin")));
}

#[tokio::test]
async fn a_list_of_people_is_invited_all_or_none() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    let url = format!("/orgs/{}/admin/invitations/list", s.school_a);
    let send = |list: &'static str, role: &'static str| {
        let form = reqwest::multipart::Form::new()
            .part(
                "file",
                reqwest::multipart::Part::text(list).file_name("people.csv"),
            )
            .text("role", role);
        b.post_multipart(&url, form)
    };
    // One bad line refuses the list: nobody is invited.
    let r = send(
        "email,role\nana@example.net\nbad-address\ncy@example.net,researcher\n",
        "educator",
    )
    .await;
    assert_eq!(r.status, 422);
    let page = r.body;
    assert!(
        page.contains("Line 3: “bad-address” is not an email address."),
        "{page}"
    );
    assert!(
        page.contains("Line 4: you cannot give that role here."),
        "{page}"
    );
    assert!(!page.contains("ana@example.net</td>"));

    let r = send("ana@example.net\nbo@example.net,facilitator\n", "educator").await;
    let page = r.body;
    assert!(page.contains("The invitations were sent"), "{page}");
    assert!(page.contains("ana@example.net") && page.contains("bo@example.net"));
    let mail = app.mail_to("bo@example.net").await;
    assert!(mail.text.contains("as Facilitator or coach"));
    app.mail_to("ana@example.net").await;
}
