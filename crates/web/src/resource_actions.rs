//! The resource library — adding a resource (a link or a file checked by
//! its bytes), finding, rating, commenting, featuring, linking from
//! practices and lessons — shared by `pages/library/resources.rs` and
//! `api/library/resources.rs`.
//!
//! Who: people who curate somewhere (authors, programme admins) add
//! resources owned by an organisation within their scopes and edit them
//! (`Action::CurateLibrary` at the owner); everyone signed in reads, rates
//! and comments; a curator at the owner features a resource and hides
//! comments — never featuring their own.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use lyceum_db::DbError;
use lyceum_db::library::resources::{self, CommentRow, Find, Found, Resource, ResourceRow, Source};
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::ResourceKind;
use lyceum_domain::library::resource::{
    self as rules, ResourceDetails, ResourceInput, check_comment, check_details, check_file,
    check_link, check_stars,
};
use lyceum_domain::policy::{Action, Actor, own_case};
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::{CourseId, OrgId, PracticeId, ResourceId};
use serde::Deserialize;

use crate::error::{Outcome, refused};

/// Resources a page lists.
pub const PER_PAGE: usize = 20;
pub fn href(id: ResourceId) -> String {
    format!("/resources/{}", id.0)
}

/// The organisations `actor` may add resources for: where they curate
/// (`Actor::curating_scopes`), as (id, name).
pub async fn owners(state: &AppState, actor: &Actor) -> Result<Vec<(i64, String)>, AppError> {
    let ids: Vec<i64> = actor
        .curating_scopes()
        .iter()
        .filter_map(|p| p.ids().last().map(|o| o.0))
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(state
        .db
        .read(move |c| resources::org_names(c, &ids))
        .await?)
}

/// Whether `actor` adds resources anywhere.
pub fn adds_anywhere(actor: &Actor) -> bool {
    !actor.curating_scopes().is_empty()
}

/// What the add and edit forms (and the API) send besides the details.
#[derive(Debug, Clone, Default)]
pub struct SourceInput {
    pub url: String,
    /// (name, bytes) of an uploaded file.
    pub file: Option<(String, Vec<u8>)>,
}

/// The link or file, checked: exactly one of them (`source` names the
/// error when neither or both). With `optional`, neither is "keep what it
/// has" (`None`).
fn source(errors: &mut Invalid, s: &SourceInput, optional: bool) -> Option<Source> {
    let link = check_link(errors, "url", &s.url);
    let file = s
        .file
        .as_ref()
        .and_then(|(n, b)| check_file(errors, "file", n, b));
    let url_given = !s.url.trim().is_empty();
    match (url_given, s.file.is_some()) {
        (true, true) => {
            errors.add("url", "resource-link-or-file");
            None
        }
        (false, false) if !optional => {
            errors.add("url", "resource-link-or-file");
            None
        }
        _ => link.map(Source::Link).or(file.map(Source::File)),
    }
}

fn parse_owner(errors: &mut Invalid, owner: &str) -> Option<OrgId> {
    match owner.trim().parse::<i64>() {
        Ok(id) => Some(OrgId(id)),
        Err(_) => {
            errors.add("org", "required");
            None
        }
    }
}

/// Adds a resource owned by `owner` (an organisation id as sent): refused
/// input by field, 403 when the person does not curate there.
pub async fn create(
    state: &AppState,
    user: &CurrentUser,
    owner: &str,
    input: &ResourceInput,
    src: &SourceInput,
) -> Outcome<ResourceId> {
    let mut errors = Invalid::new();
    let owner = parse_owner(&mut errors, owner);
    let details = check_details(&mut errors, input);
    let source = source(&mut errors, src, false);
    let (Some(owner), Some(details), Some(source), true) =
        (owner, details, source, errors.is_empty())
    else {
        return Ok(Err(errors));
    };
    let actor = user.actor.clone();
    let author = user.user.id();
    let now = state.clock.now();
    let r = state
        .db
        .write(move |c| {
            let path = lyceum_db::orgs::path_of(c, owner)?;
            match path {
                Some(p) if actor.can(Action::CurateLibrary, &p) => {}
                Some(_) => return Ok(Err(AppError::Forbidden)),
                None => return Err(DbError::Invalid(Invalid::one("org", "required"))),
            }
            resources::create(c, owner, author, &details, &source, now).map(Ok)
        })
        .await;
    match refused(r)? {
        Ok(Ok(id)) => Ok(Ok(id)),
        Ok(Err(e)) => Err(e),
        Err(invalid) => Ok(Err(invalid)),
    }
}

