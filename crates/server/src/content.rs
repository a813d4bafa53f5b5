//! Importing content from files: `lyceum import case FILE` (a competency
//! framework as a 1EdTech CASE JSON package) and `lyceum import course
//! FILE` (a course file, `lyceum-course/1`). Each is checked whole, then
//! saved in one transaction — or only checked, with `--dry-run`. And the
//! way back out: `lyceum export course SLUG` writes a course file.

use anyhow::{Context, bail};
use lyceum_db::{Db, DbError, competencies, courses, orgs};
use lyceum_domain::Clock;
use lyceum_domain::competency::{Framework, case};
use lyceum_domain::course::{Course, format_hours, package};
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
        Err(problems) => {
            return refuse(
                path,
                "framework",
                problems.iter().map(ToString::to_string).collect(),
            );
        }
    };
    let described = describe(&framework);
    if dry_run {
        let f = framework.clone();
        let problems = db.read(move |c| competencies::conflicts(c, &f)).await?;
        if !problems.is_empty() {
            return refuse(
                path,
                "framework",
                problems.iter().map(ToString::to_string).collect(),
            );
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
        Err(DbError::Framework(problems)) => refuse(
            path,
            "framework",
            problems.iter().map(ToString::to_string).collect(),
        ),
        Err(e) => Err(e.into()),
    }
}

/// Reads, checks and (unless `dry_run`) saves a course file, as a course of
/// the programme (or, for a course already here, of its organisation).
pub async fn import_course(
    db: &Db,
    clock: &Clock,
    path: &Path,
    dry_run: bool,
) -> anyhow::Result<String> {
    import_course_to(db, clock, path, None, dry_run).await
}

/// Like [`import_course`]; a new course belongs to `org` (an id or an exact
/// name) when given, so that its authors write its next versions.
pub async fn import_course_to(
    db: &Db,
    clock: &Clock,
    path: &Path,
    org: Option<&str>,
    dry_run: bool,
) -> anyhow::Result<String> {
    let wanted = match org {
        None => None,
        Some(query) => {
            let q = query.to_string();
            match db.read(move |c| orgs::find(c, &q)).await?.as_slice() {
                [one] => Some(one.id()),
                [] => bail!("no organisation has the id or name {query:?}"),
                _ => bail!("several organisations are named {query:?}; give the id"),
            }
        }
    };
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let course = match package::parse(&bytes) {
        Ok(c) => c,
        Err(problems) => {
            return refuse(
                path,
                "course",
                problems.iter().map(ToString::to_string).collect(),
            );
        }
    };
    let described = describe_course(&course);
    if dry_run {
        let c = course.clone();
        let problems = db.read(move |conn| courses::problems(conn, &c)).await?;
        if !problems.is_empty() {
            return refuse(
                path,
                "course",
                problems.iter().map(ToString::to_string).collect(),
            );
        }
        return Ok(format!(
            "{described} It can be imported; nothing was written (--dry-run)."
        ));
    }
    let now = clock.now();
    match db
        .write(move |conn| {
            let owner = courses::import_owner(conn, &course.slug, wanted)?;
            courses::save(conn, &course, owner, now)
        })
        .await
    {
        Ok(saved) if saved.unchanged => Ok(format!(
            "{described} Unchanged: version {} is the same.",
            saved.version
        )),
        Ok(saved) => Ok(format!(
            "{described} {} as version {}.",
            if saved.new_course {
                "Imported"
            } else {
                "Updated"
            },
            saved.version
        )),
        Err(DbError::Course(problems)) => refuse(
            path,
            "course",
            problems.iter().map(ToString::to_string).collect(),
        ),
        Err(DbError::Invalid(invalid)) => refuse(
            path,
            "course",
            invalid.0.iter().map(|e| e.message(Lang::En)).collect(),
        ),
        Err(e) => Err(e.into()),
    }
}

/// A course as a course file (pretty JSON): the version learners start
/// now, or `version`. An unknown slug or version is an error that says so.
pub async fn export_course(db: &Db, slug: &str, version: Option<i32>) -> anyhow::Result<String> {
    let s = slug.to_string();
    let found = db
        .read(move |c| {
            let Some(row) = courses::by_slug(c, &s)? else {
                return Ok(None);
            };
            let v = version.unwrap_or(row.version);
            Ok(Some((row.version, courses::load_version(c, &row, v)?)))
        })
        .await?;
    match found {
        None => bail!("there is no course {slug:?}"),
        Some((current, None)) => bail!(
            "course {slug:?} has no version {}; its versions are 1 to {current}",
            version.unwrap_or(current)
        ),
        Some((_, Some(course))) => {
            Ok(serde_json::to_string_pretty(&package::to_json(&course))? + "\n")
        }
    }
}

fn describe_course(c: &Course) -> String {
    format!(
        "Course {:?} ({}), {} modules, {} lessons, {} PD hours.",
        c.title,
        c.slug,
        c.modules.len(),
        c.lessons().count(),
        format_hours(c.pd_quarter_hours)
    )
}

fn describe(f: &Framework) -> String {
    format!(
        "Framework {:?} ({}), {} items.",
        f.title.get(Lang::En),
        f.id,
        f.items.len()
    )
}

fn refuse<T>(path: &Path, what: &str, problems: Vec<String>) -> anyhow::Result<T> {
    for p in &problems {
        eprintln!("{}: {p}", path.display());
    }
    bail!(
        "the {what} was not imported: {} problem(s) to fix first. Nothing was changed.",
        problems.len()
    )
}
