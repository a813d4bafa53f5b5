//! Educators' reviews of tools: one per person per tool (a second edits the
//! first), each criterion's tally moved in the review's own transaction.
//!
//! Writing takes the tool's row first (`super::lock`): on PostgreSQL two
//! reviews of one tool — the same person's double click on two servers
//! included — are written one after the other, each reading the review as
//! the one before left it, so one review stays and the counts stay exact;
//! SQLite has one writer. The unique (tool, person) key holds it besides.
//!
//! Reviewers are shown to other educators by display name only. What
//! leaves the programme (the API's answers and CSV exports for anyone
//! outside the programme team) drops even that. A review withdrawn, or
//! its author's account deleted, leaves the counts as if never written.

use super::{lock, unknown_tool};
use crate::schema::{ai_tool_rating_counts, ai_tool_reviews, ai_tools, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::registry::review::{Review, Tallies};
use lyceum_domain::{Timestamp, ToolId, UserId};

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The person's first review of the tool.
    New,
    /// Their review, changed.
    Edited,
}

fn read(id: i64, ratings: &str, comments: &str) -> Result<Review, DbError> {
    Review::from_stored(ratings, comments)
        .ok_or_else(|| DbError::Corrupt(format!("tool review {id} is not a whole review")))
}

/// Writes `user`'s review of the tool: their first, or a change to the
/// one they wrote. The tool's review count (for a first) and each
/// criterion's tally move in this transaction, from the old ratings to
/// the new. A tool that does not exist is refused on `tool`
/// (`unknown-tool`) before anything is written.
pub fn write(
    conn: &mut DbConn,
    tool: ToolId,
    user: UserId,
    review: &Review,
    now: Timestamp,
) -> Result<Written, DbError> {
    lock(conn, tool)?;
    let old = own(conn, tool, user)?;
    let (written, old) = match old {
        Some(before) => {
            diesel::update(ai_tool_reviews::table.find(before.id))
                .set((
                    ai_tool_reviews::ratings.eq(review.ratings_json()),
                    ai_tool_reviews::comments.eq(review.comments_json()),
                    ai_tool_reviews::updated_at.eq(now.micros()),
                ))
                .execute(conn)?;
            (Written::Edited, Some(before.review))
        }
        None => {
            diesel::insert_into(ai_tool_reviews::table)
                .values((
                    ai_tool_reviews::tool_id.eq(tool.0),
                    ai_tool_reviews::user_id.eq(user.0),
                    ai_tool_reviews::ratings.eq(review.ratings_json()),
                    ai_tool_reviews::comments.eq(review.comments_json()),
                    ai_tool_reviews::created_at.eq(now.micros()),
                    ai_tool_reviews::updated_at.eq(now.micros()),
                ))
                .execute(conn)?;
            diesel::update(ai_tools::table.find(tool.0))
                .set(ai_tools::review_count.eq(ai_tools::review_count + 1))
                .execute(conn)?;
            (Written::New, None)
        }
    };
    // In the rubric's and the scale's order, so counters are always
    // updated in one order.
    for (c, r, by) in Tallies::change(old.as_ref(), review) {
        let counter = ai_tool_rating_counts::table.find((tool.0, c.as_str(), r.as_str()));
        let n = diesel::update(counter)
            .set(ai_tool_rating_counts::n.eq(ai_tool_rating_counts::n + by))
            .execute(conn)?;
        if n == 0 {
            // A tool stored without its counters (made in bulk): its
            // first review of this rating makes the row. Only a new
            // rating is ever missing, so `by` is 1.
            diesel::insert_into(ai_tool_rating_counts::table)
                .values((
                    ai_tool_rating_counts::tool_id.eq(tool.0),
                    ai_tool_rating_counts::criterion.eq(c.as_str()),
                    ai_tool_rating_counts::rating.eq(r.as_str()),
                    ai_tool_rating_counts::n.eq(by),
                ))
                .execute(conn)?;
        }
    }
    Ok(written)
}

/// Takes `user`'s review of the tool away (they withdrew it): the review
/// goes, and the tool's review count and each criterion's tally move back
/// in this transaction, under the tool's row lock as a write. False when
/// they had none.
pub fn withdraw(conn: &mut DbConn, tool: ToolId, user: UserId) -> Result<bool, DbError> {
    lock(conn, tool)?;
    let old = own(conn, tool, user)?;
    let Some(before) = old else {
        return Ok(false);
    };
    diesel::delete(ai_tool_reviews::table.find(before.id)).execute(conn)?;
    diesel::update(ai_tools::table.find(tool.0))
        .set(ai_tools::review_count.eq(ai_tools::review_count - 1))
        .execute(conn)?;
    let mut gone = Tallies::default();
    gone.add(&before.review, -1);
    for (c, r, by) in gone.changes() {
        diesel::update(ai_tool_rating_counts::table.find((tool.0, c.as_str(), r.as_str())))
            .set(ai_tool_rating_counts::n.eq(ai_tool_rating_counts::n + by))
            .execute(conn)?;
    }
    Ok(true)
}

