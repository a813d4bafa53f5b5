//! Writing a classroom practice: starting one (`/practices/new`, owned by
//! one of the writer's organisations, their school by default), editing its
//! draft (`/practices/{practice_id}/edit`; a published practice's next
//! version starts from its current one), material files uploaded in the
//! same form, submitting it to the curators, and one's own practices with
//! their status and the curators' comments (`/practices/mine`).
//!
//! The form posts `multipart/form-data` (files ride along); a refused post
//! shows the form again with everything as typed and each problem named.

use crate::classroom_practice_actions::{self as actions, ContentInput, MaterialInput};
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::Upload;
use crate::gate::Access::SignedIn;
use crate::library_access::PracticeView;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::library::Draft;
use lyceum_db::library::practices::NewFile;
use lyceum_domain::PracticeId;
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::{DraftStatus, Licence};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::validation::Invalid;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/practices/new", SignedIn, new_form)
        .add_upload(
            POST,
            "/practices/new",
            SignedIn,
            create,
            actions::MAX_UPLOAD_BYTES,
        )
        .add(GET, "/practices/mine", SignedIn, mine)
        .add(GET, "/practices/{practice_id}/edit", SignedIn, edit_form)
        .add_upload(
            POST,
            "/practices/{practice_id}/edit",
            SignedIn,
            save,
            actions::MAX_UPLOAD_BYTES,
        )
        .add(POST, "/practices/{practice_id}/submit", SignedIn, submit)
        .add(
            POST,
            "/practices/{practice_id}/withdraw",
            SignedIn,
            withdraw,
        )
}

/// Blank material rows offered below the written ones.
const BLANK_ROWS: usize = 2;

pub struct MaterialRow {
    pub n: usize,
    pub title_field: String,
    pub url_field: String,
    pub licence_field: String,
    pub file_field: String,
    pub title: String,
    pub url: String,
    pub licence: String,
    pub file_id: Option<i64>,
    pub file_name: Option<String>,
}

