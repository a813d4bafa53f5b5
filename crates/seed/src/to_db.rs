//! Writing a programme into a database, in one transaction, with bulk loads:
//! the organisations and people, then (see [`learning`]) the catalogue and
//! everyone's learning activity, and (see [`community`]) spaces, topics and
//! replies.

/// SQLite allows 32,766 bound values per statement; stay well inside.
const SQLITE_VALUES_PER_STATEMENT: usize = 30_000;

/// Inserts `rows` into `table`, whose rows bind `columns` values each:
/// multi-row INSERT on SQLite, COPY on PostgreSQL.
macro_rules! load {
    ($conn:expr, $table:expr, $rows:expr, $columns:expr) => {{
        let rows = $rows;
        if !rows.is_empty() {
            match &mut *$conn {
                lyceum_db::DbConn::Sqlite(c) => {
                    for chunk in rows.chunks(super::SQLITE_VALUES_PER_STATEMENT / $columns) {
                        diesel::insert_into($table).values(chunk).execute(c)?;
                    }
                }
                lyceum_db::DbConn::Pg(c) => {
                    diesel::copy_from($table).from_insertable(rows).execute(c)?;
                }
            }
        }
    }};
}

mod community;
mod learning;
mod library;
mod radar;
mod workshops;

use crate::Programme;
use lyceum_db::bulk::{self, GradeBandRow, MembershipRow, OrgRow, SubjectRow, UserRow};
use lyceum_db::{Db, DbConn, DbError, domains, orgs};
use lyceum_domain::domain_proof::DomainProof;
use lyceum_domain::org::OrgKind;
use lyceum_domain::role::Role;
use lyceum_domain::search::person_text;
use lyceum_domain::{OrgId, Timestamp};
use std::time::Duration;

pub use community::{Community, CommunityWritten};
pub use learning::{Learning, LearningWritten};
pub use library::{Library, LibraryWritten};
pub use radar::{Radar, RadarWritten};
pub use workshops::{Workshops, WorkshopsWritten};

/// How long before "now" the programme started: organisations and people
/// are created then, and learning happens between then and now.
pub const PROGRAMME_AGE: Duration = Duration::from_secs(3 * 365 * 24 * 3600);

/// Benchmark accounts that post replies, each under the hourly limit.
pub const BENCH_POSTERS: usize = 1_000;

/// Accounts with a known password, for benchmarks to sign in with.
#[derive(Debug, Clone)]
pub struct BenchAccounts {
    pub password_hash: String,
}

/// Who the benchmark accounts are, once written.
#[derive(Debug, Clone)]
pub struct Written {
    pub orgs: usize,
    pub people: usize,
    /// (email, role, organisation) of each benchmark account.
    pub bench: Vec<(String, Role, OrgId)>,
    /// The user id of the programme's first person (the others follow in order).
    pub first_user: i64,
    /// The user id of each benchmark account, by the name in its address.
    pub bench_users: Vec<(&'static str, i64)>,
    /// How many `bench-poster-NNN@bench.example.org` accounts there are
    /// (NNN from 000): educators at the programme's root, for benchmarks
    /// that post.
    pub bench_posters: usize,
    /// The district or local with the most people.
    pub largest_body: OrgId,
    /// The school with the most people.
    pub largest_school: OrgId,
    /// The catalogue and learning activity, if asked for.
    pub learning: Option<LearningWritten>,
    /// Spaces, topics and replies, if asked for.
    pub community: Option<CommunityWritten>,
    /// Workshop offerings, if asked for.
    pub workshops: Option<WorkshopsWritten>,
    /// The practice library, if asked for.
    pub library: Option<LibraryWritten>,
    /// The tool registry and the challenge radar, if asked for.
    pub radar: Option<RadarWritten>,
}

/// Writes the programme, and with `learning` its catalogue and activity,
/// into an empty database in one transaction.
pub async fn write(
    db: &Db,
    programme: Programme,
    bench: Option<BenchAccounts>,
    learning: Option<Learning>,
    now: Timestamp,
) -> Result<Written, DbError> {
    write_with(db, programme, bench, learning, None, None, now).await
}

/// [`write`], and with `community` spaces, topics and replies, with
/// `workshops` offerings, registrations and attendance.
pub async fn write_with(
    db: &Db,
    programme: Programme,
    bench: Option<BenchAccounts>,
    learning: Option<Learning>,
    community: Option<Community>,
    workshops: Option<Workshops>,
    now: Timestamp,
) -> Result<Written, DbError> {
    let parts = Parts {
        learning,
        community,
        workshops,
        ..Parts::default()
    };
    write_all(db, programme, bench, parts, now).await
}

/// What to write on top of the programme itself: each part, if asked for.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    pub learning: Option<Learning>,
    pub community: Option<Community>,
    pub workshops: Option<Workshops>,
    /// The practice library (practices, trial reports, resources).
    pub library: Option<Library>,
    /// The AI tool registry and the challenge radar.
    pub radar: Option<Radar>,
}

