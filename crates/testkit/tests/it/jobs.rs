//! The worker and email: SMTP when configured, with retries when the mail
//! server is away; the outbox folder otherwise (every other test uses it).

use lyceum_testkit::{SmtpServer, TestApp};
use std::time::{Duration, Instant};

async fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

#[tokio::test]
async fn mail_goes_out_over_smtp_and_is_retried_while_the_server_is_down() {
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    let app = TestApp::start_with(|c| {
        c.mail.smtp_url = Some(lyceum_server::config::Secret::new(url));
        c.mail.from = "Lyceum <no-reply@lyceum.test>".into();
    })
    .await;
    app.seed().await;

    smtp.refuse(true);
    let b = app.browser();
    b.post("/forgot-password", &[("email", "author@example.org")])
        .await
        .expect("we sent it a link");
    // The first attempt fails and the job waits for its retry.
    let db = app.db.clone();
    let mut failed_once = false;
    for _ in 0..400 {
        let jobs = db.read(lyceum_db::jobs::counts).await.unwrap();
        let row = db.read(|c| lyceum_db::jobs::by_id(c, 1)).await.unwrap();
        if let Some(r) = row
            && r.last_error.is_some()
        {
            assert!(r.last_error.unwrap().contains("421"));
            assert_eq!(jobs, (1, 0), "waiting, not given up");
            failed_once = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(failed_once, "the refused attempt was not recorded");
    assert!(smtp.received().is_empty());

    // The server is back; once the retry is due, the mail goes out.
    smtp.refuse(false);
    app.clock.advance(Duration::from_secs(20));
    eventually("delivery", || !smtp.received().is_empty()).await;
    let mail = &smtp.received()[0];
    assert_eq!(mail.to, ["author@example.org"]);
    assert!(mail.from.contains("no-reply@lyceum.test"));
    assert!(mail.data.contains("Subject: Reset your Lyceum password"));
    assert!(mail.data.contains("multipart/alternative"));
    let start = Instant::now();
    while app.db.read(lyceum_db::jobs::counts).await.unwrap() != (0, 0) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the sent job was not removed"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}
