//! The practice library: resources — the list with its facets and search,
//! adding and editing, a resource's page (its file, ratings, comments,
//! featuring), and linking resources from practices and lessons.

use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{HtmlForm, HtmlQuery, Upload};
use crate::gate::Access::{Authors, SignedIn};
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::resource_actions::{self as actions, FindQuery, LinkForm, ResourceView, SourceInput};
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use lyceum_domain::library::resource::ResourceInput;
use lyceum_domain::library::{Licence, ResourceKind};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::validation::Invalid;
use lyceum_domain::{PracticeId, ResourceId};
use serde::Deserialize;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/resources", SignedIn, list)
        // Curators only (authors and programme admins: `Actor::authors`),
        // checked before an upload is read.
        .add(GET, "/resources/new", Authors, new_form)
        .add_upload(POST, "/resources/new", Authors, create, actions::MAX_UPLOAD)
        .add(GET, "/resources/{resource_id}", SignedIn, show)
        .add(GET, "/resources/{resource_id}/edit", SignedIn, edit_form)
        .add_upload(
            POST,
            "/resources/{resource_id}/edit",
            SignedIn,
            edit,
            actions::MAX_UPLOAD,
        )
        .add(GET, "/resources/{resource_id}/file", SignedIn, file)
        .add(POST, "/resources/{resource_id}/rating", SignedIn, rate)
        .add(POST, "/resources/{resource_id}/comments", SignedIn, comment)
        .add(
            POST,
            "/resources/{resource_id}/comments/{comment_id}/hide",
            SignedIn,
            hide_comment,
        )
        .add(POST, "/resources/{resource_id}/feature", SignedIn, feature)
        .add(
            POST,
            "/resources/{resource_id}/unfeature",
            SignedIn,
            unfeature,
        )
        .add(
            POST,
            "/practices/{practice_id}/resources",
            SignedIn,
            link_practice,
        )
        .add(
            POST,
            "/courses/{slug}/lessons/{lesson_key}/resources",
            SignedIn,
            link_lesson,
        )
}

fn see(to: &str) -> Response {
    Redirect::to(to).into_response()
}

// ---- The list ----

/// One resource in the list.
pub struct Card {
    pub href: String,
    pub title: String,
    pub description: String,
    pub kind: String,
    pub language: String,
    pub lang: &'static str,
    pub featured: bool,
    /// "4.3 (12 ratings)", or none yet.
    pub rating: String,
    pub is_file: bool,
}

/// One value of a facet: its label, how many, the link that picks it.
pub struct FacetValue {
    pub label: String,
    pub count: usize,
    pub href: String,
    pub chosen: bool,
}

/// A facet with its values, and the link back to "any".
pub struct Facet {
    pub legend: String,
    pub values: Vec<FacetValue>,
    pub any_href: String,
    pub any_chosen: bool,
}

#[derive(Template)]
#[template(path = "library/resources_list.html")]
pub struct ListPage {
    page: Page,
    errors: FormErrors,
    q: String,
    total: i64,
    cards: Vec<Card>,
    facets: Vec<Facet>,
    adds: bool,
    previous: Option<String>,
    next: Option<String>,
}

/// A competency by its name in the reader's language (`named`: the
/// framework's, from `catalogue::competency_choices`); its id only when
/// the framework no longer has it.
fn competency_name(named: &[(String, String)], id: &str) -> String {
    named
        .iter()
        .find(|(k, _)| k == id)
        .map_or_else(|| id.to_string(), |(_, name)| name.clone())
}

fn rating_words(page: &Page, sum: i64, count: i64) -> String {
    if count == 0 {
        return page.t("resource-no-ratings");
    }
    let tenths = (sum * 10 + count / 2) / count;
    page.tn1(
        "resource-rating",
        count,
        "stars",
        &format!("{}.{}", tenths / 10, tenths % 10),
    )
}

