use crate::browser::Browser;
use crate::dns::FakeDns;
use crate::mail::{self, Mail};
use crate::seed::{self, Seed};
use lyceum_db::Db;
use lyceum_domain::{Clock, OrgId};
use lyceum_server::{App, Config};
use lyceum_testdb::TestDb;
use lyceum_web::dns::TxtSource;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// The secrets key of test servers on PostgreSQL (base64 of 32 bytes).
pub const TEST_SECRETS_KEY: &str = "bHljZXVtLXRlc3Qtc2VjcmV0cy1rZXktMzItYnl0ZXM=";

/// The real Lyceum — database, HTTP server on a free port, worker writing
/// mail to an outbox folder — for one test.
pub struct TestApp {
    app: Option<App>,
    pub url: String,
    pub db: Db,
    pub clock: Clock,
    pub outbox: tempfile::TempDir,
    /// The DNS zone the app looks TXT records up in.
    pub dns: Arc<FakeDns>,
    /// Mails already handed to the test by [`TestApp::mail_to`].
    seen_mail: std::sync::Mutex<std::collections::HashSet<std::path::PathBuf>>,
    /// Last, so the database outlives the app on drop.
    database: std::sync::Arc<TestDb>,
}

impl TestApp {
    /// On a fresh database of the backend under test.
    pub async fn start() -> TestApp {
        Self::start_with(|_| {}).await
    }

    /// Like [`TestApp::start`], with the configuration adjusted first.
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let database = tokio::task::spawn_blocking(TestDb::new).await.unwrap();
        Self::start_on(
            std::sync::Arc::new(database),
            Clock::system(),
            Arc::default(),
            adjust,
        )
        .await
    }

    /// A second app server on the same database (as behind a load balancer).
    pub async fn another_server(&self) -> TestApp {
        Self::start_on(
            self.database.clone(),
            self.clock.clone(),
            self.dns.clone(),
            |_| {},
        )
        .await
    }

    /// A second app server on the same database that calls itself by this
    /// one's public URL, as every node behind one load balancer does (so a
    /// redirect URI made on one node is the same on the other). Its `url`
    /// still reaches it directly.
    pub async fn another_node(&self) -> TestApp {
        let public = self.url.clone();
        let mut node = Self::start_on(
            self.database.clone(),
            self.clock.clone(),
            self.dns.clone(),
            |c| c.server.public_url = Some(public),
        )
        .await;
        node.url = format!("http://{}", node.app.as_ref().expect("running").addr);
        node
    }

    async fn start_on(
        database: std::sync::Arc<TestDb>,
        clock: Clock,
        dns: Arc<FakeDns>,
        adjust: impl FnOnce(&mut Config),
    ) -> TestApp {
        let outbox = tempfile::tempdir().unwrap();
        let mut config = Config::default();
        config.server.listen = "127.0.0.1:0".into();
        // Tests sign in many times from one address; the limit itself has its own test.
        config.server.auth_attempts_per_minute = 100_000;
        config.database.url = lyceum_server::config::Secret::new(database.url.clone());
        config.mail.outbox = outbox.path().to_path_buf();
        config.worker.poll_ms = 50;
        // The test OpenID provider listens on 127.0.0.1 over plain HTTP.
        config.server.sso_local_providers = true;
        // SQLite makes its secrets key beside the database; servers sharing
        // PostgreSQL must be given one.
        if database.url.starts_with("postgres") {
            config.secrets.key = Some(lyceum_server::config::Secret::new(TEST_SECRETS_KEY));
        }
        adjust(&mut config);
        let mut settings = config.settings().unwrap();
        settings.web.txt_lookup = Some(TxtSource(dns.clone()));
        let app = App::start_with_db(settings, database.db.clone(), clock.clone())
            .await
            .expect("start lyceum");
        TestApp {
            url: app.public_url.clone(),
            db: app.db.clone(),
            app: Some(app),
            clock,
            outbox,
            dns,
            seen_mail: Default::default(),
            database,
        }
    }

    pub fn app(&self) -> &App {
        self.app.as_ref().unwrap()
    }

    /// A person with a browser: a cookie jar of their own.
    pub fn browser(&self) -> Browser {
        Browser::new(&self.url)
    }

    /// The demo-like programme most tests need.
    pub async fn seed(&self) -> Seed {
        seed::seed(&self.db, &self.clock).await
    }

    /// A verified person who signs in with `seed::PASSWORD`, holding
    /// `role` at `org`.
    pub async fn person(
        &self,
        email: &str,
        display_name: &str,
        role: lyceum_domain::role::Role,
        org: OrgId,
        lang: lyceum_domain::i18n::Lang,
    ) -> lyceum_domain::UserId {
        seed::add_person(&self.db, &self.clock, email, display_name, role, org, lang).await
    }

    /// Imports a course document as an operator's `lyceum import course`
    /// does; a new course belongs to `org` (None: the programme). Panics if
    /// the import is refused.
    pub async fn import_course(&self, doc: &serde_json::Value, org: Option<OrgId>) {
        self.try_import_course(doc, org, false).await.unwrap();
    }

    /// Like [`TestApp::import_course`], or only checking the document
    /// (`dry_run`, as `lyceum import course --dry-run`): what the command
    /// says, or why it refused.
    pub async fn try_import_course(
        &self,
        doc: &serde_json::Value,
        org: Option<OrgId>,
        dry_run: bool,
    ) -> anyhow::Result<String> {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), doc.to_string()).unwrap();
        let org = org.map(|o| o.0.to_string());
        lyceum_server::content::import_course_to(
            &self.db,
            &self.clock,
            file.path(),
            org.as_deref(),
            dry_run,
        )
        .await
    }

    /// The next mail to `to` that this test has not seen yet, waiting up to
    /// ten seconds for the worker to write it.
    pub async fn mail_to(&self, to: &str) -> Mail {
        mail::next_to(
            self.outbox.path(),
            to,
            &self.seen_mail,
            Duration::from_secs(10),
        )
        .await
    }

    pub fn outbox_path(&self) -> &Path {
        self.outbox.path()
    }

    pub async fn stop(mut self) {
        if let Some(app) = self.app.take() {
            app.stop().await.unwrap();
        }
    }
}
