//! Uploading a OneRoster package (a zip, or the CSV files) for an
//! organisation: check it (dry run) or import it, and see what happened or
//! every problem, line by line. Programme-wide loads go through the
//! command line (`lyceum import oneroster`), which has no upload limit.
//!
//! Outside input is hostile: the body is bounded ([`MAX_UPLOAD`]), the zip
//! is unpacked on the blocking pool under `oneroster::ZipLimits::ROSTER`,
//! one import per organisation runs at a time across servers
//! (`roster::lock`), and at most [`IMPORTS_AT_ONCE`] on one server.

use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlForm;
use crate::gate::ScopedOrg;
use crate::page::{Page, render, render_invalid};
use crate::pages::org_admin::{AdminFrame, Tab, frame};
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Multipart, Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::Response;
use lyceum_db::DbError;
use lyceum_db::roster::{self, Difference, Summary, Target, uploads};
use lyceum_domain::i18n::{Arg, Lang, catalogue};
use lyceum_domain::oneroster::template_file;
use lyceum_domain::oneroster::{Problem, code, files_from_zip, read_package};
use lyceum_domain::token::{hash_token, new_token};
use serde::Deserialize;
use std::collections::BTreeMap;
use tokio::sync::Semaphore;

/// Largest upload accepted here: a large district's roster is a few MB.
pub const MAX_UPLOAD: usize = 64 * 1024 * 1024;

/// Uploads unpacked, read and applied at once on one server; others wait.
/// One admin may import into each of many schools at the same time, and
/// each import may hold up to `oneroster::MAX_UNPACKED_BYTES`.
pub const IMPORTS_AT_ONCE: usize = 2;
static IMPORTING: Semaphore = Semaphore::const_new(IMPORTS_AT_ONCE);

/// A problem as the page shows it.
pub struct Shown {
    pub file: String,
    pub line: u64,
    pub column: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "org_admin_import.html")]
pub struct ImportPage {
    page: Page,
    frame: AdminFrame,
    source: String,
    summary: Option<Summary>,
    dry_run: bool,
    problems: Vec<Shown>,
    /// What was read anyway, from the summary.
    notices: Vec<Shown>,
    /// Problems beyond those shown.
    more: usize,
    no_files: bool,
    /// After a clean check: the token that imports the same files.
    checked: Option<String>,
    /// "Import now" came too late (or twice): the files must be chosen again.
    expired: bool,
    /// The template's files, to download.
    templates: &'static [&'static str],
}

impl ImportPage {
    fn problems_heading(&self) -> String {
        self.page
            .tn("import-problems", (self.problems.len() + self.more) as i64)
    }

    fn more_text(&self) -> String {
        self.page.tn("import-more-problems", self.more as i64)
    }

    fn ignored_text(&self, s: &Summary) -> String {
        let mut text = self.page.tn("import-ignored", s.ignored_users as i64);
        if s.reactivated > 0 {
            text.push(' ');
            text.push_str(&self.page.tn("import-reactivated", s.reactivated as i64));
        }
        text
    }

    fn files_not_used(&self, s: &Summary) -> String {
        self.page.t1(
            "import-files-not-used",
            "files",
            &s.ignored_files.join(", "),
        )
    }

    fn linked_text(&self, s: &Summary) -> String {
        self.page.tn("import-linked", s.linked as i64)
    }

    fn differences_intro(&self, s: &Summary) -> String {
        self.page
            .tn("import-differences-intro", s.differences as i64)
    }

    fn difference_text(&self, d: &Difference) -> String {
        self.page.t(match (d.email, d.name) {
            (true, true) => "import-difference-both",
            (true, false) => "import-difference-email",
            _ => "import-difference-name",
        })
    }

    fn more_differences(&self, s: &Summary) -> String {
        let more = s.differences.saturating_sub(s.difference_rows.len());
        self.page.tn("import-more-differences", more as i64)
    }
}

/// The source name a page upload uses unless told otherwise: stable per
/// organisation, so that uploading again updates rather than duplicates.
fn default_source(org: &lyceum_db::orgs::OrgRow) -> String {
    format!("upload-{}", org.id)
}

