//! Checking a trial report: every impossible or missing value named by its
//! field, nothing half-saved.
