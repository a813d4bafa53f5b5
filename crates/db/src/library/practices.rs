//! Authoring a classroom practice (its draft saved, submitted, returned with
//! comments, published by a curator — never its author), its versions, the
//! curators' queue, its material files, its discussion topic, and following
//! a practice. Callers check who may (`library_access`, the policy) on the
//! row read in the same transaction; the writes here are conditional on the
//! state they change from, so two people acting at once cannot both win.

use super::{Draft, PracticeRow};
use crate::audit::{self, Event};
use crate::codes::Code;
use crate::community;
use crate::notices::{self, Notice};
use crate::schema::{
    classroom_practice_drafts, classroom_practice_follows, classroom_practice_versions,
    classroom_practices, competencies, library_files, library_spaces, memberships, orgs, users,
};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::community::{NotificationKind, SpaceDraft, TopicDraft, TopicKind, Visibility};
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::{DraftStatus, PracticeContent, practice};
use lyceum_domain::org::OrgPath;
use lyceum_domain::role::Role;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{LibraryFileId, OrgId, PracticeId, SpaceId, Timestamp, TopicId, UserId};

/// The most curators told that one practice waits.
pub const MAX_TOLD: i64 = 50;
/// The programme-wide space practices are discussed in.
pub const SPACE_TITLE: &str = "Practice library";

/// A practice's page path.
pub fn href(id: PracticeId) -> String {
    format!("/practices/{}", id.0)
}

/// `content` checked, and its competencies known to the framework.
pub fn check(
    conn: &mut DbConn,
    id: Option<PracticeId>,
    c: &PracticeContent,
) -> Result<(), DbError> {
    let mut errors = practice::check(c).err().unwrap_or_default();
    if !c.competencies.is_empty() && !errors.has("competencies") {
        let known: i64 = competencies::table
            .filter(competencies::id.eq_any(&c.competencies))
            .count()
            .get_result(conn)?;
        let mut distinct = c.competencies.clone();
        distinct.sort();
        distinct.dedup();
        if usize::try_from(known).unwrap_or(0) != distinct.len()
            || distinct.len() != c.competencies.len()
        {
            errors.add("competencies", "choose-one");
        }
    }
    // A material's file must be one of this practice's.
    let files: Vec<i64> = match id {
        Some(p) => library_files::table
            .filter(library_files::practice_id.eq(p.0))
            .select(library_files::id)
            .load(conn)?,
        None => Vec::new(),
    };
    for (i, m) in c.materials.iter().enumerate() {
        if let Some(f) = m.file_id {
            let field = format!("materials-{}-url", i + 1);
            if !files.contains(&f) && !errors.has(&field) {
                errors.add(field, "link-or-file");
            }
        }
    }
    errors.into_result().map_err(DbError::Invalid)
}

