//! Drawing a programme: the tree first, then people in proportion to schools' size.

use crate::names::{FAMILY, GIVEN, PLACES, SCHOOL_NAMES};
use crate::rng::Rng;
use crate::{Org, Person, Programme};
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::{Locale, OrgKind, PovertyBand, SchoolAttributes};
use lyceum_domain::profile::{GradeBand, SchoolRole, Subject};
use lyceum_domain::role::Role;
use lyceum_domain::search::words;

#[derive(Debug, Clone, Copy)]
pub struct Params {
    pub educators: usize,
    pub seed: u64,
}

/// States with weights close to their share of US public-school teachers.
const STATES: &[(&str, f64)] = &[
    ("Alabama", 45.0),
    ("Alaska", 8.0),
    ("Arizona", 50.0),
    ("Arkansas", 35.0),
    ("California", 270.0),
    ("Colorado", 55.0),
    ("Connecticut", 42.0),
    ("Delaware", 9.0),
    ("Florida", 180.0),
    ("Georgia", 115.0),
    ("Hawaii", 12.0),
    ("Idaho", 17.0),
    ("Illinois", 130.0),
    ("Indiana", 60.0),
    ("Iowa", 36.0),
    ("Kansas", 37.0),
    ("Kentucky", 42.0),
    ("Louisiana", 45.0),
    ("Maine", 15.0),
    ("Maryland", 60.0),
    ("Massachusetts", 75.0),
    ("Michigan", 85.0),
    ("Minnesota", 55.0),
    ("Mississippi", 32.0),
    ("Missouri", 70.0),
    ("Montana", 11.0),
    ("Nebraska", 23.0),
    ("Nevada", 23.0),
    ("New Hampshire", 15.0),
    ("New Jersey", 115.0),
    ("New Mexico", 20.0),
    ("New York", 210.0),
    ("North Carolina", 100.0),
    ("North Dakota", 9.0),
    ("Ohio", 100.0),
    ("Oklahoma", 42.0),
    ("Oregon", 30.0),
    ("Pennsylvania", 120.0),
    ("Rhode Island", 11.0),
    ("South Carolina", 50.0),
    ("South Dakota", 10.0),
    ("Tennessee", 65.0),
    ("Texas", 370.0),
    ("Utah", 30.0),
    ("Vermont", 8.0),
    ("Virginia", 90.0),
    ("Washington", 60.0),
    ("West Virginia", 19.0),
    ("Wisconsin", 60.0),
    ("Wyoming", 7.0),
];

/// NCES locale mix of public schools: city, suburb, town, rural.
const LOCALES: [(Locale, f64); 4] = [
    (Locale::City, 0.26),
    (Locale::Suburb, 0.32),
    (Locale::Town, 0.13),
    (Locale::Rural, 0.29),
];

/// Poverty bands (low, mid-low, mid-high, high) by locale: cities poorer, suburbs richer.
fn poverty_weights(locale: Locale) -> [f64; 4] {
    match locale {
        Locale::City => [0.12, 0.20, 0.28, 0.40],
        Locale::Suburb => [0.33, 0.30, 0.22, 0.15],
        Locale::Town => [0.10, 0.30, 0.35, 0.25],
        Locale::Rural => [0.15, 0.33, 0.32, 0.20],
    }
}

const BANDS: [PovertyBand; 4] = [
    PovertyBand::Low,
    PovertyBand::MidLow,
    PovertyBand::MidHigh,
    PovertyBand::High,
];

