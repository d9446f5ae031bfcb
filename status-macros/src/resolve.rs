//! Finding the document: the path is tried against the invoking crate's
//! directory, then each parent directory up to the workspace root.

use std::path::{Path, PathBuf};

/// Where a document was found, or every place that was tried.
pub(crate) fn resolve(relative: &str, manifest_dir: &Path) -> Result<PathBuf, Vec<PathBuf>> {
    let wanted = Path::new(relative);
    if wanted.is_absolute() {
        return if wanted.is_file() {
            Ok(wanted.to_path_buf())
        } else {
            Err(vec![wanted.to_path_buf()])
        };
    }
    let mut tried = Vec::new();
    for dir in manifest_dir.ancestors() {
        let candidate = dir.join(wanted);
        if candidate.exists() {
            return Ok(candidate);
        }
        tried.push(candidate);
        if is_workspace_root(dir) {
            break;
        }
    }
    Err(tried)
}

/// A directory whose `Cargo.toml` declares a `[workspace]`.
fn is_workspace_root(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("Cargo.toml"))
        .is_ok_and(|manifest| manifest.lines().any(|line| line.trim() == "[workspace]"))
}
