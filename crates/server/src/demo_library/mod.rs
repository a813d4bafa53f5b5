//! The demo's practice library: classroom practices Ohio and New Mexico
//! educators would really share (published through a curator's review, one
//! still waiting for it), trial reports of them from colleagues (one with a
//! comparison group), the tiers they support, and resources linked from
//! them. Each part is written through the functions the app uses, so
//! counters, search words and tiers hold as they would.

mod practices;
mod resources;
mod tiers;
mod trials;

use lyceum_db::{DbConn, DbError};
use lyceum_domain::Timestamp;

/// After the people and the courses (practices name competencies and
/// lessons link resources).
pub fn seed(c: &mut DbConn, now: Timestamp) -> Result<(), DbError> {
    let published = practices::seed(c, now)?;
    trials::seed(c, &published, now)?;
    tiers::seed(c, &published, now)?;
    resources::seed(c, &published, now)?;
    Ok(())
}
