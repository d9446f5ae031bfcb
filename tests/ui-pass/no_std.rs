//! The generated code needs only `core`: no `std` path, no `alloc`.
#![no_std]
#![deny(warnings, missing_docs)]

extern crate std;

status_table::status_table!("tables/evs_04_0039.md", vis = pub(crate));

fn main() {
    let error: &dyn core::error::Error = &StatusCode::try_from(418).unwrap_err();
    std::println!("{error}");
}
