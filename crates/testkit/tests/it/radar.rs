//! The challenge radar end to end over HTTP: reporting a challenge on the
//! page and in the API (bad input refused by field, nothing saved), triage
//! kept to the triager's subtree (404 for an org admin elsewhere), merging
//! (never into itself), addressing told to the reporter, the anonymity
//! test (an anonymous reporter's id, name and email in nothing an org
//! admin or another educator can reach; a programme admin sees who), and
//! the radar's counts: "<10" and withheld counts for educators, none of
//! them derivable, exact numbers for programme admins.

use crate::api::token_for;
use lyceum_domain::disclosure::{self, Cell, Table};
use lyceum_domain::i18n::Lang;
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, UserId};
use lyceum_testkit::{Browser, PASSWORD, TestApp};
use reqwest::Method;
use serde_json::{Value, json};

async fn api(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (u16, Value, String) {
    let mut r = reqwest::Client::new()
        .request(method, format!("{}{path}", app.url))
        .bearer_auth(token);
    if let Some(b) = body {
        r = r.json(&b);
    }
    let r = r.send().await.unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::Null),
        text,
    )
}

/// A person named `name` with `role` at `org`: (id, email).
async fn person(app: &TestApp, slug: &str, name: &str, role: Role, org: OrgId) -> (UserId, String) {
    let email = format!("{slug}@example.org");
    let id = app.person(&email, name, role, org, Lang::En).await;
    (id, email)
}

fn report(category: &str, anonymous: bool) -> Value {
    json!({
        "category": category, "severity": "harms-learning", "subject": "math",
        "grade_band": "6-8",
        "happened": "The chatbot invented three sources for an essay.",
        "tried": "We checked each source together.",
        "anonymous": anonymous
    })
}

/// Reports stored, whatever their state.
async fn stored(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    app.db
        .read(|c| {
            Ok(lyceum_db::schema::challenge_reports::table
                .count()
                .get_result::<i64>(c)?)
        })
        .await
        .unwrap()
}

fn report_form(category: &str, anonymous: bool) -> Vec<(&str, &str)> {
    let mut f = vec![
        ("category", category),
        ("severity", "harms-student"),
        ("tool", ""),
        ("subject", "science"),
        ("grade_band", "9-12"),
        (
            "happened",
            "A detector flagged a student's own essay as AI-written.",
        ),
        ("tried", ""),
    ];
    if anonymous {
        f.push(("anonymous", "on"));
    }
    f
}

/// The id in a report's address (`/challenges/<id>?…`).
fn id_in(path: &str) -> i64 {
    path.trim_start_matches("/challenges/")
        .split(['?', '/'])
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("not a report's address: {path}"))
}