/// Withdraws every review `user` wrote (their account is being deleted),
/// tool by tool in id order, so concurrent writers lock tools in one order.
pub fn withdraw_all_of(conn: &mut DbConn, user: UserId) -> Result<(), DbError> {
    let tools: Vec<i64> = ai_tool_reviews::table
        .filter(ai_tool_reviews::user_id.eq(user.0))
        .order(ai_tool_reviews::tool_id)
        .select(ai_tool_reviews::tool_id)
        .load(conn)?;
    for tool in tools {
        withdraw(conn, ToolId(tool), user)?;
    }
    Ok(())
}

/// A review as stored, with when it was written and last changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub id: i64,
    pub review: Review,
    pub created_at: i64,
    pub updated_at: i64,
}

/// `user`'s review of the tool, if they wrote one.
pub fn own(conn: &mut DbConn, tool: ToolId, user: UserId) -> Result<Option<Stored>, DbError> {
    let row: Option<(i64, String, String, i64, i64)> = ai_tool_reviews::table
        .filter(ai_tool_reviews::tool_id.eq(tool.0))
        .filter(ai_tool_reviews::user_id.eq(user.0))
        .select((
            ai_tool_reviews::id,
            ai_tool_reviews::ratings,
            ai_tool_reviews::comments,
            ai_tool_reviews::created_at,
            ai_tool_reviews::updated_at,
        ))
        .first(conn)
        .optional()?;
    row.map(|(id, ratings, comments, created_at, updated_at)| {
        Ok(Stored {
            id,
            review: read(id, &ratings, &comments)?,
            created_at,
            updated_at,
        })
    })
    .transpose()
}

/// One review on a tool's page: the reviewer by display name, and by id
/// for the programme team's CSV alone (`registry_actions::sees_reviewers`
/// decides; no page or API answer carries the id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub reviewer: String,
    pub reviewer_id: UserId,
    pub stored: Stored,
}

/// Where a page of reviews starts: after the review last shown (its
/// `updated_at` and id), newest first.
pub type After = Option<(i64, i64)>;

/// Most reviews one page shows.
pub const PAGE: i64 = 20;

/// A page of a tool's reviews, and whether older ones follow it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewPage {
    pub shown: Vec<Shown>,
    pub older: bool,
}

/// The tool's reviews, most recently written or changed first, [`PAGE`] at
/// a time after `after` (keyset, on `ai_tool_reviews_newest`; one row
/// more is read to know whether older ones follow). Refused on `tool`
/// when there is no such tool.
pub fn page(conn: &mut DbConn, tool: ToolId, after: After) -> Result<ReviewPage, DbError> {
    if super::tool(conn, tool)?.is_none() {
        return Err(unknown_tool());
    }
    let mut q = ai_tool_reviews::table
        .inner_join(users::table)
        .filter(ai_tool_reviews::tool_id.eq(tool.0))
        .select((
            ai_tool_reviews::id,
            users::id,
            users::display_name,
            ai_tool_reviews::ratings,
            ai_tool_reviews::comments,
            ai_tool_reviews::created_at,
            ai_tool_reviews::updated_at,
        ))
        .order((
            ai_tool_reviews::updated_at.desc(),
            ai_tool_reviews::id.desc(),
        ))
        .limit(PAGE + 1)
        .into_boxed();
    if let Some((at, id)) = after {
        q = q.filter(
            ai_tool_reviews::updated_at
                .lt(at)
                .or(ai_tool_reviews::updated_at
                    .eq(at)
                    .and(ai_tool_reviews::id.lt(id))),
        );
    }
    let mut rows: Vec<(i64, i64, String, String, String, i64, i64)> = q.load(conn)?;
    let older = rows.len() as i64 > PAGE;
    rows.truncate(PAGE as usize);
    let shown = rows
        .into_iter()
        .map(
            |(id, reviewer_id, reviewer, ratings, comments, created_at, updated_at)| {
                Ok(Shown {
                    reviewer,
                    reviewer_id: UserId(reviewer_id),
                    stored: Stored {
                        id,
                        review: read(id, &ratings, &comments)?,
                        created_at,
                        updated_at,
                    },
                })
            },
        )
        .collect::<Result<_, DbError>>()?;
    Ok(ReviewPage { shown, older })
}

/// One person's reviews (tool id, tool name, review), for their data
/// export.
pub fn of_user(conn: &mut DbConn, user: UserId) -> Result<Vec<(ToolId, String, Stored)>, DbError> {
    let rows: Vec<(i64, String, i64, String, String, i64, i64)> = ai_tool_reviews::table
        .inner_join(ai_tools::table)
        .filter(ai_tool_reviews::user_id.eq(user.0))
        .order(ai_tool_reviews::id)
        .select((
            ai_tools::id,
            ai_tools::name,
            ai_tool_reviews::id,
            ai_tool_reviews::ratings,
            ai_tool_reviews::comments,
            ai_tool_reviews::created_at,
            ai_tool_reviews::updated_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(
            |(tool, name, id, ratings, comments, created_at, updated_at)| {
                Ok((
                    ToolId(tool),
                    name,
                    Stored {
                        id,
                        review: read(id, &ratings, &comments)?,
                        created_at,
                        updated_at,
                    },
                ))
            },
        )
        .collect()
}
