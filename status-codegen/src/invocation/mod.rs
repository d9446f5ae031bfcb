//! The invocation: `"path"` followed by options, as written in
//! `status_table!(...)`, parsed with syn. Parsed here rather than in the macro
//! so that the CLI, which finds invocations in source files, reads them exactly
//! as the macro does. Every bad option is reported, each at its own tokens.
//!
//! ```text
//! status_table!(
//!     "tables/evs_04_0039.md",
//!     name = EvsStatus,                  // the type's name
//!     vis = pub(crate),                  // its visibility
//!     derive(serde::Serialize),          // extra derives (paths)
//!     attr(allow(dead_code)),            // extra attributes, repeatable
//!     non_exhaustive,                    // #[non_exhaustive]
//!     rename(413 = PayloadTooLarge),     // variant names by code
//!     rename("EVS.0001" = BadTenant),    //   (a string for error codes)
//!     kind = "error",                    // status or error tables
//!     table = 1,                         // or section = "异常", caption = "…"
//!     code_column = "状态码",            // columns by header, every table
//!     table(2, code_column = "错误码"),  //   or one table
//!     accessor(grpc = "gRPC Status"),    // a method for an unrecognised column
//!     doc = "Status codes of the EVS API.",
//!     http = "http", serde = "serde",    // interop, under those features
//!     lang = "zh", translation(en = "tables/evs_04_0039.en.md"), fallback,
//!     other = Other,                     // a catch-all variant
//!     skip("EVS.0099"),                  // rows left out, by code
//!     status("AOS.1001" = 400),          // a status cell's typo
//!     code("DCS. 4855" = "DCS.4855"),    // a code cell's typo
//! );
//! ```

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use syn::LitStr;
use syn::parse::{ParseStream, Parser};

use crate::diagnostic::InvocationError;
use crate::options::Options;

mod options;

/// The options the invocation accepts, for messages.
const OPTION_NAMES: &[&str] = &[
    "name",
    "vis",
    "derive",
    "attr",
    "non_exhaustive",
    "rename",
    "kind",
    "table",
    "section",
    "caption",
    "code_column",
    "status_column",
    "reason_column",
    "message_column",
    "description_column",
    "solution_column",
    "module_column",
    "accessor",
    "doc",
    "http",
    "serde",
    "lang",
    "translation",
    "fallback",
    "other",
    "skip",
    "status",
    "code",
];

/// Options that may be given more than once.
const REPEATABLE: &[&str] = &[
    "derive",
    "attr",
    "rename",
    "accessor",
    "doc",
    "translation",
    "skip",
    "status",
    "code",
];

/// Names the generated type's inherent impl has already (methods, their
/// `_in(lang)` twins, the private `position`, associated constants); an
/// accessor taking one would be rustc's E0592 in the generated code, so it is
/// an error at the option instead.
const RESERVED_METHODS: &[&str] = &[
    "code",
    "from_code",
    "name",
    "rows",
    "position",
    "reason",
    "message",
    "description",
    "solution",
    "module",
    "section",
    "reason_in",
    "message_in",
    "description_in",
    "solution_in",
    "module_in",
    "section_in",
    "ALL",
    "LANGS",
    "DISPLAYS",
    "ROWS",
    "REASON_IN",
    "MESSAGE_IN",
    "DESCRIPTION_IN",
    "SOLUTION_IN",
    "MODULE_IN",
    "SECTION_IN",
    "http_status",
    "http_statuses",
    "http_status_code",
    "is_informational",
    "is_success",
    "is_redirection",
    "is_client_error",
    "is_server_error",
];

/// A parsed invocation. Parsing goes on past errors, so that the type can still
/// be generated under the name the user chose.
#[derive(Debug, Clone)]
pub struct Invocation {
    pub(crate) path: Option<String>,
    pub(crate) path_span: Span,
    pub(crate) options: Options,
    pub(crate) errors: Vec<InvocationError>,
}

