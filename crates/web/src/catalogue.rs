//! The catalogue's search, for its page and the API alike: the query as
//! the form sends it, which filters it asks for (or which field is not one
//! of the choices), the courses found in their order, and pages of them.

use crate::catalogue_facets::{self as facets, ANY_LANGUAGE, FacetCounts};
use crate::context::Ctx;
use crate::course_access;
use crate::error::AppError;
use crate::state::AppState;
use lyceum_db::competencies::{self, Described};
use lyceum_db::course_listing;
use lyceum_db::courses::{self, Catalogue, CourseRow, Sort};
use lyceum_db::learning::Enrolment;
use lyceum_db::{credit, orgs};
use lyceum_domain::CourseId;
use lyceum_domain::course::{Course, Delivery};
use lyceum_domain::i18n::Lang;
use lyceum_domain::policy::Actor;
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::search::query_words;
use lyceum_domain::validation::Invalid;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use utoipa::IntoParams;

/// The catalogue's query string, as its form sends it (and its page links).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CatalogueQuery {
    /// Words to search titles, summaries and lessons for.
    #[serde(default)]
    pub q: String,
    /// A subject code, e.g. `math`.
    #[serde(default)]
    pub subject: String,
    /// `k-2`, `3-5`, `6-8` or `9-12`.
    #[serde(default)]
    pub grade_band: String,
    /// A competency id of the default framework.
    #[serde(default)]
    pub competency: String,
    /// `self-paced`, `cohort` or `blended`.
    #[serde(default)]
    pub delivery: String,
    /// `en`, `es`, or `any` for both (a course in two languages once);
    /// empty is the reader's language.
    #[serde(default)]
    pub language: String,
    /// `up-to-1`, `1-to-3`, `3-to-10` or `over-10` (PD hours).
    #[serde(default)]
    pub hours: String,
    /// `for-you` (best match for your language, subjects and grade bands:
    /// the default when signed in), `relevance` (the default otherwise),
    /// `newest` or `completed`.
    #[serde(default)]
    pub sort: String,
    /// 1-based; empty is the first.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub page: String,
}

/// Courses on one page of the catalogue.
pub const CATALOGUE_PAGE: usize = 24;

/// PD-hour ranges people filter by, in quarter hours.
pub const HOURS: &[(&str, u32, u32)] = &[
    ("up-to-1", 1, 4),
    ("1-to-3", 5, 12),
    ("3-to-10", 13, 40),
    ("over-10", 41, u32::MAX),
];
pub const SORTS: &[(&str, Sort)] = &[
    (FOR_YOU, Sort::Relevance),
    ("relevance", Sort::Relevance),
    ("newest", Sort::Newest),
    ("completed", Sort::MostCompleted),
];
/// The order that ranks by the reader's language, subjects and grade bands.
pub const FOR_YOU: &str = "for-you";
/// Words of a search that count.
const MAX_WORDS: usize = 6;

