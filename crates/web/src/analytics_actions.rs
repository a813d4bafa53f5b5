//! Programme analytics, shared by `pages/analytics/` (the dashboard, its
//! CSV and the goal's form) and `api/analytics.rs`: who reads what, the
//! dashboard of one organisation's subtree worked out from the stored
//! rollups (`lyceum_db::analytics`), and every count published as the
//! reader may see it.
//!
//! Who reads it is the policy's (`Actor::reads_analytics`): programme
//! admins exactly, anywhere; organisation admins their subtrees and
//! researchers the programme and its states, suppressed. Suppression is
//! decided over everything one dashboard publishes together
//! (`disclosure::suppress_system`): each measure's school years and its
//! total, its segments, its children — and, where the children are
//! schools, whose locale, Title I status and poverty band are public, the
//! lines that tie each segment to its schools.

use crate::context::CurrentUser;
use crate::error::{AppError, Outcome};
use crate::state::AppState;
use lyceum_db::analytics::{self as stored, Child};
use lyceum_domain::analytics::goal::{self, Goal, Projection};
use lyceum_domain::analytics::rollup::Rollup;
use lyceum_domain::analytics::{ALL, Dimension, Milestone, ReachedBy, UNKNOWN};
use lyceum_domain::disclosure::{Cell, Line, suppress_system};
use lyceum_domain::org::{OrgKind, OrgPath};
use lyceum_domain::policy::AnalyticsView;
use lyceum_domain::radar::month_of;
use lyceum_domain::time::TimeZone;
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::{OrgId, Timestamp, pd};
use serde::Deserialize;

/// What the dashboard is asked for.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DashboardQuery {
    /// The organisation whose subtree to count: one you may read (see the
    /// dashboard's `scopes`); absent for your first scope (the programme
    /// for programme staff).
    #[serde(default)]
    pub org: Option<String>,
}

/// One measure over the school years, with its total to date.
#[derive(Debug, Clone)]
pub struct FunnelRow {
    pub milestone: Milestone,
    /// One a school year, as `Dashboard::years`.
    pub years: Vec<Cell>,
    pub to_date: Cell,
}

/// One segment's educators and those reached.
#[derive(Debug, Clone)]
pub struct SegmentRow {
    pub value: &'static str,
    pub educators: Cell,
    pub reached: Cell,
    /// Reached per hundred educators, when both are published.
    pub rate: Option<f64>,
}

/// One dimension's segments.
#[derive(Debug, Clone)]
pub struct SegmentTable {
    pub dimension: Dimension,
    pub rows: Vec<SegmentRow>,
    /// The least and the best reached segments (known values only, rates
    /// published): (worst, best, worst's rate as a share of best's, in %).
    pub gap: Option<(&'static str, &'static str, f64)>,
}

/// A child organisation's educators and those reached.
#[derive(Debug, Clone)]
pub struct ChildRow {
    pub id: OrgId,
    pub name: String,
    pub kind: OrgKind,
    pub educators: Cell,
    pub reached: Cell,
    pub rate: Option<f64>,
    /// The reader may open its own dashboard.
    pub opens: bool,
}

/// The programme's goal and how it stands.
#[derive(Debug, Clone)]
pub struct GoalProgress {
    pub goal: Goal,
    /// Set by an admin (else the default).
    pub set: bool,
    /// Reached by the end of each of the goal's years (those begun), from
    /// the start: `None` where a year's count is not published.
    pub reached_by_year: Vec<(i32, Option<u64>)>,
    pub reached: Cell,
    pub on_track: Option<bool>,
    /// At the current pace (the programme team only: it reads months).
    pub projection: Option<Projection>,
}

/// One organisation's dashboard.
#[derive(Debug, Clone)]
pub struct Dashboard {
    pub org: OrgId,
    pub org_name: String,
    pub kind: OrgKind,
    pub view: AnalyticsView,
    /// From the highest the reader may read down to here: (id, name).
    pub trail: Vec<(OrgId, String)>,
    /// Where the reader may start: (id, name).
    pub scopes: Vec<(OrgId, String)>,
    pub reached_by: ReachedBy,
    /// School years, by the year each starts, oldest first.
    pub years: Vec<i32>,
    pub funnel: Vec<FunnelRow>,
    pub segments: Vec<SegmentTable>,
    pub children: Vec<ChildRow>,
    /// People whose home is this organisation itself, not one below it
    /// (educators, reached): none for a school.
    pub here: Option<(Cell, Cell)>,
    pub goal: Option<GoalProgress>,
    /// When the counts were read, and since when changes wait to be
    /// counted (none: everything is in).
    pub as_of: Timestamp,
    pub waiting_since: Option<Timestamp>,
}