async fn page(state: &AppState, ctx: &Ctx, scope: &ScopedOrg) -> Result<ImportPage, AppError> {
    let frame = frame(state, scope.id, Tab::Import).await?;
    Ok(ImportPage {
        page: Page::new(ctx, "import-title").about(&frame.org.name),
        source: default_source(&frame.org),
        frame,
        summary: None,
        dry_run: false,
        problems: Vec::new(),
        notices: Vec::new(),
        more: 0,
        no_files: false,
        checked: None,
        expired: false,
        templates: lyceum_domain::oneroster::TEMPLATE_FILES,
    })
}

pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    Ok(render(&page(&state, &ctx, &scope).await?))
}

/// At most this many problems are listed on the page.
const SHOWN: usize = 200;

pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let mut view = page(&state, &ctx, &scope).await?;
    // Every file as uploaded (one zip at most), kept as is for "Import now".
    let mut uploaded: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| AppError::BadRequest(e.body_text()))?
    {
        let name = field.name().unwrap_or("").to_string();
        let file_name = field
            .file_name()
            .map(|f| f.rsplit(['/', '\\']).next().unwrap_or("").to_string());
        let bytes = field
            .bytes()
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?;
        match (name.as_str(), file_name) {
            ("files", Some(f)) if f.ends_with(".zip") && !bytes.is_empty() => {
                uploaded.retain(|name, _| !name.ends_with(".zip"));
                uploaded.insert(f, bytes.to_vec());
            }
            ("files", Some(f)) if f.ends_with(".csv") => {
                uploaded.insert(f, bytes.to_vec());
            }
            ("source", _) => {
                let s = String::from_utf8_lossy(&bytes).trim().to_string();
                if !s.is_empty() {
                    view.source = s.chars().take(100).collect();
                }
            }
            ("dry_run", _) => view.dry_run = true,
            _ => {}
        }
    }
    if uploaded.is_empty() {
        view.no_files = true;
        view.page.has_errors = true;
        return Ok(render_invalid(&view));
    }
    run(&state, &ctx, &scope, view, uploaded).await
}

/// `POST /orgs/{org_id}/admin/import/checked`: imports the roster this
/// admin checked here (field `upload`, the token the check gave), without
/// choosing the files again — read and planned afresh from the same bytes,
/// inside the import lock. Too late or already imported: the page says so.
pub async fn import_checked(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlForm(form): HtmlForm<CheckedForm>,
) -> Result<Response, AppError> {
    let mut view = page(&state, &ctx, &scope).await?;
    let user = ctx.require_user()?.user.id();
    let (hash, org, now) = (hash_token(&form.upload), scope.id, state.clock.now());
    let taken = state
        .db
        .write(move |c| uploads::take(c, &hash, org, user, now))
        .await?;
    let Some(upload) = taken else {
        view.expired = true;
        view.page.has_errors = true;
        return Ok(render_invalid(&view));
    };
    view.source = upload.source;
    run(&state, &ctx, &scope, view, upload.files).await
}

#[derive(Debug, Default, Deserialize)]
pub struct CheckedForm {
    #[serde(default)]
    upload: String,
}

/// `GET /orgs/{org_id}/admin/import/template/{file}`: an empty roster file
/// with the columns Lyceum reads (`manifest.csv`, `orgs.csv`, `users.csv`,
/// `roles.csv`), to fill in by hand or compare an export with.
pub async fn template(Path((_, file)): Path<(i64, String)>) -> Result<Response, AppError> {
    let body = template_file(&file).ok_or(AppError::NotFound)?;
    Response::builder()
        .header(CONTENT_TYPE, "text/csv; charset=utf-8")
        .header(
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file}\""),
        )
        .body(axum::body::Body::from(body))
        .map_err(AppError::internal)
}

