//! The AI tool registry end to end over HTTP, on whichever backend the run
//! uses: the list by name and by review count (an unknown order refused),
//! one review per person per tool (a second edits the first; refused input
//! names its field and saves nothing; an unknown tool is 404), each
//! criterion's spread in the tool page's table and the API, organisations'
//! statuses inherited down the tree with their source shown, and who may
//! decide them (never up or sideways, never a non-admin) and add tools.

use crate::api::{call_as as api, token_for};
use lyceum_domain::i18n::Lang;
use lyceum_domain::registry::review::Criterion;
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, ToolId, UserId};
use lyceum_testkit::{Browser, PASSWORD, Seed, TestApp};
use reqwest::Method;
use serde_json::{Value, json};

fn tool_body(name: &str) -> Value {
    json!({
        "name": name,
        "vendor": format!("{name} Inc."),
        "url": "https://example.org/tool",
        "description": format!("{name} helps teachers plan lessons and give feedback."),
        "min_age": 13,
        "max_age": null,
        "cost_model": "freemium",
        "privacy_agreement": "available"
    })
}

/// Adds a tool as the programme admin (token `admin`).
async fn add_tool(app: &TestApp, admin: &str, name: &str) -> i64 {
    let (st, v) = api(
        app,
        Method::POST,
        "/api/v1/tools",
        admin,
        Some(tool_body(name)),
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

/// Every criterion rated `rating` but those in `except`, as the form sends it.
fn form_ratings<'a>(rating: &'a str, except: &[(&'a str, &'a str)]) -> Vec<(String, String)> {
    Criterion::ALL
        .iter()
        .filter(|c| !except.iter().any(|(k, _)| k == &c.as_str()))
        .map(|c| (format!("ratings-{c}"), rating.to_string()))
        .chain(
            except
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| (format!("ratings-{k}"), v.to_string())),
        )
        .collect()
}

async fn post(b: &Browser, path: &str, fields: &[(String, String)]) -> lyceum_testkit::Page {
    let form: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    b.post(path, &form).await
}

/// A new person holding `role` at `org`, reading English.
async fn person(app: &TestApp, name: &str, org: OrgId, role: Role) -> (UserId, String) {
    person_in(app, name, org, role, Lang::En).await
}

/// A new person holding `role` at `org`, reading `lang`.
async fn person_in(
    app: &TestApp,
    name: &str,
    org: OrgId,
    role: Role,
    lang: Lang,
) -> (UserId, String) {
    let email = format!("{name}@example.org");
    let id = app
        .person(&email, &format!("Test {name}"), role, org, lang)
        .await;
    (id, email)
}

async fn signed_in(app: &TestApp, email: &str) -> Browser {
    let b = app.browser();
    b.sign_in(email, PASSWORD).await;
    b
}

