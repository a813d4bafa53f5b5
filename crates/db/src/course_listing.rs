//! The whole catalogue as one listing a server keeps in memory: every
//! course with its owner's place and the facets it is filed under, and the
//! catalogue's version, which triggers change with anything the listing
//! shows (migration 2026-12-06-000400). A server checks its listing with
//! one read of the version a request, so servers stay stateless and a
//! course published anywhere is listed on the next request.
//!
//! [`find`] is [`crate::courses::find`] over the listing, for what it serves
//! ([`serves`]): lists without search words, by title or newest first.
//! Searches and "most completed" (a count that changes with every
//! completion) still ask the database.
//!
//! The listing also pairs each course with its other language
//! (`course_translations`): a pair is only ever written by
//! [`crate::courses::save`] together with its course's row, whose triggers
//! move the version.

use crate::courses::{Catalogue, CourseRow, Sort};
use crate::ids::Id;
use crate::schema::{
    catalogue_version, course_competencies, course_grade_bands, course_subjects,
    course_translations, courses, enrolments, orgs, user_grade_bands, user_subjects,
};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text};
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{Actor, SeenOwners};
use lyceum_domain::{CourseId, UserId};
use std::collections::HashMap;

/// One course as the catalogue lists and filters it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub row: CourseRow,
    /// Where its owner is (`None`: no such organisation).
    pub owner: Option<OrgPath>,
    pub subjects: Vec<String>,
    pub grade_bands: Vec<String>,
    pub competencies: Vec<String>,
}

/// Every course, by title (then id), as of `version`.
#[derive(Debug, Clone)]
pub struct Listing {
    pub version: i64,
    pub courses: Vec<Listed>,
    /// Each course in two languages, both ways: course → its other language.
    pub translations: HashMap<CourseId, CourseId>,
    /// Where each course is in `courses`.
    index: HashMap<CourseId, usize>,
}

impl Listing {
    /// A listing of `courses` (by title) and their translation pairs.
    pub fn new(version: i64, courses: Vec<Listed>, pairs: &[(CourseId, CourseId)]) -> Self {
        let index = courses
            .iter()
            .enumerate()
            .map(|(i, l)| (l.row.id, i))
            .collect();
        let translations = pairs
            .iter()
            .flat_map(|(t, o)| [(*t, *o), (*o, *t)])
            .collect();
        Listing {
            version,
            courses,
            translations,
            index,
        }
    }

    /// A course by id.
    pub fn get(&self, id: CourseId) -> Option<&Listed> {
        self.index.get(&id).and_then(|i| self.courses.get(*i))
    }

    /// The same course in its other language.
    pub fn translation(&self, id: CourseId) -> Option<&Listed> {
        self.translations.get(&id).and_then(|o| self.get(*o))
    }
}

/// The catalogue's version now.
pub fn version(conn: &mut DbConn) -> Result<i64, DbError> {
    Ok(catalogue_version::table
        .find(1)
        .select(catalogue_version::version)
        .first(conn)?)
}

/// The listing as it is now.
pub fn load(conn: &mut DbConn) -> Result<Listing, DbError> {
    // The version first: a listing newer than its number is only read
    // again on the next request, never kept as current when it is not.
    let version = version(conn)?;
    let rows: Vec<(CourseRow, Option<String>)> = courses::table
        .left_join(orgs::table.on(orgs::id.eq(courses::org_id)))
        .order((courses::title, courses::id))
        .select((CourseRow::as_select(), orgs::path.nullable()))
        .load(conn)?;
    let by_course = |pairs: Vec<(i64, String)>| {
        let mut m: HashMap<i64, Vec<String>> = HashMap::new();
        for (id, code) in pairs {
            m.entry(id).or_default().push(code);
        }
        m
    };
    let mut subjects = by_course(
        course_subjects::table
            .select((course_subjects::course_id, course_subjects::subject))
            .load(conn)?,
    );
    let mut bands = by_course(
        course_grade_bands::table
            .select((
                course_grade_bands::course_id,
                course_grade_bands::grade_band,
            ))
            .load(conn)?,
    );
    let mut builds = by_course(
        course_competencies::table
            .select((
                course_competencies::course_id,
                course_competencies::competency_id,
            ))
            .load(conn)?,
    );
    let pairs: Vec<(CourseId, CourseId)> = course_translations::table
        .select((
            course_translations::course_id,
            course_translations::original_id,
        ))
        .load::<(Id<CourseId>, Id<CourseId>)>(conn)?
        .into_iter()
        .map(|(t, o)| (t.into(), o.into()))
        .collect();
    let courses = rows
        .into_iter()
        .map(|(row, path)| Listed {
            owner: path.as_deref().and_then(OrgPath::parse),
            subjects: subjects.remove(&row.id.0).unwrap_or_default(),
            grade_bands: bands.remove(&row.id.0).unwrap_or_default(),
            competencies: builds.remove(&row.id.0).unwrap_or_default(),
            row,
        })
        .collect();
    Ok(Listing::new(version, courses, &pairs))
}