/// `GET /resources`
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<FindQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let found = actions::find(&state, &q, ctx.lang).await?;
    let named = crate::catalogue::competency_choices(&state, ctx.lang).await?;
    let page = Page::new(&ctx, "resources-title");
    let lang = ctx.lang;
    let chosen = |v: &Option<String>| v.as_deref().map(str::trim).unwrap_or("").to_string();
    let language = q.language(lang).map(|l| l.as_str().to_string());
    let mut facets = Vec::new();
    for (name, legend, current) in [
        ("kind", "resources-facet-kind", chosen(&q.kind)),
        ("subject", "resources-facet-subject", chosen(&q.subject)),
        (
            "grade_band",
            "resources-facet-grade-band",
            chosen(&q.grade_band),
        ),
        (
            "competency",
            "resources-facet-competency",
            chosen(&q.competency),
        ),
        (
            "language",
            "resources-facet-language",
            language.clone().unwrap_or_default(),
        ),
    ] {
        let counts = found.counts.get(name).cloned().unwrap_or_default();
        let mut values: Vec<FacetValue> = counts
            .into_iter()
            .map(|(code, count)| FacetValue {
                label: match name {
                    "kind" => page.label("resource-kind", &code),
                    "subject" => page.label("subject", &code),
                    "grade_band" => page.label("grade-band", &code),
                    "language" => page.label("lang", &code),
                    "competency" => competency_name(&named, &code),
                    _ => code.clone(),
                },
                count,
                href: format!("/resources?{}", q.with(name, Some(&code), lang)),
                chosen: current == code,
            })
            .collect();
        // The chosen value stays on offer with none found.
        if !current.is_empty() && current != "any" && !values.iter().any(|v| v.chosen) {
            values.push(FacetValue {
                label: match name {
                    "competency" => competency_name(&named, &current),
                    _ => current.clone(),
                },
                count: 0,
                href: format!("/resources?{}", q.with(name, Some(&current), lang)),
                chosen: true,
            });
        }
        facets.push(Facet {
            legend: page.t(legend),
            any_href: format!("/resources?{}", q.with(name, None, lang)),
            any_chosen: current.is_empty() || current == "any",
            values,
        });
    }
    let n = q.page();
    let more = found.total > n as usize * actions::PER_PAGE;
    let cards = found
        .items
        .into_iter()
        .map(|r| Card {
            href: actions::href(r.id),
            kind: page.label("resource-kind", r.kind.as_str()),
            language: page.label("lang", r.language.as_str()),
            lang: r.language.as_str(),
            featured: r.featured_at.is_some(),
            rating: rating_words(&page, r.rating_sum, r.rating_count),
            is_file: r.file_id.is_some(),
            description: r.description.chars().take(240).collect(),
            title: r.title,
        })
        .collect();
    let at = |p: u32| format!("/resources?{}", q.with("page", Some(&p.to_string()), lang));
    let view = ListPage {
        errors: FormErrors::none(),
        q: q.q.clone().unwrap_or_default(),
        total: found.total as i64,
        cards,
        facets,
        adds: actions::adds_anywhere(&user.actor),
        previous: (n > 1).then(|| at(n - 1)),
        next: more.then(|| at(n + 1)),
        page,
    };
    Ok(render(&view))
}

// ---- Adding and editing ----

#[derive(Template)]
#[template(path = "library/resources_form.html")]
pub struct FormPage {
    page: Page,
    errors: FormErrors,
    action: String,
    editing: bool,
    input: ResourceInput,
    owners: Vec<Choice>,
    kinds: Vec<Choice>,
    licences: Vec<Choice>,
    languages: Vec<Choice>,
    subjects: Vec<Choice>,
    grade_bands: Vec<Choice>,
    competencies: Vec<Choice>,
    current_file: Option<String>,
    max_mb: usize,
}

fn choices(page: &Page, prefix: &str, codes: &[&str], chosen: &[String]) -> Vec<Choice> {
    codes
        .iter()
        .map(|c| Choice {
            value: c.to_string(),
            label: page.label(prefix, c),
            selected: chosen.iter().any(|x| x == c),
        })
        .collect()
}

