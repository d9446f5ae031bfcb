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

#[test]
fn error_codes_give_their_documented_http_status() {
    use status_core::evs::ErrorCode;
    // EVS.0001 is listed with HTTP status 400 in tables/evs_04_0038.en.md.
    assert_eq!(
        ErrorCode::Evs0001.http_status_code(),
        http::StatusCode::BAD_REQUEST
    );
    for &code in ErrorCode::ALL {
        assert_eq!(code.http_status_code().as_u16(), code.http_status());
    }
}
