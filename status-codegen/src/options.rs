//! What the user can choose about the generated type. Front ends fill this in
//! (the macro from its arguments, the CLI from flags, build.rs from a builder).

use proc_macro2::TokenStream;
use quote::quote;

/// Which of a document's tables to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableSelector {
    /// The n-th table of the document, counting from 0.
    Index(usize),
    /// The table whose caption is this text.
    Caption(String),
    /// The tables whose section (list item, caption or heading) is this text.
    Section(String),
}

/// When an optional trait implementation is emitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    /// Always: the invoking crate depends on the library.
    Always,
    /// Under `#[cfg(feature = "...")]` of the invoking crate.
    Feature(String),
}

/// Options for one generated type. `Options::default()` is the bare
/// `status_table!("path")`.
#[derive(Debug, Clone)]
pub struct Options {
    /// The enum's name; the error types are named after it.
    pub type_name: String,
    /// The visibility of the enum and its error types, e.g. `pub(crate)`.
    pub visibility: TokenStream,
    /// Extra derives, as paths (`serde::Serialize`).
    pub derives: Vec<TokenStream>,
    /// Extra attributes on the enum, each the tokens inside `#[...]`.
    pub attributes: Vec<TokenStream>,
    /// Put `#[non_exhaustive]` on the enum.
    pub non_exhaustive: bool,
    /// Variant names chosen by the user, by code.
    pub renames: Vec<(u16, String)>,
    /// Only read these tables; `None` reads every table with a code and a
    /// description column.
    pub tables: Option<TableSelector>,
    /// The header of the code column, when the recognised words do not fit.
    pub code_column: Option<String>,
    /// The header of the description column, when the recognised words do not fit.
    pub description_column: Option<String>,
    /// Text put before the generated documentation of the enum.
    pub doc: Option<String>,
    /// Conversions to and from `http::StatusCode` (the caller depends on `http`).
    pub http: Option<Gate>,
    /// `serde` as the number (the caller depends on `serde`).
    pub serde: Option<Gate>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            type_name: "StatusCode".to_owned(),
            visibility: quote!(pub),
            derives: Vec::new(),
            attributes: Vec::new(),
            non_exhaustive: false,
            renames: Vec::new(),
            tables: None,
            code_column: None,
            description_column: None,
            doc: None,
            http: None,
            serde: None,
        }
    }
}
