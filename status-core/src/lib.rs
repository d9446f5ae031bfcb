//! Status-code enums generated at compile time from the tables of API
//! documentation. Each module is one document; the document is the source of
//! truth, and this crate is rebuilt whenever it changes.
//!
//! Features: `std` (default; without it the crate is `no_std`), `http`
//! (conversions with `http::StatusCode`), `serde` (the code as a number).
#![cfg_attr(not(feature = "std"), no_std)]

/// Huawei Cloud Elastic Volume Service (EVS): the API reference page
/// "HTTP状态码" (`tables/evs_04_0039.md`).
pub mod evs {
    status_macros::status_table!("tables/evs_04_0039.md", http = "http", serde = "serde");
}