#[derive(Template)]
#[template(path = "library/practice_editor.html")]
pub struct EditorPage {
    page: Page,
    errors: FormErrors,
    action: String,
    /// Starting a practice: the owner is chosen.
    is_new: bool,
    owners: Vec<Choice>,
    languages: Vec<Choice>,
    title: String,
    summary: String,
    goal: String,
    subjects: Vec<Choice>,
    grade_bands: Vec<Choice>,
    competencies: Vec<Choice>,
    tools: String,
    steps: String,
    materials: Vec<MaterialRow>,
    materials_count: usize,
    minutes: String,
    equity_notes: String,
    privacy_notes: String,
    logic_model: String,
    licences: Vec<Choice>,
    revision: i32,
    /// Where the draft stands, in words.
    status: Option<String>,
    /// The curators' comments when returned.
    comments: Option<String>,
    /// Editing a published practice: the version this draft becomes.
    next_version: Option<i32>,
    /// The draft may be sent to the curators (saved, not waiting).
    submit_action: Option<String>,
    /// The draft may be taken back from review (it is waiting).
    withdraw_action: Option<String>,
    practice_href: Option<String>,
    /// Waiting for a curator: saving is refused until they decide.
    waiting: bool,
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// What the form shows: what was typed (or stored), and where it stands.
struct Shown {
    input: ContentInput,
    minutes: String,
    owner: Option<i64>,
    revision: i32,
    id: Option<PracticeId>,
    status: Option<DraftStatus>,
    comments: Option<String>,
    version: i32,
}

impl Shown {
    /// The author's draft as stored (`actions::editing`).
    fn stored(view: &PracticeView, draft: Draft) -> Shown {
        Shown {
            minutes: draft.content.minutes.to_string(),
            input: ContentInput::from_content(&draft.content),
            owner: None,
            revision: draft.revision,
            id: Some(view.practice.id),
            status: Some(draft.status),
            comments: draft.comments,
            version: view.practice.version,
        }
    }
}

async fn build(
    state: &AppState,
    ctx: &Ctx,
    s: Shown,
    errors: FormErrors,
) -> Result<EditorPage, AppError> {
    let me = ctx.require_user()?;
    let title_key = if s.id.is_some() {
        "practice-edit-title"
    } else {
        "practice-new-title"
    };
    let page = Page::new(ctx, title_key).with_errors(&errors);
    let lang = ctx.lang;
    let named = state
        .db
        .read_brief(move |c| {
            lyceum_db::competencies::named(c, lyceum_domain::competency::DEFAULT_FRAMEWORK)
        })
        .await?;
    let owners = actions::owners(me);
    let chosen_owner = s.owner.or(owners.first().map(|(id, _)| id.0));
    let files = match s.id {
        Some(id) => actions::files(state, id).await?,
        None => Vec::new(),
    };
    let i = &s.input;
    let mut materials: Vec<MaterialRow> = i
        .materials
        .iter()
        .enumerate()
        .map(|(k, m)| MaterialRow {
            n: k + 1,
            title_field: format!("materials-{}-title", k + 1),
            url_field: format!("materials-{}-url", k + 1),
            licence_field: format!("materials-{}-licence", k + 1),
            file_field: format!("materials-{}-file", k + 1),
            title: m.title.clone(),
            url: m.url.clone().unwrap_or_default(),
            licence: m.licence.clone(),
            file_id: m.file_id,
            file_name: m
                .file_id
                .and_then(|f| files.iter().find(|r| r.id.0 == f))
                .map(|r| r.name.clone()),
        })
        .collect();
    for _ in 0..BLANK_ROWS {
        let n = materials.len() + 1;
        materials.push(MaterialRow {
            n,
            title_field: format!("materials-{n}-title"),
            url_field: format!("materials-{n}-url"),
            licence_field: format!("materials-{n}-licence"),
            file_field: format!("materials-{n}-file"),
            title: String::new(),
            url: String::new(),
            licence: if materials.is_empty() {
                "CC BY 4.0".into()
            } else {
                String::new()
            },
            file_id: None,
            file_name: None,
        });
    }
    let language = if i.language.is_empty() {
        lang.as_str().to_string()
    } else {
        i.language.clone()
    };
    let licence = if i.licence.is_empty() {
        Licence::CcBy.as_str().to_string()
    } else {
        i.licence.clone()
    };
    let waiting = s.status == Some(DraftStatus::Submitted);
    Ok(EditorPage {
        action: s.id.map_or_else(
            || "/practices/new".into(),
            |id| format!("{}/edit", actions::href(id)),
        ),
        is_new: s.id.is_none(),
        owners: owners
            .iter()
            .map(|(id, name)| Choice {
                value: id.0.to_string(),
                label: name.clone(),
                selected: Some(id.0) == chosen_owner,
            })
            .collect(),
        languages: Choice::list(
            &page,
            "lang",
            Lang::ALL.iter().map(|l| l.as_str()),
            &[language.as_str()],
        ),
        title: i.title.clone(),
        summary: i.summary.clone(),
        goal: i.goal.clone(),
        subjects: Choice::list(
            &page,
            "subject",
            Subject::ALL.iter().map(|s| s.as_str()),
            &strs(&i.subjects),
        ),
        grade_bands: Choice::list(
            &page,
            "grade-band",
            GradeBand::ALL.iter().map(|g| g.as_str()),
            &strs(&i.grade_bands),
        ),
        competencies: named
            .into_iter()
            .map(|(id, name)| Choice {
                selected: i.competencies.contains(&id),
                label: name.get(lang).to_string(),
                value: id,
            })
            .collect(),
        tools: i.tools.clone(),
        steps: i.steps.clone(),
        materials_count: materials.len(),
        materials,
        minutes: s.minutes.clone(),
        equity_notes: i.equity_notes.clone(),
        privacy_notes: i.privacy_notes.clone(),
        logic_model: i.logic_model.clone(),
        licences: Choice::list(
            &page,
            "licence",
            Licence::ALL.iter().map(|l| l.as_str()),
            &[licence.as_str()],
        ),
        revision: s.revision,
        status: s
            .status
            .filter(|_| s.revision > 0)
            .map(|st| page.label("practice-draft-status", st.as_str())),
        comments: s
            .comments
            .filter(|_| s.status == Some(DraftStatus::Returned)),
        next_version: (s.version > 0).then_some(s.version + 1),
        submit_action: s
            .id
            .filter(|_| s.revision > 0 && !waiting)
            .map(|id| format!("{}/submit", actions::href(id))),
        withdraw_action: s
            .id
            .filter(|_| waiting)
            .map(|id| format!("{}/withdraw", actions::href(id))),
        practice_href: s.id.map(actions::href),
        waiting,
        errors,
        page,
    })
}

/// `GET /practices/new`
pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require_user()?;
    let input = ContentInput {
        licence: Licence::CcBy.as_str().into(),
        ..ContentInput::default()
    };
    let shown = Shown {
        input,
        minutes: String::new(),
        owner: None,
        revision: 0,
        id: None,
        status: None,
        comments: None,
        version: 0,
    };
    Ok(render(
        &build(&state, &ctx, shown, FormErrors::none()).await?,
    ))
}

