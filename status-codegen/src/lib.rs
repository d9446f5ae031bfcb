//! The engine of [status-table](https://crates.io/crates/status-table): the
//! status-code and error-code tables of a Markdown or HTML document become a
//! Rust enum.
//!
//! The pipeline is document → model → validation → tokens:
//!
//! 1. the document stage renders the document as a reader sees it and finds
//!    every table, its rows and the text introducing it, with source offsets;
//! 2. validation maps each table's columns to roles, chooses the code tables,
//!    checks every row and builds a [`Model`];
//! 3. expansion turns the model into tokens.
//!
//! [`expand()`] runs all three on bytes; [`load::load`] is the one step every
//! front end calls (resolve the path, read, expand, say what to track);
//! [`check_all`] and [`load::load_checked`] stop before the tokens, for a
//! front end that shows the model (`inspect`). The fixes a problem proposes
//! are tried by validating again what was read, several at once where they
//! cannot touch each other, so a page with problems costs about what it costs
//! without them.
//! Problems are values ([`Diagnostic`]), all of them at once; this crate
//! never panics on bad input and knows nothing of `proc_macro`, so the macro, the
//! CLI and build.rs share it and print the same errors.
//!
//! # Public API
//!
//! Use [status-table](https://crates.io/crates/status-table) (the macro) or
//! its CLI; this crate is what they are made of. What build scripts and
//! front ends need is public and documented here:
//!
//! - [`build_script::Generator`], for a `build.rs`;
//! - [`load`], the load step (and the path resolution it uses), with the
//!   [`Options`] an [`invocation`] parses into;
//! - [`model`], the model the CLI's `inspect` prints, and [`Diagnostic`];
//! - [`committed`], the committed expansions' header, which the CLI writes
//!   and the macro reads.
//!
//! The stages themselves (the document reader, the source map, the
//! diagnostics collector, the benchmarks' `stages`) are public only for this
//! workspace's tests, benchmarks and fuzzer: they are hidden from these docs
//! and, like all of this crate beyond the list above, exempt from semver (as
//! sqlx-macros-core is): a 0.x release may change them.

pub mod build_script;
mod cells;
mod columns;
pub mod committed;
pub mod diagnostic;
#[doc(hidden)]
pub mod document;
mod expand;
pub mod fix;
pub mod invocation;
pub mod load;
pub mod model;
mod naming;
pub mod options;
mod pipeline;
#[doc(hidden)]
pub mod source;
#[doc(hidden)]
pub mod source_hash;
mod suggest;
mod translate;
mod trials;
mod validate;
mod vocabulary;
pub mod workspace;

pub use diagnostic::{Diagnostic, InvocationError};
pub use fix::Fix;
pub use model::{Kind, Model};
pub use options::{Condition, Interop, Options, TableSelector};
pub use source::Location;
#[doc(hidden)]
pub use source::Source;

use proc_macro2::TokenStream;

use diagnostic::Diagnostics;

/// Documents larger than this are refused: a code table is a few hundred
/// kilobytes at most, and a runaway file must not stall every build.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// The result of expanding a document.
#[derive(Debug, Clone)]
pub struct Expansion {
    /// The generated code. Always the promised type, even when there are
    /// problems (then with only the rows that could be read), so that a wrong
    /// document gives its own errors and not a cascade of "cannot find type".
    pub tokens: TokenStream,
    /// The validated model the tokens were generated from.
    pub model: Model,
    /// Every problem found in the documents, in file and document order, capped.
    pub diagnostics: Vec<Diagnostic>,
    /// Problems with the invocation's options that only the documents revealed.
    pub invocation_errors: Vec<InvocationError>,
}

impl Expansion {
    /// Whether nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.diagnostics.is_empty() && self.invocation_errors.is_empty()
    }
}

/// A document's path (as the user wrote it; used in messages and docs) and
/// its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The path as written.
    pub path: &'a str,
    /// The content.
    pub bytes: &'a [u8],
}

/// Expands the document at `path` whose content is `bytes`.
pub fn expand(path: &str, bytes: &[u8], options: &Options) -> Expansion {
    expand_all(Input { path, bytes }, &[], options)
}

