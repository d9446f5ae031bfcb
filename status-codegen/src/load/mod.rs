//! The one load step every front end calls: resolve the document's path, read
//! it, expand it (or the placeholder when it cannot be read), and say which
//! files to track. The macro, build.rs and the CLI differ only in how they
//! print what it returns. Finding and reading the documents is `documents`,
//! whose two halves the macro calls apart (it looks for a committed
//! expansion between them).

pub(crate) mod documents;

use std::path::{Path, PathBuf};

use crate::options::Options;
use crate::{Checked, Expansion};

use documents::{checked, expand_documents, read_documents};

/// The environment variable that stands in for `CARGO_MANIFEST_DIR` where that
/// is not the invoking crate's own directory (trybuild's generated test
/// crates, build systems other than cargo).
pub const MANIFEST_DIR_VARIABLE: &str = "STATUS_TABLE_MANIFEST_DIR";

/// What loading an invocation gives.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub(crate) expansion: Expansion,
    pub(crate) documents: Vec<LoadedDocument>,
}

impl Loaded {
    /// The generated code, the model and every problem.
    pub fn expansion(&self) -> &Expansion {
        &self.expansion
    }

    /// The expansion, owned.
    pub fn into_expansion(self) -> Expansion {
        self.expansion
    }

    /// The documents, primary first, as found.
    pub fn documents(&self) -> &[LoadedDocument] {
        &self.documents
    }

    /// The files to track: cargo must rebuild when any of them changes.
    pub fn tracked(&self) -> impl Iterator<Item = &Path> {
        self.documents.iter().filter_map(LoadedDocument::found)
    }
}

/// One document of an invocation.
#[derive(Debug, Clone)]
pub struct LoadedDocument {
    pub(crate) written: String,
    pub(crate) found: Option<PathBuf>,
    pub(crate) bytes: Option<Vec<u8>>,
}

impl LoadedDocument {
    /// The path as the invocation writes it.
    pub fn written(&self) -> &str {
        &self.written
    }

    /// Where it was found, when it was found and read (the file to track).
    pub fn found(&self) -> Option<&Path> {
        self.found.as_deref()
    }

    /// Its bytes, when it could be read.
    pub fn bytes(&self) -> Option<&[u8]> {
        self.bytes.as_deref()
    }
}

/// The invoking package's directory: `STATUS_TABLE_MANIFEST_DIR` when set,
/// else `CARGO_MANIFEST_DIR`.
pub fn manifest_dir() -> Option<PathBuf> {
    std::env::var_os(MANIFEST_DIR_VARIABLE)
        .or_else(|| std::env::var_os("CARGO_MANIFEST_DIR"))
        .map(PathBuf::from)
}

/// Loads the invocation's documents, found from `manifest_dir` (see
/// [`resolve`]), and expands them.
pub fn load(path: &str, options: &Options, manifest_dir: &Path) -> Loaded {
    expand_documents(path, options, read_documents(path, options, manifest_dir))
}

/// [`load`] without generating the code: the model and every problem, and
/// the documents. For front ends that show the model (`inspect`).
pub fn load_checked(
    path: &str,
    options: &Options,
    manifest_dir: &Path,
) -> (Checked, Vec<LoadedDocument>) {
    let (checked, _, documents) =
        checked(path, options, read_documents(path, options, manifest_dir));
    (checked, documents)
}

/// Where the document `relative` is: tried in the invoking package's directory,
/// then in each parent up to the root of the workspace that has the package as
/// a member. A package outside any workspace (a published crate, unpacked by
/// `cargo package` or from a registry) looks only inside itself. On failure,
/// every place tried, in order.
pub fn resolve(relative: &str, manifest_dir: &Path) -> Result<PathBuf, Vec<PathBuf>> {
    let wanted = Path::new(relative);
    if wanted.is_absolute() {
        return if wanted.exists() {
            Ok(wanted.to_path_buf())
        } else {
            Err(vec![wanted.to_path_buf()])
        };
    }
    // A root that is not above the package (a `package.workspace` elsewhere)
    // would let the search climb to `/`: then only the package is searched.
    let root =
        crate::workspace::root_of(manifest_dir).filter(|root| manifest_dir.starts_with(root));
    let mut tried = Vec::new();
    for dir in manifest_dir.ancestors() {
        let candidate = dir.join(wanted);
        if candidate.exists() {
            return Ok(candidate);
        }
        tried.push(candidate);
        if root.as_deref().is_none_or(|root| dir == root) {
            break;
        }
    }
    Err(tried)
}
