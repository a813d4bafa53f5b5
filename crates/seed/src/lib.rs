//! A synthetic programme, deterministic from its seed, shaped like US public
//! education: 50 states, districts and union locals, schools with NCES-like
//! equity attributes, and educators with subjects, grade bands and
//! experience. It is written to the database ([`to_db`]) or as OneRoster
//! files ([`to_oneroster`]), so the importer can be fed the same programme.
//!
//! On top of a [`Programme`], written to the database: a [`catalogue`] of
//! generated courses and everyone's learning in them ([`activity`]:
//! enrolments, lessons, quizzes, completions with their PD credit and
//! certificates), and [`community`] activity (spaces, topics, replies,
//! follows, accepted answers), the practice [`library`], and the tool
//! registry with the challenge [`radar`]. Later issues add evidence activity: add
//! generators here, keep them deterministic.

mod activity;
pub mod catalogue;
pub mod community;
mod course_words;
mod generate;
pub mod library;
mod names;
pub mod radar;
mod rng;
pub mod to_db;
pub mod to_oneroster;
pub mod workshops;

pub use generate::{Params, generate};

/// The password of the benchmark accounts (`lyceum seed --bench-accounts`).
pub const BENCH_PASSWORD: &str = "lyceum-bench-2026";

use lyceum_domain::i18n::Lang;
use lyceum_domain::org::{OrgKind, SchoolAttributes};
use lyceum_domain::profile::{GradeBand, SchoolRole, Subject};
use lyceum_domain::role::Role;
use lyceum_domain::time::TimeZone;

/// The whole programme, in memory.
#[derive(Debug, Clone)]
pub struct Programme {
    /// Parents always come before their children.
    pub orgs: Vec<Org>,
    pub people: Vec<Person>,
}

#[derive(Debug, Clone)]
pub struct Org {
    /// Stable across runs with the same seed, e.g. `org-000123`.
    pub sourced_id: String,
    pub parent: Option<usize>,
    pub kind: OrgKind,
    pub name: String,
    pub school: SchoolAttributes,
    /// The email domain of a district or local's staff.
    pub email_domain: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub sourced_id: String,
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    /// Index into [`Programme::orgs`].
    pub org: usize,
    pub role: Role,
    pub subjects: Vec<Subject>,
    pub grade_bands: Vec<GradeBand>,
    pub years_experience: i32,
    pub school_role: SchoolRole,
    pub lang: Lang,
}

impl Person {
    pub fn display_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}

impl Programme {
    /// The zone set on each organisation, by index: a state's main zone,
    /// `None` (inherited) for the rest.
    pub fn own_zone(&self, org: usize) -> Option<TimeZone> {
        let o = &self.orgs[org];
        (o.kind == OrgKind::State)
            .then(|| lyceum_domain::us_states::main_zone(&o.name))
            .flatten()
    }

    /// The zone in force at each organisation, by index (parents come
    /// before their children), as `orgs::zone_of` would find it.
    pub fn zones(&self) -> Vec<TimeZone> {
        let mut out: Vec<TimeZone> = Vec::with_capacity(self.orgs.len());
        for (i, o) in self.orgs.iter().enumerate() {
            let zone = self.own_zone(i).unwrap_or_else(|| match o.parent {
                Some(p) => out[p].clone(),
                None => TimeZone::programme(),
            });
            out.push(zone);
        }
        out
    }

    pub fn educators(&self) -> usize {
        self.people
            .iter()
            .filter(|p| p.role == Role::Educator)
            .count()
    }

    pub fn count(&self, kind: OrgKind) -> usize {
        self.orgs.iter().filter(|o| o.kind == kind).count()
    }
}