impl Dashboard {
    /// The funnel row of `m`.
    pub fn row(&self, m: Milestone) -> Option<&FunnelRow> {
        self.funnel.iter().find(|r| r.milestone == m)
    }
}

/// Whether `user` reads any analytics: the link in the admin area.
pub fn reads_any(user: &CurrentUser) -> bool {
    !user.actor.analytics_scopes().is_empty()
}

fn unknown(field: &str, v: &str) -> FieldError {
    FieldError::new(field, "unknown-choice").with_arg("value", v)
}

/// The programme's goal: as set, or the default from the school year the
/// programme's root was made in.
fn goal_or_default(c: &mut lyceum_db::DbConn) -> Result<(Goal, bool), lyceum_db::DbError> {
    if let Some(g) = lyceum_db::programme_settings::reach_goal(c)? {
        return Ok((g, true));
    }
    let root = lyceum_db::orgs::root(c)?.ok_or(lyceum_db::DbError::NotFound)?;
    let zone = lyceum_db::orgs::zone_of(c, &root.org_path()?)?;
    Ok((
        Goal::default_from(pd::school_year(Timestamp(root.created_at), &zone)),
        false,
    ))
}

/// The goal as it stands (programme admins change it: `set_goal`).
pub async fn goal(state: &AppState, user: &CurrentUser) -> Result<(Goal, bool), AppError> {
    if !reads_any(user) {
        return Err(AppError::Forbidden);
    }
    Ok(state.db.read(goal_or_default).await?)
}

/// Sets the programme's goal (programme admins only: 403 for anyone else,
/// and the write asks again).
pub async fn set_goal(
    state: &AppState,
    user: &CurrentUser,
    input: &goal::GoalInput,
) -> Outcome<bool> {
    if !crate::programme_settings_actions::manages(&user.actor) {
        return Err(AppError::Forbidden);
    }
    let goal = match input.validate() {
        Ok(g) => g,
        Err(e) => return Ok(Err(e)),
    };
    let actor = user.actor.clone();
    let now = state.clock.now();
    crate::error::refused(
        state
            .db
            .write(move |c| lyceum_db::programme_settings::set_reach_goal(c, &actor, &goal, now))
            .await,
    )
}

/// The dashboard of the organisation asked for (or the reader's first
/// scope). 403 for someone who reads no analytics; an organisation they
/// may not read, or none, is refused on `org` as an unknown choice (its
/// existence is not told).
pub async fn dashboard(
    state: &AppState,
    user: &CurrentUser,
    q: &DashboardQuery,
) -> Outcome<Dashboard> {
    let scopes = user.actor.analytics_scopes();
    if scopes.is_empty() {
        return Err(AppError::Forbidden);
    }
    let asked = match q.org.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => match s.parse::<i64>() {
            Ok(n) if n > 0 => Some(OrgId(n)),
            _ => return Ok(Err(Invalid(vec![unknown("org", s)]))),
        },
    };
    let actor = user.actor.clone();
    let now = state.clock.now();
    let read = state
        .db
        .read(move |c| {
            // Highest scopes first: the programme before a district.
            let mut scopes = scopes;
            scopes.sort_by_key(OrgPath::depth);
            let start = scopes[0]
                .ids()
                .last()
                .copied()
                .ok_or(lyceum_db::DbError::NotFound)?;
            let org = asked.unwrap_or(start);
            let Some(row) = lyceum_db::orgs::by_id(c, org)? else {
                return Ok(Err(Invalid(vec![unknown("org", &org.0.to_string())])));
            };
            let path = row.org_path()?;
            let Some(view) = actor.reads_analytics(&path) else {
                return Ok(Err(Invalid(vec![unknown("org", &org.0.to_string())])));
            };
            let (goal, set) = goal_or_default(c)?;
            let reached = goal.reached_by.milestone();
            let rollup = stored::rollup(c, org)?;
            let children = stored::children(c, org, &[Milestone::Registered, reached])?;
            let mut trail = Vec::new();
            for id in path.ids() {
                if let Some(r) = lyceum_db::orgs::by_id(c, id)?
                    && actor.reads_analytics(&r.org_path()?).is_some()
                {
                    trail.push((id, r.name));
                }
            }
            let mut named = Vec::new();
            for p in &scopes {
                if let Some(id) = p.ids().last().copied()
                    && let Some(r) = lyceum_db::orgs::by_id(c, id)?
                    && !named.iter().any(|(i, _)| *i == id)
                {
                    named.push((id, r.name));
                }
            }
            let zone = lyceum_db::orgs::zone_of(c, &path)?;
            let waiting = stored::waiting_since(c)?;
            let child_paths: Vec<bool> = children
                .iter()
                .map(|ch| actor.reads_analytics(&path.child(ch.id)).is_some())
                .collect();
            Ok(Ok(Read {
                row,
                view,
                goal,
                set,
                rollup,
                children,
                child_opens: child_paths,
                trail,
                scopes: named,
                zone,
                waiting,
            }))
        })
        .await?;
    let r = match read {
        Ok(r) => r,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(build(r, now)))
}

