//! The translation layer: every word a person reads comes from `locales/*.ftl`
//! (Fluent), in English or Spanish.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::BTreeSet;
use std::sync::{LazyLock, Mutex};
use unic_langid::{LanguageIdentifier, langid};

crate::code_enum! {
    /// A language Lyceum speaks.
    pub enum Lang: "lang" {
        En = "en",
        Es = "es",
    }
}

impl Lang {
    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::En => langid!("en-US"),
            Lang::Es => langid!("es-419"),
        }
    }

    /// The first language of an `Accept-Language` header that Lyceum speaks,
    /// by the order of the header's quality values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut choices: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                let primary = tag.split('-').next()?.to_ascii_lowercase();
                Lang::parse(&primary).map(|l| (q, l))
            })
            .filter(|(q, _)| *q > 0.0)
            .collect();
        choices.sort_by(|a, b| b.0.total_cmp(&a.0));
        choices.first().map(|(_, l)| *l)
    }
}

/// A value passed into a message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(i64),
}

pub struct Catalogue {
    en: FluentBundle<FluentResource>,
    es: FluentBundle<FluentResource>,
    errors: Vec<String>,
    /// Keys asked for but absent, so tests that render every page can
    /// prove none is missing.
    missing: Mutex<BTreeSet<String>>,
}

static SOURCES: [(Lang, &str); 2] = [
    (Lang::En, include_str!("../locales/en.ftl")),
    (Lang::Es, include_str!("../locales/es.ftl")),
];

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(Catalogue::load);

/// The process-wide catalogue, parsed once.
pub fn catalogue() -> &'static Catalogue {
    &CATALOGUE
}

impl Catalogue {
    fn load() -> Self {
        let mut errors = Vec::new();
        let mut bundle_for = |lang: Lang, source: &str| {
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, e)| {
                errors.extend(e.iter().map(|e| format!("{lang}.ftl: {e:?}")));
                r
            });
            let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
            // Pages are HTML and already escaped; the isolation marks Fluent
            // adds around values would only get in the way of copy and search.
            bundle.set_use_isolating(false);
            if let Err(e) = bundle.add_resource(resource) {
                errors.extend(e.iter().map(|e| format!("{lang}.ftl: {e:?}")));
            }
            bundle
        };
        let en = bundle_for(Lang::En, SOURCES[0].1);
        let es = bundle_for(Lang::Es, SOURCES[1].1);
        Self {
            en,
            es,
            errors,
            missing: Mutex::new(BTreeSet::new()),
        }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }

    /// The message `key` in `lang`; the key itself if it is missing (a test
    /// makes sure none is).
    pub fn text(&self, lang: Lang, key: &str) -> String {
        self.text_with(lang, key, &[])
    }

    pub fn text_with(&self, lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            if let Ok(mut missing) = self.missing.lock() {
                missing.insert(format!("{lang}:{key}"));
            }
            return key.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => fluent_args.set(*name, FluentValue::from(*s)),
                Arg::Num(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang).has_message(key)
    }

    /// Every `lang:key` asked for and not found since the process started.
    pub fn missing(&self) -> Vec<String> {
        self.missing
            .lock()
            .map(|m| m.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// Problems found while parsing the `.ftl` files (empty when all is well).
    pub fn load_errors(&self) -> &[String] {
        &self.errors
    }

    /// Every message id in the source of `lang`, for completeness tests.
    pub fn keys(lang: Lang) -> Vec<String> {
        let source = SOURCES.iter().find(|(l, _)| *l == lang).map_or("", |s| s.1);
        source
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_string()))
            .collect()
    }
}

/// `25 Nov 2026` on the calendar of `zone`.
pub fn human_date(micros: i64, zone: &crate::time::TimeZone, lang: Lang) -> String {
    let d = crate::Timestamp::from_micros(micros).date_in(zone);
    format!("{} {} {}", d.day(), month_short(lang, d.month()), d.year())
}

/// `Nov` / `nov`: the catalogue's short month names, looked up once per
/// language rather than once a date (a transcript shows hundreds).
fn month_short(lang: Lang, month: u8) -> &'static str {
    static NAMES: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|&l| {
                (1..=12)
                    .map(|m| catalogue().text(l, &format!("month-short-{m}")))
                    .collect()
            })
            .collect()
    });
    let by_lang = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    usize::from(month)
        .checked_sub(1)
        .and_then(|m| names[by_lang].get(m))
        .map_or("", String::as_str)
}

