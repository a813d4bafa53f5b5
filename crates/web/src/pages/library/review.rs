//! The curators' side: the queue of submitted practices owned within one's
//! curating scopes (never one's own; 403 for people who curate nowhere), a
//! submitted draft in full with what changed from the published version,
//! and publishing or returning it with comments. Two curators deciding at
//! once: the second is told it was already decided. Each form carries the
//! draft's revision the page showed: a draft changed since (taken back,
//! rewritten, sent again) is refused and shown as it is now.

use crate::classroom_practice_actions::{self as actions, UnderReview};
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::gate::Access::SignedIn;
use crate::markdown;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_domain::PracticeId;
use lyceum_domain::competency::Text;
use lyceum_domain::library::{DraftStatus, PracticeContent};
use serde::Deserialize;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/practices/review", SignedIn, queue)
        .add(GET, "/practices/{practice_id}/review", SignedIn, show)
        .add(POST, "/practices/{practice_id}/publish", SignedIn, publish)
        .add(POST, "/practices/{practice_id}/return", SignedIn, send_back)
}

pub struct QueueRow {
    pub href: String,
    pub title: String,
    /// The title's language, when it is not the page's.
    pub lang: Option<&'static str>,
    pub owner: String,
    pub author: String,
    pub version: String,
    pub submitted: String,
}

#[derive(Template)]
#[template(path = "library/practice_queue.html")]
pub struct QueuePage {
    page: Page,
    rows: Vec<QueueRow>,
}

/// `GET /practices/review`
pub async fn queue(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let list = actions::queue(&state, me).await?;
    let page = Page::new(&ctx, "practice-queue-title");
    let rows = list
        .into_iter()
        .map(|w| QueueRow {
            href: format!("{}/review", actions::href(w.id)),
            version: if w.next_version > 1 {
                page.t1(
                    "practice-queue-next-version",
                    "version",
                    &w.next_version.to_string(),
                )
            } else {
                page.t("practice-queue-first")
            },
            submitted: w.submitted_at.map(|t| page.date(&t)).unwrap_or_default(),
            author: w.author.unwrap_or_else(|| page.t("practice-author-gone")),
            lang: (w.language != page.lang).then(|| w.language.as_str()),
            title: w.title,
            owner: w.owner,
        })
        .collect();
    Ok(render(&QueuePage { rows, page }))
}

pub struct Change {
    pub label: String,
    pub was: String,
    pub now: String,
}

#[derive(Template)]
#[template(path = "library/practice_review.html")]
pub struct ReviewPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    /// The language the draft is written in (its words are marked with it).
    lang: &'static str,
    summary: String,
    goal: String,
    author: String,
    owner: String,
    subjects: String,
    grade_bands: String,
    competencies: String,
    tools: String,
    steps_html: String,
    materials: Vec<(String, String, String)>,
    minutes: String,
    equity_notes: String,
    privacy_notes: String,
    logic_model: String,
    licence: String,
    status: String,
    /// The version it would become; changes from the one readers see now.
    next_version: i32,
    changes: Vec<Change>,
    /// The draft's revision shown: the decision forms send it back.
    revision: i32,
    /// The reader may decide (submitted, and not their own).
    decides: bool,
    /// The reader wrote it (and curates there): shown, never decided.
    own: bool,
    comments: String,
}

/// The framework's competencies by id with their names, to name those a
/// draft chose (as its page does) rather than show their ids.
async fn competency_names(state: &AppState) -> Result<Vec<(String, Text)>, AppError> {
    Ok(state
        .db
        .read_brief(|c| {
            lyceum_db::competencies::named(c, lyceum_domain::competency::DEFAULT_FRAMEWORK)
        })
        .await?)
}

