//! The invocation: `"path"` followed by options, as written in
//! `status_table!(...)`. Parsed here rather than in the macro so that the CLI,
//! which finds invocations in source files, reads them exactly as the macro does.
//!
//! ```text
//! status_table!(
//!     "tables/evs_04_0039.md",
//!     name = EvsStatus,                 // the type's name (default StatusCode)
//!     vis = pub(crate),                 // its visibility (default pub)
//!     derive(serde::Serialize),         // extra derives
//!     attr(cfg_attr(docsrs, doc = "…")),// extra attributes, repeatable
//!     non_exhaustive,                   // #[non_exhaustive]
//!     rename(413 = PayloadTooLarge),    // variant names by code
//!     table = 1,                        // or section = "异常", or caption = "…"
//!     code_column = "状态码",           // column headers, when not recognised
//!     description_column = "描述",
//!     doc = "Status codes of the EVS API.",
//!     http = "http",                    // From/TryFrom http::StatusCode, under
//!                                       // feature "http" (bare `http`: always)
//!     serde = "serde",                  // Serialize/Deserialize as the number
//! );
//! ```

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};

use crate::naming;
use crate::options::{Gate, Options, TableSelector};

/// The options the invocation accepts, for messages.
pub const OPTION_NAMES: &[&str] = &[
    "name",
    "vis",
    "derive",
    "attr",
    "non_exhaustive",
    "rename",
    "table",
    "section",
    "caption",
    "code_column",
    "description_column",
    "doc",
    "http",
    "serde",
];

/// A problem in the invocation itself, at a span of it.
#[derive(Debug, Clone)]
pub struct InvocationError {
    /// The tokens the problem is about.
    pub span: Span,
    /// What was found and what was expected.
    pub message: String,
}

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
    let mut args = split_commas(tokens);
    let mut invocation = Invocation {
        path: None,
        path_span: Span::call_site(),
        options: Options::default(),
        errors: Vec::new(),
    };
    if args.first().is_some_and(Vec::is_empty) && args.len() == 1 {
        args.clear();
    }
    let mut args = args.into_iter();
    match args.next() {
        None => invocation.error(
            Span::call_site(),
            "expected a string literal: the path of a Markdown or HTML document, e.g. status_table!(\"tables/evs_04_0039.md\")",
        ),
        Some(first) => invocation.path(&first),
    }
    let mut seen: Vec<&'static str> = Vec::new();
    for arg in args {
        if arg.is_empty() {
            continue; // a trailing comma
        }
        invocation.option(&arg, &mut seen);
    }
    invocation
}

