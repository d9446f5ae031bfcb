//! What the command line's arguments mean beyond their grammar: the
//! `--options` text read as the macro reads an invocation (its problems
//! located in that text), the current folder, the workspace root.

use std::path::{Path, PathBuf};

use status_codegen::InvocationError;
use status_codegen::invocation::Invocation;

use crate::invocations::workspace_root;

/// The `--root` given, or the workspace found from the current folder.
pub(crate) fn with_root(root: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(root) = root {
        return Ok(root);
    }
    workspace_root(&current_dir()?)
}

pub(crate) fn current_dir() -> Result<PathBuf, String> {
    std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))
}

/// The invocation `status_table!("document", options)` as the macro would
/// see it. Errors in the options are located in the `--options` text.
pub(crate) fn invocation_of(
    document: &Path,
    options: &str,
) -> Result<(String, Invocation), String> {
    let path = document.to_string_lossy().replace('\\', "/");
    let tokens: proc_macro2::TokenStream = options
        .parse()
        .map_err(|e| format!("--options is not valid Rust tokens: {e}"))?;
    let invocation = status_codegen::invocation::parse(
        quote_path(&path)
            .into_iter()
            .chain(comma(&tokens))
            .chain(tokens)
            .collect(),
    );
    Ok((path, invocation))
}

fn quote_path(path: &str) -> proc_macro2::TokenStream {
    proc_macro2::TokenTree::Literal(proc_macro2::Literal::string(path)).into()
}

fn comma(options: &proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    if options.is_empty() {
        proc_macro2::TokenStream::new()
    } else {
        proc_macro2::TokenTree::Punct(proc_macro2::Punct::new(',', proc_macro2::Spacing::Alone))
            .into()
    }
}

/// The path a problem in the `--options` text is located in.
pub(crate) const OPTIONS: &str = "--options";

/// The line and column (both from 1) of a span in the options text.
pub(crate) fn option_position(span: proc_macro2::Span) -> (usize, usize) {
    let start = span.start();
    (start.line, start.column + 1)
}

/// A problem of the options text as printed: `--options:LINE:COL: message`.
pub(crate) fn option_error(error: &InvocationError) -> String {
    let (line, column) = option_position(error.span());
    format!("{OPTIONS}:{line}:{column}: {}", error.message())
}
