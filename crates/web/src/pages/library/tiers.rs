//! The evidence tier on pages: a practice's evidence
//! (`/practices/{practice_id}/evidence`) — the tier readers see, the
//! proposal with its reasons, who decided, when and why, and for its
//! curators the form to confirm or override — and the curators' queue of
//! tiers waiting for a look (`/practices/evidence-queue`). Logic shared
//! with the API is `tier_actions`'.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::gate::Access::SignedIn;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use crate::tier_actions::{self as actions, EvidenceView, QUEUE_PATH, TierBadge};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::library::tiers::MAX_REASON;
use lyceum_domain::PracticeId;
use lyceum_domain::library::Tier;
use serde::Deserialize;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, QUEUE_PATH, SignedIn, queue)
        .add(GET, "/practices/{practice_id}/evidence", SignedIn, evidence)
        .add(POST, "/practices/{practice_id}/evidence", SignedIn, decide)
}

/// The curator's form as sent.
#[derive(Debug, Default, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    seen: String,
}

#[derive(Template)]
#[template(path = "library/tiers_evidence.html")]
pub struct EvidencePage {
    page: Page,
    errors: FormErrors,
    practice_title: String,
    /// The language the practice is written in (its title is marked with it).
    practice_lang: &'static str,
    practice_href: String,
    /// What readers see: the confirmed tier (or that none is yet).
    tier: String,
    badge: Option<TierBadge>,
    decided: bool,
    decided_by: String,
    decided_at: String,
    decided_reason: Option<String>,
    /// The proposal, shown beside the tier when they differ.
    proposed: String,
    differs: bool,
    proposed_at: String,
    reasons: Vec<String>,
    /// The form, for its curators.
    form: Option<DecisionFields>,
    /// Its decision's choices.
    choices: Vec<Choice>,
    /// The reader curates where it is owned but wrote it.
    own: bool,
}

pub struct DecisionFields {
    action: String,
    seen: String,
    reason: String,
    max_reason: usize,
}

fn decision_choices(page: &Page, ev: &EvidenceView, chosen: &str) -> Vec<Choice> {
    let chosen = if chosen.is_empty() { "confirm" } else { chosen };
    let mut out = vec![Choice {
        value: "confirm".into(),
        label: page.t1(
            "tier-decision-confirm",
            "tier",
            &actions::tier_label(page.lang, ev.proposed),
        ),
        selected: chosen == "confirm",
    }];
    for t in Tier::ALL.iter().rev() {
        let value = t.number().to_string();
        out.push(Choice {
            label: page.t1(
                "tier-decision-set",
                "tier",
                &actions::tier_label(page.lang, Some(*t)),
            ),
            selected: chosen == value,
            value,
        });
    }
    out.push(Choice {
        value: "none".into(),
        label: page.t("tier-decision-none"),
        selected: chosen == "none",
    });
    out
}

fn evidence_page(
    ctx: &Ctx,
    ev: &EvidenceView,
    form: &DecisionForm,
    errors: FormErrors,
) -> EvidencePage {
    let row = &ev.view.practice;
    let page = Page::new(ctx, "tier-evidence-title")
        .about(&row.title)
        .with_errors(&errors);
    let lang = page.lang;
    let decision = ev.decision.as_ref();
    let fields = ev.view.curates.then(|| DecisionFields {
        action: actions::evidence_path(row.id),
        seen: ev.seen().to_string(),
        reason: form.reason.clone(),
        max_reason: MAX_REASON,
    });
    EvidencePage {
        practice_title: row.title.clone(),
        practice_lang: row.language.as_str(),
        practice_href: format!("/practices/{}", row.id),
        tier: if decision.is_some() {
            actions::tier_label(lang, ev.tier)
        } else {
            page.t("tier-not-confirmed")
        },
        badge: actions::badge_of(lang, row),
        decided: decision.is_some(),
        decided_by: decision
            .and_then(|d| d.by.clone())
            .unwrap_or_else(|| page.t("tier-decider-gone")),
        decided_at: decision.map(|d| page.datetime(&d.at)).unwrap_or_default(),
        decided_reason: decision.and_then(|d| d.reason.clone()),
        proposed: actions::tier_label(lang, ev.proposed),
        differs: decision.is_none() || ev.differs(),
        proposed_at: ev
            .proposed_at
            .map(|at| page.datetime(&at))
            .unwrap_or_default(),
        reasons: ev
            .reasons
            .iter()
            .map(|r| actions::reason_text(lang, r))
            .collect(),
        form: fields,
        choices: decision_choices(&page, ev, &form.decision),
        own: ev.view.curator_of_own,
        errors,
        page,
    }
}

/// `GET /practices/{practice_id}/evidence`: for everyone who sees the
/// practice; the form for its curators.
pub async fn evidence(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PracticeId>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let ev = actions::evidence(&state, me, id).await?;
    Ok(render(&evidence_page(
        &ctx,
        &ev,
        &DecisionForm::default(),
        FormErrors::none(),
    )))
}

/// `POST /practices/{practice_id}/evidence`: a curator confirms the
/// proposal, or sets another tier (or none) with a reason.
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PracticeId>,
    HtmlForm(form): HtmlForm<DecisionForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let seen = form.seen.trim().parse::<i64>().unwrap_or(-1);
    match actions::decide(&state, me, id, &form.decision, form.reason.clone(), seen).await? {
        Ok(_) => Ok(redirect_with(
            &actions::evidence_path(id),
            Flash::TierDecided,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let ev = actions::evidence(&state, me, id).await?;
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            // A changed proposal: the form starts again from the new one.
            let form = if invalid.has("decision") {
                DecisionForm {
                    reason: form.reason,
                    ..DecisionForm::default()
                }
            } else {
                form
            };
            Ok(render_invalid(&evidence_page(&ctx, &ev, &form, errors)))
        }
    }
}

pub struct QueueItem {
    title: String,
    /// The title's language, when it is not the page's.
    lang: Option<&'static str>,
    href: String,
    owner: String,
    tier: String,
    proposed: String,
    proposed_at: String,
    decided_before: bool,
}

#[derive(Template)]
#[template(path = "library/tiers_queue.html")]
pub struct QueuePage {
    page: Page,
    items: Vec<QueueItem>,
}

/// `GET /practices/evidence-queue`: practices within the reader's
/// curating scopes (not their own) whose proposal differs from the
/// confirmed tier and changed since the last decision.
pub async fn queue(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let waiting = actions::queue(&state, me).await?;
    let page = Page::new(&ctx, "tier-queue-title");
    let lang = page.lang;
    let items = waiting
        .into_iter()
        .map(|w| QueueItem {
            href: actions::evidence_path(w.id),
            lang: (w.language != lang).then(|| w.language.as_str()),
            title: w.title,
            owner: w.owner,
            tier: if w.decided_before {
                actions::tier_label(lang, w.tier)
            } else {
                page.t("tier-not-confirmed")
            },
            proposed: actions::tier_label(lang, w.proposed),
            proposed_at: w
                .proposed_at
                .map(|at| page.datetime(&at))
                .unwrap_or_default(),
            decided_before: w.decided_before,
        })
        .collect();
    Ok(render(&QueuePage { page, items }))
}
