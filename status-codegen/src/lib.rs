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
//! its CLI; this crate is what they are made of. What a build script and a
//! tool need is public, documented here, and follows semver:
//!
//! - [`build_script::Generator`], for a `build.rs`;
//! - [`Options`], as [`invocation::parse`] reads them from the macro's
//!   syntax or as the `with_…` methods build them, printed back as written;
//!   with [`TableSelector`], [`Condition`] and [`Interop`];
//! - [`load`], the load step and the path resolution it uses; [`expand()`],
//!   [`expand_all`] and [`check_all`] on bytes already read, giving an
//!   [`Expansion`] or a [`Checked`];
//! - the [`model`] they hold, what `inspect` prints: [`Model::kind`],
//!   [`Model::variants`], [`model::Variant::code`], [`Model::rows`],
//!   [`model::Row::line`], texts by [`Text`], tables and columns by [`Role`];
//! - [`Diagnostic`] (located by a [`Location`]), [`InvocationError`], and
//!   the [`Fix`] a diagnostic offers.
//!
//! Every struct is read through methods; its fields are the engine's own.
//!
//! The rest (the document reader, the source map, the diagnostics
//! collector, the committed expansions' header, workspace resolution, the
//! load step's two halves, the benchmarks' stages) is reachable only through
//! `__private`, for this workspace's front ends: hidden from these docs and,
//! as sqlx-macros-core's internals are, exempt from semver.

pub mod build_script;
mod cells;
mod columns;
mod committed;
mod diagnostic;
mod document;
mod expand;
mod expansion;
mod fix;
pub mod invocation;
pub mod load;
pub mod model;
mod naming;
mod options;
mod pipeline;
mod source;
mod source_hash;
mod suggest;
mod translate;
mod trials;
mod validate;
mod vocabulary;
mod workspace;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use diagnostic::{Diagnostic, InvocationError, Related};
pub use expansion::{Checked, Expansion, Input};
pub use fix::{Clash, Fix};
pub use model::{Kind, Model, Role, Text};
pub use options::{Condition, Interop, Options, TableSelector, Translation};
pub use source::Location;

/// Expands the document at `path` whose content is `bytes`.
pub fn expand(path: &str, bytes: &[u8], options: &Options) -> Expansion {
    expand_all(Input::new(path, bytes), &[], options)
}

/// Expands a document and its translations (in the order of
/// `options.translations()`). A problem that proposes a [`Fix`] keeps it only
/// when, with the fix applied, the documents validated again no longer have
/// that problem and keep every code.
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
