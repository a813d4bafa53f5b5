//! Finding offerings (`/offerings`: the reader's, filtered by a plain GET
//! form, a page at a time) and one's own sessions and history
//! (`/offerings/mine`).

use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::gate::Access::SignedIn;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::routes::{GET, Routes};
use crate::state::AppState;
use crate::workshop_actions::{self as actions, FindQuery};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::workshops::listing::Listed;
use lyceum_domain::course::hours_in;
use lyceum_domain::time::TimeZone;
use lyceum_domain::workshop::RegistrationStatus;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/offerings", SignedIn, list)
        .add(GET, "/offerings/mine", SignedIn, mine)
}

/// One offering as a card.
pub struct Card {
    pub href: String,
    pub title: String,
    pub organiser: String,
    /// "12 Jan 2027, 4:00 pm CST" (and the last day when it runs longer).
    pub when: String,
    pub hours: String,
    /// In person / online / both, in words.
    pub mode: String,
    pub language: String,
    pub lang: &'static str,
    pub course: Option<String>,
    /// "3 seats left" or "Full: 4 on the waitlist".
    pub seats: String,
    /// The reader's registration, in words.
    pub mine: Option<String>,
}

/// Where a registration stands, in words.
pub fn status_words(page: &Page, s: RegistrationStatus) -> String {
    page.label("registration-status", s.as_str())
}

/// "3 seats left", "1 seat left · 2 waiting for approval"… in words.
pub fn seats_words(page: &Page, seats_left: u32, waitlisted: i64) -> String {
    if seats_left > 0 {
        page.tn("offering-seats-left", i64::from(seats_left))
    } else {
        page.tn("offering-full-waitlist", waitlisted)
    }
}

/// How an offering's sessions are held, in words.
pub fn mode_words(page: &Page, online: bool, room: bool) -> String {
    let code = match (online, room) {
        (true, true) => "both",
        (true, false) => "virtual",
        _ => "in_person",
    };
    page.label("session-mode", code)
}

/// The first session's start, and the last day when it runs over several.
pub fn when_words(page: &Page, starts: Option<i64>, ends: Option<i64>) -> String {
    let Some(s) = starts else {
        return String::new();
    };
    let first = page.datetime(&s);
    match ends {
        Some(e) if page.date(&e) != page.date(&s) => page.t2(
            "offering-when-until",
            "start",
            &first,
            "end",
            &page.date(&e),
        ),
        _ => first,
    }
}

fn card(page: &Page, l: Listed) -> Card {
    let o = &l.offering;
    Card {
        href: actions::href(o.id),
        when: when_words(page, o.starts_at, o.ends_at),
        hours: page.t1("course-hours", "hours", &hours_in(o.hours(), page.lang)),
        mode: mode_words(page, l.has_online, l.has_room),
        language: page.label("lang", o.language.as_str()),
        lang: o.language.as_str(),
        course: l.course.map(|(_, t)| t),
        seats: seats_words(page, o.seats_left(), l.waitlisted),
        mine: l.mine.map(|s| status_words(page, s)),
        organiser: l.organiser,
        title: o.title.clone(),
    }
}

#[derive(Template)]
#[template(path = "workshops_find.html")]
pub struct FindPage {
    page: Page,
    errors: FormErrors,
    q: FindQuery,
    near: Vec<Choice>,
    states: Vec<Choice>,
    courses: Vec<Choice>,
    languages: Vec<Choice>,
    from: String,
    to: String,
    online: bool,
    cards: Vec<Card>,
    next: Option<String>,
}

impl FindPage {
    fn filtered(&self) -> bool {
        self.q.filtered() || !self.errors.is_empty()
    }
}

fn select(chosen: Option<&str>, options: Vec<(String, String)>) -> Vec<Choice> {
    options
        .into_iter()
        .map(|(value, label)| Choice {
            selected: chosen == Some(value.as_str()),
            value,
            label,
        })
        .collect()
}

