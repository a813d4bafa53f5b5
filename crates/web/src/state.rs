//! What every handler shares.

use crate::kept::Kept;
use crate::metrics::Metrics;
use crate::ratelimit::RateLimits;
use lyceum_db::Db;
use lyceum_db::course_listing::{self, Listing};
use lyceum_db::courses::CourseRow;
use lyceum_domain::OrgId;
use lyceum_domain::course::Course;
use lyceum_domain::org::OrgPath;
use lyceum_domain::secrets::{Keyring, Secret};
use lyceum_domain::{Clock, CourseId};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tokio::sync::Notify;

/// The web layer's settings, checked by the server at start-up.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Where people reach Lyceum, e.g. `https://lyceum.example.org`; used in
    /// emailed links and as the origin that unsafe requests must come from.
    pub public_url: String,
    pub session_idle: Duration,
    pub session_absolute: Duration,
    /// Proxies whose `X-Forwarded-For` we believe.
    pub trusted_proxies: Vec<IpAddr>,
    /// Sign-in, registration and recovery attempts per client IP per minute.
    pub auth_attempts_per_minute: u32,
    /// If set, `/metrics` wants `Authorization: Bearer <token>`.
    pub metrics_token: Option<Secret>,
    pub request_timeout: Duration,
    /// Single sign-on providers on loopback over plain HTTP are allowed
    /// (development and tests; see `server.sso_local_providers`).
    pub sso_local_providers: bool,
    /// The keys that encrypt stored secrets (client secrets of sign-in
    /// providers); the server loads them at start-up (`[secrets]`).
    pub secrets: Option<Arc<Keyring>>,
    /// Where TXT records are looked up (proving email domains); the
    /// system's resolvers unless set (tests give a zone of their own).
    pub txt_lookup: Option<crate::dns::TxtSource>,
    /// The mailbox emails come from (`mail.from`): also the organiser
    /// calendars are given for workshop sessions.
    pub mail_from: String,
}

impl WebConfig {
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// Scheme, host and port of the public URL, as browsers send in `Origin`.
    pub fn public_origin(&self) -> &str {
        let url = self.public_url.as_str();
        let after_scheme = url.find("://").map_or(0, |i| i + 3);
        match url[after_scheme..].find('/') {
            Some(slash) => &url[..after_scheme + slash],
            None => url,
        }
    }

    /// An absolute link to a path of ours, for emails.
    pub fn link(&self, path_and_query: &str) -> String {
        format!("{}{}", self.public_origin(), path_and_query)
    }
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:8080".into(),
            session_idle: Duration::from_secs(4 * 3600),
            session_absolute: Duration::from_secs(24 * 3600),
            trusted_proxies: Vec::new(),
            auth_attempts_per_minute: 30,
            metrics_token: None,
            request_timeout: Duration::from_secs(30),
            sso_local_providers: false,
            secrets: None,
            txt_lookup: None,
            mail_from: "Lyceum <no-reply@localhost>".into(),
        }
    }
}

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub db: Db,
    pub config: WebConfig,
    pub clock: Clock,
    pub metrics: Metrics,
    pub limits: RateLimits,
    /// Single sign-on: the HTTP client and the providers' cached documents and keys.
    pub sso: crate::sso::SsoClient,
    /// TXT lookups, for proving email domains.
    pub txt: Arc<dyn crate::dns::TxtLookup>,
    /// Wakes the in-process worker when a job has been queued.
    pub jobs_waker: Arc<Notify>,
    /// Organisation paths never change once made, so they are cached forever.
    org_paths: RwLock<HashMap<OrgId, OrgPath>>,
    /// A course version's content never changes once published (a change
    /// is a new version), so every node may keep the ones it has read.
    course_versions: RwLock<HashMap<(CourseId, i32), Arc<Course>>>,
    /// Community posts as HTML: read on every topic page, changed rarely.
    pub rendered_posts: crate::markdown::Rendered,
    /// Classroom practices' steps as HTML: read on every practice page,
    /// changed only by a new version.
    pub rendered_steps: crate::markdown::Rendered,
    /// Registry tools' descriptions as HTML: read on every tool page,
    /// changed only when a programme admin edits the tool.
    pub rendered_tools: crate::markdown::Rendered,
    /// The catalogue's listing, checked against its version on each use
    /// (`catalogue_listing`).
    catalogue: Kept<Listing>,
    /// The practice library's listing, checked against its version on each
    /// use (`library_browse::listing`).
    pub library_listing: Kept<lyceum_db::library::browse::Listing>,
    /// The offerings not over, checked against their version on each use
    /// (`workshop_actions::upcoming`).
    pub upcoming_offerings: Kept<lyceum_db::workshops::upcoming::Upcoming>,
}