/// The names of the tools in a list answer, in order.
fn names(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn registry_lists_sort_by_name_or_by_review_count_and_nothing_else() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = token_for(&app, s.email("admin")).await;
    let zeta = add_tool(&app, &admin, "Zeta Tutor").await;
    let eclair = add_tool(&app, &admin, "Éclair Writer").await;
    add_tool(&app, &admin, "alpha Planner").await;
    for (who, tool) in [
        ("educator", zeta),
        ("facilitator", zeta),
        ("dadmin", eclair),
    ] {
        let token = token_for(&app, s.email(who)).await;
        let (st, v) = api(
            &app,
            Method::PUT,
            &format!("/api/v1/tools/{tool}/review"),
            &token,
            Some(json!({ "ratings": ratings("meets") })),
        )
        .await;
        assert_eq!(st, 200, "{v}");
        assert_eq!(v["created"], true);
    }
    let educator = token_for(&app, s.email("educator")).await;
    let (st, v) = api(&app, Method::GET, "/api/v1/tools", &educator, None).await;
    assert_eq!(st, 200, "{v}");
    // By name, folded: accents and capitals do not move a tool.
    assert_eq!(
        names(&v),
        ["alpha Planner", "Éclair Writer", "Zeta Tutor"],
        "{v}"
    );
    assert_eq!(v["total"], 3);
    let (_, v) = api(
        &app,
        Method::GET,
        "/api/v1/tools?sort=reviews",
        &educator,
        None,
    )
    .await;
    assert_eq!(
        names(&v),
        ["Zeta Tutor", "Éclair Writer", "alpha Planner"],
        "{v}"
    );
    assert_eq!(v["items"][0]["review_count"], 2);
    let (_, v) = api(
        &app,
        Method::GET,
        "/api/v1/tools?sort=name&offset=2",
        &educator,
        None,
    )
    .await;
    assert_eq!(names(&v), ["Zeta Tutor"]);
    // No order a vendor could buy.
    let (st, v) = api(
        &app,
        Method::GET,
        "/api/v1/tools?sort=score",
        &educator,
        None,
    )
    .await;
    assert_eq!(st, 400);
    assert_eq!(v["error"]["code"], "bad_request", "{v}");

    // The page: the same orders, each row with what a tool is.
    let b = signed_in(&app, s.email("educator")).await;
    let page = b.get("/tools?sort=reviews").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let at = |name: &str| page.body.find(name).unwrap();
    assert!(at("Zeta Tutor") < at("Éclair Writer") && at("Éclair Writer") < at("alpha Planner"));
    page.expect("2 reviews")
        .expect("Ages 13+")
        .expect("Free, with paid features")
        .expect("Privacy agreement available")
        .expect("No decision yet");
    let page = b.get("/tools").await;
    let at = |name: &str| page.body.find(name).unwrap();
    assert!(at("alpha Planner") < at("Éclair Writer") && at("Éclair Writer") < at("Zeta Tutor"));
    assert_eq!(b.get("/tools?sort=stars").await.status, 400);
    // The same list in Spanish, for a reader who reads Spanish.
    let (_, lector) = person_in(&app, "lector", s.school_a, Role::Educator, Lang::Es).await;
    let b = signed_in(&app, &lector).await;
    b.get("/tools?sort=reviews")
        .await
        .expect("<h1>Herramientas de IA</h1>")
        .expect("2 reseñas")
        .expect("Más reseñadas")
        .expect("Gratuita, con funciones de pago");
}

