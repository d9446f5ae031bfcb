//! The generated code adds no warning and documents every public item.
#![deny(warnings, missing_docs)]

status_table::status_table!("tables/evs_04_0039.md");

fn main() {
    assert_eq!(StatusCode::OverLimit.code(), 413);
}
