//! The resource library — adding a resource (a link or a file checked by
//! its bytes), finding, rating, commenting, featuring, linking from
//! practices and lessons — shared by `pages/library/resources.rs` and
//! `api/library/resources.rs`.
