//! The catalogue's search, for its page and the API alike: the query as
//! the form sends it, which filters it asks for (or which field is not one
//! of the choices), the courses found in their order, and pages of them.

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
    /// `en` or `es`.
    #[serde(default)]
    pub language: String,
    /// `up-to-1`, `1-to-3`, `3-to-10` or `over-10` (PD hours).
    #[serde(default)]
    pub hours: String,
    /// `relevance` (the default), `newest` or `completed`.
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
    ("relevance", Sort::Relevance),
    ("newest", Sort::Newest),
    ("completed", Sort::MostCompleted),
];
/// Words of a search that count.
const MAX_WORDS: usize = 6;

impl CatalogueQuery {
    /// The filters, or which of them is not one of the choices offered.
    pub fn filters(&self, competencies: &[(String, String)]) -> Result<Catalogue, Invalid> {
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
            language: pick(&mut invalid, "language", &self.language, Lang::parse),
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

/// One page of what the filters find that `viewer` may see.
pub struct Found {
    /// The courses on the page asked for, in the asked order; one card per
    /// course in two languages — the viewer's language's, else the other —
    /// unless a language was asked for.
    pub rows: Vec<CourseRow>,
    /// How many cards the filters find in all.
    pub total: usize,
    /// The other language of those that have one (by id).
    pub others: std::collections::HashMap<CourseId, CourseRow>,
}

/// Page `at` (1-based) of the courses the filters find that `viewer` may
/// see, in the asked order. Lists without search words come from the
/// listing every server keeps ([`AppState::catalogue_listing`]); searches
/// and "most completed" from the database. Translations are paired before
/// paging, so a page never holds both languages of one course.
pub async fn find(
    state: &AppState,
    viewer: Option<Actor>,
    filters: Catalogue,
    lang: Lang,
    at: usize,
) -> Result<Found, AppError> {
    if course_listing::serves(&filters) {
        let listing = state.catalogue_listing().await?;
        let all: Vec<&CourseRow> = course_listing::find(&listing, viewer.as_ref(), &filters)
            .into_iter()
            .map(|l| &l.row)
            .collect();
        return paired(state, all, filters.language.is_some(), lang, at).await;
    }
    let language_asked = filters.language.is_some();
    let all = state
        .db
        .read(move |c| courses::find(c, viewer.as_ref(), &filters))
        .await?;
    paired(state, all, language_asked, lang, at).await
}

/// Page `at` of `all` with translations paired first (one card per course
/// in two languages, unless a language was asked for); only the page's
/// rows are copied, as the listing's rows are borrowed.
async fn paired<R: std::borrow::Borrow<CourseRow>>(
    state: &AppState,
    all: Vec<R>,
    language_asked: bool,
    lang: Lang,
    at: usize,
) -> Result<Found, AppError> {
    let ids: Vec<CourseId> = all.iter().map(|r| r.borrow().id).collect();
    let others = state
        .db
        .read(move |c| courses::translations_of(c, &ids))
        .await?;
    let all = if language_asked {
        all
    } else {
        courses::one_per_translation(all, &others, lang)
    };
    Ok(Found {
        rows: page_of(&all, at)
            .iter()
            .map(|r| r.borrow().clone())
            .collect(),
        total: all.len(),
        others,
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
