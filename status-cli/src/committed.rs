//! The committed expansions: one file per invocation, in the `generated/`
//! folder of the invoking package, each a header in the style of ucd-generate
//! (DO NOT EDIT, the command, the engine and macro identity, the invocation,
//! the documents and their hashes, the hash of the code, the rows as data for
//! `check`), then the formatted code. The header's format is the engine's
//! ([`status_codegen::__private::committed`]), since the macro reads it to reuse the file.
//!
//! Everything here is deterministic: no time, no absolute path, no map order.

use std::path::Path;

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use status_codegen::__private::committed::{self, Header, ROWS_HEADER};
use status_codegen::Options;
use status_codegen::load;
use status_codegen::model::Model;

use crate::contract::Row;
use crate::invocations::{InvocationSite, find_invocations, relative};

pub use status_codegen::__private::committed::{DIRECTORY, GENERATE_COMMAND, body_of};

/// The identity of the macro (and its engine) this CLI is built with, which a
/// committed file names: the macro reuses only a file naming its own.
pub(crate) const IDENTITY: &str = status_macros::__identity!();

/// What one committed file should hold.
#[derive(Debug, Clone)]
pub struct CommittedFile {
    /// Its path relative to the workspace root, e.g.
    /// `status-core/generated/tables/evs_04_0039.md.rs`.
    pub path: String,
    /// The whole file: header and code.
    pub contents: String,
    /// The Rust file of the invocation, relative to the workspace root
    /// (`status-core/src/lib.rs`).
    pub source: String,
    /// The model the code was generated from.
    pub model: Model,
    /// The invocation's options (`non_exhaustive`: adding a variant is then
    /// not breaking; `other`, `serde`, `http`: what a test of the type tries).
    pub options: Options,
    /// Problems in the documents or the invocation, each as printed; the file
    /// is not valid while there are any.
    pub problems: Vec<String>,
}

/// The files the workspace's invocations produce now, and every problem met
/// on the way (a problem in one invocation does not hide the others').
pub(crate) fn expected_files(root: &Path) -> Result<(Vec<CommittedFile>, Vec<String>), String> {
    let mut files: Vec<CommittedFile> = Vec::new();
    let mut problems = Vec::new();
    for site in find_invocations(root)? {
        let file = expected_file(root, &site)?;
        if let Some(twin) = files.iter().find(|f| f.path == file.path) {
            problems.push(format!(
                "error: two invocations would both write {} (one uses {}): give one of them another `name`",
                file.path,
                twin.model.path()
            ));
            continue;
        }
        files.push(file);
    }
    Ok((files, problems))
}

fn expected_file(root: &Path, site: &InvocationSite) -> Result<CommittedFile, String> {
    let invocation = &site.invocation;
    let mut problems: Vec<String> = invocation
        .errors()
        .iter()
        .map(|e| format!("error: {}: {}", site.locate(e.span()), e.message()))
        .collect();
    let written = invocation.path().unwrap_or_default();
    let package = root.join(&site.package_dir);
    let loaded = load::load(written, invocation.options(), &package);
    let expansion = &loaded.expansion();
    problems.extend(
        expansion
            .diagnostics()
            .iter()
            .map(|d| format!("error: {d}")),
    );
    problems.extend(
        expansion
            .invocation_errors()
            .iter()
            .map(|e| format!("error: {}: {}", site.locate(e.span()), e.message())),
    );
    // Through symlinks (status-core/tables -> ../tables), to the real file.
    let real = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let documents: Vec<(String, &[u8])> = loaded
        .documents()
        .iter()
        .map(|d| {
            let path = d.found().map_or_else(
                || d.written().to_owned(),
                |f| relative(&real(f), &real(root)),
            );
            (path, d.bytes().unwrap_or_default())
        })
        .collect();
    let code = format_tokens(expansion.tokens())?;
    let contents = render(site, &documents, expansion.model(), &code)?;
    let path = committed_path(site).unwrap_or_else(|| {
        if invocation.path().is_some() {
            problems.push(format!(
                "error: {}: no committed expansion can be kept for `{written}`: without its proc macro, `status_table!` reads `{DIRECTORY}/{written}.rs` in the package, and this path leaves the package (`..`, an absolute path) or names no file; expected the document's path from the package's directory or a parent of it up to the workspace root (the macro looks in each)",
                site.locate(invocation.path_span())
            ));
        }
        format!("{}/{DIRECTORY}/{written}.rs", site.package_dir)
    });
    Ok(CommittedFile {
        path,
        contents,
        source: site.source.clone(),
        model: expansion.model().clone(),
        options: invocation.options().clone(),
        problems,
    })
}

/// Where the expansion of an invocation is committed, relative to the root:
/// `{package}/generated/{document path}[-{name}].rs`
/// ([`status_codegen::__private::committed::file_name`]); `None` when the document's
/// path leaves the package's `generated/` folder (`..`, an absolute path).
pub fn committed_path(site: &InvocationSite) -> Option<String> {
    let document = site.invocation.path()?;
    let name = site.invocation.options().name();
    let file = format!("{DIRECTORY}/{}", committed::file_name(document, name)?);
    Some(if site.package_dir == "." {
        file
    } else {
        format!("{}/{file}", site.package_dir)
    })
}