/// Checks (a dry run) or imports the files for the view's source, and shows
/// what happened or every problem. A clean check is kept for "Import now".
async fn run(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    mut view: ImportPage,
    uploaded: BTreeMap<String, Vec<u8>>,
) -> Result<Response, AppError> {
    let kept = view.dry_run.then(|| uploaded.clone());
    let (mut files, mut zip) = (BTreeMap::new(), None);
    for (name, bytes) in uploaded {
        if name.ends_with(".zip") {
            zip = Some(bytes);
        } else {
            files.insert(name, bytes);
        }
    }
    let actor = ctx.require_user()?.user.id();
    let target = Target {
        source: view.source.clone(),
        org: scope.id,
        actor: Some(actor),
    };
    let now = state.clock.now();
    let (db, dry_run) = (state.db.clone(), view.dry_run);
    let work = async move {
        let _turn = IMPORTING
            .acquire()
            .await
            .map_err(|e| DbError::task_from("waiting to import", e))?;
        // Unpacking and reading are slow work: on the blocking pool.
        let package = tokio::task::spawn_blocking(move || {
            if let Some(z) = zip {
                files.extend(files_from_zip(&z).map_err(|p| vec![p])?);
            }
            read_package(&files)
        })
        .await
        .map_err(|e| DbError::task_from("reading the roster", e))?
        .map_err(DbError::Roster)?;
        roster::import(&db, package, target, dry_run, now, |_| {}).await
    };
    match roster::lock::exclusively(&state.db, &state.clock, scope.id, work).await {
        Ok(summary) => {
            if let Some(files) = kept {
                let (token, token_hash) = new_token().map_err(AppError::internal)?;
                let (org, source) = (scope.id, view.source.clone());
                state
                    .db
                    .write(move |c| {
                        let new = uploads::NewUpload {
                            token_hash: &token_hash,
                            org,
                            user: actor,
                            source: &source,
                            files: &files,
                        };
                        uploads::keep(c, &new, now)
                    })
                    .await?;
                view.checked = Some(token);
            }
            if !view.dry_run {
                let detail = serde_json::json!({ "source": view.source, "summary": summary });
                let org = scope.id;
                let org_name = view.frame.org.name.clone();
                let base = state.config.public_origin().to_string();
                state
                    .db
                    .write(move |c| {
                        crate::org_actions::record(
                            c,
                            now,
                            actor,
                            "org.roster_imported",
                            org,
                            None,
                            detail,
                        )?;
                        // The admin who ran it is told it finished (it may
                        // take a while; they may have left the page).
                        let link = lyceum_domain::paths::roster_import(org);
                        let n = lyceum_db::notices::Notice {
                            user: actor,
                            kind: lyceum_domain::community::NotificationKind::RosterImported,
                            actor,
                            subject: &org_name,
                            link: &link,
                            extra_link: None,
                        };
                        lyceum_db::notices::tell(c, &n, &base, now)
                    })
                    .await?;
            }
            view.notices = summary
                .notices
                .iter()
                .take(SHOWN)
                .map(|n| shown(n, ctx.lang))
                .collect();
            view.summary = Some(summary);
            Ok(render(&view))
        }
        Err(DbError::Roster(problems)) => Ok(refused(view, problems, ctx.lang)),
        Err(e) => Err(e.into()),
    }
}

fn refused(mut view: ImportPage, problems: Vec<Problem>, lang: Lang) -> Response {
    view.more = problems.len().saturating_sub(SHOWN);
    view.problems = problems
        .iter()
        .take(SHOWN)
        .map(|p| shown(p, lang))
        .collect();
    view.page.has_errors = true;
    render_invalid(&view)
}

/// A problem in the reader's language.
pub fn shown(p: &Problem, lang: Lang) -> Shown {
    let key = match (p.code, p.file.as_str(), p.arg("expected")) {
        ("missing-file", "manifest.csv", _) => "roster-problem-missing-manifest".to_string(),
        ("extra-column", _, Some(_)) => "roster-problem-extra-column-expected".to_string(),
        (code, _, _) if code::NOTICES.contains(&code) => format!("roster-notice-{code}"),
        (code, _, _) => format!("roster-problem-{code}"),
    };
    let column = p.column.clone().unwrap_or_default();
    let mut args: Vec<(&str, Arg<'_>)> = p
        .args
        .iter()
        .map(|(k, v)| (*k, Arg::Str(v.as_str())))
        .collect();
    args.push(("column", Arg::Str(&column)));
    args.push(("file", Arg::Str(&p.file)));
    Shown {
        file: p.file.clone(),
        line: p.line,
        column: column.clone(),
        message: catalogue().text_with(lang, &key, &args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_reads_in_both_languages() {
        for c in code::ALL {
            for lang in Lang::ALL {
                let key = format!("roster-problem-{c}");
                assert!(catalogue().has(*lang, &key), "{lang}: {key}");
            }
        }
        for c in code::NOTICES {
            for lang in Lang::ALL {
                let key = format!("roster-notice-{c}");
                assert!(catalogue().has(*lang, &key), "{lang}: {key}");
            }
        }
        let running = shown(&Problem::new("", 0, code::IMPORT_RUNNING), Lang::En);
        assert_eq!(
            running.message,
            "An import for this organisation is already running. Try again in a few minutes."
        );
    }
}
