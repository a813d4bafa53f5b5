//! The migration that scoped suspensions: each platform-wide suspension
//! moves to the organisation of the moderator who set it (the broadest at
//! which they moderate that covers the space where it was decided, from
//! the audit log), or to the programme root when that is not known.

use crate::T0;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use lyceum_db::audit::{self, Event};
use lyceum_db::orgs::{self, OrgRow};
use lyceum_db::schema::suspensions;
use lyceum_db::users::{self, NewUser};
use lyceum_db::{DbConn, DbError, memberships};
use lyceum_domain::UserId;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::{OrgInput, OrgKind};
use lyceum_domain::role::Role;
use lyceum_testdb::TestDb;

fn sql(conn: &mut DbConn, sqlite: &str, postgres: &str) -> Result<(), DbError> {
    match conn {
        DbConn::Sqlite(c) => c.batch_execute(sqlite)?,
        DbConn::Pg(c) => c.batch_execute(postgres)?,
    }
    Ok(())
}

fn person(c: &mut DbConn, name: &str, roles: &[(Role, &OrgRow)]) -> Result<UserId, DbError> {
    let email = EmailAddress::parse(&format!("{name}@example.org")).unwrap();
    let id = users::insert(
        c,
        &NewUser {
            email: &email,
            display_name: name,
            password_hash: None,
            lang: Lang::En,
            verified: true,
        },
        T0,
    )?;
    for (role, org) in roles {
        memberships::add(c, id, org, *role, T0)?;
    }
    Ok(id)
}

/// A suspension as the table held it before (one per person, everywhere).
fn old_suspension(c: &mut DbConn, user: UserId, by: UserId) -> Result<(), DbError> {
    diesel::sql_query(format!(
        "INSERT INTO suspensions (user_id, until_at, reason, suspended_by, created_at) \
         VALUES ({}, {}, 'Advertising', {}, {})",
        user.0,
        T0.micros() + 1,
        by.0,
        T0.micros()
    ))
    .execute(c)?;
    Ok(())
}

#[tokio::test]
async fn old_suspensions_move_to_their_moderators_organisation() {
    let t = TestDb::new();
    let (expected, got) =
        t.db.write(|c| {
            let child = |c: &mut DbConn, parent: &OrgRow, kind: OrgKind, name: &str| {
                let draft = OrgInput {
                    name: name.into(),
                    kind: kind.as_str().into(),
                    ..Default::default()
                }
                .validate_child_of(parent.kind)?;
                orgs::create_child(c, parent, &draft, T0)
            };
            let root = orgs::create_root(c, "Programme", T0)?;
            let state = child(c, &root, OrgKind::State, "Ohio")?;
            let district = child(c, &state, OrgKind::District, "Columbus")?;
            let school = child(c, &district, OrgKind::School, "Lincoln")?;
            let dmod = person(c, "dmod", &[(Role::Moderator, &district)])?;
            let gone = person(c, "gone", &[(Role::Educator, &school)])?;
            let ana = person(c, "ana", &[(Role::Educator, &school)])?;
            let bo = person(c, "bo", &[(Role::Educator, &school)])?;

            // Back to the table as it was.
            sql(
                c,
                include_str!(
                    "../../migrations/sqlite/2026-12-05-000031_scoped_suspensions/down.sql"
                ),
                include_str!(
                    "../../migrations/postgres/2026-12-05-000031_scoped_suspensions/down.sql"
                ),
            )?;
            // Ana: suspended by the district's moderator for a post in the school.
            old_suspension(c, ana, dmod)?;
            audit::record(
                c,
                T0,
                Event {
                    actor: Some(dmod),
                    action: "community.user_suspended",
                    org: Some(school.id()),
                    subject: Some(ana),
                    detail: serde_json::json!({}),
                },
            )?;
            // Bo: by someone who no longer moderates, with no record: the root.
            old_suspension(c, bo, gone)?;
            sql(
                c,
                include_str!("../../migrations/sqlite/2026-12-05-000031_scoped_suspensions/up.sql"),
                include_str!(
                    "../../migrations/postgres/2026-12-05-000031_scoped_suspensions/up.sql"
                ),
            )?;
            let got: Vec<(i64, i64)> = suspensions::table
                .order(suspensions::user_id)
                .select((suspensions::user_id, suspensions::org_id))
                .load(c)?;
            let expected: Vec<(i64, i64)> = vec![(ana.0, district.id), (bo.0, root.id)];
            Ok((expected, got))
        })
        .await
        .unwrap();
    assert_eq!(got, expected);
}
