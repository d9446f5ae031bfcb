//! The EVS types as a dependent gets them, whichever form built them (the
//! committed expansions by default, the proc macro with `regenerate`): CI runs
//! this file with every feature set. The expected values are the pages'
//! (`tables/evs_04_0039.md` line 89, `tables/evs_04_0038.en.md` line 18).

use status_core::evs::{ErrorCode, StatusCode};

#[test]
fn the_status_page_in_both_languages() {
    let status = StatusCode::from_code(413).unwrap();
    assert_eq!(status, StatusCode::OverLimit);
    assert_eq!(status.description(), "overLimit");
    assert_eq!(status.section(), "异常");
    assert_eq!(status.section_in("en"), Some("Abnormal"));
    assert_eq!(StatusCode::LANGS, ["zh", "en"]);
    assert_eq!(StatusCode::from_code(418), None);
    assert_eq!(StatusCode::ALL.first(), Some(&StatusCode::Ok));
}

#[test]
fn the_error_page() {
    let code = ErrorCode::from_code("EVS.0001").unwrap();
    assert_eq!(code, ErrorCode::Evs0001);
    assert_eq!(code.http_status(), 400);
    assert_eq!(code.message(), "invalid tenant id!");
    assert_eq!(code.solution(), "Use the correct tenant ID.");
    assert_eq!(ErrorCode::from_code("EVS.9999"), None);
}
