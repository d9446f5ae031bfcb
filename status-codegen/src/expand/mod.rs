//! Expansion: the validated model becomes tokens.
//!
//! The output is boring on purpose: absolute paths, no `use`, a doc comment on
//! every public item, and the document's text only inside string literals and
//! `#[doc]` attributes. Everything that can be decided now is decided now:
//! `Display` writes one precomputed string, `FromStr` matches literals.
//!
//! [`generate`] computes one [`View`] of the model and hands it to one short
//! function per emitted item.

mod docs;
mod interop;
mod items;
mod traits;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};

use crate::model::{Kind, Model, Text};
use crate::options::Options;

/// The generated type for `model`.
pub(crate) fn generate(model: &Model, options: &Options) -> TokenStream {
    let view = View::new(model, options);
    let items = [
        items::alloc_crate(&view),
        items::enum_item(&view),
        items::inherent(&view),
        items::data(&view),
        items::texts(&view),
        items::row_type(&view),
        traits::display(&view),
        traits::from_str(&view),
        traits::conversions(&view),
        traits::error_types(&view),
        traits::ordering(&view),
        interop::http(&view),
        interop::serde(&view),
    ];
    // Moved, not interpolated: interpolating copies every token.
    items.into_iter().collect()
}

/// A string literal of the document's text, written as is: `"…"` when the
/// text needs no escape, else a raw string `r#"…"#` with enough `#`s. The
/// same value as `Literal::string`, without escaping every character (which is
/// most of the cost of generating a large page's code); falls back to it for
/// text a raw string cannot hold (a carriage return).
pub(crate) fn text(value: &str) -> Literal {
    let plain = !value.contains(['"', '\\']) && !value.chars().any(char::is_control);
    let mut written = String::with_capacity(value.len() + 8);
    if plain {
        written.push('"');
        written.push_str(value);
        written.push('"');
    } else if value.contains('\r') {
        return Literal::string(value);
    } else {
        let mut hashes = 1;
        while value.contains(&format!("\"{}", "#".repeat(hashes))) {
            hashes += 1;
        }
        let hashes = "#".repeat(hashes);
        written.push('r');
        written.push_str(&hashes);
        written.push('"');
        written.push_str(value);
        written.push('"');
        written.push_str(&hashes);
    }
    written.parse().unwrap_or_else(|_| Literal::string(value))
}

/// Every element of `values` as a literal ([`text`]).
pub(crate) fn texts<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<Literal> {
    values.into_iter().map(text).collect()
}

/// Everything the item functions need, computed once.
pub(crate) struct View<'m> {
    pub(crate) model: &'m Model,
    pub(crate) options: &'m Options,
    /// The enum.
    pub(crate) name: Ident,
    /// `Unknown{Name}`: the `TryFrom` error, or the catch-all's payload.
    pub(crate) unknown: Ident,
    /// `Parse{Name}Error`.
    pub(crate) parse_error: Ident,
    /// `{Name}Row`.
    pub(crate) row: Ident,
    /// The catch-all variant, when the invocation asks for one.
    pub(crate) other: Option<Ident>,
    /// Where the catch-all is asked for.
    pub(crate) other_span: Span,
    /// One per variant.
    pub(crate) variants: Vec<Ident>,
    /// The codes: `u16` literals for status tables, strings for error tables.
    pub(crate) codes: Vec<Literal>,
    /// The `Display` text of each variant.
    pub(crate) displays: Vec<String>,
    /// The private name of the `alloc` crate, for an error catch-all.
    pub(crate) alloc: Ident,
}

impl<'m> View<'m> {
    /// Whether `http_status()` is an `Option`: a catch-all, or a documented
    /// code whose rows give no status (`N/A`, an empty cell, a table with no
    /// status column).
    pub(crate) fn status_is_optional(&self) -> bool {
        self.other.is_some() || self.model.variants.iter().any(|v| v.statuses().is_empty())
    }

    /// Each variant's other notations, as string literals: those no code and
    /// no earlier variant has, so that every match arm can be reached.
    pub(crate) fn aliases(&self) -> Vec<Vec<Literal>> {
        // A set, not a list: an alias column on a long page made this quadratic.
        let mut seen: std::collections::HashSet<&str> = self
            .model
            .variants
            .iter()
            .map(|v| v.code.as_str())
            .collect();
        self.model
            .variants
            .iter()
            .map(|v| {
                v.aliases()
                    .into_iter()
                    .filter(|alias| seen.insert(alias))
                    .map(text)
                    .collect()
            })
            .collect()
    }

