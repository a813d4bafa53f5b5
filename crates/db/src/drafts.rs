//! Authoring: drafts of course files. An author writes one (as a course
//! file, problems and all), sends it for review; another author or a
//! programme admin publishes it — saving it as the course's next version in
//! the same transaction — or returns it with a comment.

use crate::schema::{course_drafts, users};
use crate::{DbConn, DbError, courses};
use diesel::prelude::*;
use lyceum_domain::course::{Course, DraftStatus};
use lyceum_domain::{Timestamp, UserId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = course_drafts)]
pub struct DraftRow {
    pub id: i64,
    pub author_id: i64,
    pub document: String,
    pub slug: Option<String>,
    pub title: Option<String>,
    pub status: String,
    pub reviewer_id: Option<i64>,
    pub review_comment: Option<String>,
    pub published_version: Option<i32>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl DraftRow {
    pub fn status(&self) -> DraftStatus {
        DraftStatus::parse(&self.status).unwrap_or(DraftStatus::Draft)
    }
}

/// What a document says about itself, for lists: (slug, title).
pub type Named<'a> = (Option<&'a str>, Option<&'a str>);

pub fn create(
    conn: &mut DbConn,
    author: UserId,
    document: &str,
    (slug, title): Named<'_>,
    now: Timestamp,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(course_drafts::table)
        .values((
            course_drafts::author_id.eq(author.0),
            course_drafts::document.eq(document),
            course_drafts::slug.eq(slug),
            course_drafts::title.eq(title),
            course_drafts::status.eq(DraftStatus::Draft.as_str()),
            course_drafts::created_at.eq(now.micros()),
            course_drafts::updated_at.eq(now.micros()),
        ))
        .returning(course_drafts::id)
        .get_result(conn)?)
}

pub fn by_id(conn: &mut DbConn, id: i64) -> Result<Option<DraftRow>, DbError> {
    Ok(course_drafts::table
        .find(id)
        .select(DraftRow::as_select())
        .first(conn)
        .optional()?)
}

/// The author's drafts, most recently changed first.
pub fn of_author(conn: &mut DbConn, author: UserId) -> Result<Vec<DraftRow>, DbError> {
    Ok(course_drafts::table
        .filter(course_drafts::author_id.eq(author.0))
        .order((course_drafts::updated_at.desc(), course_drafts::id.desc()))
        .select(DraftRow::as_select())
        .load(conn)?)
}

/// Drafts waiting for review by someone other than `reviewer`, oldest
/// first, with their authors' names.
pub fn to_review(conn: &mut DbConn, reviewer: UserId) -> Result<Vec<(DraftRow, String)>, DbError> {
    Ok(course_drafts::table
        .inner_join(users::table.on(users::id.eq(course_drafts::author_id)))
        .filter(course_drafts::status.eq(DraftStatus::InReview.as_str()))
        .filter(course_drafts::author_id.ne(reviewer.0))
        .order((course_drafts::updated_at, course_drafts::id))
        .select((DraftRow::as_select(), users::display_name))
        .load(conn)?)
}

/// Saves the author's new text, and sends it for review when `submit`.
/// `NotFound` unless it is theirs and editable.
pub fn save(
    conn: &mut DbConn,
    id: i64,
    author: UserId,
    document: &str,
    (slug, title): Named<'_>,
    submit: bool,
    now: Timestamp,
) -> Result<(), DbError> {
    by_id(conn, id)?
        .filter(|d| d.author_id == author.0 && d.status().editable())
        .ok_or(DbError::NotFound)?;
    let status = if submit {
        DraftStatus::InReview
    } else {
        DraftStatus::Draft
    };
    diesel::update(course_drafts::table.find(id))
        .set((
            course_drafts::document.eq(document),
            course_drafts::slug.eq(slug),
            course_drafts::title.eq(title),
            course_drafts::status.eq(status.as_str()),
            course_drafts::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A reviewer's decision on a draft in review: publish `course` (the
/// draft, checked) as the course's next version, or return the draft with
/// a comment. `NotFound` unless it is in review and not the reviewer's own.
/// Returns the saved course, when published.
pub fn decide(
    conn: &mut DbConn,
    id: i64,
    reviewer: UserId,
    publish: Option<&Course>,
    comment: Option<&str>,
    now: Timestamp,
) -> Result<Option<courses::Saved>, DbError> {
    by_id(conn, id)?
        .filter(|d| d.status() == DraftStatus::InReview && d.author_id != reviewer.0)
        .ok_or(DbError::NotFound)?;
    let saved = publish
        .map(|course| courses::save(conn, course, now))
        .transpose()?;
    let status = if saved.is_some() {
        DraftStatus::Published
    } else {
        DraftStatus::Returned
    };
    diesel::update(course_drafts::table.find(id))
        .set((
            course_drafts::status.eq(status.as_str()),
            course_drafts::reviewer_id.eq(reviewer.0),
            course_drafts::review_comment.eq(comment),
            course_drafts::published_version.eq(saved.as_ref().map(|s| s.version)),
            course_drafts::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(saved)
}
