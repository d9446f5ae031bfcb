//! The type written by build.rs is the seed's table, like the macro's.

use status_build_example::EvsStatus;

#[test]
fn build_rs_generates_the_seed_table() {
    assert_eq!(EvsStatus::ALL.len(), 20);
    assert_eq!(EvsStatus::from_code(413), Some(EvsStatus::OverLimit));
    assert_eq!(EvsStatus::OverLimit.description(), "overLimit");
    assert_eq!(EvsStatus::NoContent.section(), "正常");
    assert_eq!("415".parse::<EvsStatus>(), Ok(EvsStatus::BadMediaType));
    assert_eq!(EvsStatus::GatewayTimeout.to_string(), "504 Gateway Timeout");
}

#[test]
fn build_rs_and_macro_agree() {
    // The macro's type, from the same document, for comparison.
    mod by_macro {
        status_macros::status_table!("tables/evs_04_0039.md");
    }
    for (a, b) in EvsStatus::ALL.iter().zip(by_macro::StatusCode::ALL) {
        assert_eq!(
            (a.code(), a.name(), a.description()),
            (b.code(), b.name(), b.description())
        );
    }
}
