//! Browsing the library: published practices by facet (subject, grade band,
//! competency, evidence tier, language) and full-text search (FTS5 /
//! tsvector over `classroom_practices.search_text`).
//!
//! Every published practice, with what a card and the facets need, is one
//! [`Listing`] a server keeps in memory, checked against the library's
//! version (`library_version`, moved by triggers on the practices and their
//! facets, migration 2026-12-11-000300) with one read a request — as the
//! catalogue does (`course_listing`). A few thousand practices filter and
//! count in memory in well under a millisecond; searches ask the database
//! which practices match ([`matching`]), and the listing the rest.

use crate::schema::{
    classroom_practice_competencies, classroom_practice_grade_bands, classroom_practice_subjects,
    classroom_practices, library_version,
};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::PracticeId;
use lyceum_domain::i18n::Lang;
use lyceum_domain::profile::{GradeBand, Subject};
use std::collections::HashMap;

/// One published practice as the library lists and filters it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub id: PracticeId,
    pub language: String,
    pub title: String,
    pub summary: String,
    pub goal: String,
    /// Trial reports filed (all versions).
    pub trials: i32,
    /// The tier a curator confirmed or set (1–4), if one has.
    pub tier: Option<i32>,
    /// The tier Lyceum proposes from the reports, if any.
    pub proposed_tier: Option<i32>,
    pub published_at: i64,
    pub subjects: Vec<String>,
    pub grade_bands: Vec<String>,
    pub competencies: Vec<String>,
}

/// The plain lists worked out once per version, by language and order.
type Memos = HashMap<(Option<Lang>, Sort), std::sync::Arc<Memo>>;

/// Every published practice, newest first (then by id, highest first), as
/// of `version`.
#[derive(Debug)]
pub struct Listing {
    pub version: i64,
    pub practices: Vec<Listed>,
    index: HashMap<PracticeId, usize>,
    /// Results of unsearched, unfiltered lists (only a language and an
    /// order), kept for this version: the first page every reader opens
    /// is counted once a version, not once a request.
    memo: std::sync::Mutex<Memos>,
}

/// A list kept by [`Listing::memo`]: the positions found, in order, and
/// the facet counts.
#[derive(Debug)]
pub struct Memo {
    pub found: Vec<usize>,
    pub counts: FacetCounts,
}

impl Listing {
    /// A listing of `practices` (newest first).
    pub fn new(version: i64, practices: Vec<Listed>) -> Self {
        let index = practices
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id, i))
            .collect();
        Listing {
            version,
            practices,
            index,
            memo: std::sync::Mutex::new(HashMap::new()),
        }
    }

    pub fn get(&self, id: PracticeId) -> Option<&Listed> {
        self.index.get(&id).and_then(|i| self.practices.get(*i))
    }

    /// Where `id` is in `practices`.
    pub fn position(&self, id: PracticeId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// The list for `f` when it asks for no words and no facet (only a
    /// language and an order): computed once a version.
    pub fn memo(&self, f: &Browse) -> Option<std::sync::Arc<Memo>> {
        if !f.is_plain() {
            return None;
        }
        let key = (f.language, f.sort);
        if let Some(m) = self.memo.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Some(m);
        }
        let base: Vec<usize> = (0..self.practices.len()).collect();
        let (found, counts) = find(self, &base, f, None);
        let m = std::sync::Arc::new(Memo { found, counts });
        if let Ok(mut kept) = self.memo.lock() {
            kept.insert(key, m.clone());
        }
        Some(m)
    }
}

/// The orders the library lists in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// Newest published first (the default without words).
    #[default]
    Newest,
    /// Most trial reports first.
    Trials,
    /// By title.
    Title,
    /// The words' best matches first (the default with words).
    Relevance,
}

