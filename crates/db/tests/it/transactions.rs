use crate::T0;
use lyceum_db::{DbError, orgs, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_testkit::TestDb;

fn new_user<'a>(email: &'a EmailAddress) -> users::NewUser<'a> {
    users::NewUser {
        email,
        display_name: "Ana",
        password_hash: None,
        lang: Lang::En,
        verified: false,
    }
}

#[tokio::test]
async fn a_failed_write_leaves_nothing_behind() {
    let t = TestDb::new();
    let email = EmailAddress::parse("ana@example.org").unwrap();
    let e = email.clone();
    let result =
        t.db.write(move |c| {
            orgs::create_root(c, "Programme", T0)?;
            users::insert(c, &new_user(&e), T0)?;
            Err::<(), _>(DbError::invalid("name", "required"))
        })
        .await;
    assert!(matches!(result, Err(DbError::Invalid(_))));
    let (root, user) =
        t.db.read(move |c| Ok((orgs::root(c)?, users::by_email(c, &email)?)))
            .await
            .unwrap();
    assert!(
        root.is_none() && user.is_none(),
        "the transaction was not rolled back"
    );
}

#[tokio::test]
async fn one_email_one_account() {
    let t = TestDb::new();
    let email = EmailAddress::parse("Ana@Example.org").unwrap();
    let e = email.clone();
    t.db.write(move |c| users::insert(c, &new_user(&e), T0))
        .await
        .unwrap();
    let again = EmailAddress::parse("ana@example.ORG").unwrap();
    let err =
        t.db.write(move |c| users::insert(c, &new_user(&again), T0))
            .await
            .unwrap_err();
    match err {
        DbError::Invalid(i) => assert_eq!(i.0[0].code, "email-taken"),
        other => panic!("{other}"),
    }
}

#[tokio::test]
async fn concurrent_writers_all_succeed() {
    let t = TestDb::new();
    t.db.write(|c| orgs::create_root(c, "Programme", T0).map(|_| ()))
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for i in 0..40 {
        let db = t.db.clone();
        tasks.push(tokio::spawn(async move {
            let email = EmailAddress::parse(&format!("p{i}@example.org")).unwrap();
            db.write(move |c| users::insert(c, &new_user(&email), T0))
                .await
        }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
}
