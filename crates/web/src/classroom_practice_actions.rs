//! Authoring and curating classroom practices — starting one, saving its
//! draft, submitting, returning with comments, publishing (with its
//! discussion topic), versions, following — shared by `pages/library/{practice,editor,review}.rs`
//! and `api/library/practices.rs`. Who may see a practice is
//! `library_access`'s; everything here asks it first.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::library_access::{self, PracticeView};
use crate::state::AppState;
use lyceum_db::DbError;
use lyceum_db::library::practices::{self, Decision, Mine, NewFile, Waiting};
use lyceum_db::library::{self, Draft};
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::{Licence, Material, PracticeContent};
use lyceum_domain::org::OrgKind;
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::{LibraryFileId, OrgId, PracticeId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{Outcome, refused};

/// The largest material file.
pub const MAX_FILE_BYTES: usize = lyceum_domain::evidence::MAX_EVIDENCE_BYTES;
/// The most an editor's post may carry (every material a file).
pub const MAX_UPLOAD_BYTES: usize = 4 * MAX_FILE_BYTES + 256 * 1024;

/// One material as written: a link, or a file of this practice by id.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct MaterialInput {
    pub title: String,
    /// An `https://` or `http://` address; null or empty for a file.
    pub url: Option<String>,
    /// One of this practice's files (`library_files`); null for a link.
    pub file_id: Option<i64>,
    /// How its owner licenses it ("CC BY 4.0", "used with permission").
    pub licence: String,
}

/// What an author writes, as the form and the API send it. Codes are
/// checked here (unknown ones named by field), the rest by
/// `domain::library::practice::check`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ContentInput {
    /// `en` or `es`; the writer's language when empty.
    pub language: String,
    pub title: String,
    pub summary: String,
    pub goal: String,
    /// Subject codes (`ela`, `math`, …).
    pub subjects: Vec<String>,
    /// Grade band codes (`k-2`, `3-5`, `6-8`, `9-12`).
    pub grade_bands: Vec<String>,
    /// Competency ids of the framework, at most 10.
    pub competencies: Vec<String>,
    pub tools: String,
    /// Markdown; raw HTML that would run is refused.
    pub steps: String,
    pub materials: Vec<MaterialInput>,
    /// Minutes in class, 1–600.
    pub minutes: u32,
    pub equity_notes: String,
    pub privacy_notes: String,
    pub logic_model: String,
    /// `cc-by` (default), `cc-by-sa` or `cc0`.
    pub licence: String,
}

impl ContentInput {
    pub fn from_content(c: &PracticeContent) -> Self {
        ContentInput {
            language: c.language.as_str().into(),
            title: c.title.clone(),
            summary: c.summary.clone(),
            goal: c.goal.clone(),
            subjects: c.subjects.iter().map(|s| s.as_str().into()).collect(),
            grade_bands: c.grade_bands.iter().map(|s| s.as_str().into()).collect(),
            competencies: c.competencies.clone(),
            tools: c.tools.clone(),
            steps: c.steps.clone(),
            materials: c
                .materials
                .iter()
                .map(|m| MaterialInput {
                    title: m.title.clone(),
                    url: m.url.clone(),
                    file_id: m.file_id,
                    licence: m.licence.clone(),
                })
                .collect(),
            minutes: c.minutes,
            equity_notes: c.equity_notes.clone(),
            privacy_notes: c.privacy_notes.clone(),
            logic_model: c.logic_model.clone(),
            licence: c.licence.as_str().into(),
        }
    }

