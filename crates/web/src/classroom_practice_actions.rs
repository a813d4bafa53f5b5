//! Authoring and curating classroom practices — starting one, saving its
//! draft, submitting, returning with comments, publishing (with its
//! discussion topic), versions, following — shared by `pages/library/{practice,editor,review}.rs`
//! and `api/library/practices.rs`.
