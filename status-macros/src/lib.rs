//! The `status_table!` macro. See the [status-table](https://docs.rs/status-table)
//! crate for the guide.
//!
//! This crate is thin on purpose: it hands the invocation to the engine
//! ([`status_codegen`]) to parse, finds the document, expands it, turns the
//! diagnostics into compile errors and makes cargo rebuild when the document
//! changes.

use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use status_codegen::{Diagnostic, invocation};

/// Generates an enum from the status-code table of a Markdown or HTML document.
///
/// ```ignore
/// status_table!("tables/evs_04_0039.md");
/// ```
///
/// Options follow the path, separated by commas:
///
/// | option | meaning | default |
/// |---|---|---|
/// | `name = EvsStatus` | the type's name; the error types are `UnknownEvsStatus` and `ParseEvsStatusError` | `StatusCode` |
/// | `vis = pub(crate)` | the visibility of the type and its error types | `pub` |
/// | `derive(serde::Serialize, …)` | extra derives on the enum | none |
/// | `attr(…)` | an extra attribute on the enum (repeatable) | none |
/// | `non_exhaustive` | puts `#[non_exhaustive]` on the enum | exhaustive |
/// | `rename(413 = PayloadTooLarge, …)` | variant names by code | from the description |
/// | `table = 1` / `section = "异常"` / `caption = "…"` | which table(s) to read | every table with a code and a description column |
/// | `code_column = "…"`, `description_column = "…"` | the columns, by header text | recognised header words |
/// | `doc = "…"` | text put before the generated documentation (repeatable) | none |
///
/// The path is resolved against the invoking crate's `CARGO_MANIFEST_DIR` (or
/// `STATUS_TABLE_MANIFEST_DIR` when set, for test harnesses such as trybuild and
/// for build systems other than cargo), then each parent directory up to the
/// workspace root. The crate is rebuilt whenever
/// the document changes. Every problem in the document or the invocation is a
/// compile error that names the file, line and column.
#[proc_macro]
pub fn status_table(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    // STATUS_TABLE_MANIFEST_DIR stands in for CARGO_MANIFEST_DIR where that is
    // not the crate's own directory: trybuild's generated test crates, and build
    // systems other than cargo.
    let manifest_dir = std::env::var_os("STATUS_TABLE_MANIFEST_DIR")
        .or_else(|| std::env::var_os("CARGO_MANIFEST_DIR"))
        .map(PathBuf::from)
        .unwrap_or_default();
    expand(invocation::parse(input.into()), &manifest_dir)
        .into_tokens()
        .into()
}

/// What the macro emits, in three parts so that tests can compare the code
/// with the committed expansion.
struct Output {
    /// `compile_error!`s, one per problem.
    errors: Vec<TokenStream>,
    /// The generated type.
    code: TokenStream,
    /// `include_bytes!` of the document, so that cargo tracks it.
    tracking: Option<TokenStream>,
}

impl Output {
    fn into_tokens(self) -> TokenStream {
        let Self {
            errors,
            code,
            tracking,
        } = self;
        quote! {
            #(#errors)*
            #code
            #tracking
        }
    }
}

fn expand(invocation: invocation::Invocation, manifest_dir: &Path) -> Output {
    let invocation::Invocation {
        path,
        path_span,
        options,
        errors,
    } = invocation;
    let mut compile_errors: Vec<TokenStream> = errors
        .iter()
        .map(|e| compile_error(e.span, &e.message))
        .collect();
    let Some(relative) = path else {
        return Output {
            errors: compile_errors,
            code: status_codegen::placeholder("", &options, Vec::new()).tokens,
            tracking: None,
        };
    };
    let (expansion, tracked) = match status_codegen::resolve::resolve(&relative, manifest_dir) {
        Err(tried) => {
            let mut diagnostic = Diagnostic::file(
                &relative,
                "document not found: expected a Markdown or HTML file at one of the paths tried",
            );
            for path in tried {
                diagnostic = diagnostic.with_note(format!("tried {}", path.display()));
            }
            (
                status_codegen::placeholder(&relative, &options, vec![diagnostic]),
                None,
            )
        }
        Ok(found) => match std::fs::read(&found) {
            Ok(bytes) => (
                status_codegen::expand(&relative, &bytes, &options),
                Some(found),
            ),
            Err(error) => {
                let what = if found.is_dir() {
                    "which is a directory: expected a Markdown or HTML file".to_owned()
                } else {
                    format!("which cannot be read: {error}")
                };
                let diagnostic = Diagnostic::file(
                    &relative,
                    format!("resolved to {}, {what}", found.display()),
                );
                (
                    status_codegen::placeholder(&relative, &options, vec![diagnostic]),
                    None,
                )
            }
        },
    };
    compile_errors.extend(
        expansion
            .diagnostics
            .iter()
            .map(|d| compile_error(path_span, &d.to_string())),
    );
    let tracking = tracked.map(|path| {
        let path = path.to_string_lossy().into_owned();
        quote!(
            const _: &[u8] = ::core::include_bytes!(#path);
        )
    });
    Output {
        errors: compile_errors,
        code: expansion.tokens,
        tracking,
    }
}

fn compile_error(span: Span, message: &str) -> TokenStream {
    quote_spanned!(span=> ::core::compile_error! { #message })
}

#[cfg(test)]
mod tests {
    //! The macro's expansion of every invocation in the workspace is the
    //! committed file in `generated/`, apart from its header and the tracking line.

    use std::path::Path;

    #[test]
    fn expansions_match_the_committed_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let uses = status_cli::find_uses(root).unwrap();
        assert!(
            !uses.is_empty(),
            "the workspace invokes status_table! at least once"
        );
        for found in uses {
            let output = super::expand(found.invocation.clone(), &root.join(&found.package_dir));
            assert!(
                output.errors.is_empty(),
                "{}: the invocation has errors",
                found.source
            );
            let tracking = output
                .tracking
                .expect("the document is tracked")
                .to_string();
            assert!(tracking.contains("include_bytes"), "{tracking}");
            let committed_path = root.join(status_cli::committed_path(&found));
            let committed = std::fs::read_to_string(&committed_path)
                .unwrap_or_else(|e| panic!("{}: {e}", committed_path.display()));
            let expanded = status_cli::format_tokens(&output.code).unwrap();
            assert_eq!(
                expanded,
                status_cli::body_of(&committed),
                "{}",
                committed_path.display()
            );
        }
    }
}
