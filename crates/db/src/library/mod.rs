//! The practice library as stored: classroom practices, their drafts and
//! published versions (this file: the rows, starting a practice, and
//! publishing a version — the one write every part builds on); authoring,
//! review and following (`practices`); browsing and search (`browse`);
//! trial reports and their summary (`trials`); the evidence tier
//! (`tiers`); the resource library (`resources`).
//!
//! A practice belongs to its owning organisation (`org_id`): callers check
//! the actor against it (`Actor::curates_practice`, `Action::CurateLibrary`)
//! on the row read here, inside the same transaction as the change.

pub mod browse;
pub mod practices;
pub mod resources;
pub mod tiers;
pub mod trials;

use crate::codes::Code;
use crate::ids::Id;
use crate::schema::{
    classroom_practice_competencies, classroom_practice_drafts, classroom_practice_grade_bands,
    classroom_practice_subjects, classroom_practice_versions, classroom_practices, orgs,
};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::{DraftStatus, Licence, PracticeContent};
use lyceum_domain::org::OrgPath;
use lyceum_domain::{OrgId, PracticeId, Timestamp, TopicId, UserId};

/// A practice as readers see it (its published version), or — while
/// `version` is 0 — a practice not yet published, named by its draft.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = classroom_practices)]
pub struct PracticeRow {
    #[diesel(deserialize_as = Id<PracticeId>)]
    pub id: PracticeId,
    #[diesel(deserialize_as = Id<OrgId>)]
    pub org_id: OrgId,
    #[diesel(deserialize_as = Id<Option<UserId>>)]
    pub author_id: Option<UserId>,
    #[diesel(deserialize_as = Code<Lang>)]
    pub language: Lang,
    pub version: i32,
    pub title: String,
    pub summary: String,
    pub goal: String,
    pub steps: String,
    pub tools: String,
    pub minutes: i32,
    pub equity_notes: String,
    pub privacy_notes: String,
    pub logic_model: String,
    #[diesel(deserialize_as = Code<Licence>)]
    pub licence: Licence,
    pub trials: i32,
    pub proposed_tier: Option<i32>,
    pub proposed_reasons: String,
    pub proposed_at: Option<i64>,
    pub tier: Option<i32>,
    pub tier_reason: Option<String>,
    pub tier_decided_by: Option<i64>,
    pub tier_decided_at: Option<i64>,
    #[diesel(deserialize_as = Id<Option<TopicId>>)]
    pub topic_id: Option<TopicId>,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
    /// The trial summary's counts, kept with `trials` (`trials::recount`).
    pub trial_states: i32,
    pub trial_rural: i32,
    pub trial_title_i: i32,
    pub trial_use_again: i32,
}

impl PracticeRow {
    /// Readers see it: a version has been published.
    pub fn is_published(&self) -> bool {
        self.version > 0
    }
}

/// A practice's working copy.
#[derive(Debug, Clone)]
pub struct Draft {
    pub status: DraftStatus,
    pub content: PracticeContent,
    pub revision: i32,
    /// The curator's comments when returned.
    pub comments: Option<String>,
    pub reviewed_by: Option<UserId>,
    pub submitted_at: Option<Timestamp>,
    pub updated_at: Timestamp,
}

/// The practice and the path of its owning organisation, for the policy.
pub fn practice(
    conn: &mut DbConn,
    id: PracticeId,
) -> Result<Option<(PracticeRow, OrgPath)>, DbError> {
    let row: Option<(PracticeRow, String)> = crate::on_backend!(conn, |c| {
        classroom_practices::table
            .inner_join(orgs::table)
            .filter(classroom_practices::id.eq(id.0))
            .select((PracticeRow::as_select(), orgs::path))
            .first(c)
            .optional()
    })?;
    row.map(|(p, path)| {
        let path = OrgPath::parse(&path).ok_or_else(|| {
            DbError::Corrupt(format!("practice {} has owner path {path:?}", p.id.0))
        })?;
        Ok((p, path))
    })
    .transpose()
}

