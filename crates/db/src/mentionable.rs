//! The people a post in a space may mention: those who may see it. For an
//! open space that is everyone in the programme; for a members-only one,
//! its audience (everyone with a role in the space's organisation or
//! below). Moderators from above who may read a members-only space are
//! left out: a mention never reaches further than the audience. Found
//! through the people directory's index, a few at a time.

use crate::community::Space;
use crate::directory::{self, Filters};
use crate::schema::{memberships, orgs, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::community::Visibility;
use lyceum_domain::org::OrgPath;

/// Where the people who may see `space` are.
pub fn scope_of(space: &Space) -> OrgPath {
    match space.row.visibility {
        // An offering's people may come from anywhere in the programme (an
        // offering open to all); the caller keeps only them (`offering_people`).
        Visibility::Open | Visibility::Offering => match space.path.ids().first() {
            Some(root) => OrgPath::root(*root),
            None => space.path.clone(),
        },
        Visibility::Members => space.path.clone(),
    }
}

/// People in `scope` with a word of their name or email starting with
/// each of `words`: (id, display name), at most `limit`, none deactivated.
pub fn named(
    conn: &mut DbConn,
    scope: &OrgPath,
    words: &[String],
    limit: i64,
) -> Result<Vec<(i64, String)>, DbError> {
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let f = Filters {
        words: words.to_vec(),
        ..Filters::everyone_in(scope.clone(), limit)
    };
    Ok(directory::search(conn, &f)?
        .into_iter()
        .filter(|p| !p.deactivated)
        .map(|p| (p.id, p.display_name))
        .collect())
}

/// Of `ids`, the people in `scope` (not deactivated): (id, display name).
pub fn in_scope(
    conn: &mut DbConn,
    scope: &OrgPath,
    ids: &[i64],
) -> Result<Vec<(i64, String)>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let end = scope.subtree_end();
    Ok(users::table
        .inner_join(memberships::table.inner_join(orgs::table))
        .filter(users::id.eq_any(ids))
        .filter(users::deactivated_at.is_null())
        .filter(users::deleted_at.is_null())
        .filter(orgs::path.ge(scope.as_str()))
        .filter(orgs::path.lt(&end))
        .select((users::id, users::display_name))
        .distinct()
        .load(conn)?)
}
