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
//! );
//! ```

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, LitInt, LitStr, Token};

use crate::diagnostic::InvocationError;
use crate::model::{Kind, Role};
use crate::naming;
use crate::options::{Accessor, ColumnChoice, Gate, Options, Rename, TableSelector, Translation};

/// The options the invocation accepts, for messages.
pub const OPTION_NAMES: &[&str] = &[
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
];

/// Options that may be given more than once.
const REPEATABLE: &[&str] = &["derive", "attr", "rename", "accessor", "doc", "translation"];

/// Method names the generated type has already; an accessor may not take them.
const RESERVED_METHODS: &[&str] = &[
    "code",
    "from_code",
    "name",
    "rows",
    "reason",
    "message",
    "description",
    "solution",
    "module",
    "section",
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
    /// The document path as written, if the first argument is a string literal.
    pub path: Option<String>,
    /// The span of the path literal (or of the whole invocation).
    pub path_span: Span,
    /// The options, with defaults for those not given or not understood.
    pub options: Options,
    /// Every problem found.
    pub errors: Vec<InvocationError>,
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
        Some(first) => invocation.path(first),
    }
    let mut seen: Vec<(&'static str, Span)> = Vec::new();
    for arg in args.filter(|a| !a.is_empty()) {
        let span = arg
            .clone()
            .into_iter()
            .next()
            .map_or_else(Span::call_site, |t| t.span());
        let parsed = (|input: ParseStream<'_>| option(input, &mut invocation.options, &mut seen))
            .parse2(arg);
        if let Err(error) = parsed {
            for error in error {
                // At the end of an option, syn has no token to point at.
                let at = if error.to_string().contains("end of input") {
                    span
                } else {
                    error.span()
                };
                invocation.error(at, error.to_string());
            }
        }
    }
    invocation
}

impl Invocation {
    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.errors.push(InvocationError::new(span, message));
    }

    fn path(&mut self, tokens: TokenStream) {
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

fn option(
    input: ParseStream<'_>,
    options: &mut Options,
    seen: &mut Vec<(&'static str, Span)>,
) -> syn::Result<()> {
    let key = input.call(Ident::parse_any).map_err(|e| {
        syn::Error::new(
            e.span(),
            format!(
                "expected an option name, one of: {}",
                OPTION_NAMES.join(", ")
            ),
        )
    })?;
    let key_text = key.to_string();
    let Some(&name) = OPTION_NAMES.iter().find(|n| **n == key_text) else {
        return Err(syn::Error::new(
            key.span(),
            format!(
                "unknown option `{key_text}`: expected one of {}",
                OPTION_NAMES.join(", ")
            ),
        ));
    };
    once(name, &key, input, seen)?;
    match name {
        "non_exhaustive" | "fallback" => {
            if !input.is_empty() {
                return Err(input.error(format!("`{name}` takes no value: write it alone")));
            }
            if name == "fallback" {
                options.fallback = true;
            } else {
                options.non_exhaustive = true;
            }
        }
        "http" | "serde" => {
            let gate = if input.is_empty() {
                Gate::Always
            } else {
                let feature = (|| {
                    input.parse::<Token![=]>()?;
                    non_empty(&input.parse::<LitStr>()?)
                })()
                .map_err(|e| syn::Error::new(e.span(), format!("expected `{name}` alone, or `{name} = \"feature\"` to emit the impls under that cargo feature")))?;
                Gate::Feature(feature)
            };
            if name == "http" {
                options.http = Some(gate);
            } else {
                options.serde = Some(gate);
            }
        }
        "derive" | "attr" | "rename" | "accessor" | "translation" => {
            list(name, &key, input, options)?;
        }
        "table" if input.peek(syn::token::Paren) => table_group(input, options)?,
        _ => {
            input
                .parse::<Token![=]>()
                .map_err(|e| syn::Error::new(e.span(), format!("expected `{name} = <value>`")))?;
            value(name, input, options)?;
        }
    }
    if !input.is_empty() {
        return Err(
            input.error("unexpected tokens after the option: expected `,` and the next option")
        );
    }
    Ok(())
}

/// Reports an option given twice, or two options that both choose the table.
fn once(
    name: &'static str,
    key: &Ident,
    input: ParseStream<'_>,
    seen: &mut Vec<(&'static str, Span)>,
) -> syn::Result<()> {
    let group = name == "table" && input.peek(syn::token::Paren);
    if !REPEATABLE.contains(&name) && !group && seen.iter().any(|(n, _)| *n == name) {
        return Err(syn::Error::new(
            key.span(),
            format!("option `{name}` is given twice: expected it at most once"),
        ));
    }
    let selects = |n: &str| matches!(n, "table" | "section" | "caption");
    if selects(name)
        && !group
        && let Some((other, _)) = seen.iter().find(|(n, _)| selects(n))
    {
        return Err(syn::Error::new(
            key.span(),
            format!("`{name}` and `{other}` both choose the table: expected only one of them"),
        ));
    }
    if !group {
        seen.push((name, key.span()));
    }
    Ok(())
}

fn value(name: &str, input: ParseStream<'_>, options: &mut Options) -> syn::Result<()> {
    match name {
        "name" | "other" => {
            let ident = identifier(
                input,
                match name {
                    "name" => "expected a type name, e.g. `name = EvsStatus`",
                    _ => "expected the catch-all variant's name, e.g. `other = Other`",
                },
            )?;
            if name == "name" {
                options.type_name = Some(ident.to_string());
            } else {
                options.other = Some((ident.to_string(), ident.span()));
            }
        }
        "vis" => {
            let vis: syn::Visibility = input.parse().map_err(|e| syn::Error::new(e.span(), "expected a visibility: `pub`, `pub(crate)`, `pub(super)`, `pub(self)` or `pub(in path)`"))?;
            if matches!(vis, syn::Visibility::Inherited) {
                return Err(input.error("expected a visibility: `pub`, `pub(crate)`, `pub(super)`, `pub(self)` or `pub(in path)`"));
            }
            options.visibility = quote::ToTokens::to_token_stream(&vis);
        }
        "table" => {
            let index: LitInt = input.parse().map_err(|e| syn::Error::new(e.span(), "expected the table's index in the document, counting from 0 over every table, e.g. `table = 1`"))?;
            options.tables = Some(TableSelector::Index(index.base10_parse()?));
        }
        "kind" => {
            let kind: LitStr = input.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected `kind = \"status\"` or `kind = \"error\"`",
                )
            })?;
            options.kind = Some(match kind.value().as_str() {
                "status" => Kind::Status,
                "error" => Kind::Error,
                other => {
                    return Err(syn::Error::new(
                        kind.span(),
                        format!(
                            "unknown kind `{other}`: expected `kind = \"status\"` or `kind = \"error\"`"
                        ),
                    ));
                }
            });
        }
        "lang" => {
            let tag: LitStr = input.parse()?;
            options.lang = Some(language_tag(&tag.value(), tag.span())?);
        }
        _ => {
            let text = input
                .parse::<LitStr>()
                .and_then(|l| non_empty(&l))
                .map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        format!("expected a non-empty string literal, e.g. `{name} = \"...\"`"),
                    )
                })?;
            match name {
                "section" => options.tables = Some(TableSelector::Section(text)),
                "caption" => options.tables = Some(TableSelector::Caption(text)),
                "doc" => {
                    let doc = options.doc.get_or_insert_with(String::new);
                    if !doc.is_empty() {
                        doc.push('\n');
                    }
                    doc.push_str(&text);
                }
                column => {
                    let role = column_role(column).expect("every other option is a column");
                    options.columns.set(role, text);
                }
            }
        }
    }
    Ok(())
}