/// The practice's working copy, if it has one.
pub fn draft(conn: &mut DbConn, id: PracticeId) -> Result<Option<Draft>, DbError> {
    #[allow(clippy::type_complexity)]
    let row: Option<(
        String,
        String,
        i32,
        Option<String>,
        Option<i64>,
        Option<i64>,
        i64,
    )> = classroom_practice_drafts::table
        .find(id.0)
        .select((
            classroom_practice_drafts::status,
            classroom_practice_drafts::content,
            classroom_practice_drafts::revision,
            classroom_practice_drafts::comments,
            classroom_practice_drafts::reviewed_by,
            classroom_practice_drafts::submitted_at,
            classroom_practice_drafts::updated_at,
        ))
        .first(conn)
        .optional()?;
    let Some((status, content, revision, comments, reviewed_by, submitted_at, updated_at)) = row
    else {
        return Ok(None);
    };
    Ok(Some(Draft {
        status: DraftStatus::parse(&status).ok_or_else(|| {
            DbError::Corrupt(format!("practice {} draft status {status:?}", id.0))
        })?,
        content: content_from_json(id, &content)?,
        revision,
        comments,
        reviewed_by: reviewed_by.map(UserId),
        submitted_at: submitted_at.map(Timestamp::from_micros),
        updated_at: Timestamp::from_micros(updated_at),
    }))
}

/// A published version's content, as published.
pub fn version(
    conn: &mut DbConn,
    id: PracticeId,
    version: i32,
) -> Result<Option<PracticeContent>, DbError> {
    let content: Option<String> = classroom_practice_versions::table
        .find((id.0, version))
        .select(classroom_practice_versions::content)
        .first(conn)
        .optional()?;
    content.map(|c| content_from_json(id, &c)).transpose()
}

fn content_from_json(id: PracticeId, json: &str) -> Result<PracticeContent, DbError> {
    serde_json::from_str(json)
        .map_err(|e| DbError::Corrupt(format!("practice {} content: {e}", id.0)))
}

fn content_to_json(c: &PracticeContent) -> Result<String, DbError> {
    serde_json::to_string(c).map_err(|e| DbError::Corrupt(format!("practice content: {e}")))
}

