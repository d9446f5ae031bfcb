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
use quote::{format_ident, quote, quote_spanned};

use crate::model::{Kind, Model, Text};
use crate::options::Options;

/// The generated type for `model`.
pub(crate) fn generate(model: &Model, options: &Options) -> TokenStream {
    let view = View::new(model, options);
    let items = [
        items::alloc_crate(&view),
        items::enum_item(&view),
        items::inherent(&view),
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
    quote!(#(#items)*)
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
                None => Literal::string(&v.code),
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
    pub(crate) fn arms(&self, values: &[TokenStream], other_arm: &TokenStream) -> TokenStream {
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

    /// A text of every variant (first row), as string literals.
    pub(crate) fn text_values(&self, text: Text, lang: usize) -> Vec<TokenStream> {
        self.model
            .variants
            .iter()
            .map(|v| {
                let value = v.rows.first().map_or("", |r| r.text_in(text, lang));
                quote!(#value)
            })
            .collect()
    }

    /// `#[cfg(feature = "…")]` for a gate, or nothing.
    pub(crate) fn cfg(gate: &crate::options::Condition) -> TokenStream {
        match gate {
            crate::options::Condition::Always => quote!(),
            crate::options::Condition::Feature(feature) => quote!(#[cfg(feature = #feature)]),
        }
    }

    /// The `alloc` crate's path, spanned at the `other` option so that a
    /// target without `alloc` is an error there.
    pub(crate) fn alloc_path(&self) -> TokenStream {
        let alloc = &self.alloc;
        quote_spanned!(self.other_span=> #alloc)
    }
}