/// Each field of a practice's content as this page shows it (subjects and
/// grade bands by their labels, competencies by name, the licence by its
/// name), in the form's order. The list of changes compares these, so a
/// curator reads "Science" and the competency's name, never their codes.
fn shown(
    page: &Page,
    c: &PracticeContent,
    named: &[(String, Text)],
) -> Vec<(&'static str, String)> {
    let labels = |kind: &str, codes: Vec<&str>| {
        codes
            .into_iter()
            .map(|code| page.label(kind, code))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let materials = c
        .materials
        .iter()
        .map(|m| match &m.url {
            Some(url) => format!("{} ({url}) — {}", m.title, m.licence),
            None => format!("{} — {}", m.title, m.licence),
        })
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        ("title", c.title.clone()),
        ("summary", c.summary.clone()),
        ("goal", c.goal.clone()),
        (
            "subjects",
            labels("subject", c.subjects.iter().map(|s| s.as_str()).collect()),
        ),
        (
            "grade_bands",
            labels(
                "grade-band",
                c.grade_bands.iter().map(|g| g.as_str()).collect(),
            ),
        ),
        (
            "competencies",
            c.competencies
                .iter()
                .map(|k| {
                    named
                        .iter()
                        .find(|(id, _)| id == k)
                        .map_or_else(|| k.clone(), |(_, n)| n.get(page.lang).to_string())
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("tools", c.tools.clone()),
        ("steps", c.steps.clone()),
        ("materials", materials),
        ("minutes", page.tn("practice-minutes", i64::from(c.minutes))),
        ("equity_notes", c.equity_notes.clone()),
        ("privacy_notes", c.privacy_notes.clone()),
        ("logic_model", c.logic_model.clone()),
        ("licence", page.label("licence", c.licence.as_str())),
    ]
}

fn build(
    ctx: &Ctx,
    r: UnderReview,
    named: &[(String, Text)],
    errors: FormErrors,
    comments: String,
) -> ReviewPage {
    let page = Page::new(ctx, "practice-review-title")
        .with_title(&r.draft.content.title)
        .with_errors(&errors);
    let c = &r.draft.content;
    let href = actions::href(r.view.practice.id);
    let is = shown(&page, c, named);
    let changes = r
        .published
        .as_ref()
        .map(|was| {
            shown(&page, was, named)
                .into_iter()
                .zip(&is)
                .filter(|((_, was), (_, now))| was != now)
                .map(|((field, was), (_, now))| Change {
                    label: page.t(&format!("practice-field-{}", field.replace('_', "-"))),
                    was,
                    now: now.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let field = |name: &str| {
        is.iter()
            .find(|(f, _)| *f == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    ReviewPage {
        id: r.view.practice.id.0,
        lang: c.language.as_str(),
        summary: c.summary.clone(),
        goal: c.goal.clone(),
        author: r.author.unwrap_or_else(|| page.t("practice-author-gone")),
        owner: r.owner,
        subjects: field("subjects"),
        grade_bands: field("grade_bands"),
        competencies: field("competencies"),
        tools: c.tools.clone(),
        steps_html: markdown::to_html(&c.steps),
        materials: c
            .materials
            .iter()
            .map(|m| {
                (
                    m.title.clone(),
                    m.url.clone().unwrap_or_else(|| {
                        format!("{href}/files/{}", m.file_id.unwrap_or_default())
                    }),
                    m.licence.clone(),
                )
            })
            .collect(),
        minutes: field("minutes"),
        equity_notes: c.equity_notes.clone(),
        privacy_notes: c.privacy_notes.clone(),
        logic_model: c.logic_model.clone(),
        licence: field("licence"),
        status: page.label("practice-draft-status", r.draft.status.as_str()),
        next_version: r.view.practice.version + 1,
        revision: r.draft.revision,
        changes,
        decides: r.view.curates && r.draft.status == DraftStatus::Submitted,
        own: r.view.curator_of_own,
        comments,
        errors,
        page,
    }
}

/// `GET /practices/{practice_id}/review`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let r = actions::under_review(&state, me, PracticeId(id)).await?;
    let named = competency_names(&state).await?;
    Ok(render(&build(
        &ctx,
        r,
        &named,
        FormErrors::none(),
        String::new(),
    )))
}

#[derive(Debug, Default, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    pub comments: String,
    /// The draft's revision the page showed (missing or unreadable: refused
    /// as changed, and the draft shown as it is).
    #[serde(default)]
    pub revision: String,
}

async fn decide(
    state: AppState,
    ctx: Ctx,
    id: i64,
    publish: bool,
    form: DecisionForm,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let id = PracticeId(id);
    let seen = form.revision.trim().parse::<i32>().unwrap_or(-1);
    let comments = form.comments;
    match actions::decide(&state, me, id, publish, comments.clone(), seen).await? {
        Ok(_) => Ok(redirect_with(
            "/practices/review",
            if publish {
                Flash::PracticePublished
            } else {
                Flash::PracticeReturned
            },
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let r = actions::under_review(&state, me, id).await;
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            match r {
                Ok(r) => {
                    let named = competency_names(&state).await?;
                    Ok(render_invalid(&build(&ctx, r, &named, errors, comments)))
                }
                // Decided meanwhile and published: its draft is gone.
                Err(AppError::NotFound) => Ok(redirect_with(
                    &actions::href(id),
                    Flash::PracticeAlreadyDecided,
                    state.config.secure_cookies(),
                )),
                Err(e) => Err(e),
            }
        }
    }
}

/// `POST /practices/{practice_id}/publish` (the revision read)
pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<DecisionForm>,
) -> Result<Response, AppError> {
    let form = DecisionForm {
        comments: String::new(),
        ..form
    };
    decide(state, ctx, id, true, form).await
}

/// `POST /practices/{practice_id}/return` (comments required; the
/// revision read)
pub async fn send_back(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<DecisionForm>,
) -> Result<Response, AppError> {
    decide(state, ctx, id, false, form).await
}
