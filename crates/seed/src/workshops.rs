//! Workshop offerings across the programme, deterministic from the seed:
//! each district and union local runs about one offering per 80 of its
//! educators (in person at a hub, online, or both; one to ten weekly
//! sessions after school in its state's zone, spread over the programme's
//! years and the next six months), each state two online ones open to
//! everyone signed in. People register from the organiser's own educators
//! (a share of offerings fill up and keep a waitlist; some cancel), and
//! past sessions have attendance; those meeting the rule (80 % attended)
//! earn the offering's hours.

use crate::Programme;
use crate::rng::Rng;
use lyceum_domain::org::OrgKind;
use lyceum_domain::role::Role;
use lyceum_domain::workshop::{Mark, Mode, RegistrationStatus};

const DAY: i64 = 24 * 3_600_000_000;
const HOUR: i64 = 3_600_000_000;
/// Educators per offering a district or local runs.
const EDUCATORS_PER_OFFERING: usize = 80;

#[derive(Debug, Clone)]
pub struct Offering {
    /// Index into the programme's organisations: the organiser.
    pub org: usize,
    /// `None`: open to everyone signed in; else this organisation's subtree.
    pub audience: Option<usize>,
    pub title: String,
    pub description: String,
    pub quarter_hours: i32,
    pub capacity: i32,
    pub mode: Mode,
    pub venue: String,
    pub address: String,
    pub opens_at: i64,
    pub closes_at: i64,
    /// (start, end), weekly.
    pub sessions: Vec<(i64, i64)>,
    pub zone: String,
    /// People (indices into the programme's people).
    pub facilitators: Vec<u32>,
    /// In arrival order: (person, status).
    pub registrations: Vec<(u32, RegistrationStatus)>,
    /// (session index, person, mark) for past sessions.
    pub attendance: Vec<(usize, u32, Mark)>,
    /// People who met the credit rule.
    pub credited: Vec<u32>,
}

impl Offering {
    pub fn starts_at(&self) -> i64 {
        self.sessions.first().map_or(0, |s| s.0)
    }

    pub fn ends_at(&self) -> i64 {
        self.sessions.last().map_or(0, |s| s.1)
    }
}

const THEMES: &[(&str, &str)] = &[
    (
        "Feedback on student writing with AI",
        "Use an AI model to draft feedback on essays, then check it against your rubric and your students.",
    ),
    (
        "Differentiated reading passages",
        "Generate passages at several reading levels on one topic, and judge them for accuracy and bias.",
    ),
    (
        "Academic integrity in the age of AI",
        "Rewrite one assignment so that AI use is visible, discussed and fair.",
    ),
    (
        "AI in the science lab",
        "Plan an inquiry lesson where students test an AI model's explanations against evidence.",
    ),
    (
        "Student privacy and AI tools",
        "Read a tool's privacy terms together and decide what your class may enter into it.",
    ),
    (
        "Prompting for lesson planning",
        "Draft a unit plan with an AI assistant, then revise it for your standards and your students.",
    ),
    (
        "Math reasoning with AI tutors",
        "Try AI tutors on word problems, find where they go wrong, and turn that into a lesson.",
    ),
    (
        "Bias in AI images and text",
        "Collect examples of biased output with colleagues and plan how to discuss them with students.",
    ),
    (
        "AI for multilingual learners",
        "Use translation and simplification carefully, with the family's language and culture in mind.",
    ),
    (
        "Leading AI policy in your school",
        "Draft a one-page classroom AI policy with your team and plan how to share it with families.",
    ),
];

const HUBS: &[&str] = &[
    "Regional Learning Hub",
    "District Professional Learning Center",
    "Union Hall Training Room",
    "High School Library",
    "Education Service Center",
];

/// The webinar day: offerings of the programme itself, online, open to
/// everyone signed in, empty, registration open — what the benchmark fills
/// with 20,000 people at once.
pub const WEBINARS: usize = 10;
pub const WEBINAR_SEATS: i32 = 1_000;

