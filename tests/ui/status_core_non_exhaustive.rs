// status-core's published types are `#[non_exhaustive]`: a row or a column
// that a document gains is not a breaking change, so code outside the crate
// must leave room for them.
use status_core::evs::StatusCode;

fn main() {
    // Every status variant the document lists today, and still not exhaustive.
    let text = match StatusCode::OverLimit {
        StatusCode::Ok | StatusCode::Created | StatusCode::Accepted | StatusCode::NoContent => "2xx",
        StatusCode::BadRequest
        | StatusCode::Unauthorized
        | StatusCode::Forbidden
        | StatusCode::NotFound
        | StatusCode::MethodNotAllowed
        | StatusCode::NotAcceptable
        | StatusCode::ProxyAuthenticationRequired
        | StatusCode::RequestTimeout
        | StatusCode::Conflict
        | StatusCode::OverLimit
        | StatusCode::BadMediaType => "4xx",
        StatusCode::InternalServerError
        | StatusCode::NotImplemented
        | StatusCode::BadGateway
        | StatusCode::ServiceUnavailable
        | StatusCode::GatewayTimeout => "5xx",
    };
    let _ = text;
}
