//! Authoring a classroom practice (its draft saved, submitted, returned with
//! comments, published by a curator — never its author), its versions, the
//! curators' queue, and following a practice.
