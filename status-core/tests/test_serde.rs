//! The `serde` feature: the code serializes as its number.
#![cfg(feature = "serde")]

use status_core::evs::StatusCode;

#[test]
fn serializes_as_the_number() {
    assert_eq!(
        serde_json::to_string(&StatusCode::OverLimit).unwrap(),
        "413"
    );
    assert_eq!(
        serde_json::to_string(&[StatusCode::Ok, StatusCode::GatewayTimeout]).unwrap(),
        "[200,504]"
    );
}

#[test]
fn round_trips_every_code() {
    for &status in StatusCode::ALL {
        let json = serde_json::to_string(&status).unwrap();
        assert_eq!(json, status.code().to_string());
        assert_eq!(serde_json::from_str::<StatusCode>(&json).unwrap(), status);
    }
}

#[test]
fn an_unknown_code_is_a_clear_error() {
    let error = serde_json::from_str::<StatusCode>("418")
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        "invalid value: integer `418`, expected a status code listed in tables/evs_04_0039.md"
    );
    assert!(serde_json::from_str::<StatusCode>("\"OverLimit\"").is_err());
}

#[test]
fn works_inside_derived_structs() {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Reply {
        status: StatusCode,
    }
    let reply = Reply {
        status: StatusCode::BadMediaType,
    };
    let json = serde_json::to_string(&reply).unwrap();
    assert_eq!(json, r#"{"status":415}"#);
    assert_eq!(serde_json::from_str::<Reply>(&json).unwrap(), reply);
}

/// Error codes serialize as their code string (`tables/evs_04_0038.en.md`).
mod error_codes {
    use status_core::evs::ErrorCode;

    #[test]
    fn serialize_as_the_code_and_back() {
        assert_eq!(
            serde_json::to_string(&ErrorCode::Evs0001).unwrap(),
            "\"EVS.0001\""
        );
        for &code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        }
    }

    #[test]
    fn an_undocumented_code_is_an_error_naming_it() {
        let error = serde_json::from_str::<ErrorCode>("\"EVS.9999\"")
            .unwrap_err()
            .to_string();
        // serde_json adds where in the JSON it was.
        assert!(
            error.starts_with(
                "invalid value: string \"EVS.9999\", expected an error code listed in tables/evs_04_0038.en.md"
            ),
            "{error}"
        );
    }

    #[test]
    fn an_owned_string_decodes_too() {
        // serde_json hands owned strings to `from_reader` users.
        let code: ErrorCode = serde_json::from_reader(&b"\"Common.0011\""[..]).unwrap();
        assert_eq!(code, ErrorCode::Common0011);
    }
}
