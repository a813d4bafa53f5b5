//! An admin uploads a roster: checks it, imports it, sees problems by line.

use lyceum_testkit::{PASSWORD, TestApp};
use reqwest::multipart::{Form, Part};

const MANIFEST: &str = "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\nfile.users,bulk\nfile.roles,bulk\n";
const ORGS: &str = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nd,,,Columbus City Schools,district,,\ns9,,,Hilltop Elementary,school,,d\n";
pub(crate) const USERS: &str = "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,email\nu1,,,true,nia,Nia,Reyes,nia@district.example.org\nu2,,,true,kid,Kid,One,kid@district.example.org\n";
const ROLES: &str = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\nr1,,,u1,primary,teacher,s9\nr2,,,u2,primary,student,s9\n";

pub(crate) fn form(users: &str, dry_run: bool) -> Form {
    let file = |name: &str, body: &str| {
        Part::text(body.to_string())
            .file_name(name.to_string())
            .mime_str("text/csv")
            .unwrap()
    };
    let mut f = Form::new()
        .part("files", file("manifest.csv", MANIFEST))
        .part("files", file("orgs.csv", ORGS))
        .part("files", file("users.csv", users))
        .part("files", file("roles.csv", ROLES))
        .text("source", "columbus-sis");
    if dry_run {
        f = f.text("dry_run", "yes");
    }
    f
}

#[tokio::test]
async fn check_import_and_refuse_a_roster() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    let url = format!("/orgs/{}/admin/import", s.district);
    b.get(&url)
        .await
        .expect("Import a roster")
        .expect("upload-");

    let send = |f: Form| b.post_multipart(&url, f);
    let checked = send(form(USERS, true)).await.body;
    assert!(
        checked.contains("The roster is ready to import"),
        "{checked}"
    );
    let people = b.get(&format!("/orgs/{}/people?q=nia", s.district)).await;
    assert!(!people.contains("Nia Reyes"), "a check changes nothing");

    let done = send(form(USERS, false)).await.body;
    assert!(done.contains("The roster was imported"));
    assert!(
        done.contains("1 student or guardian was not imported."),
        "{done}"
    );
    b.get(&format!("/orgs/{}/people?q=nia", s.district))
        .await
        .expect("Nia Reyes")
        .expect("Hilltop Elementary");

    // A broken roster: every problem by line, nothing changed.
    let broken = "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,email\nu1,,,maybe,nia,Nia,Reyes,nia@\n";
    let r = send(form(broken, false)).await;
    assert_eq!(r.status, 422);
    let page = r.body;
    assert!(page.contains("The roster has 2 problems"), "{page}");
    assert!(
        page.contains(
            "<td role=\"cell\" data-label=\"File\">users.csv</td><td role=\"cell\" data-label=\"Line\">2</td><td role=\"cell\" data-label=\"Column\">enabledUser</td><td role=\"cell\" data-label=\"Problem\">“maybe” is not true or false.</td>"
        ),
        "{page}"
    );
    b.get(&format!("/orgs/{}/people?q=nia", s.district))
        .await
        .expect("Nia Reyes");

    // Another organisation cannot take over this roster's name.
    let other = app.browser();
    other.sign_in(s.email("ladmin"), PASSWORD).await;
    let theirs = other
        .post_multipart(
            &format!("/orgs/{}/admin/import", s.local),
            form(USERS, false),
        )
        .await
        .body;
    assert!(
        theirs.contains("belongs to another organisation"),
        "{theirs}"
    );
}

