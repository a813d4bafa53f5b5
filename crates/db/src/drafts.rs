//! Authoring: drafts of course files. An author writes one (as a course
//! file, problems and all), sends it for review; another author or a
//! programme admin publishes it — saving it as the course's next version in
//! the same transaction — or returns it with a comment.
//!
//! A draft belongs to the organisation that owns its course: the existing
//! course with its slug, or, for a new course, the organisation its author
//! chose. Who may write and publish it is asked of the policy on that
//! organisation, inside the transaction that writes (so a slug changed in
//! the text, or a course published meanwhile, is seen).

use crate::codes::Code;
use crate::ids::Id;
use crate::schema::{course_drafts, orgs, users};
use crate::{DbConn, DbError, courses};
use diesel::prelude::*;
use lyceum_domain::course::{Course, DraftStatus};
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{Action, Actor};
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::{OrgId, Timestamp, UserId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = course_drafts)]
pub struct DraftRow {
    pub id: i64,
    #[diesel(deserialize_as = Id<UserId>)]
    pub author_id: UserId,
    pub document: String,
    pub slug: Option<String>,
    pub title: Option<String>,
    #[diesel(deserialize_as = Code<DraftStatus>)]
    pub status: DraftStatus,
    pub reviewer_id: Option<i64>,
    pub review_comment: Option<String>,
    pub published_version: Option<i32>,
    pub created_at: i64,
    pub updated_at: i64,
    /// The organisation that owns the course (see the module's notes).
    pub org_id: i64,
    /// Counts the author's saves: an edit names the revision it was made
    /// on, and is refused once another save came between (see [`save`]).
    pub revision: i64,
}

/// What a document says about itself, for lists: (slug, title).
pub type Named<'a> = (Option<&'a str>, Option<&'a str>);

/// The organisation that owns the course a document with `slug` would
/// publish: the existing course's, else `chosen` (refused on field `org`
/// when there is no choice). With its path and name.
pub fn owner(
    conn: &mut DbConn,
    slug: Option<&str>,
    chosen: Option<OrgId>,
) -> Result<(OrgId, OrgPath, String), DbError> {
    let existing = match slug {
        Some(s) => courses::by_slug(conn, s)?.map(|c| OrgId(c.org_id)),
        None => None,
    };
    let org = existing
        .or(chosen)
        .ok_or_else(|| DbError::invalid("org", "choose-one"))?;
    courses::owner(conn, org)
}

/// Refused unless `author` may write courses the organisation owns: the
/// error (on field `document`) names the owner.
fn may_write(
    conn: &mut DbConn,
    author: &Actor,
    slug: Option<&str>,
    chosen: Option<OrgId>,
) -> Result<OrgId, DbError> {
    let (owner, path, name) = owner(conn, slug, chosen)?;
    if author.can(Action::WriteCourse, &path) {
        Ok(owner)
    } else {
        Err(DbError::Invalid(Invalid(vec![
            FieldError::new("document", "course-not-yours").with_arg("org", name),
        ])))
    }
}

