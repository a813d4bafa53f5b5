//! An admin uploads a roster: checks it, imports it, sees problems by line.

use lyceum_testkit::{PASSWORD, TestApp};
use reqwest::multipart::{Form, Part};

const MANIFEST: &str = "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\nfile.users,bulk\nfile.roles,bulk\n";
const ORGS: &str = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nd,,,Columbus City Schools,district,,\ns9,,,Hilltop Elementary,school,,d\n";
const USERS: &str = "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,email\nu1,,,true,nia,Nia,Reyes,nia@district.example.org\nu2,,,true,kid,Kid,One,kid@district.example.org\n";
const ROLES: &str = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\nr1,,,u1,primary,teacher,s9\nr2,,,u2,primary,student,s9\n";

fn form(users: &str, dry_run: bool) -> Form {
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

    let send = |f: Form| {
        b.request(reqwest::Method::POST, &url)
            .header("origin", app.url.clone())
            .multipart(f)
            .send()
    };
    let checked = send(form(USERS, true)).await.unwrap().text().await.unwrap();
    assert!(
        checked.contains("The roster is ready to import"),
        "{checked}"
    );
    let people = b.get(&format!("/orgs/{}/people?q=nia", s.district)).await;
    assert!(!people.contains("Nia Reyes"), "a check changes nothing");

    let done = send(form(USERS, false))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
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
    let r = send(form(broken, false)).await.unwrap();
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("The roster has 2 problems"), "{page}");
    assert!(
        page.contains(
            "<td>users.csv</td><td>2</td><td>enabledUser</td><td>“maybe” is not true or false.</td>"
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
        .request(
            reqwest::Method::POST,
            &format!("/orgs/{}/admin/import", s.local),
        )
        .header("origin", app.url.clone())
        .multipart(form(USERS, false))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        theirs.contains("belongs to another organisation"),
        "{theirs}"
    );
}
