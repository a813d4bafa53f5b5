//! Workshops for educators, shared by the pages and the API: finding
//! offerings (the query string, who sees what, pages), an offering with
//! what its page shows beside it, registering and cancelling, and one's own
//! sessions and history. Who may see one offering is `workshop_access`'s.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use crate::workshop_access::{self, OfferingView};
use lyceum_db::workshops::listing::{self, Around, Listed, MyOffering, MySession};
use lyceum_db::workshops::registrations::{self, By};
use lyceum_db::workshops::upcoming::{self, Filter, Seen, Upcoming};
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{Action, Actor};
use lyceum_domain::time::{Date, TimeZone};
use lyceum_domain::validation::Invalid;
use lyceum_domain::workshop::RegistrationStatus;
use lyceum_domain::{CourseId, OfferingId, OrgId, paths};
use serde::Deserialize;
use std::sync::Arc;

use crate::error::{Outcome, refused};

/// Offerings a page lists.
pub const PAGE: i64 = 20;

/// The list's filters as a GET form (and the API's query string) sends
/// them; empty values mean "any".
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FindQuery {
    /// `district` (your districts), `state` (your states), or empty for anywhere.
    #[serde(default)]
    pub near: Option<String>,
    /// A state's organisation id: offerings organised there (overrides `near`).
    #[serde(default)]
    pub state: Option<String>,
    /// `true` (or `on`, `1`): only offerings with a session online.
    #[serde(default, rename = "virtual")]
    pub online: Option<String>,
    /// A course id: cohort runs of that course.
    #[serde(default)]
    pub course: Option<String>,
    /// `YYYY-MM-DD`: starting on or after this day (your school's calendar).
    #[serde(default)]
    pub from: Option<String>,
    /// `YYYY-MM-DD`: starting on or before this day.
    #[serde(default)]
    pub to: Option<String>,
    /// `en` or `es`.
    #[serde(default)]
    pub language: Option<String>,
    /// The cursor of the next page, as the previous one gave it.
    #[serde(default)]
    pub after: Option<String>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl FindQuery {
    pub fn online(&self) -> bool {
        matches!(given(&self.online), Some("true" | "on" | "1" | "yes"))
    }

    /// Whether any filter is set (the page opens its filters then).
    pub fn filtered(&self) -> bool {
        given(&self.near).is_some()
            || given(&self.state).is_some()
            || self.online()
            || given(&self.course).is_some()
            || given(&self.from).is_some()
            || given(&self.to).is_some()
            || given(&self.language).is_some()
    }

    /// The query string of these filters with another cursor (for "next").
    pub fn with_after(&self, after: &str) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for (k, v) in [
            ("near", &self.near),
            ("state", &self.state),
            ("virtual", &self.online),
            ("course", &self.course),
            ("from", &self.from),
            ("to", &self.to),
            ("language", &self.language),
        ] {
            if let Some(v) = given(v) {
                pairs.push((k, v));
            }
        }
        pairs.push(("after", after));
        serde_html_form::to_string(&pairs).unwrap_or_default()
    }
}

/// What the reader may see: the audiences they are in (every organisation
/// on the path of each grant: an audience covers its subtree) and the
/// subtrees where they manage offerings.
pub fn seen(actor: &Actor) -> Seen {
    let mut audiences: Vec<i64> = actor
        .grants
        .iter()
        .flat_map(|g| g.scope.ids())
        .map(|o| o.0)
        .collect();
    audiences.sort_unstable();
    audiences.dedup();
    let mut managed: Vec<OrgPath> = actor
        .grants
        .iter()
        .map(|g| g.scope.clone())
        .filter(|s| actor.can(Action::ManageOfferings, s))
        .collect();
    managed.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    managed.dedup();
    Seen { audiences, managed }
}