    fn new(model: &'m Model, options: &'m Options) -> Self {
        let name = Ident::new(&model.type_name, Span::call_site());
        let variants = model
            .variants
            .iter()
            .map(|v| Ident::new(&v.name, Span::call_site()))
            .collect();
        let codes = model
            .variants
            .iter()
            .map(|v| match v.number {
                Some(number) => Literal::u16_unsuffixed(number),
                None => text(&v.code),
            })
            .collect();
        let displays = model
            .variants
            .iter()
            .map(|v| {
                let text = [Text::Message, Text::Description, Text::Reason]
                    .into_iter()
                    .map(|t| v.text(t))
                    .find(|t| !t.is_empty());
                match text {
                    Some(text) => format!("{} {text}", v.code),
                    None => v.code.clone(),
                }
            })
            .collect();
        let (other, other_span) = match &options.other {
            Some((other, span)) => (Some(Ident::new(other, Span::call_site())), *span),
            None => (None, Span::call_site()),
        };
        Self {
            unknown: format_ident!("Unknown{}", name),
            parse_error: format_ident!("Parse{}Error", name),
            row: format_ident!("{}Row", name),
            alloc: format_ident!("__status_table_alloc_{}", name),
            name,
            other,
            other_span,
            variants,
            codes,
            displays,
            model,
            options,
        }
    }

    /// Whether the type is a status-code enum.
    pub(crate) fn is_status(&self) -> bool {
        self.model.kind == Kind::Status
    }

    /// Whether the enum is `Copy` (everything but an error-code catch-all).
    pub(crate) fn is_copy(&self) -> bool {
        self.other.is_none() || self.is_status()
    }

    /// The receiver of methods: `self` for `Copy` types, `&self` otherwise.
    pub(crate) fn receiver(&self) -> TokenStream {
        if self.is_copy() {
            quote!(self)
        } else {
            quote!(&self)
        }
    }

    /// `const` for methods that can be const for this type.
    pub(crate) fn constness(&self) -> TokenStream {
        if self.is_copy() {
            quote!(const)
        } else {
            quote!()
        }
    }

    /// `match self { Self::A => a, … }` with one value per variant, then the
    /// catch-all's arm (from [`other_arm`](Self::other_arm)). An uninhabited
    /// type matches nothing.
    pub(crate) fn arms<T: ToTokens>(&self, values: &[T], other_arm: &TokenStream) -> TokenStream {
        let variants = &self.variants;
        if variants.is_empty() && self.other.is_none() {
            return if self.is_copy() {
                quote!(match self {})
            } else {
                quote!(match *self {})
            };
        }
        quote! {
            match self {
                #(Self::#variants => #values,)*
                #other_arm
            }
        }
    }

    /// `match self { Self::A => "a", … }` with one string per variant (the
    /// document's text, as a literal), and `other` for the catch-all.
    pub(crate) fn strings<'a>(
        &self,
        values: impl IntoIterator<Item = &'a str>,
        other: &TokenStream,
    ) -> TokenStream {
        let values = texts(values);
        self.arms(&values, &self.other_arm(&quote!(_), other))
    }

    /// A value of `table` (a private table indexed by the variant's position in
    /// `ALL`), or `other` for the catch-all. An uninhabited type matches nothing.
    pub(crate) fn lookup(&self, table: &TokenStream, other: &TokenStream) -> TokenStream {
        if self.variants.is_empty() && self.other.is_none() {
            return if self.is_copy() {
                quote!(match self {})
            } else {
                quote!(match *self {})
            };
        }
        if self.other.is_none() {
            return quote!(#table[self.position()]);
        }
        quote! {
            match self.position() {
                ::core::option::Option::Some(index) => #table[index],
                ::core::option::Option::None => #other,
            }
        }
    }

    /// `Self::Other(pattern) => body,` when the type has a catch-all.
    pub(crate) fn other_arm(&self, pattern: &TokenStream, body: &TokenStream) -> TokenStream {
        match &self.other {
            Some(other) => quote!(Self::#other(#pattern) => #body,),
            None => quote!(),
        }
    }

    /// The path of the document, as written.
    pub(crate) fn path(&self) -> &str {
        self.model.path()
    }

    /// `#[cfg(feature = "…")]` for a gate, or nothing.
    pub(crate) fn cfg(gate: &crate::options::Condition) -> TokenStream {
        match gate {
            crate::options::Condition::Always => quote!(),
            crate::options::Condition::Feature(feature) => quote!(#[cfg(feature = #feature)]),
        }
    }

    /// The `alloc` crate's path, spanned at the `other` option so that a
    /// target without `alloc` is an error there when the tokens are handed
    /// over as they are (the CLI's checks, build.rs); the macro hands a clean
    /// expansion over as text, and then the error is at the invocation.
    pub(crate) fn alloc_path(&self) -> TokenStream {
        let alloc = &self.alloc;
        quote_spanned!(self.other_span=> #alloc)
    }
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn text_literals_hold_the_text_exactly() {
        for value in [
            "OK",
            "say \"hello\"",
            "C:\\path",
            "a\"#b",
            "tab\there",
            "r#\"x\"#",
            "line\rcr",
            "状态码",
            "",
        ] {
            let literal: syn::LitStr =
                syn::parse2(proc_macro2::TokenTree::Literal(text(value)).into()).unwrap();
            assert_eq!(literal.value(), value);
        }
    }
}
