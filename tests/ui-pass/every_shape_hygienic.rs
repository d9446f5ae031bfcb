//! Every shape of generated type (status and error codes, with and without a
//! catch-all, translations, interop, row types) names everything by absolute
//! path, adds no warning and documents every public item.
#![no_implicit_prelude]
#![deny(warnings, missing_docs)]

/// Status codes with a translation and interop.
pub mod status {
    ::status_table::status_table!(
        "tables/evs_04_0039.md",
        lang = "zh",
        translation(en = "tables/evs_04_0039.en.md"),
        http,
        serde,
    );
}

/// Status codes with a catch-all.
pub mod status_other {
    ::status_table::status_table!("tables/evs_04_0039.md", other = Other, http, serde);
}

/// Error codes with interop.
pub mod errors {
    ::status_table::status_table!("tables/evs_04_0038.en.md", lang = "en", http, serde);
}

/// Error codes with a catch-all.
pub mod errors_other {
    ::status_table::status_table!("tables/evs_04_0038.en.md", other = Other, http, serde);
}

/// Error codes in two notations (an alias column), with a catch-all.
pub mod aliases {
    ::status_table::status_table!(
        "tests/documents/fixtures/columns/alias_hex_decimal.md",
        other = Other,
        serde,
    );
}

/// Error codes with no HTTP status column (a module column, a code on
/// several rows).
pub mod no_status {
    ::status_table::status_table!(
        "tests/documents/corpus/otc-docs-md/kms_error-code_module-rowspan.en.md",
        http,
        serde,
    );
}

/// A column per language, and an accessor for an unrecognised column.
pub mod columns {
    ::status_table::status_table!(
        "tests/documents/fixtures/translations/errors.two-languages.md",
        lang = "zh",
        fallback,
    );
}

fn main() {
    ::std::assert_eq!(no_status::ErrorCode::Kms0101.module(), "Common");
    ::std::assert_eq!(status::StatusCode::OverLimit.section_in("en"), ::std::option::Option::Some("Abnormal"));
    let status = <status_other::StatusCode as ::std::convert::From<u16>>::from(429);
    ::std::assert_eq!(status.code(), 429);
    ::std::assert_eq!(errors::ErrorCode::Evs0001.http_status(), 400);
    let error = <errors_other::ErrorCode as ::std::convert::From<&str>>::from("EVS.9999");
    ::std::assert_eq!(error.code(), "EVS.9999");
    ::std::assert_eq!(columns::ErrorCode::Ord0001.description_in("en"), ::std::option::Option::Some("Invalid order ID."));
}
