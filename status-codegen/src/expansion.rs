//! What checking and expanding documents give: the model, every problem, and
//! the code. Read through methods; built only by the engine.

use proc_macro2::TokenStream;

use crate::diagnostic::{Diagnostic, InvocationError};
use crate::model::Model;
use crate::options::Options;

/// A document's path (as the user wrote it; used in messages and docs) and
/// its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub(crate) path: &'a str,
    pub(crate) bytes: &'a [u8],
}

impl<'a> Input<'a> {
    /// The document at `path` (as written, for messages), whose content is
    /// `bytes`.
    pub fn new(path: &'a str, bytes: &'a [u8]) -> Self {
        Self { path, bytes }
    }
}

/// The result of expanding a document: what was checked, and the code.
#[derive(Debug, Clone)]
pub struct Expansion {
    pub(crate) checked: Checked,
    pub(crate) tokens: TokenStream,
}

impl Expansion {
    /// The generated code. Always the promised type, even when there are
    /// problems (then with only the rows that could be read), so that a wrong
    /// document gives its own errors and not a cascade of "cannot find type".
    pub fn tokens(&self) -> &TokenStream {
        &self.tokens
    }

    /// What was checked before the code was generated: the model and every
    /// problem (its accessors are repeated here).
    pub fn checked(&self) -> &Checked {
        &self.checked
    }

    /// The validated model the tokens were generated from.
    pub fn model(&self) -> &Model {
        self.checked.model()
    }

    /// Every problem found in the documents, in file and document order, capped.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.checked.diagnostics()
    }

    /// Problems with the invocation's options that only the documents revealed.
    pub fn invocation_errors(&self) -> &[InvocationError] {
        self.checked.invocation_errors()
    }

    /// Whether nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.checked.is_ok()
    }
}

/// A document checked but not generated: what [`check_all`](crate::check_all)
/// gives.
#[derive(Debug, Clone)]
pub struct Checked {
    pub(crate) model: Model,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) invocation_errors: Vec<InvocationError>,
}

impl Checked {
    /// The validated model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Every problem found in the documents, in file and document order, capped.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Problems with the invocation's options that only the documents revealed.
    pub fn invocation_errors(&self) -> &[InvocationError] {
        &self.invocation_errors
    }

    /// Whether nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.diagnostics.is_empty() && self.invocation_errors.is_empty()
    }

    /// The expansion: the code generated from the model, with every problem.
    pub fn generate(self, options: &Options) -> Expansion {
        Expansion {
            tokens: crate::expand::generate(&self.model, options),
            checked: self,
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
        model: crate::validate::empty(path, options),
        diagnostics,
        invocation_errors: Vec::new(),
    }
}
