//! Authoring: authors write drafts of course files (upload one, or start
//! from a published course), see every problem with its place and a
//! preview, and send the draft for review; another author or a programme
//! admin publishes it as the course's next version or returns it with a
//! comment. Learners who started a version keep it (see `learning`).
//!
//! A course belongs to an organisation: its authors, and those above it,
//! write and review it (`Action::WriteCourse`, `Actor::reviews_draft`),
//! asked of the course's owner whatever the draft's text says (see
//! `lyceum_db::drafts`). A new course's author chooses which of their
//! authoring organisations owns it.

use super::Choice;
use crate::context::Ctx;
use crate::draft_actions::{check, named};
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::{HtmlForm, Upload};
use crate::markdown;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::drafts::{self, DraftRow};
use lyceum_db::{DbError, courses, orgs};
use lyceum_domain::OrgId;
use lyceum_domain::course::{Course, DraftStatus, package};
use lyceum_domain::policy::Actor;
use lyceum_domain::validation::{FieldError, Invalid};
use serde::Deserialize;

pub use crate::draft_actions::MAX_DOCUMENT;

pub(super) fn draft_path(id: i64) -> String {
    format!("/authoring/{id}")
}

// ---- The list ----

pub struct DraftLine {
    pub href: String,
    pub title: String,
    pub status: DraftStatus,
    pub by: Option<String>,
    /// The organisation that owns the course.
    pub owner: String,
}

fn line(d: &DraftRow, by: Option<String>, owner: String, page: &Page) -> DraftLine {
    DraftLine {
        href: draft_path(d.id),
        title: d
            .title
            .clone()
            .or_else(|| d.slug.clone())
            .unwrap_or_else(|| page.t("authoring-untitled")),
        status: d.status,
        by,
        owner,
    }
}

/// The organisations whose new courses this person may start, as (id,
/// name): where they are an author (the programme, for a programme admin).
pub(super) async fn authoring_orgs(
    state: &AppState,
    actor: &Actor,
) -> Result<Vec<(OrgId, String)>, AppError> {
    let ids: Vec<OrgId> = actor
        .authoring_scopes()
        .iter()
        .filter_map(|p| p.ids().last().copied())
        .collect();
    Ok(state
        .db
        .read(move |c| {
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                if let Some(o) = orgs::by_id(c, id)? {
                    out.push((id, o.name));
                }
            }
            Ok(out)
        })
        .await?)
}

#[derive(Template)]
#[template(path = "authoring.html")]
pub struct AuthoringPage {
    page: Page,
    errors: FormErrors,
    mine: Vec<DraftLine>,
    to_review: Vec<DraftLine>,
    courses: Vec<Choice>,
    /// Which organisation owns a new course: offered when there is a choice.
    orgs: Vec<Choice>,
    max_mb: usize,
    /// The title typed for a course written on pages (`course_editor`).
    new_title: String,
}

async fn authoring_page(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    chosen_org: &str,
) -> Result<AuthoringPage, AppError> {
    let actor = ctx.require_user()?.actor.clone();
    let me = actor.user_id;
    let orgs = authoring_orgs(state, &actor).await?;
    let (mine, review, all) = state
        .db
        .read(move |c| {
            Ok((
                drafts::of_author(c, me)?,
                drafts::to_review(c, &actor)?,
                courses::writable_by(c, &actor)?,
            ))
        })
        .await?;
    let page = Page::new(ctx, "authoring-title").with_errors(&errors);
    Ok(AuthoringPage {
        mine: mine
            .iter()
            .map(|(d, owner)| line(d, None, owner.clone(), &page))
            .collect(),
        to_review: review
            .iter()
            .map(|w| line(&w.draft, Some(w.author.clone()), w.owner.clone(), &page))
            .collect(),
        orgs: if orgs.len() > 1 {
            orgs.into_iter()
                .map(|(id, name)| Choice {
                    selected: chosen_org == id.0.to_string(),
                    value: id.0.to_string(),
                    label: name,
                })
                .collect()
        } else {
            Vec::new()
        },
        courses: all
            .into_iter()
            .map(|c| Choice {
                value: c.slug,
                label: c.title,
                selected: false,
            })
            .collect(),
        max_mb: MAX_DOCUMENT / (1024 * 1024),
        new_title: String::new(),
        errors,
        page,
    })
}

