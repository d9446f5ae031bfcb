//! Expansion: the validated model becomes tokens.
//!
//! The output is boring on purpose: absolute paths, no `use`, a doc comment on
//! every public item, and the document's text only inside string literals and
//! `#[doc]` attributes. Everything that can be decided now is decided now:
//! `Display` writes one precomputed string, `FromStr` matches literals.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use crate::model::StatusTable;
use crate::options::{Gate, Options};

/// The generated type for `table`.
pub fn generate(table: &StatusTable, options: &Options) -> TokenStream {
    let name = Ident::new(&table.type_name, Span::call_site());
    let unknown = format_ident!("Unknown{}", name);
    let parse_error = format_ident!("Parse{}Error", name);
    let vis = &options.visibility;
    let path = table.path.as_str();

    let variants: Vec<Ident> = table
        .entries
        .iter()
        .map(|e| Ident::new(&e.name, Span::call_site()))
        .collect();
    let codes: Vec<Literal> = table
        .entries
        .iter()
        .map(|e| Literal::u16_unsuffixed(e.code))
        .collect();
    let names: Vec<&str> = table.entries.iter().map(|e| e.name.as_str()).collect();
    let descriptions: Vec<&str> = table
        .entries
        .iter()
        .map(|e| e.description.as_str())
        .collect();
    let sections: Vec<&str> = table.entries.iter().map(|e| e.section.as_str()).collect();
    let displays: Vec<String> = table
        .entries
        .iter()
        .map(|e| format!("{} {}", e.code, e.description))
        .collect();
    // One `#[doc]` per line, so that formatted output shows `///` comments.
    let variant_docs: Vec<[String; 3]> = table
        .entries
        .iter()
        .map(|e| {
            let section = if e.section.is_empty() {
                String::new()
            } else {
                format!("Section: {}. ", doc_escape(&e.section))
            };
            [
                format!(" `{}` {}", e.code, doc_escape(&e.description)),
                String::new(),
                format!(" {section}From `{path}`, line {}.", e.line),
            ]
        })
        .collect();

    let enum_doc = enum_doc(table, options);
    let derives = &options.derives;
    let attributes = &options.attributes;
    let non_exhaustive = options.non_exhaustive.then(|| quote!(#[non_exhaustive]));
    let repr = (!variants.is_empty()).then(|| quote!(#[repr(u16)]));
    // A type with no variants (a document with no readable row) is
    // uninhabited: every method body that takes `self` becomes `match self {}`
    // so that the placeholder compiles without "unreachable" warnings.
    let empty = variants.is_empty();
    let body = |tokens: TokenStream| if empty { quote!(match self {}) } else { tokens };
    let code_body = body(quote!(self as u16));
    let class = |low: u16, high: u16| body(quote!(self as u16 >= #low && (self as u16) < #high));
    let is_informational = class(100, 200);
    let is_success = class(200, 300);
    let is_redirection = class(300, 400);
    let is_client_error = class(400, 500);
    let is_server_error = class(500, 600);
    let display_body = if empty {
        quote!(match *self {})
    } else {
        quote! {
            f.pad(match *self {
                #(Self::#variants => #displays,)*
            })
        }
    };
    let interop = interop(&name, &unknown, path, empty, options);
    let into_u16 = if empty {
        quote!(match status {})
    } else {
        quote!(status as u16)
    };
    let unknown_doc =
        format!(" A code that is not in `{path}`; returned by `TryFrom<u16>` for [`{name}`].");
    let unknown_display = format!("unknown status code {{}}: not in {path}");
    let parse_doc = format!(
        " A string that is neither a code nor a variant name of [`{name}`]; returned by its `FromStr`."
    );
    let parse_display = format!(
        "unknown status code: expected a code listed in {path} (such as `404`) or a variant name of `{name}`"
    );

    // The enum and both error types are small plain values.
    let value_traits = quote! {
        ::core::fmt::Debug,
        ::core::clone::Clone,
        ::core::marker::Copy,
        ::core::cmp::PartialEq,
        ::core::cmp::Eq,
        ::core::hash::Hash
    };

    quote! {
        #(#[doc = #enum_doc])*
        #[derive(
            #value_traits,
            ::core::cmp::PartialOrd,
            ::core::cmp::Ord
            #(, #derives)*
        )]
        #repr
        #non_exhaustive
        #(#[#attributes])*
        // Descriptions are the document's text, not Rust identifiers to backtick.
        #[allow(clippy::doc_markdown)]
        #vis enum #name {
            #(
                #(#[doc = #variant_docs])*
                #variants = #codes,
            )*
        }

        // Rows often share a section (and sometimes a description).
        #[allow(clippy::match_same_arms)]
        impl #name {
            /// Every status code of the table, in document order.
            pub const ALL: &'static [Self] = &[#(Self::#variants),*];

            /// The numeric status code.
            #[must_use]
            #[inline]
            pub const fn code(self) -> u16 {
                #code_body
            }

            /// The status code with this number, if the table has it.
            #[must_use]
            #[inline]
            pub const fn from_code(code: u16) -> ::core::option::Option<Self> {
                match code {
                    #(#codes => ::core::option::Option::Some(Self::#variants),)*
                    _ => ::core::option::Option::None,
                }
            }

            /// The description, exactly as the document writes it.
            #[must_use]
            #[inline]
            pub const fn description(self) -> &'static str {
                match self {
                    #(Self::#variants => #descriptions,)*
                }
            }

            /// The section of the document the code is listed in (empty if none).
            #[must_use]
            #[inline]
            pub const fn section(self) -> &'static str {
                match self {
                    #(Self::#variants => #sections,)*
                }
            }

            /// The variant's name, as `FromStr` accepts it.
            #[must_use]
            #[inline]
            pub const fn name(self) -> &'static str {
                match self {
                    #(Self::#variants => #names,)*
                }
            }

            /// Whether the code is informational (100–199).
            #[must_use]
            #[inline]
            pub const fn is_informational(self) -> bool {
                #is_informational
            }

            /// Whether the code is a success (200–299).
            #[must_use]
            #[inline]
            pub const fn is_success(self) -> bool {
                #is_success
            }

            /// Whether the code is a redirection (300–399).
            #[must_use]
            #[inline]
            pub const fn is_redirection(self) -> bool {
                #is_redirection
            }

            /// Whether the code is a client error (400–499).
            #[must_use]
            #[inline]
            pub const fn is_client_error(self) -> bool {
                #is_client_error
            }

            /// Whether the code is a server error (500–599).
            #[must_use]
            #[inline]
            pub const fn is_server_error(self) -> bool {
                #is_server_error
            }
        }

        impl ::core::fmt::Display for #name {
            /// Writes the code and the description, e.g. `413 overLimit`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #display_body
            }
        }

        impl ::core::str::FromStr for #name {
            type Err = #parse_error;

            /// Accepts the number (`"413"`), the variant name (`"OverLimit"`) or the
            /// `Display` form (`"413 overLimit"`).
            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                // Three digits: a code, found by number rather than by comparing
                // the text with every row's.
                if let [a @ b'0'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] = *s.as_bytes() {
                    let digit = |d: u8| <u16 as ::core::convert::From<u8>>::from(d - b'0');
                    let code = digit(a) * 100 + digit(b) * 10 + digit(c);
                    return match Self::from_code(code) {
                        ::core::option::Option::Some(status) => ::core::result::Result::Ok(status),
                        ::core::option::Option::None => ::core::result::Result::Err(#parse_error(())),
                    };
                }
                match s {
                    #(#names | #displays => ::core::result::Result::Ok(Self::#variants),)*
                    _ => ::core::result::Result::Err(#parse_error(())),
                }
            }
        }

        impl ::core::convert::TryFrom<u16> for #name {
            type Error = #unknown;

            fn try_from(code: u16) -> ::core::result::Result<Self, Self::Error> {
                match Self::from_code(code) {
                    ::core::option::Option::Some(status) => ::core::result::Result::Ok(status),
                    ::core::option::Option::None => ::core::result::Result::Err(#unknown(code)),
                }
            }
        }

        impl ::core::convert::From<#name> for u16 {
            #[inline]
            fn from(status: #name) -> u16 {
                #into_u16
            }
        }

        #[doc = #unknown_doc]
        #[derive(#value_traits)]
        #vis struct #unknown(u16);

        impl #unknown {
            /// The code that was not found.
            #[must_use]
            #[inline]
            pub const fn code(self) -> u16 {
                self.0
            }
        }

        impl ::core::fmt::Display for #unknown {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, #unknown_display, self.0)
            }
        }

        impl ::core::error::Error for #unknown {}

        #[doc = #parse_doc]
        #[derive(#value_traits)]
        #vis struct #parse_error(());

        impl ::core::fmt::Display for #parse_error {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(#parse_display)
            }
        }

        impl ::core::error::Error for #parse_error {}

        #interop
    }
}