/// What a reader asks of the library: words and filters, all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Browse {
    /// Folded word prefixes (`domain::search::query_words`).
    pub words: Vec<String>,
    pub subject: Option<Subject>,
    pub grade_band: Option<GradeBand>,
    pub competency: Option<String>,
    /// The confirmed tier: `Some(Some(n))` tier n, `Some(None)` not yet rated.
    pub tier: Option<Option<i32>>,
    /// `None`: every language.
    pub language: Option<Lang>,
    pub sort: Sort,
}

impl Browse {
    /// No words and no facet asked: a language and an order only.
    pub fn is_plain(&self) -> bool {
        self.words.is_empty()
            && self.subject.is_none()
            && self.grade_band.is_none()
            && self.competency.is_none()
            && self.tier.is_none()
    }
}

/// A filter of the library whose values are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Subject,
    GradeBand,
    Competency,
    Tier,
    Language,
}

/// The tier facet's value for a practice no curator has rated.
pub const NOT_RATED: &str = "none";
/// The language facet's value that counts every language.
pub const ANY_LANGUAGE: &str = "any";

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Subject,
        Facet::GradeBand,
        Facet::Competency,
        Facet::Tier,
        Facet::Language,
    ];

    fn cleared(self, f: &Browse) -> Browse {
        let mut g = f.clone();
        match self {
            Facet::Subject => g.subject = None,
            Facet::GradeBand => g.grade_band = None,
            Facet::Competency => g.competency = None,
            Facet::Tier => g.tier = None,
            Facet::Language => g.language = None,
        }
        g
    }

    fn each_value(self, l: &Listed, mut add: impl FnMut(&str)) {
        match self {
            Facet::Subject => l.subjects.iter().for_each(|s| add(s)),
            Facet::GradeBand => l.grade_bands.iter().for_each(|s| add(s)),
            Facet::Competency => l.competencies.iter().for_each(|s| add(s)),
            Facet::Tier => match l.tier {
                Some(t) => add(&t.to_string()),
                None => add(NOT_RATED),
            },
            Facet::Language => add(&l.language),
        }
    }
}

/// Per facet, how many practices each value finds with the other filters
/// (values finding none are absent); the language facet also counts
/// [`ANY_LANGUAGE`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts(HashMap<(Facet, String), usize>);

impl FacetCounts {
    pub fn get(&self, facet: Facet, value: &str) -> usize {
        self.0
            .get(&(facet, value.to_string()))
            .copied()
            .unwrap_or(0)
    }
}

/// Whether `l` is one of what the filters of `f` ask for (not its words).
pub fn matches(l: &Listed, f: &Browse) -> bool {
    f.subject
        .is_none_or(|s| l.subjects.iter().any(|x| x == s.as_str()))
        && f.grade_band
            .is_none_or(|g| l.grade_bands.iter().any(|x| x == g.as_str()))
        && f.competency
            .as_ref()
            .is_none_or(|c| l.competencies.contains(c))
        && f.tier.is_none_or(|t| l.tier == t)
        && f.language.is_none_or(|g| l.language == g.as_str())
}

/// The practices of `base` (positions in the listing, in the words' order
/// when searched) that `f`'s filters find, in its order, and the facet
/// counts over `base` (each facet with the other filters applied).
/// `rank`: each position's place among the words' matches.
pub fn find(
    listing: &Listing,
    base: &[usize],
    f: &Browse,
    rank: Option<&HashMap<usize, usize>>,
) -> (Vec<usize>, FacetCounts) {
    let all = &listing.practices;
    let mut out: HashMap<(Facet, String), usize> = HashMap::new();
    for facet in Facet::ALL {
        let g = facet.cleared(f);
        let mut n = 0;
        for &i in base {
            let l = &all[i];
            if matches(l, &g) {
                n += 1;
                facet.each_value(l, |v| {
                    *out.entry((facet, v.to_string())).or_insert(0) += 1;
                });
            }
        }
        if facet == Facet::Language && n > 0 {
            out.insert((facet, ANY_LANGUAGE.to_string()), n);
        }
    }
    let mut found: Vec<usize> = base
        .iter()
        .copied()
        .filter(|&i| matches(&all[i], f))
        .collect();
    match f.sort {
        // The listing is newest first.
        Sort::Newest => found.sort_unstable(),
        Sort::Trials => found.sort_by_key(|&i| (std::cmp::Reverse(all[i].trials), i)),
        Sort::Title => found.sort_by(|&a, &b| {
            all[a]
                .title
                .to_lowercase()
                .cmp(&all[b].title.to_lowercase())
                .then(a.cmp(&b))
        }),
        Sort::Relevance => {
            if let Some(rank) = rank {
                found.sort_by_key(|i| rank.get(i).copied().unwrap_or(usize::MAX));
            } else {
                found.sort_unstable();
            }
        }
    }
    (found, FacetCounts(out))
}