/// Most rendered posts kept (a few tens of MB at most).
const RENDERED_POSTS: usize = 50_000;

/// Most practices' steps kept (a practice per 100 educators: 4,000 at full scale).
const RENDERED_STEPS: usize = 10_000;

/// Most tools' descriptions kept (the registry holds hundreds).
const RENDERED_TOOLS: usize = 2_000;

/// Most course versions kept in memory; past it the cache starts again.
const COURSE_VERSIONS: usize = 1_000;

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(db: Db, config: WebConfig, clock: Clock, jobs_waker: Arc<Notify>) -> Self {
        let limits = RateLimits::new(config.auth_attempts_per_minute);
        let sso = crate::sso::SsoClient::new(config.sso_local_providers);
        let txt = match &config.txt_lookup {
            Some(source) => source.0.clone(),
            None => Arc::new(crate::dns::SystemDns::new()) as Arc<dyn crate::dns::TxtLookup>,
        };
        AppState(Arc::new(Inner {
            db,
            config,
            clock,
            metrics: Metrics::default(),
            limits,
            sso,
            txt,
            jobs_waker,
            org_paths: RwLock::new(HashMap::new()),
            course_versions: RwLock::new(HashMap::new()),
            rendered_posts: crate::markdown::Rendered::new(RENDERED_POSTS),
            rendered_steps: crate::markdown::Rendered::new(RENDERED_STEPS),
            rendered_tools: crate::markdown::Rendered::new(RENDERED_TOOLS),
            catalogue: Kept::default(),
            library_listing: Kept::default(),
            upcoming_offerings: Kept::default(),
        }))
    }

    /// One version of a course, from the cache or the database.
    pub async fn course_version(
        &self,
        row: &CourseRow,
        version: i32,
    ) -> Result<Option<Arc<Course>>, lyceum_db::DbError> {
        let key = (row.id, version);
        if let Some(c) = self
            .course_versions
            .read()
            .ok()
            .and_then(|m| m.get(&key).cloned())
        {
            return Ok(Some(c));
        }
        let r = row.clone();
        let Some(course) = self
            .db
            .read(move |c| lyceum_db::courses::load_version(c, &r, version))
            .await?
        else {
            return Ok(None);
        };
        let course = Arc::new(course);
        if let Ok(mut map) = self.course_versions.write() {
            if map.len() >= COURSE_VERSIONS {
                map.clear();
            }
            map.insert(key, course.clone());
        }
        Ok(Some(course))
    }

    /// The catalogue's listing as it is now: the one kept, if the
    /// database's catalogue version is still its own (one read), else read
    /// again. Every server checks, so a course changed through any of them
    /// is listed everywhere on the next request.
    pub async fn catalogue_listing(&self) -> Result<Arc<Listing>, lyceum_db::DbError> {
        self.catalogue
            .get(
                &self.db,
                course_listing::version,
                |_| true,
                course_listing::load,
            )
            .await
    }

    /// The path of an organisation, from the cache or the database.
    pub async fn org_path(&self, id: OrgId) -> Result<Option<OrgPath>, lyceum_db::DbError> {
        if let Some(p) = self.org_paths.read().ok().and_then(|m| m.get(&id).cloned()) {
            return Ok(Some(p));
        }
        let path = self
            .db
            .read(move |c| lyceum_db::orgs::path_of(c, id))
            .await?;
        if let (Some(p), Ok(mut map)) = (&path, self.org_paths.write()) {
            map.insert(id, p.clone());
        }
        Ok(path)
    }

    /// The keys for stored secrets (always there once the server started).
    pub fn keys(&self) -> Result<Arc<Keyring>, crate::error::AppError> {
        self.config
            .secrets
            .clone()
            .ok_or_else(|| crate::error::AppError::internal("no secrets key configured"))
    }

    /// Tells the worker there is work (it also polls, so this is only about latency).
    pub fn wake_worker(&self) {
        self.jobs_waker.notify_one();
    }
}
