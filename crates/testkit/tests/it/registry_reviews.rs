//! A tool's reviews beyond its page's newest 20, over HTTP on whichever
//! backend the run uses: the reviews' CSV (page and API) names reviewers —
//! id and display name — for the programme team only, and for anyone else
//! has no trace of them; its fields are quoted (RFC 4180) and defused for
//! spreadsheets; "Older reviews" pages through every review exactly once,
//! a malformed cursor refused with a 400; one's own review withdrawn on the
//! page (asked first) and over the API, the tool's counts moving back.

use crate::api::{call_as as api, token_for};
use lyceum_db::orgs;
use lyceum_db::registry::reviews;
use lyceum_domain::i18n::Lang;
use lyceum_domain::registry::review::{self as rubric, Criterion, ReviewInput};
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, Timestamp, ToolId, UserId};
use lyceum_testkit::{Browser, PASSWORD, TestApp};
use reqwest::Method;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Adds a tool as the programme admin (its token).
async fn add_tool(app: &TestApp, admin: &str, name: &str) -> i64 {
    let (st, v) = api(
        app,
        Method::POST,
        "/api/v1/tools",
        admin,
        Some(json!({
            "name": name,
            "vendor": format!("{name} Inc."),
            "url": "https://example.org/tool",
            "description": format!("{name} drafts lesson plans."),
            "min_age": 13,
            "max_age": null,
            "cost_model": "free",
            "privacy_agreement": "none_known"
        })),
    )
    .await;
    assert_eq!(st, 201, "{v}");
    v["id"].as_i64().unwrap()
}

