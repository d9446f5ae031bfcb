//! For this workspace's front ends (status-macros, status-cli, the
//! benchmarks, the fuzzer and the tests) and no one else: what they need
//! beyond the public API. Hidden from the docs and exempt from semver, as
//! sqlx-macros-core's internals are: any release may change it.

pub use crate::diagnostic::{Diagnostics, MAX_DIAGNOSTICS};
pub use crate::expansion::{placeholder, unread};
pub use crate::load::documents::{Documents, expand_documents, read_documents};
pub use crate::pipeline::MAX_DOCUMENT_BYTES;
pub use crate::source::{NotUtf8, Source};
pub use crate::source_hash::source_hash;

/// The committed expansions: their path, their header's writer (the CLI)
/// and its reader (the macro).
pub mod committed {
    pub use crate::committed::*;
}

/// The workspace a package belongs to and its packages, from the manifests.
pub mod workspace {
    pub use crate::workspace::*;
}

/// The document stage: a document read into plain tables of text.
pub mod document {
    pub use crate::document::*;
}

/// The pipeline's stages one at a time, for the benchmarks.
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
