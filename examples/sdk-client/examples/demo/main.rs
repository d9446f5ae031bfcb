//! The SDK against a local stand-in for EVS: documented and undocumented
//! statuses, error bodies in both documented shapes and in neither. Prints one
//! line per response and asserts what it decodes; any mismatch panics (exit 101).
//!
//! `cargo run -p status-sdk-example --example demo`

mod server;

use std::fmt::Debug;
use std::time::Duration;

use server::{BROKEN_VOLUME_ID, MockEvs, PROJECT_ID, QUOTA_GIB, THROTTLED_PROJECT_ID, VOLUME_ID};
use status_sdk_example::{ApiError, Client, Error, ErrorCode, Status};

const TIMEOUT: Duration = Duration::from_secs(5);

fn main() {
    let server = MockEvs::start();
    let evs = Client::new(server.url(), PROJECT_ID, TIMEOUT);
    println!("EVS stand-in on {}", server.url());

    // A documented success.
    let volume = evs.show_volume(VOLUME_ID);
    print("show_volume", &volume);
    let volume = volume.expect("200 with the volume");
    assert_eq!((volume.name.as_str(), volume.size), ("data-disk", 40));

    let job = evs.create_volume("logs", 100);
    print("create_volume 100 GiB", &job);
    assert!(job.is_ok_and(|job| !job.is_empty()));

    // A documented error code, in the `{"error": {"code", "message"}}` shape.
    let error = api_error(
        "show_volume, wrong project",
        Client::new(server.url(), "not-my-project", TIMEOUT).show_volume(VOLUME_ID),
    );
    assert_eq!(error.status, Status::BadRequest);
    assert_eq!(error.code, Some(ErrorCode::Evs0001));
    assert_eq!(error.code.as_ref().map(ErrorCode::code), Some("EVS.0001"));
    assert_eq!(error.message, "invalid tenant id!");
    assert_eq!(
        error.description(),
        "Incorrect tenant ID in the URI. The tenant ID is actually the project ID."
    );
    assert_eq!(error.solution(), "Use the correct tenant ID.");
    assert_eq!(ErrorCode::Evs0001.http_status(), Some(error.status.code()));

    // The `{"error_code", "error_msg"}` shape; EVS.5400 has eight rows, and the
    // server's message picks the one that describes it.
    let error = api_error("list_volumes limit=0", evs.list_volumes(0));
    assert_eq!(error.status, Status::BadRequest);
    assert_eq!(error.code, Some(ErrorCode::Evs5400));
    assert_eq!(error.message, "limit param must be positive.");
    assert_eq!(
        error.description(),
        "The value of parameter limit must be a positive number."
    );

    // The gateway's 429: not on the EVS page, plain text.
    let error = api_error(
        "list_volumes, throttled project",
        Client::new(server.url(), THROTTLED_PROJECT_ID, TIMEOUT).list_volumes(10),
    );
    assert!(matches!(error.status, Status::Other(_)));
    assert_eq!(error.status.code(), 429);
    assert_eq!(error.status.to_string(), "429");
    assert_eq!(error.code, None);
    assert_eq!(error.message, "Too Many Requests: slow down");
    assert_eq!(error.description(), "");

    // A code newer than the page, with a documented status.
    let error = api_error(
        "show_volume, broken backend",
        evs.show_volume(BROKEN_VOLUME_ID),
    );
    assert_eq!(error.status, Status::InternalServerError);
    let code = error.code.as_ref().expect("a code");
    assert!(matches!(code, ErrorCode::Other(_)));
    assert_eq!(code.code(), "EVS.9999");
    assert_eq!((code.http_status(), code.description()), (None, ""));
    assert_eq!(error.message, "storage backend unreachable");
    assert_eq!(error.description(), "Internal Server Error");

    // 413 overLimit, with a body in neither documented shape: kept whole.
    let error = api_error(
        "create_volume over quota",
        evs.create_volume("huge", QUOTA_GIB + 1),
    );
    assert_eq!(error.status, Status::OverLimit);
    assert_eq!(error.status.code(), 413);
    assert_eq!(error.code, None);
    assert!(error.message.starts_with(r#"{"overLimit": {"code": 413"#));
    assert_eq!(error.description(), "overLimit");

    drop(server);
    println!("all responses decoded as documented");
}

/// The call's API error; anything else is a mismatch.
fn api_error<T: Debug>(call: &str, result: Result<T, Error>) -> ApiError {
    print(call, &result);
    match result {
        Err(Error::Api(error)) => error,
        other => panic!("{call}: expected an API error, got {other:?}"),
    }
}

fn print<T: Debug>(call: &str, result: &Result<T, Error>) {
    match result {
        Ok(value) => println!("{call:<32} ok   {value:?}"),
        Err(Error::Api(error)) => {
            let description = error.description();
            println!("{call:<32} err  {error}  ({description:?})");
        }
        Err(error) => println!("{call:<32} err  {error}"),
    }
}
