//! Maps the `http::StatusCode` of a response to the EVS type and prints what
//! the EVS documentation says about it.
//!
//! ```text
//! cargo run --example http
//! ```

use status_core::evs::StatusCode;

/// A response as an HTTP client would hand it over (no network here).
fn response(status: u16) -> http::Response<()> {
    http::Response::builder()
        .status(status)
        .body(())
        .expect("a valid response")
}

fn main() {
    for code in [202, 413, 415, 418] {
        let status = response(code).status();
        match StatusCode::try_from(status) {
            Ok(evs) => println!(
                "{status} -> {evs:?}: the EVS API documents it as {:?} ({})",
                evs.description(),
                evs.section()
            ),
            Err(unknown) => println!("{status} -> not an EVS status code ({unknown})"),
        }
    }
    // And back: every EVS code is a valid http::StatusCode.
    let back: http::StatusCode = StatusCode::OverLimit.into();
    println!("StatusCode::OverLimit as http::StatusCode: {back}");
}
