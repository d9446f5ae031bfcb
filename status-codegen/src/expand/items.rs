//! One function per emitted item: the enum, its inherent impls (codes, texts,
//! classes) and its row type. The trait impls are in `traits`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{View, docs};
use crate::model::Text;

/// `extern crate alloc` under a private name, for an error catch-all's text.
pub(super) fn alloc_crate(view: &View<'_>) -> TokenStream {
    if view.is_copy() {
        return quote!();
    }
    let alloc = view.alloc_path();
    quote!(#[doc(hidden)] extern crate alloc as #alloc;)
}

/// The traits every generated value type derives.
pub(super) fn value_traits(copy: bool) -> TokenStream {
    let copy = copy.then(|| quote!(::core::marker::Copy,));
    quote! {
        ::core::fmt::Debug,
        ::core::clone::Clone,
        #copy
        ::core::cmp::PartialEq,
        ::core::cmp::Eq,
        ::core::hash::Hash
    }
}

pub(super) fn enum_item(view: &View<'_>) -> TokenStream {
    let doc = super::texts(docs::enum_doc(view).iter().map(String::as_str));
    let value = value_traits(view.is_copy());
    // With a catch-all the order is by code, written out in `ordering`.
    let ord = view
        .other
        .is_none()
        .then(|| quote!(, ::core::cmp::PartialOrd, ::core::cmp::Ord));
    let derives = &view.options.derives;
    let attributes = &view.options.attributes;
    let non_exhaustive = view
        .options
        .non_exhaustive
        .then(|| quote!(#[non_exhaustive]));
    let numbered = view.is_status() && view.other.is_none() && !view.variants.is_empty();
    let repr = numbered.then(|| quote!(#[repr(u16)]));
    let variant_docs = docs::variant_docs(view);
    let variants =
        view.variants
            .iter()
            .zip(&view.codes)
            .zip(variant_docs)
            .map(|((v, code), doc)| {
                let discriminant = numbered.then(|| quote!(= #code));
                let doc = super::texts(doc.iter().map(String::as_str));
                quote!(#(#[doc = #doc])* #v #discriminant,)
            });
    let other = view.other.as_ref().map(|other| {
        let unknown = &view.unknown;
        let doc = format!(
            " A code that `{}` does not list, kept as it was received.",
            view.path()
        );
        quote!(#[doc = #doc] #other(#unknown),)
    });
    let (name, vis) = (&view.name, &view.options.visibility);
    quote! {
        #(#[doc = #doc])*
        #[derive(#value #ord #(, #derives)*)]
        #repr
        #non_exhaustive
        #(#[#attributes])*
        // Descriptions are the document's text, not Rust identifiers to backtick.
        #[allow(clippy::doc_markdown)]
        #vis enum #name {
            #(#variants)*
            #other
        }
    }
}

/// `ALL`, `LANGS`, `code()`, `from_code()`, `name()`, `rows()` and, for status
/// codes, the HTTP classes. A value per variant is a `match` on `self`, as one
/// writes it by hand (the fastest shape: issue 20); only `rows()` and the
/// `*_in` twins read the private tables of [`data`].
pub(super) fn inherent(view: &View<'_>) -> TokenStream {
    let (name, variants) = (&view.name, &view.variants);
    let langs = (!view.model.langs.is_empty()).then(|| {
        let langs = &view.model.langs;
        quote! {
            /// The languages of the texts, as BCP 47 tags, the primary language first.
            pub const LANGS: &'static [&'static str] = &[#(#langs),*];
        }
    });
    let other_name = view
        .other
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    let names = view.model.variants.iter().map(|v| v.name.as_str());
    let name_body = view.strings(names, &quote!(#other_name));
    let rows_body = view.lookup(&quote!(Self::ROWS), &quote!(&[]));
    let (receiver, constness, row) = (view.receiver(), view.constness(), &view.row);
    let code = code_fns(view);
    let classes = view.is_status().then(|| status_classes(view));
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl #name {
            /// Every code the document lists, in document order.
            pub const ALL: &'static [Self] = &[#(Self::#variants),*];
            #langs
            #code

            /// The variant's name, as `FromStr` accepts it.
            #[must_use]
            #[inline]
            pub #constness fn name(#receiver) -> &'static str {
                #name_body
            }

            /// Every row of the document that lists this code, in document order
            /// (most codes have one; the accessors give the first).
            #[must_use]
            #[inline]
            pub const fn rows(#receiver) -> &'static [#row] {
                #rows_body
            }
            #classes
        }
    }
}

/// The tables the per-variant `match`es do not cover, indexed by the variant's
/// position in `ALL`: every variant's rows, its texts in every language, and
/// the `Display` forms `FromStr` compares.
pub(super) fn data(view: &View<'_>) -> TokenStream {
    if view.variants.is_empty() && view.other.is_none() {
        return quote!(); // uninhabited: every method is `match self {}`
    }
    let (name, row) = (&view.name, &view.row);
    let fields = docs::row_fields(view);
    let rows = view.model.variants.iter().map(|variant| {
        let rows = variant.rows.iter().map(|r| {
            let line = u32::try_from(r.line).unwrap_or(u32::MAX);
            let statuses = &r.statuses;
            let texts = fields.iter().map(|(field, text)| {
                let value = super::text(r.text(*text));
                quote!(#field: #value)
            });
            let other = (!view.model.others.is_empty()).then(|| {
                let pairs = view.model.others.iter().enumerate().map(|(i, header)| {
                    let (header, text) = (super::text(header), super::text(r.other(i)));
                    quote!((#header, #text))
                });
                quote!(other: &[#(#pairs),*],)
            });
            quote!(#row { line: #line, statuses: &[#(#statuses),*], #(#texts,)* #other })
        });
        quote!(&[#(#rows),*])
    });
    let displays = super::texts(view.displays.iter().map(String::as_str));
    let position = position(view);
    let languages = language_tables(view);
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl #name {
            #[doc(hidden)]
            const ROWS: &'static [&'static [#row]] = &[#(#rows),*];
            #languages
            #[doc(hidden)]
            const DISPLAYS: &'static [&'static str] = &[#(#displays),*];
            #position
        }
    }
}

/// The variant's position in `ALL` (`None` for the catch-all).
fn position(view: &View<'_>) -> TokenStream {
    let receiver = view.receiver();
    let variants = &view.variants;
    let indexes = 0..variants.len();
    match &view.other {
        None => quote! {
            #[doc(hidden)]
            #[inline]
            const fn position(#receiver) -> usize {
                match self {
                    #(Self::#variants => #indexes,)*
                }
            }
        },
        Some(other) => quote! {
            #[doc(hidden)]
            #[inline]
            const fn position(#receiver) -> ::core::option::Option<usize> {
                match self {
                    #(Self::#variants => ::core::option::Option::Some(#indexes),)*
                    Self::#other(_) => ::core::option::Option::None,
                }
            }
        },
    }
}

fn code_fns(view: &View<'_>) -> TokenStream {
    let (variants, codes) = (&view.variants, &view.codes);
    if view.is_status() {
        let body = if view.other.is_none() && !variants.is_empty() {
            quote!(self as u16)
        } else {
            view.arms(codes, &view.other_arm(&quote!(unknown), &quote!(unknown.0)))
        };
        // A type with no code has no arm but the default: its body alone.
        let from_code = if codes.is_empty() {
            quote! {
                let _ = code;
                ::core::option::Option::None
            }
        } else {
            quote! {
                match code {
                    #(#codes => ::core::option::Option::Some(Self::#variants),)*
                    _ => ::core::option::Option::None,
                }
            }
        };
        return quote! {
            /// The numeric status code.
            #[must_use]
            #[inline]
            pub const fn code(self) -> u16 {
                #body
            }

            /// The variant the document lists for this code, if any.
            #[must_use]
            #[inline]
            pub const fn from_code(code: u16) -> ::core::option::Option<Self> {
                #from_code
            }
        };
    }
    let aliases = view.aliases();
    let code = if view.is_copy() {
        let body = view.arms(codes, &quote!());
        quote! {
            /// The error code, exactly as the document writes it.
            #[must_use]
            #[inline]
            pub const fn code(self) -> &'static str {
                #body
            }
        }
    } else {
        let body = view.arms(
            codes,
            &view.other_arm(&quote!(unknown), &quote!(&unknown.0)),
        );
        quote! {
            /// The error code: as the document writes it, or as it was received.
            #[must_use]
            #[inline]
            pub fn code(&self) -> &str {
                #body
            }
        }
    };
    quote! {
        #code

        /// The variant the document lists for this code (as written, or in
        /// the other notation an alias column gives), if any.
        #[must_use]
        pub fn from_code(code: &str) -> ::core::option::Option<Self> {
            match code {
                #(#codes #(| #aliases)* => ::core::option::Option::Some(Self::#variants),)*
                _ => ::core::option::Option::None,
            }
        }
    }
}

fn status_classes(view: &View<'_>) -> TokenStream {
    let classes = [
        ("is_informational", "informational", 100u16, 200u16),
        ("is_success", "a success", 200, 300),
        ("is_redirection", "a redirection", 300, 400),
        ("is_client_error", "a client error", 400, 500),
        ("is_server_error", "a server error", 500, 600),
    ];
    let empty = view.variants.is_empty() && view.other.is_none();
    let fns = classes.into_iter().map(|(name, what, low, high)| {
        let name = format_ident!("{name}");
        let doc = format!(" Whether the code is {what} ({low}–{}).", high - 1);
        let body = if empty {
            quote!(match self {})
        } else {
            quote!(let code = self.code(); code >= #low && code < #high)
        };
        quote! {
            #[doc = #doc]
            #[must_use]
            #[inline]
            pub const fn #name(self) -> bool {
                #body
            }
        }
    });
    quote!(#(#fns)*)
}

/// One accessor per text the document has, its `_in(lang)` twin when the type
/// has languages, the accessors the invocation names, and the HTTP statuses of
/// error codes.
pub(super) fn texts(view: &View<'_>) -> TokenStream {
    let name = &view.name;
    let receiver = view.receiver();
    let mut fns = Vec::new();
    for text in &view.model.texts {
        let method = format_ident!("{}", text.as_str());
        let doc = docs::text_doc(*text, view.model.langs.first());
        let body = view.strings(
            view.model.variants.iter().map(|v| v.text(*text)),
            &quote!(""),
        );
        fns.push(quote! {
            #[doc = #doc]
            #[must_use]
            #[inline]
            pub const fn #method(#receiver) -> &'static str {
                #body
            }
        });
        if !view.model.langs.is_empty() {
            fns.push(text_in(view, *text));
        }
    }
    for (accessor, index) in &view.model.accessors {
        let method = format_ident!("{accessor}");
        let header = &view.model.others[*index];
        let doc = format!(" The `{header}` column, exactly as the document writes it.");
        let texts = view
            .model
            .variants
            .iter()
            .map(|v| v.rows.first().map_or("", |r| r.other(*index)));
        let body = view.strings(texts, &quote!(""));
        fns.push(quote! {
            #[doc = #doc]
            #[must_use]
            #[inline]
            pub const fn #method(#receiver) -> &'static str {
                #body
            }
        });
    }
    if !view.is_status() && view.model.has_status {
        fns.push(http_statuses(view));
    }
    quote! {
        // Texts repeat across codes (a section, a status): one arm per variant
        // is still the shape that compiles to a table lookup.
        #[allow(clippy::match_same_arms)]
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl #name {
            #(#fns)*
        }
    }
}

/// `description_in(lang)` and its like: the text in a language chosen at run
/// time, from the per-language table of [`data`].
fn text_in(view: &View<'_>, text: Text) -> TokenStream {
    let method = format_ident!("{}_in", text.as_str());
    let table = in_table(text);
    let doc = format!(
        " The {} in the language `lang` (one of [`LANGS`](Self::LANGS)), if the type has it.",
        text.as_str()
    );
    let body = view.lookup(&quote!(Self::#table), &quote!(&[]));
    let receiver = view.receiver();
    quote! {
        #[doc = #doc]
        #[must_use]
        pub fn #method(#receiver, lang: &str) -> ::core::option::Option<&'static str> {
            let index = ::core::iter::Iterator::position(&mut Self::LANGS.iter(), |l| *l == lang)?;
            let texts: &'static [&'static str] = #body;
            texts.get(index).copied()
        }
    }
}

/// The name of the per-language table of `text` (`DESCRIPTION_IN`).
fn in_table(text: Text) -> proc_macro2::Ident {
    format_ident!("{}_IN", text.as_str().to_ascii_uppercase())
}

/// The per-language tables: for each text, each variant's first-row text in
/// every language.
fn language_tables(view: &View<'_>) -> TokenStream {
    if view.model.langs.is_empty() {
        return quote!();
    }
    let languages = view.model.langs.len();
    let tables = view.model.texts.iter().map(|text| {
        let table = in_table(*text);
        let rows = view.model.variants.iter().map(|v| {
            let texts = super::texts(
                (0..languages).map(|lang| v.rows.first().map_or("", |r| r.text_in(*text, lang))),
            );
            quote!(&[#(#texts),*])
        });
        quote!(#[doc(hidden)] const #table: &'static [&'static [&'static str]] = &[#(#rows),*];)
    });
    quote!(#(#tables)*)
}

fn http_statuses(view: &View<'_>) -> TokenStream {
    let receiver = view.receiver();
    let firsts = view
        .model
        .variants
        .iter()
        .map(|v| v.rows.first().and_then(|r| r.statuses.first()));
    let (first_type, first_doc, first) = if view.status_is_optional() {
        let values: Vec<TokenStream> = firsts
            .map(|status| {
                status.map_or_else(
                    || quote!(::core::option::Option::None),
                    |status| quote!(::core::option::Option::Some(#status)),
                )
            })
            .collect();
        (
            quote!(::core::option::Option<u16>),
            if view.other.is_some() {
                " The HTTP status the document gives for this code (the first of its first row); `None` for a code it does not list, or a row that gives none."
            } else {
                " The HTTP status the document gives for this code (the first of its first row); `None` when the row gives none (`N/A`, an empty cell, a table with no status column)."
            },
            view.arms(
                &values,
                &view.other_arm(&quote!(_), &quote!(::core::option::Option::None)),
            ),
        )
    } else {
        // Every row of an error table with a status column has one.
        let values: Vec<u16> = firsts.map(|status| status.copied().unwrap_or(0)).collect();
        (
            quote!(u16),
            " The HTTP status the document gives for this code (the first of its first row).",
            view.arms(&values, &quote!()),
        )
    };
    let all: Vec<TokenStream> = view
        .model
        .variants
        .iter()
        .map(|v| {
            let statuses = v.statuses();
            quote!(&[#(#statuses),*])
        })
        .collect();
    let all = view.arms(&all, &view.other_arm(&quote!(_), &quote!(&[])));
    quote! {
        #[doc = #first_doc]
        #[must_use]
        #[inline]
        pub const fn http_status(#receiver) -> #first_type {
            #first
        }

        /// Every HTTP status the document gives for this code, in order, once each.
        #[must_use]
        #[inline]
        pub const fn http_statuses(#receiver) -> &'static [u16] {
            #all
        }
    }
}

/// The row type `rows()` returns.
pub(super) fn row_type(view: &View<'_>) -> TokenStream {
    let (row, vis, name) = (&view.row, &view.options.visibility, &view.name);
    let doc = format!(" One row of `{}` listing a [`{name}`] code.", view.path());
    let fields = docs::row_fields(view).into_iter().map(|(field, text)| {
        let doc = format!(
            " The row's {}, exactly as written (empty if the cell is).",
            text.as_str()
        );
        quote!(#[doc = #doc] pub #field: &'static str,)
    });
    let other = (!view.model.others.is_empty()).then(|| {
        quote! {
            /// The columns with no recognised role: (header, text).
            pub other: &'static [(&'static str, &'static str)],
        }
    });
    let line_doc = format!(" The row's line in `{}`.", view.path());
    // A column the document gains is a field: not breaking either.
    let non_exhaustive = view
        .options
        .non_exhaustive
        .then(|| quote!(#[non_exhaustive]));
    quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
        #non_exhaustive
        #vis struct #row {
            #[doc = #line_doc]
            pub line: u32,
            /// The HTTP statuses the row gives.
            pub statuses: &'static [u16],
            #(#fields)*
            #other
        }
    }
}
