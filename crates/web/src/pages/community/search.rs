//! `GET /spaces/search`: posts in the spaces a person may read, by words,
//! author, space, tags and date.

use super::topic_path;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::page::{FormErrors, Page, render};
use crate::pages::Choice;
use crate::spaces::{readable, visibility};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::community::{self, Space};
use lyceum_domain::UserId;
use lyceum_domain::validation::Invalid;
use serde::Deserialize;

pub struct ResultView {
    pub href: String,
    pub topic_title: String,
    pub space_title: String,
    pub author: String,
    pub posted_on: String,
    /// Safe HTML from `highlight::snippet`.
    pub snippet: String,
}

#[derive(Template)]
#[template(path = "spaces_search.html")]
pub struct SearchPage {
    page: Page,
    errors: FormErrors,
    q: String,
    subjects: Vec<Choice>,
    grade_bands: Vec<Choice>,
    competencies: Vec<Choice>,
    since: String,
    /// Narrowed to one space: (its title, the same search everywhere).
    within: Option<Narrowed>,
    /// Narrowed to one person's posts: (their name, the same search by anyone).
    by: Option<Narrowed>,
    /// The space or person narrowed to, kept by the form.
    space: String,
    author: String,
    results: Vec<ResultView>,
    searched: bool,
    more: Option<String>,
}

/// A narrowing of a search the form keeps, with a link to drop it.
pub struct Narrowed {
    /// The space's title or the person's name (None: a person with no post
    /// this reader may see, whose name is not shown).
    label: Option<String>,
    without: String,
}

#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
    /// A space's id, or empty for every space one may read.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    space: String,
    /// A person's id: only their posts (words may then be left out).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    author: String,
    /// Only posts older than this one (the next page).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    before: String,
    /// Only topics tagged with this subject, or grade band.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    subject: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    grade_band: String,
    /// Only topics tagged with this competency (its id).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    competency: String,
    /// Only posts from this day on (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    since: String,
}

/// Results on one page.
const RESULTS: usize = 20;

/// The search page's address for `q`.
fn search_href(q: &SearchQuery) -> String {
    format!(
        "/spaces/search?{}",
        serde_html_form::to_string(q).unwrap_or_default()
    )
}

/// `GET /spaces/search?q=&space=&author=&before=`: posts in the spaces
/// this person may read, newest first, the words they matched marked.
pub async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(query): HtmlQuery<SearchQuery>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let not_readable = || AppError::BadRequest("space: not a space you can read".into());
    let space = match query.space.trim() {
        "" => None,
        s => match readable(&state, me, s.parse().map_err(|_| not_readable())?).await {
            Ok(space) => Some(space),
            Err(AppError::NotFound) => return Err(not_readable()),
            Err(e) => return Err(e),
        },
    };
    let author = match query.author.trim() {
        "" => None,
        a => Some(UserId(a.parse::<i64>().map_err(|_| {
            AppError::BadRequest("author: not a person".into())
        })?)),
    };
    let before = match query.before.trim() {
        "" => None,
        b => Some(
            b.parse::<i64>()
                .map_err(|_| AppError::BadRequest("before: not a post".into()))?,
        ),
    };
    let mut invalid = Invalid::new();
    // Every tag asked for narrows (a subject and a grade band: both).
    let mut tags = Vec::new();
    if !query.subject.trim().is_empty() {
        match lyceum_domain::profile::Subject::parse(query.subject.trim()) {
            Some(s) => tags.push(lyceum_domain::community::tag("subject", s.as_str())),
            None => invalid.add("subject", "choose-one"),
        }
    }
    if !query.grade_band.trim().is_empty() {
        match lyceum_domain::profile::GradeBand::parse(query.grade_band.trim()) {
            Some(g) => tags.push(lyceum_domain::community::tag("grade-band", g.as_str())),
            None => invalid.add("grade_band", "choose-one"),
        }
    }
    let lang = ctx.lang;
    let competencies = state
        .db
        .read(move |c| crate::pages::named_competencies(c, lang))
        .await?;
    match query.competency.trim() {
        "" => {}
        c if competencies.iter().any(|(id, _)| id == c) => {
            tags.push(lyceum_domain::community::tag("competency", c))
        }
        _ => invalid.add("competency", "choose-one"),
    }
    let since = match query.since.trim() {
        "" => None,
        d => match lyceum_domain::time::Date::parse(d) {
            // From the start of that day on the reader's calendar.
            Some(d) => Some(d.start_in(&ctx.zone())),
            None => {
                invalid.add("since", "date-invalid");
                None
            }
        },
    };
    let errors = FormErrors::from_invalid(&invalid, ctx.lang);
    let words = if invalid.is_empty() {
        lyceum_domain::search::query_words(&query.q, 8)
    } else {
        Vec::new()
    };
    let page = Page::new(&ctx, "spaces-search-title").with_errors(&errors);
    let searched = !words.is_empty() || (author.is_some() && invalid.is_empty());
    let found = if searched {
        let w = words.clone();
        let actor = me.actor.clone();
        let f = community::SearchFilters {
            before,
            tags,
            since,
            author,
            space: space.as_ref().map(|s| s.row.id),
        };
        state
            .db
            .read(move |c| {
                let may_read = |s: &Space| actor.reads_space(&s.path, visibility(s));
                community::search(c, &w, &may_read, &f, RESULTS + 1)
            })
            .await?
    } else {
        Vec::new()
    };
    let more = (found.len() > RESULTS).then(|| {
        search_href(&SearchQuery {
            before: found[RESULTS - 1].post.id.to_string(),
            ..query.clone()
        })
    });
    let within = space.map(|s| Narrowed {
        label: Some(s.row.title),
        without: search_href(&SearchQuery {
            space: String::new(),
            before: String::new(),
            ..query.clone()
        }),
    });
    let by = author.map(|a| Narrowed {
        // Named only by a post this reader may see.
        label: found
            .iter()
            .find(|f| f.post.author_id == a.0)
            .map(|f| f.author.clone()),
        without: search_href(&SearchQuery {
            author: String::new(),
            before: String::new(),
            ..query.clone()
        }),
    });
    let subjects = Choice::subjects(&page, &query.subject);
    let grade_bands = Choice::grade_bands(&page, &query.grade_band);
    let competencies = Choice::named(&competencies, &query.competency);
    let status = if invalid.is_empty() { 200 } else { 422 };
    let mut r = render(&SearchPage {
        subjects,
        grade_bands,
        competencies,
        since: query.since.clone(),
        results: found
            .into_iter()
            .take(RESULTS)
            .map(|f| ResultView {
                href: format!("{}#post-{}", topic_path(f.topic_id), f.post.id),
                space_title: f.space.row.title,
                snippet: crate::highlight::snippet(&f.post.body, &words),
                posted_on: crate::pages::credit::date(f.post.created_at, &ctx.zone()),
                topic_title: f.topic_title,
                author: f.author,
            })
            .collect(),
        searched,
        errors,
        within,
        by,
        space: query.space,
        author: query.author,
        q: query.q,
        more,
        page,
    });
    if status == 422 {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}
