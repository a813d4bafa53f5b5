//! The challenge radar on pages, a module per job: reporting a challenge
//! and one's own reports (`report`), the triage queue, a report's page,
//! triage and merging (`triage`), and the radar itself (`overview`). What
//! pages and API share is `radar_actions`'s.

pub(crate) mod overview;
mod report;
mod triage;

use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    let r = report::routes(r);
    let r = triage::routes(r);
    overview::routes(r)
}