/// A zip of the package's files, deflated.
fn zipped(files: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in files {
        w.start_file(*name, opts).unwrap();
        w.write_all(body).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn zip_form(zip: Vec<u8>) -> Form {
    Form::new()
        .part(
            "files",
            Part::bytes(zip)
                .file_name("roster.zip")
                .mime_str("application/zip")
                .unwrap(),
        )
        .text("source", "columbus-sis")
}

#[tokio::test]
async fn a_district_admin_cannot_take_over_the_programme_admin_by_roster() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    let url = format!("/orgs/{}/admin/import", s.district);
    let users = format!(
        "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,email\nu1,,,true,x,Mallory,Admin,{}\n",
        s.email("admin")
    );
    let roles = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\nr1,,,u1,primary,teacher,s9\n";
    let zip = zipped(&[
        ("manifest.csv", MANIFEST.as_bytes()),
        ("orgs.csv", ORGS.as_bytes()),
        ("users.csv", users.as_bytes()),
        ("roles.csv", roles.as_bytes()),
    ]);
    let r = b.post_multipart(&url, zip_form(zip)).await;
    assert_eq!(r.status, 422);
    let page = r.body;
    assert!(
        page.contains("<td role=\"cell\" data-label=\"File\">users.csv</td><td role=\"cell\" data-label=\"Line\">2</td>"),
        "the row is named: {page}"
    );
    assert!(page.contains("cannot take over"), "{page}");
    // The programme admin is untouched: still signs in with their address.
    let admin = app.browser();
    admin.sign_in(s.email("admin"), PASSWORD).await;
    let hilltop = app
        .db
        .read(|c| lyceum_db::orgs::find(c, "Hilltop Elementary"))
        .await
        .unwrap();
    assert!(hilltop.is_empty(), "nothing imported");
}

#[tokio::test]
async fn a_zip_bomb_is_refused_before_it_fills_memory() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    // 50 MB of blank lines after one real row: a ~50 kB zip.
    let mut users = USERS.as_bytes().to_vec();
    users.resize(users.len() + 50 * 1024 * 1024, b'\n');
    let zip = zipped(&[
        ("manifest.csv", MANIFEST.as_bytes()),
        ("orgs.csv", ORGS.as_bytes()),
        ("users.csv", &users),
        ("roles.csv", ROLES.as_bytes()),
    ]);
    assert!(zip.len() < 1024 * 1024, "{}", zip.len());
    let r = b
        .post_multipart(&format!("/orgs/{}/admin/import", s.district), zip_form(zip))
        .await;
    assert_eq!(r.status, 422);
    let page = r.body;
    assert!(
        page.contains("<td role=\"cell\" data-label=\"File\">users.csv</td><td role=\"cell\" data-label=\"Line\"></td><td role=\"cell\" data-label=\"Column\"></td><td role=\"cell\" data-label=\"Problem\">users.csv unpacks to more than 100 times its packed size"),
        "{page}"
    );
    let people = b.get(&format!("/orgs/{}/people?q=nia", s.district)).await;
    assert!(!people.contains("Nia Reyes"), "nothing imported");
}

/// How many emails the outbox holds for `to`.
fn mails_to(app: &TestApp, to: &str) -> usize {
    std::fs::read_dir(app.outbox_path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            std::fs::read_to_string(e.path())
                .is_ok_and(|m| m.lines().any(|l| l.starts_with("To:") && l.contains(to)))
        })
        .count()
}

#[tokio::test]
async fn an_educator_of_the_district_is_linked_told_once_and_keeps_their_name() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    let url = format!("/orgs/{}/admin/import", s.district);
    let users = format!(
        "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,email\nu1,,,true,e,Eddie,Other,{}\n",
        s.email("educator")
    );
    let roles = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\nr1,,,u1,primary,teacher,s9\n";
    let zip = || {
        zipped(&[
            ("manifest.csv", MANIFEST.as_bytes()),
            ("orgs.csv", ORGS.as_bytes()),
            ("users.csv", users.as_bytes()),
            ("roles.csv", roles.as_bytes()),
        ])
    };
    let send = |f: Form| b.post_multipart(&url, f);
    let checked = send(zip_form(zip()).text("dry_run", "yes")).await.body;
    assert!(
        checked.contains("1 person already had a Lyceum account"),
        "{checked}"
    );
    assert!(
        checked.contains("<tr role=\"row\"><td role=\"cell\" data-label=\"Line in users.csv\">2</td><td role=\"cell\" data-label=\"sourcedId\">u1</td><td role=\"cell\" data-label=\"Difference\">The name differs</td></tr>"),
        "{checked}"
    );
    let done = send(zip_form(zip())).await.body;
    assert!(done.contains("The roster was imported"), "{done}");
    let mail = app.mail_to(s.email("educator")).await;
    assert_eq!(mail.subject, "Your Lyceum account was linked to a roster");
    assert!(mail.text.contains("Columbus City Schools"), "{}", mail.text);
    assert!(mail.text.contains("columbus-sis"), "{}", mail.text);
    b.get(&format!("/orgs/{}/people?q=test+educator", s.district))
        .await
        .expect("Test educator")
        .expect("Hilltop Elementary");

    // The next import tells nobody again.
    let again = send(zip_form(zip())).await.body;
    assert!(again.contains("The roster was imported"), "{again}");
    assert!(!again.contains("already had a Lyceum account"), "{again}");
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(mails_to(&app, s.email("educator")), 1);
}

