//! One person's record for the admins of an organisation: their roles
//! inside it (never elsewhere), the courses they follow with how far they
//! are, and their transcript in short. Someone with no role inside it is
//! not found.

use crate::admin_views::{self, Record};
use crate::context::Ctx;
use crate::error::AppError;
use crate::gate::ScopedOrg;
use crate::page::{Page, render};
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::orgs::{self, OrgRow};
use lyceum_domain::course::hours_in;
use lyceum_domain::paths;

/// A course as the record lists it.
pub struct CourseLine {
    pub title: String,
    pub lang: String,
    pub done: i64,
    pub lessons: i64,
    pub progress: String,
    pub completed: Option<String>,
}

#[derive(Template)]
#[template(path = "person_record.html")]
pub struct RecordPage {
    page: Page,
    scope: OrgRow,
    record: Record,
    courses: Vec<CourseLine>,
    hours: String,
    /// Entries on their transcript.
    entries: i64,
    /// (course title, issued on, public page)
    certificates: Vec<(String, String, String)>,
}

/// `GET /orgs/{org_id}/people/{user_id}`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, user_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let record = admin_views::record(&state, &me.actor, &scope, user_id).await?;
    let id = scope.id;
    let scope_org = state.db.read(move |c| orgs::get(c, id)).await?;
    let page = Page::new(&ctx, "person-record-title")
        .with_title(&record.person.display_name)
        .about(&scope_org.name);
    let courses = record
        .courses
        .iter()
        .map(|p| CourseLine {
            title: p.title.clone(),
            lang: p.language.clone(),
            done: p.done,
            lessons: p.lessons,
            progress: page.t2(
                "home-progress",
                "done",
                &p.done.to_string(),
                "total",
                &p.lessons.to_string(),
            ),
            completed: p.completed_at.map(|at| page.date(&at)),
        })
        .collect();
    let certificates = record
        .certificates
        .iter()
        .map(|c| {
            (
                c.course_title.clone(),
                page.date(&c.issued_at),
                paths::certificate(&c.code),
            )
        })
        .collect();
    let quarters = u32::try_from(record.quarter_hours).unwrap_or(u32::MAX);
    Ok(render(&RecordPage {
        hours: hours_in(quarters, page.lang),
        entries: i64::try_from(record.entries).unwrap_or(i64::MAX),
        page,
        scope: scope_org,
        record,
        courses,
        certificates,
    }))
}