/// The form, its competencies chosen among the framework's `named` ones
/// (`catalogue::competency_choices`: id, name in the reader's language).
#[allow(clippy::too_many_arguments)]
fn form_page(
    ctx: &Ctx,
    action: String,
    editing: bool,
    input: ResourceInput,
    owner: &str,
    owners: Vec<(i64, String)>,
    current_file: Option<String>,
    named: Vec<(String, String)>,
    errors: FormErrors,
) -> FormPage {
    let page = Page::new(
        ctx,
        if editing {
            "resource-edit-title"
        } else {
            "resource-new-title"
        },
    )
    .with_errors(&errors);
    let kinds: Vec<&str> = ResourceKind::ALL.iter().map(|k| k.as_str()).collect();
    let licences: Vec<&str> = Licence::ALL.iter().map(|k| k.as_str()).collect();
    let subjects: Vec<&str> = Subject::ALL.iter().map(|k| k.as_str()).collect();
    let bands: Vec<&str> = GradeBand::ALL.iter().map(|k| k.as_str()).collect();
    let licence = if input.licence.is_empty() {
        Licence::CcBy.as_str().to_string()
    } else {
        input.licence.clone()
    };
    let language = if input.language.is_empty() {
        ctx.lang.as_str().to_string()
    } else {
        input.language.clone()
    };
    FormPage {
        kinds: choices(
            &page,
            "resource-kind",
            &kinds,
            std::slice::from_ref(&input.kind),
        ),
        licences: choices(&page, "licence", &licences, &[licence]),
        languages: choices(&page, "lang", &["en", "es"], &[language]),
        subjects: choices(&page, "subject", &subjects, &input.subjects),
        grade_bands: choices(&page, "grade-band", &bands, &input.grade_bands),
        competencies: named
            .into_iter()
            .map(|(id, name)| Choice {
                selected: input.competencies.contains(&id),
                value: id,
                label: name,
            })
            .collect(),
        owners: owners
            .into_iter()
            .map(|(id, name)| Choice {
                selected: owner == id.to_string(),
                value: id.to_string(),
                label: name,
            })
            .collect(),
        page,
        errors,
        action,
        editing,
        input,
        current_file,
        max_mb: lyceum_domain::library::resource::MAX_RESOURCE_BYTES / (1024 * 1024),
    }
}

/// `GET /resources/new`
pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let owners = actions::owners(&state, &user.actor).await?;
    if owners.is_empty() {
        return Err(AppError::Forbidden);
    }
    let first = owners[0].0.to_string();
    Ok(render(&form_page(
        &ctx,
        "/resources/new".into(),
        false,
        ResourceInput::default(),
        &first,
        owners,
        None,
        crate::catalogue::competency_choices(&state, ctx.lang).await?,
        FormErrors::none(),
    )))
}

/// `POST /resources/new` (multipart, with the file if any).
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Upload,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let owners = actions::owners(&state, &user.actor).await?;
    if owners.is_empty() {
        return Err(AppError::Forbidden);
    }
    let input = actions::input_from(&form);
    let owner = form.text("org");
    let src = SourceInput {
        url: input.url.clone(),
        file: form.file("file"),
    };
    match actions::create(&state, user, &owner, &input, &src).await? {
        Ok(id) => Ok(see(&actions::href(id))),
        Err(e) => Ok(render_invalid(&form_page(
            &ctx,
            "/resources/new".into(),
            false,
            input,
            &owner,
            owners,
            None,
            crate::catalogue::competency_choices(&state, ctx.lang).await?,
            FormErrors::from_invalid(&e, ctx.lang),
        ))),
    }
}

/// `GET /resources/{resource_id}/edit`
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let view = actions::load(&state, user, ResourceId(id)).await?;
    if !view.edits {
        return Err(AppError::Forbidden);
    }
    Ok(render(&form_page(
        &ctx,
        format!("/resources/{id}/edit"),
        true,
        actions::input_of(&view.resource),
        "",
        Vec::new(),
        view.resource.file.as_ref().map(|f| f.0.clone()),
        crate::catalogue::competency_choices(&state, ctx.lang).await?,
        FormErrors::none(),
    )))
}

