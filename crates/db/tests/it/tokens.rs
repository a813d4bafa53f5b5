//! API tokens made before scopes and expiries existed: after the migration
//! they may still read and write (as before), but only for 90 days from the
//! first start that finds them.

use crate::T0;
use diesel::prelude::*;
use lyceum_db::schema::api_tokens;
use lyceum_db::users::{self, NewUser};
use lyceum_db::{api_tokens as tokens, migrate};
use lyceum_domain::api_token::Scopes;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_testdb::TestDb;
use std::time::Duration;

#[tokio::test]
async fn old_tokens_keep_both_scopes_and_get_an_expiry() {
    let t = TestDb::new();
    let user =
        t.db.write(move |c| {
            let email = EmailAddress::parse("old.script@example.org").unwrap();
            let user = users::insert(
                c,
                &NewUser {
                    email: &email,
                    display_name: "Old script",
                    password_hash: None,
                    lang: Lang::En,
                    verified: true,
                },
                T0,
            )?;
            // As the code before scopes wrote it: no scopes named, no expiry.
            diesel::insert_into(api_tokens::table)
                .values((
                    api_tokens::user_id.eq(user.0),
                    api_tokens::name.eq("nightly export"),
                    api_tokens::token_hash.eq("old-hash"),
                    api_tokens::created_at.eq(T0.micros()),
                ))
                .execute(c)?;
            Ok(user)
        })
        .await
        .unwrap();
    // Until a start has given it an expiry, it is refused.
    let found =
        t.db.read(move |c| tokens::authenticate(c, "old-hash", T0))
            .await
            .unwrap();
    assert!(found.is_none(), "a token without an expiry never works");

    let start = T0.plus(Duration::from_secs(3_600));
    migrate::run_pending(&mut t.db.get().unwrap(), start).unwrap();
    let (token, owner) =
        t.db.read(move |c| tokens::authenticate(c, "old-hash", start))
            .await
            .unwrap()
            .expect("works after the migration");
    assert_eq!(owner.id(), user);
    assert_eq!(token.scopes(), Scopes::READ_WRITE);
    let until = start.plus(Duration::from_secs(90 * 86_400));
    assert_eq!(token.expires_at, Some(until.micros()));

    // A later start leaves it alone; it stops working after 90 days.
    migrate::run_pending(&mut t.db.get().unwrap(), until).unwrap();
    let later = until.plus(Duration::from_secs(1));
    assert!(
        t.db.read(move |c| tokens::authenticate(c, "old-hash", later))
            .await
            .unwrap()
            .is_none()
    );
}
