//! Unsubscribe links: kept as hashes, working for their time, then forgotten.

use crate::T0;
use diesel::prelude::*;
use lyceum_db::digests::{self, LINK_KEPT};
use lyceum_db::schema::{digest_settings, unsubscribe_links};
use lyceum_db::users::{self, NewUser};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::token::hash_token;
use lyceum_testdb::TestDb;
use std::time::Duration;

#[tokio::test]
async fn a_link_works_for_its_time_then_is_forgotten() {
    let t = TestDb::new();
    t.db.write(|c| {
        let email = EmailAddress::parse("ana@example.org").unwrap();
        let user = users::insert(
            c,
            &NewUser {
                email: &email,
                display_name: "Ana",
                password_hash: None,
                lang: Lang::En,
                verified: true,
            },
            T0,
        )?;
        for (token, at) in [("old", T0), ("new", T0.plus(LINK_KEPT))] {
            diesel::insert_into(unsubscribe_links::table)
                .values((
                    unsubscribe_links::token_hash.eq(hash_token(token)),
                    unsubscribe_links::user_id.eq(user.0),
                    unsubscribe_links::created_at.eq(at.micros()),
                ))
                .execute(c)?;
        }
        Ok(())
    })
    .await
    .unwrap();
    let later = T0.plus(LINK_KEPT).plus(Duration::from_secs(1));
    let unsubscribe = |token: String| t.db.write(move |c| digests::unsubscribe(c, &token, later));
    assert!(!unsubscribe("old".into()).await.unwrap(), "past its time");
    assert!(!unsubscribe("made-up".into()).await.unwrap());
    let hash = hash_token("new");
    assert!(!unsubscribe(hash).await.unwrap(), "the hash is no link");
    assert!(unsubscribe("new".into()).await.unwrap());
    let off: String =
        t.db.read(|c| {
            Ok(digest_settings::table
                .select(digest_settings::frequency)
                .first(c)?)
        })
        .await
        .unwrap();
    assert_eq!(off, "off");
    let forgotten =
        t.db.write(move |c| digests::forget_links(c, later))
            .await
            .unwrap();
    assert_eq!(forgotten, 1);
}
