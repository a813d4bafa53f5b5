//! Trial reports: filing one (a second on the same version updates the
//! first), a practice's summary and reports, the researchers' export.
