//! Status-code and error-code enums generated from the tables of API
//! documentation. Each module is one service; its documents (in `tables/`, part
//! of the package) are the source of truth.
//!
//! Features: `macros` (default: the types are generated from `tables/` at
//! compile time, and the crate is rebuilt whenever a document changes) or
//! `prebuilt` (the committed expansions in `generated/`, checked identical by
//! `status-table check`: nothing but this crate to build); `std` (default;
//! without it the crate is `no_std`), `http` (conversions with
//! `http::StatusCode`), `serde` (status codes as numbers, error codes as
//! strings).
//!
//! The types are `#[non_exhaustive]` (the enums and their row structs): a row
//! or a column that a document gains is not a breaking change.
#![cfg_attr(not(feature = "std"), no_std)]
// docs.rs: each item shows the features it needs.
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(not(any(feature = "macros", feature = "prebuilt")))]
compile_error!(
    "status-core needs the feature `macros` (the default: types generated from tables/ at compile time) or `prebuilt` (the committed expansions in generated/, no proc macro)"
);

/// Huawei Cloud Elastic Volume Service (EVS): the API reference pages
/// "HTTP状态码" / "HTTP Status Codes" (`tables/evs_04_0039.md` and its English
/// twin) and "Error Codes" (`tables/evs_04_0038.en.md`).
pub mod evs {
    #[cfg(feature = "prebuilt")]
    include!("../generated/tables/evs_04_0039-StatusCode.rs");
    #[cfg(feature = "prebuilt")]
    include!("../generated/tables/evs_04_0038.en-ErrorCode.rs");

    #[cfg(all(feature = "macros", not(feature = "prebuilt")))]
    status_macros::status_table!(
        "tables/evs_04_0039.md",
        lang = "zh",
        translation(en = "tables/evs_04_0039.en.md"),
        http = "http",
        serde = "serde",
        non_exhaustive,
    );
    #[cfg(all(feature = "macros", not(feature = "prebuilt")))]
    status_macros::status_table!(
        "tables/evs_04_0038.en.md",
        name = ErrorCode,
        lang = "en",
        http = "http",
        serde = "serde",
        non_exhaustive,
    );
}
