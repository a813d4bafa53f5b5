//! Administering one organisation: its details, what lies below it, who may
//! join and how, invitations and roles. Every route here is gated by
//! `Action::AdministerOrg`; granting a role also asks `Action::GrantRole`.

use crate::context::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::gate::ScopedOrg;
use crate::org_actions::{self, Through, chosen_role, grantable, record};
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::Choice;
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::domains::DomainClaim;
use lyceum_db::invitations::{self, InvitationRow};
use lyceum_db::join_codes::{self, Listed, NewJoinCode};
use lyceum_db::orgs::{self, OrgRow};
use lyceum_db::{DbError, domains, memberships};
use lyceum_domain::OrgId;
use lyceum_domain::email::parse_domain;
use lyceum_domain::org::{Locale, OrgInput, OrgKind, PovertyBand};
use lyceum_domain::policy::{
    Action, JOIN_CODE_DEFAULT_DAYS, JOIN_CODE_DEFAULT_USES, JOIN_CODE_MAX_DAYS, JOIN_CODE_MAX_USES,
};
use lyceum_domain::role::Role;
use lyceum_domain::time::TimeZone;
use lyceum_domain::token::new_token;
use lyceum_domain::validation::{FieldError, Invalid};
use serde::Deserialize;
use serde_json::json;
use std::time::Duration;

/// Which admin page is showing, for the local navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Details,
    New,
    Joining,
    Invitations,
    Roles,
    Import,
    Sso,
    PdRequests,
    Spaces,
    Offerings,
}

/// The organisation and the admin tabs every page here shows.
pub struct AdminFrame {
    pub org: OrgRow,
    pub tab: Tab,
    pub can_add_children: bool,
}

impl AdminFrame {
    pub fn current(&self, tab: &str) -> bool {
        let t = match tab {
            "overview" => Tab::Overview,
            "details" => Tab::Details,
            "new" => Tab::New,
            "joining" => Tab::Joining,
            "invitations" => Tab::Invitations,
            "import" => Tab::Import,
            "sso" => Tab::Sso,
            "pd-requests" => Tab::PdRequests,
            "spaces" => Tab::Spaces,
            "offerings" => Tab::Offerings,
            _ => Tab::Roles,
        };
        t == self.tab
    }
}

pub async fn frame(state: &AppState, id: OrgId, tab: Tab) -> Result<AdminFrame, AppError> {
    let org = state.db.read(move |c| orgs::get(c, id)).await?;
    let can_add_children = !org.kind.child_kinds().is_empty();
    Ok(AdminFrame {
        org,
        tab,
        can_add_children,
    })
}

fn back(org: OrgId, tab: &str, flash: Flash, state: &AppState) -> Response {
    let suffix = if tab.is_empty() {
        String::new()
    } else {
        format!("/{tab}")
    };
    redirect_with(
        &format!("/orgs/{}/admin{suffix}", org.0),
        flash,
        state.config.secure_cookies(),
    )
}

/// The roles this person may hand out here this way, as options; `chosen`
/// (or educator) selected.
fn role_choices(
    page: &Page,
    user: &CurrentUser,
    scope: &ScopedOrg,
    org: &OrgRow,
    through: Through,
    chosen: &str,
) -> Vec<Choice> {
    let chosen = if chosen.is_empty() {
        Role::Educator.as_str()
    } else {
        chosen
    };
    Choice::list(
        page,
        "role",
        grantable(user, scope, org, through)
            .iter()
            .map(|r| r.as_str()),
        &[chosen],
    )
}

fn school_choices(page: &Page, input: &OrgInput) -> (Vec<Choice>, Vec<Choice>, Vec<Choice>) {
    (
        Choice::list(
            page,
            "locale",
            Locale::ALL.iter().map(|l| l.as_str()),
            &[input.locale.as_str()],
        ),
        Choice::list(
            page,
            "poverty",
            PovertyBand::ALL.iter().map(|l| l.as_str()),
            &[input.poverty_band.as_str()],
        ),
        Choice::list(page, "title-i", ["yes", "no"], &[input.title_i.as_str()]),
    )
}

// ---- Details ----

#[derive(Template)]
#[template(path = "org_admin_details.html")]
pub struct DetailsPage {
    page: Page,
    frame: AdminFrame,
    errors: FormErrors,
    input: OrgInput,
    is_school: bool,
    locales: Vec<Choice>,
    poverty_bands: Vec<Choice>,
    title_i: Vec<Choice>,
    /// The zone this organisation has when it names none: its parent's.
    inherited_zone: String,
    zone_names: Vec<String>,
}

