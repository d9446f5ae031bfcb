//! The demo's scenario through the library, against the same local server:
//! every response decodes into the documented types, or into their catch-alls.

#[path = "../examples/demo/server.rs"]
mod server;

use std::error::Error as _;
use std::time::Duration;

use server::{BROKEN_VOLUME_ID, MockEvs, PROJECT_ID, QUOTA_GIB, THROTTLED_PROJECT_ID, VOLUME_ID};
use status_sdk_example::{ApiError, Client, Error, ErrorCode, Status, decode};

const TIMEOUT: Duration = Duration::from_secs(5);

fn api_error<T: std::fmt::Debug>(result: Result<T, Error>) -> ApiError {
    match result {
        Err(Error::Api(error)) => error,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[test]
fn documented_successes_decode_their_bodies() {
    let server = MockEvs::start();
    let evs = Client::new(server.url(), PROJECT_ID, TIMEOUT);
    let volume = evs.show_volume(VOLUME_ID).unwrap();
    assert_eq!(volume.id, VOLUME_ID);
    assert_eq!((volume.name.as_str(), volume.size), ("data-disk", 40));
    assert_eq!(evs.list_volumes(10).unwrap(), [volume]);
    assert!(!evs.create_volume("logs", QUOTA_GIB).unwrap().is_empty());
}

#[test]
fn a_documented_code_in_the_nested_shape() {
    let server = MockEvs::start();
    let error =
        api_error(Client::new(server.url(), "not-my-project", TIMEOUT).show_volume(VOLUME_ID));
    assert_eq!(error.status, Status::BadRequest);
    assert_eq!(error.code, Some(ErrorCode::Evs0001));
    assert_eq!(error.code.as_ref().unwrap().code(), "EVS.0001");
    assert_eq!(error.message, "invalid tenant id!");
    assert_eq!(
        error.description(),
        "Incorrect tenant ID in the URI. The tenant ID is actually the project ID."
    );
    assert_eq!(error.solution(), "Use the correct tenant ID.");
    assert_eq!(
        error.to_string(),
        "400 Bad Request [EVS.0001]: invalid tenant id!"
    );
}

#[test]
fn a_documented_code_in_the_flat_shape_picks_its_row_by_message() {
    let server = MockEvs::start();
    let error = api_error(Client::new(server.url(), PROJECT_ID, TIMEOUT).list_volumes(0));
    assert_eq!(error.status, Status::BadRequest);
    assert_eq!(error.code, Some(ErrorCode::Evs5400));
    assert_eq!(error.message, "limit param must be positive.");
    assert_eq!(ErrorCode::Evs5400.rows().len(), 8);
    assert_eq!(
        error.description(),
        "The value of parameter limit must be a positive number."
    );
    assert_eq!(
        error.row().map(|row| row.message),
        Some("limit param must be positive.")
    );
}

#[test]
fn an_undocumented_status_from_the_gateway_is_kept() {
    let server = MockEvs::start();
    let error =
        api_error(Client::new(server.url(), THROTTLED_PROJECT_ID, TIMEOUT).list_volumes(10));
    assert!(matches!(error.status, Status::Other(_)));
    assert_eq!(error.status.code(), 429);
    assert_eq!(error.code, None);
    assert_eq!(error.message, "Too Many Requests: slow down");
    assert_eq!((error.description(), error.solution()), ("", ""));
    assert_eq!(error.to_string(), "429: Too Many Requests: slow down");
}

#[test]
fn an_undocumented_code_is_kept() {
    let server = MockEvs::start();
    let error =
        api_error(Client::new(server.url(), PROJECT_ID, TIMEOUT).show_volume(BROKEN_VOLUME_ID));
    assert_eq!(error.status, Status::InternalServerError);
    let code = error.code.as_ref().unwrap();
    assert!(matches!(code, ErrorCode::Other(_)));
    assert_eq!(code.code(), "EVS.9999");
    assert_eq!(code, &ErrorCode::from("EVS.9999"));
    assert_eq!((code.http_status(), code.description()), (None, ""));
    assert_eq!(error.message, "storage backend unreachable");
    // No row for the code: the status's documented description.
    assert_eq!(error.description(), "Internal Server Error");
    assert_eq!(error.solution(), "");
}

#[test]
fn over_limit_with_a_body_in_neither_shape_keeps_the_body() {
    let server = MockEvs::start();
    let error = api_error(
        Client::new(server.url(), PROJECT_ID, TIMEOUT).create_volume("huge", QUOTA_GIB + 1),
    );
    assert_eq!(error.status, Status::OverLimit);
    assert_eq!(error.code, None);
    assert!(
        error.message.starts_with(r#"{"overLimit": {"code": 413"#),
        "{}",
        error.message
    );
    assert_eq!(error.description(), "overLimit");
    assert_eq!(error.status.to_string(), "413 overLimit");
}

#[test]
fn decode_without_a_server() {
    assert_eq!(decode(200, b"{}".to_vec()), Ok(b"{}".to_vec()));
    assert_eq!(decode(204, Vec::new()), Ok(Vec::new()));
    let error = decode(502, b"<html>bad gateway</html>".to_vec()).unwrap_err();
    assert_eq!(error.status, Status::BadGateway);
    assert_eq!(error.message, "<html>bad gateway</html>");
    let error = decode(
        418,
        br#"{"error_code": "APIG.0101", "error_msg": "not found"}"#.to_vec(),
    )
    .unwrap_err();
    assert_eq!(error.status.code(), 418);
    assert_eq!(error.code.as_ref().map(ErrorCode::code), Some("APIG.0101"));
    assert_eq!(error.message, "not found");
    let error = decode(400, vec![0xff, b'x']).unwrap_err();
    assert_eq!((error.code, error.message.as_str()), (None, "\u{fffd}x"));
}

#[test]
fn no_server_is_a_transport_error() {
    // Port 0 takes no connection: fails at once, with no race for a freed port.
    let error = Client::new("http://127.0.0.1:0", PROJECT_ID, TIMEOUT)
        .show_volume(VOLUME_ID)
        .unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert!(error.api().is_none());
    assert!(error.source().is_some());
}
