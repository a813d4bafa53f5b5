//! Rosters checked and kept for "Import now": the files as uploaded, for
//! the admin who checked them and the organisation they were checked for,
//! for an hour, used once (the delete that takes one decides). Kept in the
//! database, so any app server applies what another one checked.

use crate::schema::roster_uploads;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::{OrgId, Timestamp, UserId};
use std::collections::BTreeMap;
use std::time::Duration;

/// How long a checked roster waits for "Import now".
pub const KEPT_FOR: Duration = Duration::from_secs(3600);

/// A checked roster to keep.
pub struct NewUpload<'a> {
    pub token_hash: &'a str,
    pub org: OrgId,
    pub user: UserId,
    pub source: &'a str,
    pub files: &'a BTreeMap<String, Vec<u8>>,
}

/// A checked roster taken back: its source name and files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub source: String,
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Keeps a checked roster (and forgets those whose hour has passed).
pub fn keep(conn: &mut DbConn, new: &NewUpload<'_>, now: Timestamp) -> Result<(), DbError> {
    diesel::delete(roster_uploads::table.filter(roster_uploads::expires_at.le(now.micros())))
        .execute(conn)?;
    diesel::insert_into(roster_uploads::table)
        .values((
            roster_uploads::token_hash.eq(new.token_hash),
            roster_uploads::org_id.eq(new.org.0),
            roster_uploads::user_id.eq(new.user.0),
            roster_uploads::source.eq(new.source),
            roster_uploads::files.eq(encode(new.files)),
            roster_uploads::created_at.eq(now.micros()),
            roster_uploads::expires_at.eq(now.plus(KEPT_FOR).micros()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Takes the roster `token_hash` names, if it was checked by `user` for
/// `org` and its hour has not passed; it is gone afterwards, so of two
/// requests at once on two servers only one gets it.
pub fn take(
    conn: &mut DbConn,
    token_hash: &str,
    org: OrgId,
    user: UserId,
    now: Timestamp,
) -> Result<Option<Upload>, DbError> {
    let mine = roster_uploads::table
        .filter(roster_uploads::token_hash.eq(token_hash))
        .filter(roster_uploads::org_id.eq(org.0))
        .filter(roster_uploads::user_id.eq(user.0))
        .filter(roster_uploads::expires_at.gt(now.micros()));
    let Some((id, source, files)) = mine
        .select((
            roster_uploads::id,
            roster_uploads::source,
            roster_uploads::files,
        ))
        .first::<(i64, String, Vec<u8>)>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    if diesel::delete(roster_uploads::table.find(id)).execute(conn)? == 0 {
        return Ok(None);
    }
    let files = decode(&files).ok_or_else(|| DbError::Corrupt(format!("roster upload {id}")))?;
    Ok(Some(Upload { source, files }))
}

fn encode(files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    let mut out = Vec::with_capacity(files.values().map(|f| f.len() + 64).sum());
    for (name, bytes) in files {
        out.extend_from_slice(&u32::try_from(name.len()).unwrap_or(0).to_be_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&(bytes.len() as u64).to_be_bytes());
        out.extend_from_slice(bytes);
    }
    out
}

fn decode(mut data: &[u8]) -> Option<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    while !data.is_empty() {
        let (len, rest) = data.split_first_chunk::<4>()?;
        let (name, rest) = rest.split_at_checked(u32::from_be_bytes(*len) as usize)?;
        let (len, rest) = rest.split_first_chunk::<8>()?;
        let (bytes, rest) =
            rest.split_at_checked(usize::try_from(u64::from_be_bytes(*len)).ok()?)?;
        files.insert(String::from_utf8(name.to_vec()).ok()?, bytes.to_vec());
        data = rest;
    }
    Some(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_read_back_as_kept() {
        let mut files = BTreeMap::new();
        files.insert("users.csv".to_string(), b"sourcedId\nu1\n".to_vec());
        files.insert("roster.zip".to_string(), vec![0, 1, 2, 255]);
        files.insert("empty.csv".to_string(), Vec::new());
        assert_eq!(decode(&encode(&files)), Some(files));
        assert_eq!(decode(&[0, 0, 0, 9, b'a']), None);
    }
}