/// Every criterion rated `rating`, as the API takes it.
fn ratings(rating: &str) -> Value {
    Criterion::ALL
        .iter()
        .map(|c| (c.as_str().to_string(), json!(rating)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// A new educator at `org` with a display name and address of their own.
async fn person(app: &TestApp, name: &str, org: OrgId) -> (UserId, String, String) {
    let email = format!(
        "{}@reviewers.example.org",
        name.to_lowercase().replace(' ', ".")
    );
    let id = app
        .person(&email, name, Role::Educator, org, Lang::En)
        .await;
    (id, email, name.to_string())
}

/// Stores `user`'s review of the tool, written at `at`: every criterion
/// "meets", `comment` on data collected.
async fn review_at(app: &TestApp, tool: i64, user: UserId, comment: &str, at: Timestamp) {
    let mut input = ReviewInput {
        ratings: Criterion::ALL
            .iter()
            .map(|c| (c.as_str().to_string(), "meets".to_string()))
            .collect(),
        ..ReviewInput::default()
    };
    input
        .comments
        .insert("data_collected".into(), comment.to_string());
    let review = rubric::check(&input).unwrap();
    app.db
        .write(move |c| reviews::write(c, ToolId(tool), user, &review, at))
        .await
        .unwrap();
}

async fn signed_in(app: &TestApp, email: &str) -> Browser {
    let b = app.browser();
    b.sign_in(email, PASSWORD).await;
    b
}

/// The fields of a CSV body (RFC 4180: quoted fields may hold commas,
/// doubled quotes and line breaks), line by line.
fn parse_csv(body: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let mut chars = body.chars().peekable();
    let mut quoted = false;
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "a quote left open");
    assert!(
        field.is_empty() && row.is_empty(),
        "the last line has no CRLF"
    );
    rows
}

/// The columns every reader's CSV has, after the reviewer's for the team.
fn review_columns() -> Vec<String> {
    let mut head = vec!["updated_on".to_string()];
    for c in Criterion::ALL {
        head.push(format!("{c}_rating"));
        head.push(format!("{c}_comment"));
    }
    head
}

/// A CSV download: the status, the content type and the body.
async fn download(req: reqwest::RequestBuilder) -> (u16, String, String) {
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    let kind = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, kind, r.text().await.unwrap())
}

const FORMULA: &str =
    "=HYPERLINK(\"https://evil.example\",\"x\"), then \"quoted\", and\na new line";

#[tokio::test]
async fn the_reviews_csv_names_reviewers_only_for_the_programme_team_and_is_quoted_safely() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = token_for(&app, s.email("admin")).await;
    let tool = add_tool(&app, &admin, "Quillbot Planner").await;
    let now = app.clock.now();
    let mut reviewers = Vec::new();
    for (i, name) in [
        "Odalys Quintero",
        "Bartholomew Nkemelu",
        "Saoirse Villanueva",
    ]
    .into_iter()
    .enumerate()
    {
        let (id, email, name) = person(&app, name, s.school_a).await;
        let comment = if i == 0 {
            FORMULA.to_string()
        } else {
            format!("Plain note {i}.")
        };
        review_at(&app, tool, id, &comment, now).await;
        reviewers.push((id, email, name));
    }
    let zone = {
        let me = s.user("educator");
        app.db
            .read(move |c| orgs::zone_of_user(c, me))
            .await
            .unwrap()
    };
    let today = now.date_in(&zone).to_string();

    // An educator, and an org admin: no reviewer anywhere in it.
    let educator = signed_in(&app, s.email("educator")).await;
    let page = educator.get(&format!("/tools/{tool}")).await;
    page.expect(&format!("href=\"/tools/{tool}/reviews.csv\""))
        .expect("Download the reviews (CSV)");
    let educator_token = token_for(&app, s.email("educator")).await;
    let dadmin_token = token_for(&app, s.email("dadmin")).await;
    let client = reqwest::Client::new();
    let outsiders = [
        educator.request(Method::GET, &format!("/tools/{tool}/reviews.csv")),
        client
            .get(format!("{}/api/v1/tools/{tool}/reviews.csv", app.url))
            .bearer_auth(&educator_token),
        client
            .get(format!("{}/api/v1/tools/{tool}/reviews.csv", app.url))
            .bearer_auth(&dadmin_token),
    ];
    for req in outsiders {
        let (st, kind, body) = download(req).await;
        assert_eq!(st, 200, "{body}");
        assert_eq!(kind, "text/csv; charset=utf-8");
        let rows = parse_csv(&body);
        assert_eq!(rows[0], review_columns(), "{body}");
        assert_eq!(rows.len(), 4, "a header and three reviews: {body}");
        for (id, email, name) in &reviewers {
            assert!(!body.contains(name.as_str()), "{name} in {body}");
            assert!(!body.contains(email.as_str()), "{email} in {body}");
            let id = id.0.to_string();
            assert!(
                rows.iter().flatten().all(|f| *f != id),
                "reviewer id {id} in {body}"
            );
        }
        assert!(!body.contains("reviewer"), "{body}");
        for row in &rows[1..] {
            assert_eq!(row.len(), 1 + 2 * Criterion::ALL.len(), "{row:?}");
            assert_eq!(row[0], today);
            assert_eq!(row[1], "meets");
        }
        // Quoted whole, its quotes doubled, and defused: a spreadsheet
        // shows the text and runs nothing.
        assert!(
            body.contains(
                "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\"), then \"\"quoted\"\", and\na new line\""
            ),
            "{body}"
        );
        let comments: BTreeSet<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
        let defused = format!("'{FORMULA}");
        assert_eq!(
            comments,
            BTreeSet::from([defused.as_str(), "Plain note 1.", "Plain note 2."])
        );
    }

    // The programme admin's names each review's reviewer, on the page and
    // in the API.
    let team = signed_in(&app, s.email("admin")).await;
    let team_downloads = [
        team.request(Method::GET, &format!("/tools/{tool}/reviews.csv")),
        client
            .get(format!("{}/api/v1/tools/{tool}/reviews.csv", app.url))
            .bearer_auth(&admin),
    ];
    for req in team_downloads {
        let (st, _, body) = download(req).await;
        assert_eq!(st, 200, "{body}");
        let rows = parse_csv(&body);
        let mut head = vec!["reviewer_id".to_string(), "reviewer_name".to_string()];
        head.extend(review_columns());
        assert_eq!(rows[0], head);
        assert_eq!(rows.len(), 4);
        for (id, _, name) in &reviewers {
            let row = rows
                .iter()
                .find(|r| r[0] == id.0.to_string())
                .unwrap_or_else(|| panic!("no line of {name}: {body}"));
            assert_eq!(&row[1], name);
        }
        assert!(body.contains("'=HYPERLINK"));
    }

    // An unknown tool is not there; without a token, nobody is.
    assert_eq!(educator.get("/tools/999999/reviews.csv").await.status, 404);
    let (st, _) = api(
        &app,
        Method::GET,
        "/api/v1/tools/999999/reviews.csv",
        &educator_token,
        None,
    )
    .await;
    assert_eq!(st, 404);
    let (st, _, _) =
        download(client.get(format!("{}/api/v1/tools/{tool}/reviews.csv", app.url))).await;
    assert_eq!(st, 401);
}

/// The review ids a tool page lists, in order, and its "Older reviews" link.
fn listed(body: &str) -> (Vec<i64>, Option<String>) {
    let ids = body
        .split("<li id=\"review-")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().parse().unwrap())
        .collect();
    let older = body
        .split("<nav class=\"pager\"")
        .nth(1)
        .and_then(|nav| nav.split("href=\"").nth(1))
        .map(|rest| rest.split('"').next().unwrap().to_string());
    (ids, older)
}

