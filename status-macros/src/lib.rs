//! The `status_table!` macro. See the [status-table](https://docs.rs/status-table)
//! crate for the guide.
//!
//! This crate is thin on purpose: the engine ([`status_codegen`]) parses the
//! invocation, checks the committed expansion and runs the one load step; this
//! crate turns its problems into compile errors and makes cargo rebuild when a
//! document changes.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use status_codegen::__private::{committed, expand_documents, placeholder, read_documents};
use status_codegen::invocation;
use status_codegen::load::{self, LoadedDocument};

/// Generates an enum from the status-code or error-code table of a Markdown or
/// HTML document.
///
/// ```ignore
/// status_table!("tables/evs_04_0039.md");
/// status_table!("tables/evs_04_0038.en.md", name = ErrorCode, other = Other);
/// ```
///
/// The bare form reads every code table of the document. Options follow the
/// path, separated by commas:
///
/// ```
/// # use status_macros::status_table;
/// status_table!(
///     "tables/evs_04_0039.md",
///     name = EvsAbnormal,                      // the type's name
///     vis = pub(crate),                        // its visibility
///     derive(serde::Serialize),                // extra derives (here: by variant name)
///     attr(allow(clippy::enum_variant_names)), // extra attributes (repeatable)
///     non_exhaustive,                          // #[non_exhaustive]
///     rename(413 = PayloadTooLarge),           // variant names, by code
///     section = "异常",                         // which table: or `table = 1`, `caption = "…"`
///     code_column = "错误码状态",               // the columns, when the header words
///     description_column = "描述",              //   are not recognised
///     doc = "The abnormal codes of the EVS API.", // text before the generated docs
/// );
///
/// assert_eq!(EvsAbnormal::PayloadTooLarge.description(), "overLimit");
/// assert_eq!(EvsAbnormal::ALL.len(), 16);
/// ```
///
/// (Through the facade crate, the same invocation is
/// `status_table::status_table!(…)`. Without the facade's feature `macros`,
/// that is a `macro_rules!` taking the same tokens, which includes the
/// expansion `status-table generate` committed and builds no proc macro: see
/// the `status-table` crate.)
///
/// # Options
///
/// | option | meaning | default |
/// |---|---|---|
/// | `name = Ident` | the enum's name; companions are `Unknown{Name}`, `Parse{Name}Error`, `{Name}Row` | `StatusCode`, or `ErrorCode` for error tables |
/// | `vis = pub(crate)` | visibility of the enum and its companion types | `pub` |
/// | `derive(Path, …)` | extra derives (each must be a path) | none |
/// | `attr(…)` | an extra attribute on the enum; repeatable | none |
/// | `non_exhaustive` | `#[non_exhaustive]` on the enum and its row struct (a row or a column the document gains is then not breaking; `status-core`'s types have it) | exhaustive |
/// | `rename(CODE = Ident, …)` | variant names by code: `413` or `"EVS.0001"` | from the description or reason (status, [the rule](https://github.com/status-table/status-table/blob/main/ARCHITECTURE.md#variant-names-of-status-tables)) or the code (error) |
/// | `kind = "status" \| "error"` | which kind of table, when a page has both | the kind the page has |
/// | `table = N` | only table `N`, **counting from 0 over every table of the document** (HTML and pipe, nested ones included) | every code table |
/// | `section = "…"`, `caption = "…"` | only the tables with this section / caption (`caption` matches with or without its `Table N`) | every code table |
/// | `code_column = "…"`, `status_column`, `reason_column`, `message_column`, `description_column`, `solution_column`, `module_column` | a column's role, by its header text, in every table | the recognised header words |
/// | `table(N, code_column = "…", …)` | the same for table `N` only; repeatable | |
/// | `accessor(method = "Header")` | a method for a column with no recognised role; a name the type has already (`code`, `position`, `description_in`, `ALL`, …) or given to two accessors is an error at the option | none |
/// | `doc = "…"` | documentation put before the generated docs; repeatable | none |
/// | `http` / `http = "feature"` | `http::StatusCode` conversions; always, or under that cargo feature of your crate | off |
/// | `serde` / `serde = "feature"` | `Serialize`/`Deserialize` (the number, or the code string) | off |
/// | `lang = "zh"` | the primary document's language (BCP 47) | none |
/// | `translation(en = "path", …)` | documents in other languages; repeatable | none |
/// | `fallback` | a translation that lags is no error: an empty translated cell, or a code one language lacks, takes the other language's texts, and the variant's docs say so (a different status for one code is still an error) | an error |
/// | `other = Ident` | a catch-all variant for codes the document does not list | none |
/// | `skip(CODE, …)` | leave these documented rows out (listed in the type's docs as skipped by the invocation) | every row |
/// | `status(CODE = 400, …)` | the HTTP status of a code's rows, for a status cell with a typo (`40`) | the status cell |
/// | `code("AS WRITTEN" = "CODE", …)` | the code of a cell with a typo (`"DCS. 4855" = "DCS.4855"`) | the code cell |
///
/// `code_column` names the column of codes: status codes, unless the table also has
/// an HTTP status column or `kind = "error"` is given (then error codes). A wrong
/// option is a compile error at the option, saying what was expected; every wrong
/// option is reported at once. A `rename` of a code the table lacks is an error at
/// that code. How columns get their roles, how tables are chosen and merged
/// and how variants are named is in [ARCHITECTURE.md](https://github.com/status-table/status-table/blob/main/ARCHITECTURE.md).
///
/// # Where the document is found, and the committed expansion
///
/// The path is resolved against the invoking crate's `CARGO_MANIFEST_DIR` (or
/// `STATUS_TABLE_MANIFEST_DIR` when set), then each parent directory up to
/// the root of the workspace the crate belongs to. The crate is rebuilt
/// whenever a document changes. When the crate's `generated/` folder holds the
/// expansion `status-table generate` wrote for this invocation, and its header
/// still names this macro, this invocation and these documents' bytes, and the
/// code below it is unedited, the macro hands rustc `include!` of that file
/// and does not read the documents' tables; otherwise it runs the engine. It
/// writes nothing. Every problem in a document or the invocation is a compile
/// error that names the file, line and column.
#[proc_macro]
pub fn status_table(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let manifest_dir = load::manifest_dir().unwrap_or_default();
    match expand(&input.into(), &manifest_dir) {
        // rustc lexes the text in one call; a token at a time across the
        // proc-macro bridge costs more than the engine on large documents.
        Output::Text(text) => text.parse().unwrap_or_else(|_| {
            quote!(::core::compile_error! {
                "status-table: the expansion does not lex (a bug: please report it)"
            })
            .into()
        }),
        Output::Tokens(tokens) => tokens.into(),
    }
}