/// The optional `http` and `serde` impls, each always or under a cargo feature
/// of the invoking crate, as the user chose.
fn interop(
    name: &Ident,
    unknown: &Ident,
    path: &str,
    empty: bool,
    options: &Options,
) -> TokenStream {
    let cfg = |gate: &Gate| match gate {
        Gate::Always => quote!(),
        Gate::Feature(feature) => quote!(#[cfg(feature = #feature)]),
    };
    let http = options.http.as_ref().map(|gate| {
        let cfg = cfg(gate);
        let body = if empty {
            quote!(match status {})
        } else {
            quote! {
                match ::http::StatusCode::from_u16(status as u16) {
                    ::core::result::Result::Ok(code) => code,
                    ::core::result::Result::Err(_) => {
                        ::core::unreachable!("every code in the table is from 100 to 999")
                    }
                }
            }
        };
        quote! {
            #cfg
            impl ::core::convert::From<#name> for ::http::StatusCode {
                fn from(status: #name) -> Self {
                    #body
                }
            }

            #cfg
            impl ::core::convert::TryFrom<::http::StatusCode> for #name {
                type Error = #unknown;

                fn try_from(status: ::http::StatusCode) -> ::core::result::Result<Self, Self::Error> {
                    <Self as ::core::convert::TryFrom<u16>>::try_from(status.as_u16())
                }
            }
        }
    });
    let serde = options.serde.as_ref().map(|gate| {
        let cfg = cfg(gate);
        let expected = format!("a status code listed in {path}");
        let serialize = if empty {
            quote!(match *self {})
        } else {
            quote!(serializer.serialize_u16(*self as u16))
        };
        quote! {
            #cfg
            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                    #serialize
                }
            }

            #cfg
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    let code = <u16 as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
                    match Self::from_code(code) {
                        ::core::option::Option::Some(status) => ::core::result::Result::Ok(status),
                        ::core::option::Option::None => ::core::result::Result::Err(
                            <D::Error as ::serde::de::Error>::invalid_value(
                                ::serde::de::Unexpected::Unsigned(<u64 as ::core::convert::From<u16>>::from(code)),
                                &#expected,
                            ),
                        ),
                    }
                }
            }
        }
    });
    quote!(#http #serde)
}