/// `30 Jun 2026, 8:00 pm PDT` (English) or `30 jun 2026, 20:00 PDT`
/// (Spanish): the wall clock of `zone`, with its abbreviation.
pub fn human_datetime(micros: i64, zone: &crate::time::TimeZone, lang: Lang) -> String {
    let at = crate::Timestamp::from_micros(micros);
    let clock = match lang {
        Lang::En => "%-I:%M %P %Z",
        Lang::Es => "%H:%M %Z",
    };
    format!(
        "{}, {}",
        human_date(micros, zone, lang),
        at.in_zone(zone).strftime(clock)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn both_languages_parse_and_have_the_same_messages() {
        let c = catalogue();
        assert!(c.load_errors().is_empty(), "{:?}", c.load_errors());
        let en: BTreeSet<_> = Catalogue::keys(Lang::En).into_iter().collect();
        let es: BTreeSet<_> = Catalogue::keys(Lang::Es).into_iter().collect();
        let only_en: Vec<_> = en.difference(&es).collect();
        let only_es: Vec<_> = es.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in es.ftl: {only_en:?}");
        assert!(only_es.is_empty(), "missing in en.ftl: {only_es:?}");
        assert!(en.len() > 50);
    }

    #[test]
    fn every_code_enum_has_labels() {
        use crate::community::NotificationKind;
        use crate::org::{Locale, OrgKind, PovertyBand};
        use crate::profile::{GradeBand, SchoolRole, Subject};
        use crate::role::Role;
        let c = catalogue();
        let mut keys: Vec<String> = Vec::new();
        keys.extend(Role::ALL.iter().map(|v| v.label_key()));
        keys.extend(OrgKind::ALL.iter().map(|v| v.label_key()));
        keys.extend(Locale::ALL.iter().map(|v| v.label_key()));
        keys.extend(PovertyBand::ALL.iter().map(|v| v.label_key()));
        keys.extend(Subject::ALL.iter().map(|v| v.label_key()));
        keys.extend(GradeBand::ALL.iter().map(|v| v.label_key()));
        keys.extend(SchoolRole::ALL.iter().map(|v| v.label_key()));
        keys.extend(Lang::ALL.iter().map(|v| v.label_key()));
        keys.extend(NotificationKind::ALL.iter().map(|v| v.label_key()));
        {
            use crate::library::{
                Design, DraftStatus, EffectDirection, Fidelity, Licence, ResourceKind, Tier,
            };
            keys.extend(DraftStatus::ALL.iter().map(|v| v.label_key()));
            keys.extend(Licence::ALL.iter().map(|v| v.label_key()));
            keys.extend(Fidelity::ALL.iter().map(|v| v.label_key()));
            keys.extend(Design::ALL.iter().map(|v| v.label_key()));
            keys.extend(EffectDirection::ALL.iter().map(|v| v.label_key()));
            keys.extend(Tier::ALL.iter().map(|v| v.label_key()));
            keys.extend(ResourceKind::ALL.iter().map(|v| v.label_key()));
        }
        {
            use crate::registry::review::{Criterion, Rating};
            use crate::registry::status::ToolStatus;
            use crate::registry::{CostModel, PrivacyAgreement, ToolSort};
            keys.extend(CostModel::ALL.iter().map(|v| v.label_key()));
            keys.extend(PrivacyAgreement::ALL.iter().map(|v| v.label_key()));
            keys.extend(Criterion::ALL.iter().map(|v| v.label_key()));
            keys.extend(Rating::ALL.iter().map(|v| v.label_key()));
            keys.extend(ToolStatus::ALL.iter().map(|v| v.label_key()));
            keys.extend(ToolSort::ALL.iter().map(|v| v.label_key()));
        }
        {
            use crate::radar::{AnswerKind, Category, Dimension, Severity, Status};
            keys.extend(Category::ALL.iter().map(|v| v.label_key()));
            keys.extend(Severity::ALL.iter().map(|v| v.label_key()));
            keys.extend(Status::ALL.iter().map(|v| v.label_key()));
            keys.extend(AnswerKind::ALL.iter().map(|v| v.label_key()));
            keys.extend(Dimension::ALL.iter().map(|v| v.label_key()));
        }
        for key in keys {
            for lang in Lang::ALL {
                assert!(c.has(*lang, &key), "{lang}.ftl lacks {key}");
            }
        }
    }

    #[test]
    fn formats_arguments_and_plurals() {
        let c = catalogue();
        assert_eq!(c.text(Lang::En, "no-such-key"), "no-such-key");
        assert!(c.missing().contains(&"en:no-such-key".to_string()));
        let one = c.text_with(Lang::En, "people-count", &[("count", Arg::Num(1))]);
        let many = c.text_with(Lang::Es, "people-count", &[("count", Arg::Num(3))]);
        assert_eq!(one, "1 person");
        assert_eq!(many, "3 personas");
    }

    #[test]
    fn accept_language() {
        assert_eq!(
            Lang::from_accept_language("es-MX,es;q=0.9,en;q=0.8"),
            Some(Lang::Es)
        );
        assert_eq!(
            Lang::from_accept_language("fr-FR, en;q=0.5, es;q=0.7"),
            Some(Lang::Es)
        );
        assert_eq!(Lang::from_accept_language("fr, de"), None);
        assert_eq!(Lang::from_accept_language("es;q=0, en"), Some(Lang::En));
    }
}