#[tokio::test]
async fn reporting_a_challenge_on_the_page_and_in_the_api() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = Browser::new(&app.url);
    b.sign_in(s.email("educator"), PASSWORD).await;

    // The form explains anonymity plainly.
    let form = b.get("/challenges/new").await;
    assert_eq!(form.status, 200);
    form.expect("name=\"anonymous\"")
        .expect("Only the programme’s admins can ever learn who sent it.");

    // No category: refused on `category`, with what was typed kept, nothing saved.
    let refused = b.post("/challenges/new", &report_form("", false)).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    refused
        .expect("Choose what kind of problem it is.")
        .expect("href=\"#f-category\"")
        .expect("flagged a student&#39;s own essay");
    assert_eq!(stored(&app).await, 0);

    // Filed: a confirmation and the way to "My reports".
    let done = b.post("/challenges/new", &report_form("bias", false)).await;
    assert_eq!(done.status, 200, "{}", done.body);
    done.expect("Thank you: your report was sent")
        .expect("href=\"/challenges/mine\"");
    let id = id_in(&done.path);
    assert_eq!(stored(&app).await, 1);
    let mine = b.get("/challenges/mine").await;
    mine.expect(&format!("href=\"/challenges/{id}\""))
        .expect("Bias or unfair output")
        .expect("New");

    // The API: the same rules, by field.
    let token = token_for(&app, s.email("educator")).await;
    let mut no_category = report("", false);
    no_category["category"] = json!("");
    let (st, v, _) = api(
        &app,
        Method::POST,
        "/api/v1/challenges",
        &token,
        Some(no_category),
    )
    .await;
    assert_eq!(st, 422, "{v}");
    assert_eq!(v["error"]["fields"][0]["field"], "category", "{v}");
    let mut unknown_tool = report("workload", false);
    unknown_tool["tool_id"] = json!(987_654);
    let (st, v, _) = api(
        &app,
        Method::POST,
        "/api/v1/challenges",
        &token,
        Some(unknown_tool),
    )
    .await;
    assert_eq!(st, 422, "{v}");
    assert_eq!(v["error"]["fields"][0]["field"], "tool", "{v}");
    assert_eq!(v["error"]["fields"][0]["code"], "unknown-tool", "{v}");
    assert_eq!(stored(&app).await, 1);
    let (st, v, _) = api(
        &app,
        Method::POST,
        "/api/v1/challenges",
        &token,
        Some(report("workload", true)),
    )
    .await;
    assert_eq!(st, 201, "{v}");
    let api_id = v["id"].as_i64().unwrap();
    let (st, v, _) = api(&app, Method::GET, "/api/v1/challenges/mine", &token, None).await;
    assert_eq!(st, 200);
    let ids: Vec<i64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![api_id, id]);
    // The reporter sees their own anonymous report as theirs.
    assert_eq!(v[0]["anonymous"], true);
    assert_eq!(v[0]["you_filed"], true);
    let (st, v, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/challenges/{api_id}"),
        &token,
        None,
    )
    .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["status"], "new");
    // Unknown reports are not there.
    let (st, v, _) = api(&app, Method::GET, "/api/v1/challenges/999999", &token, None).await;
    assert_eq!(st, 404, "{v}");
    assert_eq!(b.get("/challenges/999999").await.status, 404);
    // Parameters that are not what they say: refused in the API's own shape.
    for path in [
        "/api/v1/challenges/not-a-number",
        "/api/v1/challenges/triage?status=lost",
        "/api/v1/challenges/triage?before=-3",
        "/api/v1/radar?org=x",
    ] {
        let (st, v, text) = api(&app, Method::GET, path, &token, None).await;
        assert!(st == 400 || st == 404 || st == 422, "{path}: {st} {text}");
        assert!(v["error"]["code"].is_string(), "{path}: {text}");
    }
}

