//! A small programme for tests, made straight in the database (fast: one
//! password hash for everyone).
//!
//! ```text
//! Programme (root)                       admin@, researcher@, author@
//! └── State
//!     ├── District   (domain district.example.org)   dadmin@ (org admin), facilitator@
//!     │   └── School A                   educator@
//!     └── Local                          ladmin@ (org admin), moderator@
//!         └── School B
//! ```

use lyceum_db::users::{self, NewUser};
use lyceum_db::{Db, DbError, domains, memberships, orgs};
use lyceum_domain::domain_proof::DomainProof;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::{OrgInput, OrgKind};
use lyceum_domain::password::hash_password;
use lyceum_domain::role::Role;
use lyceum_domain::{Clock, OrgId, UserId};
use std::collections::HashMap;
use std::sync::LazyLock;

pub const PASSWORD: &str = "correct horse battery staple";

static HASH: LazyLock<String> = LazyLock::new(|| hash_password(PASSWORD).unwrap());

#[derive(Debug, Clone)]
pub struct Seed {
    pub root: OrgId,
    pub state: OrgId,
    pub district: OrgId,
    pub school_a: OrgId,
    pub local: OrgId,
    pub school_b: OrgId,
    /// Short name (`educator`, `dadmin`, …) → (user id, email).
    pub people: HashMap<&'static str, (UserId, String)>,
}

impl Seed {
    pub fn email(&self, who: &str) -> &str {
        &self.people[who].1
    }

    pub fn user(&self, who: &str) -> UserId {
        self.people[who].0
    }
}

/// A verified person who signs in with [`PASSWORD`], holding `role` at
/// `org`, for the tests that need people beyond the seed's.
pub async fn add_person(
    db: &Db,
    clock: &Clock,
    email: &str,
    display_name: &str,
    role: Role,
    org: OrgId,
    lang: Lang,
) -> UserId {
    let hash = tokio::task::spawn_blocking(|| HASH.clone()).await.unwrap();
    let now = clock.now();
    let (email, display_name) = (email.to_string(), display_name.to_string());
    db.write(move |c| {
        let email = EmailAddress::parse(&email).map_err(|c| DbError::invalid("email", c))?;
        let id = users::insert(
            c,
            &NewUser {
                email: &email,
                display_name: &display_name,
                password_hash: Some(&hash),
                lang,
                verified: true,
            },
            now,
        )?;
        let at = orgs::get(c, org)?;
        memberships::add(c, id, &at, role, now)?;
        Ok(id)
    })
    .await
    .unwrap()
}

/// (short name, role, where)
const PEOPLE: &[(&str, Role, &str)] = &[
    ("admin", Role::ProgrammeAdmin, "root"),
    ("researcher", Role::Researcher, "root"),
    ("author", Role::Author, "root"),
    ("dadmin", Role::OrgAdmin, "district"),
    ("facilitator", Role::Facilitator, "district"),
    ("educator", Role::Educator, "school_a"),
    ("ladmin", Role::OrgAdmin, "local"),
    ("moderator", Role::Moderator, "local"),
];

pub async fn seed(db: &Db, clock: &Clock) -> Seed {
    let hash = tokio::task::spawn_blocking(|| HASH.clone()).await.unwrap();
    let now = clock.now();
    db.write(move |c| {
        let mk = |c: &mut lyceum_db::DbConn, parent: &orgs::OrgRow, kind: OrgKind, name: &str| {
            let draft = OrgInput {
                name: name.into(),
                kind: kind.as_str().into(),
                ..Default::default()
            }
            .validate_child_of(parent.kind)?;
            orgs::create_child(c, parent, &draft, now)
        };
        let root = orgs::create_root(c, "Test Programme", now)?;
        let state = mk(c, &root, OrgKind::State, "Ohio")?;
        let district = mk(c, &state, OrgKind::District, "Columbus City Schools")?;
        let school_a = mk(c, &district, OrgKind::School, "Lincoln Elementary")?;
        let local = mk(c, &state, OrgKind::Local, "Ohio Teachers Local 1")?;
        let school_b = mk(c, &local, OrgKind::School, "Riverside Middle")?;
        domains::add_proven(
            c,
            district.id(),
            "district.example.org",
            DomainProof::Approval,
            None,
            now,
        )?;
        let at = |w: &str| match w {
            "root" => &root,
            "district" => &district,
            "school_a" => &school_a,
            _ => &local,
        };
        let mut people = HashMap::new();
        for (name, role, place) in PEOPLE {
            let email = EmailAddress::parse(&format!("{name}@example.org"))
                .map_err(|c| DbError::invalid("email", c))?;
            let id = users::insert(
                c,
                &NewUser {
                    email: &email,
                    display_name: &format!("Test {name}"),
                    password_hash: Some(&hash),
                    lang: Lang::En,
                    verified: true,
                },
                now,
            )?;
            memberships::add(c, id, at(place), *role, now)?;
            people.insert(*name, (id, email.as_str().to_string()));
        }
        Ok(Seed {
            root: root.id(),
            state: state.id(),
            district: district.id(),
            school_a: school_a.id(),
            local: local.id(),
            school_b: school_b.id(),
            people,
        })
    })
    .await
    .unwrap()
}