fn webinars(now: i64) -> Vec<Offering> {
    (0..WEBINARS)
        .map(|k| {
            let (theme, about) = THEMES[k % THEMES.len()];
            let start = now - now.rem_euclid(DAY) + 30 * DAY + 18 * HOUR + (k as i64 % 5) * HOUR;
            Offering {
                org: 0,
                audience: None,
                title: format!("National AI webinar day: {theme}"),
                description: format!("{about} One hour, online, for educators across the country."),
                quarter_hours: 4,
                capacity: WEBINAR_SEATS,
                mode: Mode::Virtual,
                venue: String::new(),
                address: String::new(),
                opens_at: now - DAY,
                closes_at: now + 365 * DAY,
                sessions: vec![(start, start + HOUR)],
                zone: "America/New_York".into(),
                facilitators: Vec::new(),
                registrations: Vec::new(),
                attendance: Vec::new(),
                credited: Vec::new(),
            }
        })
        .collect()
}

/// The organisation index of each organisation's district or local (itself
/// for one), if it has one.
fn bodies(p: &Programme) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = Vec::with_capacity(p.orgs.len());
    for (i, o) in p.orgs.iter().enumerate() {
        let b = match o.kind {
            OrgKind::District | OrgKind::Local => Some(i),
            _ => o.parent.and_then(|parent| out[parent]),
        };
        out.push(b);
    }
    out
}

/// The state of each organisation, if it is in one.
fn states(p: &Programme) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = Vec::with_capacity(p.orgs.len());
    for (i, o) in p.orgs.iter().enumerate() {
        let s = match o.kind {
            OrgKind::State => Some(i),
            _ => o.parent.and_then(|parent| out[parent]),
        };
        out.push(s);
    }
    out
}