#[tokio::test]
async fn triage_keeps_to_its_subtree_merges_never_into_itself_and_tells_the_reporter() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let reporter = Browser::new(&app.url);
    reporter.sign_in(s.email("educator"), PASSWORD).await;
    let first = id_in(
        &reporter
            .post("/challenges/new", &report_form("academic-integrity", false))
            .await
            .path,
    );
    let second = id_in(
        &reporter
            .post("/challenges/new", &report_form("academic-integrity", false))
            .await
            .path,
    );

    // An org admin of another district: not there at all (404, as for
    // anything else one may not see), in the queue neither.
    let ladmin = Browser::new(&app.url);
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    assert_eq!(
        ladmin.get(&format!("/challenges/{first}")).await.status,
        404
    );
    let p = ladmin
        .post(
            &format!("/challenges/{first}/triage"),
            &[("status", "triaged")],
        )
        .await;
    assert_eq!(p.status, 404);
    let p = ladmin
        .post(
            &format!("/challenges/{second}/merge"),
            &[("into", &first.to_string())],
        )
        .await;
    assert_eq!(p.status, 404);
    assert!(
        !ladmin
            .get("/challenges/triage")
            .await
            .contains(&format!("/challenges/{first}\""))
    );
    let ltoken = token_for(&app, s.email("ladmin")).await;
    let (st, _, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/challenges/{first}"),
        &ltoken,
        None,
    )
    .await;
    assert_eq!(st, 404);
    let (st, _, _) = api(
        &app,
        Method::POST,
        &format!("/api/v1/challenges/{first}/triage"),
        &ltoken,
        Some(json!({"status": "triaged"})),
    )
    .await;
    assert_eq!(st, 404);
    let (st, v, _) = api(
        &app,
        Method::GET,
        "/api/v1/challenges/triage",
        &ltoken,
        None,
    )
    .await;
    assert_eq!(st, 200);
    assert!(v["items"].as_array().unwrap().is_empty(), "{v}");

    // The district's admin triages it.
    let dadmin = Browser::new(&app.url);
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    dadmin
        .get("/challenges/triage")
        .await
        .expect(&format!("href=\"/challenges/{first}\""))
        .expect(&format!("href=\"/challenges/{second}\""));
    let filtered = dadmin
        .get("/challenges/triage?status=new&category=bias")
        .await;
    assert!(!filtered.contains(&format!("href=\"/challenges/{first}\"")));
    // Never straight from new to addressed; addressed needs an answer.
    let p = dadmin
        .post(
            &format!("/challenges/{first}/triage"),
            &[("status", "addressed"), ("answer", ""), ("tags", "")],
        )
        .await;
    assert_eq!(p.status, 422);
    p.expect("Say what answered it before marking it addressed.");
    let p = dadmin
        .post(
            &format!("/challenges/{first}/triage"),
            &[("status", "triaged"), ("tags", "detectors, essays")],
        )
        .await;
    assert_eq!(p.status, 200, "{}", p.body);
    p.expect("detectors, essays").expect("Triaged");

    // Merging into itself, or into a report that does not exist: refused by name.
    let p = dadmin
        .post(
            &format!("/challenges/{second}/merge"),
            &[("into", &second.to_string())],
        )
        .await;
    assert_eq!(p.status, 422);
    p.expect("A report cannot be merged into itself.")
        .expect("href=\"#f-into\"");
    let dtoken = token_for(&app, s.email("dadmin")).await;
    let (st, v, _) = api(
        &app,
        Method::POST,
        &format!("/api/v1/challenges/{second}/merge"),
        &dtoken,
        Some(json!({"into": second})),
    )
    .await;
    assert_eq!(st, 422);
    assert_eq!(v["error"]["fields"][0]["field"], "into", "{v}");
    assert_eq!(
        v["error"]["fields"][0]["code"], "challenge-merge-itself",
        "{v}"
    );
    let (st, v, _) = api(
        &app,
        Method::POST,
        &format!("/api/v1/challenges/{second}/merge"),
        &dtoken,
        Some(json!({"into": 999_999})),
    )
    .await;
    assert_eq!(st, 422);
    assert_eq!(v["error"]["fields"][0]["code"], "unknown-challenge", "{v}");
    let (st, v, _) = api(
        &app,
        Method::POST,
        "/api/v1/challenges/999999/merge",
        &dtoken,
        Some(json!({"into": first})),
    )
    .await;
    assert_eq!(st, 404, "{v}");
    // Nothing changed by the refusals: the second is still in the queue.
    let (_, v, _) = api(
        &app,
        Method::GET,
        "/api/v1/challenges/triage",
        &dtoken,
        None,
    )
    .await;
    let queued: Vec<i64> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert_eq!(queued, vec![second, first]);
    // A real merge: the duplicate leaves the queue.
    let p = dadmin
        .post(
            &format!("/challenges/{second}/merge"),
            &[("into", &first.to_string())],
        )
        .await;
    assert_eq!(p.status, 200);
    assert_eq!(id_in(&p.path), first);
    let (_, v, _) = api(
        &app,
        Method::GET,
        "/api/v1/challenges/triage",
        &dtoken,
        None,
    )
    .await;
    assert_eq!(v["items"].as_array().unwrap().len(), 1, "{v}");

    // Addressed with guidance (the API): the reporter is told in the app.
    let (st, v, _) = api(
        &app,
        Method::POST,
        &format!("/api/v1/challenges/{first}/triage"),
        &dtoken,
        Some(
            json!({"status": "addressed", "tags": ["detectors"], "answer": "guidance",
                    "guidance": "Do not use detectors as evidence; talk with the student."}),
        ),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["status"], "addressed");
    assert_eq!(v["answer"]["kind"], "guidance");
    let told = reporter.get("/notifications").await;
    told.expect("was addressed")
        .expect(&format!("/challenges/{first}"));
    reporter
        .get(&format!("/challenges/{first}"))
        .await
        .expect("Do not use detectors as evidence");
    // Nobody else was told.
    assert!(!dadmin.get("/notifications").await.contains("was addressed"));
}

