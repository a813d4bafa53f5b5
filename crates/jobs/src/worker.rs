//! The worker: claims due jobs, runs them, retries failures with backoff.
//! Runs inside `lyceum serve` and alone as `lyceum worker`; any number of
//! workers on any number of machines may share one database.

use crate::email;
use crate::mailer::Mailer;
use lyceum_db::{Db, DbError, jobs};
use lyceum_domain::Clock;
use lyceum_domain::error_chain::Chain;
use lyceum_domain::jobs::Job;
use lyceum_domain::paths;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, watch};

#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// How often to look for due jobs when nobody wakes us.
    pub poll: Duration,
    /// How long a claimed job is ours before another worker may take it.
    pub lease: Duration,
    /// How often to look for work nobody enqueued: certificates about to
    /// expire, whose holders are reminded; digests that are due.
    pub sweep_every: Duration,
    /// The deployment's public address, for links in what sweeps send;
    /// None: no sweeps (a worker that does not know it cannot link).
    pub public_url: Option<String>,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        Self {
            poll: Duration::from_secs(2),
            lease: Duration::from_secs(300),
            sweep_every: Duration::from_secs(3_600),
            public_url: None,
        }
    }
}

/// How often to look for workshop reminders due: an hour-before reminder
/// goes at most this late.
pub const REMINDERS_EVERY: Duration = Duration::from_secs(300);

/// How often to recount the people changes have marked for the analytics
/// rollups: dashboards lag a change by about this much (and say so).
pub const ANALYTICS_EVERY: Duration = Duration::from_secs(15);

pub struct Worker {
    pub db: Db,
    pub clock: Clock,
    pub mailer: Arc<Mailer>,
    pub config: WorkerConfig,
    pub waker: Arc<Notify>,
}

/// Delay before retry number `attempts` (1-based): 15 s, 30 s, 1 min … capped at an hour.
pub fn backoff(attempts: i32) -> Duration {
    let exp = u32::try_from(attempts.clamp(1, 12) - 1).unwrap_or(0);
    Duration::from_secs((15u64 << exp).min(3600))
}

