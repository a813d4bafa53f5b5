//! What a tool's pages of reviews and its reviews' CSV need beside
//! `reviews::page`: whether reviews older than a page's last one exist
//! (the "Older reviews" link), and who wrote the reviews of a page — read
//! only for the programme team's CSV (`Actor::is_programme_admin`, asked
//! by the caller); everyone else's never reads a reviewer's id.

use crate::schema::ai_tool_reviews;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::{ToolId, UserId};
use std::collections::HashMap;

/// Whether the tool has reviews older than `after` (its `updated_at` and
/// id) in the order of `reviews::page` — one row looked at, on
/// `ai_tool_reviews_newest`.
pub fn older_than(conn: &mut DbConn, tool: ToolId, (at, id): (i64, i64)) -> Result<bool, DbError> {
    let found: Option<i64> = ai_tool_reviews::table
        .filter(ai_tool_reviews::tool_id.eq(tool.0))
        .filter(
            ai_tool_reviews::updated_at
                .lt(at)
                .or(ai_tool_reviews::updated_at
                    .eq(at)
                    .and(ai_tool_reviews::id.lt(id))),
        )
        .select(ai_tool_reviews::id)
        .first(conn)
        .optional()?;
    Ok(found.is_some())
}

/// The reviewer of each of these reviews (of one page: a few ids), by
/// review id. A review withdrawn meanwhile is missing.
pub fn reviewers(conn: &mut DbConn, reviews: &[i64]) -> Result<HashMap<i64, UserId>, DbError> {
    if reviews.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, i64)> = ai_tool_reviews::table
        .filter(ai_tool_reviews::id.eq_any(reviews))
        .select((ai_tool_reviews::id, ai_tool_reviews::user_id))
        .load(conn)?;
    Ok(rows.into_iter().map(|(r, u)| (r, UserId(u))).collect())
}