/// `POST /resources/{resource_id}/edit` (multipart).
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: Upload,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let id = ResourceId(id);
    let input = actions::input_from(&form);
    let src = SourceInput {
        url: input.url.clone(),
        file: form.file("file"),
    };
    // Neither a link nor a file: it keeps what it has.
    match actions::update(&state, user, id, &input, &src).await? {
        Ok(()) => Ok(see(&actions::href(id))),
        Err(e) => {
            let view = actions::load(&state, user, id).await?;
            Ok(render_invalid(&form_page(
                &ctx,
                format!("/resources/{}/edit", id.0),
                true,
                input,
                "",
                Vec::new(),
                view.resource.file.as_ref().map(|f| f.0.clone()),
                crate::catalogue::competency_choices(&state, ctx.lang).await?,
                FormErrors::from_invalid(&e, ctx.lang),
            )))
        }
    }
}

// ---- A resource's page ----

pub struct CommentView {
    pub id: i64,
    pub author: String,
    pub when: String,
    pub html: String,
    pub hidden: bool,
}

#[derive(Template)]
#[template(path = "library/resources_show.html")]
pub struct ShowPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    title: String,
    description_html: String,
    kind: String,
    owner: String,
    author: String,
    licence: String,
    licence_url: &'static str,
    language: String,
    lang: &'static str,
    url: Option<String>,
    /// (name, type, size words) of its file.
    file: Option<(String, String)>,
    facets: Vec<String>,
    rating: String,
    /// (stars, label, the reader's own).
    stars: Vec<(i64, String, bool)>,
    featured: bool,
    edits: bool,
    curates: bool,
    /// The reader may rate it: anyone but its author.
    rates: bool,
    comments: Vec<CommentView>,
    body: String,
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    view: ResourceView,
    errors: FormErrors,
    body: String,
) -> Result<ShowPage, AppError> {
    let comments = actions::comments(state, &view).await?;
    let named = crate::catalogue::competency_choices(state, ctx.lang).await?;
    let r = view.resource;
    let page = Page::new(ctx, "resource-title")
        .with_title(&r.row.title)
        .with_errors(&errors);
    let mut facets: Vec<String> = Vec::new();
    facets.extend(r.subjects.iter().map(|s| page.label("subject", s)));
    facets.extend(r.grade_bands.iter().map(|s| page.label("grade-band", s)));
    facets.extend(r.competencies.iter().map(|c| competency_name(&named, c)));
    Ok(ShowPage {
        id: r.row.id.0,
        description_html: crate::markdown::to_html(&r.row.description),
        kind: page.label("resource-kind", r.row.kind.as_str()),
        owner: r.owner_name.clone(),
        author: r.author_name.clone().unwrap_or_default(),
        licence: page.label("licence", r.row.licence.as_str()),
        licence_url: r.row.licence.url(),
        language: page.label("lang", r.row.language.as_str()),
        lang: r.row.language.as_str(),
        url: r.row.url.clone(),
        file: r.file.as_ref().map(|(name, media, size)| {
            let kind = lyceum_domain::library::resource::FileType::from_media_type(media)
                .map_or("", |t| t.short_name());
            let kb = (size + 1023) / 1024;
            (name.clone(), format!("{kind}, {kb} KB"))
        }),
        facets,
        rating: rating_words(&page, r.row.rating_sum, r.row.rating_count),
        stars: (1..=5)
            .map(|n| {
                (
                    n,
                    page.tn("resource-stars", n),
                    view.my_rating == Some(n as i32),
                )
            })
            .collect(),
        featured: r.row.featured_at.is_some(),
        edits: view.edits,
        curates: view.curates,
        rates: r
            .row
            .author_id
            .is_none_or(|a| ctx.user.as_ref().is_none_or(|u| u.user.id() != a)),
        comments: comments
            .into_iter()
            .map(|c| CommentView {
                id: c.id,
                author: c
                    .author_name
                    .unwrap_or_else(|| page.t("resource-comment-gone")),
                when: page.datetime(&c.created_at),
                html: crate::markdown::to_html(&c.body),
                hidden: c.hidden_at.is_some(),
            })
            .collect(),
        title: r.row.title,
        page,
        errors,
        body,
    })
}

