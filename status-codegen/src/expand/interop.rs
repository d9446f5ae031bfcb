//! The optional `http` and `serde` impls, each always or under a cargo feature
//! of the invoking crate, as the invocation chooses. The generated code names
//! `::http` and `::serde`, so it never makes a user depend on them.

use proc_macro2::TokenStream;
use quote::quote;

use super::View;

/// `http::StatusCode` conversions: for status codes the code itself, for
/// error codes the HTTP status the document gives.
pub(super) fn http(view: &View<'_>) -> TokenStream {
    let Some(gate) = &view.options.http else {
        return quote!();
    };
    let cfg = View::cfg(gate);
    let body = match (view.is_status(), view.other.is_some()) {
        (true, false) => status_http(view),
        (true, true) => status_http_total(view),
        (false, _) if view.model.has_status => error_http(view),
        (false, _) => quote!(),
    };
    quote!(#cfg const _: () = { #body };)
}

fn status_http(view: &View<'_>) -> TokenStream {
    let (name, unknown) = (&view.name, &view.unknown);
    let into = if view.variants.is_empty() {
        quote!(match status {})
    } else {
        quote! {
            // Every documented code is from 100 to 999, which `from_u16`
            // accepts: the second arm is never taken, and nothing panics.
            match ::http::StatusCode::from_u16(status.code()) {
                ::core::result::Result::Ok(code) => code,
                ::core::result::Result::Err(_) => ::http::StatusCode::INTERNAL_SERVER_ERROR,
            }
        }
    };
    quote! {
        impl ::core::convert::From<#name> for ::http::StatusCode {
            fn from(status: #name) -> Self {
                #into
            }
        }

        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl ::core::convert::TryFrom<::http::StatusCode> for #name {
            type Error = #unknown;

            fn try_from(status: ::http::StatusCode) -> ::core::result::Result<Self, Self::Error> {
                <Self as ::core::convert::TryFrom<u16>>::try_from(status.as_u16())
            }
        }
    }
}

/// With a catch-all every `http::StatusCode` is a value; the other way, a code
/// outside 100–999 has no `http::StatusCode`.
fn status_http_total(view: &View<'_>) -> TokenStream {
    let name = &view.name;
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl ::core::convert::From<::http::StatusCode> for #name {
            fn from(status: ::http::StatusCode) -> Self {
                <Self as ::core::convert::From<u16>>::from(status.as_u16())
            }
        }

        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl #name {
            /// The code as an `http::StatusCode`; `None` for a received code
            /// outside 100–999.
            #[must_use]
            pub fn http_status_code(self) -> ::core::option::Option<::http::StatusCode> {
                ::http::StatusCode::from_u16(self.code()).ok()
            }
        }
    }
}

fn error_http(view: &View<'_>) -> TokenStream {
    let (name, receiver) = (&view.name, view.receiver());
    if view.status_is_optional() {
        return quote! {
            // A match over every code is as long as the page.
            #[allow(clippy::too_many_lines)]
            impl #name {
                /// The HTTP status the document gives for this code, as an
                /// `http::StatusCode`; `None` for a code it does not list or
                /// a row that gives no status.
                #[must_use]
                pub fn http_status_code(#receiver) -> ::core::option::Option<::http::StatusCode> {
                    ::http::StatusCode::from_u16(self.http_status()?).ok()
                }
            }
        };
    }
    let body = if view.variants.is_empty() {
        quote!(match self {})
    } else {
        quote! {
            // Every status in the table is from 100 to 999, which `from_u16`
            // accepts: the second arm is never taken, and nothing panics.
            match ::http::StatusCode::from_u16(self.http_status()) {
                ::core::result::Result::Ok(code) => code,
                ::core::result::Result::Err(_) => ::http::StatusCode::INTERNAL_SERVER_ERROR,
            }
        }
    };
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl #name {
            /// The HTTP status the document gives for this code, as an `http::StatusCode`.
            #[must_use]
            pub fn http_status_code(#receiver) -> ::http::StatusCode {
                #body
            }
        }
    }
}

/// `Serialize`/`Deserialize`: status codes as their number, error codes as
/// their string. An undocumented value is the catch-all when there is one,
/// else an error naming it and the document.
pub(super) fn serde(view: &View<'_>) -> TokenStream {
    let Some(gate) = &view.options.serde else {
        return quote!();
    };
    let cfg = View::cfg(gate);
    let body = if view.is_status() {
        status_serde(view)
    } else {
        error_serde(view)
    };
    quote!(#cfg const _: () = { #body };)
}

fn status_serde(view: &View<'_>) -> TokenStream {
    let name = &view.name;
    let expected = format!("a status code listed in {}", view.path());
    let serialize = if view.variants.is_empty() && view.other.is_none() {
        quote!(match *self {})
    } else {
        quote!(serializer.serialize_u16(self.code()))
    };
    let decode = if view.other.is_some() {
        quote!(::core::result::Result::Ok(
            <Self as ::core::convert::From<u16>>::from(code)
        ))
    } else {
        quote! {
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
    };
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                #serialize
            }
        }

        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                let code = <u16 as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
                #decode
            }
        }
    }
}

fn error_serde(view: &View<'_>) -> TokenStream {
    let name = &view.name;
    let expected = format!("an error code listed in {}", view.path());
    let serialize = if view.variants.is_empty() && view.other.is_none() {
        quote!(match *self {})
    } else {
        quote!(serializer.serialize_str(self.code()))
    };
    let decode = if view.other.is_some() {
        quote!(::core::result::Result::Ok(<#name as ::core::convert::From<&str>>::from(code)))
    } else {
        quote! {
            match #name::from_code(code) {
                ::core::option::Option::Some(code) => ::core::result::Result::Ok(code),
                ::core::option::Option::None => ::core::result::Result::Err(
                    <E as ::serde::de::Error>::invalid_value(::serde::de::Unexpected::Str(code), &self),
                ),
            }
        }
    };
    quote! {
        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                #serialize
            }
        }

        // A match over every code is as long as the page.
        #[allow(clippy::too_many_lines)]
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                struct Visitor;

                impl ::serde::de::Visitor<'_> for Visitor {
                    type Value = #name;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expected)
                    }

                    fn visit_str<E: ::serde::de::Error>(self, code: &str) -> ::core::result::Result<#name, E> {
                        #decode
                    }
                }

                deserializer.deserialize_str(Visitor)
            }
        }
    }
}
