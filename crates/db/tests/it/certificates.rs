//! Certificates outlive their holder's account: deleting an account
//! anonymises its `users` row and never deletes it (`accounts::delete_account`),
//! and the database refuses to delete a row that certificates point at, so
//! no certificate can vanish with it and stop being verifiable by code.

use crate::T0;
use diesel::prelude::*;
use lyceum_db::schema::{certificates, users};
use lyceum_db::{accounts, courses, credit, orgs};
use lyceum_domain::OrgId;
use lyceum_domain::course::package;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_testdb::TestDb;

#[test]
fn a_certificate_holders_row_is_never_deleted_and_the_database_refuses_to() {
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let root = orgs::create_root(&mut c, "Programme", T0).unwrap();
    let doc = serde_json::json!({
        "format": "lyceum-course/1", "slug": "kept", "language": "en",
        "title": "Kept", "summary": "Kept.", "pd_hours": 1,
        "delivery": "self-paced", "licence": "CC BY 4.0",
        "modules": [{ "title": "One", "lessons": ["one"] }],
        "lessons": { "one": { "title": "One", "markdown": "Read this." } },
    });
    let course = package::parse(doc.to_string().as_bytes()).unwrap();
    let saved = courses::save(&mut c, &course, OrgId(root.id), T0).unwrap();
    let email = EmailAddress::parse("holder@example.org").unwrap();
    let holder = lyceum_db::users::insert(
        &mut c,
        &lyceum_db::users::NewUser {
            email: &email,
            display_name: "Holder",
            password_hash: None,
            lang: Lang::En,
            verified: true,
        },
        T0,
    )
    .unwrap();
    let code = credit::on_completion(&mut c, holder, saved.id, saved.version, &course, T0).unwrap();

    let deleted = diesel::delete(users::table.find(holder.0)).execute(&mut *c);
    assert!(
        deleted.is_err(),
        "the row went, and its certificate with it"
    );
    assert_eq!(
        certificates::table
            .filter(certificates::user_id.eq(holder.0))
            .count()
            .get_result::<i64>(&mut *c)
            .unwrap(),
        1
    );

    // Deleting the account keeps the row, empty, and the certificate.
    accounts::delete_account(&mut c, holder, T0).unwrap();
    let row = lyceum_db::users::by_id(&mut c, holder).unwrap().unwrap();
    assert!(row.is_deleted() && row.email.is_none());
    let certificate = credit::by_code(&mut c, &code).unwrap().unwrap();
    assert_eq!(certificate.recipient_name, "");
}