/// Chance a school is Title I, by poverty band (about 56% overall).
fn title_i_chance(band: PovertyBand) -> f64 {
    match band {
        PovertyBand::Low => 0.15,
        PovertyBand::MidLow => 0.45,
        PovertyBand::MidHigh => 0.75,
        PovertyBand::High => 0.95,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Level {
    Elementary,
    Middle,
    High,
}

const PEOPLE_PER_SCHOOL: usize = 16;

pub fn generate(params: Params) -> Programme {
    let mut rng = Rng::new(params.seed);
    let schools = (params.educators / PEOPLE_PER_SCHOOL).clamp(3, 25_000);
    let bodies = (schools * 2 / 25).clamp(2, 2_000);
    let states = STATES.len().min(bodies);

    let mut orgs = vec![Org {
        sourced_id: "org-000000".into(),
        parent: None,
        kind: OrgKind::Programme,
        name: "National AI Teaching Programme".into(),
        school: SchoolAttributes::default(),
        email_domain: None,
    }];
    let state_weights: Vec<f64> = STATES[..states].iter().map(|s| s.1).collect();
    for (name, _) in &STATES[..states] {
        push(
            &mut orgs,
            Some(0),
            OrgKind::State,
            (*name).to_string(),
            None,
        );
    }
    // Districts and locals, spread over states by weight; one in five is a union local.
    let mut body_ids = Vec::with_capacity(bodies);
    for i in 0..bodies {
        let state = 1 + if i < states {
            i
        } else {
            rng.weighted(&state_weights)
        };
        let place = rng.pick(PLACES);
        let (kind, name) = if i % 5 == 4 {
            (
                OrgKind::Local,
                format!("{place} Education Association, Local {}", 100 + i),
            )
        } else {
            let suffix = rng.pick(&[
                "Public Schools",
                "Unified School District",
                "City Schools",
                "County Schools",
            ]);
            (OrgKind::District, format!("{place} {suffix}"))
        };
        let domain = format!(
            "{}{:04}.example.org",
            if kind == OrgKind::Local { "ea" } else { "sd" },
            i
        );
        body_ids.push(push(&mut orgs, Some(state), kind, name, Some(domain)));
    }
    // Schools: each body gets at least one, the rest by state weight.
    let mut school_levels = Vec::with_capacity(schools);
    for i in 0..schools {
        let parent = if i < bodies {
            body_ids[i]
        } else {
            body_ids[rng.below(bodies)]
        };
        let level = match rng.weighted(&[0.55, 0.22, 0.23]) {
            0 => Level::Elementary,
            1 => Level::Middle,
            _ => Level::High,
        };
        let locale = LOCALES[rng.weighted(&LOCALES.map(|l| l.1))].0;
        let band = BANDS[rng.weighted(&poverty_weights(locale))];
        let median = match level {
            Level::Elementary => 450.0,
            Level::Middle => 600.0,
            Level::High => 800.0,
        };
        let enrolment = rng.around(median, 0.35).clamp(40.0, 4_500.0) as i32;
        let school = SchoolAttributes {
            locale: Some(locale),
            title_i: Some(rng.chance(title_i_chance(band))),
            poverty_band: Some(band),
            enrolment: Some(enrolment),
        };
        let kind_word = match level {
            Level::Elementary => "Elementary School",
            Level::Middle => "Middle School",
            Level::High => "High School",
        };
        let name = format!("{} {kind_word}", rng.pick(SCHOOL_NAMES));
        let id = push(&mut orgs, Some(parent), OrgKind::School, name, None);
        orgs[id].school = school;
        school_levels.push((id, level));
    }

    let mut people = Vec::with_capacity(params.educators + bodies * 2 + 2);
    let weights: Vec<f64> = school_levels
        .iter()
        .map(|(id, _)| f64::from(orgs[*id].school.enrolment.unwrap_or(400)))
        .collect();
    let total: f64 = weights.iter().sum();
    let mut placed = 0;
    for (k, (school, level)) in school_levels.iter().enumerate() {
        let share = if k + 1 == school_levels.len() {
            params.educators - placed
        } else {
            ((weights[k] / total) * params.educators as f64).round() as usize
        };
        let share = share.min(params.educators - placed);
        for _ in 0..share {
            let n = people.len();
            people.push(educator(&mut rng, &orgs, *school, *level, n));
        }
        placed += share;
    }
    // Leaders: an admin and a facilitator in every district and local, two for the programme.
    for body in &body_ids {
        for role in [Role::OrgAdmin, Role::Facilitator] {
            let n = people.len();
            let mut p = educator(&mut rng, &orgs, *body, Level::High, n);
            p.role = role;
            p.school_role = SchoolRole::DistrictStaff;
            people.push(p);
        }
    }
    for _ in 0..2 {
        let n = people.len();
        let mut p = educator(&mut rng, &orgs, 0, Level::High, n);
        p.role = Role::ProgrammeAdmin;
        p.school_role = SchoolRole::Other;
        p.email = format!(
            "{}.{}.{n}@programme.example.org",
            slug(&p.given_name),
            slug(&p.family_name)
        );
        people.push(p);
    }
    Programme { orgs, people }
}

fn push(
    orgs: &mut Vec<Org>,
    parent: Option<usize>,
    kind: OrgKind,
    name: String,
    email_domain: Option<String>,
) -> usize {
    let id = orgs.len();
    orgs.push(Org {
        sourced_id: format!("org-{id:06}"),
        parent,
        kind,
        name,
        school: SchoolAttributes::default(),
        email_domain,
    });
    id
}

/// The email domain of the district or local above `org`.
fn domain_of(orgs: &[Org], mut org: usize) -> &str {
    loop {
        if let Some(d) = &orgs[org].email_domain {
            return d;
        }
        match orgs[org].parent {
            Some(p) => org = p,
            None => return "programme.example.org",
        }
    }
}

fn slug(name: &str) -> String {
    words(name).join("")
}

fn educator(rng: &mut Rng, orgs: &[Org], org: usize, level: Level, n: usize) -> Person {
    let given = rng.pick(GIVEN).to_string();
    let family = rng.pick(FAMILY).to_string();
    let email = format!(
        "{}.{}.{n}@{}",
        slug(&given),
        slug(&family),
        domain_of(orgs, org)
    );
    let (subjects, grade_bands) = teaching(rng, level);
    let school_role = match rng.weighted(&[0.80, 0.07, 0.03, 0.02, 0.03, 0.03, 0.02]) {
        0 => SchoolRole::Teacher,
        1 => SchoolRole::Paraprofessional,
        2 => SchoolRole::InstructionalCoach,
        3 => SchoolRole::Librarian,
        4 => SchoolRole::Counselor,
        5 => SchoolRole::SchoolLeader,
        _ => SchoolRole::Other,
    };
    Person {
        sourced_id: format!("usr-{n:07}"),
        given_name: given,
        family_name: family,
        email,
        org,
        role: Role::Educator,
        subjects,
        grade_bands,
        years_experience: rng.around(10.0, 0.8).clamp(0.0, 45.0) as i32,
        school_role,
        lang: if rng.chance(0.08) { Lang::Es } else { Lang::En },
    }
}

fn teaching(rng: &mut Rng, level: Level) -> (Vec<Subject>, Vec<GradeBand>) {
    use Subject::*;
    let (pool, bands): (&[Subject], Vec<GradeBand>) = match level {
        Level::Elementary => (
            &[
                Elementary,
                Elementary,
                Elementary,
                Arts,
                HealthPe,
                Library,
                SpecialEducation,
                EnglishLearners,
                Math,
                Ela,
            ],
            match rng.below(4) {
                0 => vec![GradeBand::K2],
                1 => vec![GradeBand::G3to5],
                _ => vec![GradeBand::K2, GradeBand::G3to5],
            },
        ),
        Level::Middle => (
            &[
                Ela,
                Math,
                Science,
                SocialStudies,
                WorldLanguages,
                Arts,
                HealthPe,
                ComputerScience,
                SpecialEducation,
                EnglishLearners,
            ],
            vec![GradeBand::G6to8],
        ),
        Level::High => (
            &[
                Ela,
                Math,
                Science,
                SocialStudies,
                WorldLanguages,
                Arts,
                HealthPe,
                ComputerScience,
                CareerTechnical,
                SpecialEducation,
            ],
            vec![GradeBand::G9to12],
        ),
    };
    let mut subjects = vec![*rng.pick(pool)];
    if rng.chance(0.15) {
        subjects.push(*rng.pick(pool));
    }
    subjects.sort();
    subjects.dedup();
    (subjects, bands)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_and_determinism() {
        let p = generate(Params {
            educators: 20_000,
            seed: 42,
        });
        let again = generate(Params {
            educators: 20_000,
            seed: 42,
        });
        assert_eq!(p.people.len(), again.people.len());
        assert_eq!(p.people[777].email, again.people[777].email);
        assert_eq!(p.educators(), 20_000);
        assert_eq!(p.count(OrgKind::School), 1_250);
        assert_eq!(p.count(OrgKind::State), 50);
        assert_eq!(p.count(OrgKind::District) + p.count(OrgKind::Local), 100);
        // Parents before children, emails unique.
        assert!(
            p.orgs
                .iter()
                .enumerate()
                .all(|(i, o)| o.parent.is_none_or(|parent| parent < i))
        );
        let mut emails: Vec<&str> = p.people.iter().map(|x| x.email.as_str()).collect();
        emails.sort();
        emails.dedup();
        assert_eq!(emails.len(), p.people.len());
        // Roughly NCES proportions.
        let schools: Vec<_> = p
            .orgs
            .iter()
            .filter(|o| o.kind == OrgKind::School)
            .collect();
        let share = |f: &dyn Fn(&&Org) -> bool| {
            schools.iter().filter(|o| f(o)).count() as f64 / schools.len() as f64
        };
        let rural = share(&|o| o.school.locale == Some(Locale::Rural));
        let title_i = share(&|o| o.school.title_i == Some(true));
        assert!((0.24..0.34).contains(&rural), "rural {rural}");
        assert!((0.50..0.64).contains(&title_i), "title I {title_i}");
        let other = generate(Params {
            educators: 20_000,
            seed: 43,
        });
        assert_ne!(p.people[777].email, other.people[777].email);
    }

    #[test]
    fn full_scale_counts() {
        let p = generate(Params {
            educators: 400_000,
            seed: 42,
        });
        assert_eq!(p.educators(), 400_000);
        assert_eq!(p.count(OrgKind::School), 25_000);
        assert_eq!(p.count(OrgKind::District) + p.count(OrgKind::Local), 2_000);
    }
}
