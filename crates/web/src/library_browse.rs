//! Browsing the library — the query string (facets, words, order, page),
//! the list with facet counts — shared by `pages/library/browse.rs` and
//! `api/library/browse.rs`.
//!
//! Lists come from the listing every server keeps in memory
//! ([`listing`]: one read of the library's version a request). Unsearched,
//! unfiltered lists (the first page everyone opens) are counted once a
//! version ([`lyceum_db::library::browse::Listing::memo`]); a search asks
//! the database which practices its words find, and filters and counts
//! those in memory. Pages are offsets into the list in memory: slicing is
//! free there, and an offset page keeps its number in the address (a
//! keyset would only pay for itself if each page were a query).

use crate::error::AppError;
use crate::state::AppState;
use lyceum_db::library::browse::{self, Browse, FacetCounts, Listed, Listing, Sort};
use lyceum_domain::i18n::Lang;
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::search::query_words;
use lyceum_domain::validation::Invalid;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;
use utoipa::IntoParams;

pub use browse::{ANY_LANGUAGE, Facet, NOT_RATED};

/// Practices on one page.
pub const PAGE: usize = 20;
/// Words of a search that count.
const MAX_WORDS: usize = 6;

/// The orders offered, by their query value.
pub const SORTS: &[(&str, Sort)] = &[
    ("newest", Sort::Newest),
    ("trials", Sort::Trials),
    ("title", Sort::Title),
    ("relevance", Sort::Relevance),
];
/// The tier facet's values: the four tiers, and not yet rated.
pub const TIERS: &[&str] = &["1", "2", "3", "4", NOT_RATED];

/// The library's query string, as its form sends it (and its page links).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BrowseQuery {
    /// Words to search titles, summaries, goals, tools, steps and notes
    /// for (each the start of a word; accents folded).
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
    /// The evidence tier a curator confirmed: `1`–`4`, or `none` for
    /// practices not yet rated.
    #[serde(default)]
    pub tier: String,
    /// `en`, `es`, or `any` for both; empty is the reader's language.
    #[serde(default)]
    pub language: String,
    /// `newest` (the default without words), `trials` (most tried),
    /// `title`, or `relevance` (the default with words).
    #[serde(default)]
    pub sort: String,
    /// 1-based; empty is the first.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub page: String,
}

impl BrowseQuery {
    /// The filters, or which of them is not one of the choices offered; no
    /// language asked is `lang`, the reader's, and `any` is none.
    pub fn filters(
        &self,
        competencies: &[(String, String)],
        lang: Lang,
    ) -> Result<Browse, Invalid> {
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
        let words = query_words(&self.q, MAX_WORDS);
        let sort = pick(&mut invalid, "sort", &self.sort, |v| {
            SORTS.iter().find(|(k, _)| *k == v).map(|(_, s)| *s)
        })
        .unwrap_or(if words.is_empty() {
            Sort::Newest
        } else {
            Sort::Relevance
        });
        let f = Browse {
            words,
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
            tier: pick(&mut invalid, "tier", &self.tier, |t| match t {
                NOT_RATED => Some(None),
                "1" | "2" | "3" | "4" => t.parse().ok().map(Some),
                _ => None,
            }),
            language: match self.language.as_str() {
                "" => Some(lang),
                ANY_LANGUAGE => None,
                asked => pick(&mut invalid, "language", asked, Lang::parse),
            },
            sort,
        };
        invalid.into_result()?;
        Ok(f)
    }

    /// Words or a facet asked (the language aside).
    pub fn searched(&self) -> bool {
        !self.q.trim().is_empty()
            || [
                &self.subject,
                &self.grade_band,
                &self.competency,
                &self.tier,
            ]
            .iter()
            .any(|v| !v.is_empty())
    }

    /// The order shown: the one asked for, else by the words or newest.
    pub fn order(&self) -> &str {
        match self.sort.as_str() {
            "" if query_words(&self.q, MAX_WORDS).is_empty() => "newest",
            "" => "relevance",
            asked => asked,
        }
    }

