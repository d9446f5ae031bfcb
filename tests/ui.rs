//! Compile errors, one file per way a document or an invocation can be wrong.
//! Each `tests/ui/*.rs` has its expected `.stderr` beside it.

#[test]
fn compile_errors() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
