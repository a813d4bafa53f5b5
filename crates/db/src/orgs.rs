//! The organisation tree.

use crate::codes::Code;
use crate::schema::orgs;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::org::{Locale, OrgDraft, OrgKind, OrgPath, PovertyBand, SchoolAttributes};
use lyceum_domain::time::TimeZone;
use lyceum_domain::{OrgId, Timestamp};

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = orgs)]
pub struct OrgRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    #[diesel(deserialize_as = Code<OrgKind>)]
    pub kind: OrgKind,
    pub name: String,
    pub path: String,
    pub locale: Option<String>,
    pub title_i: Option<bool>,
    pub poverty_band: Option<String>,
    pub enrolment: Option<i32>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Its own IANA zone; `None` inherits (see [`zone_of`]).
    pub time_zone: Option<String>,
}

impl OrgRow {
    pub fn id(&self) -> OrgId {
        OrgId(self.id)
    }

    pub fn org_path(&self) -> Result<OrgPath, DbError> {
        OrgPath::parse(&self.path)
            .ok_or_else(|| DbError::Corrupt(format!("org {} has path {:?}", self.id, self.path)))
    }

    pub fn school(&self) -> SchoolAttributes {
        SchoolAttributes {
            locale: self.locale.as_deref().and_then(Locale::parse),
            title_i: self.title_i,
            poverty_band: self.poverty_band.as_deref().and_then(PovertyBand::parse),
            enrolment: self.enrolment,
        }
    }
}

pub fn by_id(conn: &mut DbConn, id: OrgId) -> Result<Option<OrgRow>, DbError> {
    Ok(orgs::table
        .find(id.0)
        .select(OrgRow::as_select())
        .first(conn)
        .optional()?)
}

/// Like [`by_id`], but a missing organisation is [`DbError::NotFound`].
pub fn get(conn: &mut DbConn, id: OrgId) -> Result<OrgRow, DbError> {
    by_id(conn, id)?.ok_or(DbError::NotFound)
}