#[tokio::test]
async fn a_review_is_one_per_person_edited_in_place_and_refused_whole() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = token_for(&app, s.email("admin")).await;
    let tool = add_tool(&app, &admin, "MagicSchool").await;
    let b = signed_in(&app, s.email("educator")).await;
    let form = b.get(&format!("/tools/{tool}/review")).await;
    assert_eq!(form.status, 200);
    for c in Criterion::ALL {
        form.expect(&format!("name=\"ratings-{c}\""))
            .expect(&format!("name=\"comments-{c}\""));
    }
    form.expect("Don’t know");

    // A first review: every criterion rated, one commented.
    let mut fields = form_ratings("meets", &[("bias", "does_not_meet")]);
    fields.push((
        "comments-bias".into(),
        "Stories gave every scientist the same name.".into(),
    ));
    let page = post(&b, &format!("/tools/{tool}/review"), &fields).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(page.path, format!("/tools/{tool}"));
    page.expect("1 review")
        .expect("Stories gave every scientist the same name.")
        .expect("Test educator")
        .expect("<caption>How many reviewers rated each criterion each way</caption>")
        .expect_row(&["Bias seen in outputs", "1", "0", "0", "0", "1"])
        .expect_row(&["Data collected", "0", "0", "1", "0", "1"])
        .expect("Change your review");

    // The second edits the first: the form shows it, the counts move.
    let form = b.get(&format!("/tools/{tool}/review")).await;
    form.expect("You reviewed this tool before")
        .expect("value=\"does_not_meet\" id=\"f-ratings-bias\" checked")
        .expect("Stories gave every scientist the same name.");
    let page = post(
        &b,
        &format!("/tools/{tool}/review"),
        &form_ratings("meets", &[("bias", "meets_with_reservations")]),
    )
    .await;
    assert_eq!(page.status, 200);
    page.expect("1 review")
        .expect_row(&["Bias seen in outputs", "0", "1", "0", "0", "1"]);
    let user = s.user("educator");
    let mine = app
        .db
        .read(move |c| lyceum_db::registry::reviews::of_user(c, user))
        .await
        .unwrap();
    assert_eq!(mine.len(), 1);

    // Refused whole: a rating outside the scale and a criterion left out,
    // each named; nothing of it saved.
    let page = post(
        &b,
        &format!("/tools/{tool}/review"),
        &form_ratings("dont_know", &[("bias", "5"), ("transparency", "")]),
    )
    .await;
    assert_eq!(page.status, 422);
    page.expect("href=\"#f-ratings-bias\"")
        .expect("“5” is not one of the options.")
        .expect("href=\"#f-ratings-transparency\"")
        .expect("Rate “Transparency”, or choose “Don’t know”.");
    let mut long = form_ratings("meets", &[]);
    long.push(("comments-accessibility".into(), "x".repeat(1_001)));
    let page = post(&b, &format!("/tools/{tool}/review"), &long).await;
    assert_eq!(page.status, 422);
    page.expect("href=\"#f-comments-accessibility\"");
    let token = token_for(&app, s.email("educator")).await;
    let (st, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/tools/{tool}/review"),
        &token,
        None,
    )
    .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["ratings"]["bias"], "meets_with_reservations", "{v}");
    assert_eq!(v["ratings"]["data_collected"], "meets");
    assert!(v["comments"].as_object().unwrap().is_empty(), "{v}");

    // The API: the same rules, the same one review.
    let mut bad = ratings("meets");
    bad["bias"] = json!("great");
    bad.as_object_mut().unwrap().remove("transparency");
    let (st, v) = api(
        &app,
        Method::PUT,
        &format!("/api/v1/tools/{tool}/review"),
        &token,
        Some(json!({ "ratings": bad })),
    )
    .await;
    assert_eq!(st, 422, "{v}");
    let fields: Vec<&str> = v["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["ratings-bias", "ratings-transparency"], "{v}");
    let (st, v) = api(
        &app,
        Method::PUT,
        &format!("/api/v1/tools/{tool}/review"),
        &token,
        Some(json!({ "ratings": ratings("dont_know"), "comments": { "bias": "Not sure yet." } })),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["created"], false);
    let (_, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/tools/{tool}"),
        &token,
        None,
    )
    .await;
    assert_eq!(v["review_count"], 1, "{v}");
    assert_eq!(v["you_reviewed"], true);
    let bias = &v["criteria"][5];
    assert_eq!(bias["criterion"], "bias");
    assert_eq!(
        (
            &bias["does_not_meet"],
            &bias["meets_with_reservations"],
            &bias["meets"],
            &bias["dont_know"],
            &bias["total"]
        ),
        (&json!(0), &json!(0), &json!(0), &json!(1), &json!(1)),
        "{v}"
    );
    // Reviewers are never named in the API.
    assert!(!v.to_string().contains("Test educator"));

    // An unknown tool is not there, on the page and in the API.
    let page = post(&b, "/tools/999999/review", &form_ratings("meets", &[])).await;
    assert_eq!(page.status, 404);
    assert_eq!(b.get("/tools/999999/review").await.status, 404);
    assert_eq!(b.get("/tools/999999").await.status, 404);
    let (st, _) = api(
        &app,
        Method::PUT,
        "/api/v1/tools/999999/review",
        &token,
        Some(json!({ "ratings": ratings("meets") })),
    )
    .await;
    assert_eq!(st, 404);
    let (st, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/tools/{tool}/review"),
        &admin,
        None,
    )
    .await;
    assert_eq!(st, 404, "the admin has not reviewed it");
}