/// `GET /authoring`
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    Ok(render(
        &authoring_page(&state, &ctx, FormErrors::none(), "").await?,
    ))
}

/// `POST /authoring` (multipart): a new draft from an uploaded course file
/// (`file`) or from a published course (`from`, its slug); for a new course,
/// `org` is the organisation that will own it, when the author has a choice.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Upload,
) -> Result<Response, AppError> {
    let actor = ctx.require_user()?.actor.clone();
    let file = form.file("file").map(|(_, bytes)| bytes);
    let from = form.text("from").trim().to_string();
    let typed_org = form.text("org").trim().to_string();
    let refuse = |field: &str, code: &'static str| Invalid(vec![FieldError::new(field, code)]);
    let refused = |invalid: Invalid| refused(&state, &ctx, invalid, &typed_org);
    let orgs = authoring_orgs(&state, &actor).await?;
    let chosen = match (typed_org.as_str(), orgs.as_slice()) {
        ("", [(only, _)]) => Some(*only),
        ("", _) => None,
        (typed, _) => match orgs.iter().find(|(id, _)| id.0.to_string() == typed) {
            Some((id, _)) => Some(*id),
            None => return refused(refuse("org", "choose-one")).await,
        },
    };
    let document = match (file, from.is_empty()) {
        (Some(bytes), true) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => return refused(refuse("file", "file-not-utf8")).await,
        },
        (None, false) => {
            let slug = from.clone();
            let course = state.db.read(move |c| courses::current(c, &slug)).await?;
            match course {
                Some((_, c)) => serde_json::to_string_pretty(&package::to_json(&c))
                    .map_err(AppError::internal)?,
                None => return refused(refuse("from", "choose-one")).await,
            }
        }
        (Some(_), false) => {
            return refused(refuse("file", "draft-one-source")).await;
        }
        (None, true) => {
            return refused(refuse("file", "draft-source-required")).await;
        }
    };
    let (slug, title) = named(&document);
    let now = state.clock.now();
    let created = state
        .db
        .write(move |c| {
            drafts::create(
                c,
                &actor,
                chosen,
                &document,
                (slug.as_deref(), title.as_deref()),
                now,
            )
        })
        .await;
    match created {
        Ok(id) => Ok(redirect_with(
            &draft_path(id),
            Flash::DraftCreated,
            state.config.secure_cookies(),
        )),
        Err(DbError::Invalid(mut invalid)) => {
            // Said of the document: shown on the field it came from.
            let source = if from.is_empty() { "file" } else { "from" };
            for e in invalid.0.iter_mut().filter(|e| e.field == "document") {
                e.field = source.to_string();
            }
            refused(invalid).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn refused(
    state: &AppState,
    ctx: &Ctx,
    invalid: Invalid,
    chosen_org: &str,
) -> Result<Response, AppError> {
    let errors = FormErrors::from_invalid(&invalid, ctx.lang);
    Ok(render_invalid(
        &authoring_page(state, ctx, errors, chosen_org).await?,
    ))
}

/// The list page again, refusing a course started on pages (its title
/// and organisation as typed).
pub(super) async fn refused_new(
    state: &AppState,
    ctx: &Ctx,
    invalid: Invalid,
    chosen_org: &str,
    title: &str,
) -> Result<Response, AppError> {
    let errors = FormErrors::from_invalid(&invalid, ctx.lang);
    let mut page = authoring_page(state, ctx, errors, chosen_org).await?;
    page.new_title = title.to_string();
    Ok(render_invalid(&page))
}

// ---- One draft ----

pub struct LessonPreview {
    pub title: String,
    /// Sanitised by `markdown::to_html`.
    pub body: String,
    pub activities: Vec<String>,
}

pub struct ModulePreview {
    pub title: String,
    pub lessons: Vec<LessonPreview>,
}

pub struct Preview {
    pub title: String,
    pub summary: String,
    pub modules: Vec<ModulePreview>,
}

fn preview(c: &Course, page: &Page) -> Preview {
    Preview {
        title: c.title.clone(),
        summary: c.summary.clone(),
        modules: c
            .modules
            .iter()
            .map(|m| ModulePreview {
                title: m.title.clone(),
                lessons: m
                    .lessons
                    .iter()
                    .map(|l| LessonPreview {
                        title: l.title.clone(),
                        body: markdown::to_html(&l.markdown),
                        activities: l
                            .activities
                            .iter()
                            .map(|a| page.t(&a.label_key()))
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "draft.html")]
pub struct DraftPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    status: DraftStatus,
    revision: i64,
    document: String,
    /// The organisation that owns the course.
    owner: String,
    /// Its author may change it now.
    editing: bool,
    /// The viewer may publish or return it now.
    reviewing: bool,
    /// Every problem with the document, by its place.
    problems: Vec<String>,
    preview: Option<Preview>,
    review_comment: Option<String>,
    published_version: Option<i32>,
    course_href: Option<String>,
    typed_comment: String,
}

impl DraftPage {
    fn problem_count(&self) -> i64 {
        i64::try_from(self.problems.len()).unwrap_or(i64::MAX)
    }
}

async fn draft_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    typed: Option<String>,
    errors: FormErrors,
    typed_comment: String,
) -> Result<DraftPage, AppError> {
    let actor = ctx.require_user()?.actor.clone();
    let me = actor.user_id;
    let (d, may_review, owner) = state
        .db
        .read(move |c| {
            let Some(d) = drafts::by_id(c, id)? else {
                return Ok(None);
            };
            let reviews = drafts::reviews(c, &actor, &d)?;
            let (_, _, owner) = drafts::owner(c, d.slug.as_deref(), Some(OrgId(d.org_id)))?;
            Ok(Some((d, reviews, owner)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let mine = d.author_id == me;
    let status = d.status;
    // Authors see their own drafts; reviewers of the course's owner see
    // drafts sent for review; nobody else learns that a draft exists.
    let reviewing = !mine && status == DraftStatus::InReview && may_review;
    if !mine && !reviewing {
        return Err(AppError::NotFound);
    }
    let document = typed.unwrap_or_else(|| d.document.clone());
    let checked = check(state, &document).await?;
    let mut page = Page::new(ctx, "draft-title").with_errors(&errors);
    if let Some(title) = d.title.as_ref().or(d.slug.as_ref()) {
        let heading = format!("{}: {title}", page.t("draft-title"));
        page = page.with_title(&heading);
    }
    let (problems, preview) = match &checked {
        Ok(c) => (Vec::new(), Some(preview(c, &page))),
        Err(p) => (p.clone(), None),
    };
    Ok(DraftPage {
        id,
        status,
        revision: d.revision,
        editing: mine && status.editable(),
        reviewing,
        owner,
        problems,
        preview,
        review_comment: d.review_comment.clone(),
        published_version: d.published_version,
        course_href: d
            .slug
            .as_ref()
            .filter(|_| status == DraftStatus::Published)
            .map(|s| super::courses::course_path(s)),
        document,
        typed_comment,
        errors,
        page,
    })
}

/// `GET /authoring/{draft_id}`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(render(
        &draft_page(&state, &ctx, id, None, FormErrors::none(), String::new()).await?,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct SaveForm {
    #[serde(default)]
    document: String,
    /// `save` or `submit`.
    #[serde(default)]
    action: String,
    /// The revision the page showed: a save after another is refused.
    #[serde(default)]
    revision: Option<i64>,
}

/// `POST /authoring/{draft_id}`: saves the text; `action=submit` also sends
/// it for review, which needs a document without problems.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<SaveForm>,
) -> Result<Response, AppError> {
    let actor = ctx.require_user()?.actor.clone();
    let submit = form.action == "submit";
    if submit && check(&state, &form.document).await?.is_err() {
        let errors = FormErrors::from_invalid(
            &Invalid(vec![FieldError::new("document", "draft-has-problems")]),
            ctx.lang,
        );
        return Ok(render_invalid(
            &draft_page(&state, &ctx, id, Some(form.document), errors, String::new()).await?,
        ));
    }
    let (slug, title) = named(&form.document);
    let now = state.clock.now();
    let document = form.document.clone();
    let revision = form.revision;
    let saved = state
        .db
        .write(move |c| {
            drafts::save(
                c,
                id,
                &actor,
                revision,
                &document,
                (slug.as_deref(), title.as_deref()),
                submit,
                now,
            )
        })
        .await;
    if let Err(DbError::Invalid(mut invalid)) = saved {
        // A newer save: said on the text, which is shown as typed.
        for e in invalid.0.iter_mut().filter(|e| e.field == "revision") {
            e.field = "document".into();
        }
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        return Ok(render_invalid(
            &draft_page(&state, &ctx, id, Some(form.document), errors, String::new()).await?,
        ));
    }
    saved?;
    Ok(redirect_with(
        &draft_path(id),
        if submit {
            Flash::DraftSubmitted
        } else {
            Flash::DraftSaved
        },
        state.config.secure_cookies(),
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct ReviewForm {
    /// `publish` or `return`.
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

const MAX_COMMENT: usize = 2_000;

/// `POST /authoring/{draft_id}/review`: publishes the draft as the course's
/// next version, or returns it with a comment (required).
pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<ReviewForm>,
) -> Result<Response, AppError> {
    let reviewer = ctx.require_user()?.actor.clone();
    let publish = match form.decision.as_str() {
        "publish" => true,
        "return" => false,
        _ => return Err(AppError::BadRequest("decision: publish or return".into())),
    };
    let comment = match lyceum_domain::validation::required_paragraphs(&form.comment, MAX_COMMENT) {
        Ok(c) => Some(c),
        Err(_) if publish && form.comment.trim().is_empty() => None,
        Err(code) => {
            let errors = FormErrors::from_invalid(
                &Invalid(vec![
                    FieldError::new("comment", code).with_arg("max", MAX_COMMENT),
                ]),
                ctx.lang,
            );
            return Ok(render_invalid(
                &draft_page(&state, &ctx, id, None, errors, form.comment).await?,
            ));
        }
    };
    let d = state
        .db
        .read(move |c| drafts::by_id(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let course = if publish {
        match check(&state, &d.document).await? {
            Ok(c) => Some(c),
            // Something it names changed since it was sent (a competency retired).
            Err(_) => {
                let errors = FormErrors::from_invalid(
                    &Invalid(vec![FieldError::new("comment", "draft-has-problems")]),
                    ctx.lang,
                );
                return Ok(render_invalid(
                    &draft_page(&state, &ctx, id, None, errors, form.comment).await?,
                ));
            }
        }
    } else {
        None
    };
    let now = state.clock.now();
    let decided = state
        .db
        .write(move |c| drafts::decide(c, id, &reviewer, course.as_ref(), comment.as_deref(), now))
        .await;
    let flash = match decided {
        Ok(Some(_)) => Flash::DraftPublished,
        Ok(None) => Flash::DraftReturned,
        Err(DbError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    Ok(redirect_with(
        "/authoring",
        flash,
        state.config.secure_cookies(),
    ))
}
