//! `GET/POST /tools/{tool_id}/status`: an admin decides a tool's status
//! for an organisation they administer — approved, under review, not
//! approved — with a note and a date, or clears their organisation's own
//! decision so the one above it is in force again. Who may is asked of the
//! chosen organisation inside the write (`db::registry::status`): a school
//! admin never decides for their district or for another district's
//! school, whatever the form sends.

use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{HtmlForm, HtmlQuery};
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::registry_actions as actions;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use lyceum_domain::registry::status::{Decision, DecisionInput, ToolStatus};
use lyceum_domain::validation::Invalid;
use lyceum_domain::{OrgId, ToolId};
use serde::Deserialize;

/// An organisation the admin decides for, with its own decision.
pub struct OwnRow {
    pub org_id: i64,
    pub name: String,
    /// Its own decision in words, or that it inherits.
    pub own: String,
    pub decided: bool,
}

#[derive(Template)]
#[template(path = "registry/status_form.html")]
pub struct StatusPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    tool: String,
    rows: Vec<OwnRow>,
    orgs: Vec<Choice>,
    statuses: Vec<Choice>,
    note: String,
    decided_on: String,
    signed: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct StatusQuery {
    /// The organisation to decide for (one of the reader's).
    #[serde(default)]
    org: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    org: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    decided_on: String,
    #[serde(default)]
    privacy_agreement_signed: Option<String>,
    /// `clear`: remove the organisation's own decision.
    #[serde(default)]
    action: String,
}

impl StatusForm {
    fn decision(&self) -> DecisionInput {
        DecisionInput {
            status: self.status.clone(),
            note: self.note.clone(),
            decided_on: self.decided_on.clone(),
            privacy_agreement_signed: self.privacy_agreement_signed.is_some(),
        }
    }
}

fn own_words(page: &Page, d: Option<&Decision>) -> String {
    match d {
        Some(d) => page.t2(
            "tools-own-decision",
            "status",
            &page.t(&d.status.label_key()),
            "date",
            &page.date(&d.decided_on.noon_in(&page.zone).micros()),
        ),
        None => page.t("tools-own-none"),
    }
}

/// The page for `tool`, the form filled with `input` for `org`.
async fn status_page(
    state: &AppState,
    ctx: &Ctx,
    tool: ToolId,
    org: Option<OrgId>,
    input: Option<DecisionInput>,
    errors: FormErrors,
) -> Result<StatusPage, AppError> {
    let user = ctx.require_user()?;
    let row = actions::tool_row(state, tool).await?;
    let deciding = actions::deciding_orgs(user);
    if deciding.is_empty() {
        return Err(AppError::Forbidden);
    }
    let mut owns = Vec::new();
    for (o, _) in &deciding {
        owns.push(actions::own_status(state, tool, *o).await?);
    }
    let page = Page::new(ctx, "tools-status-form-title")
        .about(&row.name)
        .with_errors(&errors);
    let chosen = org
        .filter(|o| deciding.iter().any(|(d, _)| d == o))
        .unwrap_or(deciding[0].0);
    let today = state.clock.now().date_in(&user.zone).to_string();
    let input = input.unwrap_or_else(|| {
        let own = deciding
            .iter()
            .zip(&owns)
            .find(|((o, _), _)| *o == chosen)
            .and_then(|(_, d)| d.clone());
        match own {
            Some(d) => DecisionInput {
                status: d.status.as_str().into(),
                note: d.note,
                decided_on: d.decided_on.to_string(),
                privacy_agreement_signed: d.privacy_agreement_signed,
            },
            None => DecisionInput {
                decided_on: today,
                ..Default::default()
            },
        }
    });
    let rows = deciding
        .iter()
        .zip(&owns)
        .map(|((o, name), d)| OwnRow {
            org_id: o.0,
            name: name.clone(),
            own: own_words(&page, d.as_ref()),
            decided: d.is_some(),
        })
        .collect();
    Ok(StatusPage {
        orgs: deciding
            .iter()
            .map(|(o, name)| Choice {
                value: o.0.to_string(),
                label: name.clone(),
                selected: *o == chosen,
            })
            .collect(),
        statuses: Choice::list(
            &page,
            "tool-status",
            ToolStatus::ALL.iter().map(|s| s.as_str()),
            &[input.status.trim()],
        ),
        note: input.note,
        decided_on: input.decided_on,
        signed: input.privacy_agreement_signed,
        rows,
        id: tool.0,
        tool: row.name,
        page,
        errors,
    })
}

/// `GET /tools/{tool_id}/status`: 404 for an unknown tool, 403 for
/// anyone who administers nowhere.
pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlQuery(q): HtmlQuery<StatusQuery>,
) -> Result<Response, AppError> {
    let page = status_page(
        &state,
        &ctx,
        ToolId(id),
        q.org.map(OrgId),
        None,
        FormErrors::none(),
    )
    .await?;
    Ok(render(&page))
}

/// `POST /tools/{tool_id}/status`: set (or, with `action=clear`, clear)
/// the chosen organisation's own decision.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(f): HtmlForm<StatusForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let tool = ToolId(id);
    actions::tool_row(&state, tool).await?;
    if actions::deciding_orgs(user).is_empty() {
        return Err(AppError::Forbidden);
    }
    let org = f.org.trim().parse::<i64>().ok().map(OrgId);
    let done = match org {
        None => Err(Invalid::one("org", "choose-one")),
        Some(org) if f.action.trim() == "clear" => actions::clear_status(&state, user, tool, org)
            .await?
            .map(|_| ()),
        Some(org) => actions::set_status(&state, user, tool, org, &f.decision()).await?,
    };
    match done {
        Ok(()) => Ok(Redirect::to(&format!("{}#status", actions::href(tool))).into_response()),
        Err(e) => {
            let page = status_page(
                &state,
                &ctx,
                tool,
                org,
                Some(f.decision()),
                FormErrors::from_invalid(&e, ctx.lang),
            )
            .await?;
            Ok(render_invalid(&page))
        }
    }
}
