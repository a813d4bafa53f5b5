//! The practice library: browse and search (`GET /practices`). A plain GET
//! form (facets in a `<details>` a phone opens), the counts beside each
//! value, pages of 20; with htmx, the form swaps only the list.

use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::gate::Access::SignedIn;
use crate::library_browse::{self as lb, ANY_LANGUAGE, BrowseQuery, Facet, SORTS, TIERS};
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::routes::{GET, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::library::browse::{Browse, FacetCounts, Listed};
use lyceum_domain::i18n::Lang;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/practices", SignedIn, list)
}

/// One practice as a card.
pub struct Card {
    pub href: String,
    pub title: String,
    /// The summary, or with words searched an extract with them marked
    /// (safe HTML from `highlight::snippet`).
    pub extract: String,
    pub marked: bool,
    /// Its language, when not the page's.
    pub lang: Option<&'static str>,
    /// Subjects and grade bands, in words.
    pub facets: String,
    /// The confirmed tier, or "not yet rated".
    pub tier: String,
    /// Lyceum's proposal, when it differs from the confirmed tier.
    pub proposed: Option<String>,
    pub tried: String,
}

/// The card of `l` for `page` (`words`: the search's, to mark).
pub fn card(page: &Page, l: &Listed, words: &[String]) -> Card {
    let mut facets: Vec<String> = l
        .subjects
        .iter()
        .map(|s| page.label("subject", s))
        .collect();
    facets.extend(l.grade_bands.iter().map(|g| page.label("grade-band", g)));
    let (extract, marked) = if words.is_empty() {
        (l.summary.clone(), false)
    } else {
        (
            crate::highlight::snippet(&format!("{}\n\n{}", l.summary, l.goal), words),
            true,
        )
    };
    Card {
        href: format!("/practices/{}", l.id.0),
        title: l.title.clone(),
        extract,
        marked,
        lang: Lang::parse(&l.language)
            .filter(|x| *x != page.lang)
            .map(|x| x.as_str()),
        facets: facets.join(" · "),
        tier: match l.tier {
            Some(t) => page.label("essa-tier", &t.to_string()),
            None => page.t("library-browse-not-rated"),
        },
        proposed: l.proposed_tier.filter(|p| Some(*p) != l.tier).map(|p| {
            page.t1(
                "library-browse-proposed",
                "tier",
                &page.label("essa-tier", &p.to_string()),
            )
        }),
        tried: page.tn("library-browse-tried", i64::from(l.trials)),
    }
}

pub struct Pages {
    pub at: usize,
    pub of: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
}

pub struct LanguagesShown {
    pub text: String,
    pub href: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "library/browse_list.html")]
pub struct BrowsePage {
    page: Page,
    errors: FormErrors,
    q: String,
    subjects: Vec<Choice>,
    grade_bands: Vec<Choice>,
    competencies: Vec<Choice>,
    tiers: Vec<Choice>,
    languages: Vec<Choice>,
    sorts: Vec<Choice>,
    languages_shown: LanguagesShown,
    cards: Vec<Card>,
    found: i64,
    searched: bool,
    filtered: bool,
    pages: Option<Pages>,
    /// The reader curates somewhere: the queues are linked.
    curates: bool,
}

/// `choices` with their counts: those finding none left out, unless chosen.
fn counted(choices: Vec<Choice>, facet: Facet, counts: &FacetCounts) -> Vec<Choice> {
    choices
        .into_iter()
        .filter_map(|c| {
            let n = counts.get(facet, &c.value);
            (n > 0 || c.selected).then(|| Choice {
                label: format!("{} ({n})", c.label),
                ..c
            })
        })
        .collect()
}

fn languages_shown(page: &Page, query: &BrowseQuery, lang: Lang) -> LanguagesShown {
    match Lang::parse(query.shown_language(lang)) {
        Some(one) => {
            let other = Lang::ALL.iter().copied().find(|l| *l != one).unwrap_or(one);
            LanguagesShown {
                text: page.t1(
                    "library-browse-showing-language",
                    "language",
                    &page.label("lang", one.as_str()),
                ),
                href: BrowseQuery {
                    language: ANY_LANGUAGE.into(),
                    ..query.clone()
                }
                .href("/practices", 1),
                label: page.t1(
                    "library-browse-show-too",
                    "language",
                    &page.label("lang", other.as_str()),
                ),
            }
        }
        None => LanguagesShown {
            text: page.t("library-browse-showing-every-language"),
            href: BrowseQuery {
                language: String::new(),
                ..query.clone()
            }
            .href("/practices", 1),
            label: page.t1(
                "library-browse-show-only",
                "language",
                &page.label("lang", lang.as_str()),
            ),
        },
    }
}

/// `GET /practices`: published practices, newest first, or those the words
/// and filters find. A value that is not one of its filter's choices is
/// refused, naming the field (422, as the catalogue), with the whole
/// library listed under the form.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(query): HtmlQuery<BrowseQuery>,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let competency_list = crate::catalogue::competency_choices(&state, lang).await?;
    let (filters, errors) = match query.filters(&competency_list, lang) {
        Ok(f) => (f, FormErrors::none()),
        Err(invalid) => (
            Browse {
                language: Some(lang),
                ..Browse::default()
            },
            FormErrors::from_invalid(&invalid, lang),
        ),
    };
    let at = query.page_number()?;
    let words = filters.words.clone();
    let found = lb::find(&state, filters, at).await?;
    let of = lb::pages(found.total);
    let pages = (of > 1).then(|| Pages {
        at,
        of,
        previous: (at > 1).then(|| query.href("/practices", at - 1)),
        next: (at < of).then(|| query.href("/practices", at + 1)),
    });
    let page = Page::new(&ctx, "library-browse-title").with_errors(&errors);
    let counts = &found.counts;
    let list =
        |prefix: &str, all: Vec<&str>, asked: &str| Choice::list(&page, prefix, all, &[asked]);
    let view = BrowsePage {
        subjects: counted(
            Choice::subjects(&page, &query.subject),
            Facet::Subject,
            counts,
        ),
        grade_bands: counted(
            Choice::grade_bands(&page, &query.grade_band),
            Facet::GradeBand,
            counts,
        ),
        competencies: counted(
            Choice::named(&competency_list, &query.competency),
            Facet::Competency,
            counts,
        ),
        tiers: counted(
            list("library-browse-tier", TIERS.to_vec(), &query.tier),
            Facet::Tier,
            counts,
        ),
        languages: counted(
            list(
                "lang",
                std::iter::once(ANY_LANGUAGE)
                    .chain(Lang::ALL.iter().map(|l| l.as_str()))
                    .collect(),
                query.shown_language(lang),
            ),
            Facet::Language,
            counts,
        ),
        sorts: list(
            "library-browse-sort",
            SORTS.iter().map(|(k, _)| *k).collect(),
            query.order(),
        ),
        languages_shown: languages_shown(&page, &query, lang),
        cards: found.practices().map(|l| card(&page, l, &words)).collect(),
        found: i64::try_from(found.total).unwrap_or(i64::MAX),
        searched: query.searched(),
        filtered: !errors.is_empty() || query.searched(),
        pages,
        curates: ctx
            .user
            .as_ref()
            .is_some_and(|u| !u.actor.curating_scopes().is_empty()),
        q: query.q.clone(),
        errors,
        page,
    };
    Ok(if view.errors.is_empty() {
        render(&view)
    } else {
        render_invalid(&view)
    })
}
