//! A table of classes only (`2xx`, `4xx`, `5xx`) gives a type with no
//! variant, and compiles under `deny(warnings)` (as a committed file too:
//! status-cli/tests/compiles.rs).
#![deny(warnings, missing_docs)]

status_table::status_table!("tests/documents/fixtures/rows/only_classes.md");

fn main() {
    assert!(StatusCode::ALL.is_empty());
    assert_eq!(StatusCode::from_code(200), None);
}