/// The details from a multipart form (subjects, grade bands and
/// competencies as boxes ticked: one part each).
pub fn input_from(form: &crate::forms::Upload) -> ResourceInput {
    let list = |name: &str| -> Vec<String> {
        form.parts()
            .iter()
            .filter(|p| p.name == name)
            .map(|p| String::from_utf8_lossy(&p.bytes).trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    ResourceInput {
        title: form.text("title"),
        description: form.text("description"),
        kind: form.text("kind"),
        licence: form.text("licence"),
        language: form.text("language"),
        subjects: list("subjects"),
        grade_bands: list("grade_bands"),
        competencies: list("competencies"),
        url: form.text("url"),
    }
}

/// A resource as the signed-in reader stands to it.
pub struct ResourceView {
    pub resource: Resource,
    /// May edit it: a curator at its owner (its author included).
    pub edits: bool,
    /// May feature it and hide comments: a curator at its owner, not its author.
    pub curates: bool,
    /// The reader's own rating.
    pub my_rating: Option<i32>,
}

/// The resource for `user` (404 when there is none).
pub async fn load(
    state: &AppState,
    user: &CurrentUser,
    id: ResourceId,
) -> Result<ResourceView, AppError> {
    let me = user.user.id();
    let (resource, my_rating) = state
        .db
        .read(move |c| {
            let r = resources::resource(c, id)?;
            let mine = resources::rating_of(c, id, me)?;
            Ok((r, mine))
        })
        .await?;
    let resource = resource.ok_or(AppError::NotFound)?;
    let actor = &user.actor;
    Ok(ResourceView {
        edits: actor.can(Action::CurateLibrary, &resource.owner),
        curates: actor.curates_practice(&resource.owner, resource.row.author_id),
        my_rating,
        resource,
    })
}

/// Changes a resource's details (and its link or file when one is sent).
pub async fn update(
    state: &AppState,
    user: &CurrentUser,
    id: ResourceId,
    input: &ResourceInput,
    src: &SourceInput,
) -> Outcome<()> {
    let view = load(state, user, id).await?;
    if !view.edits {
        return Err(AppError::Forbidden);
    }
    let mut errors = Invalid::new();
    let details = check_details(&mut errors, input);
    let source = source(&mut errors, src, true);
    let (Some(details), true) = (details, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    let editor = user.user.id();
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| resources::update(c, id, editor, &details, source.as_ref(), now))
            .await,
    )
}

/// The details as the edit form shows them.
pub fn input_of(r: &Resource) -> ResourceInput {
    ResourceInput {
        title: r.row.title.clone(),
        description: r.row.description.clone(),
        kind: r.row.kind.as_str().into(),
        licence: r.row.licence.as_str().into(),
        language: r.row.language.as_str().into(),
        subjects: r.subjects.clone(),
        grade_bands: r.grade_bands.clone(),
        competencies: r.competencies.clone(),
        url: r.row.url.clone().unwrap_or_default(),
    }
}

/// What to find, as the list's GET form and the API's query send it.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FindQuery {
    /// Words to search for.
    #[serde(default)]
    pub q: Option<String>,
    /// A resource kind: `lesson_plan`, `prompt_template`, `guidance`, `policy_template`.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub grade_band: Option<String>,
    /// A competency id of the framework.
    #[serde(default)]
    pub competency: Option<String>,
    /// `en`, `es`, or `any`; absent: the reader's language.
    #[serde(default)]
    pub language: Option<String>,
    /// The page, from 1.
    #[serde(default)]
    pub page: Option<u32>,
}

fn given(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "any")
        .map(str::to_string)
}

impl FindQuery {
    /// The language filtered on: the one asked for, "any" (None), or the
    /// reader's when none was asked.
    pub fn language(&self, reader: Lang) -> Option<Lang> {
        match self.language.as_deref().map(str::trim) {
            None => Some(reader),
            Some("any") | Some("") => None,
            Some(l) => Lang::parse(l),
        }
    }

    pub fn page(&self) -> u32 {
        self.page.unwrap_or(1).max(1)
    }

    /// The query string of this search with `key` set to `value` (or
    /// dropped for `None`) and the page back to 1.
    pub fn with(&self, key: &str, value: Option<&str>, reader: Lang) -> String {
        let lang = self
            .language(reader)
            .map_or("any".to_string(), |l| l.as_str().to_string());
        let mut pairs: Vec<(&str, String)> = vec![
            ("q", self.q.clone().unwrap_or_default()),
            ("kind", given(&self.kind).unwrap_or_default()),
            ("subject", given(&self.subject).unwrap_or_default()),
            ("grade_band", given(&self.grade_band).unwrap_or_default()),
            ("competency", given(&self.competency).unwrap_or_default()),
            ("language", lang),
        ];
        for p in pairs.iter_mut() {
            if p.0 == key {
                p.1 = value.unwrap_or("").to_string();
            }
        }
        if key == "language" && value.is_none() {
            for p in pairs.iter_mut().filter(|p| p.0 == "language") {
                p.1 = "any".into();
            }
        }
        let mut kept: Vec<(&str, String)> =
            pairs.into_iter().filter(|(_, v)| !v.is_empty()).collect();
        if key == "page"
            && let Some(p) = value
        {
            kept.push(("page", p.to_string()));
        }
        serde_html_form::to_string(&kept).unwrap_or_default()
    }
}

