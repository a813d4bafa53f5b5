//! `GET /spaces/search`: posts in the spaces a person may read, by words,
//! author, space, tags and date.

use super::topic_path;
use crate::community_actions::{PostSearch, Searched, search_posts};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::page::{FormErrors, Page, render};
use crate::pages::Choice;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;

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

/// The search page's address for `q`.
fn search_href(q: &PostSearch) -> String {
    format!(
        "/spaces/search?{}",
        serde_html_form::to_string(q).unwrap_or_default()
    )
}

/// `GET /spaces/search?q=&space=&author=&before=`: posts in the spaces
/// this person may read, newest first, the words they matched marked
/// (`community_actions::search_posts`, as the API searches).
pub async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(query): HtmlQuery<PostSearch>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let Searched {
        found,
        words,
        next,
        space,
        author,
        invalid,
        searched,
        competencies,
    } = search_posts(&state, me, ctx.lang, &query).await?;
    let errors = FormErrors::from_invalid(&invalid, ctx.lang);
    let page = Page::new(&ctx, "spaces-search-title").with_errors(&errors);
    let more = next.map(|before| {
        search_href(&PostSearch {
            before: before.to_string(),
            ..query.clone()
        })
    });
    let within = space.map(|s| Narrowed {
        label: Some(s.row.title),
        without: search_href(&PostSearch {
            space: String::new(),
            before: String::new(),
            ..query.clone()
        }),
    });
    let by = author.map(|a| Narrowed {
        // Named only by a post this reader may see.
        label: found
            .iter()
            .find(|f| f.post.author_id == a)
            .map(|f| f.author.clone()),
        without: search_href(&PostSearch {
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
