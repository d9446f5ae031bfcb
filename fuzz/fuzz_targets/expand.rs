//! Fuzzes the whole engine, `status_codegen::expand`, on arbitrary bytes read
//! both as Markdown and as HTML: it must return a model or diagnostics, never
//! panic, and every diagnostic must be located inside the document and start
//! with the path, as the macro prints it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use status_codegen::__private::MAX_DIAGNOSTICS;
use status_codegen::{Location, Options, expand};

fuzz_target!(|bytes: &[u8]| {
    for path in ["fuzz/input.md", "fuzz/input.html"] {
        check(path, bytes);
    }
});

fn check(path: &str, bytes: &[u8]) {
    let expansion = expand(path, bytes, &Options::default());
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = String::from_utf8_lossy(body);
    // Lines end at `\n`, `\r\n` or a lone `\r`, as in CommonMark.
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalized.split('\n').collect();
    assert!(expansion.diagnostics().len() <= MAX_DIAGNOSTICS + 1);
    for diagnostic in expansion.diagnostics() {
        let rendered = diagnostic.to_string();
        assert!(rendered.starts_with(path), "{rendered}");
        if let Some(at) = diagnostic.location() {
            assert_inside(at, &lines);
            let head = format!("{path}:{}:{}: ", at.line(), at.column());
            assert!(rendered.starts_with(&head), "{rendered}");
        }
        for related in diagnostic.related() {
            assert_inside(related.location(), &lines);
        }
    }
    for variant in expansion.model().variants() {
        if let Some(number) = variant.number() {
            assert!((100..=999).contains(&number), "{variant:?}");
        }
        for row in variant.rows() {
            assert!((1..=lines.len()).contains(&row.line()), "{variant:?}");
        }
    }
    // The tokens are what the macro hands to rustc; printing them must not panic.
    let _ = expansion.tokens().to_string();
}

/// A location is 1-based and inside the text: its line exists and its column is
/// at most one past the line's last character.
fn assert_inside(at: Location, lines: &[&str]) {
    assert!(at.line() >= 1 && at.column() >= 1, "{at:?}");
    let line = lines
        .get(at.line() - 1)
        .unwrap_or_else(|| panic!("{at:?} past the end"));
    assert!(
        at.column() <= line.chars().count() + 1,
        "{at:?} past the end of its line"
    );
}
