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
use lyceum_domain::{PracticeId, ResourceId, Timestamp};

/// What the demo's library holds, for the parts that name it (the radar's
/// answered reports).
pub struct Library {
    /// The published practices.
    pub practices: Vec<PracticeId>,
    /// The resources, in the order `resources` writes them.
    pub resources: Vec<ResourceId>,
}

/// After the people and the courses (practices name competencies and
/// lessons link resources).
pub fn seed(c: &mut DbConn, now: Timestamp) -> Result<Library, DbError> {
    let practices = practices::seed(c, now)?;
    trials::seed(c, &practices, now)?;
    tiers::seed(c, &practices, now)?;
    let resources = resources::seed(c, &practices, now)?;
    Ok(Library {
        practices,
        resources,
    })
}
