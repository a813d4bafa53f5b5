//! `lyceum import oneroster PATH`: a folder or zip of OneRoster CSV files,
//! read, checked against the database, and applied in one transaction —
//! while holding the organisation's import claim (`roster::lock`), like the
//! upload page, so the two never import into one organisation at once.

use anyhow::{Context, bail};
use lyceum_db::roster::{self, Summary, Target};
use lyceum_db::{Db, DbError, orgs};
use lyceum_domain::Clock;
use lyceum_domain::oneroster::{Problem, files_from_zip, is_read_file, read_package};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The package's files, by name, from a folder or a `.zip` (unpacked under
/// `ZipLimits::ROSTER`). Files Lyceum does not read are listed, not read.
/// Slow: call it off the async threads.
pub fn read_files(path: &Path) -> Result<BTreeMap<String, Vec<u8>>, Refused> {
    if path.is_dir() {
        let mut files = BTreeMap::new();
        for entry in
            std::fs::read_dir(path).with_context(|| format!("reading {}", path.display()))?
        {
            let p = entry.context("reading the folder")?.path();
            if p.extension().is_some_and(|e| e == "csv")
                && let Some(name) = p.file_name().and_then(|n| n.to_str())
            {
                let bytes = if is_read_file(name) {
                    std::fs::read(&p).with_context(|| format!("reading {}", p.display()))?
                } else {
                    Vec::new()
                };
                files.insert(name.to_string(), bytes);
            }
        }
        return Ok(files);
    }
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    files_from_zip(&bytes).map_err(|p| Refused::Problems(vec![p]))
}

/// What happened, for the summary.
pub struct Outcome {
    pub summary: Summary,
    pub read: Duration,
    pub applied: Duration,
    pub dry_run: bool,
}

/// Why nothing was imported.
pub enum Refused {
    Problems(Vec<Problem>),
    Other(anyhow::Error),
}

impl From<anyhow::Error> for Refused {
    fn from(e: anyhow::Error) -> Self {
        Refused::Other(e)
    }
}

/// How far the import is, for a progress bar: (done, of).
#[derive(Default, Clone)]
pub struct Progress {
    pub done: Arc<AtomicUsize>,
    pub total: Arc<AtomicUsize>,
}

/// Imports the package at `path` (a folder or a zip) into `org` (an id or
/// a name), or refuses with every problem and changes nothing.
pub async fn run(
    db: &Db,
    clock: &Clock,
    path: &Path,
    source: String,
    org: &str,
    dry_run: bool,
    progress: Progress,
) -> Result<Outcome, Refused> {
    let org_query = org.to_string();
    let target_org = db
        .read(move |c| orgs::find(c, &org_query))
        .await
        .map_err(|e| Refused::Other(e.into()))?;
    let target_org = match target_org.as_slice() {
        [one] => one.id(),
        [] => {
            return Err(Refused::Other(anyhow::anyhow!(
                "no organisation has the id or name {org:?}"
            )));
        }
        _ => {
            return Err(Refused::Other(anyhow::anyhow!(
                "several organisations are named {org:?}; give the id"
            )));
        }
    };
    let target = Target {
        source,
        org: target_org,
        actor: None,
    };
    let (path, db_, now) = (path.to_path_buf(), db.clone(), clock.now());
    let work = async move {
        let started = Instant::now();
        let read = tokio::task::spawn_blocking(move || {
            read_package(&read_files(&path)?).map_err(Refused::Problems)
        })
        .await
        .map_err(|e| DbError::task_from("reading the roster", e))?;
        let package = match read {
            Ok(package) => package,
            Err(refused) => return Ok(Err(refused)),
        };
        let read = started.elapsed();
        progress.total.store(
            package.orgs.len() + package.users.len() + package.roles.len(),
            Ordering::Relaxed,
        );
        let started = Instant::now();
        let done = progress.done.clone();
        let summary = roster::import(&db_, package, target, dry_run, now, move |n| {
            done.store(n, Ordering::Relaxed)
        })
        .await?;
        Ok(Ok(Outcome {
            summary,
            read,
            applied: started.elapsed(),
            dry_run,
        }))
    };
    match roster::lock::exclusively(db, clock, target_org, work).await {
        Ok(outcome) => outcome,
        Err(DbError::Roster(problems)) => Err(Refused::Problems(problems)),
        Err(e) => Err(Refused::Other(e.into())),
    }
}

/// The default source name: the folder's or zip's name.
pub fn source_name(path: &Path) -> anyhow::Result<String> {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string)
        .unwrap_or_default();
    if stem.is_empty() {
        bail!("name the source with --source");
    }
    Ok(stem)
}

pub fn print_summary(o: &Outcome) {
    let s = &o.summary;
    println!();
    println!(
        "{} in {:.1} s (read and checked in {:.1} s).",
        if o.dry_run {
            "Dry run: nothing was written. It would import"
        } else {
            "Imported"
        },
        (o.read + o.applied).as_secs_f64(),
        o.read.as_secs_f64()
    );
    println!(
        "{:<15} {:>9} {:>9} {:>10} {:>12}",
        "", "created", "updated", "unchanged", "deactivated"
    );
    for (label, pick) in [("organisations", 0usize), ("people", 1), ("roles", 2)] {
        let get = |c: &roster::Counts| [c.orgs, c.users, c.roles][pick];
        println!(
            "{label:<15} {:>9} {:>9} {:>10} {:>12}",
            get(&s.created),
            get(&s.updated),
            get(&s.unchanged),
            get(&s.deactivated)
        );
    }
    if s.reactivated > 0 {
        println!("Reactivated: {} people.", s.reactivated);
    }
    if s.linked > 0 {
        println!(
            "Linked: {} people who already had accounts (each is told by email).",
            s.linked
        );
    }
    if s.differences > 0 {
        println!(
            "Different in Lyceum, kept as the account has it (only the person changes their email; \
             a roster renames only accounts it created): {} people.",
            s.differences
        );
        for d in &s.difference_rows {
            let what = match (d.email, d.name) {
                (true, true) => "email and name",
                (true, false) => "email",
                _ => "name",
            };
            println!("  users.csv line {} ({}): {what}", d.line, d.sourced_id);
        }
        let more = s.differences - s.difference_rows.len();
        if more > 0 {
            println!("  …and {more} more.");
        }
    }
    println!(
        "Ignored (students, guardians and others): {} people.",
        s.ignored_users
    );
    if !s.ignored_files.is_empty() {
        println!("Files not used: {}.", s.ignored_files.join(", "));
    }
    if !s.notices.is_empty() {
        println!("Read anyway (the package bends the OneRoster specification here):");
        for n in &s.notices {
            println!("  {n}");
        }
    }
    println!("Rejected: 0.");
}
