//! Finding the tables the workspace uses: every `status_table!` invocation in
//! the library sources (`src/` of each package), read with the engine's own
//! invocation parser. Tests, examples and benches are not scanned: their
//! invocations (some deliberately wrong) are not part of any published API.

use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream, TokenTree};
use status_codegen::invocation::{self, Invocation};
use status_codegen::workspace;

/// One `status_table!` invocation found in the workspace.
#[derive(Debug, Clone)]
pub struct InvocationSite {
    /// The source file, relative to the workspace root, with `/` separators.
    pub source: String,
    /// The directory of the package the file belongs to, relative to the root
    /// (`.` for the root package).
    pub package_dir: String,
    /// The tokens inside `status_table!(...)`.
    pub tokens: TokenStream,
    /// Those tokens, parsed as the macro parses them.
    pub invocation: Invocation,
}

impl InvocationSite {
    /// `src/lib.rs:LINE:COL` of a span of the invocation, as rustc would
    /// print it (1-based line and column).
    pub fn locate(&self, span: Span) -> String {
        let start = span.start();
        format!("{}:{}:{}", self.source, start.line, start.column + 1)
    }
}

/// The root of the workspace a command run in `start` works on, as cargo
/// finds it (a package that no workspace claims is its own root); the error
/// says why there is none.
pub fn workspace_root(start: &Path) -> Result<PathBuf, String> {
    workspace::root_above(start)
}

/// Every invocation in the library sources (`src/`) of the workspace's
/// packages, in path order.
pub fn find_invocations(root: &Path) -> Result<Vec<InvocationSite>, String> {
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for package in packages(root)? {
        let src = root.join(&package).join("src");
        let mut found = Vec::new();
        if src.is_dir() {
            collect_sources(&src, &mut found)?;
        }
        files.extend(found.into_iter().map(|file| (package.clone(), file)));
    }
    files.sort_by(|a, b| a.1.cmp(&b.1));
    let mut sites = Vec::new();
    for (package, file) in files {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        if !text.contains("status_table!") {
            continue;
        }
        let tokens: TokenStream = text
            .parse()
            .map_err(|e| format!("{}: not valid Rust tokens: {e}", file.display()))?;
        let mut found = Vec::new();
        invocations_in(tokens, &mut found);
        for tokens in found {
            sites.push(InvocationSite {
                source: relative(&file, root),
                package_dir: package.clone(),
                invocation: invocation::parse(tokens.clone()),
                tokens,
            });
        }
    }
    Ok(sites)
}

/// The workspace's packages, relative to the root (`.` for the root
/// package), as the engine reads them from the manifests.
pub(crate) fn packages(root: &Path) -> Result<Vec<String>, String> {
    workspace::members(root)
}

/// Every `.rs` file under `dir`, skipping hidden folders.
fn collect_sources(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let kind = entry
            .file_type()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if kind.is_dir() {
            collect_sources(&path, files)?;
        } else if name.ends_with(".rs") {
            files.push(path);
        }
    }
    Ok(())
}

/// `status_table ! ( ... )` anywhere in the tokens, nested groups included.
fn invocations_in(tokens: TokenStream, found: &mut Vec<TokenStream>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        if let TokenTree::Group(group) = token {
            let is_call = i >= 2
                && matches!(&tokens[i - 2], TokenTree::Ident(name) if name == "status_table")
                && matches!(&tokens[i - 1], TokenTree::Punct(bang) if bang.as_char() == '!');
            if is_call {
                found.push(group.stream());
            } else {
                invocations_in(group.stream(), found);
            }
        }
    }
}

pub(crate) use workspace::relative;