impl Invocation {
    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.errors.push(InvocationError {
            span,
            message: message.into(),
        });
    }

    fn path(&mut self, tokens: &[TokenTree]) {
        let span = tokens.first().map_or_else(Span::call_site, TokenTree::span);
        self.path_span = span;
        match string_literal(tokens) {
            Some(path) if !path.is_empty() => self.path = Some(path),
            Some(_) => self.error(span, "the document path is empty: expected a path such as \"tables/evs_04_0039.md\""),
            None if tokens.len() > 1 && string_literal(&tokens[..1]).is_some() => {
                self.path = string_literal(&tokens[..1]);
                self.error(tokens[1].span(), "unexpected tokens after the document path: expected `,` and options, or nothing");
            }
            None => self.error(
                span,
                "expected a string literal: the path of a Markdown or HTML document, e.g. status_table!(\"tables/evs_04_0039.md\")",
            ),
        }
    }

    fn option(&mut self, arg: &[TokenTree], seen: &mut Vec<&'static str>) {
        let Some(TokenTree::Ident(key)) = arg.first() else {
            self.error(
                arg[0].span(),
                format!(
                    "expected an option name, one of: {}",
                    OPTION_NAMES.join(", ")
                ),
            );
            return;
        };
        let key_text = key.to_string();
        let Some(&name) = OPTION_NAMES.iter().find(|n| **n == key_text) else {
            self.error(
                key.span(),
                format!(
                    "unknown option `{key_text}`: expected one of {}",
                    OPTION_NAMES.join(", ")
                ),
            );
            return;
        };
        let repeatable = matches!(name, "attr" | "derive" | "rename" | "doc");
        if !repeatable && seen.contains(&name) {
            self.error(
                key.span(),
                format!("option `{name}` is given twice: expected it at most once"),
            );
            return;
        }
        if matches!(name, "table" | "section" | "caption")
            && let Some(other) = seen
                .iter()
                .find(|s| matches!(**s, "table" | "section" | "caption"))
        {
            self.error(
                key.span(),
                format!("`{name}` and `{other}` both choose the table: expected only one of them"),
            );
            return;
        }
        seen.push(name);
        let rest = &arg[1..];
        let span = key.span();
        match name {
            "http" | "serde" => {
                let gate = match rest {
                    [] => Some(Gate::Always),
                    _ => value(rest)
                        .and_then(string_literal)
                        .filter(|f| !f.is_empty())
                        .map(Gate::Feature),
                };
                match gate {
                    Some(gate) if name == "http" => self.options.http = Some(gate),
                    Some(gate) => self.options.serde = Some(gate),
                    None => self.error(
                        rest[0].span(),
                        format!("expected `{name}` alone, or `{name} = \"feature\"` to emit the impls under that cargo feature"),
                    ),
                }
            }
            "non_exhaustive" => {
                if rest.is_empty() {
                    self.options.non_exhaustive = true;
                } else {
                    self.error(
                        rest[0].span(),
                        "`non_exhaustive` takes no value: write it alone",
                    );
                }
            }
            "derive" | "attr" | "rename" => match group(rest, Delimiter::Parenthesis) {
                Some(inner) => self.list_option(name, span, inner),
                None => self.error(
                    rest.first().map_or(span, TokenTree::span),
                    format!("expected `{name}(...)`"),
                ),
            },
            _ => match value(rest) {
                Some(value) => self.value_option(name, value),
                None => self.error(
                    rest.first().map_or(span, TokenTree::span),
                    format!("expected `{name} = <value>`"),
                ),
            },
        }
    }

    fn list_option(&mut self, name: &str, span: Span, inner: TokenStream) {
        let items = split_commas(inner);
        if items.iter().all(Vec::is_empty) {
            self.error(
                span,
                format!("`{name}(...)` is empty: expected at least one item"),
            );
            return;
        }
        for item in items.into_iter().filter(|i| !i.is_empty()) {
            let tokens: TokenStream = item.iter().cloned().collect();
            match name {
                "derive" => self.options.derives.push(tokens),
                "attr" => self.options.attributes.push(tokens),
                _ => self.rename(&item),
            }
        }
    }

    fn rename(&mut self, item: &[TokenTree]) {
        let code = match item.first() {
            Some(TokenTree::Literal(lit)) => lit
                .to_string()
                .parse::<u16>()
                .ok()
                .filter(|c| (100..=999).contains(c)),
            _ => None,
        };
        let name = match item {
            [_, TokenTree::Punct(eq), TokenTree::Ident(name)] if eq.as_char() == '=' => {
                Some(name.to_string())
            }
            _ => None,
        };
        match (code, name) {
            (Some(code), Some(name)) if naming::is_identifier(&name) => {
                if self.options.renames.iter().any(|(c, _)| *c == code) {
                    self.error(item[0].span(), format!("status code {code} is renamed twice: expected one name per code"));
                } else {
                    self.options.renames.push((code, name));
                }
            }
            (Some(_), Some(name)) => self.error(item[2].span(), format!("`{name}` cannot be a variant name: expected an identifier that is not a keyword")),
            _ => self.error(
                item[0].span(),
                "expected `CODE = VariantName` with a code from 100 to 999, e.g. rename(413 = PayloadTooLarge)",
            ),
        }
    }

    fn value_option(&mut self, name: &str, value: &[TokenTree]) {
        let value_span = value[0].span();
        match name {
            "name" => match value {
                [TokenTree::Ident(ident)] if naming::is_identifier(&ident.to_string()) => {
                    self.options.type_name = ident.to_string();
                }
                _ => self.error(value_span, "expected a type name, e.g. `name = EvsStatus`"),
            },
            "vis" => {
                if is_visibility(value) {
                    self.options.visibility = value.iter().cloned().collect();
                } else {
                    self.error(value_span, "expected a visibility: `pub`, `pub(crate)`, `pub(super)`, `pub(self)` or `pub(in path)`");
                }
            }
            "table" => match value {
                [TokenTree::Literal(lit)] if lit.to_string().parse::<usize>().is_ok() => {
                    let index = lit.to_string().parse().unwrap_or_default();
                    self.options.tables = Some(TableSelector::Index(index));
                }
                _ => self.error(
                    value_span,
                    "expected the table's index in the document, counting from 0, e.g. `table = 1`",
                ),
            },
            _ => {
                let Some(text) = string_literal(value).filter(|t| !t.is_empty()) else {
                    self.error(
                        value_span,
                        format!("expected a non-empty string literal, e.g. `{name} = \"...\"`"),
                    );
                    return;
                };
                match name {
                    "section" => self.options.tables = Some(TableSelector::Section(text)),
                    "caption" => self.options.tables = Some(TableSelector::Caption(text)),
                    "code_column" => self.options.code_column = Some(text),
                    "description_column" => self.options.description_column = Some(text),
                    _ => {
                        let doc = self.options.doc.get_or_insert_with(String::new);
                        if !doc.is_empty() {
                            doc.push('\n');
                        }
                        doc.push_str(&text);
                    }
                }
            }
        }
    }
}