/// `derive(…)`, `attr(…)`, `rename(…)`, `accessor(…)`, `translation(…)`:
/// every item checked, every bad one reported.
fn list(name: &str, key: &Ident, input: ParseStream<'_>, options: &mut Options) -> syn::Result<()> {
    let content;
    syn::parenthesized!(content in input);
    let mut errors: Option<syn::Error> = None;
    let inner: TokenStream = content.parse()?;
    let parts: Vec<TokenStream> = split_commas(inner)
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return Err(syn::Error::new(
            key.span(),
            format!("`{name}(...)` is empty: expected at least one item"),
        ));
    }
    for part in parts {
        let parsed = (|input: ParseStream<'_>| list_item(name, input, options)).parse2(part);
        if let Err(error) = parsed {
            match &mut errors {
                Some(all) => all.combine(error),
                None => errors = Some(error),
            }
        }
    }
    errors.map_or(Ok(()), Err)
}

fn list_item(name: &str, input: ParseStream<'_>, options: &mut Options) -> syn::Result<()> {
    match name {
        "derive" => {
            let path: syn::Path = input.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected a path to a derive macro, e.g. `derive(serde::Serialize)`",
                )
            })?;
            options
                .derives
                .push(quote::ToTokens::to_token_stream(&path));
        }
        "attr" => {
            let meta: syn::Meta = input.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected the inside of an attribute, e.g. `attr(allow(dead_code))`",
                )
            })?;
            options
                .attributes
                .push(quote::ToTokens::to_token_stream(&meta));
        }
        "rename" => {
            let (code, span) = code_key(input)?;
            input.parse::<Token![=]>()?;
            let ident = identifier(
                input,
                "expected a variant name, e.g. `rename(413 = PayloadTooLarge)`",
            )?;
            if options.renames.iter().any(|r| r.code == code) {
                return Err(syn::Error::new(
                    span,
                    format!("code {code} is renamed twice: expected one name per code"),
                ));
            }
            options.renames.push(Rename {
                code,
                name: ident.to_string(),
                span,
            });
        }
        "accessor" => {
            let method = identifier(
                input,
                "expected a method name, e.g. `accessor(grpc_status = \"gRPC Status Code\")`",
            )?;
            input.parse::<Token![=]>()?;
            let header = non_empty(&input.parse::<LitStr>()?)?;
            if RESERVED_METHODS.contains(&method.to_string().as_str()) {
                return Err(syn::Error::new(
                    method.span(),
                    format!("`{method}` is a method the type has already: expected another name"),
                ));
            }
            options.accessors.push(Accessor {
                name: method.to_string(),
                header,
                span: method.span(),
            });
        }
        _ => {
            let (lang, span) = if input.peek(LitStr) {
                let tag: LitStr = input.parse()?;
                (tag.value(), tag.span())
            } else {
                let tag = input.call(Ident::parse_any)?;
                (tag.to_string(), tag.span())
            };
            let lang = language_tag(&lang, span)?;
            input.parse::<Token![=]>()?;
            let path = non_empty(&input.parse::<LitStr>()?)?;
            if options.translations.iter().any(|t| t.lang == lang) {
                return Err(syn::Error::new(
                    span,
                    format!("language `{lang}` is given twice: expected one document per language"),
                ));
            }
            options.translations.push(Translation { lang, path, span });
        }
    }
    if !input.is_empty() {
        return Err(input.error("unexpected tokens: expected `,` and the next item"));
    }
    Ok(())
}

