//! `refinery::embed_migrations!` reads `migrations/` at compile time, but
//! cargo does not know that: without this, a new migration file would not
//! rebuild the crate and a cached build would miss it.

fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
