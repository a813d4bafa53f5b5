//! Starting and stopping Lyceum.

use crate::config::Settings;
use anyhow::Context;
use lyceum_db::{Db, migrate};
use lyceum_domain::Clock;
use lyceum_jobs::{Mailer, Worker, WorkerConfig};
use lyceum_web::routes::RouteSpec;
use lyceum_web::{AppState, WebConfig};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

/// A running Lyceum: the HTTP server and, if enabled, the worker.
pub struct App {
    pub addr: SocketAddr,
    pub public_url: String,
    pub db: Db,
    pub routes: Vec<RouteSpec>,
    shutdown: watch::Sender<bool>,
    server: JoinHandle<std::io::Result<()>>,
    worker: Option<JoinHandle<()>>,
}

/// Connects to the database (off the async threads) and migrates if asked.
pub async fn open_database(settings: &Settings, migrate_now: bool) -> anyhow::Result<Db> {
    let url = settings.database_url.clone();
    let pool = settings.pool.clone();
    tokio::task::spawn_blocking(move || -> anyhow::Result<Db> {
        let db = Db::connect(url.expose(), &pool)?;
        let mut conn = db.get()?;
        if migrate_now {
            let applied = migrate::run_pending(&mut conn, Clock::system().now())?;
            if !applied.is_empty() {
                tracing::info!(count = applied.len(), "migrations applied");
            }
        } else {
            let pending = migrate::pending_count(&mut conn)?;
            anyhow::ensure!(
                pending == 0,
                "{pending} database migrations are pending: run `lyceum migrate` first"
            );
        }
        Ok(db)
    })
    .await?
}

/// The job worker; `public_url` is where links in its emails point.
pub fn worker(
    settings: &Settings,
    db: Db,
    clock: Clock,
    waker: Arc<Notify>,
    public_url: Option<String>,
) -> anyhow::Result<Worker> {
    let mailer = Mailer::new(&settings.mail).map_err(anyhow::Error::msg)?;
    Ok(Worker {
        db,
        clock,
        mailer: Arc::new(mailer),
        config: WorkerConfig {
            public_url,
            ..settings.worker.clone()
        },
        waker,
    })
}

impl App {
    /// Starts everything; returns once the server is listening.
    pub async fn start(settings: Settings, clock: Clock) -> anyhow::Result<App> {
        let db = open_database(&settings, settings.migrate_on_start).await?;
        Self::start_with_db(settings, db, clock).await
    }

    pub async fn start_with_db(settings: Settings, db: Db, clock: Clock) -> anyhow::Result<App> {
        let keys = Arc::new(crate::secrets::keyring(&settings)?);
        crate::secrets::seal_stored(&db, &keys, false).await?;
        let listener = tokio::net::TcpListener::bind(settings.listen)
            .await
            .with_context(|| format!("cannot listen on {}", settings.listen))?;
        let addr = listener.local_addr()?;
        let public_url = if settings.web.public_url.is_empty() {
            format!("http://{addr}")
        } else {
            settings.web.public_url.trim_end_matches('/').to_string()
        };
        let waker = Arc::new(Notify::new());
        let (shutdown, shutdown_rx) = watch::channel(false);

        let worker = if settings.run_worker {
            let w = worker(
                &settings,
                db.clone(),
                clock.clone(),
                waker.clone(),
                Some(public_url.clone()),
            )?;
            Some(tokio::spawn(w.run(shutdown_rx.clone())))
        } else {
            // Still check the mail settings, so a mistake shows at start-up.
            lyceum_jobs::Mailer::new(&settings.mail).map_err(anyhow::Error::msg)?;
            None
        };

        let state = AppState::new(
            db.clone(),
            WebConfig {
                public_url: public_url.clone(),
                secrets: Some(keys),
                ..settings.web.clone()
            },
            clock,
            waker,
        );
        // The catalogue's listing, read before the first request rather
        // than by the first requests to list courses, which would wait for it.
        state.catalogue_listing().await?;
        let web = lyceum_web::build(state);
        let mut rx = shutdown_rx;
        let server = tokio::spawn(async move {
            axum::serve(
                listener,
                web.router
                    .into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async move {
                let _ = rx.wait_for(|stop| *stop).await;
            })
            .await
        });
        Ok(App {
            addr,
            public_url,
            db,
            routes: web.routes,
            shutdown,
            server,
            worker,
        })
    }

    /// Stops taking requests, lets those in flight finish, stops the worker.
    pub async fn stop(self) -> anyhow::Result<()> {
        let _ = self.shutdown.send(true);
        self.server.await??;
        if let Some(w) = self.worker {
            w.await?;
        }
        Ok(())
    }

    /// Runs until Ctrl+C or SIGTERM, then stops gracefully.
    pub async fn run_until_signal(self) -> anyhow::Result<()> {
        shutdown_signal().await;
        tracing::info!("shutting down");
        self.stop().await
    }
}

pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}