/// `GET /resources/{resource_id}`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let view = actions::load(&state, user, ResourceId(id)).await?;
    Ok(render(
        &show_page(&state, &ctx, view, FormErrors::none(), String::new()).await?,
    ))
}

/// `GET /resources/{resource_id}/file`: always a download.
pub async fn file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    ctx.require_user()?;
    actions::file(&state, ResourceId(id)).await
}

#[derive(Debug, Default, Deserialize)]
pub struct RatingForm {
    #[serde(default)]
    stars: String,
}

async fn refused_here(
    state: &AppState,
    ctx: &Ctx,
    id: ResourceId,
    e: &Invalid,
    body: String,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let view = actions::load(state, user, id).await?;
    let errors = FormErrors::from_invalid(e, ctx.lang);
    Ok(render_invalid(
        &show_page(state, ctx, view, errors, body).await?,
    ))
}

/// `POST /resources/{resource_id}/rating`
pub async fn rate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(f): HtmlForm<RatingForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let id = ResourceId(id);
    let stars = f.stars.trim().parse::<i64>().unwrap_or(0);
    match actions::rate(&state, user, id, stars).await? {
        Ok(()) => Ok(see(&format!("{}#rating", actions::href(id)))),
        Err(e) => refused_here(&state, &ctx, id, &e, String::new()).await,
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    body: String,
}

/// `POST /resources/{resource_id}/comments`
pub async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(f): HtmlForm<CommentForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let id = ResourceId(id);
    match actions::comment(&state, user, id, &f.body).await? {
        Ok(c) => Ok(see(&format!("{}#comment-{c}", actions::href(id)))),
        Err(e) => refused_here(&state, &ctx, id, &e, f.body).await,
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct HideForm {
    /// `show` shows a hidden comment again.
    #[serde(default)]
    action: String,
}

/// `POST /resources/{resource_id}/comments/{comment_id}/hide`
pub async fn hide_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, comment)): Path<(i64, i64)>,
    HtmlForm(f): HtmlForm<HideForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let id = ResourceId(id);
    actions::hide_comment(&state, user, id, comment, f.action != "show").await?;
    Ok(see(&format!("{}#comments", actions::href(id))))
}

/// `POST /resources/{resource_id}/feature`
pub async fn feature(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let id = ResourceId(id);
    actions::feature(&state, ctx.require_user()?, id, true).await?;
    Ok(see(&actions::href(id)))
}

/// `POST /resources/{resource_id}/unfeature`
pub async fn unfeature(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let id = ResourceId(id);
    actions::feature(&state, ctx.require_user()?, id, false).await?;
    Ok(see(&actions::href(id)))
}

// ---- Links from practices and lessons ----

/// `POST /practices/{practice_id}/resources`: back to the practice's page.
pub async fn link_practice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(f): HtmlForm<LinkForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match actions::link_practice(&state, user, PracticeId(id), &f).await? {
        Ok(()) => Ok(see(&format!("/practices/{id}#resources"))),
        Err(e) => Err(AppError::Invalid(e)),
    }
}

/// `POST /courses/{slug}/lessons/{lesson_key}/resources`: back to the lesson.
pub async fn link_lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, lesson)): Path<(String, String)>,
    HtmlForm(f): HtmlForm<LinkForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let to = format!("/courses/{slug}/lessons/{lesson}#resources");
    match actions::link_lesson(&state, user, slug, lesson, &f).await? {
        Ok(()) => Ok(see(&to)),
        Err(e) => Err(AppError::Invalid(e)),
    }
}
