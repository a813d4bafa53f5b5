//! The resource library: resources (a link or a file), their facets,
//! ratings, comments, search and featuring, and links from practices and
//! lessons.
