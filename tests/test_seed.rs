//! The seed document, row by row. Every expected value below is copied from
//! `tables/evs_04_0039.md` (the Huawei Cloud EVS page "HTTP状态码"), never
//! from the generated code.

use std::str::FromStr;

use status_core::evs::{ParseStatusCodeError, StatusCode, UnknownStatusCode};

/// (code, variant, description, section, line of the row's `<tr>`) as the document has them.
const DOCUMENT: &[(u16, StatusCode, &str, &str, u32)] = &[
    (200, StatusCode::Ok, "OK", "正常", 12),
    (201, StatusCode::Created, "Created", "正常", 17),
    (202, StatusCode::Accepted, "Accepted", "正常", 22),
    (204, StatusCode::NoContent, "No Content", "正常", 27),
    (400, StatusCode::BadRequest, "Bad Request", "异常", 44),
    (401, StatusCode::Unauthorized, "Unauthorized", "异常", 49),
    (403, StatusCode::Forbidden, "Forbidden", "异常", 54),
    (404, StatusCode::NotFound, "Not Found", "异常", 59),
    (
        405,
        StatusCode::MethodNotAllowed,
        "Method Not Allowed",
        "异常",
        64,
    ),
    (406, StatusCode::NotAcceptable, "Not Acceptable", "异常", 69),
    (
        407,
        StatusCode::ProxyAuthenticationRequired,
        "Proxy Authentication Required",
        "异常",
        74,
    ),
    (
        408,
        StatusCode::RequestTimeout,
        "Request Timeout",
        "异常",
        79,
    ),
    (409, StatusCode::Conflict, "Conflict", "异常", 84),
    (413, StatusCode::OverLimit, "overLimit", "异常", 89),
    (415, StatusCode::BadMediaType, "badMediaType", "异常", 94),
    (
        500,
        StatusCode::InternalServerError,
        "Internal Server Error",
        "异常",
        99,
    ),
    (
        501,
        StatusCode::NotImplemented,
        "Not Implemented",
        "异常",
        104,
    ),
    (502, StatusCode::BadGateway, "Bad Gateway", "异常", 109),
    (
        503,
        StatusCode::ServiceUnavailable,
        "Service Unavailable",
        "异常",
        114,
    ),
    (
        504,
        StatusCode::GatewayTimeout,
        "Gateway Timeout",
        "异常",
        119,
    ),
];

/// The variant names as the issue spells them, to check `name()` and `FromStr`.
const NAMES: &[&str] = &[
    "Ok",
    "Created",
    "Accepted",
    "NoContent",
    "BadRequest",
    "Unauthorized",
    "Forbidden",
    "NotFound",
    "MethodNotAllowed",
    "NotAcceptable",
    "ProxyAuthenticationRequired",
    "RequestTimeout",
    "Conflict",
    "OverLimit",
    "BadMediaType",
    "InternalServerError",
    "NotImplemented",
    "BadGateway",
    "ServiceUnavailable",
    "GatewayTimeout",
];

#[test]
fn all_lists_the_twenty_rows_in_document_order() {
    let expected: Vec<StatusCode> = DOCUMENT.iter().map(|row| row.1).collect();
    assert_eq!(StatusCode::ALL, expected.as_slice());
}

#[test]
fn every_row_has_the_documents_code_description_and_section() {
    for &(code, status, description, section, _) in DOCUMENT {
        assert_eq!(status.code(), code);
        assert_eq!(status as u16, code, "the discriminant is the code");
        assert_eq!(u16::from(status), code);
        assert_eq!(StatusCode::from_code(code), Some(status));
        assert_eq!(status.description(), description);
        assert_eq!(status.section(), section);
    }
}

#[test]
fn variant_names_follow_the_descriptions() {
    for (&(_, status, ..), &name) in DOCUMENT.iter().zip(NAMES) {
        assert_eq!(status.name(), name);
        assert_eq!(format!("{status:?}"), name);
    }
}