/// The programme itself, if one has been created.
pub fn root(conn: &mut DbConn) -> Result<Option<OrgRow>, DbError> {
    Ok(orgs::table
        .filter(orgs::parent_id.is_null())
        .order(orgs::id)
        .select(OrgRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn children(conn: &mut DbConn, parent: OrgId) -> Result<Vec<OrgRow>, DbError> {
    Ok(orgs::table
        .filter(orgs::parent_id.eq(parent.0))
        .order((orgs::name, orgs::id))
        .select(OrgRow::as_select())
        .load(conn)?)
}

/// The organisations from the root down to (and including) `path`'s node.
/// One lookup per level (a tree is four deep): each is a prepared statement
/// the connection keeps, where an `IN (…)` list would be parsed anew.
pub fn lineage(conn: &mut DbConn, path: &OrgPath) -> Result<Vec<OrgRow>, DbError> {
    path.ids().into_iter().map(|id| get(conn, id)).collect()
}

/// Number of organisations in the subtree of `path`, itself included.
pub fn subtree_size(conn: &mut DbConn, path: &OrgPath) -> Result<i64, DbError> {
    Ok(orgs::table
        .filter(orgs::path.ge(path.as_str()))
        .filter(orgs::path.lt(path.subtree_end()))
        .count()
        .get_result(conn)?)
}

pub fn path_of(conn: &mut DbConn, id: OrgId) -> Result<Option<OrgPath>, DbError> {
    let path: Option<String> = orgs::table
        .find(id.0)
        .select(orgs::path)
        .first(conn)
        .optional()?;
    Ok(path.and_then(|p| OrgPath::parse(&p)))
}

/// Creates the programme root. There is only ever one.
pub fn create_root(conn: &mut DbConn, name: &str, now: Timestamp) -> Result<OrgRow, DbError> {
    if root(conn)?.is_some() {
        return Err(DbError::invalid("name", "programme-exists"));
    }
    insert(
        conn,
        None,
        &OrgDraft {
            name: name.to_string(),
            kind: OrgKind::Programme,
            school: SchoolAttributes::default(),
            time_zone: None,
        },
        now,
    )
}

/// Creates a child of `parent`; the draft has been checked against its kind.
pub fn create_child(
    conn: &mut DbConn,
    parent: &OrgRow,
    draft: &OrgDraft,
    now: Timestamp,
) -> Result<OrgRow, DbError> {
    if !parent.kind.child_kinds().contains(&draft.kind) {
        return Err(DbError::invalid("kind", "org-kind-not-allowed"));
    }
    insert(conn, Some(parent), draft, now)
}

fn insert(
    conn: &mut DbConn,
    parent: Option<&OrgRow>,
    draft: &OrgDraft,
    now: Timestamp,
) -> Result<OrgRow, DbError> {
    let (name, school) = (&draft.name, &draft.school);
    // A new state takes its state's main zone unless one was chosen.
    let zone = draft.time_zone.clone().or_else(|| {
        (draft.kind == OrgKind::State)
            .then(|| lyceum_domain::us_states::main_zone(name))
            .flatten()
    });
    // The path needs the new id, so the row goes in with a placeholder path
    // unique to this transaction and gets its real one straight after.
    let placeholder = format!("pending/{}", now.micros());
    let id: i64 = diesel::insert_into(orgs::table)
        .values((
            orgs::parent_id.eq(parent.map(|p| p.id)),
            orgs::kind.eq(draft.kind.as_str()),
            orgs::name.eq(name),
            orgs::path.eq(&placeholder),
            orgs::locale.eq(school.locale.map(|l| l.as_str())),
            orgs::title_i.eq(school.title_i),
            orgs::poverty_band.eq(school.poverty_band.map(|p| p.as_str())),
            orgs::enrolment.eq(school.enrolment),
            orgs::time_zone.eq(zone.as_ref().map(TimeZone::name)),
            orgs::created_at.eq(now.micros()),
            orgs::updated_at.eq(now.micros()),
        ))
        .returning(orgs::id)
        .get_result(conn)?;
    let path = match parent {
        Some(p) => p.org_path()?.child(OrgId(id)),
        None => OrgPath::root(OrgId(id)),
    };
    diesel::update(orgs::table.find(id))
        .set(orgs::path.eq(path.as_str()))
        .execute(conn)?;
    get(conn, OrgId(id))
}

pub fn update(
    conn: &mut DbConn,
    id: OrgId,
    draft: &OrgDraft,
    now: Timestamp,
) -> Result<(), DbError> {
    diesel::update(orgs::table.find(id.0))
        .set((
            orgs::name.eq(&draft.name),
            orgs::locale.eq(draft.school.locale.map(|l| l.as_str())),
            orgs::title_i.eq(draft.school.title_i),
            orgs::poverty_band.eq(draft.school.poverty_band.map(|p| p.as_str())),
            orgs::enrolment.eq(draft.school.enrolment),
            orgs::time_zone.eq(draft.time_zone.as_ref().map(TimeZone::name)),
            orgs::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Finds an organisation by id (`42`) or exact name, for the command line.
pub fn find(conn: &mut DbConn, id_or_name: &str) -> Result<Vec<OrgRow>, DbError> {
    if let Ok(id) = id_or_name.parse::<i64>() {
        return Ok(by_id(conn, OrgId(id))?.into_iter().collect());
    }
    Ok(orgs::table
        .filter(orgs::name.eq(id_or_name))
        .select(OrgRow::as_select())
        .load(conn)?)
}

/// The zone in force at `path`'s node: its own, else the nearest
/// ancestor's, else the programme's default ([`TimeZone::programme`]). A
/// name the database no longer knows is skipped as if unset.
pub fn zone_of(conn: &mut DbConn, path: &OrgPath) -> Result<TimeZone, DbError> {
    let ids: Vec<i64> = path.ids().into_iter().map(|i| i.0).collect();
    let set: Vec<(i64, Option<String>)> = orgs::table
        .filter(orgs::id.eq_any(&ids))
        .filter(orgs::time_zone.is_not_null())
        .select((orgs::id, orgs::time_zone))
        .load(conn)?;
    Ok(nearest_zone(&ids, &set))
}

/// Of the zones set on the nodes `ids` (root first), the deepest.
pub(crate) fn nearest_zone(ids: &[i64], set: &[(i64, Option<String>)]) -> TimeZone {
    ids.iter()
        .rev()
        .find_map(|id| {
            set.iter()
                .find(|(o, _)| o == id)
                .and_then(|(_, z)| z.as_deref().and_then(TimeZone::parse))
        })
        .unwrap_or_else(TimeZone::programme)
}

/// The zone a person's dates are reckoned in: their school's — the
/// organisation of their deepest membership (a school before its district),
/// the earliest joined among equally deep ones — or the programme's when
/// they belong nowhere.
pub fn zone_of_user(conn: &mut DbConn, user: lyceum_domain::UserId) -> Result<TimeZone, DbError> {
    use crate::schema::memberships;
    let paths: Vec<String> = crate::on_backend!(conn, |c| memberships::table
        .inner_join(orgs::table)
        .filter(memberships::user_id.eq(user.0))
        .order((memberships::created_at.asc(), memberships::id.asc()))
        .select(orgs::path)
        .load(c))?;
    let paths: Vec<OrgPath> = paths.iter().filter_map(|p| OrgPath::parse(p)).collect();
    zone_of_home(conn, &paths)
}

/// [`zone_of_user`] for someone whose membership paths (oldest first) are
/// already at hand, as the request context has them.
pub fn zone_of_home(conn: &mut DbConn, paths: &[OrgPath]) -> Result<TimeZone, DbError> {
    match home_path(paths) {
        Some(path) => zone_of(conn, path),
        None => Ok(TimeZone::programme()),
    }
}

/// Of membership paths oldest first, the deepest of those created first.
/// Deepest wins over order: a teacher who joined the district and then
/// their school is reckoned in the school's zone.
pub fn home_path(paths: &[OrgPath]) -> Option<&OrgPath> {
    let deepest = paths.iter().map(OrgPath::depth).max()?;
    paths.iter().find(|p| p.depth() == deepest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deepest_zone_set_wins() {
        let la = || Some("America/Los_Angeles".to_string());
        let set = [(1, Some("America/Chicago".into())), (3, la())];
        assert_eq!(
            nearest_zone(&[1, 2, 3, 4], &set).name(),
            "America/Los_Angeles"
        );
        assert_eq!(nearest_zone(&[1, 2], &set).name(), "America/Chicago");
        assert_eq!(nearest_zone(&[7], &set), TimeZone::programme());
        let stale = [(1, Some("Mars/Olympus".into()))];
        assert_eq!(nearest_zone(&[1], &stale), TimeZone::programme());
    }

    #[test]
    fn home_is_the_deepest_then_the_oldest_membership() {
        let p = |s: &str| OrgPath::parse(s).unwrap();
        assert_eq!(
            home_path(&[p("/1/2/"), p("/1/2/3/"), p("/1/5/6/")]).map(OrgPath::as_str),
            Some("/1/2/3/")
        );
        assert_eq!(home_path(&[]), None);
    }
}
