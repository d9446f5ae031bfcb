//! Error-code tables: `status_core::evs::ErrorCode`, generated from the English
//! EVS page "Error Codes" (`tables/evs_04_0038.en.md`). Every expected value is
//! typed from that document (the `<tr>` lines and cell texts), never from the
//! generated code.

use std::str::FromStr;

use status_core::evs::{ErrorCode, ParseErrorCodeError, UnknownErrorCode};

#[test]
fn a_code_answers_with_every_column_of_its_row() {
    let code = ErrorCode::from_code("EVS.0001").expect("EVS.0001 is documented");
    assert_eq!(code, ErrorCode::Evs0001);
    assert_eq!(code.code(), "EVS.0001");
    assert_eq!(code.http_status(), 400);
    assert_eq!(code.http_statuses(), [400]);
    assert_eq!(code.message(), "invalid tenant id!");
    assert_eq!(
        code.description(),
        "Incorrect tenant ID in the URI. The tenant ID is actually the project ID."
    );
    assert_eq!(code.solution(), "Use the correct tenant ID.");
    assert_eq!(code.section(), "Error Codes");
    assert_eq!(code.name(), "Evs0001");
    assert_eq!(code.rows()[0].line, 16);
}

#[test]
fn variant_names_come_from_the_codes() {
    assert_eq!(ErrorCode::Common0011.code(), "Common.0011");
    assert_eq!(
        ErrorCode::from_code("Common.0011"),
        Some(ErrorCode::Common0011)
    );
    assert_eq!(ErrorCode::Evs5400.code(), "EVS.5400");
}

#[test]
fn a_code_on_several_rows_keeps_every_row() {
    // EVS.5400 is listed on eight rows, each with its own texts.
    let rows = ErrorCode::Evs5400.rows();
    assert_eq!(rows.len(), 8);
    assert_eq!(rows[0].line, 1288);
    assert_eq!(rows[0].message, "Malformed request body.");
    assert_eq!(
        rows[0].description,
        "Incorrect request body parameter and format."
    );
    assert_eq!(rows[1].line, 1299);
    assert_eq!(rows[1].message, "Malformed request url.");
    assert_eq!(
        rows[1].solution,
        "Check whether the parameters and format of the request URL are correct."
    );
    // The accessors give the first row.
    assert_eq!(ErrorCode::Evs5400.message(), "Malformed request body.");
    assert_eq!(ErrorCode::Common0011.rows().len(), 3);
    assert_eq!(ErrorCode::Common0011.message(), "query job fail.");
}

#[test]
fn display_is_the_code_and_the_message() {
    assert_eq!(
        ErrorCode::Evs0001.to_string(),
        "EVS.0001 invalid tenant id!"
    );
}

#[test]
fn from_str_accepts_the_code_the_name_and_display() {
    assert_eq!(ErrorCode::from_str("EVS.0001"), Ok(ErrorCode::Evs0001));
    assert_eq!("Evs0001".parse::<ErrorCode>(), Ok(ErrorCode::Evs0001));
    assert_eq!(
        "EVS.0001 invalid tenant id!".parse::<ErrorCode>(),
        Ok(ErrorCode::Evs0001)
    );
    let error: ParseErrorCodeError = "EVS.9999".parse::<ErrorCode>().unwrap_err();
    assert!(
        error.to_string().contains("tables/evs_04_0038.en.md"),
        "{error}"
    );
    assert_eq!(
        ErrorCode::from_code("evs.0001"),
        None,
        "codes match exactly"
    );
}

#[test]
fn try_from_str_and_back() {
    assert_eq!(ErrorCode::try_from("EVS.5400"), Ok(ErrorCode::Evs5400));
    assert!(ErrorCode::try_from("EVS.9999").is_err());
    let text: &'static str = ErrorCode::Evs0001.into();
    assert_eq!(text, "EVS.0001");
}

