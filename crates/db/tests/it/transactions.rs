use crate::T0;
use lyceum_db::{DbError, orgs, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_testdb::TestDb;

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

/// Writes that wait while another runs are committed together on SQLite
/// (group commit); each must still stand or fall alone.
#[tokio::test]
async fn writes_that_queue_together_stand_or_fall_alone() {
    let t = TestDb::new();
    // The first write holds the writer while the others queue behind it.
    let first = t.db.write(|c| {
        std::thread::sleep(std::time::Duration::from_millis(200));
        orgs::create_root(c, "Programme", T0).map(|_| ())
    });
    let mut tasks = Vec::new();
    for i in 0..30 {
        let db = t.db.clone();
        tasks.push(tokio::spawn(async move {
            let email = EmailAddress::parse(&format!("p{i}@example.org")).unwrap();
            db.write(move |c| {
                users::insert(c, &new_user(&email), T0)?;
                match i % 3 {
                    0 => Ok(()),
                    // Fails after writing: what it wrote must go.
                    1 => Err(DbError::invalid("name", "required")),
                    _ => panic!("a bug in write {i}"),
                }
            })
            .await
        }));
    }
    first.await.unwrap();
    for (i, task) in tasks.into_iter().enumerate() {
        let result = task.await.unwrap();
        match i % 3 {
            0 => assert!(result.is_ok(), "write {i}: {result:?}"),
            1 => assert!(
                matches!(result, Err(DbError::Invalid(_))),
                "write {i}: {result:?}"
            ),
            _ => assert!(
                matches!(result, Err(DbError::Task { .. })),
                "write {i}: {result:?}"
            ),
        }
    }
    let kept =
        t.db.read(|c| {
            (0..30)
                .map(|i| {
                    let email = EmailAddress::parse(&format!("p{i}@example.org")).unwrap();
                    Ok(users::by_email(c, &email)?.is_some())
                })
                .collect::<Result<Vec<bool>, DbError>>()
        })
        .await
        .unwrap();
    for (i, kept) in kept.into_iter().enumerate() {
        assert_eq!(kept, i % 3 == 0, "write {i} kept: {kept}");
    }
    let root = t.db.read(orgs::root).await.unwrap();
    assert!(root.is_some(), "the first write was lost");
}
