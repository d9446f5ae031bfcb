//! The engine of [status-table](https://crates.io/crates/status-table): a status-code
//! table in a Markdown or HTML document becomes a Rust enum.
//!
//! The pipeline is document → model → validation → tokens:
//!
//! 1. [`document::read`] finds every table and its rows, with byte offsets;
//! 2. [`validate::check`] picks the code and description columns, checks every
//!    row and builds a [`StatusTable`];
//! 3. [`expand::generate`] turns the model into tokens.
//!
//! [`expand()`] runs all three. Problems are values ([`Diagnostic`]), all of them at
//! once; this crate never panics on bad input and knows nothing of `proc_macro`,
//! so the macro, the CLI and build.rs share it and print the same errors.

pub mod build;
pub mod diagnostic;
pub mod document;
pub mod expand;
pub mod invocation;
pub mod model;
pub mod naming;
pub mod options;
pub mod resolve;
pub mod source;
pub mod validate;
pub mod vocabulary;

pub use diagnostic::Diagnostic;
pub use model::{Entry, StatusTable};
pub use options::{Gate, Options, TableSelector};
pub use source::{Location, Source};

use proc_macro2::TokenStream;

/// Documents larger than this are refused by [`expand()`]: a status table is a few
/// kilobytes, and a runaway file must not stall every build that includes it.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// The result of expanding one document.
#[derive(Debug, Clone)]
pub struct Expansion {
    /// The generated code. Always the promised type, even when there are
    /// diagnostics (then with only the rows that could be read), so that a
    /// wrong document gives its own errors and not a cascade of "cannot find type".
    pub tokens: TokenStream,
    /// The validated model the tokens were generated from.
    pub table: StatusTable,
    /// Every problem found, in document order; empty when all is well.
    pub diagnostics: Vec<Diagnostic>,
}

impl Expansion {
    /// Whether the document had no problem.
    pub fn is_ok(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// Expands the document at `path` (as the user wrote it; used in messages and
/// docs) whose content is `bytes`.
///
/// Documents over [`MAX_DOCUMENT_BYTES`] are refused with a diagnostic.
pub fn expand(path: &str, bytes: &[u8], options: &Options) -> Expansion {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        let diagnostic = Diagnostic::file(
            path,
            format!(
                "document is {} bytes, over the limit of {MAX_DOCUMENT_BYTES} bytes (16 MiB): expected a document of a reasonable size",
                bytes.len()
            ),
        );
        return placeholder(path, options, vec![diagnostic]);
    }
    match Source::new(path, bytes) {
        Ok(source) => expand_source(&source, options),
        Err(diagnostic) => placeholder(path, options, vec![diagnostic]),
    }
}

/// Expands an already decoded document.
pub fn expand_source(source: &Source, options: &Options) -> Expansion {
    let (document, mut diagnostics) = document::read(source);
    let (table, more) = validate::check(source, &document, options);
    diagnostics.extend(more);
    Expansion {
        tokens: expand::generate(&table, options),
        table,
        diagnostics: diagnostic::finish(diagnostics),
    }
}

/// The promised type with no variants, for when the document cannot be read
/// at all (missing, not UTF-8), together with the reasons.
pub fn placeholder(path: &str, options: &Options, diagnostics: Vec<Diagnostic>) -> Expansion {
    let table = StatusTable {
        type_name: options.type_name.clone(),
        path: path.to_owned(),
        title: None,
        entries: Vec::new(),
    };
    Expansion {
        tokens: expand::generate(&table, options),
        table,
        diagnostics,
    }
}