/// The zone in force above `org` (the programme's for the root).
async fn inherited_zone(state: &AppState, org: &OrgRow) -> Result<String, AppError> {
    let Some(parent) = org.parent_id else {
        return Ok(TimeZone::programme().name().to_string());
    };
    Ok(state
        .db
        .read(move |c| {
            let path = lyceum_db::orgs::get(c, lyceum_domain::OrgId(parent))?.org_path()?;
            lyceum_db::orgs::zone_of(c, &path)
        })
        .await?
        .name()
        .to_string())
}

fn details_page(
    ctx: &Ctx,
    frame: AdminFrame,
    input: OrgInput,
    errors: FormErrors,
    inherited_zone: String,
) -> DetailsPage {
    let page = Page::new(ctx, "org-admin-details-title")
        .about(&frame.org.name)
        .with_errors(&errors);
    let (locales, poverty_bands, title_i) = school_choices(&page, &input);
    DetailsPage {
        inherited_zone,
        zone_names: TimeZone::all_names(),
        is_school: frame.org.kind == OrgKind::School,
        page,
        frame,
        errors,
        input,
        locales,
        poverty_bands,
        title_i,
    }
}

fn input_of(org: &OrgRow) -> OrgInput {
    OrgInput {
        name: org.name.clone(),
        kind: org.kind.as_str().to_string(),
        locale: org.locale.clone().unwrap_or_default(),
        title_i: org
            .title_i
            .map(|t| if t { "yes" } else { "no" }.to_string())
            .unwrap_or_default(),
        poverty_band: org.poverty_band.clone().unwrap_or_default(),
        enrolment: org.enrolment.map(|e| e.to_string()).unwrap_or_default(),
        time_zone: org.time_zone.clone().unwrap_or_default(),
    }
}

pub async fn details_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    let frame = frame(&state, scope.id, Tab::Details).await?;
    let input = input_of(&frame.org);
    let inherited = inherited_zone(&state, &frame.org).await?;
    Ok(render(&details_page(
        &ctx,
        frame,
        input,
        FormErrors::none(),
        inherited,
    )))
}

pub async fn save_details(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlForm(input): HtmlForm<OrgInput>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match org_actions::update(&state, user, &scope, &input).await {
        Ok(_) => Ok(back(scope.id, "", Flash::OrgSaved, &state)),
        Err(AppError::Invalid(invalid)) => {
            let frame = frame(&state, scope.id, Tab::Details).await?;
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            let inherited = inherited_zone(&state, &frame.org).await?;
            Ok(render_invalid(&details_page(
                &ctx, frame, input, errors, inherited,
            )))
        }
        Err(e) => Err(e),
    }
}

// ---- Add below ----

#[derive(Template)]
#[template(path = "org_admin_new.html")]
pub struct NewChildPage {
    page: Page,
    frame: AdminFrame,
    errors: FormErrors,
    input: OrgInput,
    kinds: Vec<Choice>,
    schools_allowed: bool,
    locales: Vec<Choice>,
    poverty_bands: Vec<Choice>,
    title_i: Vec<Choice>,
}

fn new_child_page(
    ctx: &Ctx,
    frame: AdminFrame,
    input: OrgInput,
    errors: FormErrors,
) -> Result<NewChildPage, AppError> {
    let page = Page::new(ctx, "org-admin-new-title")
        .about(&frame.org.name)
        .with_errors(&errors);
    let child_kinds = frame.org.kind.child_kinds();
    let kinds = Choice::list(
        &page,
        "org-kind",
        child_kinds.iter().map(|k| k.as_str()),
        &[input.kind.as_str()],
    );
    let (locales, poverty_bands, title_i) = school_choices(&page, &input);
    Ok(NewChildPage {
        schools_allowed: child_kinds.contains(&OrgKind::School),
        page,
        frame,
        errors,
        input,
        kinds,
        locales,
        poverty_bands,
        title_i,
    })
}

pub async fn new_child_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    let frame = frame(&state, scope.id, Tab::New).await?;
    let mut input = OrgInput::default();
    // One kind possible: choose it already.
    if let [only] = frame.org.kind.child_kinds() {
        input.kind = only.as_str().to_string();
    }
    Ok(render(&new_child_page(
        &ctx,
        frame,
        input,
        FormErrors::none(),
    )?))
}

