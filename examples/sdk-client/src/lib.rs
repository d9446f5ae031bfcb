//! What an SDK author writes for the Huawei Cloud EVS API with `status_table!`:
//! the status and error-code types come from the API's own documentation, and
//! every response the server sends — documented or not — decodes into them.
//!
//! - [`Status`]: the EVS "HTTP状态码" page (`tables/evs_04_0039.md`), with a
//!   catch-all [`Status::Other`] for statuses the page does not list (a 429 from
//!   the API gateway in front of EVS).
//! - [`ErrorCode`]: the EVS "Error Codes" page (`tables/evs_04_0038.en.md`),
//!   with a catch-all [`ErrorCode::Other`] for codes newer than the page.
//! - [`ApiError`]: a non-2xx response, typed: status, error code, the server's
//!   message, and the documented description.
//! - [`decode`]: status + body bytes → `Result<body, ApiError>`.
//! - [`Client`]: a small blocking client (ureq) with one method per call.

use std::fmt;
use std::time::Duration;

use serde::Deserialize;

status_table::status_table!("tables/evs_04_0039.md", name = Status, other = Other, serde);
status_table::status_table!(
    "tables/evs_04_0038.en.md",
    name = ErrorCode,
    other = Other,
    serde
);

/// A response whose status is not a success (2xx), decoded.
///
/// Nothing the server sends is lost: an undocumented status is
/// [`Status::Other`], an undocumented code is [`ErrorCode::Other`], and a body in
/// neither documented shape is kept whole as the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: Status,
    /// The error code of the body, when the body has one.
    pub code: Option<ErrorCode>,
    /// The server's message (`message` / `error_msg`), or the raw body when it
    /// is in neither documented shape.
    pub message: String,
}

/// The two error-body shapes the EVS pages document.
#[derive(Deserialize)]
#[serde(untagged)]
enum ErrorBody {
    /// `{"error": {"code": "EVS.0001", "message": "invalid tenant id!"}}`
    Nested { error: NestedError },
    /// `{"error_code": "EVS.5400", "error_msg": "limit param must be positive."}`
    Flat {
        error_code: ErrorCode,
        #[serde(default)]
        error_msg: String,
    },
}

#[derive(Deserialize)]
struct NestedError {
    code: ErrorCode,
    #[serde(default)]
    message: String,
}

impl ApiError {
    /// Decodes an error response: its status and its body, in either documented
    /// shape; a body in neither shape becomes the message as it is.
    pub fn from_response(status: u16, body: &[u8]) -> Self {
        let status = Status::from(status);
        match serde_json::from_slice::<ErrorBody>(body) {
            Ok(ErrorBody::Nested { error }) => Self {
                status,
                code: Some(error.code),
                message: error.message,
            },
            Ok(ErrorBody::Flat {
                error_code,
                error_msg,
            }) => Self {
                status,
                code: Some(error_code),
                message: error_msg,
            },
            Err(_) => Self {
                status,
                code: None,
                message: String::from_utf8_lossy(body).into_owned(),
            },
        }
    }

    /// The row of the error-code page this error is: the one whose message is the
    /// server's (a code such as `EVS.5400` has several rows), else the code's
    /// first row; `None` for no code or an undocumented one.
    pub fn row(&self) -> Option<&'static ErrorCodeRow> {
        let rows = self.code.as_ref()?.rows();
        rows.iter()
            .find(|row| row.message == self.message)
            .or_else(|| rows.first())
    }

    /// The documented description: the error code's (of the row matching the
    /// server's message), else the status's (`overLimit` for 413), else `""`.
    pub fn description(&self) -> &'static str {
        match self.row() {
            Some(row) => row.description,
            None => self.status.description(),
        }
    }

    /// The documented solution of the error code, `""` when undocumented.
    pub fn solution(&self) -> &'static str {
        self.row().map_or("", |row| row.solution)
    }
}

