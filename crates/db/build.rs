//! `embed_migrations!` reads the migration folders at compile time but does
//! not tell cargo to watch them: without this, a new migration is not
//! compiled in until some Rust file of the crate changes.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
