//! A JSON round trip: EVS status codes serialize as their number.
//!
//! ```text
//! cargo run --example serde_json
//! ```

use status_core::evs::StatusCode;

fn main() {
    let codes = vec![
        StatusCode::Accepted,
        StatusCode::OverLimit,
        StatusCode::BadMediaType,
    ];
    let json = serde_json::to_string(&codes).expect("status codes serialize");
    println!("serialized:   {json}");
    let back: Vec<StatusCode> = serde_json::from_str(&json).expect("and deserialize");
    println!("deserialized: {back:?}");
    assert_eq!(back, codes);

    let error = serde_json::from_str::<StatusCode>("418").unwrap_err();
    println!("418:          {error}");
}
