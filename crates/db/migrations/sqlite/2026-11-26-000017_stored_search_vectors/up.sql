-- PostgreSQL now stores each document's tsvector in *_fts tables, as
-- FTS5's tables here already store their index: nothing changes on SQLite.
-- Keep in step with ../../postgres/2026-11-26-000017_stored_search_vectors/up.sql (a test compares them).

SELECT 1;
