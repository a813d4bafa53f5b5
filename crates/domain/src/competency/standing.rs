//! Where an educator stands on a framework's aspects: the level they give
//! themselves, beside the level their completed courses show — and which
//! level to work towards next, weakest aspects first.
//!
//! Levels are counted by their place in the framework (0 = not yet, 1 =
//! its first level, …). A course shows the level it says it builds a
//! competency to, or else the competency's own level.

use super::Framework;
use std::collections::HashMap;

/// One aspect's standing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The aspect's item id.
    pub aspect: String,
    /// 0 when not assessed (or "not yet").
    pub assessed: usize,
    /// 0 when no completed course builds a competency of this aspect.
    pub shown: usize,
}

impl Standing {
    /// Where they stand: their own word, or their work where it shows more.
    pub fn level(&self) -> usize {
        self.assessed.max(self.shown)
    }
}

/// A level's place in the framework, 1-based.
pub fn position(f: &Framework, level: &str) -> Option<usize> {
    f.levels.iter().position(|l| l.key == level).map(|p| p + 1)
}

/// The framework's aspects: its top items that have competencies under them.
pub fn aspects(f: &Framework) -> Vec<&super::Item> {
    f.children_of(None)
        .filter(|a| f.children_of(Some(&a.id)).next().is_some())
        .collect()
}

/// Each aspect's standing, in the framework's order. `assessed` is the
/// educator's level per aspect id; `built` the (competency id, level the
/// course builds it to) of each completed course. Unknown ids and levels
/// count for nothing.
pub fn standings(
    f: &Framework,
    assessed: &HashMap<String, String>,
    built: &[(String, Option<String>)],
) -> Vec<Standing> {
    let items: HashMap<&str, &super::Item> = f.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut shown: HashMap<&str, usize> = HashMap::new();
    for (competency, level) in built {
        let Some(item) = items.get(competency.as_str()) else {
            continue;
        };
        let Some(aspect) = item.parent.as_deref() else {
            continue;
        };
        let level = level
            .as_deref()
            .or(item.level.as_deref())
            .and_then(|l| position(f, l))
            .unwrap_or(0);
        let best = shown.entry(aspect).or_default();
        *best = (*best).max(level);
    }
    aspects(f)
        .into_iter()
        .map(|a| Standing {
            aspect: a.id.clone(),
            assessed: assessed
                .get(&a.id)
                .and_then(|l| position(f, l))
                .unwrap_or(0),
            shown: shown.get(a.id.as_str()).copied().unwrap_or(0),
        })
        .collect()
}

/// The next level (its key) of each aspect not yet at the top, weakest
/// first (ties in the framework's order).
pub fn next_levels<'a>(f: &'a Framework, standings: &'a [Standing]) -> Vec<(&'a str, &'a str)> {
    let mut open: Vec<&Standing> = standings
        .iter()
        .filter(|s| s.level() < f.levels.len())
        .collect();
    open.sort_by_key(|s| s.level());
    open.into_iter()
        .map(|s| (s.aspect.as_str(), f.levels[s.level()].key.as_str()))
        .collect()
}

/// The level a course builds a competency to, as [`standings`] counts it:
/// the course's own, or the competency's.
pub fn built_level<'a>(
    f: &'a Framework,
    competency: &str,
    course_level: Option<&'a str>,
) -> Option<(&'a str, &'a str)> {
    let item = f.items.iter().find(|i| i.id == competency)?;
    let level = course_level.or(item.level.as_deref())?;
    Some((item.parent.as_deref()?, level))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::competency::unesco::default_framework;

    #[test]
    fn assessed_and_shown_make_a_standing_and_the_weakest_come_next() {
        let f = default_framework();
        let ids: Vec<String> = aspects(&f).iter().map(|a| a.id.clone()).collect();
        assert_eq!(ids.len(), 5);
        let first = ids[0].clone();
        let second = ids[1].clone();
        // A deepen-level competency of the first aspect, built to its own level;
        // an acquire-level one of the second, built to "create" by the course.
        let deepen_of_first = f
            .children_of(Some(&first))
            .find(|c| c.level.as_deref() == Some("deepen"))
            .unwrap()
            .id
            .clone();
        let acquire_of_second = f
            .children_of(Some(&second))
            .find(|c| c.level.as_deref() == Some("acquire"))
            .unwrap()
            .id
            .clone();
        let assessed = HashMap::from([
            (first.clone(), "acquire".to_string()),
            (ids[2].clone(), "create".to_string()),
            (ids[3].clone(), "no-such-level".to_string()),
        ]);
        let built = vec![
            (deepen_of_first, None),
            (acquire_of_second, Some("create".to_string())),
            ("not-a-competency".to_string(), Some("create".to_string())),
        ];
        let s = standings(&f, &assessed, &built);
        let got: Vec<(usize, usize)> = s.iter().map(|s| (s.assessed, s.shown)).collect();
        assert_eq!(got, [(1, 2), (0, 3), (3, 0), (0, 0), (0, 0)]);
        let next: Vec<(&str, &str)> = next_levels(&f, &s);
        assert_eq!(
            next,
            [
                (ids[3].as_str(), "acquire"),
                (ids[4].as_str(), "acquire"),
                (first.as_str(), "create"),
            ]
        );
    }
}
