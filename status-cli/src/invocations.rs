//! Finding the tables the workspace uses: every `status_table!` invocation in
//! the library sources (`src/` of each package), read with the engine's own
//! invocation parser. Tests, examples and benches are not scanned: their
//! invocations (some deliberately wrong) are not part of any published API.
//! Each invocation keeps the byte ranges of its statement and of each
//! argument, from the tokenizer, so that `sync` edits a file there and only
//! there (strings, raw strings and comments are the tokenizer's business).

use std::ops::Range;
use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream, TokenTree};
use status_codegen::__private::workspace;
use status_codegen::invocation::{self, Invocation};

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
    /// The bytes of the whole statement in the file, from the macro's path
    /// (`status_table::status_table`) to the `;` after it, if any.
    pub statement: Range<usize>,
    /// Each argument inside the parentheses, the document's path first.
    pub arguments: Vec<Argument>,
}

/// One comma-separated argument of an invocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Argument {
    /// Its first word (`name`, `translation`, `fallback`); empty for the path.
    pub key: String,
    /// Its bytes in the file, commas and surrounding space excluded.
    pub range: Range<usize>,
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
        for call in found {
            sites.push(InvocationSite {
                source: relative(&file, root),
                package_dir: package.clone(),
                invocation: invocation::parse(call.tokens.clone()),
                arguments: arguments(call.tokens.clone()),
                tokens: call.tokens,
                statement: call.statement,
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

/// A call found in a file: the tokens inside its parentheses and the bytes
/// of its statement.
struct Call {
    tokens: TokenStream,
    statement: Range<usize>,
}

/// `status_table ! ( ... )` anywhere in the tokens, nested groups included.
fn invocations_in(tokens: TokenStream, found: &mut Vec<Call>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        if let TokenTree::Group(group) = token {
            let is_call = i >= 2
                && matches!(&tokens[i - 2], TokenTree::Ident(name) if name == "status_table")
                && is_punct(&tokens[i - 1], '!');
            if is_call {
                let end = match tokens.get(i + 1) {
                    Some(semi) if is_punct(semi, ';') => semi.span().byte_range().end,
                    _ => group.span().byte_range().end,
                };
                found.push(Call {
                    tokens: group.stream(),
                    statement: path_start(&tokens, i - 2)..end,
                });
            } else {
                invocations_in(group.stream(), found);
            }
        }
    }
}

fn is_punct(token: &TokenTree, c: char) -> bool {
    matches!(token, TokenTree::Punct(p) if p.as_char() == c)
}

/// The first byte of the macro's path ending with the ident at `at`
/// (`::status_table::status_table`).
fn path_start(tokens: &[TokenTree], mut at: usize) -> usize {
    let colons =
        |at: usize| at >= 2 && is_punct(&tokens[at - 1], ':') && is_punct(&tokens[at - 2], ':');
    while colons(at) && at >= 3 && matches!(tokens[at - 3], TokenTree::Ident(_)) {
        at -= 3;
    }
    if colons(at) {
        at -= 2;
    }
    tokens[at].span().byte_range().start
}

/// The top-level arguments of an invocation, split at its commas.
fn arguments(tokens: TokenStream) -> Vec<Argument> {
    let mut arguments = Vec::new();
    let mut current: Vec<TokenTree> = Vec::new();
    let mut close = |current: &mut Vec<TokenTree>| {
        if let (Some(first), Some(last)) = (current.first(), current.last()) {
            arguments.push(Argument {
                key: match first {
                    TokenTree::Ident(ident) => ident.to_string(),
                    _ => String::new(),
                },
                range: first.span().byte_range().start..last.span().byte_range().end,
            });
        }
        current.clear();
    };
    for token in tokens {
        if is_punct(&token, ',') {
            close(&mut current);
        } else {
            current.push(token);
        }
    }
    close(&mut current);
    arguments
}

pub(crate) use workspace::relative;

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(text: &str) -> Vec<(String, Vec<(String, String)>)> {
        let mut found = Vec::new();
        invocations_in(text.parse().unwrap(), &mut found);
        found
            .into_iter()
            .map(|call| {
                let arguments = arguments(call.tokens)
                    .into_iter()
                    .map(|a| (a.key, text[a.range].to_owned()))
                    .collect();
                (text[call.statement].to_owned(), arguments)
            })
            .collect()
    }

    #[test]
    fn statements_and_arguments_are_the_tokenizers_byte_ranges() {
        // A raw string with `)` and a quote, a comment naming the macro, a
        // nested module, non-ASCII text before: none of it misleads the ranges.
        let text = "//! Ünïcode: status_table!(\"no.md\");\n\
            mod m {\n    /* status_table!(\"x.md\") */\n    ::status_table::status_table!(\"tables/状态码.md\", doc = r#\"a) \"b\"#, translation(en = \"e.md\"),);\n}\n\
            status_macros::status_table!(\"b.md\", fallback)\n";
        let found = calls(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].0,
            "::status_table::status_table!(\"tables/状态码.md\", doc = r#\"a) \"b\"#, translation(en = \"e.md\"),);"
        );
        let keys: Vec<(&str, &str)> = found[0]
            .1
            .iter()
            .map(|(k, t)| (k.as_str(), t.as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                ("", "\"tables/状态码.md\""),
                ("doc", "doc = r#\"a) \"b\"#"),
                ("translation", "translation(en = \"e.md\")"),
            ]
        );
        assert_eq!(
            found[1].0,
            "status_macros::status_table!(\"b.md\", fallback)"
        );
        assert_eq!(
            found[1].1[1],
            ("fallback".to_owned(), "fallback".to_owned())
        );
    }
}
