//! Status-code and error-code enums generated from the tables of API
//! documentation. Each module is one service; its documents (in `tables/`, part
//! of the package) are the source of truth.
//!
//! The types are the expansions of `status_table!` committed in `generated/`
//! (`status-table check` keeps them identical to what the documents give):
//! building this crate builds no proc macro and no parser. Features: `std`
//! (default; without it the crate is `no_std`), `http` (conversions with
//! `http::StatusCode`), `serde` (status codes as numbers, error codes as
//! strings), and for this crate's maintainers `regenerate` (the proc macro
//! reads the documents at build time, and the crate is rebuilt when one
//! changes).
//!
//! The types are `#[non_exhaustive]` (the enums and their row structs): a row
//! or a column that a document gains is not a breaking change.
#![cfg_attr(not(feature = "std"), no_std)]
// docs.rs: each item shows the features it needs.
#![cfg_attr(docsrs, feature(doc_cfg))]

/// Huawei Cloud Elastic Volume Service (EVS): the API reference pages
/// "HTTP状态码" / "HTTP Status Codes" (`tables/evs_04_0039.md` and its English
/// twin) and "Error Codes" (`tables/evs_04_0038.en.md`).
pub mod evs {
    status_table::status_table!(
        "tables/evs_04_0039.md",
        lang = "zh",
        translation(en = "tables/evs_04_0039.en.md"),
        http = "http",
        serde = "serde",
        non_exhaustive,
    );
    status_table::status_table!(
        "tables/evs_04_0038.en.md",
        name = ErrorCode,
        lang = "en",
        http = "http",
        serde = "serde",
        non_exhaustive,
    );
}