    /// The content, its codes read (an unknown one named by its field);
    /// text is kept as written, trimmed.
    pub fn content(&self, lang: Lang) -> Result<PracticeContent, Invalid> {
        let mut e = Invalid::new();
        let language = match self.language.trim() {
            "" => lang,
            l => Lang::parse(l).unwrap_or_else(|| {
                e.add("language", "choose-one");
                lang
            }),
        };
        let mut subjects = Vec::new();
        for s in &self.subjects {
            match Subject::parse(s.trim()) {
                Some(s) if !subjects.contains(&s) => subjects.push(s),
                Some(_) => {}
                None => e.add("subjects", "choose-one"),
            }
        }
        let mut grade_bands = Vec::new();
        for g in &self.grade_bands {
            match GradeBand::parse(g.trim()) {
                Some(g) if !grade_bands.contains(&g) => grade_bands.push(g),
                Some(_) => {}
                None => e.add("grade_bands", "choose-one"),
            }
        }
        let licence = match self.licence.trim() {
            "" => Licence::CcBy,
            l => Licence::parse(l).unwrap_or_else(|| {
                e.add("licence", "choose-one");
                Licence::CcBy
            }),
        };
        let text = |s: &str| s.replace("\r\n", "\n").trim().to_string();
        let content = PracticeContent {
            language,
            title: text(&self.title),
            summary: text(&self.summary),
            goal: text(&self.goal),
            subjects,
            grade_bands,
            competencies: self
                .competencies
                .iter()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect(),
            tools: text(&self.tools),
            steps: text(&self.steps),
            materials: self
                .materials
                .iter()
                .map(|m| Material {
                    title: text(&m.title),
                    url: m
                        .url
                        .as_deref()
                        .map(str::trim)
                        .filter(|u| !u.is_empty())
                        .map(str::to_string),
                    file_id: m.file_id,
                    licence: text(&m.licence),
                })
                .collect(),
            minutes: self.minutes,
            equity_notes: text(&self.equity_notes),
            privacy_notes: text(&self.privacy_notes),
            logic_model: text(&self.logic_model),
            licence,
        };
        e.into_result().map(|()| content)
    }
}

/// A material file as uploaded: checked by its bytes (PDF, PNG, JPEG —
/// `domain::evidence`; DOCX, PPTX and ODT wait for the resources part's
/// checks in `domain::library::resource`), named by field when refused.
pub fn checked_file(
    errors: &mut Invalid,
    field: &str,
    material: usize,
    name: &str,
    bytes: &[u8],
) -> Option<NewFile> {
    if bytes.len() > MAX_FILE_BYTES {
        errors.push(
            FieldError::new(field, "file-too-large").with_arg("max", MAX_FILE_BYTES / 1_048_576),
        );
        return None;
    }
    let Some(media_type) = lyceum_domain::evidence::evidence_type(bytes) else {
        errors.add(field, "file-type");
        return None;
    };
    let name: String = name
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\' | '"'))
        .take(100)
        .collect();
    Some(NewFile {
        material,
        name: if name.trim().is_empty() {
            "material".into()
        } else {
            name
        },
        media_type,
        bytes: bytes.to_vec(),
    })
}

/// The organisations one may own a practice by: those one belongs to,
/// deepest (one's school) first.
pub fn owners(user: &CurrentUser) -> Vec<(OrgId, String)> {
    let mut list: Vec<(u8, OrgId, String)> = Vec::new();
    for m in &user.memberships {
        if list.iter().any(|(_, id, _)| id.0 == m.org_id) {
            continue;
        }
        let rank = match m.org_kind {
            OrgKind::School => 0,
            OrgKind::District | OrgKind::Local => 1,
            OrgKind::State => 2,
            OrgKind::Programme => 3,
        };
        list.push((rank, OrgId(m.org_id), m.org_name.clone()));
    }
    list.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
    list.into_iter().map(|(_, id, name)| (id, name)).collect()
}

/// Starts a practice owned by `owner` (one of `owners`; the first when
/// None), with files uploaded in the same post. Nothing is kept when refused.
pub async fn start(
    state: &AppState,
    user: &CurrentUser,
    owner: Option<i64>,
    content: Result<PracticeContent, Invalid>,
    files: Vec<NewFile>,
    mut errors: Invalid,
) -> Outcome<PracticeId> {
    let choices = owners(user);
    let owner = match owner {
        None => choices.first().map(|(id, _)| *id),
        Some(o) => choices.iter().find(|(id, _)| id.0 == o).map(|(id, _)| *id),
    };
    if owner.is_none() {
        errors.add("org", "choose-one");
    }
    let content = match content {
        Ok(c) => c,
        Err(e) => {
            errors.0.extend(e.0);
            return Ok(Err(errors));
        }
    };
    if let Some(owner) = owner.filter(|_| errors.is_empty()) {
        let me = user.actor.user_id;
        let now = state.clock.now();
        return refused(
            state
                .db
                .write(move |c| practices::start(c, owner, me, &content, &files, now))
                .await,
        );
    }
    // Report the content's problems too, not just the first.
    let check = state
        .db
        .read_brief(move |c| Ok(practices::check(c, None, &content)))
        .await?;
    if let Err(DbError::Invalid(e)) = check {
        errors.0.extend(e.0);
    }
    Ok(Err(errors))
}