/// Everything in `bodies` must be free of every one of `needles`.
fn none_names(bodies: &[(String, String)], needles: &[String]) {
    for (what, body) in bodies {
        for n in needles {
            assert!(
                !body.contains(n.as_str()),
                "{what} reveals the anonymous reporter ({n}):\n{body}"
            );
        }
    }
}

#[tokio::test]
async fn an_anonymous_reporter_is_in_nothing_an_org_admin_or_another_educator_can_reach() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let (rid, remail) = person(
        &app,
        "quintessa.anon",
        "Quintessa Marlowe-Vane",
        Role::Educator,
        s.school_a,
    )
    .await;
    let reporter = Browser::new(&app.url);
    reporter.sign_in(&remail, PASSWORD).await;
    let id = id_in(
        &reporter
            .post("/challenges/new", &report_form("student-privacy", true))
            .await
            .path,
    );
    let rtoken = token_for(&app, &remail).await;
    let (st, v, _) = api(
        &app,
        Method::POST,
        "/api/v1/challenges",
        &rtoken,
        Some(report("student-privacy", true)),
    )
    .await;
    assert_eq!(st, 201);
    let dup = v["id"].as_i64().unwrap();

    // The district admin triages, merges and addresses it.
    let dadmin = Browser::new(&app.url);
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let dtoken = token_for(&app, s.email("dadmin")).await;
    let page = dadmin
        .post(
            &format!("/challenges/{id}/triage"),
            &[("status", "triaged"), ("tags", "privacy")],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    // Only the district, never the school, for an anonymous report.
    page.expect("Anonymous").expect("Columbus City Schools");
    assert!(!page.contains("Lincoln Elementary"), "{}", page.body);
    let p = dadmin
        .post(
            &format!("/challenges/{dup}/merge"),
            &[("into", &id.to_string())],
        )
        .await;
    assert_eq!(p.status, 200);
    let (st, _, _) = api(
        &app,
        Method::POST,
        &format!("/api/v1/challenges/{id}/triage"),
        &dtoken,
        Some(json!({"status": "addressed", "answer": "guidance", "guidance": "Use the district's consent form."})),
    )
    .await;
    assert_eq!(st, 200);
    // The reporter is told (in their own notifications).
    reporter.get("/notifications").await.expect("was addressed");

    // Every body the org admin and another educator can reach about it.
    let educator = Browser::new(&app.url);
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let etoken = token_for(&app, s.email("educator")).await;
    let district = s.district.0;
    let mut bodies: Vec<(String, String)> = Vec::new();
    for (who, b) in [("dadmin", &dadmin), ("educator", &educator)] {
        for path in [
            "/".to_string(),
            "/challenges/triage".into(),
            "/challenges/triage?status=addressed".into(),
            format!("/challenges/{id}"),
            format!("/challenges/{dup}"),
            "/radar".into(),
            format!("/radar?org={district}"),
            "/radar.csv".into(),
            format!("/radar.csv?org={district}"),
            "/notifications".into(),
            "/challenges/mine".into(),
            format!("/orgs/{district}/admin/overview"),
        ] {
            let p = b.get(&path).await;
            bodies.push((format!("{who} {path}"), p.body));
        }
    }
    for (who, t) in [("dadmin", &dtoken), ("educator", &etoken)] {
        for path in [
            "/api/v1/challenges/triage".to_string(),
            "/api/v1/challenges/triage?status=addressed".into(),
            format!("/api/v1/challenges/{id}"),
            format!("/api/v1/challenges/{dup}"),
            "/api/v1/challenges/mine".into(),
            "/api/v1/radar".into(),
            format!("/api/v1/radar?org={district}"),
            "/api/v1/radar.csv".into(),
            "/api/v1/notifications".into(),
        ] {
            let (_, _, text) = api(&app, Method::GET, &path, t, None).await;
            bodies.push((format!("{who} {path}"), text));
        }
    }
    // The org admin does reach it; the educator does not.
    let seen_by_dadmin = format!("dadmin /challenges/{id}");
    assert!(
        bodies
            .iter()
            .any(|(w, b)| *w == seen_by_dadmin && b.contains("Student privacy"))
    );
    let (st, v, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/challenges/{id}"),
        &dtoken,
        None,
    )
    .await;
    assert_eq!(st, 200);
    assert_eq!(v["anonymous"], true);
    assert!(v["reporter"].is_null(), "{v}");
    assert_eq!(v["place"], "Columbus City Schools");
    let (st, _, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/challenges/{id}"),
        &etoken,
        None,
    )
    .await;
    assert_eq!(st, 404);
    // Emails to anyone but the reporter.
    if let Ok(dir) = std::fs::read_dir(app.outbox_path()) {
        for f in dir.flatten() {
            let text = std::fs::read_to_string(f.path()).unwrap_or_default();
            if !text.contains(&remail) {
                bodies.push((format!("email {}", f.path().display()), text));
            }
        }
    }
    // The audit log: no entry of the report's life names the reporter.
    let audit: Vec<(Option<i64>, Option<i64>, String)> = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            use lyceum_db::schema::audit_log;
            Ok(audit_log::table
                .filter(audit_log::action.like("challenge.%"))
                .select((
                    audit_log::actor_id,
                    audit_log::subject_user_id,
                    audit_log::detail,
                ))
                .load(c)?)
        })
        .await
        .unwrap();
    assert!(audit.len() >= 4, "{audit:?}");
    for (actor, subject, detail) in &audit {
        assert_ne!(*actor, Some(rid.0), "{detail}");
        assert_ne!(*subject, Some(rid.0), "{detail}");
        bodies.push(("audit".into(), detail.clone()));
    }
    let needles = vec![
        "Quintessa".to_string(),
        "Marlowe-Vane".to_string(),
        remail.clone(),
        "quintessa.anon".to_string(),
        format!("\"reporter_id\":{}", rid.0),
        format!("\"reporter\":{{\"id\":{}", rid.0),
        format!("\"user_id\":{}", rid.0),
        format!("/people/{}\"", rid.0),
        format!("author={}\"", rid.0),
    ];
    none_names(&bodies, &needles);

    // A programme admin does see who reported it.
    let admin = Browser::new(&app.url);
    admin.sign_in(s.email("admin"), PASSWORD).await;
    admin
        .get(&format!("/challenges/{id}"))
        .await
        .expect("Quintessa Marlowe-Vane")
        .expect("Lincoln Elementary");
    let atoken = token_for(&app, s.email("admin")).await;
    let (st, v, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/challenges/{id}"),
        &atoken,
        None,
    )
    .await;
    assert_eq!(st, 200);
    assert_eq!(v["reporter"]["id"], rid.0, "{v}");
    assert_eq!(v["anonymous"], true);
}

