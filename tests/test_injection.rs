//! Nothing in a document becomes code: hostile descriptions reach the output
//! only as string literals and doc attributes. This file compiling is half the
//! test; the other half is that every description round-trips exactly.
#![deny(warnings, missing_docs)]

mod hostile {
    status_table::status_table!("tests/documents/fixtures/injection.md");
}

use hostile::StatusCode;

/// (code, description) as `tests/documents/fixtures/injection.md` writes them (visible
/// text: entities decoded, the line break in 206 collapsed to a space).
const EXPECTED: &[(u16, &str)] = &[
    (200, r#"say "hello""#),
    (201, r#"C:\path\n\""#),
    (202, "end */ of comment /* start"),
    (203, r#"#[doc = "x"] #![no_std]"#),
    (204, "} fn evil() {"),
    (205, "</table> and <script>"),
    (206, "line one line two"),
    (207, "match"),
    (208, "Self"),
    (209, r##"r#"raw"# 'static"##),
    (210, "`code` *bold* [link](x) | pipe"),
    (211, "macro_rules! m { () => {} }"),
];

#[test]
fn every_description_round_trips_exactly() {
    assert_eq!(StatusCode::ALL.len(), EXPECTED.len());
    for (&status, &(code, description)) in StatusCode::ALL.iter().zip(EXPECTED) {
        assert_eq!(status.code(), code);
        assert_eq!(status.description(), description);
        assert_eq!(status.to_string(), format!("{code} {description}"));
        assert_eq!(
            format!("{code} {description}").parse::<StatusCode>(),
            Ok(status)
        );
    }
}

#[test]
fn keywords_become_safe_variant_names() {
    // "match" is a fine UpperCamelCase name; "Self" is not, so 208 takes its
    // registered reason phrase, "Already Reported".
    assert_eq!(
        StatusCode::from_code(207).map(StatusCode::name),
        Some("Match")
    );
    assert_eq!(
        StatusCode::from_code(208).map(StatusCode::name),
        Some("AlreadyReported")
    );
}