/// What one dashboard reads.
struct Read {
    row: lyceum_db::orgs::OrgRow,
    view: AnalyticsView,
    goal: Goal,
    set: bool,
    rollup: Rollup,
    children: Vec<Child>,
    child_opens: Vec<bool>,
    trail: Vec<(OrgId, String)>,
    scopes: Vec<(OrgId, String)>,
    zone: TimeZone,
    waiting: Option<Timestamp>,
}

/// A system of counts published together, built up as they are added.
#[derive(Default)]
struct System {
    counts: Vec<u64>,
    lines: Vec<Line>,
}

impl System {
    fn add(&mut self, n: u64) -> usize {
        self.counts.push(n);
        self.counts.len() - 1
    }

    /// Publishes `total` as the sum of `parts` — when it is one: a school
    /// whose locale changed a moment ago is counted under its old one until
    /// its people are recounted, and a line that does not hold tells a
    /// reader nothing they could subtract with.
    fn line(&mut self, total: usize, parts: Vec<usize>) {
        let sum: u64 = parts.iter().map(|i| self.counts[*i]).sum();
        if sum == self.counts[total] {
            self.lines.push(Line { total, parts });
        }
    }

    fn publish(&self, view: AnalyticsView) -> Vec<Cell> {
        match view {
            AnalyticsView::Exact => self.counts.iter().map(|n| Cell::Shown(*n)).collect(),
            AnalyticsView::Suppressed => suppress_system(&self.counts, &self.lines),
        }
    }
}

/// One measure's published counts: the total, the years, each
/// dimension's values, the children and those at the organisation itself.
struct Measure {
    total: Cell,
    years: Vec<Cell>,
    values: Vec<(Dimension, Vec<Cell>)>,
    children: Vec<Cell>,
    here: Option<Cell>,
}

fn measure(r: &Read, years: &[i32], m: Milestone, with_places: bool) -> Measure {
    let mut s = System::default();
    let total = s.add(r.rollup.everyone(m));
    let by_year = r.rollup.by_school_year(m);
    let year_cells: Vec<usize> = years
        .iter()
        .map(|y| s.add(by_year.get(y).copied().unwrap_or(0)))
        .collect();
    s.line(total, year_cells.clone());
    let mut value_cells = Vec::new();
    let mut child_cells = Vec::new();
    let mut here = None;
    if with_places {
        for d in Dimension::SEGMENTS {
            let cells: Vec<usize> = r
                .rollup
                .by_value(d, m)
                .iter()
                .map(|(_, n)| s.add(*n))
                .collect();
            s.line(total, cells.clone());
            // A school's own attributes are public: its people are all of
            // its value (the total), and nobody is of another.
            if r.row.kind == OrgKind::School
                && let Some(attr) = school_attribute(d)
            {
                let me = Child::of(&r.row);
                let own = attr(&me);
                for (v, cell) in d.values().iter().zip(&cells) {
                    if *v == own {
                        s.line(*cell, vec![total]);
                    } else {
                        s.line(*cell, Vec::new());
                    }
                }
            }
            value_cells.push((d, cells));
        }
        if !r.children.is_empty() {
            child_cells = r
                .children
                .iter()
                .map(|ch| s.add(ch.rollup.everyone(m)))
                .collect();
            let below: u64 = r.children.iter().map(|ch| ch.rollup.everyone(m)).sum();
            let h = s.add(r.rollup.everyone(m).saturating_sub(below));
            here = Some(h);
            let mut parts = child_cells.clone();
            parts.push(h);
            s.line(total, parts);
            // A school's attributes are public: each segment of the
            // organisation is its schools of that segment (and, for
            // `unknown`, its people at no school).
            for (d, cells) in &value_cells {
                let Some(attr) = school_attribute(*d) else {
                    continue;
                };
                for (v, cell) in d.values().iter().zip(cells) {
                    let mut parts: Vec<usize> = r
                        .children
                        .iter()
                        .zip(&child_cells)
                        .filter(|(ch, _)| ch.kind == OrgKind::School && attr(ch) == *v)
                        .map(|(_, i)| *i)
                        .collect();
                    let all_schools = r.children.iter().all(|ch| ch.kind == OrgKind::School);
                    if !all_schools {
                        // Below a state, districts mix segments: nothing ties them.
                        continue;
                    }
                    if *v == UNKNOWN {
                        parts.push(h);
                    }
                    s.line(*cell, parts);
                }
            }
        }
    }
    let published = s.publish(r.view);
    Measure {
        total: published[total],
        years: year_cells.iter().map(|i| published[*i]).collect(),
        values: value_cells
            .iter()
            .map(|(d, cells)| (*d, cells.iter().map(|i| published[*i]).collect()))
            .collect(),
        children: child_cells.iter().map(|i| published[*i]).collect(),
        here: here.map(|i| published[i]),
    }
}

