//! The `status_table!` macro. See the [status-table](https://docs.rs/status-table)
//! crate for the guide.
//!
//! This crate is thin on purpose: the engine ([`status_codegen`]) parses the
//! invocation and runs the one load step; this crate turns its problems into
//! compile errors and makes cargo rebuild when a document changes.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use status_codegen::invocation;
use status_codegen::load::{self, Loaded};

/// Generates an enum from the status-code or error-code table of a Markdown or
/// HTML document.
///
/// ```ignore
/// status_table!("tables/evs_04_0039.md");
/// status_table!("tables/evs_04_0038.en.md", name = ErrorCode, other = Other);
/// ```
///
/// Options follow the path, separated by commas (the `status-table` crate's
/// README has the whole list): `name`, `vis`, `derive(…)`, `attr(…)`,
/// `non_exhaustive`, `rename(CODE = Name, …)`, `kind = "status" | "error"`,
/// `table = N` / `section = "…"` / `caption = "…"`, `code_column = "…"` and
/// the other `*_column` options, `table(N, *_column = "…")`,
/// `accessor(method = "Header")`, `doc = "…"`, `http`, `serde`, `lang = "…"`,
/// `translation(tag = "path")`, `fallback`, `other = Name`.
///
/// The path is resolved against the invoking crate's `CARGO_MANIFEST_DIR` (or
/// `STATUS_TABLE_MANIFEST_DIR` when set), then each parent directory up to
/// the root of the workspace the crate belongs to. The crate is rebuilt
/// whenever a document changes. Every problem in a document or the invocation
/// is a compile error that names the file, line and column.
#[proc_macro]
pub fn status_table(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    expand(
        input.into(),
        load::manifest_dir().unwrap_or_default().as_path(),
    )
    .into()
}

fn expand(input: TokenStream, manifest_dir: &std::path::Path) -> TokenStream {
    let invocation = invocation::parse(input);
    let mut errors: Vec<TokenStream> = invocation
        .errors
        .iter()
        .map(|e| compile_error(e.span, &e.message))
        .collect();
    let Some(path) = &invocation.path else {
        let code = status_codegen::placeholder("", &invocation.options, Vec::new()).tokens;
        return quote!(#(#errors)* #code);
    };
    let loaded = load::load(path, &invocation.options, manifest_dir);
    let expansion = &loaded.expansion;
    errors.extend(
        expansion
            .diagnostics
            .iter()
            .map(|d| compile_error(invocation.path_span, &d.to_string())),
    );
    errors.extend(
        expansion
            .invocation_errors
            .iter()
            .map(|e| compile_error(e.span, &e.message)),
    );
    let code = &expansion.tokens;
    let tracking = tracking(&loaded);
    quote!(#(#errors)* #code #tracking)
}

/// `include_bytes!` of every document found, so that cargo rebuilds the crate
/// when one changes, and `option_env!` of the variable that can move them.
fn tracking(loaded: &Loaded) -> TokenStream {
    let paths = loaded.tracked().map(|p| p.to_string_lossy().into_owned());
    let variable = load::MANIFEST_DIR_VARIABLE;
    quote! {
        const _: () = {
            #(let _ = ::core::include_bytes!(#paths);)*
            let _ = ::core::option_env!(#variable);
        };
    }
}

fn compile_error(span: Span, message: &str) -> TokenStream {
    quote_spanned!(span=> ::core::compile_error! { #message })
}

#[cfg(test)]
mod tests {
    //! The macro's expansion of every invocation in the workspace is the
    //! committed file, apart from its header and the tracking item.

    use std::path::Path;

    #[test]
    fn expansions_match_the_committed_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let sites = status_cli::find_invocations(root).unwrap();
        assert!(
            !sites.is_empty(),
            "the workspace invokes status_table! at least once"
        );
        for site in sites {
            let manifest_dir = root.join(&site.package_dir);
            let tokens = super::expand(site.tokens.clone(), &manifest_dir);
            let text = tokens.to_string();
            assert!(!text.contains("compile_error"), "{}: {text}", site.source);
            assert!(
                text.contains("include_bytes"),
                "{}: the document is tracked",
                site.source
            );
            let loaded = status_codegen::load::load(
                site.invocation.path.as_deref().unwrap(),
                &site.invocation.options,
                &manifest_dir,
            );
            let committed_path = root.join(status_cli::committed_path(
                &site,
                &loaded.expansion.model.type_name,
            ));
            let committed = std::fs::read_to_string(&committed_path)
                .unwrap_or_else(|e| panic!("{}: {e}", committed_path.display()));
            let expanded = status_cli::format_tokens(&loaded.expansion.tokens).unwrap();
            assert_eq!(
                expanded,
                status_cli::body_of(&committed),
                "{}",
                committed_path.display()
            );
            // The macro emits exactly that code, then the tracking item.
            let code = loaded.expansion.tokens.to_string();
            assert!(text.starts_with(&code), "{}", site.source);
        }
    }
}
