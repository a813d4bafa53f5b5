//! The catalogue for one reader, in memory over the courses found: how
//! many courses each facet value would find (counting the other filters,
//! not its own facet's), twins of courses the reader follows left out, one
//! card per course in two languages, and "best match for you" — their
//! language, subjects and grade bands first, never leaving a course out.

use crate::catalogue::HOURS;
use lyceum_db::course_listing::{Listed, matches};
use lyceum_db::courses::Catalogue;
use lyceum_domain::CourseId;
use lyceum_domain::i18n::Lang;
use std::collections::{BTreeSet, HashMap, HashSet};

/// A filter of the catalogue whose values are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Subject,
    GradeBand,
    Competency,
    Delivery,
    Language,
    Hours,
}

impl Facet {
    pub const ALL: [Facet; 6] = [
        Facet::Subject,
        Facet::GradeBand,
        Facet::Competency,
        Facet::Delivery,
        Facet::Language,
        Facet::Hours,
    ];

    /// `f` without this facet's filter.
    fn cleared(self, f: &Catalogue) -> Catalogue {
        let mut g = f.clone();
        match self {
            Facet::Subject => g.subject = None,
            Facet::GradeBand => g.grade_band = None,
            Facet::Competency => g.competency = None,
            Facet::Delivery => g.delivery = None,
            Facet::Language => g.language = None,
            Facet::Hours => g.hours = None,
        }
        g
    }

    /// The values `l` has for this facet (an hours range's key for hours).
    fn values(self, l: &Listed) -> Vec<String> {
        match self {
            Facet::Subject => l.subjects.clone(),
            Facet::GradeBand => l.grade_bands.clone(),
            Facet::Competency => l.competencies.clone(),
            Facet::Delivery => vec![l.row.delivery.as_str().to_string()],
            Facet::Language => vec![l.row.language.clone()],
            Facet::Hours => HOURS
                .iter()
                .filter(|(_, from, to)| (*from..=*to).contains(&l.row.hours()))
                .map(|(k, _, _)| (*k).to_string())
                .collect(),
        }
    }
}

/// The value of the language facet that counts both languages.
pub const ANY_LANGUAGE: &str = "any";

/// Per facet, how many cards each value finds (values finding none are
/// absent); the language facet also counts [`ANY_LANGUAGE`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts(HashMap<(FacetKey, String), usize>);

type FacetKey = usize;

impl FacetCounts {
    pub fn get(&self, facet: Facet, value: &str) -> usize {
        self.0
            .get(&(facet as usize, value.to_string()))
            .copied()
            .unwrap_or(0)
    }
}

/// How many cards each facet value finds among `base` (the courses the
/// reader may see that the words find, twins of those they follow left
/// out) with the other filters of `f`: a course in two languages is one
/// card when both are found, as the list shows it. One pass per facet.
pub fn count(base: &[&Listed], f: &Catalogue, pairs: &HashMap<CourseId, CourseId>) -> FacetCounts {
    let mut out = HashMap::new();
    for facet in Facet::ALL {
        let g = facet.cleared(f);
        let subset: Vec<&Listed> = base.iter().copied().filter(|l| matches(l, &g)).collect();
        let present: HashSet<CourseId> = subset.iter().map(|l| l.row.id).collect();
        // Each card's values: the union of its languages'.
        let mut cards: HashMap<CourseId, BTreeSet<String>> = HashMap::new();
        for l in &subset {
            let id = l.row.id;
            let key = match pairs.get(&id) {
                Some(o) if present.contains(o) => id.min(*o),
                _ => id,
            };
            cards.entry(key).or_default().extend(facet.values(l));
        }
        for values in cards.values() {
            for v in values {
                *out.entry((facet as usize, v.clone())).or_insert(0) += 1;
            }
        }
        if facet == Facet::Language && !cards.is_empty() {
            out.insert((facet as usize, ANY_LANGUAGE.to_string()), cards.len());
        }
    }
    FacetCounts(out)
}

