//! The hand-written baseline must be the same enum as the generated one, or the
//! run-time and build-cost comparisons mean nothing.

use status_bench::handwritten::StatusCode as Handwritten;
use status_core::evs::StatusCode as Generated;

#[test]
fn same_rows_and_behaviour_as_the_generated_enum() {
    assert_eq!(Generated::ALL.len(), Handwritten::ALL.len());
    for (&generated, &handwritten) in Generated::ALL.iter().zip(Handwritten::ALL) {
        assert_eq!(generated.code(), handwritten.code());
        assert_eq!(generated.name(), handwritten.name());
        assert_eq!(generated.description(), handwritten.description());
        assert_eq!(generated.section(), handwritten.section());
        assert_eq!(generated.to_string(), handwritten.to_string());
        for input in [
            generated.code().to_string(),
            generated.name().to_owned(),
            generated.to_string(),
        ] {
            assert_eq!(
                input.parse::<Generated>().map(Generated::code).ok(),
                input.parse::<Handwritten>().map(Handwritten::code).ok(),
                "{input}"
            );
        }
    }
    for code in 0..=1000 {
        assert_eq!(
            Generated::from_code(code).map(Generated::code),
            Handwritten::from_code(code).map(Handwritten::code)
        );
    }
}