/// [`write`], with every part of `parts`.
pub async fn write_all(
    db: &Db,
    programme: Programme,
    bench: Option<BenchAccounts>,
    parts: Parts,
    now: Timestamp,
) -> Result<Written, DbError> {
    let written = db
        .write(move |c| {
            let mut written = write_in(c, &programme, bench.as_ref(), now.minus(PROGRAMME_AGE))?;
            if let Some(l) = parts.learning {
                written.learning = Some(learning::write_in(c, &programme, &written, &l, now)?);
            }
            if let Some(k) = parts.community {
                written.community = community::write_in(c, &programme, &written, &k, now)?;
            }
            if let Some(w) = parts.workshops {
                written.workshops = Some(workshops::write_in(c, &programme, &written, &w, now)?);
            }
            if let Some(l) = parts.library {
                written.library = Some(library::write_in(c, &programme, &written, &l, now)?);
            }
            if let Some(r) = parts.radar {
                written.radar = Some(radar::write_in(c, &programme, &written, &r, now)?);
            }
            Ok(written)
        })
        .await?;
    db.write(bulk::reset_sequences).await?;
    // The bulk load skips the analytics triggers on PostgreSQL: everyone
    // is recounted once, as a running programme's worker would.
    db.write(lyceum_db::analytics::refresh::mark_everyone)
        .await?;
    lyceum_db::analytics::drain(db).await?;
    // Not a read, but it must run outside a transaction, as `read` does.
    db.read(bulk::analyze).await?;
    Ok(written)
}

fn write_in(
    c: &mut DbConn,
    p: &Programme,
    bench: Option<&BenchAccounts>,
    now: Timestamp,
) -> Result<Written, DbError> {
    if orgs::root(c)?.is_some() {
        return Err(DbError::Config(
            "this database already has a programme; seed an empty one".into(),
        ));
    }
    let (org_base, user_base, membership_base) = bulk::next_ids(c)?;
    let t = now.micros();

    let mut paths: Vec<String> = Vec::with_capacity(p.orgs.len());
    let mut org_rows = Vec::with_capacity(p.orgs.len());
    for (i, o) in p.orgs.iter().enumerate() {
        let id = org_base + i as i64;
        let path = match o.parent {
            Some(parent) => format!("{}{id}/", paths[parent]),
            None => format!("/{id}/"),
        };
        org_rows.push(OrgRow {
            id,
            parent_id: o.parent.map(|x| org_base + x as i64),
            kind: o.kind.as_str().into(),
            name: o.name.clone(),
            path: path.clone(),
            locale: o.school.locale.map(|l| l.as_str().into()),
            title_i: o.school.title_i,
            poverty_band: o.school.poverty_band.map(|b| b.as_str().into()),
            enrolment: o.school.enrolment,
            created_at: t,
            updated_at: t,
            time_zone: p.own_zone(i).map(|z| z.name().to_string()),
        });
        paths.push(path);
    }
    bulk::orgs(c, &org_rows)?;
    for (i, o) in p.orgs.iter().enumerate() {
        if let Some(domain) = &o.email_domain {
            // Seeded as the programme team would approve them.
            domains::add_proven(
                c,
                OrgId(org_base + i as i64),
                domain,
                DomainProof::Approval,
                None,
                now,
            )?;
        }
    }

    let mut users = Vec::with_capacity(p.people.len() + 3);
    let mut subjects = Vec::with_capacity(p.people.len() * 5 / 4);
    let mut bands = Vec::with_capacity(p.people.len() * 3 / 2);
    let mut memberships = Vec::with_capacity(p.people.len() + 3);
    let mut per_org = vec![0usize; p.orgs.len()];
    for (i, person) in p.people.iter().enumerate() {
        let id = user_base + i as i64;
        let name = person.display_name();
        users.push(UserRow {
            id,
            email: Some(person.email.clone()),
            email_verified_at: Some(t),
            password_hash: None,
            search_text: person_text(&name, &person.email),
            display_name: name,
            preferred_language: person.lang.as_str().into(),
            years_experience: Some(person.years_experience),
            school_role: Some(person.school_role.as_str().into()),
            created_at: t,
            updated_at: t,
            source_id: None,
        });
        subjects.extend(person.subjects.iter().map(|s| SubjectRow {
            user_id: id,
            subject: s.as_str().into(),
        }));
        bands.extend(person.grade_bands.iter().map(|b| GradeBandRow {
            user_id: id,
            grade_band: b.as_str().into(),
        }));
        memberships.push(MembershipRow {
            id: membership_base + i as i64,
            user_id: id,
            org_id: org_base + person.org as i64,
            role: person.role.as_str().into(),
            created_at: t,
            source_id: None,
        });
        per_org[person.org] += 1;
    }
    let largest = |kinds: &[OrgKind]| {
        let best = (0..p.orgs.len())
            .filter(|i| kinds.contains(&p.orgs[*i].kind))
            .max_by_key(|i| per_org[*i])
            .unwrap_or(0);
        OrgId(org_base + best as i64)
    };
    let largest_school = largest(&[OrgKind::School]);
    let largest_body = largest(&[OrgKind::District, OrgKind::Local]);

    let mut bench_accounts = Vec::new();
    let mut bench_users = Vec::new();
    if let Some(b) = bench {
        // Adds an account the harness signs in with; its (email, id).
        let mut account = |local: &str, role: Role, org: OrgId| {
            let id = user_base + users.len() as i64;
            let email = format!("bench-{local}@bench.example.org");
            let name = format!("Bench {}", local.replace('-', " "));
            users.push(UserRow {
                id,
                email: Some(email.clone()),
                email_verified_at: Some(t),
                password_hash: Some(b.password_hash.clone()),
                search_text: person_text(&name, &email),
                display_name: name,
                preferred_language: "en".into(),
                years_experience: Some(5),
                school_role: Some("teacher".into()),
                created_at: t,
                updated_at: t,
                source_id: None,
            });
            memberships.push(MembershipRow {
                id: membership_base + memberships.len() as i64,
                user_id: id,
                org_id: org.0,
                role: role.as_str().into(),
                created_at: t,
                source_id: None,
            });
            (email, id)
        };
        let root = OrgId(org_base);
        for (local, role, org) in [
            ("educator", Role::Educator, largest_school),
            ("orgadmin", Role::OrgAdmin, largest_body),
            ("admin", Role::ProgrammeAdmin, root),
            // With learning activity: about 200 PD ledger entries.
            ("learner", Role::Educator, largest_school),
        ] {
            let (email, id) = account(local, role, org);
            bench_accounts.push((email, role, org));
            bench_users.push((local, id));
        }
        // Educators of the programme itself, to post replies in the
        // benchmark: each account may post only so many an hour.
        for k in 0..BENCH_POSTERS {
            account(&format!("poster-{k:03}"), Role::Educator, root);
        }
    }
    bulk::users(c, &users)?;
    bulk::subjects(c, &subjects)?;
    bulk::grade_bands(c, &bands)?;
    bulk::memberships(c, &memberships)?;
    Ok(Written {
        orgs: org_rows.len(),
        people: users.len(),
        bench: bench_accounts,
        first_user: user_base,
        bench_users,
        bench_posters: if bench.is_some() { BENCH_POSTERS } else { 0 },
        largest_body,
        largest_school,
        learning: None,
        community: None,
        workshops: None,
        library: None,
        radar: None,
    })
}