/// The draft the author edits (or the published version, at revision 0).
pub async fn editing(
    state: &AppState,
    user: &CurrentUser,
    id: PracticeId,
) -> Result<(PracticeView, Draft), AppError> {
    let view = library_access::load(state, user, id).await?;
    if !view.is_author {
        return Err(AppError::Forbidden);
    }
    let row = view.practice.clone();
    let draft = state
        .db
        .read_brief(move |c| practices::to_edit(c, &row))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((view, draft))
}

/// Saves the author's draft if still at `revision`; returns the new one.
pub async fn save(
    state: &AppState,
    user: &CurrentUser,
    id: PracticeId,
    content: Result<PracticeContent, Invalid>,
    files: Vec<NewFile>,
    revision: i32,
    mut errors: Invalid,
) -> Outcome<i32> {
    let view = library_access::load(state, user, id).await?;
    if !view.is_author {
        return Err(AppError::Forbidden);
    }
    let content = match content {
        Ok(c) => c,
        Err(e) => {
            errors.0.extend(e.0);
            return Ok(Err(errors));
        }
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let me = user.actor.user_id;
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| practices::save(c, id, me, &content, &files, revision, now))
            .await,
    )
}

/// Sends the author's draft to the curators, who are told.
pub async fn submit(state: &AppState, user: &CurrentUser, id: PracticeId) -> Outcome<()> {
    let view = library_access::load(state, user, id).await?;
    if !view.is_author {
        return Err(AppError::Forbidden);
    }
    let me = user.actor.user_id;
    let base = state.config.public_origin().to_string();
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| {
                let (row, owner) = library::practice(c, id)?.ok_or(DbError::NotFound)?;
                practices::submit(c, &row, &owner, me, &base, now)
            })
            .await,
    )
}

/// Takes the author's draft back from review (theirs only).
pub async fn withdraw(state: &AppState, user: &CurrentUser, id: PracticeId) -> Outcome<()> {
    let view = library_access::load(state, user, id).await?;
    if !view.is_author {
        return Err(AppError::Forbidden);
    }
    let me = user.actor.user_id;
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| {
                let (row, owner) = library::practice(c, id)?.ok_or(DbError::NotFound)?;
                practices::withdraw(c, &row, &owner, me, now)
            })
            .await,
    )
}

/// Publishes or returns the submitted draft: its curators only (403 for
/// its author, even one who curates there), and only the revision they
/// read (`seen`; else `revision`, `practice-changed-since-read`). Returns
/// the version published.
pub async fn decide(
    state: &AppState,
    user: &CurrentUser,
    id: PracticeId,
    publish: bool,
    comments: String,
    seen: i32,
) -> Outcome<i32> {
    library_access::load_curated(state, user, id).await?;
    let me = user.actor.user_id;
    let actor = user.actor.clone();
    let base = state.config.public_origin().to_string();
    let now = state.clock.now();
    let r = state
        .db
        .write(move |c| {
            // Asked again on the row as it is now, in the transaction.
            let (row, owner) = library::practice(c, id)?.ok_or(DbError::NotFound)?;
            if !actor.curates_practice(&owner, row.author_id) {
                return Ok(Err(AppError::Forbidden));
            }
            let decision = if publish {
                Decision::Publish
            } else {
                Decision::Return {
                    comments: &comments,
                }
            };
            practices::decide(c, &row, &owner, me, decision, seen, &base, now).map(Ok)
        })
        .await;
    match refused(r)? {
        Ok(Ok(v)) => Ok(Ok(v)),
        Ok(Err(e)) => Err(e),
        Err(invalid) => Ok(Err(invalid)),
    }
}

/// The curators' queue: 403 for people who curate nowhere.
pub async fn queue(state: &AppState, user: &CurrentUser) -> Result<Vec<Waiting>, AppError> {
    let scopes = user.actor.curating_scopes();
    if scopes.is_empty() {
        return Err(AppError::Forbidden);
    }
    let me = user.actor.user_id;
    Ok(state
        .db
        .read_brief(move |c| practices::queue(c, &scopes, me))
        .await?)
}

/// A draft for its curators (and an author who curates there, who sees
/// but decides nothing), with the published version it would replace.
pub struct UnderReview {
    pub view: PracticeView,
    pub draft: Draft,
    pub published: Option<PracticeContent>,
    pub author: Option<String>,
    pub owner: String,
}

