//! What an organisation's admin reads every day, shared by the pages and
//! the JSON API: the overview's counts of work waiting, the PD requests
//! already decided, and one person's record — only what lies inside the
//! admin's organisation.

use crate::credit_actions;
use crate::error::AppError;
use crate::gate::ScopedOrg;
use crate::state::AppState;
use lyceum_db::credit::{self, CertificateRow};
use lyceum_db::directory::{self, Person};
use lyceum_db::learning::{self, Progress};
use lyceum_db::pd_requests::{self, Decided};
use lyceum_db::{courses, invitations, roster};
use lyceum_domain::policy::Actor;
use lyceum_domain::{CourseId, UserId};

/// Work waiting in the organisation, for its admin's first page.
#[derive(Debug, Clone)]
pub struct Overview {
    /// Outside PD requests here or below that this admin may decide.
    pub pd_requests_waiting: usize,
    /// Invitations sent here not yet answered (nor withdrawn or expired).
    pub invitations_waiting: i64,
    /// When a roster was last imported here, if ever.
    pub last_roster_import: Option<i64>,
}

pub async fn overview(
    state: &AppState,
    me: &Actor,
    scope: &ScopedOrg,
) -> Result<Overview, AppError> {
    let waiting = credit_actions::queue(state, me, scope).await?.len();
    let (id, now) = (scope.id, state.clock.now());
    let (invitations_waiting, last_roster_import) = state
        .db
        .read(move |c| {
            Ok((
                invitations::pending_count(c, id, now)?,
                roster::last_import_at(c, id)?,
            ))
        })
        .await?;
    Ok(Overview {
        pd_requests_waiting: waiting,
        invitations_waiting,
        last_roster_import,
    })
}

/// Decided requests a page.
pub const DECIDED_PAGE: i64 = 20;

/// Page `page` (from 1) of the PD requests decided here or below, the most
/// recent decision first, and whether there is a page after it.
pub async fn decided(
    state: &AppState,
    scope: &ScopedOrg,
    page: u32,
) -> Result<(Vec<Decided>, bool), AppError> {
    let path = scope.path.clone();
    let offset = i64::from(page.max(1) - 1) * DECIDED_PAGE;
    let mut rows = state
        .db
        .read(move |c| pd_requests::decided_in(c, &path, offset, DECIDED_PAGE + 1))
        .await?;
    let more = rows.len() as i64 > DECIDED_PAGE;
    rows.truncate(DECIDED_PAGE as usize);
    Ok((rows, more))
}

/// One person as an admin of an organisation sees them.
#[derive(Debug, Clone)]
pub struct Record {
    /// Name, address, and roles inside the organisation only.
    pub person: Person,
    /// The courses they follow, most recently active first.
    pub courses: Vec<Progress>,
    /// PD hours on their transcript, in quarter hours, and how many entries.
    pub quarter_hours: i64,
    pub entries: usize,
    /// Their certificates not revoked.
    pub certificates: Vec<CertificateRow>,
}

/// Person `user`'s record for the admins of `scope`, as `viewer` (one of
/// them) may see it: 404 unless they hold a role in `scope` or below
/// (whatever they hold elsewhere), so an admin cannot look up anyone
/// outside their organisation by id; and of their courses and certificates
/// only those whose course `viewer` may see (a course another district
/// keeps to itself is not named here).
pub async fn record(
    state: &AppState,
    viewer: &Actor,
    scope: &ScopedOrg,
    user: i64,
) -> Result<Record, AppError> {
    let path = scope.path.clone();
    let viewer = viewer.clone();
    state
        .db
        .read(move |c| {
            let Some(person) = directory::person_in(c, &path, user)? else {
                return Ok(None);
            };
            let mut courses = learning::progress_of(c, UserId(user))?;
            let ledger = credit::ledger_of(c, UserId(user))?;
            let mut certificates: Vec<CertificateRow> = credit::certificates_of(c, UserId(user))?
                .into_iter()
                .filter(|c| c.revoked_at.is_none())
                .collect();
            let ids: Vec<CourseId> = courses
                .iter()
                .map(|p| CourseId(p.course_id))
                .chain(certificates.iter().filter_map(|c| c.course_id))
                .collect();
            let seen = courses::seen_among(c, Some(&viewer), &ids)?;
            courses.retain(|p| seen.contains(&CourseId(p.course_id)));
            // A workshop's certificate has no course to hide.
            certificates.retain(|c| c.course_id.is_none_or(|id| seen.contains(&id)));
            Ok(Some(Record {
                person,
                courses,
                quarter_hours: ledger.iter().map(|e| i64::from(e.quarter_hours)).sum(),
                entries: ledger.len(),
                certificates,
            }))
        })
        .await?
        .ok_or(AppError::NotFound)
}
