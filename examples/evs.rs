//! Prints the enum generated from `tables/evs_04_0039.md`: every row, as the
//! document lists it.
//!
//! ```text
//! cargo run --example evs
//! ```

use status_table::evs::StatusCode;

fn main() {
    println!(
        "{:<4}  {:<28}  {:<7}  description",
        "code", "variant", "section"
    );
    for status in StatusCode::ALL {
        println!(
            "{:<4}  {:<28}  {:<7}  {}",
            status.code(),
            status.name(),
            status.section(),
            status.description()
        );
    }
    println!(
        "\n{} codes; StatusCode::from_code(413) = {:?}",
        StatusCode::ALL.len(),
        StatusCode::from_code(413)
    );
}
