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

use crate::courses::{Catalogue, CourseRow, Sort};
use crate::schema::{
    catalogue_version, course_competencies, course_grade_bands, course_subjects, courses, orgs,
};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{Actor, SeenOwners};
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
    Ok(Listing { version, courses })
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

fn matches(l: &Listed, f: &Catalogue) -> bool {
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