/// The identity of this macro and its engine, which a committed expansion's
/// header must name for the macro to reuse it: `status-table generate` writes
/// this string (it is how the CLI learns it). Not part of the API.
#[doc(hidden)]
#[proc_macro]
pub fn __identity(_: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let identity = identity();
    quote!(#identity).into()
}

/// Both crates' versions and source hashes (from their build scripts).
fn identity() -> String {
    committed::identity(concat!(
        "status-macros ",
        env!("CARGO_PKG_VERSION"),
        " (source ",
        env!("STATUS_MACROS_SOURCE_HASH"),
        ")"
    ))
}

/// What the macro hands rustc: a clean expansion as text (every token at the
/// call site), or tokens: `include!` of the committed expansion, or, when
/// there are problems, tokens whose errors point into the invocation.
enum Output {
    Text(String),
    Tokens(TokenStream),
}

#[cfg(test)]
impl Output {
    fn into_tokens(self) -> TokenStream {
        match self {
            Output::Text(text) => text.parse().expect("the expansion lexes"),
            Output::Tokens(tokens) => tokens,
        }
    }
}

fn expand(input: &TokenStream, manifest_dir: &std::path::Path) -> Output {
    let invocation = invocation::parse(input.clone());
    let mut errors: Vec<TokenStream> = invocation
        .errors()
        .iter()
        .map(|e| compile_error(e.span(), e.message()))
        .collect();
    let Some(path) = &invocation.path() else {
        let code = placeholder("", invocation.options(), Vec::new())
            .tokens()
            .clone();
        return Output::Tokens(quote!(#(#errors)* #code));
    };
    let documents = read_documents(path, invocation.options(), manifest_dir);
    if errors.is_empty() {
        let options = invocation.options();
        let identity = identity();
        if let Some(file) = committed::find(
            manifest_dir,
            path,
            options,
            input,
            &identity,
            documents.list(),
        ) {
            // rustc tracks the included file: editing it rebuilds the crate,
            // and the macro checks it again.
            let file = file.to_string_lossy();
            let tracking = tracking(documents.list());
            return Output::Tokens(quote!(::core::include!(#file); #tracking));
        }
    }
    let loaded = expand_documents(path, invocation.options(), documents);
    let expansion = loaded.expansion();
    let code = expansion.tokens();
    let tracking = tracking(loaded.documents());
    if errors.is_empty() && expansion.is_ok() {
        return Output::Text(quote!(#code #tracking).to_string());
    }
    errors.extend(
        expansion
            .diagnostics()
            .iter()
            .map(|d| compile_error(invocation.path_span(), &d.to_string())),
    );
    errors.extend(
        expansion
            .invocation_errors()
            .iter()
            .map(|e| compile_error(e.span(), e.message())),
    );
    Output::Tokens(quote!(#(#errors)* #code #tracking))
}

/// `include_bytes!` of every document found, so that cargo rebuilds the crate
/// when one changes, and `option_env!` of the variable that can move them.
fn tracking(documents: &[LoadedDocument]) -> TokenStream {
    let paths = documents
        .iter()
        .filter_map(LoadedDocument::found)
        .map(|p| p.to_string_lossy().into_owned());
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
    //! committed file, apart from its header and the tracking item; and the
    //! three front ends print the same text for the same broken document.

    use std::path::Path;

    /// The messages of the `compile_error!`s the macro emits.
    fn compile_errors(tokens: &proc_macro2::TokenStream) -> Vec<String> {
        let file: syn::File = syn::parse2(tokens.clone()).expect("the expansion parses");
        file.items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Macro(m)
                    if m.mac.path.is_ident("compile_error")
                        || m.mac
                            .path
                            .segments
                            .last()
                            .is_some_and(|s| s.ident == "compile_error") =>
                {
                    let literal: syn::LitStr = m.mac.parse_body().expect("a string literal");
                    Some(literal.value())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_three_front_ends_print_the_same_diagnostics() {
        let root = status_testkit::Scratch::temp("status-table-three-front-ends");
        root.write("Cargo.toml", "[workspace]\nmembers = [\"probe\"]\n")
            .write("probe/Cargo.toml", "[package]\nname = \"probe\"\n")
            .write(
                "probe/src/lib.rs",
                "//! Probe.\nstatus_macros::status_table!(\"tables/broken.md\");\n",
            )
            // Two problems: a duplicate (with a second location) and a bad code.
            .write(
                "probe/tables/broken.md",
                "| Status Code | Description |\n|---|---|\n| 200 | OK |\n| 200 | OK |\n| 2x0 | Bad |\n",
            );
        let package = root.join("probe");

        let macro_errors = compile_errors(
            &super::expand(&quote::quote!("tables/broken.md"), &package).into_tokens(),
        );
        assert_eq!(macro_errors.len(), 2, "{macro_errors:#?}");

        let build = status_codegen::build_script::Generator::new("tables/broken.md")
            .generate_into(&package, &root.join("out.rs"))
            .unwrap_err();
        let build_errors: Vec<String> = build
            .diagnostics()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            build_errors, macro_errors,
            "build.rs prints what the macro prints"
        );

        let mut out = Vec::new();
        let mut err = Vec::new();
        let _ = status_cli::run(
            ["status-table", "check", "--root", &root.to_string_lossy()],
            &mut out,
            &mut err,
        );
        let cli = String::from_utf8(out).unwrap();
        for message in &macro_errors {
            // The CLI adds only rustc's `error: ` prefix.
            assert!(
                cli.contains(&format!("error: {message}\n")),
                "{cli}\n---\n{message}"
            );
        }
        assert!(
            macro_errors[0]
                .starts_with("tables/broken.md:4:3: duplicate status code 200 (first at line 3)")
        );
        assert!(
            macro_errors[1].starts_with("tables/broken.md:5:3: status code `2x0` is not a number")
        );
    }

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
            let loaded = status_codegen::load::load(
                site.invocation.path().unwrap(),
                site.invocation.options(),
                &manifest_dir,
            );
            let committed_path = root.join(status_cli::committed_path(&site).unwrap());
            let committed = std::fs::read_to_string(&committed_path)
                .unwrap_or_else(|e| panic!("{}: {e}", committed_path.display()));
            // The committed code is what the engine generates now ...
            let expanded = status_cli::format_tokens(loaded.expansion().tokens()).unwrap();
            assert_eq!(
                expanded,
                status_cli::body_of(&committed),
                "{}",
                committed_path.display()
            );
            // ... so the macro reuses it: `include!` of that very file, and
            // the documents tracked.
            let text = super::expand(&site.tokens, &manifest_dir)
                .into_tokens()
                .to_string();
            let file = committed_path.to_string_lossy().into_owned();
            let include = quote::quote!(::core::include!(#file);).to_string();
            assert!(text.starts_with(&include), "{}: {text}", site.source);
            assert!(!text.contains("compile_error"), "{}: {text}", site.source);
            for document in loaded.documents() {
                let found = document.found().unwrap().to_string_lossy();
                assert!(
                    text.contains(&format!("include_bytes ! ({found:?})")),
                    "{}: {found} is tracked: {text}",
                    site.source
                );
            }
        }
    }

    #[test]
    fn the_cli_writes_the_identity_the_macro_checks() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let committed =
            std::fs::read_to_string(root.join("status-core/generated/tables/evs_04_0039.md.rs"))
                .unwrap();
        let identity = super::identity();
        assert!(
            identity.starts_with("status-codegen 0.1.0 (source "),
            "{identity}"
        );
        assert!(
            identity.contains(", status-macros 0.1.0 (source "),
            "{identity}"
        );
        assert!(
            committed.contains(&format!("\n// engine:     {identity}\n")),
            "{committed}"
        );
    }
}
