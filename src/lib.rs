//! Rust enums generated from the status-code and error-code tables of API
//! documentation, so the published document stays the single source of truth.
//!
//! ```ignore
//! status_table::status_table!("tables/evs_04_0039.md");
//!
//! assert_eq!(StatusCode::from_code(413), Some(StatusCode::OverLimit));
//! assert_eq!(StatusCode::OverLimit.description(), "overLimit");
//! ```
//!
//! # Two forms of one macro
//!
//! `status_table!` takes the same tokens in two forms, chosen by this crate's
//! feature `macros`:
//!
//! - **`macros` on** (the default): the proc macro of `status-macros`. It reads
//!   the documents at build time, rebuilds the crate when one changes, and
//!   reports every problem in a document at its line. It reuses the expansion
//!   committed in `generated/` while that still matches.
//! - **`macros` off**: a `macro_rules!` that `include!`s the committed expansion
//!   `status-table generate` wrote, `{package}/generated/{path}.rs`, or
//!   `{package}/generated/{path}-{name}.rs` when the invocation has
//!   `name = …` (the path as written, extension included). Nothing is built
//!   but the calling crate: no proc macro, no parser. `status-table check`
//!   (in CI) fails when a file no longer matches its invocation and documents.
//!   When the file is missing, rustc says `couldn't read
//!   {package}/generated/…`: run `status-table generate` and commit the folder.
//!
//! A crate that others depend on (an SDK) takes the second form by default,
//! and its maintainers turn the first on with one feature of their own:
//!
//! ```toml
//! [dependencies]
//! status-table = { version = "0.1", default-features = false }
//!
//! [features]
//! # Read the documents at build time and rebuild when one changes (development, CI).
//! regenerate = ["status-table/macros"]
//! ```
//!
//! Its dependents then build neither the proc macro nor its parsers, and get
//! exactly the committed code. A feature is the same for every crate of a
//! build: when another crate of the build turns `macros` on, this crate's
//! invocations go through the proc macro too. It still reuses the committed
//! files while they match, and reads the documents otherwise, so keep them in
//! the package (`include = ["src/**", "generated/**", "tables/**"]`).
//! `status-core` is such a crate.
//!
//! The options, their meaning and defaults are documented on the proc macro
//! (`status_macros::status_table`).
#![no_std]
// docs.rs: each item shows the features it needs.
#![cfg_attr(docsrs, feature(doc_cfg))]

/// The proc macro (feature `macros`, on by default): the types are generated
/// from the documents at build time.
#[cfg(feature = "macros")]
pub use status_macros::status_table;

/// Includes the expansion `status-table generate` committed for this
/// invocation (this crate's feature `macros` is off): no proc macro, no
/// parser is built.
///
/// The file is `generated/{path}.rs` in the calling package, or
/// `generated/{path}-{name}.rs` when the invocation has `name = …`; the other
/// options are in that file already (`status-table check` fails when it no
/// longer matches the invocation or the documents). The same invocation with
/// the feature `macros` on reads the documents instead.
///
/// ```ignore
/// // includes generated/tables/evs_04_0038.en.md-ErrorCode.rs
/// status_table::status_table!("tables/evs_04_0038.en.md", lang = "en", name = ErrorCode);
/// ```
#[cfg(not(feature = "macros"))]
#[macro_export]
macro_rules! status_table {
    ($path:literal $(,)?) => {
        ::core::include!(::core::concat!(
            ::core::env!("CARGO_MANIFEST_DIR"),
            "/generated/",
            $path,
            ".rs"
        ));
    };
    ($path:literal, $($options:tt)+) => {
        $crate::__committed_expansion!($path; $($options)+);
    };
    ($($other:tt)*) => {
        ::core::compile_error!(
            "status_table!: expected the document's path as a string literal first, as in `status_table!(\"tables/codes.md\", name = ErrorCode)`"
        );
    };
}

/// The file of [`status_table!`]'s committed form: looks for `name = Ident`
/// among the options, an option at a time where it can.
#[cfg(not(feature = "macros"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __committed_expansion {
    ($path:literal; name = $name:ident $($rest:tt)*) => {
        ::core::include!(::core::concat!(
            ::core::env!("CARGO_MANIFEST_DIR"),
            "/generated/",
            $path,
            "-",
            ::core::stringify!($name),
            ".rs"
        ));
    };
    ($path:literal; $key:ident = $value:literal $(, $($rest:tt)*)?) => {
        $crate::__committed_expansion!($path; $($($rest)*)?);
    };
    ($path:literal; $skip:tt $($rest:tt)*) => {
        $crate::__committed_expansion!($path; $($rest)*);
    };
    ($path:literal;) => {
        ::core::include!(::core::concat!(
            ::core::env!("CARGO_MANIFEST_DIR"),
            "/generated/",
            $path,
            ".rs"
        ));
    };
}

/// The README's examples, compiled and run as doctests (they use the macro).
#[cfg(all(doctest, feature = "macros"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
