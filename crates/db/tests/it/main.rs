//! Integration tests of the data layer, on the backend under test
//! (SQLite, or PostgreSQL when LYCEUM_TEST_POSTGRES_URL is set).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod analytics;
mod certificates;
mod challenges;
mod codes;
mod course_listing;
mod courses;
mod digests;
mod directory;
mod jobs;
mod library;
mod migrations;
mod orgs;
mod reads;
mod registry;
mod roster;
mod roster_linking;
mod roster_lock;
mod schema_parity;
mod signed_in;
mod suspensions;
mod throttle;
mod tokens;
mod transactions;
mod unsubscribe;
mod workshop_attendance;
mod workshops;
mod workshops_calendar;

use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel::prelude::*;
use lyceum_db::DbConn;
use lyceum_domain::Timestamp;
use std::sync::{Arc, Mutex};

/// A fixed instant, so tests read the same on every run.
pub const T0: Timestamp = Timestamp::from_micros(1_795_638_223_000_000);

/// An organisation under `parent`; a school with its (locale, Title I) as
/// a form gives them (`("rural", "yes")`), `("", "")` for none.
pub fn org_child(
    c: &mut DbConn,
    parent: &lyceum_db::orgs::OrgRow,
    kind: &str,
    name: &str,
    school: (&str, &str),
) -> lyceum_db::orgs::OrgRow {
    let draft = lyceum_domain::org::OrgInput {
        name: name.into(),
        kind: kind.into(),
        locale: school.0.into(),
        title_i: school.1.into(),
        ..Default::default()
    }
    .validate_child_of(parent.kind)
    .unwrap();
    lyceum_db::orgs::create_child(c, parent, &draft, T0).unwrap()
}

/// A person `name@example.org` holding `role` at `org`, as the policy sees them.
pub fn person(
    c: &mut DbConn,
    name: &str,
    org: &lyceum_db::orgs::OrgRow,
    role: lyceum_domain::role::Role,
) -> lyceum_domain::policy::Actor {
    let email = lyceum_domain::email::EmailAddress::parse(&format!("{name}@example.org")).unwrap();
    let id = lyceum_db::users::insert(
        c,
        &lyceum_db::users::NewUser {
            email: &email,
            display_name: name,
            password_hash: None,
            lang: lyceum_domain::i18n::Lang::En,
            verified: true,
        },
        T0,
    )
    .unwrap();
    lyceum_db::memberships::add(c, id, org, role, T0).unwrap();
    lyceum_domain::policy::Actor {
        user_id: id,
        grants: vec![lyceum_domain::policy::Grant {
            role,
            scope: org.org_path().unwrap(),
        }],
    }
}

/// Every statement a connection runs, as text.
#[derive(Clone, Default)]
struct Statements(Arc<Mutex<Vec<String>>>);

impl Instrumentation for Statements {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { query, .. } = event
            && let Ok(mut all) = self.0.lock()
        {
            all.push(query.to_string());
        }
    }
}

#[derive(QueryableByName)]
struct PlanLine {
    #[diesel(sql_type = diesel::sql_types::Text)]
    detail: String,
}

/// SQLite's plan of the first statement `run` makes whose text contains
/// `marker`, with that statement (binds left out). Plans are fixed when a
/// statement is prepared (SQLITE_ENABLE_QPSG), whatever is bound.
pub fn plan_of(c: &mut DbConn, marker: &str, run: impl FnOnce(&mut DbConn)) -> (String, String) {
    let statements = Statements::default();
    c.set_instrumentation(statements.clone());
    run(c);
    let sql = statements
        .0
        .lock()
        .unwrap()
        .iter()
        .find(|s| s.contains(marker))
        .cloned()
        .unwrap_or_else(|| panic!("no statement with {marker}"));
    let sql = sql.split(" -- binds: ").next().unwrap().to_string();
    let plan: Vec<String> = diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}"))
        .load::<PlanLine>(c)
        .unwrap()
        .into_iter()
        .map(|l| l.detail)
        .collect();
    (sql, plan.join("\n"))
}
