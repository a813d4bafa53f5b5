//! Browsing the library — the query string (facets, words, order, page),
//! the list with facet counts — shared by `pages/library/browse.rs` and
//! `api/library/browse.rs`.
