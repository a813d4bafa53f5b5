//! The people directory: everyone with a role in an organisation's subtree,
//! searched by name or email and filtered by role, subject and grade band,
//! a page at a time in id order (keyset: the cost of a page does not grow
//! with how far into the list it is).
//!
//! Full-text search is the one place the dialects differ: FTS5 on SQLite,
//! a tsvector GIN index on PostgreSQL, both over `users.search_text`; in a
//! small scope, words are matched against each candidate's text instead.

use crate::schema::{memberships, orgs, user_grade_bands, user_subjects, users};
use crate::{Backend, DbConn, DbError};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use lyceum_domain::UserId;
use lyceum_domain::org::OrgPath;
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::role::Role;

#[derive(Debug, Clone)]
pub struct Filters {
    pub scope: OrgPath,
    /// Word prefixes that must all match (see `lyceum_domain::search`).
    pub words: Vec<String>,
    pub role: Option<Role>,
    pub subject: Option<Subject>,
    pub grade_band: Option<GradeBand>,
    pub after: Option<UserId>,
    pub limit: i64,
}

impl Filters {
    /// Everyone in `scope`, the first `limit`.
    pub fn everyone_in(scope: OrgPath, limit: i64) -> Self {
        Filters {
            scope,
            words: Vec::new(),
            role: None,
            subject: None,
            grade_band: None,
            after: None,
            limit,
        }
    }
}

/// A person as the directory lists them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Person {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub deactivated: bool,
    /// Roles held inside the scope searched.
    pub roles: Vec<PersonRole>,
    pub subjects: Vec<Subject>,
    pub grade_bands: Vec<GradeBand>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PersonRole {
    pub role: Role,
    pub org_id: i64,
    pub org_name: String,
}

/// Scopes with at most this many organisations are searched from their
/// memberships; larger ones by walking people in id order.
const NARROW_SCOPE: i64 = 200;

pub fn search(conn: &mut DbConn, f: &Filters) -> Result<Vec<Person>, DbError> {
    let strategy = if crate::orgs::subtree_size(conn, &f.scope)? <= NARROW_SCOPE {
        Strategy::FromMemberships
    } else {
        Strategy::FromPeople
    };
    search_by(conn, f, strategy)
}

/// How the matching people are found; both give the same answer (a test
/// holds them to it), at different costs for small and large scopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// Start from the memberships of the scope's organisations.
    FromMemberships,
    /// Walk people in id order, checking each is in scope.
    FromPeople,
}

