//! Whatever people type is shown as text: classic script payloads go into
//! every field someone can write (names, organisations, spaces, posts,
//! course files, PD requests, reflections, hand-ins, reviews, tokens,
//! providers, drafts, refused inputs echoed back, search words), then every
//! page that shows them is fetched as the people who see it and parsed: no
//! script of anyone's but ours, no event handler, no `javascript:` URL, no
//! payload unescaped.

use lyceum_testkit::{
    Browser, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OidcProvider, OutsidePd, PASSWORD, Page, TestApp,
    TestUser,
};
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use std::time::Duration;

/// A handful of classics: a script, breaking out of an attribute (both
/// quotes), out of a textarea, and script URLs plain and in Markdown.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
];

/// What in `body` would run: problems found by reading every tag.
pub(crate) fn executable(body: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if body[i..].starts_with("<!--") {
            i = body[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let start = i + 1;
        if start >= b.len() || !b[start].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let mut j = start;
        while j < b.len() && !matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
            j += 1;
        }
        let name = body[start..j].to_ascii_lowercase();
        let (attrs, end) = attributes(body, j);
        let tag = &body[i..end.min(b.len())];
        let src = attrs
            .iter()
            .find(|(k, _)| k == "src")
            .map(|(_, v)| v.as_str());
        match name.as_str() {
            "script" if !src.is_some_and(|s| s.starts_with("/static/")) => {
                problems.push(format!("a script not ours: {tag}"))
            }
            "iframe" | "frame" | "frameset" | "object" | "embed" | "applet" | "base" => {
                problems.push(format!("<{name}>: {tag}"))
            }
            "meta" if attrs.iter().any(|(k, _)| k == "http-equiv") => {
                problems.push(format!("a meta refresh: {tag}"))
            }
            _ => {}
        }
        for (k, v) in &attrs {
            if k.starts_with("on") {
                problems.push(format!("an event handler: {tag}"));
            }
            let url = normalised_url(v);
            let scheme = ["javascript:", "vbscript:", "data:text/html"]
                .iter()
                .any(|s| url.starts_with(s));
            if k == "srcdoc"
                || (scheme
                    && matches!(
                        k.as_str(),
                        "href" | "src" | "action" | "formaction" | "xlink:href" | "data"
                    ))
                || (k == "style" && (url.contains("expression(") || url.contains("javascript:")))
            {
                problems.push(format!("a script URL: {tag}"));
            }
        }
        i = end;
    }
    problems
}

/// The attributes of a tag whose name ends at `from`, as a browser reads
/// them (names lowercased, entities left for `normalised_url`), and where
/// the tag ends.
fn attributes(body: &str, from: usize) -> (Vec<(String, String)>, usize) {
    let b = body.as_bytes();
    let mut attrs = Vec::new();
    let mut j = from;
    loop {
        while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
            j += 1;
        }
        if j >= b.len() {
            return (attrs, j);
        }
        if b[j] == b'>' {
            return (attrs, j + 1);
        }
        let k0 = j;
        while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'=' | b'>' | b'/') {
            j += 1;
        }
        let key = body[k0..j].to_ascii_lowercase();
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                let q = b[j];
                let v0 = j + 1;
                j = v0;
                while j < b.len() && b[j] != q {
                    j += 1;
                }
                value = body[v0..j.min(b.len())].to_string();
                j += 1;
            } else {
                let v0 = j;
                while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                value = body[v0..j].to_string();
            }
        }
        attrs.push((key, value));
    }
}

