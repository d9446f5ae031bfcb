//! The generated code names everything by absolute path.
#![no_implicit_prelude]
#![deny(warnings)]

::status_table::status_table!("tables/evs_04_0039.md");

fn main() {
    ::std::assert_eq!(
        StatusCode::from_code(415),
        ::std::option::Option::Some(StatusCode::BadMediaType)
    );
}