impl CatalogueQuery {
    /// The filters, or which of them is not one of the choices offered; no
    /// language asked is `lang`, the reader's, and `any` is none.
    pub fn filters(
        &self,
        competencies: &[(String, String)],
        lang: Lang,
    ) -> Result<Catalogue, Invalid> {
        let mut invalid = Invalid::new();
        fn pick<T>(
            invalid: &mut Invalid,
            field: &str,
            v: &str,
            parse: impl Fn(&str) -> Option<T>,
        ) -> Option<T> {
            if v.is_empty() {
                return None;
            }
            let found = parse(v);
            if found.is_none() {
                invalid.add(field, "choose-one");
            }
            found
        }
        let f = Catalogue {
            words: query_words(&self.q, MAX_WORDS),
            subject: pick(&mut invalid, "subject", &self.subject, Subject::parse),
            grade_band: pick(
                &mut invalid,
                "grade_band",
                &self.grade_band,
                GradeBand::parse,
            ),
            competency: pick(&mut invalid, "competency", &self.competency, |c| {
                competencies
                    .iter()
                    .any(|(id, _)| id == c)
                    .then(|| c.to_string())
            }),
            delivery: pick(&mut invalid, "delivery", &self.delivery, Delivery::parse),
            language: match self.language.as_str() {
                "" => Some(lang),
                ANY_LANGUAGE => None,
                asked => pick(&mut invalid, "language", asked, Lang::parse),
            },
            hours: pick(&mut invalid, "hours", &self.hours, |h| {
                HOURS
                    .iter()
                    .find(|(k, _, _)| *k == h)
                    .map(|(_, a, b)| (*a, *b))
            }),
            sort: pick(&mut invalid, "sort", &self.sort, |v| {
                SORTS.iter().find(|(k, _)| *k == v).map(|(_, s)| *s)
            })
            .unwrap_or_default(),
        };
        invalid.into_result()?;
        Ok(f)
    }

    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty()
            && [
                &self.subject,
                &self.grade_band,
                &self.competency,
                &self.delivery,
                &self.language,
                &self.hours,
            ]
            .iter()
            .all(|v| v.is_empty())
    }

    /// The order asked for, or the default: best match for a signed-in
    /// reader, else relevance.
    pub fn order(&self, signed_in: bool) -> &str {
        match self.sort.as_str() {
            "" if signed_in => FOR_YOU,
            "" => "relevance",
            asked => asked,
        }
    }

    /// The language shown: the one asked for, `any`, or `lang` (the reader's).
    pub fn shown_language(&self, lang: Lang) -> &str {
        match self.language.as_str() {
            "" => lang.as_str(),
            asked => asked,
        }
    }

    /// The page asked for, from 1 (400 for anything else).
    pub fn page_number(&self) -> Result<usize, AppError> {
        match self.page.trim() {
            "" => Ok(1),
            p => p
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| AppError::BadRequest("page: a page number, from 1".into())),
        }
    }
}

/// The default framework's competencies as (id, name in `lang`): the
/// choices of the competency filter.
pub async fn competency_choices(
    state: &AppState,
    lang: Lang,
) -> Result<Vec<(String, String)>, AppError> {
    Ok(state
        .db
        .read(move |c| crate::pages::named_competencies(c, lang))
        .await?)
}

/// Who reads the catalogue: their language, and — signed in — what they
/// teach and the courses they follow.
pub struct Reader {
    pub lang: Lang,
    pub known: course_listing::Reader,
}

/// The reader of a request (one statement when signed in, none otherwise).
pub async fn reader(state: &AppState, ctx: &Ctx) -> Result<Reader, AppError> {
    let known = match &ctx.user {
        Some(u) => {
            let id = u.user.id();
            state
                .db
                .read(move |c| course_listing::reader(c, id))
                .await?
        }
        None => course_listing::Reader::default(),
    };
    Ok(Reader {
        lang: ctx.lang,
        known,
    })
}

/// One page of what the filters find that `viewer` may see.
pub struct Found {
    /// The courses on the page asked for, in the asked order; one card per
    /// course in two languages — the one the reader follows, else the
    /// reader's language's — when both languages are shown.
    pub rows: Vec<CourseRow>,
    /// How many cards the filters find in all.
    pub total: usize,
    /// The other language of those on the page that have one (by id).
    pub others: HashMap<CourseId, CourseRow>,
    /// How many cards each facet value would find.
    pub counts: FacetCounts,
}

