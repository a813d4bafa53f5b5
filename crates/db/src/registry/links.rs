//! What a tool is linked with: the classroom practices that use it (a
//! practice's author or curators link them; the practice's free-text
//! "tools" stays as written) and the challenge reports that name it. A
//! tool's page lists both; neither is counted into anything else.

use super::{ToolRow, unknown_tool};
use crate::schema::{ai_tools, challenge_reports, classroom_practice_tools, classroom_practices};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::radar::Category;
use lyceum_domain::{PracticeId, ToolId};

/// Most practices a tool's page lists.
pub const PRACTICES_SHOWN: i64 = 20;

/// Links (`link`) or unlinks a registry tool from a practice; linking
/// twice is once. A tool not in the registry is refused on `tool`
/// (`unknown-tool`) before anything is written. The caller checked who
/// may.
pub fn link_practice(
    conn: &mut DbConn,
    practice: PracticeId,
    tool: ToolId,
    link: bool,
) -> Result<(), DbError> {
    use classroom_practice_tools as l;
    if super::tool(conn, tool)?.is_none() {
        return Err(unknown_tool());
    }
    if link {
        // Linked already (or by a double submit at the same instant): once.
        let insert = diesel::insert_into(l::table)
            .values((l::practice_id.eq(practice.0), l::tool_id.eq(tool.0)));
        crate::on_backend!(conn, |c| insert.on_conflict_do_nothing().execute(c))?;
    } else {
        diesel::delete(l::table.find((practice.0, tool.0))).execute(conn)?;
    }
    Ok(())
}

/// The registry tools a practice uses, by name.
pub fn of_practice(conn: &mut DbConn, practice: PracticeId) -> Result<Vec<ToolRow>, DbError> {
    use classroom_practice_tools as l;
    Ok(l::table
        .inner_join(ai_tools::table)
        .filter(l::practice_id.eq(practice.0))
        .order(ai_tools::sort_name)
        .select(ToolRow::as_select())
        .load(conn)?)
}

/// A published practice that uses a tool, as its page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsedIn {
    pub id: PracticeId,
    pub title: String,
    pub trials: i32,
}

/// The published practices that use `tool`, most tried first, at most
/// [`PRACTICES_SHOWN`]; and how many there are.
pub fn practices_of(conn: &mut DbConn, tool: ToolId) -> Result<(Vec<UsedIn>, i64), DbError> {
    use classroom_practice_tools as l;
    let published = l::table
        .inner_join(classroom_practices::table)
        .filter(l::tool_id.eq(tool.0))
        .filter(classroom_practices::version.gt(0));
    let total: i64 = published.count().get_result(conn)?;
    let rows: Vec<(i64, String, i32)> = published
        .order((classroom_practices::trials.desc(), classroom_practices::id))
        .limit(PRACTICES_SHOWN)
        .select((
            classroom_practices::id,
            classroom_practices::title,
            classroom_practices::trials,
        ))
        .load(conn)?;
    let shown = rows
        .into_iter()
        .map(|(id, title, trials)| UsedIn {
            id: PracticeId(id),
            title,
            trials,
        })
        .collect();
    Ok((shown, total))
}

/// How many challenge reports name `tool`, by category, in the rubric's
/// order of categories (duplicates merged away left out; categories with
/// none left out). Read from the index on (tool, merged, category).
pub fn challenges_of(conn: &mut DbConn, tool: ToolId) -> Result<Vec<(Category, i64)>, DbError> {
    let rows: Vec<(String, i64)> = challenge_reports::table
        .filter(challenge_reports::tool_id.eq(tool.0))
        .filter(challenge_reports::merged_into.is_null())
        .group_by(challenge_reports::category)
        .select((challenge_reports::category, diesel::dsl::count_star()))
        .load(conn)?;
    let mut out: Vec<(Category, i64)> = rows
        .into_iter()
        .map(|(code, n)| {
            Category::parse(&code)
                .map(|c| (c, n))
                .ok_or_else(|| DbError::Corrupt(format!("challenge category {code:?}")))
        })
        .collect::<Result<_, _>>()?;
    out.sort_by_key(|(c, _)| Category::ALL.iter().position(|x| x == c));
    Ok(out)
}

/// Every tool's id and name, by name: the choices of the form that links
/// one from a practice (a few hundred at the programme's scale).
pub fn choices(conn: &mut DbConn) -> Result<Vec<(ToolId, String)>, DbError> {
    let rows: Vec<(i64, String)> = ai_tools::table
        .order(ai_tools::sort_name)
        .select((ai_tools::id, ai_tools::name))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, n)| (ToolId(id), n)).collect())
}