pub async fn create_child(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlForm(input): HtmlForm<OrgInput>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match org_actions::create_child(&state, user, &scope, &input).await {
        Ok(child) => Ok(redirect_with(
            &format!("/orgs/{}", child.id),
            Flash::OrgCreated,
            state.config.secure_cookies(),
        )),
        Err(AppError::Invalid(invalid)) => {
            let frame = frame(&state, scope.id, Tab::New).await?;
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(&new_child_page(&ctx, frame, input, errors)?))
        }
        Err(e) => Err(e),
    }
}

// ---- Joining: email domains and join codes ----

#[derive(Template)]
#[template(path = "org_admin_joining.html")]
pub struct JoiningPage {
    page: Page,
    frame: AdminFrame,
    errors: FormErrors,
    domains: Vec<DomainClaim>,
    codes: Vec<Listed>,
    /// A code just made: shown this once, never again.
    made: Option<String>,
    /// The viewer approves domains (the programme team): a link to the queue.
    approvals_href: Option<String>,
    domain: String,
    roles: Vec<Choice>,
    expires_in_days: String,
    max_uses: String,
    now: i64,
}

#[derive(Debug, Default, Deserialize, Clone)]
pub struct JoiningForm {
    #[serde(default)]
    domain: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    expires_in_days: String,
    #[serde(default)]
    max_uses: String,
}

async fn joining_page(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    form: JoiningForm,
    errors: FormErrors,
    made: Option<String>,
) -> Result<JoiningPage, AppError> {
    let user = ctx.require_user()?;
    let frame = frame(state, scope.id, Tab::Joining).await?;
    let id = scope.id;
    let (domains, codes) = state
        .db
        .read(move |c| Ok((domains::of_org(c, id)?, join_codes::of_org(c, id)?)))
        .await?;
    let page = Page::new(ctx, "org-admin-joining-title")
        .about(&frame.org.name)
        .with_errors(&errors);
    let roles = role_choices(
        &page,
        user,
        scope,
        &frame.org,
        Through::JoinCode,
        &form.role,
    );
    // The defaults, written in, so the admin sees what a code will allow.
    let or = |typed: String, default: String| if typed.is_empty() { default } else { typed };
    let approvals_href = user
        .actor
        .can(Action::ApproveDomains, &scope.path)
        .then(|| format!("/orgs/{}/admin/domain-approvals", scope.id.0));
    Ok(JoiningPage {
        page,
        frame,
        errors,
        domains,
        codes,
        made,
        approvals_href,
        domain: form.domain,
        roles,
        expires_in_days: or(form.expires_in_days, JOIN_CODE_DEFAULT_DAYS.to_string()),
        max_uses: or(form.max_uses, JOIN_CODE_DEFAULT_USES.to_string()),
        now: state.clock.now().micros(),
    })
}

pub async fn joining(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    Ok(render(
        &joining_page(
            &state,
            &ctx,
            &scope,
            JoiningForm::default(),
            FormErrors::none(),
            None,
        )
        .await?,
    ))
}