/// Finds resources for `reader` (everyone signed in reads every resource).
pub async fn find(state: &AppState, q: &FindQuery, reader: Lang) -> Result<Found, AppError> {
    let f = Find {
        words: q
            .q
            .as_deref()
            .map(lyceum_domain::search::words)
            .unwrap_or_default(),
        kind: given(&q.kind).and_then(|k| ResourceKind::parse(&k)),
        subject: given(&q.subject),
        grade_band: given(&q.grade_band),
        competency: given(&q.competency),
        language: q.language(reader),
    };
    let offset = (q.page() as usize - 1) * PER_PAGE;
    Ok(state
        .db
        .read(move |c| resources::find(c, &f, offset, PER_PAGE))
        .await?)
}

/// Sets the reader's rating (1–5; a second rating changes theirs). Never
/// its author's: refused on `stars` (`rating-own-resource`).
pub async fn rate(state: &AppState, user: &CurrentUser, id: ResourceId, stars: i64) -> Outcome<()> {
    let stars = match check_stars(stars) {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let me = user.user.id();
    let view = load(state, user, id).await?;
    if view.resource.row.author_id.is_some_and(|a| own_case(me, a)) {
        return Ok(Err(Invalid::one("stars", "rating-own-resource")));
    }
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| resources::rate(c, id, me, stars, now))
            .await,
    )
}

/// Adds the reader's comment (rate-limited as posts are: a handful in a
/// few minutes, the allowance claimed in the database with the comment).
pub async fn comment(
    state: &AppState,
    user: &CurrentUser,
    id: ResourceId,
    body: &str,
) -> Outcome<i64> {
    let body = match check_comment(body) {
        Ok(b) => b,
        Err(e) => return Ok(Err(e)),
    };
    let me = user.user.id();
    let now = state.clock.now();
    let r = state
        .db
        .write(move |c| resources::comment_limited(c, id, me, &body, now))
        .await;
    match refused(r)? {
        Ok(Ok(id)) => Ok(Ok(id)),
        Ok(Err(_)) => Err(AppError::RateLimited),
        Err(e) => Ok(Err(e)),
    }
}

/// The comments the reader sees (hidden ones too for its curators).
pub async fn comments(state: &AppState, view: &ResourceView) -> Result<Vec<CommentRow>, AppError> {
    let id = view.resource.row.id;
    let hidden = view.curates || view.edits;
    Ok(state
        .db
        .read(move |c| resources::comments(c, id, hidden))
        .await?)
}