#[test]
fn an_unknown_code_is_kept_as_it_was_given() {
    // A code received at run time (not 'static), as UnknownStatusCode keeps
    // its number: the error borrows it, so it needs no allocation.
    let received = String::from("EVS.9999");
    let error: UnknownErrorCode<'_> = ErrorCode::try_from(received.as_str()).unwrap_err();
    assert_eq!(error.code(), "EVS.9999");
    assert!(
        std::ptr::eq(error.code(), received.as_str()),
        "borrowed, not copied"
    );
    assert_eq!(
        error.to_string(),
        "unknown error code EVS.9999: not in tables/evs_04_0038.en.md"
    );
    let as_error: &dyn std::error::Error = &error;
    assert!(as_error.source().is_none());
    // A code that differs from a documented one only in case is not it.
    assert_eq!(
        ErrorCode::try_from("evs.0001").unwrap_err().code(),
        "evs.0001"
    );
}

#[test]
fn every_code_is_listed_once_in_document_order() {
    assert_eq!(ErrorCode::ALL.first(), Some(&ErrorCode::Evs0001));
    let mut codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.code()).collect();
    let count = codes.len();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), count);
    for code in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_code(code.code()), Some(*code));
        assert!(!code.rows().is_empty());
    }
}

#[test]
fn the_page_is_in_english() {
    assert_eq!(ErrorCode::LANGS, ["en"]);
    assert_eq!(
        ErrorCode::Evs0001.message_in("en"),
        Some("invalid tenant id!")
    );
    assert_eq!(ErrorCode::Evs0001.message_in("zh"), None);
}

/// One code in two notations: the second column is an alias (the fixture
/// `columns/alias_hex_decimal.md`; 0x0100 = 256, 0x0301 = 769, 0x0400 = 1024).
mod aliases {
    status_table::status_table!(
        "tests/documents/fixtures/columns/alias_hex_decimal.md",
        name = SessionCode
    );

    #[test]
    fn both_notations_find_the_code() {
        assert_eq!(
            SessionCode::from_code("0x0100"),
            Some(SessionCode::Code0x0100)
        );
        assert_eq!(SessionCode::from_code("256"), Some(SessionCode::Code0x0100));
        assert_eq!("769".parse::<SessionCode>(), Ok(SessionCode::Code0x0301));
        assert_eq!(
            SessionCode::from_code("1024").map(SessionCode::code),
            Some("0x0400")
        );
        assert_eq!(SessionCode::from_code("0x0101"), None);
        assert_eq!(SessionCode::Code0x0500.message(), "信息校验成功");
    }
}

/// Rows with no status (`N/A`, `-`, `Null`, `无`, an empty cell) and a second
/// table with no status column (the fixture `rows/no_status.md`): the status
/// is an `Option`, and nothing panics.
mod no_status {
    status_table::status_table!(
        "tests/documents/fixtures/rows/no_status.md",
        name = ReportCode,
        http
    );

    #[test]
    fn a_code_without_a_status_has_none_and_nothing_panics() {
        assert_eq!(ReportCode::Rpt0001.http_status(), Some(400));
        assert_eq!(ReportCode::Rpt0001.http_statuses(), [400]);
        assert_eq!(
            ReportCode::Rpt0001.http_status_code(),
            Some(http::StatusCode::BAD_REQUEST)
        );
        // RPT.0002 (N/A) to RPT.0006 (empty), and RPT.9001/9002 of the
        // table with no status column.
        for code in [
            "RPT.0002", "RPT.0003", "RPT.0004", "RPT.0005", "RPT.0006", "RPT.9001", "RPT.9002",
        ] {
            let code = ReportCode::from_code(code).expect("documented");
            assert_eq!(code.http_status(), None, "{code:?}");
            assert!(code.http_statuses().is_empty(), "{code:?}");
            assert_eq!(code.http_status_code(), None, "{code:?}");
        }
        assert_eq!(ReportCode::ALL.len(), 8);
    }
}
