//! The resource library: resources (a link or a file), their facets,
//! ratings, comments, search and featuring, and links from practices and
//! lessons.
//!
//! Callers check the actor against the owner (`resource` returns its path)
//! inside the same transaction as the change. A programme holds hundreds of
//! resources, not millions: finding loads the candidates and applies the
//! facets to the list, each from its own index, as the catalogue does.

use crate::codes::Code;
use crate::ids::Id;
use crate::schema::{
    classroom_practice_resources, competencies, lesson_resources, library_files, orgs,
    resource_comments, resource_competencies, resource_grade_bands, resource_ratings,
    resource_subjects, resources,
};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::resource::{COMMENTS, CheckedFile, ResourceDetails};
use lyceum_domain::library::{Licence, ResourceKind};
use lyceum_domain::org::OrgPath;
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::{CourseId, LibraryFileId, OrgId, PracticeId, ResourceId, Timestamp, UserId};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A resource as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = resources)]
pub struct ResourceRow {
    #[diesel(deserialize_as = Id<ResourceId>)]
    pub id: ResourceId,
    #[diesel(deserialize_as = Id<OrgId>)]
    pub org_id: OrgId,
    #[diesel(deserialize_as = Id<Option<UserId>>)]
    pub author_id: Option<UserId>,
    #[diesel(deserialize_as = Code<ResourceKind>)]
    pub kind: ResourceKind,
    pub title: String,
    pub description: String,
    #[diesel(deserialize_as = Code<Lang>)]
    pub language: Lang,
    #[diesel(deserialize_as = Code<Licence>)]
    pub licence: Licence,
    pub url: Option<String>,
    #[diesel(deserialize_as = Id<Option<LibraryFileId>>)]
    pub file_id: Option<LibraryFileId>,
    pub featured_at: Option<i64>,
    pub featured_by: Option<i64>,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub comment_count: i32,
    pub created_at: i64,
    pub updated_at: i64,
}

impl ResourceRow {
    /// The mean rating in tenths (4.3 is 43); None before any rating.
    pub fn rating_tenths(&self) -> Option<i64> {
        (self.rating_count > 0)
            .then(|| (self.rating_sum * 10 + self.rating_count / 2) / self.rating_count)
    }
}

/// A resource with its facets, the owner's name and path, and its file's
/// name and type.
#[derive(Debug, Clone)]
pub struct Resource {
    pub row: ResourceRow,
    pub owner: OrgPath,
    pub owner_name: String,
    pub author_name: Option<String>,
    pub subjects: Vec<String>,
    pub grade_bands: Vec<String>,
    pub competencies: Vec<String>,
    /// (name, media type, size) of its file.
    pub file: Option<(String, String, i64)>,
}

/// Where a resource comes from: a link or a file.
#[derive(Debug, Clone)]
pub enum Source {
    Link(String),
    File(CheckedFile),
}

/// The resource, with its facets and owner.
pub fn resource(conn: &mut DbConn, id: ResourceId) -> Result<Option<Resource>, DbError> {
    let row: Option<(ResourceRow, String, String)> = resources::table
        .inner_join(orgs::table.on(orgs::id.eq(resources::org_id)))
        .filter(resources::id.eq(id.0))
        .select((ResourceRow::as_select(), orgs::path, orgs::name))
        .first(conn)
        .optional()?;
    let Some((row, path, owner_name)) = row else {
        return Ok(None);
    };
    let owner = OrgPath::parse(&path)
        .ok_or_else(|| DbError::Corrupt(format!("resource {} has owner path {path:?}", id.0)))?;
    let author_name = match row.author_id {
        Some(a) => crate::schema::users::table
            .find(a.0)
            .select(crate::schema::users::display_name)
            .first(conn)
            .optional()?,
        None => None,
    };
    let subjects = resource_subjects::table
        .filter(resource_subjects::resource_id.eq(id.0))
        .select(resource_subjects::subject)
        .order(resource_subjects::subject)
        .load(conn)?;
    let grade_bands = resource_grade_bands::table
        .filter(resource_grade_bands::resource_id.eq(id.0))
        .select(resource_grade_bands::grade_band)
        .order(resource_grade_bands::grade_band)
        .load(conn)?;
    let competencies = resource_competencies::table
        .filter(resource_competencies::resource_id.eq(id.0))
        .select(resource_competencies::competency_id)
        .order(resource_competencies::competency_id)
        .load(conn)?;
    let file = match row.file_id {
        Some(f) => library_files::table
            .find(f.0)
            .select((
                library_files::name,
                library_files::media_type,
                library_files::size,
            ))
            .first(conn)
            .optional()?,
        None => None,
    };
    Ok(Some(Resource {
        row,
        owner,
        owner_name,
        author_name,
        subjects,
        grade_bands,
        competencies,
        file,
    }))
}

