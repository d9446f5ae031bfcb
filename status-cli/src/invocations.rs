//! Finding the tables the workspace uses: every `status_table!` invocation in
//! the library sources (`src/` of each package), read with the engine's own
//! invocation parser. Tests, examples and benches are not scanned: their
//! invocations (some deliberately wrong) are not part of any published API.

use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream, TokenTree};
use status_codegen::invocation::{self, Invocation};
use status_codegen::load::is_workspace_root;

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

/// The nearest directory at or above `start` whose `Cargo.toml` has `[workspace]`.
pub fn workspace_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| is_workspace_root(dir))
        .map(Path::to_path_buf)
}

/// Every invocation under `root`, in path order.
pub fn find_invocations(root: &Path) -> Result<Vec<InvocationSite>, String> {
    let mut files = Vec::new();
    collect_sources(root, root, &mut files)?;
    files.sort();
    let mut sites = Vec::new();
    for file in files {
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
        let package = package_dir(&file, root);
        for tokens in found {
            sites.push(InvocationSite {
                source: relative(&file, root),
                package_dir: relative(&package, root),
                invocation: invocation::parse(tokens.clone()),
                tokens,
            });
        }
    }
    Ok(sites)
}

/// Every package directory under `root` (the root included when it is one),
/// relative to the root.
pub(crate) fn packages(root: &Path) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        if dir.join("Cargo.toml").is_file() {
            found.push(relative(&dir, root));
        }
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let path = entry.path();
            let nested = path != root && is_workspace_root(&path);
            if entry.file_type().is_ok_and(|t| t.is_dir())
                && !name.starts_with('.')
                && name != "target"
                && !nested
            {
                dirs.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// `.rs` files under a `src/` directory, skipping build output and hidden folders.
fn collect_sources(root: &Path, dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "target" {
            continue;
        }
        let kind = entry
            .file_type()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if kind.is_dir() {
            // A nested workspace (cargo-fuzz's, say) is not this workspace.
            if path != root && is_workspace_root(&path) {
                continue;
            }
            collect_sources(root, &path, files)?;
        } else if name.ends_with(".rs")
            && path
                .strip_prefix(root)
                .is_ok_and(|p| p.components().any(|c| c.as_os_str() == "src"))
        {
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

/// The directory of the nearest `Cargo.toml` above `file`.
fn package_dir(file: &Path, root: &Path) -> PathBuf {
    file.ancestors()
        .skip(1)
        .take_while(|dir| dir.starts_with(root))
        .find(|dir| dir.join("Cargo.toml").is_file())
        .unwrap_or(root)
        .to_path_buf()
}

/// `path` relative to `root`, with `/` separators on every platform.
pub(crate) fn relative(path: &Path, root: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}
