//! A listing each server keeps in memory, good while the database's
//! version number for it is still the copy's own: one short read a
//! request, and a full read only after a change, through any server (the
//! catalogue, the practice library, the upcoming offerings). Triggers in
//! the database move each version, whoever writes.

use lyceum_db::{Db, DbConn, DbError};
use std::sync::{Arc, RwLock};

/// A listing read as of a version of the database.
pub trait Versioned {
    fn version(&self) -> i64;
}

/// The copy one server keeps, and the lock held while it is read again.
pub struct Kept<T> {
    copy: RwLock<Option<Arc<T>>>,
    /// Held while the listing is read again, so that the requests which
    /// find it stale together wait for one read instead of each making its
    /// own (64 at once at a server's start was the catalogue's long p99).
    reload: tokio::sync::Mutex<()>,
}

impl<T> Default for Kept<T> {
    fn default() -> Self {
        Self {
            copy: RwLock::new(None),
            reload: tokio::sync::Mutex::new(()),
        }
    }
}

impl<T: Versioned + Send + Sync + 'static> Kept<T> {
    /// The listing as it is now: the copy kept, if the database's version
    /// (`version`, one read) is still its own and `fits` it, else one read
    /// again with `load`.
    pub async fn get<F>(
        &self,
        db: &Db,
        version: fn(&mut DbConn) -> Result<i64, DbError>,
        fits: impl Fn(&T) -> bool,
        load: F,
    ) -> Result<Arc<T>, DbError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, DbError> + Send + 'static,
    {
        let now = db.read_brief(version).await?;
        let kept = |at_least: bool| {
            self.copy
                .read()
                .ok()
                .and_then(|l| l.clone())
                .filter(|l| l.version() == now || (at_least && l.version() > now))
                .filter(|l| fits(l))
        };
        if let Some(l) = kept(false) {
            return Ok(l);
        }
        let _reloading = self.reload.lock().await;
        // Read meanwhile by whoever held the lock: as new as the version seen.
        if let Some(l) = kept(true) {
            return Ok(l);
        }
        let listing = Arc::new(db.read(load).await?);
        if let Ok(mut kept) = self.copy.write()
            && kept
                .as_ref()
                .is_none_or(|k| k.version() <= listing.version())
        {
            *kept = Some(listing.clone());
        }
        Ok(listing)
    }
}

impl Versioned for lyceum_db::course_listing::Listing {
    fn version(&self) -> i64 {
        self.version
    }
}

impl Versioned for lyceum_db::library::browse::Listing {
    fn version(&self) -> i64 {
        self.version
    }
}

impl Versioned for lyceum_db::workshops::upcoming::Upcoming {
    fn version(&self) -> i64 {
        self.version
    }
}
