//! Finding the document: the path is tried against the invoking crate's
//! directory, then each parent directory up to the workspace root. The macro and
//! the CLI resolve paths with this same function.

use std::path::{Path, PathBuf};

/// Where the document `relative` is, looking from `manifest_dir` up to the
/// workspace root; or every place that was tried, in order.
pub fn resolve(relative: &str, manifest_dir: &Path) -> Result<PathBuf, Vec<PathBuf>> {
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
pub fn is_workspace_root(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("Cargo.toml"))
        .is_ok_and(|manifest| manifest.lines().any(|line| line.trim() == "[workspace]"))
}