#[tokio::test]
async fn older_reviews_show_every_review_once_and_a_bad_cursor_is_refused() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = token_for(&app, s.email("admin")).await;
    let tool = add_tool(&app, &admin, "Lesson Loom").await;
    let now = app.clock.now().micros();
    // 27 reviews, three to each instant, so pages break inside a tie.
    let mut users = Vec::new();
    for i in 0..27i64 {
        let (id, _, _) = person(&app, &format!("Paged Reviewer {i:02}"), s.school_a).await;
        let at = Timestamp::from_micros(now - (i / 3) * 60_000_000);
        review_at(&app, tool, id, &format!("Review number {i:02}."), at).await;
        users.push(id);
    }
    // Newest first: by time, then by id, as the database keeps them.
    let mut expected: Vec<(i64, i64)> = app
        .db
        .read(move |c| {
            use diesel::prelude::*;
            use lyceum_db::schema::ai_tool_reviews as r;
            Ok(r::table
                .filter(r::tool_id.eq(tool))
                .select((r::updated_at, r::id))
                .load::<(i64, i64)>(c)?)
        })
        .await
        .unwrap();
    expected.sort_by(|a, b| b.cmp(a));
    let expected: Vec<i64> = expected.into_iter().map(|(_, id)| id).collect();
    assert_eq!(expected.len(), 27);

    let b = signed_in(&app, s.email("educator")).await;
    let first = b.get(&format!("/tools/{tool}")).await;
    assert_eq!(first.status, 200);
    first.expect("27 reviews");
    let (mut seen, mut older) = listed(&first.body);
    assert_eq!(seen.len(), 20, "the newest 20 first");
    assert!(!first.contains("Back to the newest reviews"));
    let mut pages = 1;
    while let Some(next) = older {
        assert!(
            next.starts_with(&format!("/tools/{tool}?before=")),
            "{next}"
        );
        let page = b.get(&next).await;
        assert_eq!(page.status, 200, "{}", page.body);
        page.expect("<h2 id=\"reviews-title\">Older reviews</h2>")
            .expect(&format!("href=\"/tools/{tool}#reviews\""))
            .expect("Back to the newest reviews");
        let (ids, more) = listed(&page.body);
        assert!(!ids.is_empty(), "an empty page behind {next}");
        seen.extend(ids);
        older = more;
        pages += 1;
        assert!(pages < 10, "paging does not end");
    }
    assert_eq!(pages, 2);
    assert_eq!(seen, expected, "every review once, newest first");

    // The CSV streams all 27 (more than one batch), each once.
    let (st, _, body) =
        download(b.request(Method::GET, &format!("/tools/{tool}/reviews.csv"))).await;
    assert_eq!(st, 200);
    let rows = parse_csv(&body);
    assert_eq!(rows.len(), 28, "{body}");
    let comments: BTreeSet<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
    assert_eq!(comments.len(), 27);
    assert!(comments.contains("Review number 00.") && comments.contains("Review number 26."));

    // A cursor that is not a place in the list is a bad request; none is
    // the newest page.
    for bad in ["abc", "12", "1.x", "x.1", "1.2.3", "%3Cscript%3E"] {
        let page = b.get(&format!("/tools/{tool}?before={bad}")).await;
        assert_eq!(page.status, 400, "before={bad}");
    }
    assert_eq!(b.get(&format!("/tools/{tool}?before=")).await.status, 200);
    assert_eq!(b.get("/tools/999999?before=1.1").await.status, 404);

    // Exactly a page's worth left: no link to an empty page.
    for user in users.iter().take(7).copied() {
        let gone = app
            .db
            .write(move |c| reviews::withdraw(c, ToolId(tool), user))
            .await
            .unwrap();
        assert!(gone);
    }
    let page = b.get(&format!("/tools/{tool}")).await;
    page.expect("20 reviews");
    let (ids, older) = listed(&page.body);
    assert_eq!((ids.len(), older), (20, None));
}