/// `table(2, code_column = "错误码", …)`: columns named for one table.
fn table_group(input: ParseStream<'_>, options: &mut Options) -> syn::Result<()> {
    let content;
    syn::parenthesized!(content in input);
    let index: LitInt = content.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected the table's index first, e.g. `table(1, code_column = \"错误码\")`",
        )
    })?;
    let index: usize = index.base10_parse()?;
    let mut choice = ColumnChoice::default();
    while !content.is_empty() {
        content.parse::<Token![,]>()?;
        if content.is_empty() {
            break;
        }
        let key: Ident = content.parse()?;
        let Some(role) = column_role(&key.to_string()) else {
            return Err(syn::Error::new(
                key.span(),
                format!(
                    "`{key}` cannot be given for one table: expected a column option such as `code_column = \"…\"`"
                ),
            ));
        };
        content.parse::<Token![=]>()?;
        let header = non_empty(&content.parse::<LitStr>()?)?;
        if !choice.set(role, header) {
            return Err(syn::Error::new(
                key.span(),
                format!("`{key}` is given twice for table {index}"),
            ));
        }
    }
    if options.table_columns.iter().any(|(i, _)| *i == index) {
        return Err(syn::Error::new(
            Span::call_site(),
            format!("`table({index}, …)` is given twice: expected one group per table"),
        ));
    }
    options.table_columns.push((index, choice));
    Ok(())
}