/// A material file checked by its bytes, to keep with the practice; its
/// id goes into material `material` (0-based) of the content saved.
#[derive(Debug, Clone)]
pub struct NewFile {
    pub material: usize,
    pub name: String,
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

fn keep_files(
    conn: &mut DbConn,
    id: PracticeId,
    by: UserId,
    content: &mut PracticeContent,
    files: &[NewFile],
    now: Timestamp,
) -> Result<(), DbError> {
    for f in files {
        let file = add_file(conn, id, by, &f.name, f.media_type, &f.bytes, now)?;
        if let Some(m) = content.materials.get_mut(f.material) {
            m.file_id = Some(file.0);
        }
    }
    Ok(())
}

/// Starts a practice owned by `owner` with its uploaded files; checked
/// (nothing kept when refused) and audited.
pub fn start(
    conn: &mut DbConn,
    owner: OrgId,
    author: UserId,
    content: &PracticeContent,
    files: &[NewFile],
    now: Timestamp,
) -> Result<PracticeId, DbError> {
    let mut content = content.clone();
    if files.is_empty() {
        check(conn, None, &content)?;
    }
    let id = super::start(conn, owner, author, &content, now)?;
    if !files.is_empty() {
        keep_files(conn, id, author, &mut content, files, now)?;
        check(conn, Some(id), &content)?;
        let json = serde_json::to_string(&content)
            .map_err(|e| DbError::Corrupt(format!("practice content: {e}")))?;
        diesel::update(classroom_practice_drafts::table.find(id.0))
            .set(classroom_practice_drafts::content.eq(json))
            .execute(conn)?;
    }
    audit::record(
        conn,
        now,
        Event {
            actor: Some(author),
            action: "practice.start",
            org: Some(owner),
            subject: None,
            detail: serde_json::json!({ "practice": id.0 }),
        },
    )?;
    Ok(id)
}

/// What the author edits: the draft there is (its revision), or — for a
/// published practice without one — its current version, at revision 0
/// ("start version N+1": the first save makes the draft). None for a
/// practice that has neither.
pub fn to_edit(conn: &mut DbConn, row: &PracticeRow) -> Result<Option<Draft>, DbError> {
    if let Some(d) = super::draft(conn, row.id)? {
        return Ok(Some(d));
    }
    if !row.is_published() {
        return Ok(None);
    }
    Ok(
        super::version(conn, row.id, row.version)?.map(|content| Draft {
            status: DraftStatus::Draft,
            content,
            revision: 0,
            comments: None,
            reviewed_by: None,
            submitted_at: None,
            updated_at: Timestamp::from_micros(row.updated_at),
        }),
    )
}

/// Saves the draft if it is still at `revision` (else `revision`
/// `draft-changed`, nothing saved) and not waiting for a curator
/// (`practice-waiting`). Returns the new revision.
pub fn save(
    conn: &mut DbConn,
    id: PracticeId,
    author: UserId,
    content: &PracticeContent,
    files: &[NewFile],
    revision: i32,
    now: Timestamp,
) -> Result<i32, DbError> {
    let mut content = content.clone();
    keep_files(conn, id, author, &mut content, files, now)?;
    let content = &content;
    let current = super::draft(conn, id)?;
    if current
        .as_ref()
        .is_some_and(|d| d.status == DraftStatus::Submitted)
    {
        return Err(DbError::Invalid(Invalid::one(
            "practice",
            "practice-waiting",
        )));
    }
    check(conn, Some(id), content)?;
    let json = serde_json::to_string(content)
        .map_err(|e| DbError::Corrupt(format!("practice content: {e}")))?;
    if revision == 0 {
        // The next version's first save: only if no draft was made meanwhile.
        if current.is_some() {
            return Err(DbError::Invalid(Invalid::one("revision", "draft-changed")));
        }
        // Counting on from the last version's draft, never from 1 again.
        let first = super::first_revision(conn, id)?;
        diesel::insert_into(classroom_practice_drafts::table)
            .values((
                classroom_practice_drafts::practice_id.eq(id.0),
                classroom_practice_drafts::status.eq(DraftStatus::Draft.as_str()),
                classroom_practice_drafts::content.eq(json),
                classroom_practice_drafts::revision.eq(first),
                classroom_practice_drafts::updated_at.eq(now.micros()),
            ))
            .execute(conn)?;
        return Ok(first);
    }
    let changed = diesel::update(
        classroom_practice_drafts::table
            .filter(classroom_practice_drafts::practice_id.eq(id.0))
            .filter(classroom_practice_drafts::revision.eq(revision))
            .filter(classroom_practice_drafts::status.ne(DraftStatus::Submitted.as_str())),
    )
    .set((
        classroom_practice_drafts::content.eq(json),
        classroom_practice_drafts::revision.eq(revision + 1),
        classroom_practice_drafts::updated_at.eq(now.micros()),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Err(DbError::Invalid(Invalid::one("revision", "draft-changed")));
    }
    // Lists name an unpublished practice by its draft.
    diesel::update(
        classroom_practices::table
            .filter(classroom_practices::id.eq(id.0))
            .filter(classroom_practices::version.eq(0)),
    )
    .set((
        classroom_practices::title.eq(content.title.trim()),
        classroom_practices::summary.eq(content.summary.trim()),
        classroom_practices::language.eq(content.language.as_str()),
        classroom_practices::updated_at.eq(now.micros()),
    ))
    .execute(conn)?;
    Ok(revision + 1)
}

/// Sends the draft to the curators (from draft or returned; checked again)
/// and tells them. `practice-waiting` when it already waits.
pub fn submit(
    conn: &mut DbConn,
    row: &PracticeRow,
    owner: &OrgPath,
    author: UserId,
    base: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    let d = super::draft(conn, row.id)?.ok_or(DbError::NotFound)?;
    if d.status == DraftStatus::Submitted {
        return Err(DbError::Invalid(Invalid::one(
            "practice",
            "practice-waiting",
        )));
    }
    check(conn, Some(row.id), &d.content)?;
    let changed = diesel::update(
        classroom_practice_drafts::table
            .filter(classroom_practice_drafts::practice_id.eq(row.id.0))
            .filter(classroom_practice_drafts::status.ne(DraftStatus::Submitted.as_str())),
    )
    .set((
        classroom_practice_drafts::status.eq(DraftStatus::Submitted.as_str()),
        classroom_practice_drafts::submitted_at.eq(now.micros()),
        classroom_practice_drafts::updated_at.eq(now.micros()),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Err(DbError::Invalid(Invalid::one(
            "practice",
            "practice-waiting",
        )));
    }
    audit::record(
        conn,
        now,
        Event {
            actor: Some(author),
            action: "practice.submit",
            org: owner.ids().last().copied(),
            subject: None,
            detail: serde_json::json!({ "practice": row.id.0 }),
        },
    )?;
    let link = format!("{}/review", href(row.id));
    for user in curators_of(conn, owner, row.author_id)? {
        notices::tell(
            conn,
            &Notice {
                user,
                kind: NotificationKind::PracticeWaiting,
                actor: author,
                subject: &d.content.title,
                link: &link,
                extra_link: None,
            },
            base,
            now,
        )?;
    }
    Ok(())
}

/// Takes the author's submitted draft back from review: a draft again,
/// theirs to edit. Refused on `practice` (`practice-not-waiting`) unless it
/// is waiting, so a curator's decision made meanwhile stands.
pub fn withdraw(
    conn: &mut DbConn,
    row: &PracticeRow,
    owner: &OrgPath,
    author: UserId,
    now: Timestamp,
) -> Result<(), DbError> {
    let changed = diesel::update(
        classroom_practice_drafts::table
            .filter(classroom_practice_drafts::practice_id.eq(row.id.0))
            .filter(classroom_practice_drafts::status.eq(DraftStatus::Submitted.as_str())),
    )
    .set((
        classroom_practice_drafts::status.eq(DraftStatus::Draft.as_str()),
        classroom_practice_drafts::submitted_at.eq(None::<i64>),
        classroom_practice_drafts::updated_at.eq(now.micros()),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Err(DbError::Invalid(Invalid::one(
            "practice",
            "practice-not-waiting",
        )));
    }
    audit::record(
        conn,
        now,
        Event {
            actor: Some(author),
            action: "practice.withdraw",
            org: owner.ids().last().copied(),
            subject: None,
            detail: serde_json::json!({ "practice": row.id.0 }),
        },
    )
}

/// Who curates at `owner` and is told a practice waits: programme admins
/// and authors at or above it, never its author; bounded.
pub fn curators_of(
    conn: &mut DbConn,
    owner: &OrgPath,
    author: Option<UserId>,
) -> Result<Vec<UserId>, DbError> {
    let above: Vec<i64> = owner.ids().iter().map(|o| o.0).collect();
    let mut ids: Vec<i64> = memberships::table
        .inner_join(users::table.on(users::id.eq(memberships::user_id)))
        .filter(users::deleted_at.is_null())
        .filter(
            memberships::role
                .eq(Role::ProgrammeAdmin.as_str())
                .or(memberships::role
                    .eq(Role::Author.as_str())
                    .and(memberships::org_id.eq_any(&above))),
        )
        .filter(memberships::user_id.ne(author.map_or(0, |a| a.0)))
        .select(memberships::user_id)
        .order(memberships::user_id)
        .distinct()
        .limit(MAX_TOLD)
        .load(conn)?;
    ids.dedup();
    Ok(ids.into_iter().map(UserId).collect())
}

/// What a curator's decision changed.
pub enum Decision<'a> {
    Publish,
    Return { comments: &'a str },
}

/// Publishes or returns the submitted draft. The draft must still be
/// submitted: when another curator decided first, `practice`
/// `already-decided` and nothing changes. It must also be the revision the
/// curator read (`seen`): a draft withdrawn, changed and submitted again
/// since is refused on `revision` (`practice-changed-since-read`), nothing
/// changed, so nobody publishes words they never read. Publishing keeps
/// the version, reproposes the tier, opens the discussion topic on first
/// publication; the author is told; the decision is audited. Returns the
/// version published (0 when returned).
#[allow(clippy::too_many_arguments)]
pub fn decide(
    conn: &mut DbConn,
    row: &PracticeRow,
    owner: &OrgPath,
    curator: UserId,
    decision: Decision<'_>,
    seen: i32,
    base: &str,
    now: Timestamp,
) -> Result<i32, DbError> {
    let d = super::draft(conn, row.id)?;
    let Some(d) = d.filter(|d| d.status == DraftStatus::Submitted) else {
        return Err(DbError::Invalid(Invalid::one(
            "practice",
            "already-decided",
        )));
    };
    if d.revision != seen {
        return Err(DbError::Invalid(Invalid::one(
            "revision",
            "practice-changed-since-read",
        )));
    }
    // Claims the decision on the revision read: the second of two curators
    // finds nothing to claim, and neither does a curator whose draft was
    // changed between the read above and this write.
    let claimed = diesel::update(
        classroom_practice_drafts::table
            .filter(classroom_practice_drafts::practice_id.eq(row.id.0))
            .filter(classroom_practice_drafts::status.eq(DraftStatus::Submitted.as_str()))
            .filter(classroom_practice_drafts::revision.eq(d.revision)),
    )
    .set((
        classroom_practice_drafts::reviewed_by.eq(curator.0),
        classroom_practice_drafts::revision.eq(d.revision + 1),
    ))
    .execute(conn)?;
    if claimed == 0 {
        return Err(DbError::Invalid(Invalid::one(
            "practice",
            "already-decided",
        )));
    }
    let org = owner.ids().last().copied();
    let link = href(row.id);
    let (version, kind, action) = match decision {
        Decision::Return { comments } => {
            let comments = lyceum_domain::validation::required_paragraphs(comments, 5_000)
                .map_err(|code| DbError::Invalid(Invalid::one("comments", code)))?;
            diesel::update(classroom_practice_drafts::table.find(row.id.0))
                .set((
                    classroom_practice_drafts::status.eq(DraftStatus::Returned.as_str()),
                    classroom_practice_drafts::comments.eq(&comments),
                    classroom_practice_drafts::updated_at.eq(now.micros()),
                ))
                .execute(conn)?;
            (0, NotificationKind::PracticeReturned, "practice.return")
        }
        Decision::Publish => {
            check(conn, Some(row.id), &d.content)?;
            let v = super::publish_version(conn, row.id, &d.content, curator, now)?;
            super::tiers::repropose(conn, row.id, now)?;
            if row.topic_id.is_none() {
                open_topic(conn, row.id, owner, curator, &d.content, now)?;
            }
            (v, NotificationKind::PracticePublished, "practice.publish")
        }
    };
    audit::record(
        conn,
        now,
        Event {
            actor: Some(curator),
            action,
            org,
            subject: row.author_id,
            detail: serde_json::json!({ "practice": row.id.0, "version": version }),
        },
    )?;
    if let Some(author) = row.author_id {
        notices::tell(
            conn,
            &Notice {
                user: author,
                kind,
                actor: curator,
                subject: &d.content.title,
                link: &link,
                extra_link: None,
            },
            base,
            now,
        )?;
    }
    Ok(version)
}

/// The programme's "Practice library" space, made when first needed. Its
/// key (`library_spaces`, one per root organisation) is claimed first: of
/// publications at the same instant, the first to insert it makes the
/// space; the others wait on that key (PostgreSQL; SQLite has one writer)
/// and then read the space it made, so there is never a second one.
pub fn library_space(
    conn: &mut DbConn,
    root: OrgId,
    by: UserId,
    now: Timestamp,
) -> Result<SpaceId, DbError> {
    let claim = diesel::insert_into(library_spaces::table).values((
        library_spaces::org_id.eq(root.0),
        library_spaces::space_id.eq(None::<i64>),
    ));
    crate::on_backend!(conn, |c| claim.on_conflict_do_nothing().execute(c))?;
    let found: Option<i64> = library_spaces::table
        .find(root.0)
        .select(library_spaces::space_id)
        .first(conn)?;
    if let Some(id) = found {
        return Ok(SpaceId(id));
    }
    // Ours to make: the key is held until this transaction ends.
    let id = community::create_space(
        conn,
        root,
        &SpaceDraft {
            title: SPACE_TITLE.into(),
            description: "Questions and ideas about the classroom practices of the library: \
                          one topic for each practice, opened when it is published. \
                          Preguntas e ideas sobre las prácticas de la biblioteca."
                .into(),
            visibility: Visibility::Open,
        },
        by,
        now,
    )?;
    diesel::update(library_spaces::table.find(root.0))
        .set(library_spaces::space_id.eq(id.0))
        .execute(conn)?;
    Ok(id)
}

/// A topic about the practice, by the curator who published it, whose
/// first post links to it. A curator who may not post right now (a
/// suspension, the hourly limit) leaves the practice without one; the next
/// publication tries again.
fn open_topic(
    conn: &mut DbConn,
    id: PracticeId,
    owner: &OrgPath,
    curator: UserId,
    c: &PracticeContent,
    now: Timestamp,
) -> Result<Option<TopicId>, DbError> {
    let Some(root) = owner.ids().first().copied() else {
        return Ok(None);
    };
    let space = library_space(conn, root, curator, now)?;
    let body = format!(
        "{}\n\n[{}]({})",
        c.summary.trim(),
        match c.language {
            lyceum_domain::i18n::Lang::Es => "Leer la práctica",
            lyceum_domain::i18n::Lang::En => "Read the practice",
        },
        href(id)
    );
    let draft = TopicDraft {
        title: c.title.trim().chars().take(200).collect(),
        kind: TopicKind::Discussion,
        body,
        tags: Vec::new(),
    };
    let topic = match community::create_topic(conn, space, curator, &draft, now) {
        Ok(t) => t,
        Err(DbError::Invalid(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    diesel::update(classroom_practices::table.find(id.0))
        .set(classroom_practices::topic_id.eq(topic.0))
        .execute(conn)?;
    Ok(Some(topic))
}

/// A submitted draft in the curators' queue.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub id: PracticeId,
    pub title: String,
    /// The title's language.
    pub language: Lang,
    pub owner: String,
    pub author: Option<String>,
    /// The version it would become (1 for a first publication).
    pub next_version: i32,
    pub submitted_at: Option<i64>,
}

/// Submitted drafts owned within `scopes`, never `me`'s own, oldest first.
pub fn queue(conn: &mut DbConn, scopes: &[OrgPath], me: UserId) -> Result<Vec<Waiting>, DbError> {
    if scopes.is_empty() {
        return Ok(Vec::new());
    }
    let mut within = Box::new(orgs::path.like(format!("{}%", scopes[0].as_str())))
        as Box<dyn BoxableExpression<orgs::table, _, SqlType = diesel::sql_types::Bool>>;
    for s in &scopes[1..] {
        within = Box::new(within.or(orgs::path.like(format!("{}%", s.as_str()))));
    }
    let ids: Vec<i64> = orgs::table.filter(within).select(orgs::id).load(conn)?;
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        i64,
        String,
        Code<Lang>,
        i32,
        Option<i64>,
        String,
        Option<String>,
        Option<i64>,
    )> = classroom_practice_drafts::table
        .inner_join(classroom_practices::table)
        .inner_join(orgs::table.on(orgs::id.eq(classroom_practices::org_id)))
        .left_join(users::table.on(users::id.nullable().eq(classroom_practices::author_id)))
        .filter(classroom_practice_drafts::status.eq(DraftStatus::Submitted.as_str()))
        .filter(classroom_practices::org_id.eq_any(&ids))
        .filter(
            classroom_practices::author_id
                .ne(me.0)
                .or(classroom_practices::author_id.is_null()),
        )
        .order((
            classroom_practice_drafts::submitted_at,
            classroom_practices::id,
        ))
        .select((
            classroom_practices::id,
            classroom_practices::title,
            classroom_practices::language,
            classroom_practices::version,
            classroom_practice_drafts::submitted_at,
            orgs::name,
            users::display_name.nullable(),
            classroom_practices::author_id,
        ))
        .limit(500)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, title, language, v, submitted_at, owner, author, _)| Waiting {
                id: PracticeId(id),
                title,
                language: language.into(),
                owner,
                author,
                next_version: v + 1,
                submitted_at,
            },
        )
        .collect())
}

/// One's practice, as "my practices" lists it.
#[derive(Debug, Clone)]
pub struct Mine {
    pub id: PracticeId,
    pub title: String,
    /// The title's language.
    pub language: Lang,
    pub version: i32,
    pub owner: String,
    /// Its draft's status; None when there is no draft.
    pub status: Option<DraftStatus>,
    pub comments: Option<String>,
    pub updated_at: i64,
}

/// `user`'s practices, newest change first.
pub fn mine(conn: &mut DbConn, user: UserId) -> Result<Vec<Mine>, DbError> {
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        i64,
        String,
        Code<Lang>,
        i32,
        String,
        Option<String>,
        Option<String>,
        i64,
    )> = classroom_practices::table
        .inner_join(orgs::table)
        .left_join(classroom_practice_drafts::table)
        .filter(classroom_practices::author_id.eq(user.0))
        .order((
            classroom_practices::updated_at.desc(),
            classroom_practices::id.desc(),
        ))
        .select((
            classroom_practices::id,
            classroom_practices::title,
            classroom_practices::language,
            classroom_practices::version,
            orgs::name,
            classroom_practice_drafts::status.nullable(),
            classroom_practice_drafts::comments.nullable(),
            classroom_practices::updated_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, title, language, version, owner, status, comments, updated_at)| Mine {
                id: PracticeId(id),
                title,
                language: language.into(),
                version,
                owner,
                status: status.as_deref().and_then(DraftStatus::parse),
                comments,
                updated_at,
            },
        )
        .collect())
}