/// Leaves out each course whose other language the reader follows (and
/// they do not follow it): one never meets a twin of a course one takes.
pub fn without_twins_of_followed<'a>(
    base: Vec<&'a Listed>,
    pairs: &HashMap<CourseId, CourseId>,
    following: &HashSet<CourseId>,
) -> Vec<&'a Listed> {
    base.into_iter()
        .filter(|l| {
            following.contains(&l.row.id)
                || pairs.get(&l.row.id).is_none_or(|o| !following.contains(o))
        })
        .collect()
}

/// One card per course in two languages when both are found: the one
/// followed, else the one in `lang`; each keeps its place.
pub fn one_per_course<'a>(
    found: Vec<&'a Listed>,
    pairs: &HashMap<CourseId, CourseId>,
    following: &HashSet<CourseId>,
    lang: Lang,
) -> Vec<&'a Listed> {
    let langs: HashMap<CourseId, Lang> = found.iter().map(|l| (l.row.id, l.row.lang())).collect();
    let rank = |id: CourseId, l: Lang| (!following.contains(&id), l != lang, id);
    found
        .into_iter()
        .filter(|l| {
            let id = l.row.id;
            match pairs
                .get(&id)
                .and_then(|o| langs.get(o).map(|ol| (*o, *ol)))
            {
                Some((o, ol)) => rank(id, l.row.lang()) < rank(o, ol),
                None => true,
            }
        })
        .collect()
}

/// How well a course listing `listed` (subjects or grade bands) fits
/// someone with `mine`, best first: one of theirs (or they gave none),
/// then a course for everyone (it lists none), then the others.
pub fn fit(listed: &[String], mine: &[String]) -> u8 {
    if mine.is_empty() || listed.iter().any(|l| mine.contains(l)) {
        0
    } else if listed.is_empty() {
        1
    } else {
        2
    }
}