/// The form as posted: its content, the files it carries (checked by
/// their bytes), the owner chosen and the revision it was opened at.
struct Posted {
    input: ContentInput,
    minutes: String,
    files: Vec<NewFile>,
    owner: Option<i64>,
    revision: i32,
    errors: Invalid,
}

fn read_form(form: &Upload) -> Posted {
    let mut errors = Invalid::new();
    let repeated = |name: &str| -> Vec<String> {
        form.parts()
            .iter()
            .filter(|p| p.name == name && p.file_name.is_none())
            .map(|p| String::from_utf8_lossy(&p.bytes).trim().to_string())
            .filter(|v| !v.is_empty())
            .collect()
    };
    let minutes = form.text("minutes").trim().to_string();
    let count: usize = form
        .text("materials_count")
        .trim()
        .parse()
        .unwrap_or(0)
        .min(lyceum_domain::library::practice::MAX_MATERIALS + BLANK_ROWS + 5);
    let mut materials = Vec::new();
    let mut files = Vec::new();
    for n in 1..=count {
        let field = |f: &str| format!("materials-{n}-{f}");
        let title = form.text(&field("title"));
        let url = form.text(&field("url"));
        let licence = form.text(&field("licence"));
        let upload = form.file(&field("file"));
        let file_id = form.text(&field("file_id")).trim().parse::<i64>().ok();
        // An empty row, or one cleared to remove its material.
        if title.trim().is_empty() && url.trim().is_empty() && upload.is_none() {
            continue;
        }
        let k = materials.len();
        let has_upload = upload.is_some();
        if let Some((name, bytes)) = upload {
            // Named as the form shows the row again (blank rows skipped).
            let at = format!("materials-{}-file", k + 1);
            if let Some(f) = actions::checked_file(&mut errors, &at, k, &name, &bytes) {
                files.push(f);
            }
        }
        materials.push(MaterialInput {
            title,
            url: Some(url),
            file_id: if has_upload { None } else { file_id },
            licence,
        });
    }
    let input = ContentInput {
        language: form.text("language"),
        title: form.text("title"),
        summary: form.text("summary"),
        goal: form.text("goal"),
        subjects: repeated("subjects"),
        grade_bands: repeated("grade_bands"),
        competencies: repeated("competencies"),
        tools: form.text("tools"),
        steps: form.text("steps"),
        materials,
        minutes: minutes.parse().unwrap_or(0),
        equity_notes: form.text("equity_notes"),
        privacy_notes: form.text("privacy_notes"),
        logic_model: form.text("logic_model"),
        licence: form.text("licence"),
    };
    Posted {
        input,
        minutes,
        files,
        owner: form.text("org").trim().parse().ok(),
        revision: form.text("revision").trim().parse().unwrap_or(-1),
        errors,
    }
}

/// `POST /practices/new`
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Upload,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let p = read_form(&form);
    let content = p.input.content(ctx.lang);
    match actions::start(&state, me, p.owner, content, p.files, p.errors).await? {
        Ok(id) => Ok(redirect_with(
            &format!("{}/edit", actions::href(id)),
            Flash::PracticeSaved,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let shown = Shown {
                input: p.input,
                minutes: p.minutes,
                owner: p.owner,
                revision: 0,
                id: None,
                status: None,
                comments: None,
                version: 0,
            };
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(&build(&state, &ctx, shown, errors).await?))
        }
    }
}