pub async fn add_domain(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlForm(form): HtmlForm<JoiningForm>,
) -> Result<Response, AppError> {
    let actor = ctx.require_user()?.user.id();
    let result = match parse_domain(&form.domain) {
        Ok(domain) => {
            let now = state.clock.now();
            let id = scope.id;
            // What the organisation publishes to prove the domain is its own.
            let token = new_token().map_err(AppError::internal)?.0;
            state
                .db
                .write(move |c| {
                    let claim = domains::claim(c, id, &domain, &token, now)?;
                    record(
                        c,
                        now,
                        actor,
                        "org.domain_added",
                        id,
                        None,
                        json!({ "domain": domain }),
                    )?;
                    Ok(claim)
                })
                .await
        }
        Err(code) => Err(DbError::invalid("domain", code)),
    };
    match result {
        // On to the page that says how to prove it.
        Ok(claim) => Ok(redirect_with(
            &super::domains::proof_path(scope.id, claim),
            Flash::DomainAdded,
            state.config.secure_cookies(),
        )),
        Err(DbError::Invalid(i)) => {
            let errors = FormErrors::from_invalid(&i, ctx.lang);
            Ok(render_invalid(
                &joining_page(&state, &ctx, &scope, form, errors, None).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_domain(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlForm(form): HtmlForm<JoiningForm>,
) -> Result<Response, AppError> {
    let domain = form.domain.trim().to_lowercase();
    let id = scope.id;
    let detail = json!({ "domain": domain });
    org_actions::withdraw(
        &state,
        ctx.require_user()?,
        &scope,
        "org.domain_removed",
        detail,
        move |c, _| domains::remove(c, id, &domain),
    )
    .await?;
    Ok(back(scope.id, "joining", Flash::DomainRemoved, &state))
}

/// A whole number typed in `field`, `default` when left empty, refused
/// outside `1..=max`.
fn bounded(typed: &str, field: &'static str, default: u32, max: u32, invalid: &mut Invalid) -> u32 {
    match typed.trim() {
        "" => default,
        t => match t.parse::<u32>() {
            Ok(n) if (1..=max).contains(&n) => n,
            _ => {
                invalid.push(
                    FieldError::new(field, "number-range")
                        .with_arg("min", 1)
                        .with_arg("max", max),
                );
                default
            }
        },
    }
}

/// `POST /orgs/{org_id}/admin/join-codes`: makes a code and shows it, this
/// once (only its hash is kept).
pub async fn create_join_code(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlForm(form): HtmlForm<JoiningForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let actor = user.user.id();
    let now = state.clock.now();
    let org = org_actions::load(&state, scope.id).await?;
    let mut invalid = Invalid::new();
    let role = chosen_role(
        user,
        &scope,
        &org,
        &form.role,
        Through::JoinCode,
        &mut invalid,
    );
    let days = bounded(
        &form.expires_in_days,
        "expires_in_days",
        JOIN_CODE_DEFAULT_DAYS,
        JOIN_CODE_MAX_DAYS,
        &mut invalid,
    );
    let max_uses = bounded(
        &form.max_uses,
        "max_uses",
        JOIN_CODE_DEFAULT_USES,
        JOIN_CODE_MAX_USES,
        &mut invalid,
    );
    let Some(role) = role.filter(|_| invalid.is_empty()) else {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        return Ok(render_invalid(
            &joining_page(&state, &ctx, &scope, form, errors, None).await?,
        ));
    };
    let id = scope.id;
    let new = NewJoinCode {
        role,
        expires_at: now.plus(Duration::from_secs(u64::from(days) * 86_400)),
        max_uses: i32::try_from(max_uses).unwrap_or(i32::MAX),
    };
    let code = state
        .db
        .write(move |c| {
            let (row, code) = join_codes::create(c, id, &new, actor, now)?;
            record(
                c,
                now,
                actor,
                "org.join_code_created",
                id,
                None,
                json!({ "code_id": row.id, "role": role, "days": days, "max_uses": max_uses }),
            )?;
            Ok(code)
        })
        .await?;
    Ok(render(
        &joining_page(
            &state,
            &ctx,
            &scope,
            JoiningForm::default(),
            FormErrors::none(),
            Some(code),
        )
        .await?,
    ))
}

pub async fn revoke_join_code(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, code_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let id = scope.id;
    let detail = json!({ "code_id": code_id });
    org_actions::withdraw(
        &state,
        ctx.require_user()?,
        &scope,
        "org.join_code_revoked",
        detail,
        move |c, now| join_codes::revoke(c, id, code_id, now),
    )
    .await?;
    Ok(back(scope.id, "joining", Flash::JoinCodeRevoked, &state))
}

// ---- Invitations ----

#[derive(Template)]
#[template(path = "org_admin_invitations.html")]
pub struct InvitationsPage {
    page: Page,
    frame: AdminFrame,
    errors: FormErrors,
    email: String,
    roles: Vec<Choice>,
    pending: Vec<InvitationRow>,
}

#[derive(Debug, Default, Deserialize, Clone)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

async fn invitations_page(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    form: InviteForm,
    errors: FormErrors,
) -> Result<InvitationsPage, AppError> {
    let user = ctx.require_user()?;
    let frame = frame(state, scope.id, Tab::Invitations).await?;
    let id = scope.id;
    let now = state.clock.now();
    let pending = state
        .db
        .read(move |c| invitations::pending_of_org(c, id, now))
        .await?;
    let page = Page::new(ctx, "org-admin-invitations-title")
        .about(&frame.org.name)
        .with_errors(&errors);
    let roles = role_choices(
        &page,
        user,
        scope,
        &frame.org,
        Through::Invitation,
        &form.role,
    );
    Ok(InvitationsPage {
        page,
        frame,
        errors,
        email: form.email,
        roles,
        pending,
    })
}

pub async fn invitations(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    Ok(render(
        &invitations_page(
            &state,
            &ctx,
            &scope,
            InviteForm::default(),
            FormErrors::none(),
        )
        .await?,
    ))
}

pub async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlForm(form): HtmlForm<InviteForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match org_actions::invite(&state, user, &scope, &form.email, &form.role, ctx.lang).await {
        Ok(_) => Ok(back(scope.id, "invitations", Flash::InvitationSent, &state)),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(
                &invitations_page(&state, &ctx, &scope, form, errors).await?,
            ))
        }
        Err(e) => Err(e),
    }
}

/// An uploaded list of people to invite (see `lyceum_domain::invitation_list`).
pub async fn invite_list(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    form: crate::forms::Upload,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let list = form
        .file("file")
        .map(|(_, bytes)| bytes)
        .unwrap_or_default();
    let role = form.text("role");
    let result = if list.is_empty() {
        Err(AppError::Invalid(lyceum_domain::validation::Invalid::one(
            "file", "required",
        )))
    } else {
        org_actions::invite_list(&state, user, &scope, &list, &role, ctx.lang).await
    };
    match result {
        Ok(_) => Ok(back(
            scope.id,
            "invitations",
            Flash::InvitationsSent,
            &state,
        )),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            let form = InviteForm {
                email: String::new(),
                role,
            };
            Ok(render_invalid(
                &invitations_page(&state, &ctx, &scope, form, errors).await?,
            ))
        }
        Err(e) => Err(e),
    }
}

pub async fn revoke_invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, invitation_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let id = scope.id;
    let detail = json!({ "invitation": invitation_id });
    org_actions::withdraw(
        &state,
        ctx.require_user()?,
        &scope,
        "org.invitation_revoked",
        detail,
        move |c, now| invitations::revoke(c, id, invitation_id, now),
    )
    .await?;
    Ok(back(
        scope.id,
        "invitations",
        Flash::InvitationRevoked,
        &state,
    ))
}