/// The library's version now.
pub fn version(conn: &mut DbConn) -> Result<i64, DbError> {
    Ok(library_version::table
        .find(1)
        .select(library_version::version)
        .first(conn)?)
}

/// The listing as it is now: every published practice, newest first.
pub fn load(conn: &mut DbConn) -> Result<Listing, DbError> {
    // The version first: a listing newer than its number is only read
    // again on the next request, never kept as current when it is not.
    let version = version(conn)?;
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        i64,
        String,
        String,
        String,
        String,
        i32,
        Option<i32>,
        Option<i32>,
        Option<i64>,
    )> = classroom_practices::table
        .filter(classroom_practices::version.gt(0))
        .order((
            classroom_practices::published_at.desc(),
            classroom_practices::id.desc(),
        ))
        .select((
            classroom_practices::id,
            classroom_practices::language,
            classroom_practices::title,
            classroom_practices::summary,
            classroom_practices::goal,
            classroom_practices::trials,
            classroom_practices::tier,
            classroom_practices::proposed_tier,
            classroom_practices::published_at,
        ))
        .load(conn)?;
    let by_practice = |pairs: Vec<(i64, String)>| {
        let mut m: HashMap<i64, Vec<String>> = HashMap::new();
        for (id, code) in pairs {
            m.entry(id).or_default().push(code);
        }
        m
    };
    let mut subjects = by_practice(
        classroom_practice_subjects::table
            .select((
                classroom_practice_subjects::practice_id,
                classroom_practice_subjects::subject,
            ))
            .load(conn)?,
    );
    let mut bands = by_practice(
        classroom_practice_grade_bands::table
            .select((
                classroom_practice_grade_bands::practice_id,
                classroom_practice_grade_bands::grade_band,
            ))
            .load(conn)?,
    );
    let mut comps = by_practice(
        classroom_practice_competencies::table
            .order((
                classroom_practice_competencies::practice_id,
                classroom_practice_competencies::position,
            ))
            .select((
                classroom_practice_competencies::practice_id,
                classroom_practice_competencies::competency_id,
            ))
            .load(conn)?,
    );
    let practices = rows
        .into_iter()
        .map(
            |(id, language, title, summary, goal, trials, tier, proposed_tier, published_at)| {
                Listed {
                    id: PracticeId(id),
                    language,
                    title,
                    summary,
                    goal,
                    trials,
                    tier,
                    proposed_tier,
                    published_at: published_at.unwrap_or(0),
                    subjects: subjects.remove(&id).unwrap_or_default(),
                    grade_bands: bands.remove(&id).unwrap_or_default(),
                    competencies: comps.remove(&id).unwrap_or_default(),
                }
            },
        )
        .collect();
    Ok(Listing::new(version, practices))
}

#[derive(QueryableByName)]
struct Hit {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}

