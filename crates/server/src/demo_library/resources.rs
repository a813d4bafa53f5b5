//! The demo's practice library: resources.

use lyceum_db::{DbConn, DbError};
use lyceum_domain::{PracticeId, Timestamp};

pub fn seed(c: &mut DbConn, practices: &[PracticeId], now: Timestamp) -> Result<(), DbError> {
    // Scaffold: filled by the helper that owns this part.
    let _ = (c, practices, now);
    Ok(())
}