/// Hides (or shows again) a comment: a curator at the owner.
pub async fn hide_comment(
    state: &AppState,
    user: &CurrentUser,
    id: ResourceId,
    comment: i64,
    hide: bool,
) -> Result<(), AppError> {
    let view = load(state, user, id).await?;
    if !view.curates {
        return Err(AppError::Forbidden);
    }
    let now = state.clock.now();
    let found = state
        .db
        .write(move |c| resources::hide_comment(c, id, comment, hide, now))
        .await?;
    if found {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Features (or stops featuring) a resource: a curator at its owner, never
/// of their own resource.
pub async fn feature(
    state: &AppState,
    user: &CurrentUser,
    id: ResourceId,
    on: bool,
) -> Result<(), AppError> {
    let view = load(state, user, id).await?;
    if !view.curates {
        return Err(AppError::Forbidden);
    }
    let by = on.then(|| user.user.id());
    let now = state.clock.now();
    Ok(state
        .db
        .write(move |c| resources::feature(c, id, by, now))
        .await?)
}

/// A linked resource as the partial `library/resources_linked.html` shows it.
pub struct Linked {
    pub href: String,
    pub title: String,
    /// The title's language, when it is not the reader's.
    pub lang: Option<&'static str>,
    /// The kind, as its label key (`resource-kind-…`).
    pub kind_key: String,
    pub id: i64,
}

/// `rows` for a reader of `reader`'s language.
pub fn linked(rows: Vec<ResourceRow>, reader: Lang) -> Vec<Linked> {
    rows.into_iter()
        .map(|r| Linked {
            href: href(r.id),
            lang: (r.language != reader).then(|| r.language.as_str()),
            kind_key: r.kind.label_key(),
            id: r.id.0,
            title: r.title,
        })
        .collect()
}

/// The resources linked from a course's lesson (for the lesson page).
pub async fn of_lesson(
    state: &AppState,
    course: CourseId,
    lesson: String,
    reader: Lang,
) -> Result<Vec<Linked>, AppError> {
    Ok(linked(
        state
            .db
            .read(move |c| resources::of_lesson(c, course, &lesson))
            .await?,
        reader,
    ))
}

/// The form that links or unlinks a resource.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct LinkForm {
    /// The resource's id.
    pub resource_id: String,
    /// `add` (default) or `remove`.
    pub action: String,
}

impl LinkForm {
    fn parse(&self) -> Result<(ResourceId, bool), Invalid> {
        let id = self
            .resource_id
            .trim()
            .trim_start_matches("/resources/")
            .parse::<i64>()
            .map_err(|_| Invalid::one("resource_id", "required"))?;
        Ok((ResourceId(id), self.action.trim() != "remove"))
    }
}

/// Links a resource from a practice: its author or a curator of it.
pub async fn link_practice(
    state: &AppState,
    user: &CurrentUser,
    practice: PracticeId,
    form: &LinkForm,
) -> Outcome<()> {
    let view = crate::library_access::load(state, user, practice).await?;
    if !(view.is_author || view.curates || view.curator_of_own) {
        return Err(AppError::Forbidden);
    }
    let (resource, add) = match form.parse() {
        Ok(v) => v,
        Err(e) => return Ok(Err(e)),
    };
    let r = state
        .db
        .write(move |c| {
            if resources::resource(c, resource)?.is_none() {
                return Err(DbError::Invalid(Invalid::one(
                    "resource_id",
                    "resource-unknown",
                )));
            }
            resources::link_practice(c, practice, resource, add)
        })
        .await;
    refused(r)
}

/// Links a resource from a course's lesson, as the course's editor does:
/// a course the reader does not see is not there for them (404, as its
/// pages; an enrolment keeps it), one they see but may not write is
/// refused (403); a lesson the course learners start now does not have is
/// refused on `lesson_key`. Removing asks nothing of the lesson, so a link
/// to a lesson a later version dropped can still go.
pub async fn link_lesson(
    state: &AppState,
    user: &CurrentUser,
    slug: String,
    lesson: String,
    form: &LinkForm,
) -> Outcome<()> {
    let actor = &user.actor;
    let me = actor.user_id;
    let (row, owner, enrolled) = state
        .db
        .read(move |c| {
            let Some(row) = lyceum_db::courses::by_slug(c, &slug)? else {
                return Ok(None);
            };
            let (_, owner, _) = lyceum_db::courses::owner(c, OrgId(row.org_id))?;
            let enrolled = lyceum_db::learning::enrolment(c, me, row.id)?.is_some();
            Ok(Some((row, owner, enrolled)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    if !enrolled && !crate::course_access::sees(state, Some(actor), &row).await? {
        return Err(AppError::NotFound);
    }
    if !actor.can(Action::WriteCourse, &owner) {
        return Err(AppError::Forbidden);
    }
    let (resource, add) = match form.parse() {
        Ok(v) => v,
        Err(e) => return Ok(Err(e)),
    };
    if add {
        let course = state
            .course_version(&row, row.version)
            .await?
            .ok_or(AppError::NotFound)?;
        if !course.lessons().any(|l| l.key == lesson) {
            return Ok(Err(Invalid(vec![
                FieldError::new("lesson_key", "lesson-unknown").with_arg("lesson", &lesson),
            ])));
        }
    }
    let course = row.id;
    let r = state
        .db
        .write(move |c| {
            if resources::resource(c, resource)?.is_none() {
                return Err(DbError::Invalid(Invalid::one(
                    "resource_id",
                    "resource-unknown",
                )));
            }
            resources::link_lesson(c, course, &lesson, resource, add)
        })
        .await;
    refused(r)
}

/// A resource's file as a download: the stored type, never shown inline.
pub async fn file(state: &AppState, id: ResourceId) -> Result<axum::response::Response, AppError> {
    let (name, media, bytes) = state
        .db
        .read(move |c| resources::file(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let mut r = crate::credit_actions::evidence_response(name, media, bytes)?;
    r.headers_mut().insert(
        axum::http::header::X_CONTENT_TYPE_OPTIONS,
        axum::http::HeaderValue::from_static("nosniff"),
    );
    Ok(r)
}

/// The size limit of an upload request: the file and the form around it.
pub const MAX_UPLOAD: usize = rules::MAX_RESOURCE_BYTES + 64 * 1024;

/// Checked details, re-exported for callers that only need the type.
pub type Details = ResourceDetails;