/// The first `depth` levels of `path` (programme, state, district).
fn prefix(path: &OrgPath, depth: usize) -> Option<OrgPath> {
    let ids = path.ids();
    if ids.len() < depth {
        return None;
    }
    let mut p = OrgPath::root(ids[0]);
    for id in &ids[1..depth] {
        p = p.child(*id);
    }
    Some(p)
}

/// "Near me": the districts (depth 3) or states (depth 2) of the reader's
/// memberships.
fn near_me(actor: &Actor, depth: usize) -> Vec<OrgPath> {
    let mut v: Vec<OrgPath> = actor
        .grants
        .iter()
        .filter_map(|g| prefix(&g.scope, depth))
        .collect();
    v.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    v.dedup();
    v
}

/// A page of offerings and the cursor of the next, if there is one.
pub struct Found {
    pub items: Vec<Listed>,
    pub next: Option<String>,
}

/// A day typed in a filter, on the reader's calendar.
fn day(v: &Option<String>, field: &str, errors: &mut Invalid) -> Option<Date> {
    let s = given(v)?;
    let d = Date::parse(s);
    if d.is_none() {
        errors.add(field, "date-invalid");
    }
    d
}

/// The filters read and checked (a bad date or cursor names its field).
async fn filter(
    state: &AppState,
    user: &CurrentUser,
    q: &FindQuery,
) -> Result<Result<Filter, Invalid>, AppError> {
    let zone: TimeZone = user.zone.clone();
    let mut errors = Invalid::new();
    let from = day(&q.from, "from", &mut errors);
    let to = day(&q.to, "to", &mut errors);
    let language = match given(&q.language) {
        None => None,
        Some(l) => {
            let parsed = Lang::parse(l);
            if parsed.is_none() {
                errors.add("language", "choose-one");
            }
            parsed
        }
    };
    let course = match given(&q.course) {
        None => None,
        Some(c) => match c.parse::<i64>() {
            Ok(id) if id > 0 => Some(CourseId(id)),
            _ => {
                errors.add("course", "choose-one");
                None
            }
        },
    };
    let after = given(&q.after).and_then(|a| {
        let parsed = a
            .split_once('.')
            .and_then(|(s, i)| Some((s.parse::<i64>().ok()?, i.parse::<i64>().ok()?)));
        if parsed.is_none() {
            errors.add("after", "choose-one");
        }
        parsed
    });
    let mut near = Vec::new();
    let mut nowhere = false;
    if let Some(s) = given(&q.state) {
        match s.parse::<i64>() {
            Ok(id) if id > 0 => match state.org_path(OrgId(id)).await? {
                Some(p) => near.push(p),
                None => errors.add("state", "choose-one"),
            },
            _ => errors.add("state", "choose-one"),
        }
    } else {
        match given(&q.near) {
            None => {}
            Some("district") => near = near_me(&user.actor, 3),
            Some("state") => near = near_me(&user.actor, 2),
            Some(_) => errors.add("near", "choose-one"),
        }
        // Near me, belonging nowhere that deep: nothing is near.
        nowhere = given(&q.near).is_some() && near.is_empty();
    }
    if let Err(e) = errors.into_result() {
        return Ok(Err(e));
    }
    if nowhere {
        // A subtree no organisation is in.
        near.push(OrgPath::root(OrgId(i64::MAX)));
    }
    Ok(Ok(Filter {
        now: state.clock.now(),
        near,
        virtual_only: q.online(),
        course,
        from: from.map(|d| d.start_in(&zone)),
        until: to.and_then(Date::next_day).map(|d| d.start_in(&zone)),
        language,
        after,
        limit: PAGE + 1,
    }))
}

/// The offerings not over, as this server keeps them: one read of their
/// version a request, the whole list again only after a change.
pub async fn upcoming(state: &AppState) -> Result<Arc<Upcoming>, AppError> {
    let now = state.clock.now();
    Ok(state
        .upcoming_offerings
        .get(
            &state.db,
            upcoming::version,
            move |u| u.since <= now,
            move |c| upcoming::load(c, now),
        )
        .await?)
}

