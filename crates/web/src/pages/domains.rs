//! Proving an organisation's email domain: the page that shows the TXT
//! record to publish and checks it (org admins), the programme team's
//! approval, and their queue of claims waiting. The rules are
//! `lyceum_domain::domain_proof`; the claims `lyceum_db::domains`.

use super::org_admin::{AdminFrame, Tab, frame};
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::gate::ScopedOrg;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::DbError;
use lyceum_db::domains::{self, DomainClaim};
use lyceum_domain::OrgId;
use lyceum_domain::domain_proof::{DomainProof, RECORD_TYPE, record_name, record_text, txt_proves};
use lyceum_domain::policy::Action;
use lyceum_domain::validation::{FieldError, Invalid};
use std::time::Duration;

/// Longest wait for the DNS answer.
const DNS_TIMEOUT: Duration = Duration::from_secs(10);

pub fn proof_path(org: OrgId, claim: i64) -> String {
    format!("/orgs/{}/admin/domains/{claim}", org.0)
}

#[derive(Template)]
#[template(path = "org_admin_domain.html")]
pub struct ProofPage {
    page: Page,
    frame: AdminFrame,
    errors: FormErrors,
    claim: DomainClaim,
    record_type: &'static str,
    record_name: String,
    record_text: String,
    /// How it was proven, as a sentence; None while waiting.
    proven: Option<String>,
    can_approve: bool,
}

async fn proof_page(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    claim_id: i64,
    errors: FormErrors,
) -> Result<ProofPage, AppError> {
    let user = ctx.require_user()?;
    let frame = frame(state, scope.id, Tab::Joining).await?;
    let org = scope.id;
    let (claim, approver) = state
        .db
        .read(move |c| {
            let Some(claim) = domains::get_in_org(c, org, claim_id)? else {
                return Ok(None);
            };
            let approver = match claim.verified_by {
                Some(id) => {
                    lyceum_db::users::by_id(c, lyceum_domain::UserId(id))?.map(|u| u.display_name)
                }
                None => None,
            };
            Ok(Some((claim, approver)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "domain-proof-title")
        .about(&claim.domain)
        .with_errors(&errors);
    let proven = match (claim.verified_at, claim.proof()) {
        (Some(at), Some(DomainProof::Dns)) => {
            Some(page.t1("domain-proven-dns", "date", &page.date(&at)))
        }
        (Some(at), Some(DomainProof::Approval)) => Some(page.t2(
            "domain-proven-approval",
            "name",
            approver.as_deref().unwrap_or("?"),
            "date",
            &page.date(&at),
        )),
        (Some(at), _) => Some(page.t1("domain-proven-migration", "date", &page.date(&at))),
        (None, _) => None,
    };
    Ok(ProofPage {
        can_approve: user.actor.can(Action::ApproveDomains, &scope.path),
        record_type: RECORD_TYPE,
        record_name: record_name(&claim.domain),
        record_text: record_text(&claim.token),
        page,
        frame,
        errors,
        claim,
        proven,
    })
}

/// `GET /orgs/{org_id}/admin/domains/{domain_id}`: where the claim stands,
/// the record to publish, and the buttons to check it (or approve it).
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, claim_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    Ok(render(
        &proof_page(&state, &ctx, &scope, claim_id, FormErrors::none()).await?,
    ))
}

async fn invalid(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    claim_id: i64,
    invalid: &Invalid,
) -> Result<Response, AppError> {
    let errors = FormErrors::from_invalid(invalid, ctx.lang);
    Ok(render_invalid(
        &proof_page(state, ctx, scope, claim_id, errors).await?,
    ))
}

fn proven(state: &AppState, org: OrgId, claim_id: i64) -> Response {
    redirect_with(
        &proof_path(org, claim_id),
        Flash::DomainProven,
        state.config.secure_cookies(),
    )
}

/// `POST /orgs/{org_id}/admin/domains/{domain_id}/check`: looks the TXT
/// record up now; if it carries the claim's token, the domain is proven.
pub async fn check(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, claim_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let actor = ctx.require_user()?.user.id();
    let org = scope.id;
    let claim = state
        .db
        .read(move |c| domains::get_in_org(c, org, claim_id))
        .await?
        .ok_or(AppError::NotFound)?;
    if claim.is_proven() {
        return Ok(proven(&state, org, claim_id));
    }
    let name = record_name(&claim.domain);
    let found = tokio::time::timeout(DNS_TIMEOUT, state.txt.txt(&name))
        .await
        .unwrap_or_else(|_| Err("timed out".into()));
    let records = match found {
        Ok(records) => records,
        Err(e) => {
            tracing::warn!(domain = %claim.domain, error = %e, "TXT lookup failed");
            let problem =
                FieldError::new("record", "domain-record-lookup-failed").with_arg("name", &name);
            return invalid(&state, &ctx, &scope, claim_id, &Invalid(vec![problem])).await;
        }
    };
    if !txt_proves(&records, &claim.token) {
        let problem = FieldError::new("record", "domain-record-missing").with_arg("name", &name);
        return invalid(&state, &ctx, &scope, claim_id, &Invalid(vec![problem])).await;
    }
    let now = state.clock.now();
    let result = state
        .db
        .write(move |c| domains::prove(c, claim_id, DomainProof::Dns, None, now).map(|_| ()))
        .await;
    tracing::info!(domain = %claim.domain, actor = actor.0, "email domain proven by DNS");
    finish(&state, &ctx, &scope, claim_id, result).await
}

/// `POST /orgs/{org_id}/admin/domains/{domain_id}/approve`: a programme
/// admin vouches for the claim (recorded with their name).
pub async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, claim_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let actor = ctx.require_user()?.user.id();
    let org = scope.id;
    let now = state.clock.now();
    let result = state
        .db
        .write(move |c| {
            domains::get_in_org(c, org, claim_id)?.ok_or(DbError::NotFound)?;
            domains::prove(c, claim_id, DomainProof::Approval, Some(actor), now).map(|_| ())
        })
        .await;
    finish(&state, &ctx, &scope, claim_id, result).await
}

async fn finish(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    claim_id: i64,
    result: Result<(), DbError>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(proven(state, scope.id, claim_id)),
        Err(DbError::NotFound) => Err(AppError::NotFound),
        Err(DbError::Invalid(i)) => invalid(state, ctx, scope, claim_id, &i).await,
        Err(e) => Err(e.into()),
    }
}

// ---- The programme team's queue ----

pub struct WaitingRow {
    pub domain: String,
    pub org_name: String,
    pub created_at: i64,
    pub href: String,
}

#[derive(Template)]
#[template(path = "domain_approvals.html")]
pub struct QueuePage {
    page: Page,
    org_id: i64,
    org_name: String,
    waiting: Vec<WaitingRow>,
}

/// `GET /orgs/{org_id}/admin/domain-approvals`: claims waiting for proof
/// at and below the organisation, oldest first, each linking to its page.
pub async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    let id = scope.id;
    let path = scope.path.clone();
    let (org, waiting) = state
        .db
        .read(move |c| {
            Ok((
                lyceum_db::orgs::get(c, id)?,
                domains::waiting_within(c, &path)?,
            ))
        })
        .await?;
    Ok(render(&QueuePage {
        page: Page::new(&ctx, "domain-approvals-title").about(&org.name),
        org_id: org.id,
        org_name: org.name,
        waiting: waiting
            .into_iter()
            .map(|w| WaitingRow {
                href: proof_path(OrgId(w.claim.org_id), w.claim.id),
                domain: w.claim.domain,
                org_name: w.org_name,
                created_at: w.claim.created_at,
            })
            .collect(),
    }))
}
