//! The `status_table!` macro. See the [status-table](https://docs.rs/status-table)
//! crate for the guide.
//!
//! This crate is thin on purpose: it parses the invocation, finds the document,
//! calls the engine ([`status_codegen`]), turns its diagnostics into compile
//! errors and makes cargo rebuild when the document changes.

mod resolve;

use std::path::PathBuf;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use status_codegen::{Diagnostic, Expansion, Options};
use syn::LitStr;
use syn::parse::{Parse, ParseStream};

/// Generates an enum from the status-code table of a Markdown or HTML document.
///
/// ```ignore
/// status_table!("tables/evs_04_0039.md");
/// ```
///
/// The path is resolved against the invoking crate's `CARGO_MANIFEST_DIR`, then
/// each parent directory up to the workspace root. The crate is rebuilt whenever
/// the document changes. See the `status-table` crate for the generated API.
#[proc_macro]
pub fn status_table(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    match syn::parse::<Invocation>(input) {
        Ok(invocation) => expand(&invocation).into(),
        Err(error) => {
            let placeholder = status_codegen::placeholder("", &Options::default(), Vec::new());
            let error = error.to_compile_error();
            let tokens = placeholder.tokens;
            quote!(#error #tokens).into()
        }
    }
}

/// `"path"`: the document to read.
struct Invocation {
    path: LitStr,
    options: Options,
}

impl Parse for Invocation {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                "expected a string literal: the path of a Markdown or HTML document, e.g. status_table!(\"tables/evs_04_0039.md\")",
            )
        })?;
        let _ = input.parse::<Option<syn::Token![,]>>()?;
        if !input.is_empty() {
            return Err(
                input.error("unexpected tokens after the document path: expected nothing more")
            );
        }
        Ok(Self {
            path,
            options: Options::default(),
        })
    }
}

fn expand(invocation: &Invocation) -> TokenStream {
    let relative = invocation.path.value();
    let span = invocation.path.span();
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let found = match resolve::resolve(&relative, &manifest_dir) {
        Ok(found) => found,
        Err(tried) => {
            let mut diagnostic = Diagnostic::file(
                &relative,
                "document not found: expected a Markdown or HTML file at one of the paths tried",
            );
            for path in tried {
                diagnostic = diagnostic.with_note(format!("tried {}", path.display()));
            }
            let expansion =
                status_codegen::placeholder(&relative, &invocation.options, vec![diagnostic]);
            return finish(expansion, span, None);
        }
    };
    let expansion = match std::fs::read(&found) {
        Ok(bytes) => status_codegen::expand(&relative, &bytes, &invocation.options),
        Err(error) => {
            let what = if found.is_dir() {
                "is a directory: expected a Markdown or HTML file".to_owned()
            } else {
                format!("cannot be read: {error}")
            };
            let diagnostic = Diagnostic::file(&relative, format!("{} {what}", found.display()));
            status_codegen::placeholder(&relative, &invocation.options, vec![diagnostic])
        }
    };
    finish(expansion, span, found.is_file().then_some(found))
}

/// The generated type, the compile errors, and the line that makes cargo track
/// the document.
fn finish(expansion: Expansion, span: Span, tracked: Option<PathBuf>) -> TokenStream {
    let errors = expansion
        .diagnostics
        .iter()
        .map(|d| syn::Error::new(span, d.to_string()).to_compile_error());
    let tracking = tracked.map(|path| {
        let path = path.to_string_lossy().into_owned();
        quote!(
            const _: &[u8] = ::core::include_bytes!(#path);
        )
    });
    let tokens = expansion.tokens;
    quote! {
        #(#errors)*
        #tokens
        #tracking
    }
}