#[tokio::test]
async fn ones_own_review_is_withdrawn_on_the_page_and_over_the_api_and_the_counts_move_back() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = token_for(&app, s.email("admin")).await;
    let tool = add_tool(&app, &admin, "Rubric Robin").await;

    // The educator reviews on the page (bias: does not meet); the
    // facilitator over the API (all meets).
    let b = signed_in(&app, s.email("educator")).await;
    let mut form: Vec<(String, String)> = Criterion::ALL
        .iter()
        .map(|c| {
            let r = if *c == Criterion::Bias {
                "does_not_meet"
            } else {
                "meets"
            };
            (format!("ratings-{c}"), r.to_string())
        })
        .collect();
    form.push((
        "comments-bias".into(),
        "Every example family looked alike.".into(),
    ));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let page = b.post(&format!("/tools/{tool}/review"), &fields).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let facilitator = token_for(&app, s.email("facilitator")).await;
    let (st, v) = api(
        &app,
        Method::PUT,
        &format!("/api/v1/tools/{tool}/review"),
        &facilitator,
        Some(json!({ "ratings": ratings("meets") })),
    )
    .await;
    assert_eq!(st, 200, "{v}");

    let page = b.get(&format!("/tools/{tool}")).await;
    page.expect("2 reviews")
        .expect_row(&["Bias seen in outputs", "1", "0", "1", "0", "2"])
        .expect("Every example family looked alike.")
        .expect(&format!("href=\"/tools/{tool}/review/withdraw\""))
        .expect("Withdraw my review");
    b.get(&format!("/tools/{tool}/review"))
        .await
        .expect(&format!("href=\"/tools/{tool}/review/withdraw\""));

    // Another site's form withdraws nothing.
    let forged = b
        .post_with(
            &format!("/tools/{tool}/review/withdraw"),
            &[],
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(forged.status, 403);
    b.get(&format!("/tools/{tool}")).await.expect("2 reviews");

    // Asked first, on a page of its own, with a form that posts.
    let ask = b.get(&format!("/tools/{tool}/review/withdraw")).await;
    assert_eq!(ask.status, 200);
    ask.expect("<h1>Withdraw your review?</h1>")
        .expect(&format!(
            "<form method=\"post\" action=\"/tools/{tool}/review/withdraw\""
        ))
        .expect("Keep my review")
        .expect("This cannot be undone");
    let done = b.post(&format!("/tools/{tool}/review/withdraw"), &[]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(done.path, format!("/tools/{tool}"));
    done.expect("Your review was withdrawn.")
        .expect("1 review")
        .expect_row(&["Bias seen in outputs", "0", "0", "1", "0", "1"])
        .expect("Review this tool");
    assert!(!done.contains("Every example family looked alike."));
    assert!(!done.contains("Withdraw my review"));
    // Pressed again: nothing left to withdraw, nothing said, nothing moved.
    let again = b.post(&format!("/tools/{tool}/review/withdraw"), &[]).await;
    assert_eq!(again.status, 200);
    assert!(!again.contains("Your review was withdrawn."));
    again.expect("1 review");
    // Nothing to ask about: the tool's page.
    let ask = b.get(&format!("/tools/{tool}/review/withdraw")).await;
    assert_eq!(ask.path, format!("/tools/{tool}"));
    assert_eq!(
        b.post("/tools/999999/review/withdraw", &[]).await.status,
        404
    );
    assert_eq!(b.get("/tools/999999/review/withdraw").await.status, 404);
    // The facilitator's review stays.
    let (st, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/tools/{tool}/review"),
        &facilitator,
        None,
    )
    .await;
    assert_eq!(st, 200);

    // Over the API: 204, then the counts are back to none; a second is 404.
    let (st, v) = api(
        &app,
        Method::DELETE,
        &format!("/api/v1/tools/{tool}/review"),
        &facilitator,
        None,
    )
    .await;
    assert_eq!(st, 204, "{v}");
    let (_, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/tools/{tool}"),
        &facilitator,
        None,
    )
    .await;
    assert_eq!(v["review_count"], 0, "{v}");
    assert_eq!(v["you_reviewed"], false);
    for c in v["criteria"].as_array().unwrap() {
        assert_eq!(c["total"], 0, "{c}");
    }
    let (st, v) = api(
        &app,
        Method::DELETE,
        &format!("/api/v1/tools/{tool}/review"),
        &facilitator,
        None,
    )
    .await;
    assert_eq!(st, 404, "{v}");
    assert_eq!(v["error"]["code"], "not_found");
    let (st, _) = api(
        &app,
        Method::DELETE,
        "/api/v1/tools/999999/review",
        &facilitator,
        None,
    )
    .await;
    assert_eq!(st, 404);
    b.get(&format!("/tools/{tool}"))
        .await
        .expect("No reviews yet")
        .expect("Nobody has reviewed this tool yet.")
        .expect_row(&["Bias seen in outputs", "0", "0", "0", "0", "0"]);
    // A new review may follow, counted afresh.
    let (st, v) = api(
        &app,
        Method::PUT,
        &format!("/api/v1/tools/{tool}/review"),
        &facilitator,
        Some(json!({ "ratings": ratings("dont_know") })),
    )
    .await;
    assert_eq!((st, &v["created"]), (200, &json!(true)), "{v}");
}
