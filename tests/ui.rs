//! Compile errors, one file per way a document or an invocation can be wrong
//! (`tests/ui/*.rs`, each with its expected `.stderr`), and generated code that
//! must compile cleanly in demanding callers (`tests/ui-pass/*.rs`).

use std::path::Path;

#[test]
#[allow(
    unsafe_code,
    reason = "set_var before any other thread of this test binary exists"
)]
fn compile_errors() {
    write_oversized_fixture();
    // trybuild builds each case in a crate under the target directory, which may
    // be anywhere (CARGO_TARGET_DIR): resolve the documents from this crate.
    // SAFETY: this binary has one test, so no other thread reads the environment.
    unsafe { std::env::set_var("STATUS_TABLE_MANIFEST_DIR", env!("CARGO_MANIFEST_DIR")) };
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
    cases.pass("tests/ui-pass/*.rs");
    drop(cases); // runs the cases

    // Whatever the input, the macro reports, it never panics.
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui")).unwrap()
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "stderr") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.contains("panicked"), "{}: {text}", path.display());
        }
    }
}

/// A document one byte over the engine's limit, in a git-ignored place that the
/// macro finds by walking up to the workspace root.
fn write_oversized_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ui-fixtures");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("oversized.md");
    let size = status_codegen::__private::MAX_DOCUMENT_BYTES + 1;
    if std::fs::metadata(&path).map(|m| m.len()).ok() != Some(size as u64) {
        let mut text = "| Status Code | Description |\n|---|---|\n| 200 | OK |\n".to_owned();
        text.extend(std::iter::repeat_n('\n', size - text.len()));
        std::fs::write(&path, text).unwrap();
    }
}
