//! The generated code needs only `core`: no `std` path, no `alloc`.
#![no_std]
#![deny(warnings, missing_docs)]

extern crate std;

status_table::status_table!("tables/evs_04_0039.md", vis = pub(crate));
status_table::status_table!("tables/evs_04_0038.en.md", vis = pub(crate));

fn main() {
    let error: &dyn core::error::Error = &StatusCode::try_from(418).unwrap_err();
    std::println!("{error}");
    // The unknown error code is kept without `alloc`: it borrows the input.
    let error = ErrorCode::try_from("EVS.9999").unwrap_err();
    let code: &'static str = error.code();
    let error: &dyn core::error::Error = &error;
    std::println!("{error} {code}");
}
