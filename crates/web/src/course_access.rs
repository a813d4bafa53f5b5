//! Who may see which course, for pages and the API alike: a course the
//! reader may not see (`policy::Actor::sees_course`) does not exist for
//! them — its pages and actions answer 404 — unless they are enrolled in
//! it: an enrolment is its learner's, whoever they belong to now.
//! (Lists of courses apply the same rule in their query:
//! `lyceum_db::courses::find`.)

use crate::error::AppError;
use crate::state::AppState;
use lyceum_db::courses::CourseRow;
use lyceum_domain::OrgId;
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{self, Actor};

/// Where a course's owner sits in the tree (from the cache: paths never
/// change); `None` for an owner of 0, a course from before a programme
/// existed, which is the programme's.
async fn owner_path(state: &AppState, row: &CourseRow) -> Result<Option<Owner>, AppError> {
    if row.org_id == 0 {
        return Ok(None);
    }
    Ok(Some(match state.org_path(OrgId(row.org_id)).await? {
        Some(path) => Owner::At(path),
        None => Owner::Nowhere,
    }))
}

enum Owner {
    At(OrgPath),
    /// An id that names no organisation: nobody's but the programme
    /// admins' (never made by the app; refused rather than guessed).
    Nowhere,
}

/// May `viewer` (`None`: not signed in) see the course?
pub async fn sees(
    state: &AppState,
    viewer: Option<&Actor>,
    row: &CourseRow,
) -> Result<bool, AppError> {
    Ok(match owner_path(state, row).await? {
        None => true,
        Some(Owner::At(owner)) => policy::sees_course(viewer, &owner),
        Some(Owner::Nowhere) => viewer.is_some_and(Actor::is_programme_admin),
    })
}

/// The organisation that offers the course, when it is not the programme
/// (its page says so, so a learner knows it is a local course).
pub async fn local_owner(state: &AppState, row: &CourseRow) -> Result<Option<OrgId>, AppError> {
    Ok(match owner_path(state, row).await? {
        Some(Owner::At(owner)) if !policy::anyone_sees_course(&owner) => Some(OrgId(row.org_id)),
        _ => None,
    })
}
