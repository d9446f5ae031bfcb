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
#![cfg_attr(not(feature = "std"), no_std)]

pub use status_core::evs;
pub use status_macros::status_table;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