/// Parses the tokens inside `status_table!(...)`.
pub fn parse(tokens: TokenStream) -> Invocation {
    let mut args = split_commas(tokens).into_iter();
    let mut invocation = Invocation {
        path: None,
        path_span: Span::call_site(),
        options: Options::default(),
        errors: Vec::new(),
    };
    match args.next().filter(|a| !a.is_empty()) {
        None => invocation.error(
            Span::call_site(),
            "expected a string literal: the path of a Markdown or HTML document, e.g. status_table!(\"tables/evs_04_0039.md\")",
        ),
        Some(first) => invocation.read_path(first),
    }
    let mut seen: Vec<(&'static str, Span)> = Vec::new();
    for arg in args.filter(|a| !a.is_empty()) {
        let span = arg
            .clone()
            .into_iter()
            .next()
            .map_or_else(Span::call_site, |t| t.span());
        let parsed = parse_at(arg, span, |input| {
            options::option(input, &mut invocation.options, &mut seen)
        });
        if let Err(error) = parsed {
            for error in error {
                invocation.error(error.span(), error.to_string());
            }
        }
    }
    invocation
}

/// Parses `tokens` with `parser`, an error at their end located at `at`.
///
/// syn puts an error at the end of input on the parse's scope, the whole
/// invocation for `parse2`: parsed inside a group spanning `at`, that scope is
/// the option (or list item), where every other error already is, so no error
/// needs telling apart by its text.
pub(crate) fn parse_at<T>(
    tokens: TokenStream,
    at: Span,
    parser: impl FnOnce(ParseStream<'_>) -> syn::Result<T>,
) -> syn::Result<T> {
    let mut scoped = Group::new(Delimiter::Parenthesis, tokens);
    scoped.set_span(at);
    (|input: ParseStream<'_>| {
        let content;
        syn::parenthesized!(content in input);
        parser(&content)
    })
    .parse2(TokenTree::Group(scoped).into())
}

impl Invocation {
    /// The document path as written, if the first argument is a string literal.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The span of the path literal (or of the whole invocation).
    pub fn path_span(&self) -> Span {
        self.path_span
    }

    /// The options, with defaults for those not given or not understood.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Every problem found.
    pub fn errors(&self) -> &[InvocationError] {
        &self.errors
    }

    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.errors.push(InvocationError::new(span, message));
    }

    fn read_path(&mut self, tokens: TokenStream) {
        let span = tokens
            .clone()
            .into_iter()
            .next()
            .map_or_else(Span::call_site, |t| t.span());
        self.path_span = span;
        let parsed = (|input: ParseStream<'_>| {
            let path: LitStr = input.parse().map_err(|e| {
                syn::Error::new(e.span(), "expected a string literal: the path of a Markdown or HTML document, e.g. status_table!(\"tables/evs_04_0039.md\")")
            })?;
            Ok((path, input.parse::<TokenStream>()?))
        })
        .parse2(tokens);
        match parsed {
            Ok((path, rest)) => {
                if path.value().is_empty() {
                    self.error(span, "the document path is empty: expected a path such as \"tables/evs_04_0039.md\"");
                } else {
                    self.path = Some(path.value());
                }
                if let Some(extra) = rest.into_iter().next() {
                    self.error(extra.span(), "unexpected tokens after the document path: expected `,` and options, or nothing");
                }
            }
            Err(error) => self.error(error.span(), error.to_string()),
        }
    }
}

