//! The authorisation gate in front of every route: it asks the one policy
//! (`lyceum_domain::policy`) before any handler runs.

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{RawPathParams, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use lyceum_domain::OrgId;
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::Action;

/// Who may reach a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Anyone signed in.
    SignedIn,
    /// Signed in, and allowed `Action` on the organisation named by the
    /// route's `{org_id}` (which must exist).
    Org(Action),
    /// Signed in as someone who writes courses somewhere (see
    /// `Actor::authors`). Which courses is asked per course, of its owning
    /// organisation, by the handler (`lyceum_db::drafts`).
    Authors,
}

/// The organisation an `Access::Org` route is about, for its handler.
#[derive(Debug, Clone)]
pub struct ScopedOrg {
    pub id: OrgId,
    pub path: OrgPath,
}

pub async fn gate(
    State((state, access)): State<(AppState, Access)>,
    params: RawPathParams,
    mut req: Request,
    next: Next,
) -> Response {
    match check(&state, access, &params, &mut req).await {
        Ok(()) => next.run(req).await,
        Err(e) => e.into_response(),
    }
}

async fn check(
    state: &AppState,
    access: Access,
    params: &RawPathParams,
    req: &mut Request,
) -> Result<(), AppError> {
    let ctx = req
        .extensions()
        .get::<Ctx>()
        .ok_or_else(|| AppError::internal("gate without context"))?;
    let action = match access {
        Access::Public => return Ok(()),
        Access::SignedIn => {
            ctx.require_user()?;
            return Ok(());
        }
        Access::Authors => {
            return if ctx.require_user()?.actor.authors() {
                Ok(())
            } else {
                Err(AppError::Forbidden)
            };
        }
        Access::Org(action) => action,
    };
    let user = ctx.require_user()?;
    let id = params
        .iter()
        .find(|(k, _)| *k == "org_id")
        .and_then(|(_, v)| v.parse::<i64>().ok())
        .map(OrgId)
        .ok_or(AppError::NotFound)?;
    let path = state.org_path(id).await?.ok_or(AppError::NotFound)?;
    if !user.actor.can(action, &path) {
        return Err(AppError::Forbidden);
    }
    req.extensions_mut().insert(ScopedOrg { id, path });
    Ok(())
}