/// An attribute value as a browser takes it for a URL: character
/// references decoded, whitespace and control characters dropped, lowercase.
fn normalised_url(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(c) = rest.chars().next() {
        if c == '&' {
            let end = rest.find(';').filter(|e| *e < 12);
            let decoded = end.and_then(|e| {
                let name = &rest[1..e];
                let n = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    match name {
                        "colon" => Some(58),
                        "tab" | "Tab" => Some(9),
                        "newline" | "NewLine" => Some(10),
                        "lpar" => Some(40),
                        _ => None,
                    }
                };
                n.and_then(char::from_u32).map(|ch| (ch, e + 1))
            });
            if let Some((ch, len)) = decoded {
                out.push(ch);
                rest = &rest[len..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_lowercase()
}

#[test]
fn the_checker_finds_what_would_run() {
    let ours = "<script src=\"/static/htmx.abc.js\" defer></script><a href=\"/x\">x</a>";
    assert!(executable(ours).is_empty());
    for bad in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "<a href=\"java&#x09;script&#58;alert(1)\">x</a>",
        "<a href = 'JavaScript:alert(1)'>x</a>",
        "<iframe srcdoc=x>",
        "<form action=javascript:alert(1)>",
    ] {
        assert!(!executable(bad).is_empty(), "{bad}");
    }
    assert!(executable("&#60;script&#62;alert(1)&#60;/script&#62; a < b").is_empty());
}

/// Every page looked at, with who looked and how it was reached.
struct Seen {
    pages: Vec<(String, Page)>,
}

impl Seen {
    fn add(&mut self, who: &str, page: Page) -> Page {
        self.pages.push((who.to_string(), page.clone()));
        page
    }

    async fn get(&mut self, who: &str, b: &Browser, path: &str) -> Page {
        let page = b.get(path).await;
        assert!(page.status < 500, "{path} as {who}: {}", page.status);
        self.add(who, page)
    }

    async fn post(&mut self, who: &str, b: &Browser, path: &str, form: &[(&str, &str)]) -> Page {
        let page = b.post(path, form).await;
        assert!(page.status < 500, "{path} as {who}: {}", page.status);
        self.add(who, page)
    }

    async fn upload(&mut self, who: &str, b: &Browser, path: &str, form: Form) -> Page {
        let page = b.post_multipart(path, form).await;
        assert!(page.status < 500, "{path} as {who}: {}", page.status);
        self.add(who, page)
    }

    /// Fails with every executable thing and every unescaped payload found.
    fn assert_inert(&self, payload: &str) {
        let mut problems = Vec::new();
        let raw_matters = payload.contains(['<', '>', '"', '\'']);
        for (who, page) in &self.pages {
            if !page
                .headers
                .get("content-type")
                .is_some_and(|t| t.to_str().unwrap_or("").starts_with("text/html"))
            {
                continue;
            }
            for p in executable(&page.body) {
                problems.push(format!("{} as {who}: {p}", page.path));
            }
            if raw_matters && page.body.contains(payload) {
                problems.push(format!("{} as {who}: {payload} unescaped", page.path));
            }
        }
        assert!(
            problems.is_empty(),
            "payload {payload:?}:\n{}",
            problems.join("\n")
        );
    }

    /// Each mark was shown on some page (so the payload beside it was
    /// looked at, not refused before anyone could see it).
    fn assert_shown(&self, marks: &[String]) {
        let missing: Vec<&String> = marks
            .iter()
            .filter(|m| !self.pages.iter().any(|(_, p)| p.body.contains(m.as_str())))
            .collect();
        assert!(missing.is_empty(), "never shown: {missing:?}");
    }
}

/// A course whose every text carries the payload.
fn course(slug: &str, v: &dyn Fn(&str) -> String) -> Value {
    json!({
        "format": "lyceum-course/1", "slug": slug, "language": "en",
        "title": v("course"), "summary": v("summary"), "pd_hours": 1,
        "delivery": "self-paced", "licence": "CC BY 4.0",
        "modules": [{ "title": v("module"), "lessons": ["read", "reflect", "task"] }],
        "lessons": {
            "read": {
                "title": v("lesson"),
                "markdown": format!("{}\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>", v("markdown")),
                "quiz": { "pass_mark": 100, "questions": [
                    { "key": "first", "prompt": v("prompt"), "kind": "single", "options": [
                        { "key": "right", "text": v("option"), "correct": true },
                        { "key": "wrong", "text": "Wrong", "correct": false, "feedback": v("feedback") },
                    ] },
                ] },
            },
            "reflect": { "title": "Reflect", "markdown": "Think.",
                "reflection": { "prompt": v("reflprompt") } },
            "task": { "title": "Task", "markdown": "Do.",
                "task": { "instructions": v("instructions"),
                    "rubric": [{ "key": "done", "text": v("rubric") }],
                    "artefacts": ["text", "link"] } },
        },
    })
}

#[tokio::test]
async fn scripts_typed_into_every_field_are_inert_on_every_page_that_shows_them() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // Old accounts, so the posting limits of new ones do not get in the way.
    app.clock.advance(Duration::from_secs(8 * 86_400));
    let idp = OidcProvider::start(TestUser::new("idp-x", "x@district.example.org", "X")).await;
    let mut people = std::collections::HashMap::new();
    for who in ["educator", "facilitator", "dadmin", "author", "admin"] {
        let b = app.browser();
        b.sign_in(s.email(who), PASSWORD).await;
        people.insert(who, b);
    }
    let (educator, facilitator, dadmin, author, admin) = (
        &people["educator"],
        &people["facilitator"],
        &people["dadmin"],
        &people["author"],
        &people["admin"],
    );
    let anyone = app.browser();
    let district = format!("/orgs/{}", s.district.0);
    let mut provider: Option<String> = None;

    for (i, payload) in PAYLOADS.iter().enumerate() {
        let mut seen = Seen { pages: Vec::new() };
        let mut marks = Vec::new();
        let mark = |field: &str| format!("Q{i}{field}");
        let v = |field: &str| format!("{} {payload}", mark(field));
        let mut shown = |field: &str| marks.push(mark(field));

        // Names: a person's and an organisation's.
        seen.post(
            "educator",
            educator,
            "/profile",
            &[("display_name", &v("name")), ("preferred_language", "en")],
        )
        .await;
        shown("name");
        seen.post(
            "dadmin",
            dadmin,
            &format!("{district}/admin"),
            &[("name", &v("org"))],
        )
        .await;
        shown("org");

        // The community: a space, a topic, a reply, a report, an edit, a lock.
        let space = seen
            .post(
                "dadmin",
                dadmin,
                &format!("{district}/admin/spaces"),
                &[
                    ("title", &v("space")),
                    ("description", &v("spacedesc")),
                    ("visibility", "open"),
                ],
            )
            .await
            .path;
        shown("space");
        shown("spacedesc");
        let topic = seen
            .post(
                "educator",
                educator,
                &format!("{space}/topics"),
                &[
                    ("title", &v("topic")),
                    ("kind", "question"),
                    ("body", &v("post")),
                ],
            )
            .await
            .path;
        shown("topic");
        shown("post");
        seen.post(
            "facilitator",
            facilitator,
            &format!("{topic}/replies"),
            &[("body", &v("reply"))],
        )
        .await;
        shown("reply");
        let topic_id =
            lyceum_domain::TopicId(topic.trim_start_matches("/topics/").parse().unwrap());
        let posts = app
            .db
            .read(move |c| lyceum_db::community::posts(c, topic_id, None, 2))
            .await
            .unwrap();
        let (first, reply) = (posts[0].post.id, posts[1].post.id);
        seen.post(
            "facilitator",
            facilitator,
            &format!("/posts/{first}/flag"),
            &[("why", &v("flag"))],
        )
        .await;
        shown("flag");
        seen.get("educator", educator, &format!("/posts/{first}/edit"))
            .await;
        seen.post(
            "educator",
            educator,
            &format!("/posts/{first}/edit"),
            &[("body", &v("edited"))],
        )
        .await;
        shown("edited");
        seen.get("educator", educator, &format!("{topic}?quote={reply}"))
            .await;
        seen.get(
            "educator",
            educator,
            &format!("/spaces/search?q={}", mark("topic")),
        )
        .await;
        seen.get("dadmin", dadmin, "/moderation").await;
        seen.post(
            "dadmin",
            dadmin,
            &format!("{topic}/moderate"),
            &[("action", "lock"), ("why", &v("lock"))],
        )
        .await;
        shown("lock");
        for (who, b) in [("educator", educator), ("facilitator", facilitator)] {
            for path in ["/spaces", space.as_str(), topic.as_str(), "/notifications"] {
                seen.get(who, b, path).await;
            }
        }

        // A course file, learnt: quiz, reflection, hand-in, review, certificate.
        let slug = format!("xss-{i}");
        app.import_course(&course(&slug, &v), None).await;
        for f in [
            "course",
            "summary",
            "module",
            "lesson",
            "markdown",
            "prompt",
            "option",
            "feedback",
            "reflprompt",
            "instructions",
            "rubric",
        ] {
            shown(f);
        }
        let c = format!("/courses/{slug}");
        seen.post("educator", educator, &format!("{c}/enrol"), &[])
            .await;
        seen.post(
            "educator",
            educator,
            &format!("{c}/lessons/read/quiz"),
            &[("q-first", "wrong")],
        )
        .await;
        seen.post(
            "educator",
            educator,
            &format!("{c}/lessons/read/quiz"),
            &[("q-first", "right")],
        )
        .await;
        seen.post(
            "educator",
            educator,
            &format!("{c}/lessons/reflect/reflection"),
            &[("reflection", &v("reflection"))],
        )
        .await;
        shown("reflection");
        let task = format!("{c}/lessons/task/task");
        let hand_in = |text: String, link: String| {
            Form::new()
                .text("artefact_text", text)
                .text("artefact_url", link)
                .part("artefact_file", Part::bytes(Vec::new()).file_name(""))
        };
        let to_review = |page: &Page| {
            page.body
                .split("action=\"/review/")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .expect("a hand-in to review")
                .to_string()
        };
        seen.upload(
            "educator",
            educator,
            &task,
            hand_in(String::new(), payload.to_string()),
        )
        .await;
        seen.upload(
            "educator",
            educator,
            &task,
            hand_in(v("artefact"), String::new()),
        )
        .await;
        shown("artefact");
        let submission = to_review(&seen.get("facilitator", facilitator, "/review").await);
        seen.post(
            "facilitator",
            facilitator,
            &format!("/review/{submission}"),
            &[("decision", "returned"), ("comment", &v("review"))],
        )
        .await;
        shown("review");
        seen.get("educator", educator, &format!("{c}/lessons/task"))
            .await;
        seen.upload(
            "educator",
            educator,
            &task,
            hand_in(
                String::new(),
                format!("https://example.org/{}", mark("link")),
            ),
        )
        .await;
        shown("link");
        let submission = to_review(&seen.get("facilitator", facilitator, "/review").await);
        seen.post(
            "facilitator",
            facilitator,
            &format!("/review/{submission}"),
            &[("decision", "accepted"), ("met", "done")],
        )
        .await;
        for path in [
            "/courses",
            &format!("/courses?q={}", mark("course")),
            &c,
            &format!("{c}/lessons/read"),
            &format!("{c}/lessons/reflect"),
            &format!("{c}/lessons/task"),
            "/transcript",
        ] {
            seen.get("educator", educator, path).await;
        }
        seen.get("anyone", &anyone, &c).await;
        seen.get("anyone", &anyone, &format!("{c}/lessons/read"))
            .await;
        let certificate = seen
            .get("educator", educator, &c)
            .await
            .body
            .split("href=\"/certificates/")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .map(|code| format!("/certificates/{code}"))
            .expect("a certificate");
        seen.get("anyone", &anyone, &certificate).await;
        let code = certificate.trim_start_matches("/certificates/");
        seen.get("dadmin", dadmin, &certificate).await;
        seen.post(
            "dadmin",
            dadmin,
            &format!("{district}/admin/certificates/{code}/revoke"),
            &[("reason", &v("revoked"))],
        )
        .await;
        shown("revoked");
        seen.get("anyone", &anyone, &certificate).await;

        // Outside PD hours: a request, one with a script for a link, a decision.
        let ask = |link: String| {
            OutsidePd::new(s.school_a, &v("pd"))
                .description(&v("pddesc"))
                .hours("2")
                .evidence_url(&link)
                .form()
        };
        seen.upload(
            "educator",
            educator,
            "/transcript/outside",
            ask(payload.to_string()),
        )
        .await;
        seen.upload(
            "educator",
            educator,
            "/transcript/outside",
            ask(format!("https://example.org/{}", mark("evidence"))),
        )
        .await;
        shown("pd");
        shown("pddesc");
        shown("evidence");
        let queue = seen
            .get("dadmin", dadmin, &format!("{district}/admin/pd-requests"))
            .await;
        let request = queue
            .body
            .split("/admin/pd-requests/")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .expect("a request to decide")
            .to_string();
        seen.post(
            "dadmin",
            dadmin,
            &format!("{district}/admin/pd-requests/{request}/decide"),
            &[("decision", "returned"), ("comment", &v("decision"))],
        )
        .await;
        shown("decision");
        seen.get("educator", educator, "/transcript").await;
        seen.get("educator", educator, "/transcript/outside").await;

        // An API token's name.
        seen.post(
            "educator",
            educator,
            "/account/tokens",
            &[
                ("name", &v("token")),
                ("expires_in_days", "30"),
                ("password", PASSWORD),
            ],
        )
        .await;
        shown("token");
        seen.get("educator", educator, "/account/tokens").await;

        // A sign-in provider's name (and a script for its issuer, refused).
        let sso = format!("{district}/admin/sso");
        let fields = |name: String, issuer: &str| {
            vec![
                ("name", name),
                ("issuer", issuer.to_string()),
                ("client_id", OIDC_CLIENT_ID.to_string()),
                ("client_secret", OIDC_CLIENT_SECRET.to_string()),
                ("domains", "district.example.org".to_string()),
            ]
        };
        let form = fields(v("sso"), &idp.issuer);
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let at = provider.clone().unwrap_or_else(|| sso.clone());
        seen.post("dadmin", dadmin, &at, &form).await;
        if provider.is_none() {
            let list = dadmin.get(&sso).await;
            provider = list
                .body
                .split(&format!("href=\"{sso}/"))
                .nth(1)
                .and_then(|r| r.split('"').next())
                .map(|id| format!("{sso}/{id}"));
        }
        let at = provider.clone().expect("the provider");
        let form = fields(v("sso"), payload);
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        seen.post("dadmin", dadmin, &at, &form).await;
        shown("sso");
        seen.get("dadmin", dadmin, &sso).await;
        seen.get("dadmin", dadmin, &at).await;
        seen.get(
            "anyone",
            &anyone,
            &format!("/sign-in/sso?school={}", mark("sso")),
        )
        .await;

        // A draft of a course, sent for review and returned with a comment.
        let draft_doc = course(&format!("draft-xss-{i}"), &v).to_string();
        let draft = seen
            .upload(
                "author",
                author,
                "/authoring",
                Form::new().part(
                    "file",
                    Part::bytes(draft_doc.clone().into_bytes()).file_name("c.json"),
                ),
            )
            .await
            .path;
        seen.post(
            "author",
            author,
            &draft,
            &[("document", &draft_doc), ("action", "submit")],
        )
        .await;
        seen.get("admin", admin, "/authoring").await;
        seen.get("admin", admin, &draft).await;
        seen.post(
            "admin",
            admin,
            &format!("{draft}/review"),
            &[("decision", "return"), ("comment", &v("draftreview"))],
        )
        .await;
        shown("draftreview");
        seen.get("author", author, "/authoring").await;
        seen.get("author", author, &draft).await;

        // Refused inputs are echoed back escaped; search words likewise.
        let p = *payload;
        seen.post(
            "dadmin",
            dadmin,
            &format!("{district}/admin/invitations"),
            &[("email", p), ("role", "educator")],
        )
        .await;
        seen.post(
            "dadmin",
            dadmin,
            &format!("{district}/admin/domains"),
            &[("domain", p)],
        )
        .await;
        seen.post(
            "dadmin",
            dadmin,
            &format!("{district}/admin/roles"),
            &[("email", p), ("role", "educator")],
        )
        .await;
        seen.post(
            "dadmin",
            dadmin,
            &format!("{district}/admin/new"),
            &[("kind", "school"), ("name", &v("child")), ("enrolment", p)],
        )
        .await;
        shown("child");
        seen.post("educator", educator, "/join", &[("join_code", p)])
            .await;
        let list = format!("email,role\n{p},educator\nok@district.example.org,{p}\n");
        seen.upload(
            "dadmin",
            dadmin,
            &format!("{district}/admin/invitations/list"),
            Form::new()
                .text("role", "educator")
                .part("file", Part::text(list).file_name("people.csv")),
        )
        .await;
        seen.post(
            "anyone",
            &anyone,
            "/register",
            &[
                ("display_name", &v("register")),
                ("email", p),
                ("password", "x"),
            ],
        )
        .await;
        shown("register");
        seen.post(
            "anyone",
            &anyone,
            "/sign-in",
            &[("email", p), ("password", "x")],
        )
        .await;
        seen.post("anyone", &anyone, "/forgot-password", &[("email", p)])
            .await;
        let q = utf8_percent(p);
        for path in [
            format!("/sign-in?next={q}"),
            format!("/courses?q={q}"),
            format!("/sign-in/sso?school={q}"),
        ] {
            seen.get("anyone", &anyone, &path).await;
        }
        // (Posts searched for the payload: `post_search::several_words_…`.)
        seen.get("dadmin", dadmin, &format!("{district}/people?q={q}"))
            .await;

        // Everywhere the name, the organisation and the rest are shown.
        for path in [
            "/",
            "/profile",
            "/orgs",
            &district,
            &format!("/orgs/{}", s.school_a.0),
        ] {
            seen.get("educator", educator, path).await;
        }
        for path in [
            format!("{district}/people"),
            format!("{district}/people?q={}", mark("name")),
            format!("{district}/admin"),
            format!("{district}/admin/roles"),
            format!("{district}/admin/spaces"),
            format!("{district}/admin/joining"),
            format!("{district}/admin/invitations"),
            "/review".to_string(),
        ] {
            seen.get("dadmin", dadmin, &path).await;
        }

        seen.assert_inert(payload);
        seen.assert_shown(&marks);
    }
}

fn utf8_percent(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