/// Splits a token stream at its top-level commas.
fn split_commas(tokens: TokenStream) -> Vec<TokenStream> {
    let mut parts = vec![Vec::new()];
    for token in tokens {
        match &token {
            TokenTree::Punct(p) if p.as_char() == ',' => parts.push(Vec::new()),
            _ => parts.last_mut().expect("never empty").push(token),
        }
    }
    parts.into_iter().map(|p| p.into_iter().collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Role};
    use crate::options::{Condition, TableSelector};
    use quote::quote;

    fn messages(invocation: &Invocation) -> Vec<String> {
        invocation
            .errors
            .iter()
            .map(|e| e.message.clone())
            .collect()
    }

    #[test]
    fn the_bare_form_is_a_path() {
        let invocation = parse(quote!("tables/evs_04_0039.md"));
        assert_eq!(invocation.path.as_deref(), Some("tables/evs_04_0039.md"));
        assert!(invocation.errors.is_empty());
        assert_eq!(invocation.options.type_name, None);
    }

    /// syn's error at the end of an option's tokens has no token to point
    /// at: it is on the option (or its closing parenthesis), told apart by no
    /// message text (`tests/ui/option_cut_short.rs` shows where).
    #[test]
    fn an_option_cut_short_is_one_error() {
        for (tokens, expected) in [
            (quote!("a.md", name =), "expected a type name"),
            (quote!("a.md", kind), "expected `kind = <value>`"),
            (quote!("a.md", accessor(grpc =)), "expected string literal"),
            (
                quote!("a.md", table(2, code_column =)),
                "expected string literal",
            ),
        ] {
            let invocation = parse(tokens.clone());
            let messages = messages(&invocation);
            assert_eq!(messages.len(), 1, "{tokens}: {messages:?}");
            assert!(messages[0].contains(expected), "{tokens}: {messages:?}");
        }
    }

    #[test]
    fn every_option_is_read() {
        let invocation = parse(quote!(
            "a.md",
            name = EvsStatus,
            vis = pub(crate),
            derive(Default, serde::Serialize),
            attr(allow(dead_code)),
            non_exhaustive,
            rename(413 = PayloadTooLarge, "EVS.0001" = BadTenant),
            section = "异常",
            code_column = "状态码",
            description_column = "描述",
            table(2, code_column = "错误码", solution_column = "处理措施"),
            accessor(grpc = "gRPC Status Code"),
            kind = "error",
            doc = "First.",
            doc = "Second.",
            http,
            serde = "serde",
            lang = "zh",
            translation(en = "a.en.md"),
            translation("zh-Hant" = "a.hant.md"),
            fallback,
            other = Other,
        ));
        assert!(invocation.errors.is_empty(), "{:?}", messages(&invocation));
        let o = &invocation.options;
        assert_eq!(o.type_name.as_deref(), Some("EvsStatus"));
        assert_eq!(o.visibility.to_string(), "pub (crate)");
        assert_eq!(o.derives.len(), 2);
        assert_eq!(o.attributes[0].to_string(), "allow (dead_code)");
        assert!(o.non_exhaustive);
        let renames: Vec<(&str, &str)> = o
            .renames
            .iter()
            .map(|r| (r.code.as_str(), r.name.as_str()))
            .collect();
        assert_eq!(
            renames,
            [("413", "PayloadTooLarge"), ("EVS.0001", "BadTenant")]
        );
        assert_eq!(o.tables, Some(TableSelector::Section("异常".to_owned())));
        assert_eq!(o.columns.get(Role::Code), Some("状态码"));
        assert_eq!(o.columns.get(Role::Description), Some("描述"));
        assert_eq!(o.table_columns[0].0, 2);
        assert_eq!(o.table_columns[0].1.get(Role::Solution), Some("处理措施"));
        assert_eq!(o.accessors[0].name, "grpc");
        assert_eq!(o.kind, Some(Kind::Error));
        assert_eq!(o.doc.as_deref(), Some("First.\nSecond."));
        assert_eq!(o.http, Some(Condition::Always));
        assert_eq!(o.serde, Some(Condition::Feature("serde".to_owned())));
        assert_eq!(o.lang.as_deref(), Some("zh"));
        let langs: Vec<&str> = o.translations.iter().map(|t| t.lang.as_str()).collect();
        assert_eq!(langs, ["en", "zh-Hant"]);
        assert!(o.fallback);
        assert_eq!(o.other.as_ref().map(|(n, _)| n.as_str()), Some("Other"));
    }

    #[test]
    fn options_print_as_the_invocation_reads_them() {
        let tokens = quote!(
            "a.md",
            name = EvsStatus,
            vis = pub(crate),
            derive(Default, serde::Serialize),
            attr(allow(dead_code)),
            non_exhaustive,
            rename(413 = PayloadTooLarge, "EVS.0001" = BadTenant, "0413" = Padded),
            section = "异常 \"x\"",
            code_column = "状态码",
            table(2, code_column = "错误码", solution_column = "处理措施"),
            accessor(grpc = "gRPC Status Code"),
            kind = "error",
            doc = "First.",
            doc = "Second.",
            http,
            serde = "serde",
            lang = "zh",
            translation(en = "a.en.md"),
            translation("zh-Hant" = "a.hant.md"),
            fallback,
            other = Other,
            skip("EVS.0099"),
            status("AOS.1001" = 400),
            code("DCS. 4855" = "DCS.4855"),
        );
        let first = parse(tokens);
        assert!(first.errors.is_empty(), "{:?}", messages(&first));
        let printed = first.options.to_string();
        let again = parse(format!("\"a.md\", {printed}").parse().unwrap());
        assert!(again.errors.is_empty(), "{printed}: {:?}", messages(&again));
        assert_eq!(again.options.to_string(), printed);
        assert!(
            printed.starts_with("name = EvsStatus, vis = pub (crate), "),
            "{printed}"
        );
        assert!(
            printed.contains("rename(413 = PayloadTooLarge, "),
            "{printed}"
        );
        assert!(printed.contains(", \"0413\" = Padded)"), "{printed}");
        assert!(
            printed.contains("derive(Default, serde::Serialize)"),
            "{printed}"
        );
        assert!(
            printed.contains("translation(\"zh-Hant\" = \"a.hant.md\")"),
            "{printed}"
        );
        assert!(
            printed.contains("doc = \"First.\", doc = \"Second.\""),
            "{printed}"
        );
        assert_eq!(Options::default().to_string(), "");
    }

    /// The names of the inherent items (methods and constants) the generated
    /// code gives `name`.
    fn inherent_items(tokens: TokenStream, name: &str) -> Vec<String> {
        let file: syn::File = syn::parse2(tokens).expect("the expansion parses");
        let mut found = Vec::new();
        collect_inherent(file.items, name, &mut found);
        found
    }

    /// The items of `items` and of the `const _: () = { … };` blocks among
    /// them (where the `http` and `serde` impls are emitted).
    fn collect_inherent(items: Vec<syn::Item>, name: &str, found: &mut Vec<String>) {
        for item in items {
            if let syn::Item::Const(constant) = &item
                && let syn::Expr::Block(block) = &*constant.expr
            {
                let inner = block
                    .block
                    .stmts
                    .iter()
                    .filter_map(|stmt| match stmt {
                        syn::Stmt::Item(item) => Some(item.clone()),
                        _ => None,
                    })
                    .collect();
                collect_inherent(inner, name, found);
                continue;
            }
            let syn::Item::Impl(block) = item else {
                continue;
            };
            let own = block.trait_.is_none()
                && matches!(&*block.self_ty, syn::Type::Path(p) if p.path.is_ident(name));
            if !own {
                continue;
            }
            for item in block.items {
                match item {
                    syn::ImplItem::Fn(f) => found.push(f.sig.ident.to_string()),
                    syn::ImplItem::Const(c) => found.push(c.ident.to_string()),
                    _ => {}
                }
            }
        }
    }

    /// `RESERVED_METHODS` is what the generated inherent impls hold: every
    /// method and constant of a status type and of an error type, with every
    /// text, two languages, a catch-all and `http`, is listed, and every name
    /// listed is one of them.
    #[test]
    fn reserved_methods_are_the_generated_ones() {
        let status = "| Status Code | Reason | Message | Description | Solution | Module |\n|---|---|---|---|---|---|\n| 200 | OK | m | d | s | x |\n";
        let error = "| Error Code | HTTP Status | Reason | Message | Description | Solution | Module |\n|---|---|---|---|---|---|---|\n| E.1 | 400 | r | m | d | s | x |\n";
        let mut generated: Vec<String> = Vec::new();
        for (text, name) in [(status, "StatusCode"), (error, "ErrorCode")] {
            for options in [
                quote!("a.md", lang = "en", http),
                quote!("a.md", lang = "en", other = Other, http),
            ] {
                let invocation = parse(options);
                assert!(invocation.errors.is_empty());
                let expansion = crate::expand("a.md", text.as_bytes(), &invocation.options);
                assert!(expansion.is_ok(), "{:?}", expansion.diagnostics());
                generated.extend(inherent_items(expansion.tokens, name));
            }
        }
        for name in &generated {
            assert!(
                RESERVED_METHODS.contains(&name.as_str()),
                "`{name}` is generated but not reserved"
            );
        }
        for name in RESERVED_METHODS {
            assert!(
                generated.iter().any(|g| g == name),
                "`{name}` is reserved but never generated"
            );
        }
    }

    #[test]
    fn malformed_invocations_are_errors_not_panics() {
        let cases = [
            (quote!(), "expected a string literal"),
            (quote!(tables / x), "expected a string literal"),
            (
                quote!("a.md" extra),
                "unexpected tokens after the document path",
            ),
            (quote!("a.md", colour = 1), "unknown option `colour`"),
            (quote!("a.md", name = "Quoted"), "expected a type name"),
            (quote!("a.md", name = match), "expected a type name"),
            (quote!("a.md", name = gen), "is a keyword"),
            (quote!("a.md", name = 状态码), "`状态码` is not ASCII"),
            (quote!("a.md", rename(413 = 超限)), "`超限` is not ASCII"),
            (quote!("a.md", vis = private), "expected a visibility"),
            (quote!("a.md", table = "x"), "expected the table's index"),
            (quote!("a.md", rename(413 = fn)), "expected a variant name"),
            (
                quote!("a.md", rename(x = Big)),
                "expected `CODE = VariantName`",
            ),
            (
                quote!("a.md", table = 1, section = "x"),
                "both choose the table",
            ),
            (quote!("a.md", name = A, name = B), "given twice"),
            (quote!("a.md", non_exhaustive = true), "takes no value"),
            (quote!("a.md", derive()), "is empty"),
            (quote!("a.md", derive(1)), "expected a path"),
            (quote!("a.md", doc = ""), "non-empty string literal"),
            (quote!(""), "path is empty"),
            (quote!(b"a.md"), "expected a string literal"),
            (quote!("a.md", http = 1), "expected `http` alone"),
            (quote!("a.md", serde(x)), "expected `serde` alone"),
            (quote!("a.md", kind = "both"), "unknown kind"),
            (quote!("a.md", lang = "e n"), "not a language tag"),
            (quote!("a.md", accessor(code = "X")), "has already"),
            (quote!("a.md", accessor(position = "X")), "has already"),
            (quote!("a.md", accessor(section_in = "X")), "has already"),
            (quote!("a.md", accessor(ALL = "X")), "has already"),
            (
                quote!("a.md", accessor(grpc = "X"), accessor(grpc = "Y")),
                "`grpc` is named by another accessor",
            ),
            (
                quote!("a.md", accessor(grpc = "X", grpc = "Y")),
                "`grpc` is named by another accessor",
            ),
            (
                quote!("a.md", table(1, colour = "X")),
                "cannot be given for one table",
            ),
        ];
        for (tokens, expected) in cases {
            let text = tokens.to_string();
            let invocation = parse(tokens);
            let found = messages(&invocation);
            assert!(
                found.iter().any(|m| m.contains(expected)),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn every_bad_option_is_reported_and_the_name_survives() {
        let invocation = parse(quote!("a.md", name = Evs, bogus, derive(1, 2), vis = x));
        assert_eq!(invocation.options.type_name.as_deref(), Some("Evs"));
        // bogus, both derive items, vis
        assert_eq!(invocation.errors.len(), 4, "{:?}", messages(&invocation));
    }
}