/// Every offering, sized by the programme, the [`WEBINARS`] first. `since`
/// and `now` in microseconds.
pub fn plan(p: &Programme, seed: u64, since: i64, now: i64) -> Vec<Offering> {
    let mut rng = Rng::new(seed ^ 0x005e_ed0f_0ff3);
    let body_of = bodies(p);
    let state_of = states(p);
    let zones = p.zones();
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); p.orgs.len()];
    let mut facilitators: Vec<Vec<u32>> = vec![Vec::new(); p.orgs.len()];
    for (i, person) in p.people.iter().enumerate() {
        match person.role {
            Role::Educator => {
                for up in [body_of[person.org], state_of[person.org]]
                    .into_iter()
                    .flatten()
                {
                    members[up].push(i as u32);
                }
            }
            Role::Facilitator => facilitators[person.org].push(i as u32),
            _ => {}
        }
    }
    let mut out = webinars(now);
    for (org, o) in p.orgs.iter().enumerate() {
        let (count, statewide) = match o.kind {
            OrgKind::District | OrgKind::Local => {
                (members[org].len().div_ceil(EDUCATORS_PER_OFFERING), false)
            }
            OrgKind::State if !members[org].is_empty() => (2, true),
            _ => continue,
        };
        // A state's offerings are led by facilitators of its districts.
        let leaders: Vec<u32> = if statewide {
            p.orgs
                .iter()
                .enumerate()
                .filter(|(k, _)| state_of[*k] == Some(org))
                .flat_map(|(k, _)| facilitators[k].iter().copied())
                .collect()
        } else {
            facilitators[org].clone()
        };
        for _ in 0..count {
            out.push(offering(
                &mut rng,
                p,
                org,
                statewide,
                &members[org],
                &leaders,
                zones[org].name(),
                since,
                now,
            ));
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn offering(
    rng: &mut Rng,
    p: &Programme,
    org: usize,
    statewide: bool,
    members: &[u32],
    leaders: &[u32],
    zone: &str,
    since: i64,
    now: i64,
) -> Offering {
    let (theme, about) = *rng.pick(THEMES);
    let mode = if statewide {
        Mode::Virtual
    } else {
        [Mode::InPerson, Mode::Virtual, Mode::Both][rng.weighted(&[0.45, 0.40, 0.15])]
    };
    let sessions_n = [1usize, 2, 3, 4, 6, 10][rng.weighted(&[0.15, 0.20, 0.15, 0.15, 0.20, 0.15])];
    // The first session: a weekday at 4 pm in the state's zone (UTC-5 to
    // UTC-10: 21:00–02:00 UTC; close enough for synthetic data, exact in
    // the stored instants), between a month into the programme and six
    // months from now.
    let span_days = (now + 180 * DAY - since - 30 * DAY) / DAY;
    let day = since + 30 * DAY + (rng.below(span_days.max(1) as usize) as i64) * DAY;
    let first = day - day.rem_euclid(DAY) + 22 * HOUR;
    let length = [60, 90, 120, 180][rng.below(4)] * 60_000_000i64;
    let sessions: Vec<(i64, i64)> = (0..sessions_n as i64)
        .map(|k| (first + k * 7 * DAY, first + k * 7 * DAY + length))
        .collect();
    let capacity = if statewide {
        300 + rng.below(700) as i32
    } else if mode == Mode::InPerson {
        15 + rng.below(26) as i32
    } else {
        40 + rng.below(160) as i32
    };
    let hours_quarters = (sessions_n as i64 * length / (15 * 60_000_000)) as i32;
    let org_name = &p.orgs[org].name;
    let mut o = Offering {
        org,
        audience: (!statewide || rng.chance(0.5)).then_some(org),
        title: if statewide {
            format!("{theme} — {org_name} online")
        } else {
            format!("{theme} — {org_name}")
        },
        description: format!(
            "{about} {} session{} led by teacher-facilitators.",
            sessions_n,
            if sessions_n == 1 { "" } else { "s" }
        ),
        quarter_hours: hours_quarters,
        capacity,
        mode,
        venue: if mode.in_person() {
            format!("{} — {org_name}", rng.pick(HUBS))
        } else {
            String::new()
        },
        address: if mode.in_person() {
            format!("{} Main Street", 100 + rng.below(900))
        } else {
            String::new()
        },
        opens_at: first - 45 * DAY,
        closes_at: first - DAY,
        sessions,
        zone: zone.to_string(),
        facilitators: if leaders.is_empty() {
            Vec::new()
        } else {
            vec![*rng.pick(leaders)]
        },
        registrations: Vec::new(),
        attendance: Vec::new(),
        credited: Vec::new(),
    };
    register(rng, &mut o, members, now);
    o
}

/// Fills the offering from its organiser's educators, in arrival order.
fn register(rng: &mut Rng, o: &mut Offering, members: &[u32], now: i64) {
    if members.is_empty() {
        return;
    }
    // Half fill up (a waitlist of up to a fifth more); the rest 40–95 %.
    let fill = if rng.chance(0.5) {
        1.0 + rng.unit() * 0.2
    } else {
        0.4 + rng.unit() * 0.55
    };
    let wanted = ((o.capacity as f64 * fill) as usize).min(members.len());
    let mut chosen = std::collections::HashSet::with_capacity(wanted);
    let mut confirmed = 0;
    let mut tries = 0;
    while chosen.len() < wanted && tries < wanted * 4 {
        tries += 1;
        let person = members[rng.below(members.len())];
        if !chosen.insert(person) {
            continue;
        }
        let status = if rng.chance(0.06) {
            RegistrationStatus::Cancelled
        } else if confirmed < o.capacity {
            confirmed += 1;
            RegistrationStatus::Confirmed
        } else {
            RegistrationStatus::Waitlisted
        };
        o.registrations.push((person, status));
    }
    // Attendance at sessions that have ended, and who met the rule.
    let past: Vec<usize> = (0..o.sessions.len())
        .filter(|k| o.sessions[*k].1 < now)
        .collect();
    if past.is_empty() {
        return;
    }
    let marks = [
        Mark::Present,
        Mark::Late,
        Mark::LeftEarly,
        Mark::Absent,
        Mark::Excused,
    ];
    let complete = past.len() == o.sessions.len();
    for &(person, status) in &o.registrations {
        if status != RegistrationStatus::Confirmed {
            continue;
        }
        let diligent = rng.chance(0.85);
        let mut attended = 0;
        for &k in &past {
            let mark = if diligent {
                marks[rng.weighted(&[0.90, 0.06, 0.02, 0.015, 0.005])]
            } else {
                marks[rng.weighted(&[0.45, 0.05, 0.05, 0.35, 0.10])]
            };
            attended += usize::from(mark.attended());
            o.attendance.push((k, person, mark));
        }
        if complete && attended * 100 >= o.sessions.len() * 80 {
            o.credited.push(person);
        }
    }
}
