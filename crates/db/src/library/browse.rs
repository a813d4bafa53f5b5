//! Browsing the library: published practices by facet (subject, grade band,
//! competency, evidence tier, language) and full-text search (FTS5 /
//! tsvector over `classroom_practices.search_text`).