pub fn search_by(
    conn: &mut DbConn,
    f: &Filters,
    strategy: Strategy,
) -> Result<Vec<Person>, DbError> {
    let ids = matching_ids(conn, f, strategy == Strategy::FromMemberships)?;
    details(conn, &f.scope, &ids)
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

enum Bind {
    Text(String),
    Int(i64),
}

/// SQL with numbered binds, written once for both placeholder styles.
struct Sql {
    backend: Backend,
    text: String,
    binds: Vec<Bind>,
}

impl Sql {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn bind(&mut self, b: Bind) {
        self.binds.push(b);
        match self.backend {
            Backend::Sqlite => self.text.push('?'),
            Backend::Postgres => self.text.push_str(&format!("${}", self.binds.len())),
        }
    }
}

fn matching_ids(conn: &mut DbConn, f: &Filters, narrow: bool) -> Result<Vec<i64>, DbError> {
    let backend = conn.backend();
    let mut q = Sql {
        backend,
        text: String::new(),
        binds: Vec::new(),
    };
    let after = f.after.map_or(0, |u| u.0);
    // The rows are walked in id order and the first `limit` that pass every
    // filter are kept; what drives the walk is what changes:
    // (the column that orders the walk, whether the driver already keeps to the scope)
    let (order, scoped) = if narrow {
        // the scope's memberships (a district: thousands of rows at most);
        q.push(
            "SELECT DISTINCT m.user_id AS id FROM orgs o \
             JOIN memberships m ON m.org_id = o.id JOIN users u ON u.id = m.user_id \
             WHERE o.path >= ",
        );
        q.bind(Bind::Text(f.scope.as_str().into()));
        q.push(" AND o.path < ");
        q.bind(Bind::Text(f.scope.subtree_end()));
        q.push(" AND m.user_id > ");
        q.bind(Bind::Int(after));
        if let Some(role) = f.role {
            q.push(" AND m.role = ");
            q.bind(Bind::Text(role.as_str().into()));
        }
        // Few candidates: match the words against each one's text.
        for word in &f.words {
            q.push(" AND (' ' || u.search_text) LIKE ");
            q.bind(Bind::Text(format!("% {word}%")));
        }
        ("m.user_id", true)
    } else if !f.words.is_empty() && backend == Backend::Sqlite {
        // the full-text index, which yields matches in id order;
        q.push("SELECT u.id AS id FROM users_fts f JOIN users u ON u.id = f.rowid WHERE users_fts MATCH ");
        // Quoted, so no word is read as FTS5 syntax; * makes it a prefix.
        let m: Vec<String> = f.words.iter().map(|w| format!("\"{w}\"*")).collect();
        q.bind(Bind::Text(m.join(" ")));
        q.push(" AND f.rowid > ");
        q.bind(Bind::Int(after));
        ("f.rowid", false)
    } else if let Some(role) = f.role.filter(|_| f.words.is_empty()) {
        // the holders of the role (index role, user_id): most roles are rare;
        q.push("SELECT DISTINCT m.user_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.role = ");
        q.bind(Bind::Text(role.as_str().into()));
        q.push(" AND m.user_id > ");
        q.bind(Bind::Int(after));
        in_scope(&mut q, f);
        ("m.user_id", true)
    } else if let Some(subject) = f.subject.filter(|_| f.words.is_empty()) {
        // the people teaching the subject (index subject, user_id): a rare
        // subject, or one that matches nobody, must not walk everyone;
        q.push("SELECT s.user_id AS id FROM user_subjects s JOIN users u ON u.id = s.user_id WHERE s.subject = ");
        q.bind(Bind::Text(subject.as_str().into()));
        q.push(" AND s.user_id > ");
        q.bind(Bind::Int(after));
        ("s.user_id", false)
    } else {
        // or everyone, in id order (PostgreSQL intersects its GIN index here).
        q.push("SELECT u.id AS id FROM users u WHERE u.id > ");
        q.bind(Bind::Int(after));
        if !f.words.is_empty() {
            q.push(" AND to_tsvector('simple', u.search_text) @@ to_tsquery('simple', ");
            let m: Vec<String> = f.words.iter().map(|w| format!("{w}:*")).collect();
            q.bind(Bind::Text(m.join(" & ")));
            q.push(")");
        }
        ("u.id", false)
    };
    if !scoped {
        // Per person: their memberships (index user_id), each org by id.
        q.push(" AND EXISTS (SELECT 1 FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.user_id = u.id");
        if let Some(role) = f.role {
            q.push(" AND m.role = ");
            q.bind(Bind::Text(role.as_str().into()));
        }
        if f.scope.depth() > 1 {
            q.push(" AND o.path >= ");
            q.bind(Bind::Text(f.scope.as_str().into()));
            q.push(" AND o.path < ");
            q.bind(Bind::Text(f.scope.subtree_end()));
        }
        q.push(")");
    }
    q.push(" AND u.deleted_at IS NULL");
    if let Some(subject) = f.subject {
        q.push(
            " AND EXISTS (SELECT 1 FROM user_subjects s WHERE s.user_id = u.id AND s.subject = ",
        );
        q.bind(Bind::Text(subject.as_str().into()));
        q.push(")");
    }
    if let Some(band) = f.grade_band {
        q.push(" AND EXISTS (SELECT 1 FROM user_grade_bands g WHERE g.user_id = u.id AND g.grade_band = ");
        q.bind(Bind::Text(band.as_str().into()));
        q.push(")");
    }
    q.push(&format!(" ORDER BY {order} LIMIT "));
    q.bind(Bind::Int(f.limit));

    macro_rules! run {
        ($c:expr, $db:ty) => {{
            let mut query = diesel::sql_query(q.text.as_str()).into_boxed::<$db>();
            for b in q.binds {
                query = match b {
                    Bind::Text(t) => query.bind::<Text, _>(t),
                    Bind::Int(i) => query.bind::<BigInt, _>(i),
                };
            }
            query.load::<Id>($c)?
        }};
    }
    let rows = match conn {
        DbConn::Sqlite(c) => run!(c, diesel::sqlite::Sqlite),
        DbConn::Pg(c) => run!(c, diesel::pg::Pg),
    };
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// ` AND m.org_id IN (the scope's organisations)`, unless the scope is the
/// whole programme: a constant subquery, computed once, so the walk stays
/// on the role index.
fn in_scope(q: &mut Sql, f: &Filters) {
    if f.scope.depth() > 1 {
        q.push(" AND m.org_id IN (SELECT id FROM orgs WHERE path >= ");
        q.bind(Bind::Text(f.scope.as_str().into()));
        q.push(" AND path < ");
        q.bind(Bind::Text(f.scope.subtree_end()));
        q.push(")");
    }
}

/// One person as the directory of `scope` shows them, with only their
/// roles inside it — or `None` when they hold none there (whatever they
/// hold elsewhere, the admin of `scope` may not look them up).
pub fn person_in(conn: &mut DbConn, scope: &OrgPath, id: i64) -> Result<Option<Person>, DbError> {
    Ok(details(conn, scope, &[id])?
        .into_iter()
        .find(|p| p.id == id && !p.roles.is_empty()))
}

/// Names, roles in scope, subjects and grade bands of the people `ids`, in that order.
fn details(conn: &mut DbConn, scope: &OrgPath, ids: &[i64]) -> Result<Vec<Person>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let end = scope.subtree_end();
    let people: Vec<(i64, String, Option<String>, Option<i64>)> = users::table
        .filter(users::id.eq_any(ids))
        .select((
            users::id,
            users::display_name,
            users::email,
            users::deactivated_at,
        ))
        .load(conn)?;
    let roles: Vec<(i64, String, i64, String)> = memberships::table
        .inner_join(orgs::table)
        .filter(memberships::user_id.eq_any(ids))
        .filter(orgs::path.ge(scope.as_str()))
        .filter(orgs::path.lt(&end))
        .order((memberships::user_id, orgs::path))
        .select((
            memberships::user_id,
            memberships::role,
            orgs::id,
            orgs::name,
        ))
        .load(conn)?;
    let subjects: Vec<(i64, String)> = user_subjects::table
        .filter(user_subjects::user_id.eq_any(ids))
        .select((user_subjects::user_id, user_subjects::subject))
        .load(conn)?;
    let bands: Vec<(i64, String)> = user_grade_bands::table
        .filter(user_grade_bands::user_id.eq_any(ids))
        .select((user_grade_bands::user_id, user_grade_bands::grade_band))
        .load(conn)?;
    let mut out: Vec<Person> = people
        .into_iter()
        .map(|(id, display_name, email, deactivated)| Person {
            id,
            display_name,
            email: email.unwrap_or_default(),
            deactivated: deactivated.is_some(),
            roles: roles
                .iter()
                .filter(|r| r.0 == id)
                .filter_map(|(_, role, org_id, org_name)| {
                    Some(PersonRole {
                        role: Role::parse(role)?,
                        org_id: *org_id,
                        org_name: org_name.clone(),
                    })
                })
                .collect(),
            subjects: sorted(
                subjects
                    .iter()
                    .filter(|s| s.0 == id)
                    .filter_map(|s| Subject::parse(&s.1)),
            ),
            grade_bands: sorted(
                bands
                    .iter()
                    .filter(|b| b.0 == id)
                    .filter_map(|b| GradeBand::parse(&b.1)),
            ),
        })
        .collect();
    out.sort_by_key(|p| p.id);
    Ok(out)
}

fn sorted<T: Ord>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut v: Vec<T> = items.collect();
    v.sort();
    v
}