/// Expands a document and its translations (in the order of
/// `options.translations`). A problem that proposes a fix keeps it only when,
/// with the fix applied, the documents validated again no longer have that
/// problem and keep every code (see [`fix`]).
pub fn expand_all(primary: Input<'_>, translations: &[Input<'_>], options: &Options) -> Expansion {
    check_all(primary, translations, options).generate(options)
}

/// [`expand_all`] without generating the code: the model and every problem.
/// For front ends that show the model (`inspect`): on a large page, the code
/// is most of the time and memory an expansion takes.
pub fn check_all(primary: Input<'_>, translations: &[Input<'_>], options: &Options) -> Checked {
    let pages = pipeline::Pages::read(primary, translations, options);
    let mut checked = pages.check(options);
    let codes = checked.model.codes();
    // A fix is tried by validating again what was read, not by reading again.
    fix::verify(&mut checked.diagnostics, options, &codes, |fixed| {
        let trial = pages.check(fixed);
        fix::Trial {
            codes: trial.model.codes(),
            diagnostics: trial.diagnostics,
        }
    });
    checked
}

/// A document checked but not generated: what [`check_all`] gives.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The validated model.
    pub model: Model,
    /// Every problem found in the documents, in file and document order, capped.
    pub diagnostics: Vec<Diagnostic>,
    /// Problems with the invocation's options that only the documents revealed.
    pub invocation_errors: Vec<InvocationError>,
}

impl Checked {
    /// The expansion: the code generated from the model, with every problem.
    pub fn generate(self, options: &Options) -> Expansion {
        Expansion {
            tokens: expand::generate(&self.model, options),
            model: self.model,
            diagnostics: self.diagnostics,
            invocation_errors: self.invocation_errors,
        }
    }

    /// Whether nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.diagnostics.is_empty() && self.invocation_errors.is_empty()
    }
}

/// The document as text, or why it cannot be (too large, not UTF-8).
fn decode(input: Input<'_>, diagnostics: &mut Diagnostics) -> Option<Source> {
    if input.bytes.len() > MAX_DOCUMENT_BYTES {
        diagnostics.push(Diagnostic::file(
            input.path,
            format!(
                "document is {} bytes, over the limit of {MAX_DOCUMENT_BYTES} bytes (16 MiB): expected a document of a reasonable size",
                input.bytes.len()
            ),
        ));
        return None;
    }
    match Source::new(input.path, input.bytes) {
        Ok(source) => Some(source),
        Err(error) => {
            diagnostics.push(Diagnostic::at(
                &error.prefix,
                error.offset,
                format!(
                    "document is not valid UTF-8: invalid byte 0x{:02X} at byte offset {}; expected UTF-8 text",
                    error.byte, error.offset
                ),
            ));
            None
        }
    }
}

/// The promised type with no variants, for when a document cannot be read at
/// all (missing, not UTF-8), together with the reasons.
pub fn placeholder(path: &str, options: &Options, diagnostics: Vec<Diagnostic>) -> Expansion {
    unread(path, options, diagnostics).generate(options)
}

/// [`placeholder`] without the code.
pub fn unread(path: &str, options: &Options, diagnostics: Vec<Diagnostic>) -> Checked {
    Checked {
        model: validate::empty(path, options),
        diagnostics,
        invocation_errors: Vec::new(),
    }
}

/// The pipeline's stages one at a time, for the benchmarks; not part of the
/// stable API.
#[doc(hidden)]
pub mod stages {
    use proc_macro2::TokenStream;

    use crate::diagnostic::Diagnostics;
    use crate::document::Document;
    use crate::model::Model;
    use crate::options::Options;
    use crate::source::Source;

    /// The document stage: render, parse, read the tables.
    pub fn read(source: &Source) -> Document {
        crate::document::read(source, &mut Diagnostics::new())
    }

    /// Validation: the model of a document already read.
    pub fn check(source: &Source, document: &Document, options: &Options) -> Model {
        crate::validate::check(
            source,
            document,
            options,
            crate::validate::Purpose::Primary,
            &mut crate::validate::Findings::default(),
        )
    }

    /// Expansion: the tokens of a model.
    pub fn generate(model: &Model, options: &Options) -> TokenStream {
        crate::expand::generate(model, options)
    }

    /// The HTML parse alone, into the tree the document stage reads (the
    /// benchmarks' parse baseline).
    pub use crate::document::dom::{Element, Node, parse as parse_html};
}
