//! The demo's practice library: practices.

use lyceum_db::{DbConn, DbError};
use lyceum_domain::{PracticeId, Timestamp};

/// The published practices, in the order the other parts name them.
pub fn seed(c: &mut DbConn, now: Timestamp) -> Result<Vec<PracticeId>, DbError> {
    // Scaffold: the practices helper writes the demo's practices here.
    let _ = (c, now);
    Ok(Vec::new())
}
