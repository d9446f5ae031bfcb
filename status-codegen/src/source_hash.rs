//! The identity of a crate's source: a hash over its files that changes
//! whenever one does. Used by the build scripts of the engine and of the macro
//! crate (`STATUS_CODEGEN_SOURCE_HASH`, `STATUS_MACROS_SOURCE_HASH`): a
//! committed expansion names both, so that the macro never reuses one that
//! another engine or macro wrote (a crates.io version alone does not change
//! between two commits of a git or path dependency). SHA-256 over the files'
//! paths and bytes, so the CLI and the macro agree whatever compiler built
//! each of them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The first 16 hex digits of the SHA-256 of every file under `dir`, in path
/// order, each as its path (`/`-separated) and bytes, length-prefixed.
pub fn source_hash(dir: &Path) -> String {
    let mut files = Vec::new();
    collect(dir, &mut files);
    files.sort();
    let mut hasher = Sha256::new();
    for file in &files {
        let name: Vec<String> = file
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let name = name.join("/");
        let bytes = std::fs::read(file).unwrap_or_default();
        hasher.update((name.len() as u64).to_le_bytes());
        hasher.update(name.as_bytes());
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    hasher.finalize()[..8]
        .iter()
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
