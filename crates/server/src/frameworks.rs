//! `lyceum import case FILE`: a competency framework as a 1EdTech CASE JSON
//! package, checked, then saved in one transaction (or only checked).

use anyhow::{Context, bail};
use lyceum_db::{Db, DbError, competencies};
use lyceum_domain::Clock;
use lyceum_domain::competency::{Framework, case};
use lyceum_domain::i18n::Lang;
use std::path::Path;

/// Reads, checks and (unless `dry_run`) saves; returns what to tell the operator.
pub async fn import_case(
    db: &Db,
    clock: &Clock,
    path: &Path,
    dry_run: bool,
) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let framework = match case::parse(&bytes) {
        Ok(f) => f,
        Err(problems) => return refuse(path, problems.iter().map(ToString::to_string).collect()),
    };
    let described = describe(&framework);
    if dry_run {
        let f = framework.clone();
        let problems = db.read(move |c| competencies::conflicts(c, &f)).await?;
        if !problems.is_empty() {
            return refuse(path, problems.iter().map(ToString::to_string).collect());
        }
        return Ok(format!(
            "{described} It can be imported; nothing was written (--dry-run)."
        ));
    }
    let now = clock.now();
    let f = framework.clone();
    match db.write(move |c| competencies::save(c, &f, now)).await {
        Ok(saved) => Ok(format!(
            "{described} {}: {} added, {} updated, {} unchanged, {} retired.",
            if saved.new_framework {
                "Imported"
            } else {
                "Updated"
            },
            saved.created,
            saved.updated,
            saved.unchanged,
            saved.retired
        )),
        Err(DbError::Framework(problems)) => {
            refuse(path, problems.iter().map(ToString::to_string).collect())
        }
        Err(e) => Err(e.into()),
    }
}

fn describe(f: &Framework) -> String {
    format!(
        "Framework {:?} ({}), {} items.",
        f.title.get(Lang::En),
        f.id,
        f.items.len()
    )
}

fn refuse<T>(path: &Path, problems: Vec<String>) -> anyhow::Result<T> {
    for p in &problems {
        eprintln!("{}: {p}", path.display());
    }
    bail!(
        "the framework was not imported: {} problem(s) to fix first. Nothing was changed.",
        problems.len()
    )
}
