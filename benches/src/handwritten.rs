//! The hand-written baseline of the run-time benchmark, and the hand-written
//! crate of the build-cost benchmark: the enum `status_core::evs::StatusCode`
//! with the same rows and API, written out by hand the way a careful person
//! would (a `match` per method, literals for `Display` and `FromStr`).
//!
//! The file is self-contained (no `crate::` paths) so that `build-cost.sh` can
//! copy it as the `lib.rs` of a throwaway crate.

/// Status codes of the Huawei Cloud EVS API reference page "HTTP状态码",
/// written by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u16)]
pub enum StatusCode {
    /// `200` OK. Section: 正常.
    Ok = 200,
    /// `201` Created. Section: 正常.
    Created = 201,
    /// `202` Accepted. Section: 正常.
    Accepted = 202,
    /// `204` No Content. Section: 正常.
    NoContent = 204,
    /// `400` Bad Request. Section: 异常.
    BadRequest = 400,
    /// `401` Unauthorized. Section: 异常.
    Unauthorized = 401,
    /// `403` Forbidden. Section: 异常.
    Forbidden = 403,
    /// `404` Not Found. Section: 异常.
    NotFound = 404,
    /// `405` Method Not Allowed. Section: 异常.
    MethodNotAllowed = 405,
    /// `406` Not Acceptable. Section: 异常.
    NotAcceptable = 406,
    /// `407` Proxy Authentication Required. Section: 异常.
    ProxyAuthenticationRequired = 407,
    /// `408` Request Timeout. Section: 异常.
    RequestTimeout = 408,
    /// `409` Conflict. Section: 异常.
    Conflict = 409,
    /// `413` overLimit. Section: 异常.
    OverLimit = 413,
    /// `415` badMediaType. Section: 异常.
    BadMediaType = 415,
    /// `500` Internal Server Error. Section: 异常.
    InternalServerError = 500,
    /// `501` Not Implemented. Section: 异常.
    NotImplemented = 501,
    /// `502` Bad Gateway. Section: 异常.
    BadGateway = 502,
    /// `503` Service Unavailable. Section: 异常.
    ServiceUnavailable = 503,
    /// `504` Gateway Timeout. Section: 异常.
    GatewayTimeout = 504,
}

