//! A stand-in for EVS and the API gateway in front of it: a real HTTP server on
//! 127.0.0.1 (a free port), in a thread, stopped when dropped.
//!
//! Used by `main.rs` and by `tests/sdk.rs` (as `#[path = "../examples/demo/server.rs"]`);
//! the library does not depend on it.
//!
//! | request | answer |
//! |---|---|
//! | any, project [`THROTTLED_PROJECT_ID`] | 429, plain text (the gateway; not on the EVS page) |
//! | any, another project than [`PROJECT_ID`] | 400, `{"error": {"code": "EVS.0001", …}}` |
//! | `GET cloudvolumes/detail?limit=0` | 400, `{"error_code": "EVS.5400", "error_msg": …}` |
//! | `GET cloudvolumes/{VOLUME_ID}` | 200, the volume |
//! | `GET cloudvolumes/{BROKEN_VOLUME_ID}` | 500, `{"error": {"code": "EVS.9999", …}}` (not on the page) |
//! | `POST cloudvolumes`, size over [`QUOTA_GIB`] | 413, an `overLimit` body in neither shape |

use std::io::Cursor;
use std::sync::Arc;
use std::thread::{self, JoinHandle};

use tiny_http::{Header, Method, Request, Response, Server};

/// The project the server knows.
pub(crate) const PROJECT_ID: &str = "0123456789abcdef0123456789abcdef";
/// A project the gateway throttles: every call gets 429.
pub(crate) const THROTTLED_PROJECT_ID: &str = "fedcba9876543210fedcba9876543210";
/// The volume the server has.
pub(crate) const VOLUME_ID: &str = "6f1c3a5e-0b8d-4d3e-9a51-2f7c1e4b8d90";
/// A volume whose backend fails with a code newer than the documentation.
pub(crate) const BROKEN_VOLUME_ID: &str = "d2e0f9a4-7c6b-4e21-8f3a-5b9c0d1e2f3a";
/// The largest volume the project may create, in GiB.
pub(crate) const QUOTA_GIB: u32 = 1024;

/// The server, answering until dropped.
pub(crate) struct MockEvs {
    server: Arc<Server>,
    thread: Option<JoinHandle<()>>,
    url: String,
}

impl MockEvs {
    /// Binds 127.0.0.1 on a free port and answers in a thread.
    pub(crate) fn start() -> Self {
        let server = Arc::new(Server::http("127.0.0.1:0").expect("bind 127.0.0.1:0"));
        let port = server.server_addr().to_ip().expect("a TCP address").port();
        let thread = thread::spawn({
            let server = Arc::clone(&server);
            move || {
                for request in server.incoming_requests() {
                    answer(request);
                }
            }
        });
        Self {
            server,
            thread: Some(thread),
            url: format!("http://127.0.0.1:{port}"),
        }
    }

    /// `http://127.0.0.1:{port}`.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for MockEvs {
    fn drop(&mut self) {
        // Ends `incoming_requests`, then waits for the thread.
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn answer(mut request: Request) {
    let mut body = String::new();
    let _ = request.as_reader().read_to_string(&mut body);
    let url = request.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let response = match (request.method(), segments.as_slice()) {
        (_, ["v2", project, ..]) if *project == THROTTLED_PROJECT_ID => {
            reply(429, "text/plain", "Too Many Requests: slow down")
        }
        (_, ["v2", project, ..]) if *project != PROJECT_ID => json(
            400,
            r#"{"error": {"code": "EVS.0001", "message": "invalid tenant id!"}}"#,
        ),
        (Method::Get, ["v2", _, "cloudvolumes", "detail"]) => list(query),
        (Method::Get, ["v2", _, "cloudvolumes", id]) => show(id),
        (Method::Post, ["v2", _, "cloudvolumes"]) => create(&body),
        _ => json(
            404,
            r#"{"itemNotFound": {"code": 404, "message": "resource could not be found"}}"#,
        ),
    };
    let _ = request.respond(response);
}

fn volume_json() -> String {
    format!(r#"{{"id": "{VOLUME_ID}", "name": "data-disk", "size": 40, "status": "available"}}"#)
}

fn list(query: &str) -> Response<Cursor<Vec<u8>>> {
    let limit = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("limit="))
        .unwrap_or("1000");
    match limit.parse::<u32>() {
        Ok(0) => json(
            400,
            r#"{"error_code": "EVS.5400", "error_msg": "limit param must be positive."}"#,
        ),
        Ok(_) => json(
            200,
            &format!(r#"{{"volumes": [{}], "count": 1}}"#, volume_json()),
        ),
        Err(_) => json(
            400,
            r#"{"error_code": "EVS.5400", "error_msg": "limit param must be an integer."}"#,
        ),
    }
}

fn show(id: &str) -> Response<Cursor<Vec<u8>>> {
    match id {
        VOLUME_ID => json(200, &format!(r#"{{"volume": {}}}"#, volume_json())),
        BROKEN_VOLUME_ID => json(
            500,
            r#"{"error": {"code": "EVS.9999", "message": "storage backend unreachable"}}"#,
        ),
        _ => json(
            404,
            r#"{"itemNotFound": {"code": 404, "message": "volume could not be found"}}"#,
        ),
    }
}

fn create(body: &str) -> Response<Cursor<Vec<u8>>> {
    let request: serde_json::Value = match serde_json::from_str(body) {
        Ok(request) => request,
        Err(_) => {
            return json(
                400,
                r#"{"error_code": "EVS.5400", "error_msg": "Malformed request body."}"#,
            );
        }
    };
    let size = request["volume"]["size"].as_u64().unwrap_or(0);
    if size > u64::from(QUOTA_GIB) {
        // OpenStack's shape for 413: neither of the two the EVS pages document.
        json(
            413,
            r#"{"overLimit": {"code": 413, "message": "VolumeSizeExceedsAvailableQuota", "retryAfter": "0"}}"#,
        )
    } else {
        json(200, r#"{"job_id": "70a599e0-31e7-49b7-b260-868f441e862b"}"#)
    }
}

fn json(status: u16, body: &str) -> Response<Cursor<Vec<u8>>> {
    reply(status, "application/json", body)
}

fn reply(status: u16, content_type: &str, body: &str) -> Response<Cursor<Vec<u8>>> {
    let header = Header::from_bytes("Content-Type", content_type).expect("a valid header");
    Response::from_string(body)
        .with_status_code(status)
        .with_header(header)
}