fn column_role(option: &str) -> Option<Role> {
    Some(match option {
        "code_column" => Role::Code,
        "status_column" => Role::Status,
        "reason_column" => Role::Reason,
        "message_column" => Role::Message,
        "description_column" => Role::Description,
        "solution_column" => Role::Solution,
        "module_column" => Role::Module,
        _ => return None,
    })
}

/// A code in `rename(…)`: a number (`413`, `111400002`) or a string (`"EVS.0001"`).
fn code_key(input: ParseStream<'_>) -> syn::Result<(String, Span)> {
    if input.peek(LitStr) {
        let code: LitStr = input.parse()?;
        return Ok((non_empty(&code)?, code.span()));
    }
    let code: LitInt = input.parse().map_err(|e| syn::Error::new(e.span(), "expected `CODE = VariantName`, the code a number or a string, e.g. rename(413 = PayloadTooLarge) or rename(\"EVS.0001\" = BadTenant)"))?;
    if !code.suffix().is_empty() {
        return Err(syn::Error::new(
            code.span(),
            "expected a plain number, with no suffix",
        ));
    }
    Ok((code.base10_digits().to_owned(), code.span()))
}

/// An identifier that can name a type or a variant: syn rejects the keywords
/// it knows; `gen` and the reserved ones are checked here too.
fn identifier(input: ParseStream<'_>, expected: &str) -> syn::Result<Ident> {
    let span = input.span();
    let ident: Ident = input.parse().map_err(|_| syn::Error::new(span, expected))?;
    if !naming::is_identifier(&ident.to_string()) {
        return Err(syn::Error::new(
            ident.span(),
            format!("`{ident}` is a keyword: {expected}"),
        ));
    }
    Ok(ident)
}

fn non_empty(text: &LitStr) -> syn::Result<String> {
    if !text.suffix().is_empty() {
        return Err(syn::Error::new(
            text.span(),
            "expected a string literal with no suffix",
        ));
    }
    let value = text.value();
    if value.is_empty() {
        return Err(syn::Error::new(
            text.span(),
            "expected a non-empty string literal",
        ));
    }
    Ok(value)
}

/// A BCP 47 language tag, in the simple form documents use (`en`, `zh-Hant`, `pt-BR`).
fn language_tag(tag: &str, span: Span) -> syn::Result<String> {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    let valid = (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if valid {
        Ok(tag.to_owned())
    } else {
        Err(syn::Error::new(
            span,
            format!(
                "`{tag}` is not a language tag: expected a BCP 47 tag such as \"en\", \"zh\" or \"zh-Hant\""
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert_eq!(o.http, Some(Gate::Always));
        assert_eq!(o.serde, Some(Gate::Feature("serde".to_owned())));
        assert_eq!(o.lang.as_deref(), Some("zh"));
        let langs: Vec<&str> = o.translations.iter().map(|t| t.lang.as_str()).collect();
        assert_eq!(langs, ["en", "zh-Hant"]);
        assert!(o.fallback);
        assert_eq!(o.other.as_ref().map(|(n, _)| n.as_str()), Some("Other"));
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