impl fmt::Display for ApiError {
    /// `400 Bad Request [EVS.0001]: invalid tenant id!`, or `429: <body>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.status)?;
        if let Some(code) = &self.code {
            write!(f, " [{}]", code.code())?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ApiError {}

/// A response, typed: its body for a success (2xx), an [`ApiError`] otherwise.
pub fn decode(status: u16, body: Vec<u8>) -> Result<Vec<u8>, ApiError> {
    if Status::from(status).is_success() {
        Ok(body)
    } else {
        Err(ApiError::from_response(status, &body))
    }
}

/// What a [`Client`] call can fail with.
#[derive(Debug)]
pub enum Error {
    /// The server answered with an error.
    Api(ApiError),
    /// No response: connection refused, timeout, …
    Transport(ureq::Error),
    /// A success whose body is not what the API documents.
    Decode(serde_json::Error),
}

impl Error {
    /// The API error, if the server answered with one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(error) => Some(error),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Api(error) => write!(f, "EVS API error: {error}"),
            Self::Transport(_) => f.write_str("EVS API unreachable"),
            Self::Decode(_) => f.write_str("EVS API response not understood"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Api(error) => Some(error),
            Self::Transport(error) => Some(error),
            Self::Decode(error) => Some(error),
        }
    }
}

impl From<ApiError> for Error {
    fn from(error: ApiError) -> Self {
        Self::Api(error)
    }
}

impl From<ureq::Error> for Error {
    fn from(error: ureq::Error) -> Self {
        Self::Transport(error)
    }
}

impl From<serde_json::Error> for Error {
    fn from(error: serde_json::Error) -> Self {
        Self::Decode(error)
    }
}

/// An EVS disk, as the API returns it (the fields this example reads).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Volume {
    /// The disk ID.
    pub id: String,
    /// The disk name.
    pub name: String,
    /// The size in GiB.
    pub size: u32,
    /// The disk status, e.g. `available`.
    pub status: String,
}

/// A blocking EVS client for one project.
#[derive(Debug)]
pub struct Client {
    agent: ureq::Agent,
    endpoint: String,
    project_id: String,
}

impl Client {
    /// A client for `endpoint` (e.g. `http://127.0.0.1:8080`) and a project.
    /// Every call gives up after `timeout`.
    pub fn new(endpoint: &str, project_id: &str, timeout: Duration) -> Self {
        let config = ureq::Agent::config_builder()
            // Read the body of 4xx/5xx responses instead of failing the call.
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            // The demo talks to 127.0.0.1; a real SDK would keep ureq's default,
            // the `*_PROXY` environment variables.
            .proxy(None)
            .build();
        Self {
            agent: config.new_agent(),
            endpoint: endpoint.trim_end_matches('/').to_owned(),
            project_id: project_id.to_owned(),
        }
    }

    /// `GET /v2/{project_id}/cloudvolumes/{volume_id}`: one disk.
    pub fn show_volume(&self, volume_id: &str) -> Result<Volume, Error> {
        #[derive(Deserialize)]
        struct Body {
            volume: Volume,
        }
        let url = self.url(&format!("cloudvolumes/{volume_id}"));
        let body = finish(self.agent.get(&url).call())?;
        Ok(serde_json::from_slice::<Body>(&body)?.volume)
    }

    /// `GET /v2/{project_id}/cloudvolumes/detail?limit={limit}`: the disks.
    pub fn list_volumes(&self, limit: u32) -> Result<Vec<Volume>, Error> {
        #[derive(Deserialize)]
        struct Body {
            volumes: Vec<Volume>,
        }
        let url = self.url(&format!("cloudvolumes/detail?limit={limit}"));
        let body = finish(self.agent.get(&url).call())?;
        Ok(serde_json::from_slice::<Body>(&body)?.volumes)
    }

    /// `POST /v2/{project_id}/cloudvolumes`: creates a disk; returns the job ID.
    pub fn create_volume(&self, name: &str, size_gib: u32) -> Result<String, Error> {
        #[derive(Deserialize)]
        struct Body {
            job_id: String,
        }
        let request = serde_json::json!({ "volume": { "name": name, "size": size_gib } });
        let url = self.url("cloudvolumes");
        let response = self
            .agent
            .post(&url)
            .header("Content-Type", "application/json")
            .send(request.to_string());
        let body = finish(response)?;
        Ok(serde_json::from_slice::<Body>(&body)?.job_id)
    }

    fn url(&self, path: &str) -> String {
        format!("{}/v2/{}/{path}", self.endpoint, self.project_id)
    }
}

/// The body of a success, the typed error of anything else.
fn finish(
    response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> Result<Vec<u8>, Error> {
    let response = response?;
    let status = response.status().as_u16();
    let body = response.into_body().read_to_vec()?;
    Ok(decode(status, body)?)
}
