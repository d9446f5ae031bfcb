//! Rust enums generated at compile time from the status-code tables of API
//! documentation, so the published document stays the single source of truth.
//!
//! ```
//! use status_table::evs::StatusCode;
//!
//! let status = StatusCode::from_code(413).unwrap();
//! assert_eq!(status, StatusCode::OverLimit);
//! assert_eq!(status.description(), "overLimit");
//! assert_eq!(status.to_string(), "413 overLimit");
//! ```
//!
//! Features: `macros` (default: the `status_table!` macro, and status-core's
//! types generated from its documents at compile time) or `prebuilt`
//! (status-core's committed expansions: no proc macro, no parser to build);
//! `std` (default), `http`, `serde`.
#![cfg_attr(not(feature = "std"), no_std)]
// docs.rs: each item shows the features it needs.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub use status_core::evs;
/// The macro (feature `macros`, on by default); with `prebuilt` alone the
/// types come from committed files and no proc macro is built.
#[cfg(feature = "macros")]
pub use status_macros::status_table;

/// The README's examples, compiled and run as doctests (they use the macro).
#[cfg(all(doctest, feature = "macros"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