impl Worker {
    /// Runs until `shutdown` turns true; finishes the job in hand first.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        tracing::info!(mail = self.mailer.describe(), "worker started");
        let mut next_sweep = tokio::time::Instant::now();
        let mut next_reminders = tokio::time::Instant::now();
        let mut next_recount = tokio::time::Instant::now();
        loop {
            if *shutdown.borrow() {
                break;
            }
            if tokio::time::Instant::now() >= next_reminders {
                next_reminders += REMINDERS_EVERY;
                match self.remind_sessions().await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(emails = n, "workshop reminders enqueued"),
                    Err(e) => tracing::error!(error = %Chain(&e), "workshop reminders failed"),
                }
            }
            if tokio::time::Instant::now() >= next_recount {
                next_recount += ANALYTICS_EVERY;
                match self.recount().await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(people = n, "analytics recounted"),
                    Err(e) => tracing::error!(error = %Chain(&e), "analytics recount failed"),
                }
            }
            if tokio::time::Instant::now() >= next_sweep {
                next_sweep += self.config.sweep_every;
                match self.sweep().await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(emails = n, "reminders and digests enqueued"),
                    Err(e) => tracing::error!(error = %Chain(&e), "sweep failed"),
                }
            }
            match self.run_one().await {
                Ok(true) => continue,
                Ok(false) => {}
                Err(e) => tracing::error!(error = %Chain(&e), "job queue unavailable"),
            }
            tokio::select! {
                _ = self.waker.notified() => {}
                _ = tokio::time::sleep(self.config.poll) => {}
                _ = shutdown.changed() => {}
            }
        }
        tracing::info!("worker stopped");
    }

    /// Enqueues what is due without anyone asking: reminders to holders of
    /// certificates about to expire, and digests of unread notifications;
    /// forgets stale attempt counters and old unsubscribe links. Returns how
    /// many emails.
    pub async fn sweep(&self) -> Result<usize, DbError> {
        let now = self.clock.now();
        // Attempt counters whose window has passed would start from nothing anyway.
        let kept_from = now.minus(lyceum_domain::throttle::KEPT_FOR);
        self.db
            .write(move |c| {
                lyceum_db::throttle::prune(c, kept_from, now)?;
                lyceum_db::digests::forget_links(c, now)
            })
            .await?;
        let Some(base) = self.config.public_url.clone() else {
            return Ok(0);
        };
        self.db
            .write(move |c| {
                let reminders = lyceum_db::credit::remind_expiring(c, now, &|code| {
                    format!("{base}{}", paths::certificate(code))
                })?;
                let digests = lyceum_db::digests::send_due(c, now, &|token| match token {
                    Some(t) => format!("{base}{}", paths::digest_unsubscribe(t)),
                    None => format!("{base}{}", paths::NOTIFICATIONS),
                })?;
                Ok(reminders + digests)
            })
            .await
    }

    /// Recounts everyone changes have marked for the analytics rollups, a
    /// batch a transaction (any number of workers may at once: each takes
    /// its own marks). Returns how many people.
    pub async fn recount(&self) -> Result<usize, DbError> {
        lyceum_db::analytics::drain(&self.db).await
    }

    /// Enqueues the workshop reminders due now (each once, however many
    /// workers run this at the same time). Returns how many emails; none
    /// without a public address to link to.
    pub async fn remind_sessions(&self) -> Result<usize, DbError> {
        let Some(base) = self.config.public_url.clone() else {
            return Ok(0);
        };
        let now = self.clock.now();
        self.db
            .write(move |c| {
                let offering = |id| format!("{base}{}", paths::offering(id));
                let session_ics = |o, s| format!("{base}{}", paths::session_calendar(o, s));
                let links = lyceum_db::workshops::calendar::ReminderLinks {
                    offering: &offering,
                    session_ics: &session_ics,
                };
                lyceum_db::workshops::calendar::send_reminders(c, now, &links)
            })
            .await
    }

    /// Claims and runs one due job. False when none was due.
    pub async fn run_one(&self) -> Result<bool, DbError> {
        let now = self.clock.now();
        let lease = self.config.lease;
        let Some(job) = self.db.write(move |c| jobs::claim(c, now, lease)).await? else {
            return Ok(false);
        };
        let outcome = match serde_json::from_str::<Job>(&job.payload) {
            Ok(payload) => self.execute(&payload).await,
            Err(e) => Err(Failure::Permanent(format!("unreadable payload: {e}"))),
        };
        let now = self.clock.now();
        let id = job.id;
        match outcome {
            Ok(()) => {
                self.db.write(move |c| jobs::complete(c, id)).await?;
                tracing::info!(job = id, kind = job.kind, "job done");
            }
            Err(failure) => {
                let (message, retry_at) = match failure {
                    Failure::Retry(m) if job.attempts < job.max_attempts => {
                        (m, Some(now.plus(backoff(job.attempts))))
                    }
                    Failure::Retry(m) | Failure::Permanent(m) => (m, None),
                };
                tracing::warn!(job = id, kind = job.kind, attempt = job.attempts, error = %message,
                    retry = retry_at.is_some(), "job failed");
                self.db
                    .write(move |c| jobs::fail(c, id, &message, retry_at, now))
                    .await?;
            }
        }
        Ok(true)
    }

    async fn execute(&self, job: &Job) -> Result<(), Failure> {
        match job {
            Job::SendEmail(e) => {
                let rendered = email::render(e).map_err(|e| Failure::Permanent(e.to_string()))?;
                self.mailer.send(&rendered).await.map_err(Failure::Retry)
            }
            Job::TopicStarted { topic } => {
                // A batch per transaction: a retry starts over, and each
                // batch skips whoever was told already.
                let (topic, mut after) = (*topic, 0);
                loop {
                    let next = self
                        .db
                        .write(move |c| lyceum_db::space_news::tell_followers(c, topic, after))
                        .await
                        .map_err(|e| Failure::Retry(e.to_string()))?;
                    match next {
                        Some(n) => after = n,
                        None => return Ok(()),
                    }
                }
            }
            Job::TrialReported { report, base } => {
                // As `TopicStarted`: a batch per transaction; a retry
                // skips whoever was told already.
                let (report, mut after) = (*report, 0);
                loop {
                    let base = base.clone();
                    let next = self
                        .db
                        .write(move |c| {
                            lyceum_db::library::trials::tell_followers(c, report, &base, after)
                        })
                        .await
                        .map_err(|e| Failure::Retry(e.to_string()))?;
                    match next {
                        Some(n) => after = n,
                        None => return Ok(()),
                    }
                }
            }
            Job::HandInWaiting { hand_in, base } => {
                // Those already told are skipped: a retry tells nobody twice.
                let (id, base, now) = (*hand_in, base.clone(), self.clock.now());
                self.db
                    .write(move |c| lyceum_db::notices::tell_reviewers(c, id, &base, now))
                    .await
                    .map(|_| ())
                    .map_err(|e| Failure::Retry(e.to_string()))
            }
        }
    }
}

enum Failure {
    /// Worth trying again later (the mail server was down).
    Retry(String),
    /// Will fail the same way every time.
    Permanent(String),
}

#[cfg(test)]
mod tests {
    use super::backoff;
    use std::time::Duration;

    #[test]
    fn backoff_grows_and_caps() {
        assert_eq!(backoff(1), Duration::from_secs(15));
        assert_eq!(backoff(2), Duration::from_secs(30));
        assert_eq!(backoff(5), Duration::from_secs(240));
        assert_eq!(backoff(20), Duration::from_secs(3600));
    }
}