/// Offerings the reader may see, as `q` filters them, a page at a time:
/// the page's offerings picked from `listed` in memory, their cards read.
pub async fn find(
    state: &AppState,
    listed: &Upcoming,
    user: &CurrentUser,
    q: &FindQuery,
) -> Outcome<Found> {
    let f = match filter(state, user, q).await? {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let ids = listed.find(&seen(&user.actor), &f);
    let me = user.actor.user_id;
    let mut items = state
        .db
        .read_brief(move |c| listing::cards(c, me, &ids))
        .await?;
    let next = if items.len() > usize::try_from(PAGE).unwrap_or(20) {
        items.truncate(usize::try_from(PAGE).unwrap_or(20));
        items
            .last()
            .map(|l| format!("{}.{}", l.offering.starts_at.unwrap_or(0), l.offering.id.0))
    } else {
        None
    };
    Ok(Ok(Found { items, next }))
}

/// A select's options: (id, what it shows).
pub type Options = Vec<(i64, String)>;

/// The filter's choices: states (id, name) and the courses of offerings
/// the reader may see (id, title).
pub fn choices(
    listed: &Upcoming,
    user: &CurrentUser,
    now: lyceum_domain::Timestamp,
) -> (Options, Options) {
    let states = listed
        .states
        .iter()
        .map(|s| (s.id.0, s.name.clone()))
        .collect();
    (states, listed.courses_offered(&seen(&user.actor), now))
}

/// One offering for its page or the API: as the reader stands to it (404
/// when they may not see it) and what is shown beside it.
pub struct Shown {
    pub view: OfferingView,
    pub around: Around,
}

pub async fn show(state: &AppState, user: &CurrentUser, id: OfferingId) -> Result<Shown, AppError> {
    let view = workshop_access::load(state, user, id).await?;
    let row = view.standing.offering.offering.clone();
    let me = user.actor.user_id;
    let around = state
        .db
        .read_brief(move |c| listing::around(c, &row, me))
        .await?;
    Ok(Shown { view, around })
}

/// Where one's registration stands after registering.
#[derive(Debug, Clone, Copy)]
pub struct Registered {
    pub status: RegistrationStatus,
    /// On the waitlist: one's place (1 = next).
    pub place: Option<i64>,
}

/// Registers the reader: a seat, the waitlist, or a request for approval.
/// Refusals (window, audience, twice, cancelled) come back named on field
/// `offering`.
pub async fn register(state: &AppState, user: &CurrentUser, id: OfferingId) -> Outcome<Registered> {
    // 404 for an offering the reader may not see, before anything is taken.
    workshop_access::load(state, user, id).await?;
    let me = user.actor.user_id;
    let base = state.config.public_origin().to_string();
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| {
                let status = registrations::register(c, id, me, By::Themselves, &base, now)?;
                let place = listing::waitlist_place(c, id, me)?;
                Ok(Registered { status, place })
            })
            .await,
    )
}

/// Cancels the reader's registration; a seat it held goes to the first on
/// the waitlist, who is emailed.
pub async fn cancel(state: &AppState, user: &CurrentUser, id: OfferingId) -> Outcome<()> {
    workshop_access::load(state, user, id).await?;
    let me = user.actor.user_id;
    let base = state.config.public_origin().to_string();
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| registrations::cancel(c, id, me, &base, now).map(|_| ()))
            .await,
    )
}

/// The reader's sessions to come (soonest first) and their history.
pub async fn mine(
    state: &AppState,
    user: &CurrentUser,
) -> Result<(Vec<MySession>, Vec<MyOffering>), AppError> {
    let me = user.actor.user_id;
    let now = state.clock.now();
    Ok(state
        .db
        .read_brief(move |c| lyceum_db::snapshot(c, |c| listing::mine(c, me, now)))
        .await?)
}

/// An offering's page.
pub fn href(id: OfferingId) -> String {
    paths::offering(id)
}