/// The id the next row of `table` gets when loaded with explicit ids.
pub(super) fn next_id(c: &mut DbConn, table: &str) -> Result<i64, DbError> {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct Max {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
        id: Option<i64>,
    }
    let q = format!("SELECT MAX(id) AS id FROM {table}");
    let m: Max = match c {
        DbConn::Sqlite(s) => diesel::sql_query(q).get_result(s)?,
        DbConn::Pg(p) => diesel::sql_query(q).get_result(p)?,
    };
    Ok(m.id.unwrap_or(0) + 1)
}

/// Educators the webinar-day benchmark registers at once.
pub const WEBINAR_PEOPLE: usize = 20_000;

/// Signs in the programme's first [`WEBINAR_PEOPLE`] educators for the
/// webinar-day benchmark: a session for each, valid a year (the harness
/// marks them seen before each run); returns the session cookies' values.
/// Only for synthetic programmes: whoever holds the file is those people.
pub async fn webinar_sessions(
    db: &Db,
    programme: &Programme,
    written: &Written,
    now: Timestamp,
) -> Result<Vec<String>, DbError> {
    let people: Vec<i64> = programme
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.role == lyceum_domain::role::Role::Educator)
        .take(WEBINAR_PEOPLE)
        .map(|(i, _)| written.first_user + i as i64)
        .collect();
    let mut cookies = Vec::with_capacity(people.len());
    let mut rows = Vec::with_capacity(people.len());
    for user_id in people {
        let (token, hash) = lyceum_domain::token::new_token()
            .map_err(|e| DbError::task_from("no random numbers", e))?;
        cookies.push(token);
        rows.push(bulk::SessionRow {
            id_hash: hash,
            user_id,
            created_at: now.micros(),
            last_seen_at: now.micros(),
            expires_at: now
                .plus(std::time::Duration::from_secs(365 * 24 * 3600))
                .micros(),
        });
    }
    db.write(move |c| bulk::sessions(c, &rows)).await?;
    Ok(cookies)
}