/// "Best match for you": the reader's language first, then their
/// subjects, then their grade bands, each rank keeping the order it had
/// (title, or the words' relevance). Reorders only: nothing is left out.
pub fn best_for(found: &mut [&Listed], lang: Lang, subjects: &[String], bands: &[String]) {
    found.sort_by_key(|l| {
        (
            l.row.lang() != lang,
            fit(&l.subjects, subjects),
            fit(&l.grade_bands, bands),
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use lyceum_db::courses::CourseRow;
    use lyceum_domain::course::Delivery;
    use lyceum_domain::profile::Subject;

    fn course(id: i64, lang: &str, subjects: &[&str], bands: &[&str], hours: i32) -> Listed {
        Listed {
            row: CourseRow {
                id: CourseId(id),
                slug: format!("c{id}"),
                version: 1,
                language: lang.into(),
                title: format!("Course {id}"),
                summary: String::new(),
                pd_quarter_hours: hours,
                delivery: Delivery::SelfPaced,
                licence: "CC-BY-4.0".into(),
                created_at: id,
                updated_at: id,
                certificate_months: None,
                org_id: 0,
            },
            owner: None,
            subjects: subjects.iter().map(|s| s.to_string()).collect(),
            grade_bands: bands.iter().map(|s| s.to_string()).collect(),
            competencies: Vec::new(),
        }
    }

    fn ids(found: &[&Listed]) -> Vec<i64> {
        found.iter().map(|l| l.row.id.0).collect()
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn counts_leave_out_their_own_facet_and_count_a_pair_once() {
        // 1 and 2 are one course in two languages; both math.
        let all = [
            course(1, "en", &["math"], &["6-8"], 4),
            course(2, "es", &["math"], &["6-8"], 4),
            course(3, "en", &["science"], &["6-8"], 20),
            course(4, "en", &["math", "science"], &["9-12"], 20),
        ];
        let base: Vec<&Listed> = all.iter().collect();
        let pairs = HashMap::from([(CourseId(1), CourseId(2)), (CourseId(2), CourseId(1))]);
        let f = Catalogue {
            subject: Some(Subject::Math),
            language: Some(Lang::En),
            ..Catalogue::default()
        };
        let c = count(&base, &f, &pairs);
        // Subjects count without the subject filter: English courses only.
        assert_eq!(c.get(Facet::Subject, "math"), 2);
        assert_eq!(c.get(Facet::Subject, "science"), 2);
        // Others count with the subject (math) and language (en) filters.
        assert_eq!(c.get(Facet::GradeBand, "6-8"), 1);
        assert_eq!(c.get(Facet::GradeBand, "9-12"), 1);
        assert_eq!(c.get(Facet::Hours, "up-to-1"), 1);
        assert_eq!(c.get(Facet::Hours, "3-to-10"), 1);
        assert_eq!(c.get(Facet::Hours, "1-to-3"), 0, "zero: absent");
        // Languages count without the language filter: the pair is one
        // card in "any", and one in each language.
        assert_eq!(c.get(Facet::Language, "en"), 2);
        assert_eq!(c.get(Facet::Language, "es"), 1);
        assert_eq!(c.get(Facet::Language, ANY_LANGUAGE), 2);
        // In every language, the pair counts once for math.
        let any = Catalogue::default();
        let c = count(&base, &any, &pairs);
        assert_eq!(c.get(Facet::Subject, "math"), 2);
        assert_eq!(c.get(Facet::Delivery, "self-paced"), 3);
    }

    #[test]
    fn a_pair_shows_the_followed_course_else_the_readers_language() {
        let all = [
            course(1, "en", &[], &[], 4),
            course(2, "es", &[], &[], 4),
            course(3, "es", &[], &[], 4),
        ];
        let pairs = HashMap::from([(CourseId(1), CourseId(2)), (CourseId(2), CourseId(1))]);
        let none = HashSet::new();
        let found = || all.iter().collect::<Vec<_>>();
        assert_eq!(
            ids(&one_per_course(found(), &pairs, &none, Lang::Es)),
            [2, 3]
        );
        assert_eq!(
            ids(&one_per_course(found(), &pairs, &none, Lang::En)),
            [1, 3]
        );
        let english = HashSet::from([CourseId(1)]);
        assert_eq!(
            ids(&one_per_course(found(), &pairs, &english, Lang::Es)),
            [1, 3]
        );
        // The twin of a followed course is never found.
        assert_eq!(
            ids(&without_twins_of_followed(found(), &pairs, &english)),
            [1, 3]
        );
        let both = HashSet::from([CourseId(1), CourseId(2)]);
        assert_eq!(
            ids(&without_twins_of_followed(found(), &pairs, &both)),
            [1, 2, 3]
        );
    }

    #[test]
    fn best_match_reorders_and_never_leaves_out() {
        let all = [
            course(1, "en", &["art"], &["k-2"], 4),
            course(2, "en", &[], &[], 4),
            course(3, "es", &["math"], &["6-8"], 4),
            course(4, "en", &["math"], &["9-12"], 4),
            course(5, "en", &["math"], &["6-8"], 4),
        ];
        let mut found: Vec<&Listed> = all.iter().collect();
        best_for(
            &mut found,
            Lang::En,
            &strings(&["math"]),
            &strings(&["6-8"]),
        );
        assert_eq!(ids(&found), [5, 4, 2, 1, 3]);
        // Someone who said nothing keeps the order, language aside.
        let mut found: Vec<&Listed> = all.iter().collect();
        best_for(&mut found, Lang::En, &[], &[]);
        assert_eq!(ids(&found), [1, 2, 4, 5, 3]);
        assert_eq!(fit(&strings(&["math"]), &strings(&["math", "art"])), 0);
        assert_eq!(fit(&[], &strings(&["math"])), 1);
        assert_eq!(fit(&strings(&["art"]), &strings(&["math"])), 2);
        assert_eq!(fit(&strings(&["art"]), &[]), 0);
    }
}