/// Page `at` (1-based) of the courses the filters find that `viewer` may
/// see, in the asked order (`for_you`: best match for `reader` first),
/// with the facets' counts. Lists without search words come from the
/// listing every server keeps ([`AppState::catalogue_listing`]); searches
/// and "most completed" ask the database which courses, in which order,
/// and the listing the rest. Twins of courses the reader follows are left
/// out, and translations paired, before counting and paging, so a page
/// never holds both languages of one course.
pub async fn find(
    state: &AppState,
    viewer: Option<Actor>,
    reader: &Reader,
    filters: Catalogue,
    for_you: bool,
    at: usize,
) -> Result<Found, AppError> {
    let listing = state.catalogue_listing().await?;
    let unfiltered = Catalogue {
        words: filters.words.clone(),
        sort: filters.sort,
        ..Catalogue::default()
    };
    let base: Vec<&course_listing::Listed> = if course_listing::serves(&unfiltered) {
        course_listing::find(&listing, viewer.as_ref(), &unfiltered)
    } else {
        let rows = state
            .db
            .read(move |c| courses::find(c, viewer.as_ref(), &unfiltered))
            .await?;
        // (A course published since the listing was read waits for the next.)
        rows.iter().filter_map(|r| listing.get(r.id)).collect()
    };
    let following: HashSet<CourseId> = reader.known.following.iter().copied().collect();
    let pairs = &listing.translations;
    let base = facets::without_twins_of_followed(base, pairs, &following);
    let counts = facets::count(&base, &filters, pairs);
    let mut found: Vec<&course_listing::Listed> = base
        .into_iter()
        .filter(|l| course_listing::matches(l, &filters))
        .collect();
    if filters.language.is_none() {
        found = facets::one_per_course(found, pairs, &following, reader.lang);
    }
    if for_you {
        facets::best_for(
            &mut found,
            reader.lang,
            &reader.known.subjects,
            &reader.known.grade_bands,
        );
    }
    let rows: Vec<CourseRow> = page_of(&found, at).iter().map(|l| l.row.clone()).collect();
    let others = rows
        .iter()
        .filter_map(|r| listing.translation(r.id).map(|o| (r.id, o.row.clone())))
        .collect();
    Ok(Found {
        rows,
        total: found.len(),
        others,
        counts,
    })
}

/// How many pages `found` courses fill (at least one).
pub fn pages(found: usize) -> usize {
    found.div_ceil(CATALOGUE_PAGE).max(1)
}

/// The courses on page `at` (1-based).
pub fn page_of<T>(rows: &[T], at: usize) -> &[T] {
    let start = (at - 1).saturating_mul(CATALOGUE_PAGE).min(rows.len());
    let end = start.saturating_add(CATALOGUE_PAGE).min(rows.len());
    &rows[start..end]
}

/// What a course's page says besides its content.
pub struct Details {
    /// The competencies it builds, named.
    pub described: Vec<Described>,
    /// Its prerequisites the reader may see (the others do not exist for them).
    pub prerequisites: Vec<CourseRow>,
    /// The code of the certificate its completion issued the reader.
    pub certificate: Option<String>,
    /// The organisation offering it, when it is not the programme.
    pub offered_by: Option<String>,
    /// The same course in its other language (one the reader may see).
    pub translation: Option<CourseRow>,
}

pub async fn details(
    state: &AppState,
    viewer: Option<Actor>,
    row: &CourseRow,
    course: &Course,
    enrolment: Option<&Enrolment>,
) -> Result<Details, AppError> {
    let (builds, prerequisites) = (course.builds.clone(), course.prerequisites.clone());
    let completed_by = viewer
        .as_ref()
        .map(|a| a.user_id)
        .filter(|_| enrolment.is_some_and(|e| e.completed_at.is_some()));
    let course_id = row.id;
    let offered_by = course_access::local_owner(state, row).await?;
    Ok(state
        .db
        .read(move |c| {
            let described = competencies::describe(c, &builds)?;
            let mut others = Vec::new();
            for p in &prerequisites {
                others.extend(courses::by_slug(c, p)?);
            }
            let translation = courses::translation(c, course_id)?;
            let ids: Vec<CourseId> = others.iter().chain(&translation).map(|o| o.id).collect();
            let seen = courses::seen_among(c, viewer.as_ref(), &ids)?;
            others.retain(|o| seen.contains(&o.id));
            let translation = translation.filter(|t| seen.contains(&t.id));
            let certificate = match completed_by {
                Some(u) => credit::for_course(c, u, course_id)?.map(|cert| cert.code),
                None => None,
            };
            let offered_by = match offered_by {
                Some(org) => orgs::by_id(c, org)?.map(|o| o.name),
                None => None,
            };
            Ok(Details {
                described,
                prerequisites: others,
                translation,
                certificate,
                offered_by,
            })
        })
        .await?)
}
