//! The `http` feature: conversions with `http::StatusCode`.
#![cfg(feature = "http")]

use status_core::evs::{StatusCode, UnknownStatusCode};

#[test]
fn every_code_converts_to_the_same_http_status() {
    for &status in StatusCode::ALL {
        let http: http::StatusCode = status.into();
        assert_eq!(http.as_u16(), status.code());
        assert_eq!(StatusCode::try_from(http), Ok(status));
    }
    assert_eq!(
        http::StatusCode::from(StatusCode::OverLimit),
        http::StatusCode::PAYLOAD_TOO_LARGE
    );
}

#[test]
fn http_statuses_missing_from_the_document_keep_their_code() {
    let error: UnknownStatusCode = StatusCode::try_from(http::StatusCode::IM_A_TEAPOT).unwrap_err();
    assert_eq!(error.code(), 418);
    assert!(StatusCode::try_from(http::StatusCode::MOVED_PERMANENTLY).is_err());
}