/// `GET /offerings`
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<FindQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let upcoming = actions::upcoming(&state).await?;
    let found = actions::find(&state, &upcoming, user, &q).await?;
    let (states, courses) = actions::choices(&upcoming, user, state.clock.now());
    let errors = match &found {
        Ok(_) => FormErrors::none(),
        Err(e) => FormErrors::from_invalid(e, ctx.lang),
    };
    let page = Page::new(&ctx, "offerings-title").with_errors(&errors);
    let pick = |v: &Option<String>| v.as_deref().map(str::trim).map(str::to_string);
    let near = select(
        pick(&q.near).as_deref(),
        vec![
            ("district".into(), page.t("offerings-near-district")),
            ("state".into(), page.t("offerings-near-state")),
        ],
    );
    let states = select(
        pick(&q.state).as_deref(),
        states
            .into_iter()
            .map(|(id, n)| (id.to_string(), n))
            .collect(),
    );
    let courses = select(
        pick(&q.course).as_deref(),
        courses
            .into_iter()
            .map(|(id, t)| (id.to_string(), t))
            .collect(),
    );
    let languages = select(
        pick(&q.language).as_deref(),
        ["en", "es"]
            .iter()
            .map(|l| (l.to_string(), page.label("lang", l)))
            .collect(),
    );
    let (cards, next) = match found {
        Ok(f) => (
            f.items.into_iter().map(|l| card(&page, l)).collect(),
            f.next.map(|a| format!("/offerings?{}", q.with_after(&a))),
        ),
        Err(_) => (Vec::new(), None),
    };
    let invalid = !errors.is_empty();
    let view = FindPage {
        page,
        errors,
        from: pick(&q.from).unwrap_or_default(),
        to: pick(&q.to).unwrap_or_default(),
        online: q.online(),
        q,
        near,
        states,
        courses,
        languages,
        cards,
        next,
    };
    Ok(if invalid {
        render_invalid(&view)
    } else {
        render(&view)
    })
}

/// A session to come, as "my sessions" lists it.
pub struct SessionLine {
    pub href: String,
    pub title: String,
    /// In the reader's zone, named; and the session's own when it differs.
    pub when: String,
    pub own_zone: Option<String>,
    pub place: String,
    pub status: String,
    /// Not confirmed yet (waitlisted or waiting for approval).
    pub tentative: bool,
}

/// An offering in "my history".
pub struct HistoryLine {
    pub href: String,
    pub title: String,
    pub when: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "workshops_mine.html")]
pub struct MinePage {
    page: Page,
    sessions: Vec<SessionLine>,
    history: Vec<HistoryLine>,
}

/// The session's time on its own zone's clock, when that zone is not the
/// reader's: "4:00 pm CST in America/Chicago".
pub fn own_zone_words(page: &Page, micros: i64, zone: &str) -> Option<String> {
    let tz = TimeZone::parse(zone)?;
    if tz.name() == page.zone.name() {
        return None;
    }
    let there = lyceum_domain::i18n::human_datetime(micros, &tz, page.lang);
    if there == page.datetime(&micros) {
        return None;
    }
    Some(page.t2("offering-own-zone", "time", &there, "zone", tz.name()))
}

/// `GET /offerings/mine`
pub async fn mine(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let (sessions, history) = actions::mine(&state, user).await?;
    let page = Page::new(&ctx, "offerings-mine-title");
    let sessions = sessions
        .into_iter()
        .map(|s| SessionLine {
            href: actions::href(s.offering),
            when: page.datetime(&s.starts_at),
            own_zone: own_zone_words(&page, s.starts_at, &s.time_zone),
            place: if s.mode.in_person() && !s.venue.is_empty() {
                s.venue
            } else {
                page.label("session-mode", s.mode.as_str())
            },
            status: status_words(&page, s.status),
            tentative: s.status != RegistrationStatus::Confirmed,
            title: s.title,
        })
        .collect();
    let history = history
        .into_iter()
        .map(|h| HistoryLine {
            href: actions::href(h.offering),
            when: when_words(&page, h.starts_at, h.ends_at),
            status: if h.cancelled {
                page.t("offering-cancelled-short")
            } else if h.status == RegistrationStatus::Confirmed {
                page.t("offerings-mine-had-seat")
            } else {
                status_words(&page, h.status)
            },
            title: h.title,
        })
        .collect();
    Ok(render(&MinePage {
        page,
        sessions,
        history,
    }))
}