/// The people named on a practice's page: its author and owner.
pub fn names(conn: &mut DbConn, row: &PracticeRow) -> Result<(Option<String>, String), DbError> {
    let author = match row.author_id {
        Some(a) => users::table
            .find(a.0)
            .select(users::display_name)
            .first::<String>(conn)
            .optional()?,
        None => None,
    };
    let owner = orgs::table
        .find(row.org_id.0)
        .select(orgs::name)
        .first(conn)?;
    Ok((author, owner))
}

/// Follows (`true`) or stops following the practice; idempotent.
pub fn set_follow(
    conn: &mut DbConn,
    id: PracticeId,
    user: UserId,
    follow: bool,
    now: Timestamp,
) -> Result<(), DbError> {
    use classroom_practice_follows as f;
    if follow {
        let insert = diesel::insert_into(f::table).values((
            f::practice_id.eq(id.0),
            f::user_id.eq(user.0),
            f::created_at.eq(now.micros()),
        ));
        crate::on_backend!(conn, |c| insert.on_conflict_do_nothing().execute(c))?;
    } else {
        diesel::delete(
            f::table
                .filter(f::practice_id.eq(id.0))
                .filter(f::user_id.eq(user.0)),
        )
        .execute(conn)?;
    }
    Ok(())
}

pub fn follows(conn: &mut DbConn, id: PracticeId, user: UserId) -> Result<bool, DbError> {
    use classroom_practice_follows as f;
    let n: i64 = f::table
        .filter(f::practice_id.eq(id.0))
        .filter(f::user_id.eq(user.0))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The people following a practice (the trials part tells them of reports).
pub fn followers(conn: &mut DbConn, id: PracticeId) -> Result<Vec<UserId>, DbError> {
    use classroom_practice_follows as f;
    Ok(f::table
        .filter(f::practice_id.eq(id.0))
        .select(f::user_id)
        .order(f::user_id)
        .load::<i64>(conn)?
        .into_iter()
        .map(UserId)
        .collect())
}

/// A material file of a practice.
#[derive(Debug, Clone)]
pub struct FileRow {
    pub id: LibraryFileId,
    pub name: String,
    pub media_type: String,
    pub size: i64,
}

/// Keeps a checked material file for the practice.
pub fn add_file(
    conn: &mut DbConn,
    id: PracticeId,
    by: UserId,
    name: &str,
    media_type: &str,
    bytes: &[u8],
    now: Timestamp,
) -> Result<LibraryFileId, DbError> {
    let file: i64 = diesel::insert_into(library_files::table)
        .values((
            library_files::practice_id.eq(id.0),
            library_files::uploaded_by.eq(by.0),
            library_files::name.eq(name),
            library_files::media_type.eq(media_type),
            library_files::size.eq(i64::try_from(bytes.len()).unwrap_or(i64::MAX)),
            library_files::bytes.eq(bytes),
            library_files::created_at.eq(now.micros()),
        ))
        .returning(library_files::id)
        .get_result(conn)?;
    Ok(LibraryFileId(file))
}

/// The practice's files (without their bytes), oldest first.
pub fn files(conn: &mut DbConn, id: PracticeId) -> Result<Vec<FileRow>, DbError> {
    let rows: Vec<(i64, String, String, i64)> = library_files::table
        .filter(library_files::practice_id.eq(id.0))
        .order(library_files::id)
        .select((
            library_files::id,
            library_files::name,
            library_files::media_type,
            library_files::size,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, media_type, size)| FileRow {
            id: LibraryFileId(id),
            name,
            media_type,
            size,
        })
        .collect())
}