/// The words search finds a resource by, folded as `domain::search` does.
pub fn search_text(d: &ResourceDetails) -> String {
    let mut words = lyceum_domain::search::words(&d.title);
    words.extend(lyceum_domain::search::words(&d.description));
    words.join(" ")
}

fn check_competencies(conn: &mut DbConn, given: &[String]) -> Result<(), DbError> {
    if given.is_empty() {
        return Ok(());
    }
    let known: HashSet<String> = competencies::table
        .filter(competencies::id.eq_any(given))
        .select(competencies::id)
        .load::<String>(conn)?
        .into_iter()
        .collect();
    let mut e = Invalid::new();
    for c in given.iter().filter(|c| !known.contains(*c)) {
        e.push(FieldError::new("competencies", "unknown-competency").with_arg("value", c));
    }
    e.into_result().map_err(DbError::Invalid)
}

fn store_file(
    conn: &mut DbConn,
    f: &CheckedFile,
    by: UserId,
    now: Timestamp,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(library_files::table)
        .values((
            library_files::uploaded_by.eq(by.0),
            library_files::name.eq(&f.name),
            library_files::media_type.eq(f.file_type.media_type()),
            library_files::size.eq(f.bytes.len() as i64),
            library_files::bytes.eq(&f.bytes),
            library_files::created_at.eq(now.micros()),
        ))
        .returning(library_files::id)
        .get_result(conn)?)
}

