//! What migrations do to rows written before them.

use crate::T0;
use diesel::prelude::*;
use lyceum_db::schema::{org_email_domains, sso_providers};
use lyceum_db::{migrate, orgs};
use lyceum_testdb::TestDb;

/// Domains listed and client secrets stored by an older Lyceum: the domains
/// stay proven (marked "migration"), the secrets are marked plain text for
/// the server to encrypt at start-up.
#[test]
fn domains_stay_proven_and_secrets_are_marked_for_sealing() {
    let t = TestDb::new();
    let mut conn = t.db.get().unwrap();
    let root = orgs::create_root(&mut conn, "Programme", T0).unwrap();
    // Back to before 2026-12-05-000020 (and whatever came after it).
    let mut reverted = Vec::new();
    while reverted
        .last()
        .is_none_or(|v: &String| v != "20261205000020")
    {
        reverted.push(migrate::revert_last(&mut conn).unwrap());
    }
    assert!(
        reverted.contains(&"20261205000021".to_string()),
        "{reverted:?}"
    );
    // As the older schema had them.
    for sql in [
        format!(
            "INSERT INTO org_email_domains (domain, org_id, created_at) \
             VALUES ('district.k12.oh.us', {}, 5)",
            root.id
        ),
        format!(
            "INSERT INTO sso_providers (org_id, name, issuer, client_id, client_secret, created_at, updated_at) \
             VALUES ({}, 'P', 'https://id.example.org', 'cid', 'the secret', 5, 5)",
            root.id
        ),
    ] {
        diesel::sql_query(sql).execute(&mut *conn).unwrap();
    }
    let applied = migrate::run_pending(&mut conn, T0).unwrap();
    assert_eq!(applied.len(), reverted.len(), "{applied:?}");

    let (verified_at, how, by, token): (Option<i64>, Option<String>, Option<i64>, String) =
        org_email_domains::table
            .filter(org_email_domains::domain.eq("district.k12.oh.us"))
            .select((
                org_email_domains::verified_at,
                org_email_domains::verified_how,
                org_email_domains::verified_by,
                org_email_domains::token,
            ))
            .first(&mut *conn)
            .unwrap();
    assert_eq!(verified_at, Some(5));
    assert_eq!(how.as_deref(), Some("migration"));
    assert_eq!(by, None);
    assert!(token.len() >= 16, "{token}");
    let holder = lyceum_db::domains::org_for(&mut conn, "district.k12.oh.us").unwrap();
    assert_eq!(holder.map(|o| o.id), Some(root.id));

    let secret: String = sso_providers::table
        .select(sso_providers::client_secret)
        .first(&mut *conn)
        .unwrap();
    assert_eq!(secret, "plain:the secret");
}

/// `lyceum admin rotate-secrets`: secrets sealed with an older key, or
/// still plain, end up sealed with the current key, and still open.
#[test]
fn secrets_are_resealed_with_the_current_key() {
    use lyceum_domain::secrets::{Keyring, SecretKey};
    use lyceum_domain::sso::secret_context;
    let t = TestDb::new();
    let mut conn = t.db.get().unwrap();
    let root = orgs::create_root(&mut conn, "Programme", T0).unwrap();
    let old = SecretKey::generate().unwrap().0;
    let before = Keyring::new(old.clone(), vec![]);
    let issuer = "https://id.example.org";
    for stored in [
        before
            .seal("sealed secret", &secret_context(issuer))
            .unwrap(),
        "plain:plain secret".to_string(),
    ] {
        diesel::insert_into(sso_providers::table)
            .values((
                sso_providers::org_id.eq(root.id),
                sso_providers::name.eq("P"),
                sso_providers::issuer.eq(issuer),
                sso_providers::client_id.eq("cid"),
                sso_providers::client_secret.eq(stored),
                sso_providers::created_at.eq(5),
                sso_providers::updated_at.eq(5),
            ))
            .execute(&mut *conn)
            .unwrap();
    }
    let after = Keyring::new(SecretKey::generate().unwrap().0, vec![old]);
    // At start-up only the plain one is sealed (other servers may not have
    // the new key yet).
    let done = lyceum_db::sso::seal_stored(&mut conn, &after, false).unwrap();
    assert_eq!((done.sealed, done.rotated), (1, 0));
    let done = lyceum_db::sso::seal_stored(&mut conn, &after, true).unwrap();
    assert_eq!((done.sealed, done.rotated), (0, 1));
    let stored: Vec<String> = sso_providers::table
        .order(sso_providers::id)
        .select(sso_providers::client_secret)
        .load(&mut *conn)
        .unwrap();
    let opened: Vec<String> = stored
        .iter()
        .map(|s| {
            assert!(after.is_current(s), "{s}");
            after.open(s, &secret_context(issuer)).unwrap()
        })
        .collect();
    assert_eq!(opened, ["sealed secret", "plain secret"]);
    // Nothing left to do.
    let done = lyceum_db::sso::seal_stored(&mut conn, &after, true).unwrap();
    assert_eq!((done.sealed, done.rotated), (0, 0));
}