/// The attribute of a school a dimension reads, as its code.
fn school_attribute(d: Dimension) -> Option<fn(&Child) -> &str> {
    match d {
        Dimension::Locale => Some(|c| c.locale.as_deref().unwrap_or(UNKNOWN)),
        Dimension::TitleI => Some(|c| match c.title_i {
            Some(true) => "yes",
            Some(false) => "no",
            None => UNKNOWN,
        }),
        Dimension::Poverty => Some(|c| c.poverty.as_deref().unwrap_or(UNKNOWN)),
        Dimension::All | Dimension::Experience => None,
    }
}

/// Reached per hundred educators, when both counts are published.
pub fn rate(reached: Cell, educators: Cell) -> Option<f64> {
    match (reached, educators) {
        (Cell::Shown(r), Cell::Shown(e)) if e > 0 => Some(r as f64 * 100.0 / e as f64),
        _ => None,
    }
}

fn build(r: Read, now: Timestamp) -> Dashboard {
    let reached_m = r.goal.reached_by.milestone();
    let this_month = month_of(now.date_in(&r.zone));
    let this_year =
        lyceum_domain::analytics::school_year_of_month(&this_month).unwrap_or(r.goal.first_year);
    let earliest = r
        .rollup
        .counts
        .iter()
        .filter_map(|c| lyceum_domain::analytics::school_year_of_month(&c.month))
        .min()
        .unwrap_or(this_year)
        .min(r.goal.first_year);
    let years: Vec<i32> = (earliest..=this_year.max(earliest)).collect();
    let mut funnel = Vec::new();
    let mut registered = None;
    let mut reached = None;
    for m in Milestone::FUNNEL
        .iter()
        .copied()
        .chain((!Milestone::FUNNEL.contains(&reached_m)).then_some(reached_m))
    {
        let places = m == Milestone::Registered || m == reached_m;
        let ms = measure(&r, &years, m, places);
        funnel.push(FunnelRow {
            milestone: m,
            years: ms.years.clone(),
            to_date: ms.total,
        });
        if m == Milestone::Registered {
            registered = Some(ms);
        } else if m == reached_m {
            reached = Some(ms);
        }
    }
    // Registered is the funnel's first step, and reached is one of them.
    let (Some(reg), Some(rea)) = (registered, reached) else {
        unreachable!("both measures are built above")
    };
    let segments = reg
        .values
        .iter()
        .zip(&rea.values)
        .map(|((d, e), (_, rc))| {
            let rows: Vec<SegmentRow> = d
                .values()
                .iter()
                .zip(e.iter().zip(rc))
                .map(|(v, (e, rc))| SegmentRow {
                    value: v,
                    educators: *e,
                    reached: *rc,
                    rate: rate(*rc, *e),
                })
                .collect();
            let known: Vec<(&'static str, f64)> = rows
                .iter()
                .filter(|row| row.value != UNKNOWN)
                .filter_map(|row| row.rate.map(|x| (row.value, x)))
                .collect();
            let best = known.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1));
            let worst = known.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1));
            let gap = match (worst, best) {
                (Some(w), Some(b)) if b.1 > 0.0 && w.0 != b.0 => {
                    Some((w.0, b.0, w.1 * 100.0 / b.1))
                }
                _ => None,
            };
            SegmentTable {
                dimension: *d,
                rows,
                gap,
            }
        })
        .collect();
    let children = r
        .children
        .iter()
        .enumerate()
        .map(|(i, ch)| ChildRow {
            id: ch.id,
            name: ch.name.clone(),
            kind: ch.kind,
            educators: reg.children[i],
            reached: rea.children[i],
            rate: rate(rea.children[i], reg.children[i]),
            opens: r.child_opens[i],
        })
        .collect();
    let here = match (reg.here, rea.here) {
        (Some(e), Some(rc)) => Some((e, rc)),
        _ => None,
    };
    let goal = (r.row.parent_id.is_none()).then(|| {
        let reached_row = funnel.iter().find(|f| f.milestone == reached_m);
        let mut so_far = Some(0u64);
        let mut reached_by_year = Vec::new();
        for (y, cell) in years
            .iter()
            .zip(reached_row.map(|f| f.years.as_slice()).unwrap_or(&[]))
        {
            so_far = match (so_far, cell) {
                (Some(s), Cell::Shown(n)) => Some(s + n),
                _ => None,
            };
            if *y >= r.goal.first_year && *y <= r.goal.last_year() {
                reached_by_year.push((*y, so_far));
            }
        }
        let total = rea.total;
        let exact_total = match total {
            Cell::Shown(n) => Some(n),
            _ => None,
        };
        let projection = (r.view == AnalyticsView::Exact).then(|| {
            let months: Vec<(String, u64)> = r.rollup.by_month(reached_m).into_iter().collect();
            let pace = goal::pace(&months, &this_month);
            goal::projected_month(&r.goal, exact_total.unwrap_or(0), pace, &this_month)
        });
        GoalProgress {
            on_track: exact_total.and_then(|n| goal::on_track(&r.goal, n, &this_month)),
            goal: r.goal.clone(),
            set: r.set,
            reached_by_year,
            reached: total,
            projection,
        }
    });
    Dashboard {
        org: OrgId(r.row.id),
        org_name: r.row.name.clone(),
        kind: r.row.kind,
        view: r.view,
        trail: r.trail,
        scopes: r.scopes,
        reached_by: r.goal.reached_by,
        years,
        funnel,
        segments,
        children,
        here,
        goal,
        as_of: now,
        waiting_since: r.waiting,
    }
}

