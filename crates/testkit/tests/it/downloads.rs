//! Files are served only to whom they belong: static files are our own
//! embedded assets whatever path is asked for (no way onto the disk), and a
//! PD request's evidence or a hand-in's file goes to its owner and their
//! reviewers only, whatever id is written in the address.

use diesel::prelude::*;
use lyceum_db::schema::{pd_requests, task_submissions};
use lyceum_testkit::{OutsidePd, PASSWORD, TestApp};
use reqwest::multipart::{Form, Part};
use serde_json::json;
use std::io::{Read, Write};
use std::time::Duration;

/// Sends `target` exactly as written (no client tidying `..` or `%2e` away)
/// and returns the status and the whole answer.
async fn raw_get(addr: std::net::SocketAddr, target: &[u8]) -> (u16, String) {
    let target = target.to_vec();
    tokio::task::spawn_blocking(move || raw_get_blocking(addr, &target))
        .await
        .unwrap()
}

fn raw_get_blocking(addr: std::net::SocketAddr, target: &[u8]) -> (u16, String) {
    let mut socket = std::net::TcpStream::connect(addr).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut request = b"GET ".to_vec();
    request.extend_from_slice(target);
    request.extend_from_slice(
        format!(" HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    socket.write_all(&request).unwrap();
    let mut answer = Vec::new();
    // The server may also just close a request it cannot read.
    let _ = socket.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

/// What a file from the disk would show.
const ON_DISK: &[&str] = &[
    "[workspace]",
    "root:x:0",
    "[package]",
    "#![",
    "fn main",
    "DATABASE",
];

#[tokio::test]
async fn static_files_are_our_own_however_the_path_is_written() {
    let app = TestApp::start().await;
    let addr = app.app().addr;
    let home = app.browser().get("/").await;
    let css = home
        .body
        .split("href=\"/static/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    let ours = raw_get(addr, format!("/static/{css}").as_bytes()).await;
    assert_eq!(ours.0, 200);

    let targets: Vec<Vec<u8>> = [
        "/static/../Cargo.toml",
        "/static/../../Cargo.toml",
        "/static/../../../../../../etc/passwd",
        "/static/..%2f..%2fCargo.toml",
        "/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/static/%2e%2e/%2e%2e/Cargo.toml",
        "/static/%2e%2e%2f%2e%2e%2fCargo.toml",
        "/static/%252e%252e%252fCargo.toml",
        "/static/..%252f..%252fCargo.toml",
        "/static/....//....//Cargo.toml",
        "/static/..\\..\\Cargo.toml",
        "/static/..%5c..%5cCargo.toml",
        "/static/%2fetc%2fpasswd",
        "/static//etc/passwd",
        "/static/%2F%2Fetc%2Fpasswd",
        "/static/C:%5cWindows%5cwin.ini",
        "/static/file:///etc/passwd",
        "/static/lyceum.css%00.png",
        "/static/%00",
        "/static/..%00/Cargo.toml",
        "/static/%c0%ae%c0%ae/Cargo.toml",
        "/static/.",
        "/static/..",
        "/static/",
        "/static/lyceum.css",
        "/static/../crates/web/static/lyceum.css",
        "/static/../crates/web/src/lib.rs",
        "/static/..;/Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/../Cargo.toml",
        "/Cargo.toml",
        "/etc/passwd",
        "/.env",
        "/.git/config",
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .chain([
        format!("/static/{css}/../../../Cargo.toml").into_bytes(),
        format!("/static/{css}%00../../Cargo.toml").into_bytes(),
        b"/static/\xc0\xae\xc0\xae/Cargo.toml".to_vec(),
        b"/static/..\x00/Cargo.toml".to_vec(),
    ])
    .collect();
    let mut failures = Vec::new();
    for target in &targets {
        let (status, answer) = raw_get(addr, target).await;
        let shown = String::from_utf8_lossy(target);
        // Refused by the router or the server (or the connection closed on a
        // request line no HTTP server may accept): never a file, never a 5xx.
        if !(status == 0 || (400..500).contains(&status)) {
            failures.push(format!("{shown}: {status}"));
        }
        for sign in ON_DISK {
            if answer.contains(sign) {
                failures.push(format!("{shown}: answered with {sign:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(app.browser().get("/healthz").await.status, 200);
}

const PDF: &[u8] = b"%PDF-1.7 the educator's own evidence";

#[tokio::test]
async fn evidence_and_hand_ins_go_to_their_owner_and_reviewers_whatever_the_id() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let mut people = std::collections::HashMap::new();
    for who in [
        "educator",
        "facilitator",
        "dadmin",
        "ladmin",
        "moderator",
        "author",
        "researcher",
        "admin",
    ] {
        let b = app.browser();
        b.sign_in(s.email(who), PASSWORD).await;
        people.insert(who, b);
    }
    let educator = &people["educator"];
    let form = OutsidePd::new(s.school_a, "Summer institute")
        .hours("6")
        .completed_on("2026-07-02")
        .evidence_url("")
        .evidence_file("proof.pdf", PDF)
        .form();
    assert_eq!(
        educator
            .post_multipart("/transcript/outside", form)
            .await
            .status,
        200
    );
    app.import_course(
        &json!({
            "format": "lyceum-course/1", "slug": "hand-in", "language": "en",
            "title": "Hand in", "summary": "A file.", "pd_hours": 1,
            "delivery": "self-paced", "licence": "CC BY 4.0",
            "modules": [{ "title": "One", "lessons": ["one"] }],
            "lessons": { "one": { "title": "Task", "markdown": "Do it.", "task": {
                "instructions": "A file.", "rubric": [{ "key": "done", "text": "Done" }],
                "artefacts": ["file"] } } },
        }),
        None,
    )
    .await;
    educator.post("/courses/hand-in/enrol", &[]).await;
    let form = Form::new().part(
        "artefact_file",
        Part::bytes(PDF.to_vec()).file_name("work.pdf"),
    );
    assert_eq!(
        educator
            .post_multipart("/courses/hand-in/lessons/one/task", form)
            .await
            .status,
        200
    );
    let (request, hand_in) = app
        .db
        .read(|c| {
            Ok((
                pd_requests::table.select(pd_requests::id).first::<i64>(c)?,
                task_submissions::table
                    .select(task_submissions::id)
                    .first::<i64>(c)?,
            ))
        })
        .await
        .unwrap();
    let (district, local) = (s.district.0, s.local.0);
    let own = format!("/transcript/outside/{request}/evidence");
    let admins = |org: i64, id: &str| format!("/orgs/{org}/admin/pd-requests/{id}/evidence");
    let file = |id: &str| format!("/review/{id}/file");

    // Those it belongs to, and those who review it.
    let mut allowed = vec![
        ("educator", own.clone()),
        ("educator", file(&hand_in.to_string())),
        ("dadmin", admins(district, &request.to_string())),
        ("admin", admins(s.root.0, &request.to_string())),
        ("facilitator", file(&hand_in.to_string())),
        ("dadmin", file(&hand_in.to_string())),
    ];
    // Everyone else, with the real ids.
    let mut refused: Vec<(&str, String)> = Vec::new();
    for who in [
        "facilitator",
        "dadmin",
        "ladmin",
        "moderator",
        "author",
        "researcher",
        "admin",
    ] {
        refused.push((who, own.clone()));
    }
    for who in ["ladmin", "moderator", "author", "researcher"] {
        refused.push((who, file(&hand_in.to_string())));
    }
    refused.push(("ladmin", admins(local, &request.to_string())));
    refused.push(("ladmin", admins(district, &request.to_string())));
    refused.push(("dadmin", admins(local, &request.to_string())));
    refused.push(("dadmin", admins(s.school_b.0, &request.to_string())));
    // And ids written every other way, by the owner and the reviewers.
    for id in [
        "0",
        "-1",
        "99999999999999999999",
        "1.0",
        "0x1",
        "1e0",
        "%201",
        "1%20OR%201%3D1",
        "1;DROP%20TABLE%20users",
        "%2e%2e",
        "..%2f1",
        "1%00",
        "%00",
        "NaN",
    ] {
        let other = (request + hand_in + 1000).to_string();
        for (who, path) in [
            ("educator", format!("/transcript/outside/{id}/evidence")),
            ("educator", file(id)),
            ("facilitator", file(id)),
            ("dadmin", admins(district, id)),
            ("dadmin", admins(district, &other)),
        ] {
            refused.push((who, path));
        }
    }
    allowed.sort();
    let mut failures = Vec::new();
    for (who, path) in &allowed {
        let r = people[who].get(path).await;
        if r.status != 200 || r.body.as_bytes() != PDF {
            failures.push(format!("{path} as {who}: {} (expected the file)", r.status));
        }
    }
    for (who, path) in &refused {
        let r = people[who].get(path).await;
        if !matches!(r.status, 400 | 403 | 404) || r.body.contains("own evidence") {
            failures.push(format!("{path} as {who}: {}", r.status));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Signed out, nobody gets either file.
    for path in [
        own,
        file(&hand_in.to_string()),
        admins(district, &request.to_string()),
    ] {
        let r = app.browser().get(&path).await;
        assert!(r.path.starts_with("/sign-in"), "{path}: {}", r.path);
        assert!(!r.body.contains("own evidence"));
    }
}
