//! Gives the macro crate an identity that changes whenever its source does
//! (`STATUS_MACROS_SOURCE_HASH`; with the engine's, the identity a committed
//! expansion must name), by the engine's one rule
//! (`status_codegen::__private::source_hash`).

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!(
        "cargo:rustc-env=STATUS_MACROS_SOURCE_HASH={}",
        status_codegen::__private::source_hash(Path::new("src"))
    );
}
