//! Both backends must hold exactly the tables and columns `schema.rs` declares
//! (names, types, nullability). CI runs this on SQLite and on PostgreSQL, so
//! the two migration folders cannot drift apart; with both available, a second
//! test compares them directly.

use diesel::RunQueryDsl;
use diesel::sql_types::{Integer, Text};
use lyceum_db::DbConn;
use lyceum_testdb::{TestDb, postgres_url};
use std::collections::BTreeMap;

/// table → column → (diesel type, nullable)
type Columns = BTreeMap<String, BTreeMap<String, (String, bool)>>;

/// Reads `diesel::table!` blocks out of schema.rs.
fn declared() -> Columns {
    let source = include_str!("../../src/schema.rs");
    let mut out = Columns::new();
    let mut table: Option<String> = None;
    for line in source.lines().map(str::trim) {
        if let Some((name, _)) = line.split_once(" (").filter(|_| line.ends_with(") {")) {
            table = Some(name.to_string());
            out.insert(name.to_string(), BTreeMap::new());
        } else if let (Some(t), Some((col, ty))) = (&table, line.split_once(" -> ")) {
            let ty = ty.trim_end_matches(',');
            let (ty, nullable) = match ty.strip_prefix("Nullable<") {
                Some(inner) => (inner.trim_end_matches('>'), true),
                None => (ty, false),
            };
            out.get_mut(t)
                .unwrap()
                .insert(col.to_string(), (ty.to_string(), nullable));
        } else if line == "}" {
            table = None;
        }
    }
    out
}

#[derive(diesel::QueryableByName)]
struct Col {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Integer)]
    nullable: i32,
    #[diesel(sql_type = Integer)]
    pk: i32,
}

/// Reads the live database's catalogue, in diesel's type names.
fn actual(conn: &mut DbConn) -> Columns {
    let rows: Vec<Col> = match conn {
        DbConn::Sqlite(c) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, upper(p.type) AS data_type,
                    CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 0 ELSE 1 END AS nullable,
                    p.pk AS pk
             FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
               AND m.name <> '__diesel_schema_migrations'
               -- Search indexes differ by design: FTS5 tables here, tsvector tables there.
               AND m.name NOT LIKE '%\\_fts%' ESCAPE '\\'",
        )
        .load(c)
        .unwrap(),
        DbConn::Pg(c) => diesel::sql_query(
            "SELECT table_name::text, column_name::text, data_type::text,
                    CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS nullable, 0 AS pk
             FROM information_schema.columns
             WHERE table_schema = current_schema()
               AND table_name <> '__diesel_schema_migrations'
               AND table_name NOT LIKE '%\\_fts%' ESCAPE '\\'",
        )
        .load(c)
        .unwrap(),
    };
    let mut out = Columns::new();
    for r in rows {
        let ty = match (r.data_type.as_str(), r.pk) {
            // SQLite's rowid alias must be spelled INTEGER; it holds 64 bits.
            ("INTEGER", 1) => "BigInt",
            ("INTEGER", _) | ("integer", _) => "Integer",
            ("BIGINT", _) | ("bigint", _) => "BigInt",
            ("TEXT", _) | ("text", _) => "Text",
            ("BOOLEAN", _) | ("boolean", _) => "Bool",
            ("BLOB", _) | ("bytea", _) => "Binary",
            (other, _) => panic!(
                "{}.{} has unexpected type {other}",
                r.table_name, r.column_name
            ),
        };
        out.entry(r.table_name)
            .or_default()
            .insert(r.column_name, (ty.to_string(), r.nullable == 1));
    }
    out
}

#[test]
fn database_matches_schema_rs() {
    let t = TestDb::new();
    let live = actual(&mut t.db.get().unwrap());
    let declared = declared();
    assert_eq!(declared.len(), lyceum_db::schema::TABLES.len());
    assert_eq!(
        live,
        declared,
        "{:?} differs from schema.rs",
        t.db.backend()
    );
}

#[test]
fn sqlite_and_postgres_have_the_same_tables_and_columns() {
    let Some(server) = postgres_url() else {
        eprintln!("skipped: set LYCEUM_TEST_POSTGRES_URL to compare with PostgreSQL");
        return;
    };
    let sqlite = TestDb::sqlite();
    let pg = TestDb::postgres(&server);
    assert_eq!(
        actual(&mut sqlite.db.get().unwrap()),
        actual(&mut pg.db.get().unwrap())
    );
}