/// A published count as the API gives it.
fn cell(v: &Value) -> Cell {
    match v.as_str().unwrap() {
        "<10" => Cell::Small,
        "suppressed" => Cell::Withheld,
        n => Cell::Shown(n.parse().unwrap_or_else(|_| panic!("not a count: {n}"))),
    }
}

fn table_of(t: &Value) -> Table {
    let cells = |v: &Value| -> Vec<Cell> { v.as_array().unwrap().iter().map(cell).collect() };
    Table {
        cells: t["cells"].as_array().unwrap().iter().map(cells).collect(),
        row_totals: cells(&t["row_totals"]),
        column_totals: cells(&t["month_totals"]),
        total: cell(&t["total"]),
    }
}

#[tokio::test]
async fn the_radar_hides_small_counts_outside_the_programme_team_and_none_can_be_worked_out() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let token = token_for(&app, s.email("educator")).await;
    // 12 bias, 11 workload and 3 wrong answers this month.
    for (category, n) in [("bias", 12), ("workload", 11), ("wrong-answers", 3)] {
        for _ in 0..n {
            let (st, v, _) = api(
                &app,
                Method::POST,
                "/api/v1/challenges",
                &token,
                Some(report(category, false)),
            )
            .await;
            assert_eq!(st, 201, "{v}");
        }
    }
    let admin = token_for(&app, s.email("admin")).await;
    let (st, exact, _) = api(&app, Method::GET, "/api/v1/radar", &admin, None).await;
    assert_eq!(st, 200, "{exact}");
    assert_eq!(exact["exact"], true);
    let (st, hidden, _) = api(&app, Method::GET, "/api/v1/radar", &token, None).await;
    assert_eq!(st, 200, "{hidden}");
    assert_eq!(hidden["exact"], false);

    let rows: Vec<&str> = exact["tables"][0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    let row = |code: &str| rows.iter().position(|r| *r == code).unwrap();
    let month = exact["months"].as_array().unwrap().len() - 1;
    // The programme admin sees every count exactly.
    let e = &exact["tables"][0];
    assert_eq!(e["cells"][row("bias")][month], "12");
    assert_eq!(e["cells"][row("workload")][month], "11");
    assert_eq!(e["cells"][row("wrong-answers")][month], "3");
    assert_eq!(e["total"], "26");
    // An educator sees "<10" for the small ones and nothing derivable.
    let h = &hidden["tables"][0];
    assert_eq!(h["cells"][row("wrong-answers")][month], "<10");
    assert_eq!(h["cells"][row("other")][month], "<10");
    for t in hidden["tables"].as_array().unwrap() {
        let table = table_of(t);
        for (i, r) in table.cells.iter().enumerate() {
            for (j, c) in r.iter().enumerate() {
                if let Cell::Shown(n) = c {
                    assert!(*n >= 10, "{} [{i}][{j}] shows {n}", t["dimension"]);
                }
            }
        }
        let leaks = disclosure::derivable(&table);
        assert!(leaks.is_empty(), "{}: {leaks:?} derivable", t["dimension"]);
    }
    // What may be shown is: the grand total, over ten.
    assert_eq!(h["total"], "26", "{hidden}");
    // The CSV publishes the same counts, line for line.
    let (st, _, csv) = api(&app, Method::GET, "/api/v1/radar.csv", &token, None).await;
    assert_eq!(st, 200, "{csv}");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "Dimension,Value,Month,Count");
    let months = hidden["months"].as_array().unwrap();
    for t in hidden["tables"].as_array().unwrap() {
        let d = t["dimension"].as_str().unwrap();
        for (i, v) in t["rows"].as_array().unwrap().iter().enumerate() {
            for (j, m) in months.iter().enumerate() {
                let line = format!(
                    "{d},{},{},{}",
                    v.as_str().unwrap(),
                    m.as_str().unwrap(),
                    t["cells"][i][j].as_str().unwrap()
                );
                assert!(lines.contains(&line.as_str()), "{line} not in\n{csv}");
            }
        }
        let total = format!("{d},total,total,{}", t["total"].as_str().unwrap());
        assert!(lines.contains(&total.as_str()), "{total} not in\n{csv}");
    }
    assert!(csv.contains("category,wrong-answers,total,<10"), "{csv}");
    let (_, _, exact_csv) = api(&app, Method::GET, "/api/v1/radar.csv", &admin, None).await;
    assert!(
        exact_csv.contains("category,wrong-answers,total,3"),
        "{exact_csv}"
    );

    // The page: a chart with its words, the table, "<10" for the educator.
    let b = Browser::new(&app.url);
    b.sign_in(s.email("educator"), PASSWORD).await;
    let page = b.get("/radar").await;
    assert_eq!(page.status, 200);
    page.expect("role=\"img\"")
        .expect("-caption\">Reports by category and month</caption>")
        .expect("<th scope=\"row\">Wrong or invented answers</th>")
        .expect("<td>&#60;10</td>");
    let a = Browser::new(&app.url);
    a.sign_in(s.email("admin"), PASSWORD).await;
    let page = a.get("/radar").await;
    page.expect("You see exact counts")
        .expect("<td>26</td>")
        .expect("href=\"/challenges/triage\"");
    // Only one's own subtree may be chosen.
    let (st, v, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/radar?org={}", s.district.0),
        &token,
        None,
    )
    .await;
    assert_eq!(st, 422, "{v}");
    assert_eq!(v["error"]["fields"][0]["field"], "org");
    let dadmin = token_for(&app, s.email("dadmin")).await;
    let (st, v, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/radar?org={}", s.district.0),
        &dadmin,
        None,
    )
    .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["org_name"], "Columbus City Schools");
    assert_eq!(v["exact"], false);
    let (st, _, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/radar?org={}", s.local.0),
        &dadmin,
        None,
    )
    .await;
    assert_eq!(st, 422);
}