/// `POST /orgs/{org_id}/admin/invitations/{invitation_id}/resend`: a new
/// link, the email again; too soon after the last is an error on that row.
pub async fn resend_invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, invitation_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match org_actions::resend_invitation(&state, user, &scope, invitation_id, ctx.lang).await {
        Ok(_) => Ok(back(
            scope.id,
            "invitations",
            Flash::InvitationResent,
            &state,
        )),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang).for_item(invitation_id);
            let page =
                invitations_page(&state, &ctx, &scope, InviteForm::default(), errors).await?;
            Ok(render_invalid(&page))
        }
        Err(e) => Err(e),
    }
}

// ---- Roles ----

/// One role held directly at this organisation.
pub struct Holder {
    pub membership_id: i64,
    pub role_label: String,
    pub name: String,
    pub email: String,
    pub removable: bool,
}

#[derive(Template)]
#[template(path = "org_admin_roles.html")]
pub struct RolesPage {
    page: Page,
    frame: AdminFrame,
    errors: FormErrors,
    holders: Vec<Holder>,
    email: String,
    roles: Vec<Choice>,
}

async fn roles_page(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    form: InviteForm,
    errors: FormErrors,
) -> Result<RolesPage, AppError> {
    let user = ctx.require_user()?;
    let frame = frame(state, scope.id, Tab::Roles).await?;
    let id = scope.id;
    let rows = state.db.read(move |c| memberships::at_org(c, id)).await?;
    let page = Page::new(ctx, "org-admin-roles-title")
        .about(&frame.org.name)
        .with_errors(&errors);
    let holders = rows
        .into_iter()
        .map(|h| Holder {
            membership_id: h.membership_id,
            removable: user.actor.can(Action::GrantRole(h.role), &scope.path),
            role_label: page.label("role", h.role.as_str()),
            name: h.name,
            email: h.email,
        })
        .collect();
    let roles = role_choices(&page, user, scope, &frame.org, Through::Grant, &form.role);
    Ok(RolesPage {
        page,
        frame,
        errors,
        holders,
        email: form.email,
        roles,
    })
}

pub async fn roles(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    Ok(render(
        &roles_page(
            &state,
            &ctx,
            &scope,
            InviteForm::default(),
            FormErrors::none(),
        )
        .await?,
    ))
}

pub async fn grant_role(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlForm(form): HtmlForm<InviteForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match org_actions::grant_role(&state, user, &scope, &form.email, &form.role).await {
        Ok(()) => Ok(back(scope.id, "roles", Flash::RoleGranted, &state)),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(
                &roles_page(&state, &ctx, &scope, form, errors).await?,
            ))
        }
        Err(e) => Err(e),
    }
}

pub async fn remove_role(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, membership_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    org_actions::remove_role(&state, ctx.require_user()?, &scope, membership_id).await?;
    Ok(back(scope.id, "roles", Flash::RoleRemoved, &state))
}