fn write_facets(conn: &mut DbConn, id: i64, d: &ResourceDetails) -> Result<(), DbError> {
    diesel::delete(resource_subjects::table.filter(resource_subjects::resource_id.eq(id)))
        .execute(conn)?;
    diesel::delete(resource_grade_bands::table.filter(resource_grade_bands::resource_id.eq(id)))
        .execute(conn)?;
    diesel::delete(resource_competencies::table.filter(resource_competencies::resource_id.eq(id)))
        .execute(conn)?;
    for s in &d.subjects {
        diesel::insert_into(resource_subjects::table)
            .values((
                resource_subjects::resource_id.eq(id),
                resource_subjects::subject.eq(s.as_str()),
            ))
            .execute(conn)?;
    }
    for b in &d.grade_bands {
        diesel::insert_into(resource_grade_bands::table)
            .values((
                resource_grade_bands::resource_id.eq(id),
                resource_grade_bands::grade_band.eq(b.as_str()),
            ))
            .execute(conn)?;
    }
    for c in &d.competencies {
        diesel::insert_into(resource_competencies::table)
            .values((
                resource_competencies::resource_id.eq(id),
                resource_competencies::competency_id.eq(c),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Adds a resource owned by `owner` (the caller checked `author` may add
/// there). Unknown competencies are refused on `competencies`.
pub fn create(
    conn: &mut DbConn,
    owner: OrgId,
    author: UserId,
    d: &ResourceDetails,
    source: &Source,
    now: Timestamp,
) -> Result<ResourceId, DbError> {
    check_competencies(conn, &d.competencies)?;
    let (url, file_id) = match source {
        Source::Link(u) => (Some(u.clone()), None),
        Source::File(f) => (None, Some(store_file(conn, f, author, now)?)),
    };
    let id: i64 = diesel::insert_into(resources::table)
        .values((
            resources::org_id.eq(owner.0),
            resources::author_id.eq(author.0),
            resources::kind.eq(d.kind.as_str()),
            resources::title.eq(&d.title),
            resources::description.eq(&d.description),
            resources::language.eq(d.language.as_str()),
            resources::licence.eq(d.licence.as_str()),
            resources::url.eq(url),
            resources::file_id.eq(file_id),
            resources::search_text.eq(search_text(d)),
            resources::created_at.eq(now.micros()),
            resources::updated_at.eq(now.micros()),
        ))
        .returning(resources::id)
        .get_result(conn)?;
    write_facets(conn, id, d)?;
    Ok(ResourceId(id))
}

/// Changes a resource's details, and its link or file when `source` is
/// given (the caller checked the editor may).
pub fn update(
    conn: &mut DbConn,
    id: ResourceId,
    editor: UserId,
    d: &ResourceDetails,
    source: Option<&Source>,
    now: Timestamp,
) -> Result<(), DbError> {
    check_competencies(conn, &d.competencies)?;
    let old_file: Option<Option<i64>> = resources::table
        .find(id.0)
        .select(resources::file_id)
        .first(conn)
        .optional()?;
    let old_file = old_file.ok_or(DbError::NotFound)?;
    diesel::update(resources::table.find(id.0))
        .set((
            resources::kind.eq(d.kind.as_str()),
            resources::title.eq(&d.title),
            resources::description.eq(&d.description),
            resources::language.eq(d.language.as_str()),
            resources::licence.eq(d.licence.as_str()),
            resources::search_text.eq(search_text(d)),
            resources::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    if let Some(source) = source {
        let (url, file_id) = match source {
            Source::Link(u) => (Some(u.clone()), None),
            Source::File(f) => (None, Some(store_file(conn, f, editor, now)?)),
        };
        diesel::update(resources::table.find(id.0))
            .set((resources::url.eq(url), resources::file_id.eq(file_id)))
            .execute(conn)?;
        if let Some(old) = old_file {
            diesel::delete(library_files::table.find(old)).execute(conn)?;
        }
    }
    write_facets(conn, id.0, d)
}

/// A resource's file: (name, media type, bytes).
pub fn file(
    conn: &mut DbConn,
    id: ResourceId,
) -> Result<Option<(String, String, Vec<u8>)>, DbError> {
    Ok(resources::table
        .inner_join(library_files::table)
        .filter(resources::id.eq(id.0))
        .select((
            library_files::name,
            library_files::media_type,
            library_files::bytes,
        ))
        .first(conn)
        .optional()?)
}

/// What to find: words and facets (None: any).
#[derive(Debug, Clone, Default)]
pub struct Find {
    /// Folded words (`domain::search::words`); empty: every resource.
    pub words: Vec<String>,
    pub kind: Option<ResourceKind>,
    pub subject: Option<String>,
    pub grade_band: Option<String>,
    pub competency: Option<String>,
    pub language: Option<Lang>,
}

/// A page of what was found, and the facets' counts over all of it.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub items: Vec<ResourceRow>,
    pub total: usize,
    /// Facet name (`kind`, `subject`, `grade_band`, `competency`,
    /// `language`) → code → resources found with it.
    pub counts: BTreeMap<&'static str, BTreeMap<String, usize>>,
}

#[derive(QueryableByName)]
struct Hit {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}

/// Resources whose words match, best first (FTS5 rank / ts_rank).
fn matching(conn: &mut DbConn, words: &[String]) -> Result<Vec<i64>, DbError> {
    use diesel::sql_types::Text;
    let hits: Vec<Hit> = match conn {
        DbConn::Sqlite(c) => {
            // Quoted, so no word is read as FTS5 syntax; * makes it a prefix.
            let m: Vec<String> = words
                .iter()
                .map(|w| format!("\"{}\"*", w.replace('"', "")))
                .collect();
            diesel::sql_query(
                "SELECT rowid AS id FROM resources_fts WHERE resources_fts MATCH ? ORDER BY rank, rowid",
            )
            .bind::<Text, _>(m.join(" "))
            .load(c)?
        }
        DbConn::Pg(c) => {
            let m: Vec<String> = words
                .iter()
                .map(|w| {
                    let w: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
                    format!("{w}:*")
                })
                .filter(|w| w.len() > 2)
                .collect();
            if m.is_empty() {
                return Ok(Vec::new());
            }
            diesel::sql_query(
                "SELECT id FROM resources_fts, to_tsquery('simple', $1) q \
                 WHERE vector @@ q ORDER BY ts_rank(vector, q) DESC, id",
            )
            .bind::<Text, _>(m.join(" & "))
            .load(c)?
        }
    };
    Ok(hits.into_iter().map(|h| h.id).collect())
}

fn facet_map(conn: &mut DbConn, table: &str) -> Result<HashMap<i64, Vec<String>>, DbError> {
    let pairs: Vec<(i64, String)> = match table {
        "subject" => resource_subjects::table
            .select((resource_subjects::resource_id, resource_subjects::subject))
            .load(conn)?,
        "grade_band" => resource_grade_bands::table
            .select((
                resource_grade_bands::resource_id,
                resource_grade_bands::grade_band,
            ))
            .load(conn)?,
        _ => resource_competencies::table
            .select((
                resource_competencies::resource_id,
                resource_competencies::competency_id,
            ))
            .load(conn)?,
    };
    let mut m: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, v) in pairs {
        m.entry(id).or_default().push(v);
    }
    Ok(m)
}

/// Featured first (newest featuring first), then newest — or, with words,
/// best match first; `per_page` from `offset`.
pub fn find(conn: &mut DbConn, f: &Find, offset: usize, per_page: usize) -> Result<Found, DbError> {
    let mut rows: Vec<ResourceRow> = resources::table
        .select(ResourceRow::as_select())
        .order((
            resources::featured_at.is_null(),
            resources::featured_at.desc(),
            resources::created_at.desc(),
            resources::id.desc(),
        ))
        .load(conn)?;
    if !f.words.is_empty() {
        let hits = matching(conn, &f.words)?;
        let rank: HashMap<i64, usize> = hits.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        rows.retain(|r| rank.contains_key(&r.id.0));
        rows.sort_by_key(|r| rank[&r.id.0]);
    }
    let subjects = facet_map(conn, "subject")?;
    let bands = facet_map(conn, "grade_band")?;
    let comps = facet_map(conn, "competency")?;
    let has = |m: &HashMap<i64, Vec<String>>, id: i64, want: &Option<String>| {
        want.as_ref()
            .is_none_or(|w| m.get(&id).is_some_and(|v| v.contains(w)))
    };
    rows.retain(|r| {
        f.kind.is_none_or(|k| r.kind == k)
            && f.language.is_none_or(|l| r.language == l)
            && has(&subjects, r.id.0, &f.subject)
            && has(&bands, r.id.0, &f.grade_band)
            && has(&comps, r.id.0, &f.competency)
    });
    let mut counts: BTreeMap<&'static str, BTreeMap<String, usize>> = BTreeMap::new();
    for r in &rows {
        *counts
            .entry("kind")
            .or_default()
            .entry(r.kind.as_str().to_string())
            .or_default() += 1;
        *counts
            .entry("language")
            .or_default()
            .entry(r.language.as_str().to_string())
            .or_default() += 1;
        for (name, m) in [
            ("subject", &subjects),
            ("grade_band", &bands),
            ("competency", &comps),
        ] {
            for v in m.get(&r.id.0).into_iter().flatten() {
                *counts
                    .entry(name)
                    .or_default()
                    .entry(v.clone())
                    .or_default() += 1;
            }
        }
    }
    let total = rows.len();
    let items = rows.into_iter().skip(offset).take(per_page).collect();
    Ok(Found {
        items,
        total,
        counts,
    })
}

/// `user`'s rating of the resource (1–5), if any.
pub fn rating_of(conn: &mut DbConn, id: ResourceId, user: UserId) -> Result<Option<i32>, DbError> {
    Ok(resource_ratings::table
        .find((id.0, user.0))
        .select(resource_ratings::stars)
        .first(conn)
        .optional()?)
}

/// Sets `user`'s rating (one a person; a second changes it). The sum and
/// count change by the difference, under a lock on the resource's row
/// taken first, so concurrent ratings are counted exactly.
pub fn rate(
    conn: &mut DbConn,
    id: ResourceId,
    user: UserId,
    stars: i32,
    now: Timestamp,
) -> Result<(), DbError> {
    // An update that changes nothing takes the row's lock (both backends)
    // before the old rating is read.
    let n = diesel::update(resources::table.find(id.0))
        .set(resources::rating_count.eq(resources::rating_count))
        .execute(conn)?;
    if n == 0 {
        return Err(DbError::NotFound);
    }
    let old = rating_of(conn, id, user)?;
    match old {
        Some(o) => {
            diesel::update(resource_ratings::table.find((id.0, user.0)))
                .set((
                    resource_ratings::stars.eq(stars),
                    resource_ratings::updated_at.eq(now.micros()),
                ))
                .execute(conn)?;
            diesel::update(resources::table.find(id.0))
                .set(resources::rating_sum.eq(resources::rating_sum + i64::from(stars - o)))
                .execute(conn)?;
        }
        None => {
            diesel::insert_into(resource_ratings::table)
                .values((
                    resource_ratings::resource_id.eq(id.0),
                    resource_ratings::user_id.eq(user.0),
                    resource_ratings::stars.eq(stars),
                    resource_ratings::updated_at.eq(now.micros()),
                ))
                .execute(conn)?;
            diesel::update(resources::table.find(id.0))
                .set((
                    resources::rating_sum.eq(resources::rating_sum + i64::from(stars)),
                    resources::rating_count.eq(resources::rating_count + 1),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// A comment on a resource.
#[derive(Debug, Clone, Queryable)]
pub struct CommentRow {
    pub id: i64,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub body: String,
    pub created_at: i64,
    pub hidden_at: Option<i64>,
}

/// The resource's comments, oldest first (hidden ones too when `hidden`).
pub fn comments(
    conn: &mut DbConn,
    id: ResourceId,
    hidden: bool,
) -> Result<Vec<CommentRow>, DbError> {
    let mut q = resource_comments::table
        .left_join(
            crate::schema::users::table.on(crate::schema::users::id
                .nullable()
                .eq(resource_comments::author_id)),
        )
        .filter(resource_comments::resource_id.eq(id.0))
        .select((
            resource_comments::id,
            resource_comments::author_id,
            crate::schema::users::display_name.nullable(),
            resource_comments::body,
            resource_comments::created_at,
            resource_comments::hidden_at,
        ))
        .order(resource_comments::id)
        .into_boxed();
    if !hidden {
        q = q.filter(resource_comments::hidden_at.is_null());
    }
    Ok(q.load(conn)?)
}

/// Adds a comment (the caller checked the body), taking nothing from its
/// author's allowance: people's comments go through [`comment_limited`].
pub fn comment(
    conn: &mut DbConn,
    id: ResourceId,
    author: UserId,
    body: &str,
    now: Timestamp,
) -> Result<i64, DbError> {
    let n = diesel::update(resources::table.find(id.0))
        .set(resources::comment_count.eq(resources::comment_count + 1))
        .execute(conn)?;
    if n == 0 {
        return Err(DbError::NotFound);
    }
    Ok(diesel::insert_into(resource_comments::table)
        .values((
            resource_comments::resource_id.eq(id.0),
            resource_comments::author_id.eq(author.0),
            resource_comments::body.eq(body),
            resource_comments::created_at.eq(now.micros()),
        ))
        .returning(resource_comments::id)
        .get_result(conn)?)
}

/// Adds `author`'s comment if their allowance has room: the slot is claimed
/// in the database (`resource-comments:<user>`, `resource::COMMENTS`) in
/// this transaction before the comment is written, so comments sent at
/// once, to any number of app servers, get no more than the allowance.
/// `Err(when)` the next may be written, and nothing written, when it has
/// none (`NotFound` rolls the claim back with the rest).
pub fn comment_limited(
    conn: &mut DbConn,
    id: ResourceId,
    author: UserId,
    body: &str,
    now: Timestamp,
) -> Result<Result<i64, Timestamp>, DbError> {
    let key = format!("resource-comments:{}", author.0);
    if let Err(until) = crate::throttle::claim(conn, &key, now, COMMENTS)? {
        return Ok(Err(until));
    }
    comment(conn, id, author, body, now).map(Ok)
}

/// Hides (or shows again) a comment of the resource; false if it has none
/// such.
pub fn hide_comment(
    conn: &mut DbConn,
    id: ResourceId,
    comment: i64,
    hide: bool,
    now: Timestamp,
) -> Result<bool, DbError> {
    let target = resource_comments::table
        .filter(resource_comments::id.eq(comment))
        .filter(resource_comments::resource_id.eq(id.0));
    let n = if hide {
        diesel::update(target.filter(resource_comments::hidden_at.is_null()))
            .set(resource_comments::hidden_at.eq(Some(now.micros())))
            .execute(conn)?
    } else {
        diesel::update(target.filter(resource_comments::hidden_at.is_not_null()))
            .set(resource_comments::hidden_at.eq(None::<i64>))
            .execute(conn)?
    };
    if n > 0 {
        let delta = if hide { -1 } else { 1 };
        diesel::update(resources::table.find(id.0))
            .set(resources::comment_count.eq(resources::comment_count + delta))
            .execute(conn)?;
    }
    Ok(n > 0)
}

/// Features the resource (`by` set), or stops featuring it (`None`).
pub fn feature(
    conn: &mut DbConn,
    id: ResourceId,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<(), DbError> {
    diesel::update(resources::table.find(id.0))
        .set((
            resources::featured_at.eq(by.map(|_| now.micros())),
            resources::featured_by.eq(by.map(|u| u.0)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Links (or unlinks) a resource from a practice; linking twice is once.
pub fn link_practice(
    conn: &mut DbConn,
    practice: PracticeId,
    resource: ResourceId,
    link: bool,
) -> Result<(), DbError> {
    use classroom_practice_resources as l;
    if link {
        let next: Option<i32> = l::table
            .filter(l::practice_id.eq(practice.0))
            .select(diesel::dsl::max(l::position))
            .first(conn)?;
        // Linked already (or by a double submit at the same instant): once.
        let insert = diesel::insert_into(l::table).values((
            l::practice_id.eq(practice.0),
            l::resource_id.eq(resource.0),
            l::position.eq(next.map_or(0, |p| p + 1)),
        ));
        crate::on_backend!(conn, |c| insert.on_conflict_do_nothing().execute(c))?;
    } else {
        diesel::delete(
            l::table
                .filter(l::practice_id.eq(practice.0))
                .filter(l::resource_id.eq(resource.0)),
        )
        .execute(conn)?;
    }
    Ok(())
}

/// The resources linked from a practice, in order.
pub fn of_practice(conn: &mut DbConn, practice: PracticeId) -> Result<Vec<ResourceRow>, DbError> {
    use classroom_practice_resources as l;
    Ok(l::table
        .inner_join(resources::table)
        .filter(l::practice_id.eq(practice.0))
        .order(l::position)
        .select(ResourceRow::as_select())
        .load(conn)?)
}

/// Links (or unlinks) a resource from a course's lesson (by its key).
pub fn link_lesson(
    conn: &mut DbConn,
    course: CourseId,
    lesson: &str,
    resource: ResourceId,
    link: bool,
) -> Result<(), DbError> {
    use lesson_resources as l;
    let this = l::table
        .filter(l::course_id.eq(course.0))
        .filter(l::lesson_key.eq(lesson))
        .filter(l::resource_id.eq(resource.0));
    if link {
        let next: Option<i32> = l::table
            .filter(l::course_id.eq(course.0))
            .filter(l::lesson_key.eq(lesson))
            .select(diesel::dsl::max(l::position))
            .first(conn)?;
        // Linked already (or by a double submit at the same instant): once.
        let insert = diesel::insert_into(l::table).values((
            l::course_id.eq(course.0),
            l::lesson_key.eq(lesson),
            l::resource_id.eq(resource.0),
            l::position.eq(next.map_or(0, |p| p + 1)),
        ));
        crate::on_backend!(conn, |c| insert.on_conflict_do_nothing().execute(c))?;
    } else {
        diesel::delete(this).execute(conn)?;
    }
    Ok(())
}

/// The resources linked from a lesson, in order.
pub fn of_lesson(
    conn: &mut DbConn,
    course: CourseId,
    lesson: &str,
) -> Result<Vec<ResourceRow>, DbError> {
    use lesson_resources as l;
    Ok(l::table
        .inner_join(resources::table)
        .filter(l::course_id.eq(course.0))
        .filter(l::lesson_key.eq(lesson))
        .order(l::position)
        .select(ResourceRow::as_select())
        .load(conn)?)
}

/// One person's part of the library, for their data export: the
/// resources they added, their ratings (resource id, title, stars) and
/// their comments (resource id, body, written).
#[derive(Debug, Clone, Default)]
pub struct Mine {
    pub resources: Vec<ResourceRow>,
    pub ratings: Vec<(i64, String, i32)>,
    pub comments: Vec<(i64, String, i64)>,
}

pub fn of_user(conn: &mut DbConn, user: UserId) -> Result<Mine, DbError> {
    let resources = resources::table
        .filter(resources::author_id.eq(user.0))
        .order(resources::id)
        .select(ResourceRow::as_select())
        .load(conn)?;
    let ratings = resource_ratings::table
        .inner_join(resources::table)
        .filter(resource_ratings::user_id.eq(user.0))
        .order(resources::id)
        .select((resources::id, resources::title, resource_ratings::stars))
        .load(conn)?;
    let comments = resource_comments::table
        .filter(resource_comments::author_id.eq(user.0))
        .order(resource_comments::id)
        .select((
            resource_comments::resource_id,
            resource_comments::body,
            resource_comments::created_at,
        ))
        .load(conn)?;
    Ok(Mine {
        resources,
        ratings,
        comments,
    })
}

/// The names of organisations, by id (for the owners one may add for).
pub fn org_names(conn: &mut DbConn, ids: &[i64]) -> Result<Vec<(i64, String)>, DbError> {
    Ok(orgs::table
        .filter(orgs::id.eq_any(ids))
        .order(orgs::name)
        .select((orgs::id, orgs::name))
        .load(conn)?)
}

/// An organisation's id by its name (the demo finds its places so).
pub fn org_named(conn: &mut DbConn, name: &str) -> Result<Option<OrgId>, DbError> {
    let id: Option<i64> = orgs::table
        .filter(orgs::name.eq(name))
        .select(orgs::id)
        .first(conn)
        .optional()?;
    Ok(id.map(OrgId))
}