/// Splits a token stream at its top-level commas.
fn split_commas(tokens: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut parts = vec![Vec::new()];
    for token in tokens {
        match &token {
            TokenTree::Punct(p) if p.as_char() == ',' => parts.push(Vec::new()),
            _ => parts.last_mut().expect("never empty").push(token),
        }
    }
    parts
}

/// `= value`: the tokens after the `=`.
fn value(rest: &[TokenTree]) -> Option<&[TokenTree]> {
    match rest {
        [TokenTree::Punct(eq), value @ ..] if eq.as_char() == '=' && !value.is_empty() => {
            Some(value)
        }
        _ => None,
    }
}

/// `( ... )`: the tokens inside the group, when it is the only token.
fn group(rest: &[TokenTree], delimiter: Delimiter) -> Option<TokenStream> {
    match rest {
        [TokenTree::Group(g)] if g.delimiter() == delimiter => Some(g.stream()),
        _ => None,
    }
}

/// The value of a single string literal (escapes processed), or `None`.
fn string_literal(tokens: &[TokenTree]) -> Option<String> {
    let [TokenTree::Literal(lit)] = tokens else {
        return None;
    };
    let lit: syn::LitStr = syn::parse2(TokenTree::Literal(lit.clone()).into()).ok()?;
    if !lit.suffix().is_empty() {
        return None;
    }
    Some(lit.value())
}

fn is_visibility(tokens: &[TokenTree]) -> bool {
    match tokens {
        [TokenTree::Ident(p)] => *p == "pub",
        [TokenTree::Ident(p), TokenTree::Group(g)]
            if *p == "pub" && g.delimiter() == Delimiter::Parenthesis =>
        {
            let inner: Vec<TokenTree> = g.stream().into_iter().collect();
            match inner.as_slice() {
                [TokenTree::Ident(word)] => *word == "crate" || *word == "super" || *word == "self",
                [TokenTree::Ident(word), ..] => *word == "in" && inner.len() > 1,
                _ => false,
            }
        }
        _ => false,
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
        assert_eq!(invocation.options.type_name, "StatusCode");
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
            rename(413 = PayloadTooLarge, 415 = UnsupportedMediaType),
            section = "异常",
            code_column = "状态码",
            description_column = "描述",
            doc = "First.",
            doc = "Second.",
            http,
            serde = "serde",
        ));
        assert!(invocation.errors.is_empty(), "{:?}", messages(&invocation));
        let o = &invocation.options;
        assert_eq!(o.type_name, "EvsStatus");
        assert_eq!(o.visibility.to_string(), "pub (crate)");
        assert_eq!(o.derives.len(), 2);
        assert_eq!(o.attributes[0].to_string(), "allow (dead_code)");
        assert!(o.non_exhaustive);
        assert_eq!(
            o.renames,
            [
                (413, "PayloadTooLarge".to_owned()),
                (415, "UnsupportedMediaType".to_owned())
            ]
        );
        assert_eq!(o.tables, Some(TableSelector::Section("异常".to_owned())));
        assert_eq!(o.code_column.as_deref(), Some("状态码"));
        assert_eq!(o.description_column.as_deref(), Some("描述"));
        assert_eq!(o.doc.as_deref(), Some("First.\nSecond."));
        assert_eq!(o.http, Some(Gate::Always));
        assert_eq!(o.serde, Some(Gate::Feature("serde".to_owned())));
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
            (quote!("a.md", vis = private), "expected a visibility"),
            (quote!("a.md", table = "x"), "expected the table's index"),
            (
                quote!("a.md", rename(1000 = Big)),
                "expected `CODE = VariantName`",
            ),
            (quote!("a.md", rename(413 = fn)), "cannot be a variant name"),
            (
                quote!("a.md", table = 1, section = "x"),
                "both choose the table",
            ),
            (quote!("a.md", name = A, name = B), "given twice"),
            (quote!("a.md", non_exhaustive = true), "takes no value"),
            (quote!("a.md", derive()), "is empty"),
            (quote!("a.md", doc = ""), "non-empty string literal"),
            (quote!(""), "path is empty"),
            (quote!(b"a.md"), "expected a string literal"),
            (quote!("a.md", http = 1), "expected `http` alone"),
            (quote!("a.md", serde(x)), "expected `serde` alone"),
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
    fn the_name_survives_other_errors() {
        let invocation = parse(quote!("a.md", name = Evs, bogus));
        assert_eq!(invocation.options.type_name, "Evs");
        assert_eq!(invocation.errors.len(), 1);
    }
}