/// Starts a practice owned by `owner` (the caller checked `author` belongs
/// there and `content` is valid): a row named by the draft, and the draft.
pub fn start(
    conn: &mut DbConn,
    owner: OrgId,
    author: UserId,
    content: &PracticeContent,
    now: Timestamp,
) -> Result<PracticeId, DbError> {
    let json = content_to_json(content)?;
    let id: i64 = diesel::insert_into(classroom_practices::table)
        .values((
            classroom_practices::org_id.eq(owner.0),
            classroom_practices::author_id.eq(author.0),
            classroom_practices::language.eq(content.language.as_str()),
            classroom_practices::title.eq(&content.title),
            classroom_practices::summary.eq(&content.summary),
            classroom_practices::licence.eq(content.licence.as_str()),
            classroom_practices::created_at.eq(now.micros()),
            classroom_practices::updated_at.eq(now.micros()),
        ))
        .returning(classroom_practices::id)
        .get_result(conn)?;
    diesel::insert_into(classroom_practice_drafts::table)
        .values((
            classroom_practice_drafts::practice_id.eq(id),
            classroom_practice_drafts::status.eq(DraftStatus::Draft.as_str()),
            classroom_practice_drafts::content.eq(json),
            classroom_practice_drafts::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(PracticeId(id))
}

/// Publishes `content` as the practice's next version (the caller checked
/// the curator may, and that it is valid): the row takes the version's
/// words, facets and search text, the version is kept (with the draft's
/// revision, which the next draft counts on from), and the draft is gone.
/// Returns the new version's number.
pub fn publish_version(
    conn: &mut DbConn,
    id: PracticeId,
    content: &PracticeContent,
    curator: UserId,
    now: Timestamp,
) -> Result<i32, DbError> {
    let json = content_to_json(content)?;
    let revision: i32 = classroom_practice_drafts::table
        .find(id.0)
        .select(classroom_practice_drafts::revision)
        .first(conn)
        .optional()?
        .unwrap_or(0);
    let minutes = i32::try_from(content.minutes).unwrap_or(i32::MAX);
    let version: i32 = diesel::update(classroom_practices::table.find(id.0))
        .set((
            classroom_practices::version.eq(classroom_practices::version + 1),
            classroom_practices::language.eq(content.language.as_str()),
            classroom_practices::title.eq(&content.title),
            classroom_practices::summary.eq(&content.summary),
            classroom_practices::goal.eq(&content.goal),
            classroom_practices::steps.eq(&content.steps),
            classroom_practices::tools.eq(&content.tools),
            classroom_practices::minutes.eq(minutes),
            classroom_practices::equity_notes.eq(&content.equity_notes),
            classroom_practices::privacy_notes.eq(&content.privacy_notes),
            classroom_practices::logic_model.eq(&content.logic_model),
            classroom_practices::licence.eq(content.licence.as_str()),
            classroom_practices::search_text.eq(search_text(content)),
            classroom_practices::updated_at.eq(now.micros()),
            classroom_practices::published_at.eq(diesel::dsl::sql::<
                diesel::sql_types::Nullable<diesel::sql_types::BigInt>,
            >(&format!(
                "COALESCE(published_at, {})",
                now.micros()
            ))),
        ))
        .returning(classroom_practices::version)
        .get_result(conn)?;
    diesel::insert_into(classroom_practice_versions::table)
        .values((
            classroom_practice_versions::practice_id.eq(id.0),
            classroom_practice_versions::version.eq(version),
            classroom_practice_versions::content.eq(json),
            classroom_practice_versions::published_by.eq(curator.0),
            classroom_practice_versions::published_at.eq(now.micros()),
            classroom_practice_versions::revision.eq(revision),
        ))
        .execute(conn)?;
    write_facets(conn, id, content)?;
    diesel::delete(classroom_practice_drafts::table.find(id.0)).execute(conn)?;
    Ok(version)
}

/// The revision a next version's draft starts at: past every revision the
/// practice's drafts have had, so a revision a curator read of an earlier
/// version's draft never names this one.
pub fn first_revision(conn: &mut DbConn, id: PracticeId) -> Result<i32, DbError> {
    let last: Option<i32> = classroom_practice_versions::table
        .filter(classroom_practice_versions::practice_id.eq(id.0))
        .select(diesel::dsl::max(classroom_practice_versions::revision))
        .first(conn)?;
    Ok(last.unwrap_or(0) + 1)
}

fn write_facets(conn: &mut DbConn, id: PracticeId, c: &PracticeContent) -> Result<(), DbError> {
    use classroom_practice_competencies as comp;
    use classroom_practice_grade_bands as bands;
    use classroom_practice_subjects as subjects;
    diesel::delete(subjects::table.filter(subjects::practice_id.eq(id.0))).execute(conn)?;
    diesel::delete(bands::table.filter(bands::practice_id.eq(id.0))).execute(conn)?;
    diesel::delete(comp::table.filter(comp::practice_id.eq(id.0))).execute(conn)?;
    for s in &c.subjects {
        diesel::insert_into(subjects::table)
            .values((
                subjects::practice_id.eq(id.0),
                subjects::subject.eq(s.as_str()),
            ))
            .execute(conn)?;
    }
    for b in &c.grade_bands {
        diesel::insert_into(bands::table)
            .values((
                bands::practice_id.eq(id.0),
                bands::grade_band.eq(b.as_str()),
            ))
            .execute(conn)?;
    }
    for (i, k) in c.competencies.iter().enumerate() {
        diesel::insert_into(comp::table)
            .values((
                comp::practice_id.eq(id.0),
                comp::competency_id.eq(k),
                comp::position.eq(i32::try_from(i).unwrap_or(i32::MAX)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The words search finds a practice by: title, summary, goal, tools,
/// steps and notes, folded as `domain::search` folds them.
pub fn search_text(c: &PracticeContent) -> String {
    let mut words = Vec::new();
    for part in [
        &c.title,
        &c.summary,
        &c.goal,
        &c.tools,
        &c.steps,
        &c.equity_notes,
        &c.privacy_notes,
    ] {
        words.extend(lyceum_domain::search::words(part));
    }
    words.join(" ")
}