impl StatusCode {
    /// Every status code, in document order.
    pub const ALL: &'static [Self] = &[
        Self::Ok,
        Self::Created,
        Self::Accepted,
        Self::NoContent,
        Self::BadRequest,
        Self::Unauthorized,
        Self::Forbidden,
        Self::NotFound,
        Self::MethodNotAllowed,
        Self::NotAcceptable,
        Self::ProxyAuthenticationRequired,
        Self::RequestTimeout,
        Self::Conflict,
        Self::OverLimit,
        Self::BadMediaType,
        Self::InternalServerError,
        Self::NotImplemented,
        Self::BadGateway,
        Self::ServiceUnavailable,
        Self::GatewayTimeout,
    ];

    /// The numeric status code.
    #[inline]
    pub const fn code(self) -> u16 {
        self as u16
    }

    /// The status code with this number, if the table has it.
    #[inline]
    pub const fn from_code(code: u16) -> Option<Self> {
        match code {
            200 => Some(Self::Ok),
            201 => Some(Self::Created),
            202 => Some(Self::Accepted),
            204 => Some(Self::NoContent),
            400 => Some(Self::BadRequest),
            401 => Some(Self::Unauthorized),
            403 => Some(Self::Forbidden),
            404 => Some(Self::NotFound),
            405 => Some(Self::MethodNotAllowed),
            406 => Some(Self::NotAcceptable),
            407 => Some(Self::ProxyAuthenticationRequired),
            408 => Some(Self::RequestTimeout),
            409 => Some(Self::Conflict),
            413 => Some(Self::OverLimit),
            415 => Some(Self::BadMediaType),
            500 => Some(Self::InternalServerError),
            501 => Some(Self::NotImplemented),
            502 => Some(Self::BadGateway),
            503 => Some(Self::ServiceUnavailable),
            504 => Some(Self::GatewayTimeout),
            _ => None,
        }
    }

    /// The description, exactly as the document writes it.
    #[inline]
    pub const fn description(self) -> &'static str {
        match self {
            Self::Ok => "OK",
            Self::Created => "Created",
            Self::Accepted => "Accepted",
            Self::NoContent => "No Content",
            Self::BadRequest => "Bad Request",
            Self::Unauthorized => "Unauthorized",
            Self::Forbidden => "Forbidden",
            Self::NotFound => "Not Found",
            Self::MethodNotAllowed => "Method Not Allowed",
            Self::NotAcceptable => "Not Acceptable",
            Self::ProxyAuthenticationRequired => "Proxy Authentication Required",
            Self::RequestTimeout => "Request Timeout",
            Self::Conflict => "Conflict",
            Self::OverLimit => "overLimit",
            Self::BadMediaType => "badMediaType",
            Self::InternalServerError => "Internal Server Error",
            Self::NotImplemented => "Not Implemented",
            Self::BadGateway => "Bad Gateway",
            Self::ServiceUnavailable => "Service Unavailable",
            Self::GatewayTimeout => "Gateway Timeout",
        }
    }

    /// The section of the document the code is listed in.
    #[inline]
    pub const fn section(self) -> &'static str {
        match self {
            Self::Ok | Self::Created | Self::Accepted | Self::NoContent => "正常",
            _ => "异常",
        }
    }

    /// The variant's name, as `FromStr` accepts it.
    #[inline]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Ok => "Ok",
            Self::Created => "Created",
            Self::Accepted => "Accepted",
            Self::NoContent => "NoContent",
            Self::BadRequest => "BadRequest",
            Self::Unauthorized => "Unauthorized",
            Self::Forbidden => "Forbidden",
            Self::NotFound => "NotFound",
            Self::MethodNotAllowed => "MethodNotAllowed",
            Self::NotAcceptable => "NotAcceptable",
            Self::ProxyAuthenticationRequired => "ProxyAuthenticationRequired",
            Self::RequestTimeout => "RequestTimeout",
            Self::Conflict => "Conflict",
            Self::OverLimit => "OverLimit",
            Self::BadMediaType => "BadMediaType",
            Self::InternalServerError => "InternalServerError",
            Self::NotImplemented => "NotImplemented",
            Self::BadGateway => "BadGateway",
            Self::ServiceUnavailable => "ServiceUnavailable",
            Self::GatewayTimeout => "GatewayTimeout",
        }
    }

    /// Whether the code is informational (100–199).
    #[inline]
    pub const fn is_informational(self) -> bool {
        self as u16 >= 100 && (self as u16) < 200
    }

    /// Whether the code is a success (200–299).
    #[inline]
    pub const fn is_success(self) -> bool {
        self as u16 >= 200 && (self as u16) < 300
    }

    /// Whether the code is a redirection (300–399).
    #[inline]
    pub const fn is_redirection(self) -> bool {
        self as u16 >= 300 && (self as u16) < 400
    }

    /// Whether the code is a client error (400–499).
    #[inline]
    pub const fn is_client_error(self) -> bool {
        self as u16 >= 400 && (self as u16) < 500
    }

    /// Whether the code is a server error (500–599).
    #[inline]
    pub const fn is_server_error(self) -> bool {
        self as u16 >= 500 && (self as u16) < 600
    }
}

impl core::fmt::Display for StatusCode {
    /// Writes the code and the description, e.g. `413 overLimit`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(match self {
            Self::Ok => "200 OK",
            Self::Created => "201 Created",
            Self::Accepted => "202 Accepted",
            Self::NoContent => "204 No Content",
            Self::BadRequest => "400 Bad Request",
            Self::Unauthorized => "401 Unauthorized",
            Self::Forbidden => "403 Forbidden",
            Self::NotFound => "404 Not Found",
            Self::MethodNotAllowed => "405 Method Not Allowed",
            Self::NotAcceptable => "406 Not Acceptable",
            Self::ProxyAuthenticationRequired => "407 Proxy Authentication Required",
            Self::RequestTimeout => "408 Request Timeout",
            Self::Conflict => "409 Conflict",
            Self::OverLimit => "413 overLimit",
            Self::BadMediaType => "415 badMediaType",
            Self::InternalServerError => "500 Internal Server Error",
            Self::NotImplemented => "501 Not Implemented",
            Self::BadGateway => "502 Bad Gateway",
            Self::ServiceUnavailable => "503 Service Unavailable",
            Self::GatewayTimeout => "504 Gateway Timeout",
        })
    }
}

