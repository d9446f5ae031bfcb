//! The trait impls of the generated type: `Display`, `FromStr`, the
//! conversions from and to the code, the error types, and the ordering of a
//! type with a catch-all.

use proc_macro2::TokenStream;
use quote::quote;

use super::View;
use super::items::value_traits;

pub(super) fn display(view: &View<'_>) -> TokenStream {
    let name = &view.name;
    // One literal per variant, matched as a person writes it (issue 20).
    let body = match &view.other {
        // No variant (a page of classes only): no value, and `f` unused.
        None if view.variants.is_empty() => quote!({
            let _ = f;
            match *self {}
        }),
        None => {
            let displays = view.strings(view.displays.iter().map(String::as_str), &quote!());
            quote!(f.pad(#displays))
        }
        Some(_) => {
            let unknown = if view.is_status() {
                quote!(::core::fmt::Display::fmt(&unknown.0, f))
            } else {
                quote!(f.pad(&unknown.0))
            };
            let displays: Vec<TokenStream> = super::texts(view.displays.iter().map(String::as_str))
                .into_iter()
                .map(|display| quote!(f.pad(#display)))
                .collect();
            view.arms(&displays, &view.other_arm(&quote!(unknown), &unknown))
        }
    };
    let doc = if view.is_status() {
        " Writes the code and its text, e.g. `413 overLimit`."
    } else {
        " Writes the code and its message, e.g. `EVS.0001 invalid tenant id!`."
    };
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl ::core::fmt::Display for #name {
            #[doc = #doc]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #body
            }
        }
    }
}

pub(super) fn from_str(view: &View<'_>) -> TokenStream {
    let (name, parse_error, variants) = (&view.name, &view.parse_error, &view.variants);
    let patterns = text_forms(view);
    // A type with no code has no name to match.
    let names = (!variants.is_empty()).then(|| {
        quote! {
            match s {
                #(#patterns => return ::core::result::Result::Ok(Self::#variants),)*
                _ => {}
            }
        }
    });
    let numbers = view.is_status().then(|| status_digits(view));
    let total = !view.is_status() && view.other.is_some();
    let (error, fallback, doc) = if total {
        (
            quote!(::core::convert::Infallible),
            quote!(::core::result::Result::Ok(
                <Self as ::core::convert::From<&str>>::from(s)
            )),
            " Accepts the code, the variant name or the `Display` form; any other text is kept as an undocumented code.",
        )
    } else if view.is_status() {
        (
            quote!(#parse_error),
            quote!(::core::result::Result::Err(#parse_error(()))),
            " Accepts the number (`\"413\"`), the variant name (`\"OverLimit\"`) or the `Display` form (`\"413 overLimit\"`).",
        )
    } else {
        (
            quote!(#parse_error),
            quote!(::core::result::Result::Err(#parse_error(()))),
            " Accepts the code (`\"EVS.0001\"`), the variant name (`\"Evs0001\"`) or the `Display` form.",
        )
    };
    // The `Display` forms are the private table `Display` writes: compared
    // there rather than written out again as patterns.
    let displays = (!variants.is_empty()).then(|| {
        let found = if view.is_copy() {
            quote!(Self::ALL[index])
        } else {
            quote!(::core::clone::Clone::clone(&Self::ALL[index]))
        };
        quote! {
            if let ::core::option::Option::Some(index) =
                ::core::iter::Iterator::position(&mut Self::DISPLAYS.iter(), |d| *d == s)
            {
                return ::core::result::Result::Ok(#found);
            }
        }
    });
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl ::core::str::FromStr for #name {
            type Err = #error;

            #[doc = #doc]
            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                #numbers
                #names
                #displays
                #fallback
            }
        }
    }
}

/// Per variant, the texts `FromStr` matches: the code and its other
/// notations (error tables) and the variant name, each once.
fn text_forms(view: &View<'_>) -> Vec<TokenStream> {
    let aliases = view.aliases();
    view.model
        .variants
        .iter()
        .zip(&aliases)
        .map(|(v, aliases)| {
            let mut forms: Vec<&str> = Vec::new();
            if !view.is_status() {
                forms.push(&v.code);
            }
            let aliases = aliases.iter();
            if !forms.contains(&v.name.as_str()) {
                forms.push(&v.name);
            }
            let forms = super::texts(forms);
            quote!(#(#forms)|* #(| #aliases)*)
        })
        .collect()
}

/// Digits are a status code, found by number rather than by comparing texts.
/// Read digit by digit, as `str::parse::<u16>` reads them (leading zeros
/// accepted, overflow an error) without its generic sign and radix handling:
/// the hand-written `match` on literals is the bar (issue 20).
fn status_digits(view: &View<'_>) -> TokenStream {
    let parse_error = &view.parse_error;
    let decode = if view.other.is_some() {
        quote! {
            return match code {
                ::core::option::Option::Some(code) => ::core::result::Result::Ok(<Self as ::core::convert::From<u16>>::from(code)),
                ::core::option::Option::None => ::core::result::Result::Err(#parse_error(())),
            };
        }
    } else {
        quote! {
            return match code {
                ::core::option::Option::Some(code) => match Self::from_code(code) {
                    ::core::option::Option::Some(status) => ::core::result::Result::Ok(status),
                    ::core::option::Option::None => ::core::result::Result::Err(#parse_error(())),
                },
                ::core::option::Option::None => ::core::result::Result::Err(#parse_error(())),
            };
        }
    };
    quote! {
        // Three digits, the usual case, without a loop.
        let digits = if let [a @ b'0'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] = *s.as_bytes() {
            let digit = |d: u8| <u16 as ::core::convert::From<u8>>::from(d - b'0');
            ::core::option::Option::Some(::core::option::Option::Some(digit(a) * 100 + digit(b) * 10 + digit(c)))
        } else if !s.is_empty() && ::core::iter::Iterator::all(&mut s.bytes(), |b| b.is_ascii_digit()) {
            ::core::option::Option::Some(::core::iter::Iterator::try_fold(&mut s.bytes(), 0u16, |code, digit| {
                code.checked_mul(10)?.checked_add(<u16 as ::core::convert::From<u8>>::from(digit - b'0'))
            }))
        } else {
            ::core::option::Option::None
        };
        if let ::core::option::Option::Some(code) = digits {
            #decode
        }
    }
}

/// The code from the type, and the type from the code.
pub(super) fn conversions(view: &View<'_>) -> TokenStream {
    let into = into_code(view);
    let from = match (view.is_status(), view.other.is_some()) {
        (true, false) => try_from_number(view),
        (true, true) => from_number(view),
        (false, false) => try_from_text(view),
        (false, true) => from_text(view),
    };
    quote!(#into #from)
}

fn into_code(view: &View<'_>) -> TokenStream {
    let name = &view.name;
    if view.is_status() {
        let body = if view.variants.is_empty() && view.other.is_none() {
            quote!(match status {})
        } else {
            quote!(status.code())
        };
        return quote! {
            impl ::core::convert::From<#name> for u16 {
                #[inline]
                fn from(status: #name) -> u16 {
                    #body
                }
            }
        };
    }
    if !view.is_copy() {
        return quote!();
    }
    quote! {
        impl ::core::convert::From<#name> for &'static str {
            #[inline]
            fn from(code: #name) -> &'static str {
                code.code()
            }
        }
    }
}

fn try_from_number(view: &View<'_>) -> TokenStream {
    let (name, unknown) = (&view.name, &view.unknown);
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl ::core::convert::TryFrom<u16> for #name {
            type Error = #unknown;

            fn try_from(code: u16) -> ::core::result::Result<Self, Self::Error> {
                match Self::from_code(code) {
                    ::core::option::Option::Some(status) => ::core::result::Result::Ok(status),
                    ::core::option::Option::None => ::core::result::Result::Err(#unknown(code)),
                }
            }
        }
    }
}

fn from_number(view: &View<'_>) -> TokenStream {
    let (name, unknown, other) = (&view.name, &view.unknown, &view.other);
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl ::core::convert::From<u16> for #name {
            /// The documented variant, or the catch-all keeping the code.
            fn from(code: u16) -> Self {
                match Self::from_code(code) {
                    ::core::option::Option::Some(status) => status,
                    ::core::option::Option::None => Self::#other(#unknown(code)),
                }
            }
        }
    }
}

fn try_from_text(view: &View<'_>) -> TokenStream {
    let (name, unknown) = (&view.name, &view.unknown);
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl<'a> ::core::convert::TryFrom<&'a str> for #name {
            type Error = #unknown<'a>;

            fn try_from(code: &'a str) -> ::core::result::Result<Self, Self::Error> {
                match Self::from_code(code) {
                    ::core::option::Option::Some(code) => ::core::result::Result::Ok(code),
                    ::core::option::Option::None => ::core::result::Result::Err(#unknown(code)),
                }
            }
        }
    }
}

fn from_text(view: &View<'_>) -> TokenStream {
    let (name, unknown, other, alloc) = (&view.name, &view.unknown, &view.other, view.alloc_path());
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl ::core::convert::From<&str> for #name {
            /// The documented variant, or the catch-all keeping the code.
            fn from(code: &str) -> Self {
                match Self::from_code(code) {
                    ::core::option::Option::Some(code) => code,
                    ::core::option::Option::None => Self::#other(#unknown(#alloc::boxed::Box::from(code))),
                }
            }
        }
    }
}

/// `Unknown{Name}` and `Parse{Name}Error`.
pub(super) fn error_types(view: &View<'_>) -> TokenStream {
    let unknown = match (view.is_status(), view.other.is_some()) {
        (true, _) => unknown_status(view),
        (false, false) => unknown_error_code(view),
        (false, true) => kept_error_code(view),
    };
    let name = &view.unknown;
    // `UnknownErrorCode<'a>` borrows the code it was given.
    let lifetime = (!view.is_status() && view.other.is_none()).then(|| quote!(<'_>));
    let parse = (view.is_status() || view.other.is_none()).then(|| parse_error(view));
    quote! {
        #unknown

        impl ::core::error::Error for #name #lifetime {}

        #parse
    }
}

fn unknown_status(view: &View<'_>) -> TokenStream {
    let (name, unknown, vis, path) = (
        &view.name,
        &view.unknown,
        &view.options.visibility,
        view.path(),
    );
    let value = value_traits(true);
    let doc = if view.other.is_some() {
        format!(
            " A status code that `{path}` does not list, kept by the catch-all variant of [`{name}`]."
        )
    } else {
        format!(" A code that is not in `{path}`; returned by `TryFrom<u16>` for [`{name}`].")
    };
    let display = format!("unknown status code {{}}: not in {path}");
    quote! {
        #[doc = #doc]
        #[derive(#value, ::core::cmp::PartialOrd, ::core::cmp::Ord)]
        #vis struct #unknown(u16);

        impl #unknown {
            /// The code.
            #[must_use]
            #[inline]
            pub const fn code(self) -> u16 {
                self.0
            }
        }

        impl ::core::fmt::Display for #unknown {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, #display, self.0)
            }
        }
    }
}

fn unknown_error_code(view: &View<'_>) -> TokenStream {
    let (name, unknown, vis, path) = (
        &view.name,
        &view.unknown,
        &view.options.visibility,
        view.path(),
    );
    let value = value_traits(true);
    let doc = format!(
        " A code that is not in `{path}`, as it was given; returned by `TryFrom<&str>` for [`{name}`]. It borrows the code (no allocation, no `alloc` needed): to keep it past the input, keep `code().to_owned()`."
    );
    let display = format!("unknown error code {{}}: not in {path}");
    quote! {
        #[doc = #doc]
        #[derive(#value)]
        #vis struct #unknown<'a>(&'a str);

        impl<'a> #unknown<'a> {
            /// The code, as it was given.
            #[must_use]
            #[inline]
            pub const fn code(&self) -> &'a str {
                self.0
            }
        }

        impl ::core::fmt::Display for #unknown<'_> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, #display, self.0)
            }
        }
    }
}