    /// The language shown: the one asked for, `any`, or `lang`.
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
                .filter(|n| (1..=100_000).contains(n))
                .ok_or_else(|| AppError::BadRequest("page: a page number, from 1".into())),
        }
    }

    /// The address of this query's page `n` (under `base`).
    pub fn href(&self, base: &str, n: usize) -> String {
        let q = BrowseQuery {
            page: if n <= 1 { String::new() } else { n.to_string() },
            ..self.clone()
        };
        match serde_html_form::to_string(&q) {
            Ok(s) if !s.is_empty() => format!("{base}?{s}"),
            _ => base.to_string(),
        }
    }
}

/// The library's listing as it is now: the one kept, if the database's
/// library version is still its own (one read), else read again. Every
/// server checks, so a practice published through any is listed
/// everywhere on the next request.
pub async fn listing(state: &AppState) -> Result<Arc<Listing>, AppError> {
    Ok(state
        .library_listing
        .get(&state.db, browse::version, |_| true, browse::load)
        .await?)
}

/// One page of what the words and filters find.
pub struct Found {
    pub listing: Arc<Listing>,
    /// Positions in the listing of the practices on the page, in order.
    pub page: Vec<usize>,
    /// How many practices are found in all.
    pub total: usize,
    pub counts: FacetCounts,
}

impl Found {
    pub fn practices(&self) -> impl Iterator<Item = &Listed> {
        self.page.iter().map(|&i| &self.listing.practices[i])
    }
}

/// Page `at` (1-based) of the published practices `f` finds, with each
/// facet value's count.
pub async fn find(state: &AppState, f: Browse, at: usize) -> Result<Found, AppError> {
    let listing = listing(state).await?;
    let (found, counts, total) = if let Some(memo) = listing.memo(&f) {
        let page = page_of(&memo.found, at).to_vec();
        (page, memo.counts.clone(), memo.found.len())
    } else {
        let (base, rank) = if f.words.is_empty() {
            ((0..listing.practices.len()).collect::<Vec<_>>(), None)
        } else {
            let words = f.words.clone();
            let ids = state.db.read(move |c| browse::matching(c, &words)).await?;
            // (A practice published since the listing was read waits for the next.)
            let base: Vec<usize> = ids.iter().filter_map(|id| listing.position(*id)).collect();
            let rank: HashMap<usize, usize> =
                base.iter().enumerate().map(|(r, i)| (*i, r)).collect();
            (base, Some(rank))
        };
        let (found, counts) = browse::find(&listing, &base, &f, rank.as_ref());
        (page_of(&found, at).to_vec(), counts, found.len())
    };
    Ok(Found {
        listing,
        page: found,
        total,
        counts,
    })
}

/// How many pages `found` practices fill (at least one).
pub fn pages(found: usize) -> usize {
    found.div_ceil(PAGE).max(1)
}

/// The practices on page `at` (1-based).
pub fn page_of<T>(rows: &[T], at: usize) -> &[T] {
    let start = (at - 1).saturating_mul(PAGE).min(rows.len());
    let end = start.saturating_add(PAGE).min(rows.len());
    &rows[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_unknown_value_is_named() {
        let q = BrowseQuery {
            subject: "astrology".into(),
            grade_band: "13".into(),
            competency: "nope".into(),
            tier: "5".into(),
            language: "fr".into(),
            sort: "random".into(),
            ..BrowseQuery::default()
        };
        let err = q.filters(&[], Lang::En).unwrap_err();
        for field in [
            "subject",
            "grade_band",
            "competency",
            "tier",
            "language",
            "sort",
        ] {
            assert!(err.has(field), "{field}: {err:?}");
        }
        let ok = BrowseQuery {
            tier: "none".into(),
            language: "any".into(),
            q: "Évaluer".into(),
            ..BrowseQuery::default()
        }
        .filters(&[], Lang::Es)
        .expect("valid");
        assert_eq!(ok.tier, Some(None));
        assert_eq!(ok.language, None);
        assert_eq!(ok.words, ["evaluer"]);
        assert_eq!(ok.sort, Sort::Relevance);
        let default = BrowseQuery::default()
            .filters(&[], Lang::Es)
            .expect("valid");
        assert_eq!(default.language, Some(Lang::Es));
        assert_eq!(default.sort, Sort::Newest);
    }
}