/// The header, the rows block and the code of a committed file.
pub(crate) fn render(
    site: &InvocationSite,
    documents: &[(String, &[u8])],
    model: &Model,
    code: &str,
) -> Result<String, String> {
    let rows = model
        .rows()
        .into_iter()
        .map(|(variant, row)| serde_json::to_string(&Row::of(model, variant, row)))
        .collect::<Result<Vec<String>, _>>()
        .map_err(|e| format!("a row of {} is not JSON: {e}", model.path()))?;
    Ok(Header {
        identity: IDENTITY,
        source: &site.source,
        invocation: &committed::invocation_text(&site.tokens),
        documents,
        rows: &rows,
    }
    .render(code))
}

/// The rows block of a committed file; `None` when the file has none
/// (written by an older engine) or a row is not what this version writes
/// (another version wrote it, or it was edited): a row left out would read
/// as a code removed.
pub(crate) fn rows_of(contents: &str) -> Option<Vec<Row>> {
    let mut lines = contents.lines().skip_while(|l| *l != ROWS_HEADER);
    lines.next()?;
    lines
        .take_while(|l| l.starts_with("// {"))
        .map(|l| serde_json::from_str(&l[3..]).ok())
        .collect()
}

/// Tokens as formatted Rust, as rustfmt would lay them out.
pub fn format_tokens(tokens: &TokenStream) -> Result<String, String> {
    if let Some(code) = format_items(tokens) {
        return Ok(code);
    }
    // Not cut into items, or one of them does not parse: the whole file (its
    // parse error names what is wrong).
    let file: syn::File = syn::parse2(tokens.clone())
        .map_err(|e| format!("the generated code does not parse: {e}"))?;
    Ok(prettyplease::unparse(&file))
}

/// The tokens formatted a few items at a time, as prettyplease lays out a
/// file's items one after the other: the syntax tree of a whole large page's
/// code is most of the memory of writing it (a 20,000-row table: 1 GB in
/// one tree, 478 MB in pieces). An item ends at a `;`, or at a `{…}` that no
/// `;` follows (`const _: () = {…};` goes on to its `;`). `None` when the
/// tokens do not end with an item, or a piece does not parse: a cut in the
/// wrong place is never printed.
fn format_items(tokens: &TokenStream) -> Option<String> {
    let mut code = String::new();
    let mut item: Vec<TokenTree> = Vec::new();
    let is_semicolon = |tree: &TokenTree| matches!(tree, TokenTree::Punct(p) if p.as_char() == ';');
    let mut trees = tokens.clone().into_iter().peekable();
    while let Some(tree) = trees.next() {
        let ends = match &tree {
            TokenTree::Group(group) => {
                group.delimiter() == Delimiter::Brace && !trees.peek().is_some_and(is_semicolon)
            }
            tree => is_semicolon(tree),
        };
        item.push(tree);
        if ends {
            let file: syn::File = syn::parse2(item.drain(..).collect()).ok()?;
            code.push_str(&prettyplease::unparse(&file));
        }
    }
    item.is_empty().then_some(code)
}

/// The committed `.rs` files in the `generated/` folder of each package
/// (and of the root), relative to the root, sorted.
pub(crate) fn existing_files(root: &Path, packages: &[String]) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    let mut dirs: Vec<&str> = packages.iter().map(String::as_str).collect();
    dirs.push(".");
    dirs.sort_unstable();
    dirs.dedup();
    for package in dirs {
        let dir = root.join(package).join(DIRECTORY);
        if dir.is_dir() {
            walk(&dir, root, &mut found)?;
        }
    }
    found.sort();
    Ok(found)
}

fn walk(dir: &Path, root: &Path, found: &mut Vec<String>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            walk(&path, root, found)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(relative(&path, root));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::format_tokens;

    #[test]
    fn code_is_formatted_a_few_items_at_a_time_as_a_whole_file_would_be() {
        let format = |code: &str| format_tokens(&code.parse().unwrap());
        let code = "#![allow(dead_code)] /// One.
            fn one() -> u8 { 1 } const _: () = { }; struct Two(u8);";
        let expected = "#![allow(dead_code)]\n/// One.\nfn one() -> u8 {\n    1\n}\nconst _: () = {};\nstruct Two(u8);\n";
        assert_eq!(format(code).unwrap(), expected);
        // The whole file's formatting, as it was done before, is the oracle:
        // with items cut where they end, and where a cut would be wrong.
        for code in [
            code,
            "#![allow(dead_code)]",
            "",
            "impl A {} impl B { fn b() {} } use a::{b, c};",
            "const F: u8 = { 1 } + 2; enum E { A }",
        ] {
            let whole = prettyplease::unparse(&syn::parse_file(code).unwrap());
            assert_eq!(format(code).unwrap(), whole, "{code}");
        }
        assert!(format("fn").is_err());
    }
}