fn decision(status: &str, org: OrgId) -> Vec<(String, String)> {
    vec![
        ("org".into(), org.0.to_string()),
        ("status".into(), status.into()),
        ("note".into(), "Signed DPA on file.".into()),
        ("decided_on".into(), "2024-09-01".into()),
        ("privacy_agreement_signed".into(), "on".into()),
    ]
}

async fn own_status(app: &TestApp, tool: i64, org: OrgId) -> Option<String> {
    app.db
        .read(move |c| lyceum_db::registry::status::own(c, ToolId(tool), org))
        .await
        .unwrap()
        .map(|d| d.status.as_str().to_string())
}

#[tokio::test]
async fn a_districts_status_reaches_its_schools_and_power_never_flows_up_or_sideways() {
    let app = TestApp::start().await;
    let s: Seed = app.seed().await;
    let admin = token_for(&app, s.email("admin")).await;
    let tool = add_tool(&app, &admin, "Brisk Teaching").await;
    let status_page = format!("/tools/{tool}/status");

    // The district's admin approves it for the district.
    let dadmin = signed_in(&app, s.email("dadmin")).await;
    let form = dadmin.get(&status_page).await;
    assert_eq!(form.status, 200, "{}", form.body);
    form.expect("Columbus City Schools")
        .expect("None: it follows the organisation above it");
    let page = post(&dadmin, &status_page, &decision("approved", s.district)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.expect("Approved by Columbus City Schools, 1 Sep 2024");

    // A school's educator sees it, with where it comes from.
    let educator = signed_in(&app, s.email("educator")).await;
    let page = educator.get(&format!("/tools/{tool}")).await;
    page.expect("Approved by Columbus City Schools, 1 Sep 2024")
        .expect("Signed DPA on file.")
        .expect("has signed the vendor’s privacy agreement");
    assert!(!page.contains(&format!("/tools/{tool}/status\"")));
    educator
        .get("/tools")
        .await
        .expect("Approved by Columbus City Schools, 1 Sep 2024");
    let token = token_for(&app, s.email("educator")).await;
    let (_, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/tools/{tool}"),
        &token,
        None,
    )
    .await;
    assert_eq!(v["your_status"]["status"], "approved", "{v}");
    assert_eq!(v["your_status"]["org_id"], s.district.0);
    assert_eq!(v["your_status"]["org_name"], "Columbus City Schools");
    assert_eq!(v["your_status"]["decided_on"], "2024-09-01");
    // Another branch of the tree does not inherit it.
    let moderator = token_for(&app, s.email("moderator")).await;
    let (_, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/tools/{tool}"),
        &moderator,
        None,
    )
    .await;
    assert!(v["your_status"].is_null(), "{v}");

    // A non-admin decides nothing, on the page or in the API.
    assert_eq!(educator.get(&status_page).await.status, 403);
    let page = post(
        &educator,
        &status_page,
        &decision("not_approved", s.school_a),
    )
    .await;
    assert_eq!(page.status, 403);
    let (st, _) = api(
        &app,
        Method::PUT,
        &format!("/api/v1/orgs/{}/tools/{tool}/status", s.school_a.0),
        &token,
        Some(json!({ "status": "not_approved", "decided_on": "2024-09-02" })),
    )
    .await;
    assert_eq!(st, 403);

    // A school's admin decides for the school, never for its district
    // (up) nor for another branch's school (sideways).
    let (_, sadmin_email) = person(&app, "sadmin", s.school_a, Role::OrgAdmin).await;
    let sadmin = signed_in(&app, &sadmin_email).await;
    let form = sadmin.get(&status_page).await;
    assert_eq!(form.status, 200);
    form.expect("Lincoln Elementary");
    assert!(!form.contains(&format!("<option value=\"{}\"", s.district.0)));
    for org in [s.district, s.school_b] {
        let page = post(&sadmin, &status_page, &decision("not_approved", org)).await;
        assert_eq!(page.status, 422, "{}", page.body);
        page.expect("href=\"#f-org\"")
            .expect("or of an organisation above it, set its status for a tool");
    }
    let stoken = token_for(&app, &sadmin_email).await;
    for org in [s.district, s.school_b, s.local] {
        let (st, _) = api(
            &app,
            Method::PUT,
            &format!("/api/v1/orgs/{}/tools/{tool}/status", org.0),
            &stoken,
            Some(json!({ "status": "not_approved", "decided_on": "2024-09-02" })),
        )
        .await;
        assert_eq!(st, 403, "{org:?}");
        let (st, _) = api(
            &app,
            Method::DELETE,
            &format!("/api/v1/orgs/{}/tools/{tool}/status", org.0),
            &stoken,
            None,
        )
        .await;
        assert_eq!(st, 403, "{org:?}");
    }
    // The local's admin, beside the district, cannot touch it either.
    let ltoken = token_for(&app, s.email("ladmin")).await;
    let (st, _) = api(
        &app,
        Method::DELETE,
        &format!("/api/v1/orgs/{}/tools/{tool}/status", s.district.0),
        &ltoken,
        None,
    )
    .await;
    assert_eq!(st, 403);
    assert_eq!(
        own_status(&app, tool, s.district).await.as_deref(),
        Some("approved")
    );
    assert_eq!(own_status(&app, tool, s.school_b).await, None);

    // The school's own decision overrides the district's for its people…
    let page = post(&sadmin, &status_page, &decision("not_approved", s.school_a)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    educator
        .get(&format!("/tools/{tool}"))
        .await
        .expect("Not approved by Lincoln Elementary, 1 Sep 2024");
    // …until it is cleared, and the district's is in force again.
    let page = post(
        &sadmin,
        &status_page,
        &[
            ("org".to_string(), s.school_a.0.to_string()),
            ("action".to_string(), "clear".to_string()),
        ],
    )
    .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(own_status(&app, tool, s.school_a).await, None);
    educator
        .get(&format!("/tools/{tool}"))
        .await
        .expect("Approved by Columbus City Schools, 1 Sep 2024");

    // Bad decisions are refused by field, nothing saved.
    let mut bad = decision("banned", s.school_a);
    bad[3].1 = "2024-02-30".into();
    let page = post(&sadmin, &status_page, &bad).await;
    assert_eq!(page.status, 422);
    page.expect("href=\"#f-status\"")
        .expect("href=\"#f-decided_on\"");
    assert_eq!(own_status(&app, tool, s.school_a).await, None);
    let (st, v) = api(
        &app,
        Method::PUT,
        &format!("/api/v1/orgs/{}/tools/{tool}/status", s.school_a.0),
        &stoken,
        Some(json!({ "decided_on": "2024-09-02" })),
    )
    .await;
    assert_eq!(st, 422);
    assert_eq!(v["error"]["fields"][0]["field"], "status", "{v}");
    let (st, _) = api(
        &app,
        Method::PUT,
        &format!("/api/v1/orgs/{}/tools/999999/status", s.school_a.0),
        &stoken,
        Some(json!({ "status": "approved", "decided_on": "2024-09-02" })),
    )
    .await;
    assert_eq!(st, 404);

    // The API as the district's admin: set under review, then clear.
    let dtoken = token_for(&app, s.email("dadmin")).await;
    let (st, v) = api(
        &app,
        Method::PUT,
        &format!("/api/v1/orgs/{}/tools/{tool}/status", s.district.0),
        &dtoken,
        Some(json!({ "status": "under_review", "note": "", "decided_on": "2024-10-01" })),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["status"], "under_review");
    let (_, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/tools/{tool}"),
        &token,
        None,
    )
    .await;
    assert_eq!(v["your_status"]["status"], "under_review", "{v}");
    let (st, _) = api(
        &app,
        Method::DELETE,
        &format!("/api/v1/orgs/{}/tools/{tool}/status", s.district.0),
        &dtoken,
        None,
    )
    .await;
    assert_eq!(st, 204);
    let (_, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/tools/{tool}"),
        &token,
        None,
    )
    .await;
    assert!(v["your_status"].is_null(), "{v}");
}

#[tokio::test]
async fn tools_are_added_and_edited_by_programme_admins_only() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = token_for(&app, s.email("admin")).await;
    for who in ["educator", "dadmin", "author"] {
        let token = token_for(&app, s.email(who)).await;
        let (st, _) = api(
            &app,
            Method::POST,
            "/api/v1/tools",
            &token,
            Some(tool_body("Vendor's own")),
        )
        .await;
        assert_eq!(st, 403, "{who}");
    }
    let (st, v) = api(&app, Method::POST, "/api/v1/tools", &admin, Some(json!({}))).await;
    assert_eq!(st, 422);
    let fields: Vec<&str> = v["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    for f in [
        "name",
        "vendor",
        "url",
        "description",
        "min_age",
        "cost_model",
    ] {
        assert!(fields.contains(&f), "{f}: {v}");
    }
    let id = add_tool(&app, &admin, "Khanmigo").await;
    let (st, v) = api(
        &app,
        Method::POST,
        "/api/v1/tools",
        &admin,
        Some(tool_body("khanmigo")),
    )
    .await;
    assert_eq!(st, 422);
    assert_eq!(v["error"]["fields"][0]["code"], "tool-exists", "{v}");
    let mut edited = tool_body("Khanmigo");
    edited["max_age"] = json!(12);
    edited["min_age"] = json!(8);
    let (st, v) = api(
        &app,
        Method::PUT,
        &format!("/api/v1/tools/{id}"),
        &admin,
        Some(edited),
    )
    .await;
    assert_eq!(st, 204, "{v}");
    let (_, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/tools/{id}"),
        &admin,
        None,
    )
    .await;
    assert_eq!(
        (v["min_age"].clone(), v["max_age"].clone()),
        (json!(8), json!(12))
    );
    let (st, _) = api(
        &app,
        Method::PUT,
        "/api/v1/tools/999999",
        &admin,
        Some(tool_body("Nowhere")),
    )
    .await;
    assert_eq!(st, 404);

    // On the pages.
    let educator = signed_in(&app, s.email("educator")).await;
    assert_eq!(educator.get("/tools/new").await.status, 403);
    assert_eq!(educator.get(&format!("/tools/{id}/edit")).await.status, 403);
    let b = signed_in(&app, s.email("admin")).await;
    b.get("/tools").await.expect("href=\"/tools/new\"");
    let form = b.get("/tools/new").await;
    assert_eq!(form.status, 200);
    let fields = |vendor: &str| -> Vec<(String, String)> {
        [
            ("name", "Diffit"),
            ("vendor", vendor),
            ("url", "https://web.diffit.me/"),
            ("description", "Levels a text for a reading level."),
            ("min_age", "13"),
            ("max_age", ""),
            ("cost_model", "freemium"),
            ("privacy_agreement", "none_known"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    };
    let page = post(&b, "/tools/new", &fields("")).await;
    assert_eq!(page.status, 422);
    page.expect("Enter the vendor.")
        .expect("href=\"#f-vendor\"");
    let page = post(&b, "/tools/new", &fields("Diffit Inc.")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.expect("By Diffit Inc.")
        .expect("No privacy agreement known");
    let new_id: i64 = page.path.trim_start_matches("/tools/").parse().unwrap();
    let form = b.get(&format!("/tools/{new_id}/edit")).await;
    assert_eq!(form.input_value("name").as_deref(), Some("Diffit"));
    let mut changed = fields("Diffit Inc.");
    changed[0].1 = "Diffit for Teachers".into();
    let page = post(&b, &format!("/tools/{new_id}/edit"), &changed).await;
    assert_eq!(page.status, 200);
    page.expect("<h1>Diffit for Teachers</h1>");
}
