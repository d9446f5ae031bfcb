//! `other = Other`: a catch-all variant, so that decoding whatever a server
//! sends is total and lossless. The documented values are typed from the seed
//! (`tables/evs_04_0039.md`) and the EVS error-code page
//! (`tables/evs_04_0038.en.md`); the rest are properties over every input.

use proptest::prelude::*;

mod sdk {
    status_table::status_table!(
        "tables/evs_04_0039.md",
        name = Status,
        other = Other,
        http,
        serde
    );
    status_table::status_table!(
        "tables/evs_04_0038.en.md",
        name = Error,
        other = Other,
        http,
        serde
    );
}

use sdk::{Error, Status};

#[test]
fn an_undocumented_status_is_kept() {
    let status = Status::from(429);
    assert_eq!(status.code(), 429);
    assert!(matches!(status, Status::Other(_)));
    assert_eq!(status.to_string(), "429");
    assert_eq!(status.description(), "");
    assert_eq!(status.name(), "Other");
    assert!(status.is_client_error());
    assert_eq!(
        Status::from_code(429),
        None,
        "from_code answers for documented codes only"
    );
}

#[test]
fn a_documented_status_is_its_variant() {
    assert_eq!(Status::from(413), Status::OverLimit);
    // The documented variants still match as constants.
    assert!(matches!(Status::from(415), Status::BadMediaType));
    assert_eq!(Status::from(413).to_string(), "413 overLimit");
    // No `TryFrom` of its own: core's blanket impl, which cannot fail.
    #[allow(clippy::unnecessary_fallible_conversions)]
    let infallible: Result<Status, core::convert::Infallible> = Status::try_from(413);
    assert_eq!(infallible, Ok(Status::OverLimit));
}

#[test]
fn an_undocumented_error_code_is_kept() {
    let code = Error::from("EVS.9999");
    assert_eq!(code.code(), "EVS.9999");
    assert!(matches!(code, Error::Other(_)));
    assert_eq!(code.to_string(), "EVS.9999");
    assert_eq!(code.http_status(), None);
    assert_eq!(code.message(), "");
    assert_eq!(Error::from("EVS.0001"), Error::Evs0001);
    assert_eq!(Error::from("EVS.0001").http_status(), Some(400));
    assert_eq!(Error::from_code("EVS.9999"), None);
}

#[test]
fn every_status_from_100_to_999_decodes_and_round_trips() {
    for code in 100..=999 {
        let status = Status::from(code);
        assert_eq!(status.code(), code);
        assert_eq!(status.to_string().parse::<Status>(), Ok(status));
        let json = serde_json::to_string(&status).unwrap();
        assert_eq!(serde_json::from_str::<Status>(&json).unwrap(), status);
        assert_eq!(
            Status::from_code(code).is_some(),
            !matches!(status, Status::Other(_))
        );
    }
}

#[test]
fn order_is_by_code() {
    let mut statuses = [
        Status::from(504),
        Status::from(429),
        Status::Ok,
        Status::from(100),
    ];
    statuses.sort();
    let codes: Vec<u16> = statuses.iter().map(|s| s.code()).collect();
    assert_eq!(codes, [100, 200, 429, 504]);
    let mut errors = [
        Error::from("EVS.9999"),
        Error::Evs0001,
        Error::from("APIG.0101"),
    ];
    errors.sort();
    let codes: Vec<&str> = errors.iter().map(Error::code).collect();
    assert_eq!(codes, ["APIG.0101", "EVS.0001", "EVS.9999"]);
}

#[test]
fn serde_keeps_undocumented_values() {
    let status: Status = serde_json::from_str("429").unwrap();
    assert_eq!(status.code(), 429);
    assert_eq!(serde_json::to_string(&status).unwrap(), "429");
    let code: Error = serde_json::from_str("\"EVS.9999\"").unwrap();
    assert_eq!(code.code(), "EVS.9999");
    assert_eq!(serde_json::to_string(&code).unwrap(), "\"EVS.9999\"");
    let code: Error = serde_json::from_str("\"EVS.0001\"").unwrap();
    assert_eq!(code, Error::Evs0001);
}

#[test]
fn http_interop() {
    assert_eq!(
        Status::from(http::StatusCode::TOO_MANY_REQUESTS).code(),
        429
    );
    assert_eq!(
        Status::from(http::StatusCode::PAYLOAD_TOO_LARGE),
        Status::OverLimit
    );
    assert_eq!(
        Status::from(429).http_status_code(),
        Some(http::StatusCode::TOO_MANY_REQUESTS)
    );
    assert_eq!(Status::from(42).http_status_code(), None);
    assert_eq!(
        Error::Evs0001.http_status_code(),
        Some(http::StatusCode::BAD_REQUEST)
    );
    assert_eq!(Error::from("EVS.9999").http_status_code(), None);
}

proptest! {
    #[test]
    fn any_status_decodes_and_round_trips(code in any::<u16>()) {
        let status = Status::from(code);
        prop_assert_eq!(status.code(), code);
        prop_assert_eq!(u16::from(status), code);
        prop_assert_eq!(status.to_string().parse::<Status>(), Ok(status));
        let json = serde_json::to_string(&status).unwrap();
        prop_assert_eq!(serde_json::from_str::<Status>(&json).unwrap(), status);
        if let Some(documented) = Status::from_code(code) {
            prop_assert_eq!(status, documented);
        } else {
            prop_assert!(matches!(status, Status::Other(_)), "{}", code);
        }
    }

    #[test]
    fn every_error_code_decodes_and_round_trips(code in "\\PC{0,24}") {
        let error = Error::from(code.as_str());
        prop_assert_eq!(error.code(), code.as_str());
        let json = serde_json::to_string(&error).unwrap();
        prop_assert_eq!(serde_json::from_str::<Error>(&json).unwrap(), error.clone());
        // FromStr also reads variant names and Display forms; any other text
        // is the code itself.
        let parsed: Error = error.to_string().parse().unwrap();
        if Error::ALL.iter().all(|e| e.name() != code && e.to_string() != code) {
            prop_assert_eq!(parsed, error.clone());
        }
        match Error::from_code(&code) {
            Some(documented) => prop_assert_eq!(error, documented),
            None => prop_assert!(matches!(error, Error::Other(_))),
        }
    }

    #[test]
    fn every_documented_code_is_its_variant(index in 0..Error::ALL.len()) {
        let documented = Error::ALL[index].clone();
        prop_assert_eq!(Error::from(documented.code()), documented.clone());
        prop_assert_eq!(documented.to_string().parse::<Error>(), Ok(documented.clone()));
        prop_assert_eq!(documented.name().parse::<Error>(), Ok(documented));
    }
}