/// The practices whose words start with each of `words` (folded by
/// `domain::search`), best match first: FTS5 with quoted prefixes on
/// SQLite, a `simple` tsvector with `:*` prefixes on PostgreSQL. Drafts
/// have no search text, so only published practices are found.
pub fn matching(conn: &mut DbConn, words: &[String]) -> Result<Vec<PracticeId>, DbError> {
    use diesel::sql_types::Text;
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let hits: Vec<Hit> = match conn {
        DbConn::Sqlite(c) => {
            // Quoted, so no word is read as FTS5 syntax; * makes it a prefix.
            let m: Vec<String> = words
                .iter()
                .map(|w| format!("\"{}\"*", w.replace('"', "")))
                .collect();
            diesel::sql_query(
                "SELECT rowid AS id FROM classroom_practices_fts \
                 WHERE classroom_practices_fts MATCH ? ORDER BY rank, rowid",
            )
            .bind::<Text, _>(m.join(" "))
            .load(c)?
        }
        DbConn::Pg(c) => {
            // Folded words are letters and digits only: nothing tsquery reads.
            let m: Vec<String> = words
                .iter()
                .map(|w| {
                    let w: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
                    format!("{w}:*")
                })
                .collect();
            diesel::sql_query(
                "SELECT id FROM classroom_practices_fts, to_tsquery('simple', $1) q \
                 WHERE vector @@ q ORDER BY ts_rank(vector, q) DESC, id",
            )
            .bind::<Text, _>(m.join(" & "))
            .load(c)?
        }
    };
    Ok(hits.into_iter().map(|h| PracticeId(h.id)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn practice(id: i64, lang: &str, subjects: &[&str], tier: Option<i32>, trials: i32) -> Listed {
        Listed {
            id: PracticeId(id),
            language: lang.into(),
            title: format!("Practice {}", 10 - id),
            summary: String::new(),
            goal: String::new(),
            trials,
            tier,
            proposed_tier: None,
            published_at: 100 - id,
            subjects: subjects.iter().map(|s| s.to_string()).collect(),
            grade_bands: vec!["6-8".into()],
            competencies: Vec::new(),
        }
    }

    #[test]
    fn counts_leave_out_their_own_facet() {
        let listing = Listing::new(
            1,
            vec![
                practice(1, "en", &["math"], Some(3), 2),
                practice(2, "en", &["science"], None, 9),
                practice(3, "es", &["math"], None, 0),
                practice(4, "en", &["math", "science"], Some(3), 5),
            ],
        );
        let base: Vec<usize> = (0..4).collect();
        let f = Browse {
            subject: Some(Subject::Math),
            language: Some(Lang::En),
            ..Browse::default()
        };
        let (found, c) = find(&listing, &base, &f, None);
        assert_eq!(found, [0, 3]);
        assert_eq!(c.get(Facet::Subject, "math"), 2);
        assert_eq!(c.get(Facet::Subject, "science"), 2);
        assert_eq!(c.get(Facet::Tier, "3"), 2);
        assert_eq!(c.get(Facet::Tier, NOT_RATED), 0);
        assert_eq!(c.get(Facet::Language, "en"), 2);
        assert_eq!(c.get(Facet::Language, "es"), 1);
        assert_eq!(c.get(Facet::Language, ANY_LANGUAGE), 3);
        let not_rated = Browse {
            tier: Some(None),
            sort: Sort::Trials,
            ..Browse::default()
        };
        let (found, c) = find(&listing, &base, &not_rated, None);
        assert_eq!(found, [1, 2], "most tried first");
        assert_eq!(c.get(Facet::Tier, NOT_RATED), 2);
        assert_eq!(c.get(Facet::Tier, "3"), 2);
        let by_title = Browse {
            sort: Sort::Title,
            ..Browse::default()
        };
        assert_eq!(find(&listing, &base, &by_title, None).0, [3, 2, 1, 0]);
    }

    #[test]
    fn plain_lists_are_kept_once_a_version() {
        let listing = Listing::new(1, vec![practice(1, "en", &["math"], None, 0)]);
        let f = Browse {
            language: Some(Lang::En),
            ..Browse::default()
        };
        let a = listing.memo(&f).expect("plain");
        let b = listing.memo(&f).expect("plain");
        assert!(std::sync::Arc::ptr_eq(&a, &b));
        assert_eq!(a.found, [0]);
        let searched = Browse {
            words: vec!["x".into()],
            ..f
        };
        assert!(listing.memo(&searched).is_none());
    }
}