fn kept_error_code(view: &View<'_>) -> TokenStream {
    let (name, unknown, vis, path) = (
        &view.name,
        &view.unknown,
        &view.options.visibility,
        view.path(),
    );
    let (value, alloc) = (value_traits(false), view.alloc_path());
    let doc = format!(
        " An error code that `{path}` does not list, kept by the catch-all variant of [`{name}`]."
    );
    let display = format!("unknown error code {{}}: not in {path}");
    quote! {
        #[doc = #doc]
        #[derive(#value, ::core::cmp::PartialOrd, ::core::cmp::Ord)]
        #vis struct #unknown(#alloc::boxed::Box<str>);

        impl #unknown {
            /// The code, as it was received.
            #[must_use]
            #[inline]
            pub fn code(&self) -> &str {
                &self.0
            }
        }

        impl ::core::fmt::Display for #unknown {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, #display, self.0)
            }
        }
    }
}

fn parse_error(view: &View<'_>) -> TokenStream {
    let (name, parse_error, vis, path) = (
        &view.name,
        &view.parse_error,
        &view.options.visibility,
        view.path(),
    );
    let doc = format!(
        " A string that is neither a code nor a variant name of [`{name}`]; returned by its `FromStr`."
    );
    let display = if view.is_status() {
        format!(
            "unknown status code: expected a code listed in {path} (such as `404`) or a variant name of `{name}`"
        )
    } else {
        format!(
            "unknown error code: expected a code listed in {path} or a variant name of `{name}`"
        )
    };
    let value = value_traits(true);
    quote! {
        #[doc = #doc]
        #[derive(#value)]
        #vis struct #parse_error(());

        impl ::core::fmt::Display for #parse_error {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(#display)
            }
        }

        impl ::core::error::Error for #parse_error {}
    }
}

/// With a catch-all, the order is by code (undocumented codes included).
pub(super) fn ordering(view: &View<'_>) -> TokenStream {
    if view.other.is_none() {
        return quote!();
    }
    let name = &view.name;
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl ::core::cmp::PartialOrd for #name {
            fn partial_cmp(&self, other: &Self) -> ::core::option::Option<::core::cmp::Ordering> {
                ::core::option::Option::Some(::core::cmp::Ord::cmp(self, other))
            }
        }

        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl ::core::cmp::Ord for #name {
            /// By code.
            fn cmp(&self, other: &Self) -> ::core::cmp::Ordering {
                ::core::cmp::Ord::cmp(&self.code(), &other.code())
            }
        }
    }
}