impl core::str::FromStr for StatusCode {
    type Err = ParseStatusCodeError;

    /// Accepts the number (`"413"`), the variant name (`"OverLimit"`) or the
    /// `Display` form (`"413 overLimit"`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "200" | "Ok" | "200 OK" => Ok(Self::Ok),
            "201" | "Created" | "201 Created" => Ok(Self::Created),
            "202" | "Accepted" | "202 Accepted" => Ok(Self::Accepted),
            "204" | "NoContent" | "204 No Content" => Ok(Self::NoContent),
            "400" | "BadRequest" | "400 Bad Request" => Ok(Self::BadRequest),
            "401" | "Unauthorized" | "401 Unauthorized" => Ok(Self::Unauthorized),
            "403" | "Forbidden" | "403 Forbidden" => Ok(Self::Forbidden),
            "404" | "NotFound" | "404 Not Found" => Ok(Self::NotFound),
            "405" | "MethodNotAllowed" | "405 Method Not Allowed" => Ok(Self::MethodNotAllowed),
            "406" | "NotAcceptable" | "406 Not Acceptable" => Ok(Self::NotAcceptable),
            "407" | "ProxyAuthenticationRequired" | "407 Proxy Authentication Required" => {
                Ok(Self::ProxyAuthenticationRequired)
            }
            "408" | "RequestTimeout" | "408 Request Timeout" => Ok(Self::RequestTimeout),
            "409" | "Conflict" | "409 Conflict" => Ok(Self::Conflict),
            "413" | "OverLimit" | "413 overLimit" => Ok(Self::OverLimit),
            "415" | "BadMediaType" | "415 badMediaType" => Ok(Self::BadMediaType),
            "500" | "InternalServerError" | "500 Internal Server Error" => {
                Ok(Self::InternalServerError)
            }
            "501" | "NotImplemented" | "501 Not Implemented" => Ok(Self::NotImplemented),
            "502" | "BadGateway" | "502 Bad Gateway" => Ok(Self::BadGateway),
            "503" | "ServiceUnavailable" | "503 Service Unavailable" => {
                Ok(Self::ServiceUnavailable)
            }
            "504" | "GatewayTimeout" | "504 Gateway Timeout" => Ok(Self::GatewayTimeout),
            _ => Err(ParseStatusCodeError(())),
        }
    }
}

impl TryFrom<u16> for StatusCode {
    type Error = UnknownStatusCode;

    fn try_from(code: u16) -> Result<Self, Self::Error> {
        Self::from_code(code).ok_or(UnknownStatusCode(code))
    }
}

impl From<StatusCode> for u16 {
    #[inline]
    fn from(status: StatusCode) -> u16 {
        status as u16
    }
}

/// A code that is not in the table; returned by `TryFrom<u16>` for [`StatusCode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownStatusCode(u16);

impl UnknownStatusCode {
    /// The code that was not found.
    #[inline]
    pub const fn code(self) -> u16 {
        self.0
    }
}

impl core::fmt::Display for UnknownStatusCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "unknown status code {}: not in the EVS table", self.0)
    }
}

impl core::error::Error for UnknownStatusCode {}

/// A string that is neither a code nor a variant name of [`StatusCode`];
/// returned by its `FromStr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseStatusCodeError(());

impl core::fmt::Display for ParseStatusCodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("unknown status code: expected a code of the EVS table or a variant name")
    }
}

impl core::error::Error for ParseStatusCodeError {}