/// One of the practice's files with its bytes: (name, media type, bytes).
pub fn file(
    conn: &mut DbConn,
    id: PracticeId,
    file: LibraryFileId,
) -> Result<Option<(String, String, Vec<u8>)>, DbError> {
    Ok(library_files::table
        .filter(library_files::id.eq(file.0))
        .filter(library_files::practice_id.eq(id.0))
        .select((
            library_files::name,
            library_files::media_type,
            library_files::bytes,
        ))
        .first(conn)
        .optional()?)
}

/// Whether a published version of the practice lists `file` among its
/// materials: the files readers may download. A draft's files are its
/// author's and curators' alone until a version carrying them is published.
pub fn is_published_file(
    conn: &mut DbConn,
    id: PracticeId,
    file: LibraryFileId,
) -> Result<bool, DbError> {
    let versions: Vec<String> = classroom_practice_versions::table
        .filter(classroom_practice_versions::practice_id.eq(id.0))
        .select(classroom_practice_versions::content)
        .load(conn)?;
    for json in versions {
        let content = super::content_from_json(id, &json)?;
        if content.materials.iter().any(|m| m.file_id == Some(file.0)) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Someone's practices (drafts and versions as they stand) and follows,
/// for their personal data export.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Exported {
    pub practices: Vec<serde_json::Value>,
    pub follows: Vec<serde_json::Value>,
}

pub fn of_user(conn: &mut DbConn, user: UserId) -> Result<Exported, DbError> {
    let mut practices = Vec::new();
    let ids: Vec<(i64, i32)> = classroom_practices::table
        .filter(classroom_practices::author_id.eq(user.0))
        .order(classroom_practices::id)
        .select((classroom_practices::id, classroom_practices::version))
        .load(conn)?;
    for (id, version) in ids {
        let pid = PracticeId(id);
        let draft = super::draft(conn, pid)?;
        let published = if version > 0 {
            super::version(conn, pid, version)?
        } else {
            None
        };
        practices.push(serde_json::json!({
            "id": id,
            "published_version": version,
            "published": published,
            "draft": draft.map(|d| serde_json::json!({
                "status": d.status.as_str(),
                "content": d.content,
                "comments": d.comments,
            })),
        }));
    }
    use classroom_practice_follows as f;
    let follows: Vec<(i64, String, i64)> = f::table
        .inner_join(classroom_practices::table)
        .filter(f::user_id.eq(user.0))
        .order(f::practice_id)
        .select((f::practice_id, classroom_practices::title, f::created_at))
        .load(conn)?;
    Ok(Exported {
        practices,
        follows: follows
            .into_iter()
            .map(|(id, title, at)| {
                serde_json::json!({
                    "practice": id,
                    "title": title,
                    "since": Timestamp::from_micros(at).to_rfc3339(),
                })
            })
            .collect(),
    })
}