/// What the catalogue ranks and leaves out for one signed-in reader.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    /// Subject codes they teach.
    pub subjects: Vec<String>,
    /// Grade band codes they teach.
    pub grade_bands: Vec<String>,
    /// The courses they follow (enrolled, completed or not).
    pub following: Vec<CourseId>,
}

/// `user`'s subjects, grade bands and courses followed, in one statement
/// (one round trip on PostgreSQL), each line marked with what it is.
pub fn reader(conn: &mut DbConn, user: UserId) -> Result<Reader, DbError> {
    let lines: Vec<(i32, String, i64)> = crate::on_backend!(conn, |c| user_subjects::table
        .filter(user_subjects::user_id.eq(user.0))
        .select((
            0.into_sql::<Integer>(),
            user_subjects::subject,
            0i64.into_sql::<BigInt>(),
        ))
        .union_all(
            user_grade_bands::table
                .filter(user_grade_bands::user_id.eq(user.0))
                .select((
                    1.into_sql::<Integer>(),
                    user_grade_bands::grade_band,
                    0i64.into_sql::<BigInt>(),
                )),
        )
        .union_all(
            enrolments::table
                .filter(enrolments::user_id.eq(user.0))
                .select((
                    2.into_sql::<Integer>(),
                    "".into_sql::<Text>(),
                    enrolments::course_id,
                )),
        )
        .load(c))?;
    let mut r = Reader::default();
    for (kind, code, course) in lines {
        match kind {
            0 => r.subjects.push(code),
            1 => r.grade_bands.push(code),
            _ => r.following.push(CourseId(course)),
        }
    }
    Ok(r)
}

/// Whether [`find`] answers `f` (else [`crate::courses::find`] does).
pub fn serves(f: &Catalogue) -> bool {
    f.words.is_empty() && f.sort != Sort::MostCompleted
}

/// What [`crate::courses::find`] finds for `viewer`, from the listing: the same
/// courses in the same order (a test holds them to it).
pub fn find<'a>(listing: &'a Listing, viewer: Option<&Actor>, f: &Catalogue) -> Vec<&'a Listed> {
    let seen = viewer.map_or_else(SeenOwners::anonymous, Actor::seen_course_owners);
    let mut found: Vec<&Listed> = listing
        .courses
        .iter()
        .filter(|l| sees(&seen, l) && matches(l, f))
        .collect();
    if f.sort == Sort::Newest {
        found.sort_by_key(|l| std::cmp::Reverse((l.row.created_at, l.row.id)));
    }
    found
}

/// `courses::seen_by` in memory: owner 0 (from before a programme
/// existed) is the programme's; an owner that is no organisation is seen
/// only by those who see every course.
fn sees(seen: &SeenOwners, l: &Listed) -> bool {
    if l.row.org_id == 0 {
        return true;
    }
    match &l.owner {
        Some(path) => seen.admits(path),
        None => matches!(seen, SeenOwners::All),
    }
}

/// Whether `l` is one of what the filters of `f` ask for (not its words).
pub fn matches(l: &Listed, f: &Catalogue) -> bool {
    let r = &l.row;
    f.subject
        .is_none_or(|s| l.subjects.iter().any(|x| x == s.as_str()))
        && f.grade_band
            .is_none_or(|g| l.grade_bands.iter().any(|x| x == g.as_str()))
        && f.competency
            .as_ref()
            .is_none_or(|c| l.competencies.contains(c))
        && f.delivery.is_none_or(|d| r.delivery == d)
        && f.language.is_none_or(|g| r.language == g.as_str())
        && f.hours
            .is_none_or(|(from, to)| (from..=to).contains(&r.hours()))
}