pub async fn under_review(
    state: &AppState,
    user: &CurrentUser,
    id: PracticeId,
) -> Result<UnderReview, AppError> {
    let view = library_access::load(state, user, id).await?;
    if !view.curates && !view.curator_of_own {
        return Err(AppError::Forbidden);
    }
    let row = view.practice.clone();
    let (draft, published, (author, owner)) = state
        .db
        .read_brief(move |c| {
            let draft = library::draft(c, row.id)?;
            let published = if row.is_published() {
                library::version(c, row.id, row.version)?
            } else {
                None
            };
            Ok((draft, published, practices::names(c, &row)?))
        })
        .await?;
    let draft = draft.ok_or(AppError::NotFound)?;
    Ok(UnderReview {
        view,
        draft,
        published,
        author,
        owner,
    })
}

/// A practice as its page shows it: the published version (or, for its
/// author and curators before it is published, the draft).
pub struct Shown {
    pub view: PracticeView,
    pub content: PracticeContent,
    /// The version shown; 0 for a draft not yet published.
    pub version: i32,
    pub author: Option<String>,
    pub owner: String,
    pub following: bool,
    pub draft_status: Option<lyceum_domain::library::DraftStatus>,
    /// The published versions, newest first: (number, published at).
    pub versions: Vec<i32>,
}

pub async fn show(
    state: &AppState,
    user: &CurrentUser,
    id: PracticeId,
    version: Option<i32>,
) -> Result<Shown, AppError> {
    let view = library_access::load(state, user, id).await?;
    let row = view.practice.clone();
    let me = user.actor.user_id;
    let (content, draft, names, following) = state
        .db
        .read_brief(move |c| {
            lyceum_db::snapshot(c, |c| {
                let draft = library::draft(c, row.id)?;
                let content = match version {
                    Some(v) if v >= 1 && v <= row.version => library::version(c, row.id, v)?,
                    Some(_) => None,
                    None if row.is_published() => library::version(c, row.id, row.version)?,
                    None => draft.as_ref().map(|d| d.content.clone()),
                };
                Ok((
                    content,
                    draft,
                    practices::names(c, &row)?,
                    practices::follows(c, row.id, me)?,
                ))
            })
        })
        .await?;
    let content = content.ok_or(AppError::NotFound)?;
    let shown_version = version.unwrap_or(view.practice.version);
    Ok(Shown {
        versions: (1..=view.practice.version).rev().collect(),
        draft_status: draft
            .filter(|_| view.is_author || view.curates || view.curator_of_own)
            .map(|d| d.status),
        content,
        version: shown_version,
        author: names.0,
        owner: names.1,
        following,
        view,
    })
}

/// Follows or stops following a published practice.
pub async fn follow(
    state: &AppState,
    user: &CurrentUser,
    id: PracticeId,
    on: bool,
) -> Result<(), AppError> {
    let view = library_access::load(state, user, id).await?;
    if !view.practice.is_published() {
        return Err(AppError::NotFound);
    }
    let me = user.actor.user_id;
    let now = state.clock.now();
    Ok(state
        .db
        .write(move |c| practices::set_follow(c, id, me, on, now))
        .await?)
}

/// A material file: any of the practice's for its author and curators; for
/// other readers only one a published version lists (not a draft's).
pub async fn file(
    state: &AppState,
    user: &CurrentUser,
    id: PracticeId,
    file: LibraryFileId,
) -> Result<(String, String, Vec<u8>), AppError> {
    let view = library_access::load(state, user, id).await?;
    let drafts_too = view.is_author || view.curates || view.curator_of_own;
    state
        .db
        .read_brief(move |c| {
            if !drafts_too && !practices::is_published_file(c, id, file)? {
                return Ok(None);
            }
            practices::file(c, id, file)
        })
        .await?
        .ok_or(AppError::NotFound)
}

/// The practice's files, for the editor.
pub async fn files(state: &AppState, id: PracticeId) -> Result<Vec<practices::FileRow>, AppError> {
    Ok(state
        .db
        .read_brief(move |c| practices::files(c, id))
        .await?)
}

/// One's practices with their drafts' status and comments.
pub async fn mine(state: &AppState, user: &CurrentUser) -> Result<Vec<Mine>, AppError> {
    let me = user.actor.user_id;
    Ok(state.db.read_brief(move |c| practices::mine(c, me)).await?)
}

/// A practice's page.
pub fn href(id: PracticeId) -> String {
    practices::href(id)
}