/// Starts a draft owned by the course's organisation (`chosen` for a new
/// course); refused unless `author` may write there.
pub fn create(
    conn: &mut DbConn,
    author: &Actor,
    chosen: Option<OrgId>,
    document: &str,
    (slug, title): Named<'_>,
    now: Timestamp,
) -> Result<i64, DbError> {
    let org = may_write(conn, author, slug, chosen)?;
    Ok(diesel::insert_into(course_drafts::table)
        .values((
            course_drafts::author_id.eq(author.user_id.0),
            course_drafts::org_id.eq(org.0),
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

/// The author's drafts, most recently changed first, with the name of the
/// organisation that owns each one's course.
pub fn of_author(conn: &mut DbConn, author: UserId) -> Result<Vec<(DraftRow, String)>, DbError> {
    let rows: Vec<(DraftRow, Option<String>)> = course_drafts::table
        .left_join(orgs::table.on(orgs::id.eq(course_drafts::org_id)))
        .filter(course_drafts::author_id.eq(author.0))
        .order((course_drafts::updated_at.desc(), course_drafts::id.desc()))
        .select((DraftRow::as_select(), orgs::name.nullable()))
        .load(conn)?;
    named_owners(conn, rows)
}

/// A draft waiting for review, with its author's and its owner's names.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub draft: DraftRow,
    pub author: String,
    pub owner: String,
}

/// Most drafts one review list shows.
pub const REVIEW_LIMIT: i64 = 200;

/// Drafts waiting for review by `reviewer`: of courses owned inside their
/// authoring scopes, and not their own; oldest first.
pub fn to_review(conn: &mut DbConn, reviewer: &Actor) -> Result<Vec<Waiting>, DbError> {
    let mut all: Vec<Waiting> = Vec::new();
    for scope in reviewer.authoring_scopes() {
        let rows: Vec<(DraftRow, String, String)> = course_drafts::table
            .inner_join(users::table.on(users::id.eq(course_drafts::author_id)))
            .inner_join(orgs::table.on(orgs::id.eq(course_drafts::org_id)))
            .filter(course_drafts::status.eq(DraftStatus::InReview.as_str()))
            .filter(course_drafts::author_id.ne(reviewer.user_id.0))
            .filter(orgs::path.ge(scope.as_str()))
            .filter(orgs::path.lt(scope.subtree_end()))
            .order((course_drafts::updated_at, course_drafts::id))
            .limit(REVIEW_LIMIT)
            .select((DraftRow::as_select(), users::display_name, orgs::name))
            .load(conn)?;
        for (draft, author, owner) in rows {
            if !all.iter().any(|w| w.draft.id == draft.id) {
                all.push(Waiting {
                    draft,
                    author,
                    owner,
                });
            }
        }
    }
    all.sort_by_key(|w| (w.draft.updated_at, w.draft.id));
    all.truncate(usize::try_from(REVIEW_LIMIT).unwrap_or(usize::MAX));
    Ok(all)
}

/// Drafts from before a programme existed name no organisation: theirs is
/// the programme's.
fn named_owners(
    conn: &mut DbConn,
    rows: Vec<(DraftRow, Option<String>)>,
) -> Result<Vec<(DraftRow, String)>, DbError> {
    let mut out = Vec::with_capacity(rows.len());
    for (d, name) in rows {
        let name = match name {
            Some(n) => n,
            None => courses::owner(conn, OrgId(d.org_id))?.2,
        };
        out.push((d, name));
    }
    Ok(out)
}

/// Saves the author's new text, and sends it for review when `submit`.
/// `NotFound` unless it is theirs and editable; refused (on `document`)
/// if the text now names a course its author may not write; refused on
/// `revision` (code `draft-changed`) when `revision` is given and another
/// save came after it — decided by the conditional update, not a read.
/// Returns the draft's new revision.
#[allow(clippy::too_many_arguments)]
pub fn save(
    conn: &mut DbConn,
    id: i64,
    author: &Actor,
    revision: Option<i64>,
    document: &str,
    (slug, title): Named<'_>,
    submit: bool,
    now: Timestamp,
) -> Result<i64, DbError> {
    let draft = by_id(conn, id)?
        .filter(|d| d.author_id == author.user_id && d.status.editable())
        .ok_or(DbError::NotFound)?;
    let org = may_write(conn, author, slug, Some(OrgId(draft.org_id)))?;
    let status = if submit {
        DraftStatus::InReview
    } else {
        DraftStatus::Draft
    };
    let expected = revision.unwrap_or(draft.revision);
    let changed = diesel::update(
        course_drafts::table
            .find(id)
            .filter(course_drafts::revision.eq(expected)),
    )
    .set((
        course_drafts::org_id.eq(org.0),
        course_drafts::document.eq(document),
        course_drafts::slug.eq(slug),
        course_drafts::title.eq(title),
        course_drafts::status.eq(status.as_str()),
        course_drafts::updated_at.eq(now.micros()),
        course_drafts::revision.eq(expected + 1),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Err(DbError::invalid("revision", "draft-changed"));
    }
    Ok(expected + 1)
}

/// May `reviewer` publish or return this draft now? Asked of the course's
/// owner as it is at this moment, not as it was when the draft was sent.
pub fn reviews(conn: &mut DbConn, reviewer: &Actor, d: &DraftRow) -> Result<bool, DbError> {
    let (_, path, _) = owner(conn, d.slug.as_deref(), Some(OrgId(d.org_id)))?;
    Ok(reviewer.reviews_draft(&path, d.author_id))
}

/// A reviewer's decision on a draft in review: publish `course` (the
/// draft, checked) as the course's next version, or return the draft with
/// a comment. `NotFound` unless it is in review and the reviewer may
/// decide it (see [`reviews`]). Returns the saved course, when published.
pub fn decide(
    conn: &mut DbConn,
    id: i64,
    reviewer: &Actor,
    publish: Option<&Course>,
    comment: Option<&str>,
    now: Timestamp,
) -> Result<Option<courses::Saved>, DbError> {
    let draft = by_id(conn, id)?
        .filter(|d| d.status == DraftStatus::InReview)
        .ok_or(DbError::NotFound)?;
    if !reviews(conn, reviewer, &draft)? {
        return Err(DbError::NotFound);
    }
    let saved = match publish {
        Some(course) => {
            // The course file itself says which course it replaces.
            let (owner, path, _) = owner(conn, Some(&course.slug), Some(OrgId(draft.org_id)))?;
            if !reviewer.reviews_draft(&path, draft.author_id) {
                return Err(DbError::NotFound);
            }
            Some(courses::save(conn, course, owner, now)?)
        }
        None => None,
    };
    let status = if saved.is_some() {
        DraftStatus::Published
    } else {
        DraftStatus::Returned
    };
    diesel::update(course_drafts::table.find(id))
        .set((
            course_drafts::status.eq(status.as_str()),
            course_drafts::reviewer_id.eq(reviewer.user_id.0),
            course_drafts::review_comment.eq(comment),
            course_drafts::published_version.eq(saved.as_ref().map(|s| s.version)),
            course_drafts::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(saved)
}