/// The enum's documentation, one `#[doc]` line each: the user's text, the
/// source, and the whole table.
fn enum_doc(table: &StatusTable, options: &Options) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(doc) = &options.doc {
        lines.extend(doc.lines().map(|l| format!(" {l}")));
        lines.push(String::new());
    }
    let title = table
        .title
        .as_deref()
        .map_or_else(String::new, |t| format!(" of *{}*", doc_escape(t)));
    lines.push(format!(
        " Status codes{title}, generated from `{}`.",
        table.path
    ));
    lines.push(String::new());
    lines.push(
        " Regenerated whenever the document changes; edit the document, not this type.".to_owned(),
    );
    if !table.entries.is_empty() {
        lines.push(String::new());
        lines.push(" | Code | Variant | Description | Section |".to_owned());
        lines.push(" |---:|---|---|---|".to_owned());
        for e in &table.entries {
            lines.push(format!(
                " | {} | [`{}`](Self::{}) | {} | {} |",
                e.code,
                e.name,
                e.name,
                doc_escape(&e.description).replace('|', "\\|"),
                doc_escape(&e.section).replace('|', "\\|"),
            ));
        }
    }
    lines
}

/// Text from the document made inert in Markdown documentation: rustdoc shows
/// it as written instead of reading it as markup or HTML.
fn doc_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '!' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::doc_escape;

    #[test]
    fn doc_text_cannot_become_markup() {
        assert_eq!(doc_escape("a*b*"), "a\\*b\\*");
        assert_eq!(doc_escape("</table>"), "&lt;/table&gt;");
        assert_eq!(doc_escape("x\ny"), "x y");
    }
}