/// `GET /practices/{practice_id}/edit`: the author's draft, or the
/// published version to start the next from.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (view, draft) = actions::editing(&state, me, PracticeId(id)).await?;
    let shown = Shown::stored(&view, draft);
    Ok(render(
        &build(&state, &ctx, shown, FormErrors::none()).await?,
    ))
}

/// `POST /practices/{practice_id}/edit`: saved when nobody saved since the
/// form was opened; otherwise refused with what was typed kept on the form.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: Upload,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let id = PracticeId(id);
    let p = read_form(&form);
    let content = p.input.content(ctx.lang);
    match actions::save(&state, me, id, content, p.files, p.revision, p.errors).await? {
        Ok(_) => Ok(redirect_with(
            &format!("{}/edit", actions::href(id)),
            Flash::PracticeSaved,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            // Shown as typed. After a stale save, the form carries the
            // current revision: saving again replaces the other save, knowingly.
            let (view, draft) = actions::editing(&state, me, id).await?;
            let revision = if invalid.has("revision") {
                draft.revision
            } else {
                p.revision
            };
            let shown = Shown {
                input: p.input,
                minutes: p.minutes,
                owner: None,
                revision,
                id: Some(id),
                status: Some(draft.status),
                comments: draft.comments,
                version: view.practice.version,
            };
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(&build(&state, &ctx, shown, errors).await?))
        }
    }
}

/// `POST /practices/{practice_id}/submit`
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let id = PracticeId(id);
    match actions::submit(&state, me, id).await? {
        Ok(()) => Ok(redirect_with(
            "/practices/mine",
            Flash::PracticeSubmitted,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let (view, draft) = actions::editing(&state, me, id).await?;
            let shown = Shown::stored(&view, draft);
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(&build(&state, &ctx, shown, errors).await?))
        }
    }
}

/// `POST /practices/{practice_id}/withdraw`: back to the editor, a draft
/// again; refused (already decided) back to My practices, saying why.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let id = PracticeId(id);
    let (to, flash) = match actions::withdraw(&state, me, id).await? {
        Ok(()) => (
            format!("{}/edit", actions::href(id)),
            Flash::PracticeWithdrawn,
        ),
        Err(_) => ("/practices/mine".to_string(), Flash::PracticeNotWaiting),
    };
    Ok(redirect_with(&to, flash, state.config.secure_cookies()))
}

pub struct MineRow {
    pub href: String,
    pub edit_href: String,
    pub title: String,
    /// The title's language, when it is not the page's.
    pub lang: Option<&'static str>,
    pub owner: String,
    pub status: String,
    pub comments: Option<String>,
    pub updated: String,
}

#[derive(Template)]
#[template(path = "library/practice_mine.html")]
pub struct MinePage {
    page: Page,
    rows: Vec<MineRow>,
}

/// `GET /practices/mine`
pub async fn mine(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let list = actions::mine(&state, me).await?;
    let page = Page::new(&ctx, "practice-mine-title");
    let rows = list
        .into_iter()
        .map(|m| MineRow {
            href: actions::href(m.id),
            edit_href: format!("{}/edit", actions::href(m.id)),
            status: match (m.status, m.version) {
                (Some(s), v) if v > 0 => page.t2(
                    "practice-mine-next-version",
                    "version",
                    &(v + 1).to_string(),
                    "status",
                    &page.label("practice-draft-status", s.as_str()),
                ),
                (Some(s), _) => page.label("practice-draft-status", s.as_str()),
                (None, v) => page.t1("practice-mine-published", "version", &v.to_string()),
            },
            comments: m
                .comments
                .filter(|_| m.status == Some(DraftStatus::Returned)),
            updated: page.date(&m.updated_at),
            lang: (m.language != page.lang).then(|| m.language.as_str()),
            title: m.title,
            owner: m.owner,
        })
        .collect();
    Ok(render(&MinePage { rows, page }))
}
