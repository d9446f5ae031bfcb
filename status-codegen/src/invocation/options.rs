//! One option of the invocation, parsed with syn's `Parse` types: paths for
//! `derive`, `Visibility` for `vis`, `Meta` for `attr`, literals elsewhere.

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Ident, LitInt, LitStr, Token};

use super::{OPTION_NAMES, REPEATABLE, RESERVED_METHODS, split_commas};
use crate::model::{Kind, Role};
use crate::naming;
use crate::options::{
    Accessor, ColumnChoice, Condition, Interop, Options, Override, Rename, TableSelector,
    Translation,
};

pub(super) fn option(
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
                "unknown option `{key_text}`{}: expected one of {}",
                crate::suggest::did_you_mean(&key_text, OPTION_NAMES.iter().copied()),
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
                Condition::Always
            } else {
                let feature = (|| {
                    input.parse::<Token![=]>()?;
                    non_empty(&input.parse::<LitStr>()?)
                })()
                .map_err(|e| syn::Error::new(e.span(), format!("expected `{name}` alone, or `{name} = \"feature\"` to emit the impls under that cargo feature")))?;
                Condition::Feature(feature)
            };
            if name == "http" {
                options.http = Some(gate);
                options.interop_spans.push((Interop::Http, key.span()));
            } else {
                options.serde = Some(gate);
                options.interop_spans.push((Interop::Serde, key.span()));
            }
        }
        "derive" | "attr" | "rename" | "accessor" | "translation" | "skip" | "status" | "code" => {
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
        "name" => {
            let ident = identifier(input, "expected a type name, e.g. `name = EvsStatus`")?;
            options.type_name = Some(ident.to_string());
        }
        "other" => {
            let ident = identifier(
                input,
                "expected the catch-all variant's name, e.g. `other = Other`",
            )?;
            options.other = Some((ident.to_string(), ident.span()));
        }
        "vis" => options.visibility = visibility(input)?,
        "table" => {
            let index: LitInt = input.parse().map_err(|e| syn::Error::new(e.span(), "expected the table's index in the document, counting from 0 over every table, e.g. `table = 1`"))?;
            options.tables = Some(TableSelector::Index(index.base10_parse()?));
        }
        "kind" => options.kind = Some(kind(input)?),
        "lang" => {
            let tag: LitStr = input.parse()?;
            options.lang = Some(language_tag(&tag.value(), tag.span())?);
        }
        _ => text_option(name, input, options)?,
    }
    Ok(())
}

fn visibility(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    const EXPECTED: &str =
        "expected a visibility: `pub`, `pub(crate)`, `pub(super)`, `pub(self)` or `pub(in path)`";
    let vis: syn::Visibility = input
        .parse()
        .map_err(|e| syn::Error::new(e.span(), EXPECTED))?;
    if matches!(vis, syn::Visibility::Inherited) {
        return Err(input.error(EXPECTED));
    }
    Ok(quote::ToTokens::to_token_stream(&vis))
}

fn kind(input: ParseStream<'_>) -> syn::Result<Kind> {
    const EXPECTED: &str = "expected `kind = \"status\"` or `kind = \"error\"`";
    let kind: LitStr = input
        .parse()
        .map_err(|e| syn::Error::new(e.span(), EXPECTED))?;
    match kind.value().as_str() {
        "status" => Ok(Kind::Status),
        "error" => Ok(Kind::Error),
        other => Err(syn::Error::new(
            kind.span(),
            format!("unknown kind `{other}`: {EXPECTED}"),
        )),
    }
}

/// `section`, `caption`, `doc` and the `*_column` options: a non-empty string.
fn text_option(name: &str, input: ParseStream<'_>, options: &mut Options) -> syn::Result<()> {
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
        column => match column_role(column) {
            Some(role) => {
                options.columns.set(role, text);
            }
            None => return Err(input.error(format!("unknown option `{name}`"))),
        },
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
        let at = part
            .clone()
            .into_iter()
            .next()
            .map_or_else(|| key.span(), |t| t.span());
        let parsed = super::parse_at(part, at, |input| list_item(name, input, options));
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
        "rename" => rename(input, options)?,
        "accessor" => accessor(input, options)?,
        "skip" => {
            let (code, span) = code_key(input)?;
            options.skips.push(Override {
                code,
                value: String::new(),
                span,
            });
        }
        "status" => status_item(input, options)?,
        "code" => {
            let (written, span) = code_key(input)?;
            input.parse::<Token![=]>()?;
            let code: LitStr = input.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected `\"AS WRITTEN\" = \"CODE\"`, e.g. `code(\"DCS. 4855\" = \"DCS.4855\")`",
                )
            })?;
            options.codes.push(Override {
                code: written,
                value: non_empty(&code)?,
                span,
            });
        }
        _ => translation(input, options)?,
    }
    if !input.is_empty() {
        return Err(input.error("unexpected tokens: expected `,` and the next item"));
    }
    Ok(())
}

/// `status("CODE" = 400)`: an HTTP status from 100 to 999.
fn status_item(input: ParseStream<'_>, options: &mut Options) -> syn::Result<()> {
    let (code, span) = code_key(input)?;
    input.parse::<Token![=]>()?;
    let status: LitInt = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected `CODE = STATUS`, e.g. `status(\"AOS.1001\" = 400)`",
        )
    })?;
    match status.base10_parse::<u16>() {
        Ok(value) if (100..=999).contains(&value) && status.suffix().is_empty() => {
            options.statuses.push(Override {
                code,
                value: value.to_string(),
                span,
            });
            Ok(())
        }
        _ => Err(syn::Error::new(
            status.span(),
            "expected an HTTP status from 100 to 999, e.g. `status(\"AOS.1001\" = 400)`",
        )),
    }
}

/// `CODE = Name`.
fn rename(input: ParseStream<'_>, options: &mut Options) -> syn::Result<()> {
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
    Ok(())
}

/// `method = "Header"`.
fn accessor(input: ParseStream<'_>, options: &mut Options) -> syn::Result<()> {
    let method = identifier(
        input,
        "expected a method name, e.g. `accessor(grpc_status = \"gRPC Status Code\")`",
    )?;
    input.parse::<Token![=]>()?;
    let header = non_empty(&input.parse::<LitStr>()?)?;
    if RESERVED_METHODS.contains(&method.to_string().as_str()) {
        return Err(syn::Error::new(
            method.span(),
            format!(
                "`{method}` is a method or constant the type has already: expected another name"
            ),
        ));
    }
    if options.accessors.iter().any(|a| method == a.name) {
        return Err(syn::Error::new(
            method.span(),
            format!(
                "`{method}` is named by another accessor already: expected each method name once"
            ),
        ));
    }
    options.accessors.push(Accessor {
        name: method.to_string(),
        header,
        span: method.span(),
    });
    Ok(())
}

/// `tag = "path"`, the tag an identifier or a string (`"zh-Hant"`).
fn translation(input: ParseStream<'_>, options: &mut Options) -> syn::Result<()> {
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
    let name = ident.to_string();
    if !naming::is_identifier(&name) {
        // Rust takes non-ASCII identifiers; the generated code, whose names
        // users type in every match, keeps to ASCII.
        let why = if name.is_ascii() {
            "is a keyword"
        } else {
            "is not ASCII (the names of generated items are letters, digits and `_`)"
        };
        return Err(syn::Error::new(
            ident.span(),
            format!("`{ident}` {why}: {expected}"),
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
