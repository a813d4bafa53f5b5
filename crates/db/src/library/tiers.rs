//! The evidence tier: Lyceum's proposal, recomputed from the reports
//! whenever they change (audited when it changes), and a curator's
//! confirmation or override with its reason.

use crate::{DbConn, DbError};
use lyceum_domain::{PracticeId, Timestamp};

/// Proposes the practice's tier anew from its reports and logic model, in
/// the transaction of the change that calls it (a report filed or
/// updated, a version published); a change of proposal is audited.
pub fn repropose(conn: &mut DbConn, practice: PracticeId, now: Timestamp) -> Result<(), DbError> {
    // Scaffold: the tiers helper writes the rules' use here.
    let _ = (conn, practice, now);
    Ok(())
}
