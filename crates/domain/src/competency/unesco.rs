//! The default framework: UNESCO's AI competency framework for teachers
//! (2024) — 5 aspects, 3 levels, 15 competencies — from the file the
//! programme gave us (`data/unesco-ai-cft.json`, names as published,
//! summaries paraphrased) and our Spanish (`data/unesco-ai-cft.es.json`).
//!
//! Item ids are `<framework id>/<key>`, so they stay the same however the
//! file is reordered or reworded.

use super::{Framework, Item, Level, Problem, Source, Text, check};
use serde::Deserialize;
use std::collections::HashMap;

const ENGLISH: &str = include_str!("../../data/unesco-ai-cft.json");
const SPANISH: &str = include_str!("../../data/unesco-ai-cft.es.json");

#[derive(Deserialize)]
struct File {
    id: String,
    title: String,
    publisher: String,
    year: u16,
    doi: String,
    licence_of_source: String,
    levels: Vec<FileLevel>,
    aspects: Vec<FileAspect>,
}

#[derive(Deserialize)]
struct FileLevel {
    key: String,
    name: String,
    order: u32,
    summary: String,
}

#[derive(Deserialize)]
struct FileAspect {
    key: String,
    name: String,
    competencies: Vec<FileCompetency>,
}

#[derive(Deserialize)]
struct FileCompetency {
    level: String,
    key: String,
    name: String,
    summary: String,
}

#[derive(Deserialize, Default)]
struct Translation {
    title: Option<String>,
    #[serde(default)]
    levels: HashMap<String, Words>,
    #[serde(default)]
    aspects: HashMap<String, Words>,
    #[serde(default)]
    competencies: HashMap<String, Words>,
}

#[derive(Deserialize, Default, Clone)]
struct Words {
    name: Option<String>,
    summary: Option<String>,
}

fn text(en: &str, es: Option<&String>) -> Text {
    Text {
        en: Some(en.to_string()),
        es: es.cloned(),
    }
}

/// Reads a framework in the programme's JSON shape, with an optional
/// translation keyed the same way.
pub fn parse(english: &str, spanish: Option<&str>) -> Result<Framework, Vec<Problem>> {
    let file: File = serde_json::from_str(english)
        .map_err(|e| vec![Problem::new("framework", format!("not readable JSON: {e}"))])?;
    let es: Translation = match spanish {
        Some(s) => serde_json::from_str(s).map_err(|e| {
            vec![Problem::new(
                "translation",
                format!("not readable JSON: {e}"),
            )]
        })?,
        None => Translation::default(),
    };
    let mut levels = file.levels;
    levels.sort_by_key(|l| l.order);
    let none = Words::default();
    let levels = levels
        .into_iter()
        .map(|l| {
            let w = es.levels.get(&l.key).unwrap_or(&none);
            Level {
                name: text(&l.name, w.name.as_ref()),
                summary: text(&l.summary, w.summary.as_ref()),
                key: l.key,
            }
        })
        .collect();
    let id = file.id;
    let mut items = Vec::new();
    for aspect in file.aspects {
        let aspect_id = format!("{id}/{}", aspect.key);
        let w = es.aspects.get(&aspect.key).unwrap_or(&none);
        items.push(Item {
            id: aspect_id.clone(),
            parent: None,
            kind: "aspect".into(),
            code: None,
            level: None,
            name: text(&aspect.name, w.name.as_ref()),
            summary: Text::default(),
        });
        for c in aspect.competencies {
            let w = es.competencies.get(&c.key).unwrap_or(&none);
            items.push(Item {
                id: format!("{id}/{}", c.key),
                parent: Some(aspect_id.clone()),
                kind: "competency".into(),
                code: None,
                level: Some(c.level),
                name: text(&c.name, w.name.as_ref()),
                summary: text(&c.summary, w.summary.as_ref()),
            });
        }
    }
    // A citation (data, in no one language); pages add that the summaries
    // and the Spanish are ours.
    let attribution = format!(
        "{}. {} ({}), doi:{}, {}.",
        file.title, file.publisher, file.year, file.doi, file.licence_of_source
    );
    let framework = Framework {
        title: text(&file.title, es.title.as_ref()),
        publisher: file.publisher,
        attribution,
        source: Source::Builtin,
        levels,
        items,
        id,
    };
    let problems = check(&framework);
    if problems.is_empty() {
        Ok(framework)
    } else {
        Err(problems)
    }
}

/// The framework every deployment starts with.
pub fn default_framework() -> Framework {
    // Both files are compiled in and checked by the tests below.
    match parse(ENGLISH, Some(SPANISH)) {
        Ok(f) => f,
        Err(problems) => unreachable!("the built-in framework is broken: {problems:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_default_is_unesco_with_every_name_in_both_languages() {
        let f = default_framework();
        assert_eq!(f.id, super::super::DEFAULT_FRAMEWORK);
        assert!(f.attribution.contains("UNESCO") && f.attribution.contains("CC BY-SA 3.0 IGO"));
        let keys: Vec<&str> = f.levels.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["acquire", "deepen", "create"]);
        let aspects: Vec<&Item> = f.children_of(None).collect();
        assert_eq!(aspects.len(), 5);
        let competencies: Vec<&Item> = f.items.iter().filter(|i| i.kind == "competency").collect();
        assert_eq!(competencies.len(), 15);
        for a in &aspects {
            assert_eq!(f.children_of(Some(&a.id)).count(), 3, "{}", a.id);
        }
        assert_eq!(competencies[0].id, "unesco-ai-cft-2024/human-agency");
        assert_eq!(competencies[0].level.as_deref(), Some("acquire"));
        // Translated throughout: a missing key in the Spanish file shows here.
        for item in &f.items {
            assert!(item.name.es.is_some(), "no Spanish name for {}", item.id);
            assert_eq!(
                item.summary.en.is_some(),
                item.summary.es.is_some(),
                "{}",
                item.id
            );
        }
        for l in &f.levels {
            assert!(l.name.es.is_some() && l.summary.es.is_some(), "{}", l.key);
        }
        assert_eq!(
            f.title.get(Lang::Es),
            "Marco de competencias en IA para docentes"
        );
    }

    #[test]
    fn a_level_nobody_defined_is_a_problem() {
        let broken = ENGLISH.replacen("\"level\": \"deepen\"", "\"level\": \"master\"", 1);
        let problems = parse(&broken, None).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "item unesco-ai-cft-2024/human-accountability: level \"master\" is not one of the framework's levels"
        );
        let problems = parse("{", None).unwrap_err();
        assert!(
            problems[0]
                .to_string()
                .starts_with("framework: not readable JSON")
        );
    }
}
