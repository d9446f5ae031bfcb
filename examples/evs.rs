//! Prints the types generated from the EVS pages in `tables/`: every status
//! code of `evs_04_0039.md` with its Chinese and English texts, and the first
//! error codes of `evs_04_0038.en.md`, as the documents list them.
//!
//! ```text
//! cargo run --example evs
//! ```

use status_core::evs::{ErrorCode, StatusCode};
use unicode_width::UnicodeWidthStr;

/// `text` padded with spaces to `width` terminal columns (CJK characters take two).
fn pad(text: &str, width: usize) -> String {
    let mut padded = text.to_owned();
    padded.push_str(&" ".repeat(width.saturating_sub(text.width())));
    padded
}

fn main() {
    println!(
        "status_core::evs::StatusCode, from tables/evs_04_0039.md (zh) and tables/evs_04_0039.en.md (en)\n"
    );
    println!(
        "{}  {}  {}  {}  description",
        pad("code", 4),
        pad("variant", 28),
        pad("section (zh)", 12),
        pad("section (en)", 12)
    );
    for status in StatusCode::ALL {
        println!(
            "{}  {}  {}  {}  {}",
            pad(&status.code().to_string(), 4),
            pad(status.name(), 28),
            pad(status.section(), 12),
            pad(status.section_in("en").unwrap_or_default(), 12),
            status.description()
        );
    }
    println!(
        "\n{} codes; StatusCode::from_code(413) = {:?}",
        StatusCode::ALL.len(),
        StatusCode::from_code(413)
    );

    println!(
        "\nstatus_core::evs::ErrorCode, from tables/evs_04_0038.en.md (first 8 of {})\n",
        ErrorCode::ALL.len()
    );
    println!(
        "{}  {}  {}  message",
        pad("code", 11),
        pad("variant", 12),
        pad("http", 4)
    );
    for code in &ErrorCode::ALL[..8] {
        println!(
            "{}  {}  {}  {}",
            pad(code.code(), 11),
            pad(code.name(), 12),
            pad(&code.http_status().to_string(), 4),
            code.message()
        );
    }
    let repeated = ErrorCode::Evs5400;
    println!(
        "\n{} is listed on {} rows; rows()[1].message = {:?}",
        repeated.code(),
        repeated.rows().len(),
        repeated.rows()[1].message
    );
}
