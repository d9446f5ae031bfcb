//! Gives the engine an identity that changes whenever its source does
//! (`STATUS_CODEGEN_SOURCE_HASH`, part of `committed::ENGINE`): see
//! `src/source_hash.rs`, which the macro crate's build script calls too.

use std::path::Path;

// Public in the library, for the macro crate's build script.
#[allow(unreachable_pub)]
#[path = "src/source_hash.rs"]
mod source_hash;

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!(
        "cargo:rustc-env=STATUS_CODEGEN_SOURCE_HASH={}",
        source_hash::source_hash(Path::new("src"))
    );
}