#[tokio::test]
async fn one_import_per_organisation_at_a_time_on_the_page_and_the_command_line() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    // Another server is importing into the district.
    let (org, now) = (s.district, app.clock.now());
    assert!(
        app.db
            .write(move |c| lyceum_db::roster::lock::claim(c, org, "another-server", now))
            .await
            .unwrap()
    );
    let r = b
        .post_multipart(
            &format!("/orgs/{}/admin/import", s.district),
            form(USERS, false),
        )
        .await;
    assert_eq!(r.status, 422);
    let page = r.body;
    assert!(
        page.contains(
            "An import for this organisation is already running. Try again in a few minutes."
        ),
        "{page}"
    );

    // The command line, with a folder, waits its turn too.
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in [
        ("manifest.csv", MANIFEST),
        ("orgs.csv", ORGS),
        ("users.csv", USERS),
        ("roles.csv", ROLES),
        ("enrollments.csv", "sourcedId\ne1\n"),
    ] {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    let cli = |app: &TestApp| {
        let (db, clock, path) = (app.db.clone(), app.clock.clone(), dir.path().to_path_buf());
        let org = s.district.to_string();
        async move {
            lyceum_server::import::run(
                &db,
                &clock,
                &path,
                "columbus-sis".into(),
                &org,
                false,
                lyceum_server::import::Progress::default(),
            )
            .await
        }
    };
    match cli(&app).await {
        Err(lyceum_server::import::Refused::Problems(p)) => {
            assert_eq!(p.len(), 1);
            assert_eq!(
                p[0].to_string(),
                "an import for this organisation is already running; try again in a few minutes"
            );
        }
        _ => panic!("the command line imported while another import ran"),
    }
    let people = b.get(&format!("/orgs/{}/people?q=nia", s.district)).await;
    assert!(!people.contains("Nia Reyes"), "nothing imported");

    // Once the other import is done, the folder imports.
    app.db
        .write(move |c| lyceum_db::roster::lock::release(c, org, "another-server"))
        .await
        .unwrap();
    let Ok(outcome) = cli(&app).await else {
        panic!("the folder did not import")
    };
    assert_eq!(outcome.summary.created.users, 1);
    assert_eq!(outcome.summary.ignored_files, ["enrollments.csv"]);
    b.get(&format!("/orgs/{}/people?q=nia", s.district))
        .await
        .expect("Nia Reyes");
}

#[tokio::test]
async fn a_roster_shaped_like_the_public_sample_is_imported_with_notices_on_the_page() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    let url = format!("/orgs/{}/admin/import", s.district);
    // No manifest; `active` and a date on every row; the school before its
    // district; 1.1-style roles on users; a parent and a proctor.
    let orgs = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n\
                s9,active,2026-07-15T13:20:05.000Z,Hilltop Elementary,school,,d\n\
                d,active,2026-07-15T13:20:05.000Z,Columbus City Schools,district,,\n";
    let users = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email\n\
                 u1,active,2026-07-15T13:20:05.000Z,true,s9,teacher,nia,,Nia,Reyes,,,nia@district.example.org\n\
                 p1,active,2026-07-15T13:20:05.000Z,true,s9,parent,pat,,Pat,Parent,,,pat@home.example.org\n\
                 x1,active,2026-07-15T13:20:05.000Z,true,s9,proctor,tom,,Tom,Proctor,,,tom@district.example.org\n";
    let zip = zipped(&[
        ("export/orgs.csv", orgs.as_bytes()),
        ("export/users.csv", users.as_bytes()),
    ]);
    let page = b.post_multipart(&url, zip_form(zip)).await.body;
    assert!(page.contains("The roster was imported"), "{page}");
    for notice in [
        "Read anyway",
        "The package has no manifest.csv: the files present were read as bulk",
        "Rows of this bulk file that say status “active”: 2 (the first on line 2).",
        "Organisations listed before their parent organisation: 1 (the first on line 2).",
        "Roles were read from the OneRoster 1.1 columns role and orgSourcedIds",
        "Users skipped: 2. Lyceum takes staff only",
    ] {
        assert!(page.contains(notice), "{notice}\n{page}");
    }
    b.get(&format!("/orgs/{}/people?q=nia", s.district))
        .await
        .expect("Nia Reyes")
        .expect("Hilltop Elementary");
    let nobody = b.get(&format!("/orgs/{}/people?q=tom", s.district)).await;
    assert!(!nobody.contains("Tom Proctor"), "proctors are not imported");
}