#[test]
fn display_prints_the_code_and_the_documents_text() {
    assert_eq!(StatusCode::OverLimit.to_string(), "413 overLimit");
    assert_eq!(StatusCode::BadMediaType.to_string(), "415 badMediaType");
    assert_eq!(StatusCode::Ok.to_string(), "200 OK");
    for &(code, status, description, ..) in DOCUMENT {
        assert_eq!(status.to_string(), format!("{code} {description}"));
    }
    // Display honours width and alignment like `str`.
    assert_eq!(
        format!("[{:>15}]", StatusCode::NotFound),
        "[  404 Not Found]"
    );
}

#[test]
fn from_str_accepts_the_number_and_the_variant_name() {
    assert_eq!(StatusCode::from_str("413"), Ok(StatusCode::OverLimit));
    assert_eq!("OverLimit".parse::<StatusCode>(), Ok(StatusCode::OverLimit));
    assert_eq!(
        "413 overLimit".parse::<StatusCode>(),
        Ok(StatusCode::OverLimit)
    );
    for (&(code, status, ..), &name) in DOCUMENT.iter().zip(NAMES) {
        assert_eq!(code.to_string().parse::<StatusCode>(), Ok(status));
        assert_eq!(name.parse::<StatusCode>(), Ok(status));
    }
    for bad in ["418", "overLimit", "Payload Too Large", "", " 413", "4130"] {
        let error: ParseStatusCodeError = bad.parse::<StatusCode>().unwrap_err();
        assert!(
            error.to_string().contains("tables/evs_04_0039.md"),
            "{error}"
        );
    }
}

#[test]
fn try_from_keeps_the_unknown_code() {
    assert_eq!(StatusCode::try_from(409), Ok(StatusCode::Conflict));
    let error: UnknownStatusCode = StatusCode::try_from(418).unwrap_err();
    assert_eq!(error.code(), 418);
    assert_eq!(
        error.to_string(),
        "unknown status code 418: not in tables/evs_04_0039.md"
    );
    let boxed: Box<dyn std::error::Error> = Box::new(error);
    assert!(boxed.to_string().contains("418"));
}

#[test]
fn unknown_codes_are_none() {
    for code in [0, 99, 100, 203, 410, 418, 499, 505, 999, u16::MAX] {
        assert_eq!(StatusCode::from_code(code), None, "{code}");
    }
}

#[test]
fn classes_follow_the_http_ranges() {
    for &(code, status, ..) in DOCUMENT {
        assert_eq!(status.is_informational(), (100..200).contains(&code));
        assert_eq!(status.is_success(), (200..300).contains(&code));
        assert_eq!(status.is_redirection(), (300..400).contains(&code));
        assert_eq!(status.is_client_error(), (400..500).contains(&code));
        assert_eq!(status.is_server_error(), (500..600).contains(&code));
    }
    assert!(StatusCode::NoContent.is_success());
    assert!(StatusCode::OverLimit.is_client_error());
    assert!(StatusCode::GatewayTimeout.is_server_error());
}

#[test]
fn const_functions_work_in_const_context() {
    const CODE: u16 = StatusCode::OverLimit.code();
    const FOUND: Option<StatusCode> = StatusCode::from_code(415);
    const TEXT: &str = StatusCode::BadMediaType.description();
    assert_eq!(CODE, 413);
    assert_eq!(FOUND, Some(StatusCode::BadMediaType));
    assert_eq!(TEXT, "badMediaType");
}

#[test]
fn derived_traits_order_by_code() {
    let mut shuffled = vec![
        StatusCode::GatewayTimeout,
        StatusCode::Ok,
        StatusCode::OverLimit,
    ];
    shuffled.sort();
    assert_eq!(
        shuffled,
        [
            StatusCode::Ok,
            StatusCode::OverLimit,
            StatusCode::GatewayTimeout
        ]
    );
    let set: std::collections::HashSet<StatusCode> = StatusCode::ALL.iter().copied().collect();
    assert_eq!(set.len(), 20);
}
