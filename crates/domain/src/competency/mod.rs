//! Competency frameworks: what educators' learning is mapped to.
//!
//! A framework is a tree of items with stable ids — aspects holding
//! competencies, in the default UNESCO framework — and, optionally, the
//! levels a competency is reached at (acquire, deepen, create). Names and
//! summaries are kept per language; a page shows the reader's language and
//! falls back to the other one.
//!
//! Frameworks come from two places: the built-in default
//! ([`unesco::default_framework`]) and 1EdTech CASE JSON packages
//! ([`case::parse`]). Both produce a checked [`Framework`]; storing it is the
//! database layer's job.

pub mod case;
pub mod standing;
pub mod unesco;

use crate::i18n::Lang;
pub use crate::json_input::Problem;

/// The id of the framework loaded by default.
pub const DEFAULT_FRAMEWORK: &str = "unesco-ai-cft-2024";

/// Most items in one framework.
pub const MAX_ITEMS: usize = 5_000;
/// Longest name, and longest summary, in characters.
pub const MAX_NAME: usize = 500;
pub const MAX_SUMMARY: usize = 5_000;

/// Text in each language it was written or translated in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub en: Option<String>,
    pub es: Option<String>,
}

impl Text {
    pub fn new(lang: Lang, text: impl Into<String>) -> Self {
        let mut t = Text::default();
        t.set(lang, text);
        t
    }

    pub fn set(&mut self, lang: Lang, text: impl Into<String>) {
        let text = Some(text.into());
        match lang {
            Lang::En => self.en = text,
            Lang::Es => self.es = text,
        }
    }

    /// In `lang` if there is a version in it, else in the other language.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::En => (&self.en, &self.es),
            Lang::Es => (&self.es, &self.en),
        };
        first.as_deref().or(second.as_deref()).unwrap_or("")
    }

    /// The language [`Text::get`] answers in, when it is not `lang`.
    pub fn fallback_lang(&self, lang: Lang) -> Option<Lang> {
        let has = |l: Lang| match l {
            Lang::En => self.en.is_some(),
            Lang::Es => self.es.is_some(),
        };
        if has(lang) {
            None
        } else {
            [Lang::En, Lang::Es].into_iter().find(|l| has(*l))
        }
    }

    pub fn is_empty(&self) -> bool {
        self.en.is_none() && self.es.is_none()
    }
}

/// Where a framework came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Shipped with Lyceum.
    Builtin,
    /// Imported from a CASE package.
    Case,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Builtin => "builtin",
            Source::Case => "case",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "builtin" => Some(Source::Builtin),
            "case" => Some(Source::Case),
            _ => None,
        }
    }
}

/// A level at which a competency is reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    pub key: String,
    pub name: Text,
    pub summary: Text,
}

/// One node of the framework's tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Stable across versions of the framework and across deployments.
    pub id: String,
    /// None for the top of the tree.
    pub parent: Option<String>,
    /// `aspect`, `competency`, or a CASE item type as the package names it.
    pub kind: String,
    /// A human coding scheme, e.g. `1.2`.
    pub code: Option<String>,
    /// The level's key, for a competency reached at a level.
    pub level: Option<String>,
    pub name: Text,
    pub summary: Text,
}

/// A checked framework: ids unique, parents before their children, every
/// parent and level known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framework {
    pub id: String,
    pub title: Text,
    pub publisher: String,
    /// Who made it and under which licence, shown wherever it is: a
    /// citation, in no one language.
    pub attribution: String,
    pub source: Source,
    pub levels: Vec<Level>,
    /// In display order; a parent comes before its children.
    pub items: Vec<Item>,
}

impl Framework {
    pub fn children_of<'a>(&'a self, parent: Option<&'a str>) -> impl Iterator<Item = &'a Item> {
        self.items
            .iter()
            .filter(move |i| i.parent.as_deref() == parent)
    }
}

/// Checks what both readers must guarantee; the readers report problems of
/// their own format first.
fn check(framework: &Framework) -> Vec<Problem> {
    let mut problems = Vec::new();
    if framework.items.len() > MAX_ITEMS {
        problems.push(Problem::new(
            "",
            format!("more than {MAX_ITEMS} items; split the framework"),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    let levels: std::collections::HashSet<&str> =
        framework.levels.iter().map(|l| l.key.as_str()).collect();
    for item in &framework.items {
        if let Some(parent) = &item.parent
            && !seen.contains(parent.as_str())
        {
            problems.push(Problem::new(
                format!("item {}", item.id),
                format!("its parent {parent} does not come before it"),
            ));
        }
        if let Some(level) = &item.level
            && !levels.contains(level.as_str())
        {
            problems.push(Problem::new(
                format!("item {}", item.id),
                format!("level {level:?} is not one of the framework's levels"),
            ));
        }
        if !seen.insert(item.id.as_str()) {
            problems.push(Problem::new(
                format!("item {}", item.id),
                "this id is used twice",
            ));
        }
    }
    problems
}