/// The dashboard's numbers as CSV rows (section, dimension, label, year,
/// count), every count as published: the same as the page's tables.
pub fn csv_rows(d: &Dashboard) -> Vec<[String; 5]> {
    let mut out = Vec::new();
    for f in &d.funnel {
        for (y, c) in d.years.iter().zip(&f.years) {
            out.push([
                "funnel".into(),
                f.milestone.as_str().into(),
                ALL.into(),
                pd::school_year_label(*y),
                c.text(),
            ]);
        }
        out.push([
            "funnel".into(),
            f.milestone.as_str().into(),
            ALL.into(),
            "to-date".into(),
            f.to_date.text(),
        ]);
    }
    for t in &d.segments {
        for row in &t.rows {
            for (measure, c) in [("educators", row.educators), ("reached", row.reached)] {
                out.push([
                    format!("segment-{measure}"),
                    t.dimension.as_str().into(),
                    row.value.into(),
                    "to-date".into(),
                    c.text(),
                ]);
            }
        }
    }
    for ch in &d.children {
        for (measure, c) in [("educators", ch.educators), ("reached", ch.reached)] {
            out.push([
                format!("organisation-{measure}"),
                ch.id.0.to_string(),
                ch.name.clone(),
                "to-date".into(),
                c.text(),
            ]);
        }
    }
    if let Some((e, r)) = d.here {
        for (measure, c) in [("educators", e), ("reached", r)] {
            out.push([
                format!("organisation-{measure}"),
                d.org.0.to_string(),
                "here".into(),
                "to-date".into(),
                c.text(),
            ]);
        }
    }
    out
}

/// The dashboard's CSV (`csv_rows`, defused by `crate::csv`), named for
/// its organisation.
pub fn csv_response(d: &Dashboard) -> axum::response::Response {
    use crate::csv::csv_line;
    use axum::http::HeaderValue;
    use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    let mut out = csv_line(&["section", "dimension", "label", "school_year", "count"]);
    for row in csv_rows(d) {
        out.push_str(&csv_line(&row));
    }
    let mut resp = axum::response::Response::new(axum::body::Body::from(out));
    resp.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"lyceum-analytics-{}.csv\"",
        d.org.0
    )) {
        resp.headers_mut().insert(CONTENT_DISPOSITION, v);
    }
    resp
}
